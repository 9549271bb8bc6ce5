// From what the user typed to the Xapian::Query the searcher runs. The QueryParser is set up
// here and only here: the field prefixes users type (title:, site:, source:, lang:, author:,
// person:, org:, place:), the in-query date range (date:START..END), default AND, and the filters
// that come from flags (--since/--until, --person/--org/--place/--source). Everything works
// without a database, so the query grammar is testable on its own: the one thing that needs the
// archive, turning a name into the entity's terms, is a function the caller passes in
// (search.cpp passes the alias table's); term names come from common/schema.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "date.hpp"
#include "entity.hpp"

namespace news::searcher {

// An inclusive range of publication days; either end may be open.
struct DateRange {
    std::optional<Date> since;
    std::optional<Date> until;

    bool empty() const { return !since && !until; }
};

// Reads the --since/--until texts (either may be empty) with parse_user_date: --since takes the
// first day of a month or year given without a day, --until the last, so both ends are
// inclusive. Throws news::UsageError naming the flag, and when since comes after until.
DateRange parse_date_flags(const std::string& since, const std::string& until, const Date& today);

// A person, organisation or place asked for by name (--person "Antony Blinken").
struct EntityFilter {
    EntityType type = EntityType::Person;
    std::string name;

    bool operator==(const EntityFilter&) const = default;
};

// Where a name was given, so that messages can tell the user how to say it better.
enum class FilterOrigin { Query, Flag };

// The filter for a name: the OR of the terms of the entity it means. May throw news::UsageError
// (an ambiguous name). search() resolves names through the database's alias table.
using EntityResolver =
    std::function<Xapian::Query(EntityType type, const std::string& name, FilterOrigin origin)>;

// The field a query uses for an entity kind ("person", "org", "place") and the flag ("--person").
std::string_view entity_field(EntityType type);

struct QueryRequest {
    std::string text;  // the query as typed
    DateRange dates;   // from the flags
    Date today;        // for relative dates inside date: ranges ("7d..today")
    // --person, --org, --place: each one narrows the match (several of one kind AND together).
    std::vector<EntityFilter> entities;
    // --source: articles from any of these sources (an article has one source).
    std::vector<std::string> sources;

    bool has_filters() const { return !dates.empty() || !entities.empty() || !sources.empty(); }
};

// The query to run: the parsed text (default operator AND), filtered by the flag dates, names
// and sources. person:, org: and place: in the text and the --person/--org/--place names go
// through `resolve`; without one (grammar tests) a name is taken as an entity key as written,
// lower-cased. An empty or wordless text with a flag filter matches every article the filters
// let through; with none it is a news::UsageError, as is a malformed query ("bad query: ...").
// Wildcards stay unexpanded (OP_WILDCARD) until the match, so no database is needed here.
Xapian::Query build_query(const QueryRequest& request, const Xapian::Stem& stemmer,
                          const EntityResolver& resolve = {});

}  // namespace news::searcher

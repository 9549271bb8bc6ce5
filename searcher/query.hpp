// From what the user typed to the Xapian::Query the searcher runs. The QueryParser is set up
// here and only here: the field prefixes users type (title:, site:, source:, lang:, author:), the
// in-query date range (date:START..END), default AND, and the filters that come from flags
// (--since/--until). Everything works without a database, so the query grammar is testable on
// its own; term names come from common/schema.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "date.hpp"

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

struct QueryRequest {
    std::string text;  // the query as typed
    DateRange dates;   // from the flags
    Date today;        // for relative dates inside date: ranges ("7d..today")
};

// The query to run: the parsed text (default operator AND), filtered by the flag dates. An
// empty or wordless text with a date range matches every article in the range; with no range it
// is a news::UsageError, as is a malformed query ("bad query: ..."). Wildcards stay unexpanded
// (OP_WILDCARD) until the match, so no database is needed here.
Xapian::Query build_query(const QueryRequest& request, const Xapian::Stem& stemmer);

}  // namespace news::searcher

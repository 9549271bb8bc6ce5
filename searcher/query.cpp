#include "query.hpp"

#include <string_view>
#include <vector>

#include "error.hpp"
#include "schema.hpp"

namespace news::searcher {

namespace {

// The in-query date range: "date:2024-01-01..2024-03-31", "date:20240101..20240331",
// "date:2024-01..2024-03", "date:2024..", "date:30d..". The forms of --since/--until come first
// so a month or a year covers all its days; Xapian's own date reading is the fallback.
constexpr std::string_view kDateField = "date:";

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

class DateRangeField : public Xapian::DateRangeProcessor {
  public:
    explicit DateRangeField(const Date& today)
        : Xapian::DateRangeProcessor(schema::kSlotDate, std::string(kDateField)), m_today(today) {}

    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        std::optional<Date> from, to;
        if (!begin.empty()) from = parse_user_date(begin, false, m_today);
        if (!end.empty()) to = parse_user_date(end, true, m_today);
        if ((begin.empty() || from) && (end.empty() || to)) {
            if (from && to) {
                return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate,
                                     from->compact(), to->compact());
            }
            if (from) {
                return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate,
                                     from->compact());
            }
            if (to) {
                return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, to->compact());
            }
        }
        Xapian::Query fallback = Xapian::DateRangeProcessor::operator()(begin, end);
        if (fallback.get_type() != Xapian::Query::OP_INVALID) return fallback;
        const std::string& bad = begin.empty() || from ? end : begin;
        throw Xapian::QueryParserError(
            "cannot read date '" + bad + "' in " + std::string(kDateField) + begin + ".." + end +
            " (try date:2024-01-01..2024-03-31 or date:2024-01..2024-03)");
    }

  private:
    Date m_today;
};

// Boolean fields whose value is turned into one filter term by a schema helper, so that what a
// user types (a host with "www." or a scheme, a source name with spaces and capitals) meets the
// term the indexer wrote.
class TermField : public Xapian::FieldProcessor {
  public:
    using Encoder = std::string (*)(std::string_view);
    explicit TermField(Encoder encode) : m_encode(encode) {}

    // An empty value still yields a term (the bare prefix, which no article has): an empty
    // Xapian::Query would match everything, or swallow the words next to it.
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(m_encode(trim(value)));
    }

  private:
    Encoder m_encode;
};

std::string site_term(std::string_view value) {
    // host_of_url does the normalisation (case, "www.", port, path) but wants a scheme.
    std::string url(value);
    if (url.find("://") == std::string::npos) url = "http://" + url;
    return schema::host_term(schema::host_of_url(url));
}

std::string source_term(std::string_view value) {
    return schema::source_term(value);
}
std::string language_term(std::string_view value) {
    return schema::language_term(value);
}

// The author is indexed as words without positions, so `author:"Jane Doe"` cannot be a phrase;
// it is every word of the name instead, as a filter.
class AuthorField : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& value) override {
        std::vector<Xapian::Query> terms;
        std::string word;
        auto flush = [&] {
            if (!word.empty()) terms.emplace_back(std::string(schema::kAuthor) + word);
            word.clear();
        };
        for (Xapian::Utf8Iterator it(value); it != Xapian::Utf8Iterator(); ++it) {
            if (Xapian::Unicode::is_wordchar(*it)) {
                Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(*it));
            } else {
                flush();
            }
        }
        flush();
        if (terms.empty()) return Xapian::Query(std::string(schema::kAuthor));  // as TermField
        return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
    }
};

// The name as a key when no resolver is given: lower-cased (ASCII), spaces collapsed.
std::string literal_key(std::string_view name) {
    std::string key;
    for (char c : trim(name)) {
        if (c == ' ' || c == '\t') {
            if (!key.empty() && key.back() != ' ') key += ' ';
        } else {
            key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return key;
}

Xapian::Query entity_query(EntityType type, const std::string& name, FilterOrigin origin,
                           const EntityResolver& resolve) {
    std::string value(trim(name));
    if (value.empty()) {
        if (origin == FilterOrigin::Flag) {
            throw UsageError("--" + std::string(entity_field(type)) + " needs a name");
        }
        // As TermField: a term no article has, so the filter matches nothing.
        return Xapian::Query(std::string(schema::entity_prefix(type)));
    }
    if (resolve) return resolve(type, value, origin);
    return Xapian::Query(schema::entity_term(type, literal_key(value)));
}

// person:, org:, place: a name, resolved to the terms of the entity it means. Each is a filter
// of its own (the prefix is not exclusive), so two persons AND together.
class EntityField : public Xapian::FieldProcessor {
  public:
    EntityField(EntityType type, const EntityResolver& resolve)
        : m_type(type), m_resolve(resolve) {}

    Xapian::Query operator()(const std::string& value) override {
        return entity_query(m_type, value, FilterOrigin::Query, m_resolve);
    }

  private:
    EntityType m_type;
    const EntityResolver& m_resolve;  // outlives the parser (build_query's argument)
};

Xapian::QueryParser make_parser(const Xapian::Stem& stemmer, const Date& today,
                                const EntityResolver& resolve) {
    Xapian::QueryParser qp;
    qp.set_stemmer(stemmer);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    // A news reader adding a word means "about this too", not "or this".
    qp.set_default_op(Xapian::Query::OP_AND);
    // "a*" in a big archive would otherwise OR together every term starting with "a".
    qp.set_max_expansion(200, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    qp.add_prefix("title", std::string(schema::kTitle));
    qp.add_boolean_prefix("site", (new TermField(&site_term))->release());
    qp.add_boolean_prefix("source", (new TermField(&source_term))->release());
    qp.add_boolean_prefix("lang", (new TermField(&language_term))->release());
    qp.add_boolean_prefix("author", (new AuthorField())->release());
    for (EntityType type : {EntityType::Person, EntityType::Organization, EntityType::Place}) {
        qp.add_boolean_prefix(std::string(entity_field(type)),
                              (new EntityField(type, resolve))->release(), false);
    }
    qp.add_rangeprocessor((new DateRangeField(today))->release());
    return qp;
}

constexpr unsigned kParseFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

std::string explain(const std::string& message) {
    // Xapian's wording for "a..b" with no field it knows.
    if (message == "Unknown range operation")
        return "unknown range (the one range is date:START..END, e.g. date:2024-01-01..2024-03-31)";
    return message;
}

// QueryParser reads any "a..b" as a range, so pasted text with "..." ("rise...fall") would be
// an unknown range; three or more dots are punctuation, never a range.
std::string without_ellipses(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t dots = 0;
        while (i + dots < text.size() && text[i + dots] == '.')
            ++dots;
        if (dots >= 3) {
            out += ' ';
            i += dots;
        } else if (dots > 0) {
            out.append(dots, '.');
            i += dots;
        } else {
            out += text[i++];
        }
    }
    return out;
}

// Xapian 1.4 reads a query of only excluded words ("-sport") as if the minus signs were not
// there, which finds exactly what the user excluded; "NOT sport" is what they mean, and
// FLAG_PURE_NOT makes that "everything but sport".
std::string with_pure_negation(const std::string& text) {
    std::vector<std::string> tokens;
    std::string token;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == ' ' || c == '\t' || c == '\n')) {
            if (!token.empty()) tokens.push_back(std::move(token));
            token.clear();
        } else {
            token += c;
        }
    }
    if (!token.empty()) tokens.push_back(std::move(token));
    if (tokens.empty()) return text;
    for (const std::string& t : tokens) {
        if (t.size() < 2 || t[0] != '-' || t[1] == '-') return text;
    }
    std::string out;
    for (const std::string& t : tokens) {
        if (!out.empty()) out += ' ';
        out += "NOT " + t.substr(1);
    }
    return out;
}

// Messages stay one short line even for a 10,000-character query.
std::string one_line(const std::string& text, std::size_t max_bytes) {
    std::string out = text;
    if (out.size() > max_bytes) {
        std::size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
            --cut;
        out = out.substr(0, cut) + "…";
    }
    for (char& c : out) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return out;
}

Xapian::Query date_filter(const DateRange& dates) {
    if (dates.since && dates.until) {
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate,
                             dates.since->compact(), dates.until->compact());
    }
    if (dates.since) {
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, dates.since->compact());
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, dates.until->compact());
}

std::optional<Date> read_flag_date(const std::string& text, bool upper, const char* flag,
                                   const Date& today) {
    if (trim(text).empty()) return std::nullopt;
    std::optional<Date> d = parse_user_date(text, upper, today);
    if (!d) {
        throw UsageError("cannot read date '" + text + "' for " + flag +
                         " (try 2024-03-05, 2024-03, March 5 2024)");
    }
    return d;
}

}  // namespace

DateRange parse_date_flags(const std::string& since, const std::string& until, const Date& today) {
    DateRange range;
    range.since = read_flag_date(since, false, "--since", today);
    range.until = read_flag_date(until, true, "--until", today);
    if (range.since && range.until && range.since->compact() > range.until->compact()) {
        throw UsageError("--since " + range.since->iso_day() + " is after --until " +
                         range.until->iso_day());
    }
    return range;
}

std::string_view entity_field(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return "person";
        case EntityType::Organization:
            return "org";
        case EntityType::Place:
            return "place";
    }
    return "person";
}

Xapian::Query build_query(const QueryRequest& request, const Xapian::Stem& stemmer,
                          const EntityResolver& resolve) {
    Xapian::Query parsed;
    try {
        Xapian::QueryParser qp = make_parser(stemmer, request.today, resolve);
        parsed = qp.parse_query(with_pure_negation(without_ellipses(request.text)), kParseFlags);
    } catch (const Xapian::QueryParserError& e) {
        throw UsageError("bad query: " + one_line(explain(e.get_msg()), 240));
    }
    if (!request.has_filters()) {
        if (parsed.empty()) {
            throw UsageError(trim(request.text).empty()
                                 ? "no query (give words to search for; or --since/--until, "
                                   "--person, --org, --place or --source to list articles)"
                                 : "no words to search for in '" + one_line(request.text, 60) +
                                       "'");
        }
        return parsed;
    }
    // Every flag filter narrows the match; none adds weight.
    std::vector<Xapian::Query> filters;
    if (!request.dates.empty()) filters.push_back(date_filter(request.dates));
    for (const EntityFilter& f : request.entities)
        filters.push_back(entity_query(f.type, f.name, FilterOrigin::Flag, resolve));
    if (!request.sources.empty()) {
        std::vector<Xapian::Query> sources;
        for (const std::string& s : request.sources) {
            if (trim(s).empty()) throw UsageError("--source needs a name");
            sources.emplace_back(schema::source_term(trim(s)));
        }
        filters.emplace_back(Xapian::Query::OP_OR, sources.begin(), sources.end());
    }
    // No words but filters: list what they let through (the caller sorts it newest first).
    if (parsed.empty()) parsed = Xapian::Query::MatchAll;
    Xapian::Query filter =
        filters.size() == 1 ? filters.front()
                            : Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, parsed, filter);
}

}  // namespace news::searcher

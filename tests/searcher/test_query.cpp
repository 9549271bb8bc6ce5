#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "error.hpp"
#include "query.hpp"
#include "schema.hpp"
#include "stemmer.hpp"
#include "test_db.hpp"

using namespace news;
using namespace news::searcher;
using news::searcher::testing::make_date;

namespace {

const Date kToday = make_date(2024, 6, 15);

QueryRequest request_for(const std::string& text, DateRange dates = {}) {
    QueryRequest r;
    r.text = text;
    r.dates = dates;
    r.today = kToday;
    return r;
}

std::string describe(const std::string& text, DateRange dates = {}) {
    return build_query(request_for(text, dates), make_stemmer("en")).get_description();
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string usage_error_of(const std::string& text, DateRange dates = {}) {
    try {
        build_query(request_for(text, dates), make_stemmer("en"));
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

std::string date_flag_error(const std::string& since, const std::string& until) {
    try {
        parse_date_flags(since, until, kToday);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("words are ANDed and stemmed like the indexer stems them") {
    std::string d = describe("climate changes");
    CHECK(contains(d, "Zclimat"));
    CHECK(contains(d, "Zchang"));
    CHECK(contains(d, " AND "));
    CHECK(contains(describe("climate OR weather"), " OR "));
    CHECK(contains(describe("climate -sport"), "AND_NOT"));
    CHECK(contains(describe("climate NOT sport"), "AND_NOT"));
    // Only excluded words: everything but them (Xapian alone would search for them).
    CHECK(describe("-sport") == "Query((<alldocuments> AND_NOT Zsport@1))");
    CHECK(contains(describe("-sport -\"big match\""), "AND_NOT (big@2 PHRASE 2 match@3)"));
}

TEST_CASE("phrases and NEAR keep word order and positions") {
    CHECK(contains(describe("\"sea level rise\""), "(sea@1 PHRASE 3 level@2 PHRASE 3 rise@3)"));
    CHECK(contains(describe("flood NEAR dam"), "NEAR"));
    CHECK(contains(describe("elect*"), "WILDCARD"));
}

TEST_CASE("field prefixes map to the schema's terms") {
    // Title words are stemmed like body words, behind Xapian's "Z" stem marker.
    const std::string title_stem = std::string("Z").append(schema::kTitle).append("budget");
    CHECK(contains(describe("title:budget"), title_stem));
    CHECK(contains(describe("title:\"spring budget\""), std::string(schema::kTitle) + "spring"));

    const std::string host = schema::host_term("example.com");
    CHECK(contains(describe("site:example.com"), host));
    CHECK(contains(describe("site:www.Example.COM"), host));
    CHECK(contains(describe("site:https://www.example.com/news/today"), host));

    CHECK(contains(describe("source:\"Coastline Herald\" storm"),
                   schema::source_term("Coastline Herald")));
    CHECK(contains(describe("source:coastline-herald"), schema::source_term("Coastline Herald")));
    CHECK(contains(describe("lang:DE"), schema::language_term("de")));

    std::string author = describe("author:\"Jane Doe\"");
    CHECK(contains(author, std::string(schema::kAuthor) + "jane"));
    CHECK(contains(author, std::string(schema::kAuthor) + "doe"));
}

TEST_CASE("a filter-only query is a boolean filter, not a match on words") {
    std::string d = describe("storm site:example.com");
    CHECK(contains(d, "FILTER"));
    CHECK(contains(d, "Zstorm"));
    // An empty site: value filters everything out instead of matching everything.
    std::string empty_site = describe("site:\"\" storm");
    CHECK(contains(empty_site, "Zstorm"));
    CHECK_FALSE(contains(empty_site, "<alldocuments>"));
}

TEST_CASE("--since and --until become an inclusive date-slot range") {
    DateRange r = parse_date_flags("2024-01-01", "2024-03-31", kToday);
    std::string d = describe("storm", r);
    CHECK(contains(d, "VALUE_RANGE " + std::to_string(schema::kSlotDate) + " 20240101 20240331"));

    // Month and year forms cover the whole month or year.
    r = parse_date_flags("2024-02", "2024-02", kToday);
    CHECK(r.since->compact() == "20240201");
    CHECK(r.until->compact() == "20240229");
    r = parse_date_flags("2023", "2023", kToday);
    CHECK(r.since->compact() == "20230101");
    CHECK(r.until->compact() == "20231231");

    CHECK(contains(describe("storm", parse_date_flags("March 5 2024", "", kToday)),
                   "VALUE_GE " + std::to_string(schema::kSlotDate) + " 20240305"));
    CHECK(contains(describe("storm", parse_date_flags("", "7d", kToday)),
                   "VALUE_LE " + std::to_string(schema::kSlotDate) + " 20240608"));
}

TEST_CASE("unreadable or reversed flag dates are usage errors naming the flag") {
    CHECK(date_flag_error("xyz", "") ==
          "cannot read date 'xyz' for --since (try 2024-03-05, 2024-03, March 5 2024)");
    CHECK(contains(date_flag_error("", "31/31/2024"), "for --until"));
    CHECK(contains(date_flag_error("2024-05-01", "2024-01-31"), "is after --until"));
    CHECK(date_flag_error("", "") == "");
}

TEST_CASE("the in-query date range reads several forms") {
    const std::string slot = std::to_string(schema::kSlotDate);
    CHECK(contains(describe("storm date:2024-01-01..2024-03-31"),
                   "VALUE_RANGE " + slot + " 20240101 20240331"));
    CHECK(contains(describe("storm date:20240101..20240331"),
                   "VALUE_RANGE " + slot + " 20240101 20240331"));
    CHECK(contains(describe("storm date:2024-01..2024-02"),
                   "VALUE_RANGE " + slot + " 20240101 20240229"));
    CHECK(contains(describe("date:2024.."), "VALUE_GE " + slot + " 20240101"));
    CHECK(contains(describe("date:..2023"), "VALUE_LE " + slot + " 20231231"));
    CHECK(contains(usage_error_of("storm date:soon..later"), "bad query: cannot read date 'soon'"));
}

TEST_CASE("malformed queries are one-line usage errors") {
    CHECK(contains(usage_error_of("storm AND"), "bad query: "));
    CHECK(contains(usage_error_of("OR"), "bad query: "));
    CHECK(contains(usage_error_of("1..5"), "bad query: unknown range"));
    for (const std::string& text : {std::string("storm AND"), std::string("date:x..y")}) {
        CHECK(usage_error_of(text).find('\n') == std::string::npos);
    }
}

TEST_CASE("an empty query lists a date range, and is an error without one") {
    DateRange r = parse_date_flags("2024-01", "", kToday);
    std::string d = describe("", r);
    CHECK(contains(d, "<alldocuments>"));
    CHECK(contains(d, "FILTER"));
    CHECK(contains(describe("  !!! ", r), "<alldocuments>"));
    CHECK(contains(usage_error_of(""), "no query"));
    CHECK(contains(usage_error_of("   "), "no query"));
    CHECK(contains(usage_error_of("!!! ..."), "no words to search for"));
    CHECK(contains(describe("rise...fall"), "Zrise"));
}

TEST_CASE("odd queries never crash") {
    std::string huge;
    for (int i = 0; i < 1000; ++i)
        huge += "word" + std::to_string(i) + " ";
    CHECK(huge.size() > 5000);
    for (const std::string& text :
         {huge, std::string(10000, 'x'), std::string("\xff\xfe\xc3 storm \x80"),
          std::string("\"unterminated"), std::string("((((storm"), std::string("storm))))"),
          std::string("title: site: source: lang: author:"), std::string("*"),
          std::string("\"\"\"\""), std::string("-"), std::string("NEAR"), std::string("a NEAR/0 b"),
          std::string("date:.."), std::string("storm\nrain\t")}) {
        CAPTURE(text.substr(0, 40));
        try {
            build_query(request_for(text), make_stemmer("en"));
        } catch (const UsageError& e) {
            CHECK(std::string(e.what()).size() < 200);
        }
    }
    // Long error messages are cut to one short line.
    CHECK(usage_error_of(std::string(10000, '!')).size() < 200);
}

namespace {

// A resolver standing in for the alias table: "Biden" is ambiguous, "Blinken" is one person with
// two keys, anything else is the name lower-cased.
Xapian::Query fake_resolve(EntityType type, const std::string& name, FilterOrigin origin) {
    if (name == "Biden") {
        throw UsageError(
            std::string("\"Biden\" may mean: Joe Biden, Hunter Biden; say which with ") +
            (origin == FilterOrigin::Flag ? "--person" : "person:"));
    }
    if (name == "Blinken") {
        Xapian::Query a(schema::entity_term(type, "antony blinken"));
        Xapian::Query b(schema::entity_term(type, "anthony blinken"));
        return Xapian::Query(Xapian::Query::OP_OR, a, b);
    }
    std::string key;
    for (char c : name)
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return Xapian::Query(schema::entity_term(type, key));
}

std::string describe_with(const QueryRequest& r) {
    return build_query(r, make_stemmer("en"), &fake_resolve).get_description();
}

std::string error_with(const QueryRequest& r) {
    try {
        build_query(r, make_stemmer("en"), &fake_resolve);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("person:, org: and place: are filters resolved to the entity's terms") {
    const std::string joe = schema::entity_term(EntityType::Person, "joe biden");
    std::string d = describe_with(request_for("storm person:\"Joe Biden\""));
    CHECK(contains(d, "Zstorm"));
    CHECK(contains(d, "FILTER " + joe));
    // Several names of one kind AND together (drill-down), each an OR of its keys.
    d = describe_with(request_for("person:\"Joe Biden\" person:Blinken"));
    CHECK(contains(d, joe + " AND (" + schema::entity_term(EntityType::Person, "antony blinken") +
                          " OR " + schema::entity_term(EntityType::Person, "anthony blinken") +
                          ")"));
    CHECK(contains(describe_with(request_for("org:NATO place:Kyiv")),
                   schema::entity_term(EntityType::Organization, "nato") + " AND " +
                       schema::entity_term(EntityType::Place, "kyiv")));
    // Excluded like any filter.
    CHECK(contains(describe_with(request_for("storm -place:Kyiv")), "AND_NOT XGkyiv"));
    // Without a resolver the name is taken as a key.
    CHECK(contains(describe("person:\"Joe  BIDEN\""), joe));
    // An empty name matches nothing rather than everything.
    CHECK_FALSE(contains(describe_with(request_for("storm person:\"\"")), "<alldocuments>"));
}

TEST_CASE("an ambiguous name stops the query with the resolver's message") {
    CHECK(contains(error_with(request_for("storm person:Biden")), "say which with person:"));
    QueryRequest r = request_for("storm");
    r.entities = {{EntityType::Person, "Biden"}};
    CHECK(contains(error_with(r), "say which with --person"));
}

TEST_CASE("--person, --org, --place and --source filter, with or without words") {
    QueryRequest r = request_for("");
    r.entities = {{EntityType::Person, "Joe Biden"}, {EntityType::Person, "Blinken"}};
    std::string d = describe_with(r);
    CHECK(contains(d, "<alldocuments> FILTER ("));
    CHECK(contains(d, "XPjoe biden AND (XPantony blinken OR XPanthony blinken)"));

    r = request_for("storm");
    r.sources = {"Reuters", "Le Monde"};
    d = describe_with(r);
    CHECK(contains(d, "Zstorm@1 FILTER (" + schema::source_term("Reuters") + " OR " +
                          schema::source_term("Le Monde") + ")"));

    r = request_for("", parse_date_flags("2024-01", "", kToday));
    r.entities = {{EntityType::Place, "Kyiv"}};
    d = describe_with(r);
    CHECK(contains(d, "VALUE_GE"));
    CHECK(contains(d, "XGkyiv"));

    r = request_for("storm");
    r.entities = {{EntityType::Organization, "  "}};
    CHECK(error_with(r) == "--org needs a name");
    r = request_for("storm");
    r.sources = {""};
    CHECK(error_with(r) == "--source needs a name");
    CHECK(contains(error_with(request_for("")), "--person"));
}

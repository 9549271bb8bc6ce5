#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "facets.hpp"
#include "render_json.hpp"
#include "render_text.hpp"
#include "schema.hpp"
#include "search.hpp"
#include "test_db.hpp"

using namespace news;
using namespace news::searcher;
using news::searcher::testing::entity_keys;
using news::searcher::testing::make_article;
using news::searcher::testing::make_date;
using news::searcher::testing::TempDatabase;
using news::searcher::testing::with_entities;

namespace {

constexpr EntityType P = EntityType::Person;
constexpr EntityType O = EntityType::Organization;
constexpr EntityType G = EntityType::Place;

// Twelve articles over three sources and two years, naming people, organisations and places,
// some of them twice under two spellings.
std::vector<Article> archive_articles() {
    std::vector<Article> out;
    auto add = [&](const std::string& title, const std::string& date, const std::string& source,
                   std::vector<std::pair<EntityType, std::string>> names) {
        out.push_back(with_entities(
            make_article(title, title + ". Talks on trade went on.", date, "", source), names));
    };
    add("Blinken visits Kyiv", "2023-11-02", "Reuters",
        {{P, "Antony Blinken"}, {G, "Kyiv"}, {G, "Ukraine"}, {O, "NATO"}});
    add("Blinken and Biden meet", "2023-11-15", "Reuters",
        {{P, "Antony Blinken"}, {P, "Joe Biden"}, {G, "Washington"}});
    add("Biden signs bill", "2023-12-01", "AP", {{P, "Joe Biden"}, {G, "Washington"}});
    add("Biden at summit", "2024-01-20", "AP",
        {{P, "Joe Biden"}, {O, "NATO"}, {O, "European Union"}, {G, "Brussels"}});
    add("Hunter Biden hearing", "2024-02-03", "reuters", {{P, "Hunter Biden"}});
    add("Trade talks", "2024-02-03", "Reuters", {{O, "World Trade Organization"}, {G, "Geneva"}});
    add("NATO ministers", "2024-02-28", "Le Monde",
        {{O, "NATO"}, {P, "Antony Blinken"}, {G, "Brussels"}});
    add("Biden and Blinken on Gaza", "2024-03-10", "AP",
        {{P, "Joe Biden"}, {P, "Antony Blinken"}, {G, "Gaza"}});
    add("Kyiv under fire", "2024-03-11", "Reuters", {{G, "Kyiv"}, {G, "Ukraine"}});
    add("Markets calm", "2024-03-12", "Le Monde", {});
    add("Undated note", "", "AP", {{P, "Joe Biden"}});
    add("EU summit", "2024-04-02", "Le Monde",
        {{O, "European Union"}, {G, "Brussels"}, {P, "Joe Biden"}});
    return out;
}

struct Archive {
    TempDatabase tmp;
    Xapian::Database db;
    std::vector<Article> articles = archive_articles();
    Archive() {
        for (const Article& a : articles)
            tmp.add(a);
        db = tmp.reader();
    }
};

// Counts made by hand from the articles: each key once per article that has it.
std::map<std::string, Xapian::doccount> hand_count(const std::vector<Article>& articles,
                                                   EntityType type) {
    std::map<std::string, Xapian::doccount> counts;
    for (const Article& a : articles) {
        for (const std::string& key : entity_keys(a, type))
            ++counts[key];
    }
    return counts;
}

std::map<std::string, Xapian::doccount> sorted(const ValueCounts& counts) {
    return {counts.begin(), counts.end()};
}

KeySets key_sets(const std::vector<std::pair<std::string, Xapian::doccount>>& sets) {
    KeySets out;
    for (const auto& [set, n] : sets)
        out.add(set, n);
    return out;
}

void spy_on(const Xapian::Database& db, const Xapian::Query& query, FacetSpy& spy) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 2, db.get_doccount());  // a page of 2, counts over all matches
}

std::size_t columns(const std::string& s) {
    std::size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

}  // namespace

TEST_CASE("the spy counts each key of a multi-valued slot once per matching article") {
    Archive a;
    FacetSpy spy({schema::kSlotPersons, schema::kSlotOrganizations, schema::kSlotPlaces},
                 {schema::kSlotSource, schema::kSlotDate});
    spy_on(a.db, Xapian::Query::MatchAll, spy);
    CHECK(spy.documents() == a.articles.size());
    for (EntityType type : {P, O, G}) {
        CAPTURE(entity_type_name(type));
        std::map<std::string, Xapian::doccount> by_hand = hand_count(a.articles, type);
        CHECK(!by_hand.empty());
        CHECK(sorted(spy.key_sets(schema::entity_slot(type)).key_counts()) == by_hand);
    }
    // Over a part of the archive: only the matches count, the whole match set, not the page.
    FacetSpy part({schema::kSlotPersons, schema::kSlotPlaces}, {});
    spy_on(a.db, Xapian::Query(schema::source_term("AP")), part);
    std::vector<Article> ap;
    for (const Article& art : a.articles) {
        if (art.source == "AP") ap.push_back(art);
    }
    CHECK(part.documents() == ap.size());
    CHECK(sorted(part.key_sets(schema::kSlotPlaces).key_counts()) == hand_count(ap, G));
    CHECK(sorted(part.key_sets(schema::kSlotPersons).key_counts()) == hand_count(ap, P));
    CHECK(part.key_sets(schema::kSlotOrganizations).empty());  // not watched
    CHECK(part.values(schema::kSlotSource).empty());
}

TEST_CASE("key sets are split, and a key counts once per set") {
    KeySets sets = key_sets({{"a\nb\nc", 2}, {"b", 3}, {"c\nc", 1}, {"\nd\n", 1}, {"", 4}});
    std::map<std::string, Xapian::doccount> expected = {{"a", 2}, {"b", 5}, {"c", 3}, {"d", 1}};
    CHECK(sorted(sets.key_counts()) == expected);
    CHECK(sets.sets() == 4);  // the empty one is no set
    CHECK(sets.keys() == 4);
    CHECK(KeySets().empty());
}

TEST_CASE("a cluster of several keys counts each article once") {
    // Key sets with how many articles hold each; "antony blinken", "anthony blinken" and
    // "blinken" are one person, and some articles hold two or three of the keys.
    KeySets sets = key_sets({
        {"antony blinken\njoe biden", 4},
        {"anthony blinken\nantony blinken", 3},
        {"anthony blinken\nantony blinken\nblinken", 2},
        {"blinken", 1},
        {"hunter biden", 2},
        {"hunter biden\njoe biden", 1},
        {"anthony blinken", 1},
    });
    auto cluster_of = [](const std::string& key) {
        EntityCluster c;
        if (key.find("blinken") != std::string::npos) {
            c.name = "Antony Blinken";
            c.keys = {"anthony blinken", "antony blinken", "blinken"};
        } else if (key == "joe biden") {
            c.name = "Joe Biden";
            c.keys = {"joe biden"};
        } else {
            c.name = key;
            c.keys = {key};
        }
        return c;
    };
    std::vector<FacetEntry> top = top_entities(sets, 10, cluster_of);
    // By hand: Blinken is in 4 + 3 + 2 + 1 + 1 = 11 articles (the key counts add up to 17).
    std::vector<FacetEntry> expected = {
        {"Antony Blinken", 11}, {"Joe Biden", 5}, {"hunter biden", 3}};
    CHECK(top == expected);
    CHECK(top_entities(sets, 1, cluster_of) == std::vector<FacetEntry>{{"Antony Blinken", 11}});
    CHECK(top_entities(sets, 0, cluster_of).empty());
    CHECK(top_entities(KeySets(), 5, cluster_of).empty());
}

TEST_CASE("clusters that share a name are one entry, still counted once per article") {
    KeySets sets = key_sets({{"a1\na2", 2}, {"a1", 1}, {"a2", 4}});
    // A table that does not list the keys together, but names both clusters alike.
    auto cluster_of = [](const std::string& key) {
        return EntityCluster{EntityType::Person, std::string(1, 'A'), {key}, 1};
    };
    CHECK(top_entities(sets, 5, cluster_of) == std::vector<FacetEntry>{{"A", 7}});
}

TEST_CASE("only the most frequent keys are looked up in the alias table") {
    KeySets sets;
    for (int i = 0; i < 2000; ++i)
        sets.add("rare" + std::to_string(i) + "\ncommon" + std::to_string(i % 5));
    for (int i = 0; i < 5; ++i)
        sets.add("common" + std::to_string(i), static_cast<unsigned>(i));
    int lookups = 0;
    auto cluster_of = [&](const std::string& key) {
        ++lookups;
        EntityCluster c;
        c.name = key;
        c.keys = {key};
        return c;
    };
    std::vector<FacetEntry> top = top_entities(sets, 3, cluster_of);
    REQUIRE(top.size() == 3);
    CHECK(top[0] == FacetEntry{"common4", 404});
    CHECK(top[2] == FacetEntry{"common2", 402});
    CHECK(lookups <= 4 * 3 + 32);
    CHECK(lookups >= 3);
}

TEST_CASE("sources that make one term are one source, in their most frequent spelling") {
    ValueCounts sources = {{"Reuters", 5}, {"REUTERS", 1}, {"AP", 3}, {"Le Monde", 3}};
    std::vector<FacetEntry> expected = {{"Reuters", 6}, {"AP", 3}, {"Le Monde", 3}};
    CHECK(top_sources(sources, 10) == expected);
    CHECK(top_sources(sources, 2).size() == 2);
}

TEST_CASE("the date granularity follows the span of the matches") {
    CHECK(choose_granularity("20240101", "20240101") == DateGranularity::Day);
    CHECK(choose_granularity("20240101", "20240301") == DateGranularity::Day);    // 60 days
    CHECK(choose_granularity("20240101", "20240302") == DateGranularity::Month);  // 61 days
    CHECK(choose_granularity("20190101", "20231231") == DateGranularity::Month);
    CHECK(choose_granularity("19870226", "19871020") == DateGranularity::Month);
    CHECK(choose_granularity("20150101", "20240101") == DateGranularity::Year);
    CHECK(choose_granularity("", "") == DateGranularity::Month);

    CHECK(parse_granularity("day") == DateGranularity::Day);
    CHECK(parse_granularity(" Month ") == DateGranularity::Month);
    CHECK(parse_granularity("years") == DateGranularity::Year);
    CHECK_FALSE(parse_granularity("fortnight"));
    CHECK_FALSE(parse_granularity(""));
}

TEST_CASE("dates are bucketed with empty buckets between filled in") {
    ValueCounts days = {{"20231102", 1}, {"20231115", 2}, {"20240203", 3},
                        {"20240310", 1}, {"notadate", 2}, {"20240230", 1}};
    DateFacet month = bucket_dates(days, std::nullopt);
    CHECK(month.by == DateGranularity::Month);
    std::vector<DateBucket> expected = {
        {"2023-11", 3}, {"2023-12", 0}, {"2024-01", 0}, {"2024-02", 3}, {"2024-03", 1}};
    CHECK(month.buckets == expected);
    CHECK(month.undated == 3);  // "notadate" and 30 February

    DateFacet year = bucket_dates(days, DateGranularity::Year);
    CHECK(year.buckets == std::vector<DateBucket>{{"2023", 3}, {"2024", 4}});

    DateFacet day = bucket_dates({{"20240228", 2}, {"20240301", 1}}, std::nullopt);
    CHECK(day.by == DateGranularity::Day);
    CHECK(day.buckets ==
          std::vector<DateBucket>{{"2024-02-28", 2}, {"2024-02-29", 0}, {"2024-03-01", 1}});

    // Too many empty rows: only the filled buckets.
    DateFacet sparse = bucket_dates({{"19900101", 1}, {"20240101", 1}}, DateGranularity::Day);
    CHECK(sparse.buckets == std::vector<DateBucket>{{"1990-01-01", 1}, {"2024-01-01", 1}});

    CHECK(bucket_dates({}, std::nullopt).buckets.empty());
}

TEST_CASE("the date bar chart fits 80 columns and ends bars with eighth blocks") {
    DateFacet dates;
    dates.by = DateGranularity::Month;
    dates.buckets = {
        {"2023-11", 12}, {"2023-12", 0}, {"2024-01", 1}, {"2024-02", 7}, {"2024-03", 1200}};
    std::vector<std::string> rows = date_bar_chart(dates, 200);
    REQUIRE(rows.size() == 5);
    for (const std::string& row : rows) {
        CAPTURE(row);
        CHECK(columns(row) <= 80);
    }
    // The largest bucket's bar is whole blocks only and the widest; its count ends the row.
    CHECK(rows[4].starts_with("2024-03  █"));
    CHECK(rows[4].ends_with("█ 1,200"));
    CHECK(columns(rows[4]) == 80);
    // An empty bucket has no bar; a tiny one still shows an eighth.
    CHECK(rows[1] == "2023-12  0");
    CHECK(rows[2] == "2024-01  ▏ 1");
    // 12 of 1,200 over a bar of 80 - 7 - 2 - 1 - 5 = 65 columns: 5.2 eighths, rounded to 5.
    CHECK(rows[0] == "2023-11  ▋ 12");

    // A half: 4 of 8 over 10 columns -> five full blocks; 1 of 8 -> 1.25 columns.
    DateFacet small;
    small.by = DateGranularity::Year;
    small.buckets = {{"2023", 8}, {"2024", 4}, {"2025", 1}};
    rows = date_bar_chart(small, 4 + 2 + 10 + 1 + 1);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == "2023  ██████████ 8");
    CHECK(rows[1] == "2024  █████ 4");
    CHECK(rows[2] == "2025  █▎ 1");

    CHECK(date_bar_chart(DateFacet{}, 80).empty());
}

TEST_CASE("--facets lists are read, and unknown names are usage errors") {
    FacetRequest all = parse_facet_list("all");
    CHECK((all.person && all.org && all.place && all.source && all.date));
    FacetRequest some = parse_facet_list("person, date");
    CHECK(some.person);
    CHECK(some.date);
    CHECK_FALSE(some.org);
    CHECK_FALSE(some.source);
    CHECK(parse_facet_list("org,places,Sources").place);
    CHECK_THROWS_WITH_AS(parse_facet_list("person,colour"),
                         "unknown facet 'colour' (choose from person, org, place, source, date, "
                         "or all)",
                         UsageError);
    CHECK_THROWS_AS(parse_facet_list(""), UsageError);
    CHECK_THROWS_AS(parse_facet_list(" , "), UsageError);
}

TEST_CASE("a search with facets counts every match, merged by the alias table") {
    Archive a;
    SearchRequest req;
    req.query.text = "trade";  // in every article's text
    req.query.today = make_date(2024, 6, 1);
    req.limit = 2;
    req.facets = parse_facet_list("all");
    req.facets.limit = 3;
    SearchResult r = search(a.db, req);
    CHECK(r.hits.size() == 2);
    REQUIRE(r.facets);
    const FacetResult& f = *r.facets;

    REQUIRE(f.person);
    REQUIRE(f.person->size() == 3);
    CHECK((*f.person)[0] == FacetEntry{"Joe Biden", 6});
    CHECK((*f.person)[1] == FacetEntry{"Antony Blinken", 4});
    CHECK((*f.person)[2] == FacetEntry{"Hunter Biden", 1});
    REQUIRE(f.org);
    CHECK((*f.org)[0] == FacetEntry{"NATO", 3});
    REQUIRE(f.place);
    CHECK((*f.place)[0] == FacetEntry{"Brussels", 3});
    REQUIRE(f.source);
    std::vector<FacetEntry> sources = {{"Reuters", 5}, {"AP", 4}, {"Le Monde", 3}};
    CHECK(*f.source == sources);
    REQUIRE(f.date);
    CHECK(f.date->by == DateGranularity::Month);
    CHECK(f.date->undated == 1);
    CHECK(f.date->buckets.front() == DateBucket{"2023-11", 2});
    CHECK(f.date->buckets.back() == DateBucket{"2024-04", 1});
    CHECK(f.date->buckets.size() == 6);

    // Only the facets asked for; --by forces the unit.
    req.facets = FacetRequest{};
    req.facets.date = true;
    req.facets.by = DateGranularity::Year;
    r = search(a.db, req);
    REQUIRE(r.facets);
    CHECK_FALSE(r.facets->person);
    CHECK(r.facets->date->buckets == std::vector<DateBucket>{{"2023", 3}, {"2024", 8}});

    // No facets asked for: none computed.
    req.facets = FacetRequest{};
    CHECK_FALSE(search(a.db, req).facets);
}

TEST_CASE("facets render as JSON in the summary and as text after the hits") {
    Archive a;
    SearchRequest req;
    req.query.entities = {{P, "Joe Biden"}};
    req.query.today = make_date(2024, 6, 1);
    req.limit = 1;
    req.facets = parse_facet_list("person,source,date");
    SearchResult r = search(a.db, req);

    std::ostringstream json;
    render_json(r, json);
    std::string last;
    std::istringstream lines(json.str());
    for (std::string line; std::getline(lines, line);)
        last = line;
    nlohmann::json summary = nlohmann::json::parse(last);
    CHECK(summary["type"] == "summary");
    const nlohmann::json& facets = summary["facets"];
    CHECK_FALSE(facets.contains("org"));
    CHECK(facets["person"][0] == nlohmann::json({{"name", "Joe Biden"}, {"count", 6}}));
    CHECK(facets["source"][0]["name"] == "AP");
    CHECK(facets["date"]["by"] == "month");
    CHECK(facets["date"]["buckets"][0] == nlohmann::json({{"bucket", "2023-11"}, {"count", 1}}));
    CHECK(facets["date"]["undated"] == 1);

    std::ostringstream text;
    render_text(r, TextStyle{false, 100}, text);
    std::string out = text.str();
    CAPTURE(out);
    CHECK(out.find("People\n") != std::string::npos);
    CHECK(out.find("  Joe Biden       6\n") != std::string::npos);
    CHECK(out.find("Sources\n") != std::string::npos);
    CHECK(out.find("Dates by month\n  2023-11  ") != std::string::npos);
    std::istringstream rows(out);
    for (std::string row; std::getline(rows, row);) {
        if (row.find("█") != std::string::npos) CHECK(columns(row) <= 80);
    }
    CHECK(out.find("(1 without a date)") != std::string::npos);
    CHECK(out.find("Results 1–1 of about 6") < out.find("People"));

    // Without facets the summary has no "facets" key (older readers see no change).
    req.facets = FacetRequest{};
    nlohmann::json plain = summary_to_json(search(a.db, req));
    CHECK_FALSE(plain.contains("facets"));
    CHECK_FALSE(plain.contains("notes"));
}

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "error.hpp"
#include "search.hpp"
#include "test_db.hpp"

using namespace news;
using namespace news::searcher;
using news::searcher::testing::make_article;
using news::searcher::testing::make_date;
using news::searcher::testing::TempDatabase;

namespace {

// Five storm articles over three months and two sites, and one about something else.
struct Archive {
    TempDatabase tmp;
    Xapian::Database db;
    Archive() {
        tmp.add(make_article("Storm batters the coast", "A storm battered the coast overnight.",
                             "2024-01-10", "https://www.coastline.example/a", "Coastline Herald"));
        tmp.add(make_article("Council meets", "The storm damage was discussed by the council.",
                             "2024-02-20", "https://coastline.example/b", "Coastline Herald"));
        tmp.add(make_article("Second storm", "Another storm, the second this winter, hit.",
                             "2024-03-05", "https://inland.example/c", "Inland Times"));
        tmp.add(make_article("Storm warning", "Forecasters issued a storm warning for Friday.",
                             "2024-03-28", "https://inland.example/d", "Inland Times"));
        tmp.add(make_article("Storm clean-up", "Volunteers cleared storm debris from the beach.",
                             "", "", "Volunteer Log"));
        tmp.add(make_article("Ferry timetable", "The ferry timetable changes in spring.",
                             "2024-04-01", "https://coastline.example/e", "Coastline Herald"));
        db = tmp.reader();
    }
};

SearchRequest request_for(const std::string& text) {
    SearchRequest r;
    r.query.text = text;
    r.query.today = make_date(2024, 6, 1);
    return r;
}

std::vector<std::string> dates_of(const SearchResult& r) {
    std::vector<std::string> out;
    for (const Hit& h : r.hits)
        out.push_back(h.date);
    return out;
}

}  // namespace

TEST_CASE("a missing database says how to create one") {
    try {
        open_database("/nonexistent/news-db");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) ==
              "no database at /nonexistent/news-db (create one with: news-index --db "
              "/nonexistent/news-db FOLDER...)");
    }
}

TEST_CASE("hits carry the stored fields, a snippet and ranks") {
    Archive a;
    SearchResult r = search(a.db, request_for("storm"));
    CHECK(r.hits.size() == 5);
    CHECK(r.estimated_total == 5);
    CHECK(r.matched_lower_bound == 5);
    CHECK(r.query.find("Zstorm") != std::string::npos);
    CHECK(r.elapsed_ms >= 0);
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
        const Hit& h = r.hits[i];
        CHECK(h.rank == i + 1);
        CHECK(h.docid > 0);
        CHECK(h.score > 0);
        CHECK(h.lang == "en");
        CHECK_FALSE(h.title.empty());
        CHECK(h.snippet.highlights.size() >= 1);
    }
    const Hit& undated = *std::find_if(r.hits.begin(), r.hits.end(),
                                       [](const Hit& h) { return h.title == "Storm clean-up"; });
    CHECK(undated.date.empty());
    CHECK(undated.url.empty());
    CHECK_FALSE(undated.path.empty());
}

TEST_CASE("--sort date lists newest first") {
    Archive a;
    SearchRequest req = request_for("storm");
    req.sort = SortOrder::Date;
    SearchResult r = search(a.db, req);
    CHECK(dates_of(r) ==
          std::vector<std::string>{"2024-03-28", "2024-03-05", "2024-02-20", "2024-01-10", ""});
}

TEST_CASE("limit and offset page through the results") {
    Archive a;
    SearchRequest req = request_for("storm");
    req.sort = SortOrder::Date;
    req.limit = 2;
    req.offset = 2;
    SearchResult r = search(a.db, req);
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].rank == 3);
    CHECK(r.hits[0].date == "2024-02-20");
    CHECK(r.offset == 2);
    CHECK(r.limit == 2);

    req.offset = 100;
    r = search(a.db, req);
    CHECK(r.hits.empty());
    CHECK(r.matched_lower_bound > 0);  // the page is empty, but something matched

    req.offset = 0;
    req.limit = 0;
    r = search(a.db, req);
    CHECK(r.hits.empty());
    CHECK(r.matched_lower_bound > 0);
}

TEST_CASE("an empty query with dates lists the range newest first") {
    Archive a;
    SearchRequest req = request_for("");
    req.query.dates.since = make_date(2024, 2, 1);
    req.query.dates.until = make_date(2024, 3, 31);
    SearchResult r = search(a.db, req);
    CHECK(dates_of(r) == std::vector<std::string>{"2024-03-28", "2024-03-05", "2024-02-20"});
    // No words: the snippet is the start of the text.
    CHECK(r.hits[0].snippet.highlights.empty());
    CHECK(r.hits[0].snippet.text.starts_with("Forecasters issued"));
}

TEST_CASE("field filters and in-query dates narrow the match") {
    Archive a;
    SearchResult r = search(a.db, request_for("storm site:www.Coastline.example"));
    CHECK(r.hits.size() == 2);
    r = search(a.db, request_for("storm source:\"Inland Times\""));
    CHECK(r.hits.size() == 2);
    r = search(a.db, request_for("source:\"Inland Times\""));  // a filter alone lists newest first
    CHECK(dates_of(r) == std::vector<std::string>{"2024-03-28", "2024-03-05"});
    r = search(a.db, request_for("storm date:2024-03..2024-03"));
    CHECK(r.hits.size() == 2);
    r = search(a.db, request_for("title:warning"));
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].title == "Storm warning");
    r = search(a.db, request_for("\"storm warning\""));
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].snippet.text.substr(
              r.hits[0].snippet.highlights[0].start,
              r.hits[0].snippet.highlights[0].end - r.hits[0].snippet.highlights[0].start) ==
          "storm warning");
}

TEST_CASE("no match is an empty result, not an error") {
    Archive a;
    SearchResult r = search(a.db, request_for("zeppelin"));
    CHECK(r.hits.empty());
    CHECK(r.matched_lower_bound == 0);
    CHECK_THROWS_AS(search(a.db, request_for("storm AND")), UsageError);
    SearchRequest req = request_for("storm");
    req.language = "klingon";
    CHECK_THROWS_AS(search(a.db, req), UsageError);
}

namespace {

using news::searcher::testing::with_entities;

// Articles naming Joe Biden, Hunter Biden and Antony Blinken (under two spellings).
struct People {
    TempDatabase tmp;
    Xapian::Database db;
    People() {
        const EntityType P = EntityType::Person, G = EntityType::Place;
        tmp.add(with_entities(make_article("Biden speech", "The president spoke on the economy.",
                                           "2024-01-05", "", "AP"),
                              {{P, "Joe Biden"}, {G, "Washington"}}));
        tmp.add(with_entities(make_article("Talks in Kyiv", "The secretary met the president.",
                                           "2024-02-10", "", "Reuters"),
                              {{P, "Joe Biden"}, {P, "Antony J. Blinken"}, {G, "Kyiv"}}));
        tmp.add(with_entities(make_article("Blinken in Cairo", "The secretary arrived in Cairo.",
                                           "2024-03-15", "", "Reuters"),
                              {{P, "Antony Blinken"}, {G, "Cairo"}}));
        tmp.add(with_entities(
            make_article("Gaza ceasefire push", "Biden and Blinken spoke.", "2024-04-20", "", "AP"),
            {{P, "Joe Biden"}, {P, "Antony Blinken"}}));
        tmp.add(with_entities(
            make_article("Hunter Biden trial", "The trial opened.", "2024-05-02", "", "AP"),
            {{P, "Hunter Biden"}}));
        tmp.add(make_article("Markets", "Stocks rose.", "2024-05-03", "", "AP"));
        db = tmp.reader();
    }
};

std::vector<std::string> titles_of(const SearchResult& r) {
    std::vector<std::string> out;
    for (const Hit& h : r.hits)
        out.push_back(h.title);
    return out;
}

}  // namespace

TEST_CASE("a name filter alone lists the entity's articles newest first") {
    People p;
    SearchRequest req = request_for("");
    req.query.entities = {{EntityType::Person, "Antony Blinken"}};
    SearchResult r = search(p.db, req);
    CHECK(titles_of(r) ==
          std::vector<std::string>{"Gaza ceasefire push", "Blinken in Cairo", "Talks in Kyiv"});
    CHECK(r.notes.empty());
    // The surname alone means him too when no one else has it.
    req.query.entities = {{EntityType::Person, "Blinken"}};
    CHECK(search(p.db, req).hits.size() == 3);
    // The same in the query syntax.
    CHECK(titles_of(search(p.db, request_for("person:\"Antony Blinken\""))) == titles_of(r));
}

TEST_CASE("two names AND together, and filters combine with words and sources") {
    People p;
    SearchRequest req = request_for("");
    req.query.entities = {{EntityType::Person, "Joe Biden"}, {EntityType::Person, "Blinken"}};
    CHECK(titles_of(search(p.db, req)) ==
          std::vector<std::string>{"Gaza ceasefire push", "Talks in Kyiv"});
    CHECK(titles_of(search(p.db, request_for("person:\"Joe Biden\" person:Blinken"))) ==
          std::vector<std::string>{"Gaza ceasefire push", "Talks in Kyiv"});

    req = request_for("secretary");
    req.query.entities = {{EntityType::Person, "Joe Biden"}};
    CHECK(titles_of(search(p.db, req)) == std::vector<std::string>{"Talks in Kyiv"});

    req = request_for("");
    req.query.entities = {{EntityType::Person, "Joe Biden"}};
    req.query.sources = {"ap"};
    CHECK(titles_of(search(p.db, req)) ==
          std::vector<std::string>{"Gaza ceasefire push", "Biden speech"});
    req.query.sources = {"Reuters", "AP"};  // any of several sources
    CHECK(search(p.db, req).hits.size() == 3);

    CHECK(titles_of(search(p.db, request_for("place:Kyiv"))) ==
          std::vector<std::string>{"Talks in Kyiv"});
}

TEST_CASE("a name several people share lists them, most articles first") {
    People p;
    SearchRequest req = request_for("");
    req.query.entities = {{EntityType::Person, "Biden"}};
    try {
        search(p.db, req);
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) ==
              "\"Biden\" may mean: Joe Biden (3 articles), Hunter Biden (1 article); say which "
              "with --person \"Joe Biden\"");
    }
    try {
        search(p.db, request_for("economy person:Biden"));
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()).ends_with("say which with person:\"Joe Biden\""));
    }
}

TEST_CASE("a name the archive does not know matches nothing, with a note") {
    People p;
    SearchRequest req = request_for("");
    req.query.entities = {{EntityType::Person, "Olaf Scholz"}};
    SearchResult r = search(p.db, req);
    CHECK(r.hits.empty());
    CHECK(r.matched_lower_bound == 0);
    CHECK(r.notes == std::vector<std::string>{"no person called \"Olaf Scholz\" in this archive"});
    r = search(p.db, request_for("president org:\"Acme Widgets\""));
    CHECK(r.hits.empty());
    CHECK(r.notes ==
          std::vector<std::string>{"no organisation called \"Acme Widgets\" in this archive"});
}

namespace {

// One wire story published by three sites (one story id), and two other storm articles.
struct Syndicated {
    TempDatabase tmp;
    Xapian::Database db;
    Xapian::docid herald = 0, courier = 0, observer = 0;
    Syndicated() {
        const std::string story = "00000000000000aa";
        herald = tmp.add(make_article("Dockers strike at the port", "Dockers began a strike at the "
                                      "port over automation.", "2024-03-14",
                                      "https://herald.example/strike", "Coastline Herald"),
                         story);
        courier = tmp.add(make_article("Port at a standstill", "Dockers began a strike at the port "
                                       "over automation plans.", "2024-03-15",
                                       "https://courier.example/strike", "Evening Courier"),
                          story);
        observer = tmp.add(make_article("Strike shuts port", "Dockers began a strike at the port.",
                                        "2024-03-13", "https://observer.example/strike",
                                        "Northgate Observer"),
                           story);
        tmp.add(make_article("Strike ends", "The port strike ended after talks.", "2024-03-20",
                             "https://herald.example/ends", "Coastline Herald"),
                "00000000000000bb");
        tmp.add(make_article("Rail strike", "A rail strike is planned.", "2024-03-22",
                             "https://inland.example/rail", "Inland Times"));
        db = tmp.reader();
    }
};

}  // namespace

TEST_CASE("copies of one story fold into one hit that counts and names them") {
    Syndicated s;
    SearchResult r = search(s.db, request_for("strike"));
    REQUIRE(r.hits.size() == 3);
    CHECK(r.estimated_total == 3);
    int folded = 0;
    for (const Hit& h : r.hits) {
        if (h.story != "00000000000000aa") {
            CHECK(h.copies == 0);
            CHECK(h.copy_sources.empty());
            continue;
        }
        ++folded;
        CHECK(h.copies == 2);
        CHECK(h.copy_sources.size() == 2);
        CHECK(std::find(h.copy_sources.begin(), h.copy_sources.end(), h.source) ==
              h.copy_sources.end());
    }
    CHECK(folded == 1);
}

TEST_CASE("copies are counted among the matches only, even on a short page") {
    Syndicated s;
    SearchRequest req = request_for("automation");
    req.limit = 1;
    SearchResult r = search(s.db, req);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].copies == 1);  // the Observer's copy does not say "automation"
    req.query.text = "";
    req.query.sources = {"Evening Courier"};
    r = search(s.db, req);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].copies == 0);
}

TEST_CASE("copies of several shown stories are each counted, sources newest first") {
    TempDatabase tmp;
    const std::string floods = "00000000000000f1", fires = "00000000000000f2";
    tmp.add(make_article("Floods in the valley", "River floods cut the valley road.", "2024-05-01",
                         "https://a.example/floods", "Valley Post"),
            floods);
    tmp.add(make_article("Valley flooded", "River floods cut the valley road again.", "2024-05-03",
                         "https://b.example/floods", "Hill Gazette"),
            floods);
    tmp.add(make_article("Road cut by floods", "River floods cut the valley road today.",
                         "2024-05-02", "https://c.example/floods", "Plain Echo"),
            floods);
    tmp.add(make_article("Fires near the valley", "Fires reached the valley road.", "2024-06-01",
                         "https://a.example/fires", "Valley Post"),
            fires);
    tmp.add(make_article("Valley fires", "Fires reached the valley road at night.", "2024-06-02",
                         "https://d.example/fires", "Coast Wire"),
            fires);
    tmp.add(make_article("Valley fair", "The valley road fair opens.", "2024-07-01",
                         "https://a.example/fair", "Valley Post"),
            "00000000000000f3");
    Xapian::Database db = tmp.reader();
    SearchResult r = search(db, request_for("valley road"));
    REQUIRE(r.hits.size() == 3);
    for (const Hit& h : r.hits) {
        std::vector<std::string> others;
        if (h.story == floods) {
            CHECK(h.copies == 2);
            for (const char* s : {"Hill Gazette", "Plain Echo", "Valley Post"})
                if (h.source != s) others.push_back(s);
        } else if (h.story == fires) {
            CHECK(h.copies == 1);
            others.push_back(h.source == "Coast Wire" ? "Valley Post" : "Coast Wire");
        } else {
            CHECK(h.copies == 0);
        }
        CHECK(h.copy_sources == others);
    }
}

TEST_CASE("all copies are shown when collapsing is off") {
    Syndicated s;
    SearchRequest req = request_for("strike");
    req.collapse = false;
    SearchResult r = search(s.db, req);
    CHECK(r.hits.size() == 5);
    for (const Hit& h : r.hits)
        CHECK(h.copies == 0);
}

TEST_CASE("--copies lists a story's articles newest first") {
    Syndicated s;
    SearchRequest req = request_for("");
    req.copies_of = s.observer;
    SearchResult r = search(s.db, req);
    REQUIRE(r.hits.size() == 3);
    CHECK(r.hits[0].docid == s.courier);
    CHECK(r.hits[1].docid == s.herald);
    CHECK(r.hits[2].docid == s.observer);
    req.copies_of = 999;
    CHECK_THROWS_AS(search(s.db, req), UsageError);
}

TEST_CASE("an article without a story lists itself, and never folds") {
    Syndicated s;
    SearchResult all = search(s.db, request_for("rail"));
    REQUIRE(all.hits.size() == 1);
    SearchRequest req = request_for("");
    req.copies_of = all.hits[0].docid;
    SearchResult r = search(s.db, req);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].title == "Rail strike");
}

TEST_CASE("facets count every copy although the hits are folded") {
    Syndicated s;
    SearchRequest req = request_for("strike");
    req.facets.source = true;
    SearchResult r = search(s.db, req);
    CHECK(r.hits.size() == 3);
    REQUIRE(r.facets);
    REQUIRE(r.facets->source);
    Xapian::doccount total = 0;
    for (const FacetEntry& e : *r.facets->source)
        total += e.count;
    CHECK(total == 5);
}

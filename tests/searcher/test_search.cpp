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

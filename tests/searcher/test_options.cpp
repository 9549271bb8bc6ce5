#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "error.hpp"
#include "options.hpp"
#include "test_db.hpp"

using namespace news;
using namespace news::searcher;
using news::searcher::testing::make_date;

namespace {

Options parse(std::vector<std::string> args) {
    return parse_options(args);
}

std::string error_of(std::vector<std::string> args) {
    try {
        parse_options(args);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("defaults") {
    Options o = parse({"storm"});
    CHECK(o.query == "storm");
    CHECK(o.limit == 10);
    CHECK(o.offset == 0);
    CHECK(o.sort == SortOrder::Relevance);
    CHECK(o.lang == "en");
    CHECK(o.color == ColorMode::Auto);
    CHECK_FALSE(o.json);
    CHECK(o.db.empty());
}

TEST_CASE("every flag is read") {
    Options o = parse({"--db", "/tmp/x", "--limit", "5", "--offset=20", "--sort", "date", "--lang",
                       "de", "--json", "--color", "never", "--since", "2024-01", "--until",
                       "March 5 2024", "storm"});
    CHECK(o.db == "/tmp/x");
    CHECK(o.limit == 5);
    CHECK(o.offset == 20);
    CHECK(o.sort == SortOrder::Date);
    CHECK(o.lang == "de");
    CHECK(o.json);
    CHECK(o.color == ColorMode::Never);
    CHECK(o.since == "2024-01");
    CHECK(o.until == "March 5 2024");
    CHECK(parse({"-n", "3", "x"}).limit == 3);
    CHECK(parse({"-n3", "x"}).limit == 3);
    CHECK(parse({"-h"}).help);
    CHECK(parse({"--version"}).version);
}

TEST_CASE("query words are joined in order, dash words included") {
    CHECK(parse({"climate", "change"}).query == "climate change");
    CHECK(parse({"climate", "-sport", "--limit", "3", "+rain"}).query == "climate -sport +rain");
    CHECK(parse({"\"sea level\"", "NEAR", "dam"}).query == "\"sea level\" NEAR dam");
    CHECK(parse({"--", "--json", "-n"}).query == "--json -n");
    CHECK(parse({"--json"}).query.empty());
}

TEST_CASE("bad flags are one-line usage errors") {
    CHECK(error_of({"--sort", "newest", "x"}) == "--sort must be relevance or date, not 'newest'");
    CHECK(error_of({"--color", "sometimes", "x"}) ==
          "--color must be never, always or auto, not 'sometimes'");
    CHECK(error_of({"--limit=-1", "x"}).find("--limit must be a number") != std::string::npos);
    CHECK(error_of({"--limit", "many", "x"}).find("limit") != std::string::npos);
    CHECK(error_of({"--frobnicate", "x"}).find("frobnicate") != std::string::npos);
    CHECK(error_of({"x", "--since"}).find("since") != std::string::npos);
}

TEST_CASE("the request carries dates read relative to today") {
    Options o = parse({"--since", "2024-02", "--until", "2024-02", "storm"});
    SearchRequest r = make_request(o, make_date(2024, 6, 1));
    CHECK(r.query.text == "storm");
    CHECK(r.query.dates.since->compact() == "20240201");
    CHECK(r.query.dates.until->compact() == "20240229");
    CHECK_THROWS_AS(make_request(parse({"--since", "someday", "x"}), make_date(2024, 6, 1)),
                    UsageError);
}

TEST_CASE("help lists every flag and the query syntax") {
    std::string help = help_text();
    for (const char* flag :
         {"--db",    "--limit",  "--offset", "--since",       "--until", "--sort",   "--lang",
          "--json",  "--color",  "--help",   "--version",     "site:",   "title:",   "source:",
          "lang:",   "author:",  "date:",    "NEAR",          "AND",     "--person", "--org",
          "--place", "--source", "--facets", "--facet-limit", "--by",    "person:"}) {
        CAPTURE(flag);
        CHECK(help.find(flag) != std::string::npos);
    }
    CHECK(version_text().starts_with("news-search "));
}

TEST_CASE("entity and source flags repeat, in the order given") {
    Options o = parse({"--person", "Antony Blinken", "--org", "NATO", "--person=Joe Biden",
                       "--place", "Kyiv", "--source", "Reuters", "--source", "AP"});
    std::vector<EntityFilter> expected = {{EntityType::Person, "Antony Blinken"},
                                          {EntityType::Organization, "NATO"},
                                          {EntityType::Person, "Joe Biden"},
                                          {EntityType::Place, "Kyiv"}};
    CHECK(o.entities == expected);
    CHECK(o.sources == std::vector<std::string>{"Reuters", "AP"});
    CHECK(o.query.empty());
    SearchRequest r = make_request(o, make_date(2024, 6, 1));
    CHECK(r.query.entities == expected);
    CHECK(r.query.sources == o.sources);
    CHECK(r.query.has_filters());
}

TEST_CASE("facet flags") {
    Options o = parse({"storm"});
    CHECK_FALSE(o.facets.any());
    CHECK(o.facets.limit == 10);

    o = parse({"--facets", "person,date", "--facets", "source", "--facet-limit", "3", "storm"});
    CHECK(o.facets.person);
    CHECK(o.facets.date);
    CHECK(o.facets.source);
    CHECK_FALSE(o.facets.org);
    CHECK(o.facets.limit == 3);
    CHECK_FALSE(o.facets.by);
    CHECK(make_request(o, make_date(2024, 6, 1)).facets.limit == 3);

    o = parse({"--facets", "all", "storm"});
    CHECK((o.facets.person && o.facets.org && o.facets.place && o.facets.source && o.facets.date));

    // --by asks for the date facet by that unit.
    o = parse({"--by", "day", "storm"});
    CHECK(o.facets.date);
    CHECK_FALSE(o.facets.person);
    CHECK(o.facets.by == DateGranularity::Day);
}

TEST_CASE("bad facet flags are one-line usage errors") {
    CHECK(error_of({"--facets", "people,colour", "x"}) ==
          "unknown facet 'colour' (choose from person, org, place, source, date, or all)");
    CHECK(error_of({"--facets", ",", "x"}).find("--facets needs a list") != std::string::npos);
    CHECK(error_of({"--by", "fortnight", "x"}) ==
          "--by must be day, month or year, not 'fortnight'");
    CHECK(error_of({"--facet-limit", "0", "x"}).find("--facet-limit must be a number from 1") !=
          std::string::npos);
    CHECK(error_of({"--facet-limit", "lots", "x"}).find("facet-limit") != std::string::npos);
    CHECK(error_of({"x", "--person"}).find("person") != std::string::npos);
    CHECK(error_of({"--facets", std::string(500, 'z'), "x"}).size() < 200);
}

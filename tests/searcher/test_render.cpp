#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "render_json.hpp"
#include "render_text.hpp"

using namespace news::searcher;

namespace {

SearchResult sample_result() {
    SearchResult r;
    Hit a;
    a.rank = 1;
    a.docid = 42;
    a.score = 3.25;
    a.percent = 88;
    a.title = "Storm hits the \x1b[2Jcoast";
    a.date = "2024-03-05T09:30:00Z";
    a.source = "The Coastline Herald";
    a.url = "https://coastline.example/storm";
    a.lang = "en";
    a.snippet.text = "A storm hit the coast on Tuesday. Sea walls held.";
    a.snippet.highlights = {{2, 7}, {16, 21}};
    Hit b;
    b.rank = 2;
    b.docid = 7;
    b.score = 1.5;
    b.percent = 40;
    b.title = "Café owners count the cost";
    b.path = "/archive/cafe.txt";
    b.lang = "fr";
    b.snippet.text = "…the café on the front lost its terrace…";
    b.snippet.highlights = {{7, 12}};
    r.hits = {a, b};
    r.query = "Query(Zstorm@1)";
    r.estimated_total = 1234;
    r.matched_lower_bound = 2;
    r.offset = 0;
    r.limit = 2;
    r.elapsed_ms = 1.75;
    return r;
}

std::vector<nlohmann::json> json_lines(const SearchResult& r) {
    std::ostringstream out;
    render_json(r, out);
    std::vector<nlohmann::json> lines;
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);)
        lines.push_back(nlohmann::json::parse(line));
    return lines;
}

std::string text_of(const SearchResult& r, bool color) {
    std::ostringstream out;
    render_text(r, TextStyle{color, 100}, out);
    return out.str();
}

}  // namespace

TEST_CASE("JSON Lines: one object per hit with every field, then a summary") {
    std::vector<nlohmann::json> lines = json_lines(sample_result());
    REQUIRE(lines.size() == 3);

    const nlohmann::json& a = lines[0];
    CHECK(a["type"] == "hit");
    CHECK(a["rank"] == 1);
    CHECK(a["docid"] == 42);
    CHECK(a["score"] == doctest::Approx(3.25));
    CHECK(a["percent"] == 88);
    CHECK(a["title"] == "Storm hits the \x1b[2Jcoast");
    CHECK(a["date"] == "2024-03-05T09:30:00Z");
    CHECK(a["source"] == "The Coastline Herald");
    CHECK(a["url"] == "https://coastline.example/storm");
    CHECK_FALSE(a.contains("path"));
    CHECK(a["lang"] == "en");
    CHECK(a["snippet"]["text"] == "A storm hit the coast on Tuesday. Sea walls held.");
    CHECK(a["snippet"]["highlights"] == nlohmann::json::parse("[[2,7],[16,21]]"));

    const nlohmann::json& b = lines[1];
    CHECK_FALSE(b.contains("url"));
    CHECK(b["path"] == "/archive/cafe.txt");
    std::string text = b["snippet"]["text"];
    auto h = b["snippet"]["highlights"][0];
    CHECK(text.substr(h[0], h[1].get<std::size_t>() - h[0].get<std::size_t>()) == "café");

    const nlohmann::json& s = lines[2];
    CHECK(s["type"] == "summary");
    CHECK(s["query"] == "Query(Zstorm@1)");
    CHECK(s["estimated_total"] == 1234);
    CHECK(s["returned"] == 2);
    CHECK(s["offset"] == 0);
    CHECK(s["limit"] == 2);
    CHECK(s["elapsed_ms"] == doctest::Approx(1.75));
}

TEST_CASE("JSON output survives invalid UTF-8 in stored fields") {
    SearchResult r = sample_result();
    r.hits[0].title = "bad \xff\xfe bytes";
    r.query = "Query(\xc3)";
    std::vector<nlohmann::json> lines = json_lines(r);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]["title"].get<std::string>().find("bytes") != std::string::npos);
}

TEST_CASE("JSON output with no hits is the summary alone") {
    SearchResult r;
    r.query = "Query(Zzebra@1)";
    r.limit = 10;
    std::vector<nlohmann::json> lines = json_lines(r);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]["type"] == "summary");
    CHECK(lines[0]["returned"] == 0);
}

TEST_CASE("text output without colour has no escape codes at all") {
    std::string out = text_of(sample_result(), false);
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find("1. Storm hits the [2Jcoast") != std::string::npos);
    CHECK(out.find("2024-03-05 · The Coastline Herald · https://coastline.example/storm") !=
          std::string::npos);
    CHECK(out.find("A storm hit the coast on Tuesday.") != std::string::npos);
    CHECK(out.find("/archive/cafe.txt") != std::string::npos);
    CHECK(out.find("Results 1–2 of about 1,234") != std::string::npos);
}

TEST_CASE("text output with colour makes each highlight bold") {
    std::string out = text_of(sample_result(), true);
    CHECK(out.find("\x1b[1mstorm\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[1mcoast\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[1mcafé\x1b[0m") != std::string::npos);
    // The title's own escape sequence is defused even with colour on.
    CHECK(out.find("\x1b[2J") == std::string::npos);
}

TEST_CASE("text output wraps the snippet without splitting highlights' words") {
    SearchResult r = sample_result();
    std::string words;
    for (int i = 0; i < 40; ++i)
        words += "word" + std::to_string(i) + " ";
    words += "storm";
    r.hits[0].snippet.text = words;
    r.hits[0].snippet.highlights = {{words.size() - 5, words.size()}};
    std::ostringstream out;
    render_text(r, TextStyle{true, 60}, out);
    std::istringstream in(out.str());
    int lines_with_words = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.find("word") == std::string::npos) continue;
        ++lines_with_words;
        CHECK(line.size() <= 60 + 8);  // escape codes do not take columns
    }
    CHECK(lines_with_words >= 5);
    CHECK(out.str().find("\x1b[1mstorm\x1b[0m") != std::string::npos);
}

TEST_CASE("text output says so when nothing matched") {
    SearchResult r;
    CHECK(text_of(r, false).find("No matches") != std::string::npos);
}

TEST_CASE("--color auto follows the terminal, NO_COLOR and TERM=dumb") {
    CHECK(use_color(ColorMode::Always, false, "1", "dumb"));
    CHECK_FALSE(use_color(ColorMode::Never, true, nullptr, "xterm"));
    CHECK(use_color(ColorMode::Auto, true, nullptr, "xterm"));
    CHECK(use_color(ColorMode::Auto, true, "", "xterm"));  // empty NO_COLOR does not count
    CHECK_FALSE(use_color(ColorMode::Auto, false, nullptr, "xterm"));
    CHECK_FALSE(use_color(ColorMode::Auto, true, "1", "xterm"));
    CHECK_FALSE(use_color(ColorMode::Auto, true, nullptr, "dumb"));
}

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "query.hpp"
#include "snippet.hpp"
#include "stemmer.hpp"
#include "test_db.hpp"
#include "text.hpp"

using namespace news;
using namespace news::searcher;
using news::searcher::testing::make_article;
using news::searcher::testing::make_date;
using news::searcher::testing::TempDatabase;

namespace {

Xapian::Query parse(const std::string& text) {
    QueryRequest request;
    request.text = text;
    request.today = make_date(2024, 6, 1);
    return build_query(request, make_stemmer("en"));
}

Snippet snippet_for(const std::string& query, const std::string& text,
                    const Xapian::Database* db = nullptr, SnippetOptions options = {}) {
    SnippetMaker maker(parse(query), make_stemmer("en"), db, options);
    return maker.make(text);
}

std::vector<std::string> highlighted(const Snippet& s) {
    std::vector<std::string> out;
    for (const Highlight& h : s.highlights)
        out.push_back(s.text.substr(h.start, h.end - h.start));
    return out;
}

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool on_boundary(const std::string& s, std::size_t offset) {
    return offset == s.size() ||
           (offset < s.size() && (static_cast<unsigned char>(s[offset]) & 0xC0) != 0x80);
}

void check_well_formed(const Snippet& s) {
    CHECK(is_valid_utf8(s.text));
    std::size_t previous_end = 0;
    for (const Highlight& h : s.highlights) {
        CHECK(h.start < h.end);
        CHECK(h.end <= s.text.size());
        CHECK(h.start >= previous_end);
        CHECK(on_boundary(s.text, h.start));
        CHECK(on_boundary(s.text, h.end));
        previous_end = h.end;
    }
}

// Filler sentences that hold none of the query words.
std::string filler(int sentences) {
    std::string out;
    for (int i = 0; i < sentences; ++i)
        out += "The harbour committee met again on Tuesday to review the ferry timetable. ";
    return out;
}

}  // namespace

TEST_CASE("a phrase is highlighted as one span covering exactly its words") {
    const std::string text =
        "Scientists warn that sea level rise will reach the coast. The sea is calm, the level "
        "of the lake is low, and prices rise.";
    Snippet s = snippet_for("\"sea level rise\"", text);
    check_well_formed(s);
    REQUIRE(s.highlights.size() == 1);
    CHECK(highlighted(s)[0] == "sea level rise");
}

TEST_CASE("separate words are highlighted separately, even when adjacent") {
    Snippet s =
        snippet_for("sea level", "Scientists warn that sea level rise will reach the coast.");
    check_well_formed(s);
    CHECK(highlighted(s) == std::vector<std::string>{"sea", "level"});
}

TEST_CASE("stemmed query words highlight every inflection, case preserved") {
    Snippet s =
        snippet_for("elections", "Elected officials said the election was fair. Electing is hard.");
    check_well_formed(s);
    CHECK(highlighted(s) == std::vector<std::string>{"Elected", "election", "Electing"});
}

TEST_CASE("a NEAR group is one span from its first to its last word") {
    Snippet s = snippet_for("flood NEAR dam",
                            "After the flood broke through, the old dam was closed. Nothing else.");
    check_well_formed(s);
    CHECK(highlighted(s) == std::vector<std::string>{"flood broke through, the old dam"});
}

TEST_CASE("NEAR occurrences do not overlap: the tightest one is kept") {
    Snippet s = snippet_for("buffer NEAR window",
                            "Each buffer, or buffer list, has a window. Nothing else here.");
    check_well_formed(s);
    CHECK(highlighted(s) == std::vector<std::string>{"buffer list, has a window"});
}

TEST_CASE("excluded words are not highlighted") {
    Snippet s = snippet_for("sea -rise", "The sea will rise, they say, and the sea is cold.");
    check_well_formed(s);
    CHECK(highlighted(s) == std::vector<std::string>{"sea", "sea"});
}

TEST_CASE("wildcards highlight the words they expand to") {
    Snippet s = snippet_for("elect*", "The electoral roll for the election. Select nothing.");
    check_well_formed(s);
    CHECK(highlighted(s) == std::vector<std::string>{"electoral", "election"});
}

TEST_CASE("the window holds the rare term when common ones are everywhere") {
    TempDatabase tmp;
    for (int i = 0; i < 30; ++i) {
        tmp.add(make_article("Council news " + std::to_string(i),
                             "The council met. The council voted on item " + std::to_string(i)));
    }
    std::string text = "The council opened the session. " + filler(6) +
                       "A zeppelin was seen over the council offices at noon. " + filler(6) +
                       "The council closed the session.";
    tmp.add(make_article("Sighting", text));
    Xapian::Database db = tmp.reader();

    Snippet s = snippet_for("council zeppelin", text, &db);
    check_well_formed(s);
    CHECK(s.text.find("zeppelin") != std::string::npos);
    CHECK(highlighted(s) == std::vector<std::string>{"zeppelin", "council"});
    // The window opens at the sentence holding the match, so no leading ellipsis.
    CHECK(s.text.starts_with("A zeppelin"));
    CHECK(code_points(s.text) <= SnippetOptions{}.max_chars + 2);
}

TEST_CASE("a match deep in a sentence gets context and ellipses where the text is cut") {
    std::string text = filler(3) +
                       "Officials from the regional water authority, speaking after a long and "
                       "unusually heated meeting that lasted well into the night and was attended "
                       "by dozens of angry residents from the three valley villages, who had "
                       "travelled for hours in the rain, confirmed that "
                       "the reservoir near Millbrook would be drained for repairs over the summer "
                       "months. " +
                       filler(3);
    Snippet s = snippet_for("reservoir", text);
    check_well_formed(s);
    // The sentence start is too far back to fit, so the window opens mid-sentence.
    CHECK(s.text.starts_with("…"));
    CHECK((s.text.ends_with("…") || s.text.ends_with(".")));
    CHECK(highlighted(s) == std::vector<std::string>{"reservoir"});
    CHECK(code_points(s.text) <= SnippetOptions{}.max_chars + 2);
    CHECK(code_points(s.text) >= 150);
}

TEST_CASE("no match in the text shows its start (filter-only and title-only queries)") {
    std::string text = "First paragraph here.\n\nSecond paragraph follows. " + filler(10);
    for (const char* query : {"title:zebra", "site:example.com", "zebra"}) {
        CAPTURE(query);
        Snippet s = snippet_for(query, text);
        check_well_formed(s);
        CHECK(s.highlights.empty());
        CHECK(s.text.starts_with("First paragraph here. Second paragraph follows."));
        CHECK(s.text.ends_with("…"));
    }
}

TEST_CASE("paragraph breaks and control characters do not reach the snippet") {
    Snippet s = snippet_for("budget", "The budget.\n\nIt\x1b[31m passed\tat\r\nlast.");
    CHECK(s.text == "The budget. It[31m passed at last.");
    CHECK(highlighted(s) == std::vector<std::string>{"budget"});
}

TEST_CASE("offsets stay on UTF-8 boundaries in accented and non-Latin text") {
    std::string text =
        "Über die Café-Kultur in Zürich schrieb die „Neue Zeitung“ einen naïve Bericht über "
        "résumés; 東京 und Москва folgten. Café 😀 résumé.";
    Snippet s = snippet_for("café résumé москва", text);
    check_well_formed(s);
    std::vector<std::string> words = highlighted(s);
    CHECK(std::find(words.begin(), words.end(), std::string("Café")) != words.end());
    CHECK(std::find(words.begin(), words.end(), std::string("Москва")) != words.end());
    CHECK(std::find(words.begin(), words.end(), std::string("résumé")) != words.end());
}

TEST_CASE("apostrophes, acronyms and C++ match as TermGenerator reads them") {
    Snippet s =
        snippet_for("\"don't\" U.S.A. C++", "They don’t ship C++ compilers to the U.S.A. yet.");
    check_well_formed(s);
    CHECK(highlighted(s) == std::vector<std::string>{"don’t", "C++", "U.S.A"});
}

TEST_CASE("other stemming languages match stems that change a word's first letter") {
    QueryRequest request;
    request.text = "äpfel";
    request.today = make_date(2024, 6, 1);
    Xapian::Stem german = make_stemmer("de");
    SnippetOptions options;
    options.language = "de";
    SnippetMaker maker(build_query(request, german), german, nullptr, options);
    Snippet s = maker.make("Ein Apfel, zwei Äpfel.");
    check_well_formed(s);
    CHECK(highlighted(s) == std::vector<std::string>{"Apfel", "Äpfel"});
}

TEST_CASE("odd texts never break the snippet") {
    for (std::string text : {std::string(), std::string("   "), std::string("!!! ??? ..."),
                             std::string("\xff\xfe broken \xc3 bytes sea"),
                             std::string(5000, 'a') + " sea", std::string(3000, '.')}) {
        Snippet s = snippet_for("sea", text);
        CHECK(s.text.size() <= text.size() + 6);
        for (const Highlight& h : s.highlights)
            CHECK(h.end <= s.text.size());
    }
}

TEST_CASE("a phrase and a separate word next to each other stay separate spans") {
    Snippet s = snippet_for("\"climate change\" policy",
                            "New climate change policy announced. The policy is strict.");
    check_well_formed(s);
    CHECK(highlighted(s) == std::vector<std::string>{"climate change", "policy", "policy"});
}

// Tests for indexer/clean/boilerplate: prose statistics, the page's language, furniture
// phrases and headings, date lines, and the neighbour rule of the smoothing.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clean/boilerplate.hpp"

using news::BlockClass;

TEST_CASE("prose_stats counts words, sentence marks and stop words") {
    const news::ProseStats st =
        news::prose_stats("The harbour, closed for three days, reopened on Monday.");
    CHECK(st.words == 9);
    CHECK(st.sentence_marks == 3);
    CHECK(st.stopwords[0] == 3);  // the, for, on (English)
    // Curly quotes and dashes separate words; capitals are folded, also Latin-1 ones.
    const news::ProseStats de = news::prose_stats("„Über die Brücke“ – sagte er.");
    CHECK(de.words == 5);
    CHECK(de.stopwords[1] == 3);  // über, die, er (German)
}

TEST_CASE("the page's language is the stop-word list that fits best") {
    struct Case {
        std::string text;
        int language;
    };
    const Case cases[] = {
        {"The council said that the ferry would sail again on Monday, and that it was safe.", 0},
        {"Der Rat sagte, dass die Fähre am Montag wieder fahren werde und dass es sicher sei.", 1},
        {"Le conseil a dit que le ferry reprendrait la mer lundi et que tout était sûr.", 2},
        {"El consejo dijo que el ferry volvería a navegar el lunes y que era seguro.", 3},
        {"Rada powiedziała, że prom znów popłynie w poniedziałek i że jest bezpiecznie.", 7},
        {"議会は月曜日にフェリーが再び運航すると述べた。", -1},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(news::dominant_language(news::prose_stats(c.text)) == c.language);
    }
}

TEST_CASE("furniture phrases start furniture lines, not sentences") {
    struct Case {
        std::string text;
        bool furniture;
    };
    const Case cases[] = {
        {"Read more: The storm in pictures", true},
        {"Share this article", true},
        {"Lesen Sie auch: Der Sturm in Bildern", true},
        {"ANZEIGE", true},
        {"Lire aussi : la tempête en images", true},
        {"Image copyright Getty Images", true},
        {"Shareholders approved the merger on Monday.", false},
        {"Reading the report, the minister frowned.", false},
        {"Advertisers left the platform in March.", false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(news::starts_with_furniture_phrase(c.text) == c.furniture);
    }
}

TEST_CASE("headings of furniture sections are known in several languages") {
    for (const char* h :
         {"Related stories", "You may also like:", "Das könnte Sie auch interessieren",
          "Weitere Artikel", "À lire aussi", "Noticias relacionadas", "Comments"})
        CHECK_MESSAGE(news::is_furniture_heading(h), h);
    for (const char* h : {"Repairs ahead", "Related costs rose sharply", "Weitere Schritte"})
        CHECK_FALSE_MESSAGE(news::is_furniture_heading(h), h);
}

TEST_CASE("a date line is a line that is only a date") {
    struct Case {
        std::string text;
        bool date;
    };
    const Case cases[] = {
        {"Tuesday November 19, 2019", true},
        {"05.10.2018 - 14:20", true},
        {"Published November 20th, 2019 - 07:50 GMT", true},
        {"Veröffentlicht am 16.08.2019", true},
        {"segunda-feira, 22 de janeiro de 2018 às 0:13", true},
        {"1 2 3 4 5 6 7 8", false},
        {"The vote is due on 12 March 2024.", false},
        {"3 eggs, 200 g sugar", false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(news::is_date_line(c.text) == c.date);
    }
}

TEST_CASE("judged_neighbours skips lone furniture and short blocks") {
    using C = BlockClass;
    // good, lone bad link, short, near-good, three bad blocks, good
    const std::vector<C> cls = {C::Good, C::Bad, C::Short, C::NearGood,
                                C::Bad,  C::Bad, C::Bad,   C::Good};
    const std::vector<uint32_t> chars = {200, 30, 10, 80, 20, 20, 20, 200};
    std::vector<C> before, after;
    news::judged_neighbours(cls, chars, true, C::Bad, before, after);
    CHECK(before[2] == C::Good);  // the lone link does not count
    CHECK(after[2] == C::Bad);    // the run of three does
    CHECK(before[0] == C::Bad);   // the edge
    news::judged_neighbours(cls, chars, false, C::Short, before, after);
    CHECK(after[2] == C::NearGood);
    CHECK(after[7] == C::Short);
}

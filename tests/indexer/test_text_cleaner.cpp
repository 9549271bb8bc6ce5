// Tests for indexer/clean/text_cleaner: title, byline, date and prose of plain-text scrapes.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "clean/text_cleaner.hpp"

using news::TextExtraction;

namespace {

const std::string kTitle = "Harbour reopens after storm";
const std::string kPara1 =
    "The harbour at Porto Seguro reopened on Monday after three days of closure, officials said.";
const std::string kPara2 =
    "Fishing boats returned to their moorings by noon, and the ferry service resumed at three.";

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string day_of(const std::optional<news::Date>& d) {
    return d ? d->iso_day() : "none";
}

}  // namespace

TEST_CASE("the first non-empty line is the title and stays out of the text") {
    const TextExtraction t = news::clean_text("\n\n  " + kTitle + "  \n\n" + kPara1 + "\n");
    CHECK(t.title == kTitle);
    CHECK(t.text == kPara1);
}

TEST_CASE("furniture lines in a scrape are dropped and the prose around them kept") {
    struct Case {
        std::string what;
        std::string lines;   // placed between the two paragraphs
        std::string marker;  // must not reach the text
    };
    const Case cases[] = {
        {"dateline weather header",
         "LISBON | Tuesday, 12 March 2024 | 14\xC2\xB0"
         "C Partly cloudy",
         "LISBON"},
        {"menu bar", "Home | World | Business | Sport", "Business"},
        {"related stories block",
         "Related stories\nCouncil approves new harbour budget\nFishermen protest quota cuts",
         "Council approves"},
        {"related stories heading", "Related stories\nCouncil approves new harbour budget",
         "Related stories"},
        {"sponsored articles block",
         "Sponsored Articles\nTen tricks the banks do not want you to know\nThis one gadget "
         "changes everything",
         "Ten tricks"},
        {"comment prompt", "Please enter your comment!", "Please enter"},
        {"name prompt", "Please enter your name here", "Please enter"},
        {"share prompt", "Share this article", "Share this"},
        {"photo credit", "(Photo: J. Alder/Coastline Images)", "Alder"},
        {"advertisement label", "Advertisement", "Advertisement"},
        {"cookie notice", "We use cookies to improve your experience.", "cookies"},
        {"copyright line", "\xC2\xA9 2024 The Coastline Herald. All rights reserved.",
         "rights reserved"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const TextExtraction t =
            news::clean_text(kTitle + "\n\n" + kPara1 + "\n\n" + c.lines + "\n\n" + kPara2 + "\n");
        INFO("text: " << t.text);
        CHECK_FALSE(contains(t.text, c.marker));
        CHECK(contains(t.text, kPara1));
        CHECK(contains(t.text, kPara2));
    }
}

TEST_CASE("prose after a related-stories block is article text again") {
    const TextExtraction t =
        news::clean_text(kTitle + "\n\n" + kPara1 +
                         "\n\nRelated stories\nCouncil approves new harbour budget\nFishermen "
                         "protest quota cuts\n" +
                         kPara2 + "\n");
    CHECK(t.text == kPara1 + "\n\n" + kPara2);
}

TEST_CASE("the publication date is read from its own line and kept out of the text") {
    struct Case {
        std::string line;
        std::string day;
    };
    const Case cases[] = {
        {"Published: March 12, 2024", "2024-03-12"},
        {"Published on 12 March 2024, 09:15 GMT", "2024-03-12"},
        {"Posted: 2024-03-12T09:15:00Z", "2024-03-12"},
        {"12 March 2024 09:15", "2024-03-12"},
        {"Published 12 March 2024 | Updated 14 March 2024", "2024-03-12"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        const TextExtraction t = news::clean_text(kTitle + "\n" + c.line + "\n\n" + kPara1 + "\n");
        CHECK(day_of(t.published) == c.day);
        CHECK(t.text == kPara1);
    }
}

TEST_CASE("an update line is not the publication date") {
    struct Case {
        std::string lines;
        std::string day;
    };
    const Case cases[] = {
        {"Updated: March 14, 2024", "none"},
        {"Last updated 14 March 2024", "none"},
        {"Updated: March 14, 2024\nPublished: March 12, 2024", "2024-03-12"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.lines);
        const TextExtraction t = news::clean_text(kTitle + "\n" + c.lines + "\n\n" + kPara1 + "\n");
        CHECK(day_of(t.published) == c.day);
    }
}

TEST_CASE("the date in a weather dateline is not the publication date") {
    const TextExtraction t = news::clean_text(kTitle +
                                              "\nLISBON | Tuesday, 12 March 2024 | 14\xC2\xB0"
                                              "C Partly cloudy\n\n" +
                                              kPara1 + "\n");
    CHECK_FALSE(t.published.has_value());
    CHECK(t.text == kPara1);
}

TEST_CASE("a 'By' line gives the author and stays out of the text") {
    struct Case {
        std::string line;
        std::string author;
    };
    const Case cases[] = {
        {"By Jane Doe", "Jane Doe"},
        {"by Jane Doe and John Roe", "Jane Doe and John Roe"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        const TextExtraction t = news::clean_text(kTitle + "\n" + c.line + "\n\n" + kPara1 + "\n");
        CHECK(t.author == c.author);
        CHECK(t.text == kPara1);
    }
}

TEST_CASE("a sentence that starts with 'By' is prose, not a byline") {
    const std::string sentence = "By noon the boats were back.";
    const TextExtraction t = news::clean_text(kTitle + "\n\n" + sentence + "\n");
    CHECK(t.author.empty());
    CHECK(t.text == sentence);
}

TEST_CASE("hard-wrapped lines are joined into one paragraph; blank lines separate paragraphs") {
    const TextExtraction t =
        news::clean_text(kTitle +
                         "\n\n"
                         "The harbour reopened on Monday after three days of\n"
                         "closure, officials said, and the first ferries left\n"
                         "at dawn.\n"
                         "\n"
                         "Repairs to the breakwater will take two weeks.\n");
    CHECK(t.text ==
          "The harbour reopened on Monday after three days of closure, officials said, and the "
          "first ferries left at dawn.\n\nRepairs to the breakwater will take two weeks.");
}

TEST_CASE("a whole scrape gives title, author, date and only the prose") {
    const TextExtraction t =
        news::clean_text(kTitle + "\n" + "By Jane Doe\n" + "Published: March 12, 2024\n" +
                         "LISBON | Tuesday, 12 March 2024 | 14\xC2\xB0"
                         "C Partly cloudy\n" +
                         "\n" + kPara1 + "\n" + "(Photo: J. Alder/Coastline Images)\n" + "\n" +
                         kPara2 + "\n" + "\n" + "Share this article\n" + "Related stories\n" +
                         "Council approves new harbour budget\n" + "Sponsored Articles\n" +
                         "Ten tricks the banks do not want you to know\n" +
                         "Please enter your comment!\n" + "Please enter your name here\n");
    CHECK(t.title == kTitle);
    CHECK(t.author == "Jane Doe");
    CHECK(day_of(t.published) == "2024-03-12");
    CHECK(t.text == kPara1 + "\n\n" + kPara2);
}

TEST_CASE("is_boilerplate_line keeps ordinary sentences") {
    const std::string lines[] = {kPara1, kPara2, "The photographer, Jane Doe, was on the quay.",
                                 "Officials said the harbour would stay open."};
    for (const std::string& line : lines) {
        CAPTURE(line);
        CHECK_FALSE(news::is_boilerplate_line(line));
    }
}

TEST_CASE("menu words, role lines and the repeated headline above the article are dropped") {
    const TextExtraction t = news::clean_text(
        kTitle + "\nSubscribe\nSign in\nWorld\n" + kTitle + "\nTechnology | Energy\n" +
        "Travel correspondent Jon Ellery\nShare this article\nFacebook\nX\nEmail\nTweet\n" +
        kPara1 + "\n" + kPara2 + "\n");
    CHECK(t.text == kPara1 + "\n\n" + kPara2);
}

TEST_CASE("a labelled byline gives the author") {
    struct Case {
        std::string line;
        std::string author;
    };
    const Case cases[] = {
        {"Reporting by Ilse Marek", "Ilse Marek"},
        {"Written by Henrik Soll", "Henrik Soll"},
        {"Author: Kasper Lind", "Kasper Lind"},
        {"Von Anna Berger", "Anna Berger"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        const TextExtraction t = news::clean_text(kTitle + "\n" + c.line + "\n\n" + kPara1 + "\n");
        CHECK(t.author == c.author);
        CHECK(t.text == kPara1);
    }
}

TEST_CASE("a short sentence between paragraphs is article text, a short line after it is not") {
    const TextExtraction t =
        news::clean_text(kTitle + "\n\n" + kPara1 + "\n\nNobody was hurt.\n\n" + kPara2 +
                         "\n\nWeather\nContact us\n");
    CHECK(t.text == kPara1 + "\n\nNobody was hurt.\n\n" + kPara2);
}

TEST_CASE("furniture lines of other languages are dropped") {
    const std::string de1 =
        "Der Hafen von Porto Seguro ist am Montag nach drei Tagen wieder geöffnet worden, wie die "
        "Behörden mitteilten.";
    const std::string de2 =
        "Die Fischerboote kehrten bis zum Mittag an ihre Liegeplätze zurück, und auch die Fähre "
        "fuhr am Nachmittag wieder.";
    struct Case {
        std::string lines;
        std::string marker;
    };
    const Case cases[] = {
        {"Lesen Sie auch: Sturm über der Küste", "Lesen Sie auch"},
        {"Anzeige", "Anzeige"},
        {"Weitere Artikel\nSturm über der Küste\nDie Fähre fährt wieder", "Sturm"},
        {"Aktualisiert am 14.03.2024, 10:20 Uhr", "Aktualisiert"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.lines);
        const TextExtraction t = news::clean_text("Hafen wieder offen\n\n" + de1 + "\n\n" +
                                                  c.lines + "\n\n" + de2 + "\n");
        INFO("text: " << t.text);
        CHECK_FALSE(contains(t.text, c.marker));
        CHECK(contains(t.text, de1));
        CHECK(contains(t.text, de2));
    }
}

TEST_CASE("an update line stays out of the text") {
    const TextExtraction t = news::clean_text(kTitle + "\nLast updated: March 14, 2024\n\n" +
                                              kPara1 + "\n\n" + kPara2 + "\n");
    CHECK(t.text == kPara1 + "\n\n" + kPara2);
}

// Tests for common/stemmer: libstemmer behind Xapian::Stem, by language code or name.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "error.hpp"
#include "stemmer.hpp"

TEST_CASE("make_stemmer stems words the way Snowball does for the language asked for") {
    struct Case {
        std::string language;
        std::string word;
        std::string stem;
    };
    const Case cases[] = {
        {"en", "running", "run"},
        {"en", "elections", "elect"},
        {"en", "elected", "elect"},
        {"english", "elections", "elect"},
        {"en", "harbour", "harbour"},
        {"de", "h\xC3\xA4user", "haus"},  // häuser
        {"german", "h\xC3\xA4user", "haus"},
        {"de", "zeitungen", "zeitung"},
        {"fr", "\xC3\xA9lections", "\xC3\xA9lect"},  // élections
    };
    for (const Case& c : cases) {
        CAPTURE(c.language);
        CAPTURE(c.word);
        Xapian::Stem stem = news::make_stemmer(c.language);
        CHECK(stem(c.word) == c.stem);
    }
}

TEST_CASE("a stemmer keeps working over many words and copies") {
    Xapian::Stem stem = news::make_stemmer("en");
    Xapian::Stem copy = stem;
    for (int i = 0; i < 1000; ++i) {
        REQUIRE(stem("running") == "run");
        REQUIRE(copy("elections") == "elect");
    }
    CHECK(stem("") == "");
}

TEST_CASE("make_stemmer rejects a language libstemmer does not know with a usage error") {
    const std::string cases[] = {"klingon", "xx", "english2"};
    for (const std::string& language : cases) {
        CAPTURE(language);
        CHECK_THROWS_AS(news::make_stemmer(language), news::UsageError);
    }
}

TEST_CASE("stemmer_languages lists the languages by libstemmer's names") {
    const std::vector<std::string> languages = news::stemmer_languages();
    for (std::string expected : {"english", "german", "french", "spanish"}) {
        CAPTURE(expected);
        CHECK(std::find(languages.begin(), languages.end(), expected) != languages.end());
    }
    for (const std::string& language : languages) {
        CAPTURE(language);
        CHECK_NOTHROW(news::make_stemmer(language));
    }
}

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

TEST_CASE("stemmer_for_language stems where libstemmer can and leaves other languages as written") {
    struct Case {
        std::string language;
        std::string word;
        std::string stem;
    };
    const Case cases[] = {
        {"de", "h\xC3\xA4user", "haus"},
        {"no", "husene", "hus"},
        {"nb", "husene", "hus"},  // Norwegian Bokmål: libstemmer's Norwegian
        {"pl", "wybory", "wybory"},
        {"zh", "\xE6\xB8\xAF\xE5\x8F\xA3", "\xE6\xB8\xAF\xE5\x8F\xA3"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.language);
        const Xapian::Stem stem = news::stemmer_for_language(c.language);
        CHECK(stem(c.word) == c.stem);
    }
    CHECK(news::stemmer_for_language("pl").is_none());
    CHECK_FALSE(news::stemmer_for_language("en").is_none());
}

TEST_CASE("stemmer_for_language refuses what is no language") {
    for (std::string language : {"xx", "klingon", "", "e", "eng1"}) {
        CAPTURE(language);
        CHECK_THROWS_AS(news::stemmer_for_language(language), news::UsageError);
    }
}

TEST_CASE("has_stemmer knows libstemmer's languages by code and name") {
    CHECK(news::has_stemmer("en"));
    CHECK(news::has_stemmer("german"));
    CHECK(news::has_stemmer("nn"));
    CHECK_FALSE(news::has_stemmer("pl"));
    CHECK_FALSE(news::has_stemmer("klingon"));
}

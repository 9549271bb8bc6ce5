// Tests for common/text: UTF-8 validation and repair, whitespace, binary ratio, lower-casing.
#include <doctest/doctest.h>

#include <string>

#include "text.hpp"

using namespace std::string_literals;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

TEST_CASE("is_valid_utf8 accepts well-formed text and rejects every ill-formed sequence") {
    struct Case {
        std::string input;
        bool valid;
        std::string what;
    };
    const Case cases[] = {
        {"", true, "empty"},
        {"plain ASCII", true, "ASCII"},
        {"caf\xC3\xA9", true, "two-byte e-acute"},
        {"\xE6\x9D\xB1\xE4\xBA\xAC", true, "three-byte CJK"},
        {"\xF0\x9F\x98\x80", true, "four-byte emoji"},
        {"\xED\x9F\xBF", true, "U+D7FF, just below the surrogates"},
        {"\xEE\x80\x80", true, "U+E000, just above the surrogates"},
        {"\xF4\x8F\xBF\xBF", true, "U+10FFFF, the last code point"},
        {"a\0b"s, true, "NUL is a valid code point"},
        {"caf\xE9", false, "Latin-1 byte"},
        {"\x80", false, "lone continuation byte"},
        {"\xFF", false, "byte never used in UTF-8"},
        {"\xC0\xAF", false, "overlong two-byte slash"},
        {"\xC1\xBF", false, "overlong two-byte"},
        {"\xE0\x80\xAF", false, "overlong three-byte"},
        {"\xF0\x80\x80\xAF", false, "overlong four-byte"},
        {"\xED\xA0\x80", false, "high surrogate U+D800"},
        {"\xED\xBF\xBF", false, "low surrogate U+DFFF"},
        {"\xF4\x90\x80\x80", false, "above U+10FFFF"},
        {"\xF5\x80\x80\x80", false, "lead byte above F4"},
        {"\xE2\x82", false, "truncated three-byte at end"},
        {"\xE2\x82"
         "a",
         false, "truncated three-byte before ASCII"},
        {"\xF0\x9F\x98", false, "truncated four-byte"},
        {"\xC3", false, "truncated two-byte"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(news::is_valid_utf8(c.input) == c.valid);
    }
}

TEST_CASE("repair_utf8 keeps good text, replaces bad bytes with U+FFFD and drops NUL") {
    struct Case {
        std::string input;
        std::string expected;
        std::string what;
    };
    const Case cases[] = {
        {"", "", "empty"},
        {"caf\xC3\xA9 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xF0\x9F\x98\x80", "valid text unchanged"},
        {"caf\xE9", "caf" + kReplacement, "Latin-1 byte"},
        {"a\x80"
         "b",
         "a" + kReplacement + "b", "lone continuation"},
        {"a\0b"s, "ab", "NUL dropped"},
        {"\0\0x\0"s, "x", "only NULs dropped"},
        {"\xFF"
         "end",
         kReplacement + "end", "invalid lead byte"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(news::repair_utf8(c.input) == c.expected);
    }
}

TEST_CASE("repair_utf8 output is always valid UTF-8 and keeps the text around the damage") {
    struct Case {
        std::string input;
        std::string before;
        std::string after;
        std::string what;
    };
    const Case cases[] = {
        {"a\xC0\xAF"
         "z",
         "a", "z", "overlong"},
        {"a\xE0\x80\xAF"
         "z",
         "a", "z", "overlong three-byte"},
        {"a\xED\xA0\x80"
         "z",
         "a", "z", "surrogate"},
        {"a\xF4\x90\x80\x80"
         "z",
         "a", "z", "above U+10FFFF"},
        {"a\xE2\x82"
         "z",
         "a", "z", "truncated in the middle"},
        {"a\xF0\x9F\x98", "a", "", "truncated at the end"},
        {"caf\xE9 cr\xC3\xA8me", "caf", " cr\xC3\xA8me", "bad byte next to good"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const std::string out = news::repair_utf8(c.input);
        CHECK(news::is_valid_utf8(out));
        CHECK(out.starts_with(c.before));
        CHECK(out.ends_with(c.after));
        CHECK(out.find(kReplacement) != std::string::npos);
    }
}

TEST_CASE("collapse_whitespace turns every run of spaces into one and trims the ends") {
    struct Case {
        std::string input;
        std::string expected;
        std::string what;
    };
    const Case cases[] = {
        {"", "", "empty"},
        {" \t\r\n ", "", "only whitespace"},
        {"one  two", "one two", "double space"},
        {"  one two  ", "one two", "ends trimmed"},
        {"one\ttwo\nthree\r\nfour", "one two three four", "tabs and newlines"},
        {"one\n\n\ntwo", "one two", "blank lines"},
        {"one\xC2\xA0two", "one two", "no-break space"},
        {"\xC2\xA0one\xC2\xA0", "one", "no-break spaces at the ends"},
        {"10\xE2\x80\x89km", "10 km", "thin space"},
        {"10\xE2\x80\xAF%", "10 %", "narrow no-break space"},
        {"one \xC2\xA0\t two", "one two", "mixed run"},
        {"caf\xC3\xA9 \xC3\x82ge", "caf\xC3\xA9 \xC3\x82ge", "accented letters untouched"},
        {"\xE2\x80\x94 dash", "\xE2\x80\x94 dash", "em dash untouched"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(news::collapse_whitespace(c.input) == c.expected);
    }
}

TEST_CASE("binary_ratio measures the share of control bytes") {
    struct Case {
        std::string input;
        double expected;
        std::string what;
    };
    const Case cases[] = {
        {"", 0.0, "empty"},
        {"Plain text.\n\tIndented\r\n\f", 0.0, "text whitespace is not binary"},
        {"caf\xC3\xA9", 0.0, "UTF-8 is not binary"},
        {std::string(8, '\0'), 1.0, "all NUL"},
        {"ab\0\0"s, 0.5, "half NUL"},
        {"\x01\x02"
         "ab",
         0.5, "control characters"},
        {std::string(4096, 'x') + std::string(4096, '\0'), 0.0, "only the probe is read"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(news::binary_ratio(c.input) == doctest::Approx(c.expected));
    }
    CHECK(news::binary_ratio("ab\0\0"s, 2) == doctest::Approx(0.0));
}

TEST_CASE("to_lower lower-cases letters beyond ASCII") {
    struct Case {
        std::string input;
        std::string expected;
    };
    const Case cases[] = {
        {"", ""},
        {"Hello World", "hello world"},
        {"\xC3\x89"
         "COLE",
         "\xC3\xA9"
         "cole"},  // ÉCOLE -> école
        {"\xC3\x84RGER \xC3\x9C"
         "BER",
         "\xC3\xA4rger \xC3\xBC"
         "ber"},  // ÄRGER ÜBER
        {"\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90",
         "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},      // МОСКВА -> москва
        {"\xE6\x9D\xB1\xE4\xBA\xAC", "\xE6\x9D\xB1\xE4\xBA\xAC"},  // 東京 has no case
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        CHECK(news::to_lower(c.input) == c.expected);
    }
}

TEST_CASE("to_lower folds dotted capital I to the plain i that Xapian indexes") {
    // Xapian's TermGenerator indexes "İstanbul" as "istanbul"; a lower-cased name that keeps a
    // combining dot (U+0307) would never match it.
    CHECK(news::to_lower("\xC4\xB0stanbul") == "istanbul");
    CHECK(news::to_lower("\xC4\xB0STANBUL") == news::to_lower("istanbul"));
}

TEST_CASE("to_lower does not throw on invalid UTF-8 and returns valid UTF-8") {
    std::string out;
    CHECK_NOTHROW(out = news::to_lower("CAF\xE9 \xFF"));
    CHECK(news::is_valid_utf8(out));
    CHECK(out.starts_with("caf"));
}

TEST_CASE("utf8_length gives the length announced by a lead byte") {
    struct Case {
        unsigned char lead;
        size_t length;
    };
    const Case cases[] = {{'a', 1}, {0x80, 1}, {0xC3, 2}, {0xE6, 3}, {0xF0, 4}, {0xFF, 1}};
    for (const Case& c : cases) {
        CAPTURE(static_cast<int>(c.lead));
        CHECK(news::utf8_length(c.lead) == c.length);
    }
}

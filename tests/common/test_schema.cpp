// Tests for common/schema: canonical URLs, unique ids, boolean terms, document-data round trip.
#include <doctest/doctest.h>

#include <string>

#include "schema.hpp"
#include "text.hpp"

namespace schema = news::schema;
using news::Article;
using news::Date;

namespace {

Date day(int y, int m, int d) {
    Date out;
    out.year = y;
    out.month = m;
    out.day = d;
    return out;
}

Article with_url(std::string url) {
    Article a;
    a.url = std::move(url);
    a.title = "Harbour reopens after storm";
    a.text = "The harbour reopened on Monday.";
    return a;
}

Article without_url(std::string title, std::string text) {
    Article a;
    a.title = std::move(title);
    a.text = std::move(text);
    return a;
}

}  // namespace

TEST_CASE("canonical_url drops fragments, tracking parameters and default ports") {
    struct Case {
        std::string url;
        std::string expected;
    };
    const Case cases[] = {
        {"https://example.com/news/story", "https://example.com/news/story"},
        {"https://example.com/news/story#comments", "https://example.com/news/story"},
        {"https://example.com/story?utm_source=twitter&utm_medium=social",
         "https://example.com/story"},
        {"https://example.com/story?id=42&utm_campaign=x", "https://example.com/story?id=42"},
        {"https://example.com/story?utm_source=x&id=42", "https://example.com/story?id=42"},
        {"https://example.com/story?fbclid=IwAR0abc", "https://example.com/story"},
        {"https://example.com/story?gclid=abc&page=2", "https://example.com/story?page=2"},
        {"https://example.com/story?UTM_SOURCE=rss", "https://example.com/story"},
        {"https://example.com/story?id=1#top", "https://example.com/story?id=1"},
        {"https://example.com:443/story", "https://example.com/story"},
        {"http://example.com:80/story", "http://example.com/story"},
        {"http://example.com:8080/story", "http://example.com:8080/story"},
        {"HTTPS://News.Example.COM/Story/Path", "https://news.example.com/Story/Path"},
        {"https://example.com", "https://example.com/"},
        {"https://example.com?id=1", "https://example.com/?id=1"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.url);
        CHECK(schema::canonical_url(c.url) == c.expected);
    }
}

TEST_CASE("the same article reached through different links gets the same unique id term") {
    const std::string same[][2] = {
        {"https://example.com/story", "https://example.com/story?utm_source=newsletter"},
        {"https://example.com/story", "https://example.com/story#comments"},
        {"https://example.com/story", "https://EXAMPLE.com/story"},
        {"https://example.com/story", "https://example.com:443/story?fbclid=xyz"},
    };
    for (const auto& pair : same) {
        CAPTURE(pair[0]);
        CAPTURE(pair[1]);
        CHECK(schema::unique_id_term(with_url(pair[0])) ==
              schema::unique_id_term(with_url(pair[1])));
    }
    const std::string different[][2] = {
        {"https://example.com/story-a", "https://example.com/story-b"},
        {"https://example.com/story?id=1", "https://example.com/story?id=2"},
        {"https://example.com/story", "https://other.example/story"},
    };
    for (const auto& pair : different) {
        CAPTURE(pair[0]);
        CAPTURE(pair[1]);
        CHECK(schema::unique_id_term(with_url(pair[0])) !=
              schema::unique_id_term(with_url(pair[1])));
    }
}

TEST_CASE("unique id terms carry the unique-id prefix") {
    CHECK(schema::unique_id_term(with_url("https://example.com/a")).starts_with(schema::kUniqueId));
    CHECK(schema::unique_id_term(without_url("T", "Body")).starts_with(schema::kUniqueId));
}

TEST_CASE("without a URL, an article is identified by its content") {
    const Article a = without_url("Harbour reopens", "The harbour reopened on Monday.");
    const Article same = without_url("Harbour reopens", "The harbour reopened on Monday.");
    const Article other_text = without_url("Harbour reopens", "The harbour stayed shut.");
    const Article other_title = without_url("Harbour shut", "The harbour reopened on Monday.");
    CHECK(schema::unique_id_term(a) == schema::unique_id_term(same));
    CHECK(schema::unique_id_term(a) != schema::unique_id_term(other_text));
    CHECK(schema::unique_id_term(a) != schema::unique_id_term(other_title));
}

TEST_CASE("unique id terms of very long URLs fit Xapian's term limit and stay distinct") {
    const std::string base = "https://example.com/" + std::string(2000, 'a');
    const Article a = with_url(base + "/one");
    const Article b = with_url(base + "/two");
    const std::string ta = schema::unique_id_term(a);
    const std::string tb = schema::unique_id_term(b);
    CHECK(ta.size() < 245);
    CHECK(tb.size() < 245);
    CHECK(ta != tb);
    // Still the same term for the same long URL with tracking noise.
    CHECK(schema::unique_id_term(with_url(base + "/one?utm_source=x")) == ta);

    const Article long_text = without_url(std::string(5000, 't'), std::string(100000, 'b'));
    CHECK(schema::unique_id_term(long_text).size() < 245);
}

TEST_CASE("host_of_url gives the bare lower-case host") {
    struct Case {
        std::string url;
        std::string host;
    };
    const Case cases[] = {
        {"https://www.example.com/story", "example.com"},
        {"https://WWW.Example.COM/story", "example.com"},
        {"https://news.example.com:8080/story", "news.example.com"},
        {"http://www.example.com:80", "example.com"},
        {"https://user:secret@www.example.com/a", "example.com"},
        {"https://example.com?x=1", "example.com"},
        {"https://example.com#top", "example.com"},
        {"not a url", ""},
        {"", ""},
        {"/relative/path", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.url);
        CHECK(schema::host_of_url(c.url) == c.host);
    }
}

TEST_CASE("source and host terms ignore case, so filters match however the user types them") {
    using P = std::string;
    CHECK(schema::source_term("The Coastline Herald") ==
          P(schema::kSource) + "the-coastline-herald");
    CHECK(schema::source_term("The Coastline Herald") ==
          schema::source_term("the coastline herald"));
    CHECK(schema::source_term("THE COASTLINE HERALD") ==
          schema::source_term("the coastline herald"));
    CHECK(schema::host_term("News.Example.COM") == P(schema::kHost) + "news.example.com");
    CHECK(schema::language_term("EN") == P(schema::kLanguage) + "en");
}

TEST_CASE("source terms fold upper-case accented letters, as typed filters need") {
    // Outlet names are not all ASCII: "source:\"le temps éco\"" must find "Le Temps ÉCO".
    struct Case {
        std::string shown;
        std::string typed;
    };
    const Case cases[] = {
        {"Le Temps ÉCO", "le temps éco"},
        {"ÖSTERREICH HEUTE", "österreich heute"},
        {"Süddeutsche Zeitung", "süddeutsche zeitung"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.shown);
        CHECK(schema::source_term(c.shown) == schema::source_term(c.typed));
    }
}

TEST_CASE("source terms of very long names fit Xapian's term limit") {
    CHECK(schema::source_term(std::string(1000, 'x')).size() < 245);
    CHECK(schema::host_term(std::string(1000, 'x') + ".com").size() < 245);
}

TEST_CASE("date terms name the day, the month and the year") {
    using P = std::string;
    const Date d = day(2024, 3, 5);
    CHECK(schema::date_terms_day(d) == P(schema::kDay) + "20240305");
    CHECK(schema::date_terms_month(d) == P(schema::kMonth) + "202403");
    CHECK(schema::date_terms_year(d) == P(schema::kYear) + "2024");
}

TEST_CASE("document data round-trips every displayed field") {
    Article a;
    a.url = "https://example.com/story";
    a.path = "dump.jsonl:12";
    a.title = "Café in Zürich reopens — 東京 next";
    a.text = "First paragraph.\n\nSecond paragraph with \"quotes\" and a \\ backslash.";
    a.author = "Zoë Müller";
    a.source = "The Coastline Herald";
    a.language = "de";
    a.format = "jsonl";
    Date published = day(2024, 3, 5);
    published.has_time = true;
    published.hour = 9;
    published.minute = 30;
    published.utc_offset_minutes = 60;
    a.published = published;

    const Article b = schema::decode_document_data(schema::encode_document_data(a));
    CHECK(b.url == a.url);
    CHECK(b.path == a.path);
    CHECK(b.title == a.title);
    CHECK(b.text == a.text);
    CHECK(b.author == a.author);
    CHECK(b.source == a.source);
    CHECK(b.language == a.language);
    CHECK(b.format == a.format);
    REQUIRE(b.published.has_value());
    CHECK(*b.published == published);
}

TEST_CASE("document data keeps a missing date missing") {
    Article a = without_url("Title", "Body.");
    a.format = "text";
    const Article b = schema::decode_document_data(schema::encode_document_data(a));
    CHECK_FALSE(b.published.has_value());
    CHECK(b.title == "Title");
    CHECK(b.url.empty());
}

TEST_CASE("document data with invalid UTF-8 encodes without throwing and decodes to valid UTF-8") {
    Article a = without_url("Caf\xE9 title", "Body with a stray \xFF byte and \xC0\xAF overlong.");
    a.author = "Jos\xE9";
    std::string data;
    CHECK_NOTHROW(data = schema::encode_document_data(a));
    CHECK(news::is_valid_utf8(data));
    Article b;
    CHECK_NOTHROW(b = schema::decode_document_data(data));
    CHECK(news::is_valid_utf8(b.title));
    CHECK(news::is_valid_utf8(b.text));
    CHECK(b.text.find("stray") != std::string::npos);
}

TEST_CASE("decoding data that is not a document gives an empty article, not an exception") {
    const std::string inputs[] = {"", "not json", "[1,2,3]", "{\"title\": 5}", "{\"date\":\"x\"}"};
    for (const std::string& in : inputs) {
        CAPTURE(in);
        Article a;
        CHECK_NOTHROW(a = schema::decode_document_data(in));
        CHECK(a.title.empty());
        CHECK_FALSE(a.published.has_value());
    }
}

TEST_CASE("hash_hex is a stable 16-digit hex digest that tells inputs apart") {
    const std::string inputs[] = {"", "a", "b", "ab", "ba", "url:https://example.com/story"};
    for (const std::string& in : inputs) {
        CAPTURE(in);
        const std::string h = news::schema::hash_hex(in);
        CHECK(h.size() == 16);
        CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
        CHECK(news::schema::hash_hex(in) == h);
        for (const std::string& other : inputs)
            if (other != in) CHECK(news::schema::hash_hex(other) != h);
    }
}

// Tests for indexer/extract/article_extractor: RawRecord in, Article or InputError reason out.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "error.hpp"
#include "extract/article_extractor.hpp"
#include "text.hpp"

using namespace std::string_literals;
using news::Article;
using news::Format;
using news::RawRecord;

namespace {

const std::string kPara1 =
    "The harbour at Porto Seguro reopened on Monday after three days of closure, officials said.";
const std::string kPara2 =
    "Fishing boats returned to their moorings by noon, and the ferry service resumed at three.";
const std::string kPara3 =
    "Repairs to the eastern breakwater, damaged by the storm, will take another two weeks.";

const std::string kPage =
    "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Harbour reopens | The Coastline "
    "Herald</title><meta property=\"og:title\" content=\"Harbour reopens after storm\">"
    "<meta property=\"og:site_name\" content=\"The Coastline Herald\">"
    "<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00Z\">"
    "<link rel=\"canonical\" href=\"https://coastline.example/2024/03/05/harbour\"></head><body>"
    "<nav><a href=\"/\">Home</a></nav><article><h1>Harbour reopens after storm</h1><p>" +
    kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 + "</p></article></body></html>";

RawRecord record(std::string bytes, Format format, std::string path = "story") {
    RawRecord r;
    r.bytes = std::move(bytes);
    r.format = format;
    r.path = std::move(path);
    return r;
}

std::string random_bytes(size_t n, unsigned seed) {
    std::mt19937 gen(seed);
    std::uniform_int_distribution<int> byte(0, 255);
    std::string out(n, '\0');
    for (char& c : out)
        c = static_cast<char>(byte(gen));
    return out;
}

// The reason of the InputError extract_article throws, or "" when it does not throw.
std::string skip_reason(const RawRecord& r, const news::ExtractOptions& options = {}) {
    try {
        news::extract_article(r, options);
    } catch (const news::InputError& e) {
        return e.reason();
    }
    return "";
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("an HTML page yields its title, date, text, source, URL and language") {
    const Article a = news::extract_article(record(kPage, Format::Html, "pages/harbour.html"));
    CHECK(a.title == "Harbour reopens after storm");
    REQUIRE(a.published.has_value());
    CHECK(a.published->iso_day() == "2024-03-05");
    CHECK(a.text == kPara1 + "\n\n" + kPara2 + "\n\n" + kPara3);
    CHECK(a.source == "The Coastline Herald");
    CHECK(a.url == "https://coastline.example/2024/03/05/harbour");
    CHECK(a.language == "en");
    CHECK(a.format == "html");
    CHECK(a.path == "pages/harbour.html");
}

TEST_CASE("a plain-text scrape yields its title, byline, date and prose") {
    const Article a = news::extract_article(
        record("Harbour reopens after storm\nBy Jane Doe\nPublished: March 5, 2024\n\n" + kPara1 +
                   "\n\nShare this article\n\n" + kPara2 + "\n",
               Format::Text));
    CHECK(a.title == "Harbour reopens after storm");
    CHECK(a.author == "Jane Doe");
    REQUIRE(a.published.has_value());
    CHECK(a.published->iso_day() == "2024-03-05");
    CHECK(a.text == kPara1 + "\n\n" + kPara2);
    CHECK(a.format == "text");
}

TEST_CASE("records with nothing to index are refused with a reason") {
    news::ExtractOptions small;
    small.max_document_bytes = 1000;
    const std::string section_front =
        "<html><head><title>World | The Coastline Herald</title></head><body><ul>"
        "<li><a href=\"/a\">Harbour reopens after storm</a></li>"
        "<li><a href=\"/b\">Fishermen protest quota cuts</a></li></ul></body></html>";
    struct Case {
        std::string what;
        RawRecord record;
        news::ExtractOptions options;
        std::string reason;
    };
    const Case cases[] = {
        {"empty HTML", record("", Format::Html), {}, "empty"},
        {"empty text", record("", Format::Text), {}, "empty"},
        {"only whitespace", record(" \n\t\r\n ", Format::Text), {}, "empty"},
        {"random bytes as HTML", record(random_bytes(4096, 1), Format::Html), {}, "binary"},
        {"random bytes as text", record(random_bytes(4096, 2), Format::Text), {}, "binary"},
        {"sniffed binary", record("looks like text", Format::Binary), {}, "binary"},
        {"over the size limit", record(kPage + std::string(2000, ' '), Format::Html), small,
         "too-large"},
        {"section front without an article", record(section_front, Format::Html), {}, "no-text"},
        {"markup without text",
         record("<html><body><div></div></body></html>", Format::Html),
         {},
         "no-text"},
        {"text scrape with only a title", record("Harbour reopens\n", Format::Text), {}, "no-text"},
        {"text scrape of only furniture",
         record("Home | World | Sport\n\nShare this article\nPlease enter your comment!\n",
                Format::Text),
         {},
         "no-text"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(skip_reason(c.record, c.options) == c.reason);
    }
}

TEST_CASE("a page within the size limit is not refused as too large") {
    news::ExtractOptions options;
    options.max_document_bytes = kPage.size();
    CHECK(skip_reason(record(kPage, Format::Html), options) == "");
}

TEST_CASE("fields a JSON Lines record states explicitly win over extraction") {
    RawRecord r = record(
        "<html><head><title>Page title</title>"
        "<meta property=\"article:published_time\" content=\"2020-01-01\">"
        "<meta property=\"og:site_name\" content=\"Page Site\"></head><body>"
        "<article><p>" +
            kPara1 + "</p><p>" + kPara2 + "</p></article></body></html>",
        Format::Html, "dump.jsonl:3");
    r.structured = true;
    r.title = "  Explicit   title ";
    r.date = "2024-03-05";
    r.source = "The Coastline Herald";
    r.author = "Jane Doe";
    r.url = "https://coastline.example/harbour";
    const Article a = news::extract_article(r);
    CHECK(a.title == "Explicit title");
    REQUIRE(a.published.has_value());
    CHECK(a.published->iso_day() == "2024-03-05");
    CHECK(a.source == "The Coastline Herald");
    CHECK(a.author == "Jane Doe");
    CHECK(a.url == "https://coastline.example/harbour");
    CHECK(a.text == kPara1 + "\n\n" + kPara2);
}

TEST_CASE("a structured text record keeps its paragraphs as given") {
    RawRecord r = record(kPara1 + "\n\n  " + kPara2 + "  \n\n\n\n" + kPara3 + "\n", Format::Text,
                         "dump.jsonl:1");
    r.structured = true;
    r.title = "Harbour reopens after storm";
    r.date = "March 5, 2024";
    r.source = "The Coastline Herald";
    const Article a = news::extract_article(r);
    CHECK(a.title == "Harbour reopens after storm");
    CHECK(a.text == kPara1 + "\n\n" + kPara2 + "\n\n" + kPara3);
    REQUIRE(a.published.has_value());
    CHECK(a.published->iso_day() == "2024-03-05");
    CHECK(a.source == "The Coastline Herald");
}

TEST_CASE("a structured record's first line is body text, not a title") {
    // In a JSON record the title is its own field; the text must not lose its first sentence.
    RawRecord r = record(kPara1 + "\n\n" + kPara2, Format::Text, "dump.jsonl:1");
    r.structured = true;
    const Article a = news::extract_article(r);
    CHECK(contains(a.text, kPara1));
}

TEST_CASE("a structured HTML fragment without page furniture still gives its text") {
    RawRecord r = record("<p>Short note.</p><p>Another short one.</p>", Format::Html, "d.jsonl:1");
    r.structured = true;
    r.title = "Notes";
    const Article a = news::extract_article(r);
    CHECK(contains(a.text, "Short note."));
    CHECK(contains(a.text, "Another short one."));
}

TEST_CASE("the source falls back to the URL's host") {
    RawRecord r = record(kPara1, Format::Text, "dump.jsonl:1");
    r.structured = true;
    r.title = "Harbour reopens";
    r.url = "https://www.coastline.example/harbour";
    CHECK(news::extract_article(r).source == "coastline.example");
}

TEST_CASE("invalid UTF-8 in a text record does not throw and gives valid UTF-8") {
    struct Case {
        std::string what;
        std::string bytes;
        bool structured;
    };
    const Case cases[] = {
        {"windows-1252 scrape", "Caf\xE9 reopens\n\nThe caf\xE9 on the quay reopened on Monday.\n",
         false},
        {"stray bytes", "Title \xFF\xFE\n\nBody with \xC0\xAF overlong and \xED\xA0\x80 bytes.\n",
         false},
        {"structured with stray bytes", "The caf\xE9 reopened. \x81\x8D\x8F\x90\x9D", true},
        {"NUL in text", "Title\n\nBody with a NUL\0 in it.\n"s, false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        RawRecord r = record(c.bytes, Format::Text);
        r.structured = c.structured;
        if (c.structured) r.title = "T\xE9";
        Article a;
        REQUIRE_NOTHROW(a = news::extract_article(r));
        CHECK(news::is_valid_utf8(a.title));
        CHECK(news::is_valid_utf8(a.text));
        CHECK(news::is_valid_utf8(a.author));
        CHECK_FALSE(a.text.empty());
    }
}

TEST_CASE("a windows-1252 page declared as such is read as café, not mojibake") {
    const std::string page =
        "<html><head><meta charset=\"windows-1252\"><title>Caf\xE9 reopens</title></head><body>"
        "<article><p>The caf\xE9 on the quay reopened on Monday after three days of closure.</p>"
        "<p>Its owner said the storm, the worst in years, flooded the kitchen and the cellar.</p>"
        "</article></body></html>";
    const Article a = news::extract_article(record(page, Format::Html));
    CHECK(a.title == "Caf\xC3\xA9 reopens");
    CHECK(contains(a.text, "The caf\xC3\xA9 on the quay"));
}

TEST_CASE("a UTF-16 page with a byte-order mark is decoded, not refused as binary") {
    std::string page = "\xFF\xFE";
    for (char c : kPage) {
        page += c;
        page += '\0';
    }
    Article a;
    REQUIRE_NOTHROW(a = news::extract_article(record(page, Format::Html)));
    CHECK(a.title == "Harbour reopens after storm");
    CHECK(contains(a.text, kPara1));
}

TEST_CASE("a page saved with its HTTP head is decoded by the head's charset, head left out") {
    const std::string page =
        "HTTP/1.1 200 OK\r\nDate: Tue, 05 Mar 2024 09:30:00 GMT\r\n"
        "Content-Type: text/html; charset=iso-8859-1\r\n\r\n"
        "<html><head><title>Caf\xE9 reopens</title></head><body><article>"
        "<p>The caf\xE9 on the quay reopened on Monday after three days of closure.</p>"
        "<p>Its owner said the storm, the worst in years, flooded the kitchen and the cellar.</p>"
        "</article></body></html>";
    const Article a = news::extract_article(record(page, Format::Html));
    CHECK(a.title == "Caf\xC3\xA9 reopens");
    CHECK(contains(a.text, "The caf\xC3\xA9 on the quay"));
    CHECK_FALSE(contains(a.text, "Content-Type"));
    CHECK_FALSE(contains(a.text, "HTTP/1.1"));
}

TEST_CASE("the language is read from the text, the page's declaration a hint") {
    const std::string german =
        "<p>Der Hafen von Porto Seguro wurde am Montag nach drei Tagen wieder ge\xC3\xB6"
        "ffnet, "
        "teilten die Beh\xC3\xB6rden mit.</p><p>Die Fischerboote kehrten bis zum Mittag an ihre "
        "Liegepl\xC3\xA4tze zur\xC3\xBC"
        "ck, und die F\xC3\xA4hre fuhr ab drei Uhr wieder.</p>";
    struct Case {
        std::string what;
        std::string page;
        Format format;
        std::string language;
    };
    const Case cases[] = {
        {"German page declared German",
         "<html lang=\"de\"><body><article><h1>Hafen</h1>" + german + "</article></body></html>",
         Format::Html, "de"},
        {"German page under a template declaring English",
         "<html lang=\"en\"><body><article><h1>Hafen</h1>" + german + "</article></body></html>",
         Format::Html, "de"},
        {"plain text: its words only",
         "Hafen wieder offen\n\nDer Hafen von Porto Seguro wurde am Montag nach drei Tagen "
         "wieder ge\xC3\xB6"
         "ffnet, teilten die Beh\xC3\xB6rden mit. Die Fischerboote kehrten "
         "bis zum Mittag an ihre Liegepl\xC3\xA4tze zur\xC3\xBC"
         "ck.\n",
         Format::Text, "de"},
        {"English page", kPage, Format::Html, "en"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(news::extract_article(record(c.page, c.format)).language == c.language);
    }
}

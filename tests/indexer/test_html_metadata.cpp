// Tests for indexer/extract/html_metadata: title, date, author, site, URL, language of a page.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "clean/html_document.hpp"
#include "extract/html_metadata.hpp"

using news::Date;
using news::HtmlMetadata;

namespace {

HtmlMetadata metadata(const std::string& head, const std::string& body = "",
                      const std::string& url = "", const std::string& html_attrs = "") {
    const std::string html = "<!DOCTYPE html><html" + html_attrs + "><head>" + head +
                             "</head><body>" + body + "</body></html>";
    news::HtmlDocument doc(html);
    return news::extract_html_metadata(doc, url);
}

std::string ld(const std::string& json) {
    return "<script type=\"application/ld+json\">" + json + "</script>";
}

std::string day_of(const std::optional<Date>& d) {
    return d ? d->iso_day() : "none";
}

}  // namespace

TEST_CASE("the title comes from the page's declared headline before the <title> tag") {
    struct Case {
        std::string what;
        std::string head;
        std::string body;
        std::string title;
    };
    const Case cases[] = {
        {"og:title beats <title>",
         "<title>Storm news | The Coastline Herald</title>"
         "<meta property=\"og:title\" content=\"Harbour reopens after storm\">",
         "", "Harbour reopens after storm"},
        {"JSON-LD headline beats <title>",
         "<title>Storm news - live</title>" +
             ld(R"({"@context":"https://schema.org","@type":"NewsArticle",)"
                R"("headline":"Harbour reopens after storm"})"),
         "", "Harbour reopens after storm"},
        {"<title> suffix with og:site_name stripped",
         "<title>Harbour reopens after storm | The Coastline Herald</title>"
         "<meta property=\"og:site_name\" content=\"The Coastline Herald\">",
         "", "Harbour reopens after storm"},
        {"<title> prefix with og:site_name stripped",
         "<title>The Coastline Herald - Harbour reopens after storm</title>"
         "<meta property=\"og:site_name\" content=\"The Coastline Herald\">",
         "", "Harbour reopens after storm"},
        {"og:title with the site name stripped",
         "<meta property=\"og:title\" content=\"Harbour reopens after storm | The Coastline "
         "Herald\"><meta property=\"og:site_name\" content=\"The Coastline Herald\">",
         "", "Harbour reopens after storm"},
        {"h1 when nothing is declared", "<title>The Coastline Herald</title>",
         "<nav><h1>Menu</h1></nav><article><h1>Harbour reopens after storm</h1></article>",
         "Harbour reopens after storm"},
        {"<title> alone", "<title>Harbour reopens after storm</title>", "",
         "Harbour reopens after storm"},
        {"broken JSON-LD ignored",
         "<title>Harbour reopens after storm</title>" +
             ld(R"({"@type": "NewsArticle", "headline": "Broken)"),
         "", "Harbour reopens after storm"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        HtmlMetadata m;
        REQUIRE_NOTHROW(m = metadata(c.head, c.body));
        CHECK(m.title == c.title);
    }
}

TEST_CASE("strip_site_suffix removes a site name only where it is one") {
    struct Case {
        std::string title;
        std::string site;
        std::string expected;
    };
    const Case cases[] = {
        {"Harbour reopens | The Coastline Herald", "The Coastline Herald", "Harbour reopens"},
        {"Harbour reopens | the coastline herald", "The Coastline Herald", "Harbour reopens"},
        {"The Coastline Herald | Harbour reopens", "The Coastline Herald", "Harbour reopens"},
        {"Harbour reopens", "The Coastline Herald", "Harbour reopens"},
        {"Harbour reopens | Local news | Coastline", "", "Harbour reopens | Local news"},
        {"Harbour reopens | BBC News", "", "Harbour reopens"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.title);
        CAPTURE(c.site);
        CHECK(news::strip_site_suffix(c.title, c.site) == c.expected);
    }
}

TEST_CASE("the publication date comes from the page's declarations, best source first") {
    struct Case {
        std::string what;
        std::string head;
        std::string body;
        std::string url;
        std::string day;  // YYYY-MM-DD or "none"
    };
    const Case cases[] = {
        {"JSON-LD datePublished, not dateModified",
         ld(R"({"@type":"NewsArticle","dateModified":"2024-03-09T10:00:00Z",)"
            R"("datePublished":"2024-03-05T09:30:00Z"})"),
         "", "", "2024-03-05"},
        {"JSON-LD dateModified alone is no publication date",
         ld(R"({"@type":"NewsArticle","dateModified":"2024-03-09T10:00:00Z"})"), "", "", "none"},
        {"article:published_time",
         "<meta property=\"article:modified_time\" content=\"2024-03-09T10:00:00Z\">"
         "<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00+01:00\">",
         "", "", "2024-03-05"},
        {"meta name=date", "<meta name=\"date\" content=\"2024-03-05\">", "", "", "2024-03-05"},
        {"itemprop datePublished", "",
         "<article><span itemprop=\"datePublished\" content=\"2024-03-05\">5 "
         "March</span></article>",
         "", "2024-03-05"},
        {"<time datetime> outside nav", "",
         "<nav><time datetime=\"2024-01-01\">Today</time></nav>"
         "<article><time datetime=\"2024-03-05T09:00:00Z\">5 March 2024</time></article>",
         "", "2024-03-05"},
        {"<time> only in the footer", "",
         "<footer><time datetime=\"2024-01-01\">1 January</time></footer>", "", "none"},
        {"URL /2023/11/07/", "", "", "https://example.com/news/2023/11/07/harbour-reopens",
         "2023-11-07"},
        {"URL /2023-11-07-slug", "", "", "https://example.com/news/2023-11-07-harbour-reopens",
         "2023-11-07"},
        {"declared date beats URL date", "<meta name=\"date\" content=\"2024-03-05\">", "",
         "https://example.com/2023/11/07/harbour", "2024-03-05"},
        {"JSON-LD beats <time>", ld(R"({"@type":"NewsArticle","datePublished":"2024-03-05"})"),
         "<time datetime=\"2024-03-09\">9 March</time>", "", "2024-03-05"},
        {"@graph with WebPage before NewsArticle",
         ld(R"({"@context":"https://schema.org","@graph":[)"
            R"({"@type":"WebPage","name":"Harbour","datePublished":"2020-01-01"},)"
            R"({"@type":"NewsArticle","headline":"Harbour reopens","datePublished":"2024-03-05"}]})"),
         "", "", "2024-03-05"},
        {"broken JSON-LD ignored",
         ld(R"({"@type":"NewsArticle","datePublished":"2024-03-05")") +
             "<meta property=\"article:published_time\" content=\"2024-03-06\">",
         "", "", "2024-03-06"},
        {"nothing declared", "<title>Harbour reopens</title>", "<p>Text.</p>", "", "none"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        HtmlMetadata m;
        REQUIRE_NOTHROW(m = metadata(c.head, c.body, c.url));
        CHECK(day_of(m.published) == c.day);
    }
}

TEST_CASE("a JSON-LD @graph gives the article's headline, not the web page's name") {
    const HtmlMetadata m =
        metadata(ld(R"({"@context":"https://schema.org","@graph":[)"
                    R"({"@type":"WebSite","name":"The Coastline Herald","headline":"Home"},)"
                    R"({"@type":"NewsArticle","headline":"Harbour reopens after storm",)"
                    R"("author":{"@type":"Person","name":"Jane Doe"}}]})"));
    CHECK(m.title == "Harbour reopens after storm");
    CHECK(m.author == "Jane Doe");
}

TEST_CASE("broken or odd JSON-LD never throws") {
    const std::string bodies[] = {
        "{",
        "[]",
        "null",
        "\"text\"",
        R"({"@type":["NewsArticle","Thing"],"headline":5,"author":7})",
        R"({"@graph":{"@graph":[{"@type":"NewsArticle"}]}})",
        "<!-- not json -->",
        "",
    };
    for (const std::string& json : bodies) {
        CAPTURE(json);
        CHECK_NOTHROW(metadata(ld(json)));
    }
}

TEST_CASE("the author comes from JSON-LD author objects and arrays, else meta tags") {
    struct Case {
        std::string what;
        std::string head;
        std::string author;
    };
    const Case cases[] = {
        {"object", ld(R"({"@type":"NewsArticle","author":{"@type":"Person","name":"Jane Doe"}})"),
         "Jane Doe"},
        {"array",
         ld(R"({"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Doe"},)"
            R"({"@type":"Person","name":"John Roe"}]})"),
         "Jane Doe, John Roe"},
        {"string", ld(R"({"@type":"NewsArticle","author":"Jane Doe"})"), "Jane Doe"},
        {"meta name=author", "<meta name=\"author\" content=\"Jane Doe\">", "Jane Doe"},
        {"profile URL is no name",
         "<meta property=\"article:author\" content=\"https://facebook.com/janedoe\">", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(metadata(c.head).author == c.author);
    }
}

TEST_CASE("the site name comes from og:site_name, else the JSON-LD publisher") {
    CHECK(metadata("<meta property=\"og:site_name\" content=\"The Coastline Herald\">").site_name ==
          "The Coastline Herald");
    CHECK(metadata(ld(R"({"@type":"NewsArticle","publisher":{"@type":"Organization",)"
                      R"("name":"The Coastline Herald"}})"))
              .site_name == "The Coastline Herald");
    CHECK(metadata("<title>Harbour reopens</title>").site_name.empty());
}

TEST_CASE("the URL is the canonical link, else og:url, else the page's own URL") {
    struct Case {
        std::string what;
        std::string head;
        std::string page_url;
        std::string url;
    };
    const Case cases[] = {
        {"canonical link",
         "<link rel=\"canonical\" href=\"https://example.com/harbour-reopens\">"
         "<meta property=\"og:url\" content=\"https://example.com/og\">",
         "https://example.com/harbour-reopens?utm_source=rss",
         "https://example.com/harbour-reopens"},
        {"og:url", "<meta property=\"og:url\" content=\"https://example.com/og\">", "",
         "https://example.com/og"},
        {"page URL", "", "https://example.com/page", "https://example.com/page"},
        {"nothing", "", "", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(metadata(c.head, "", c.page_url).url == c.url);
    }
}

TEST_CASE("the language is the primary subtag of <html lang>") {
    struct Case {
        std::string attrs;
        std::string language;
    };
    const Case cases[] = {{" lang=\"en-GB\"", "en"},
                          {" lang=\"EN-us\"", "en"},
                          {" lang=\"de\"", "de"},
                          {" lang=\"pt_BR\"", "pt"},
                          {"", ""}};
    for (const Case& c : cases) {
        CAPTURE(c.attrs);
        CHECK(metadata("", "", "", c.attrs).language == c.language);
    }
}

TEST_CASE("date_from_url reads dates written in URL paths") {
    struct Case {
        std::string url;
        std::string day;
    };
    const Case cases[] = {
        {"https://example.com/2023/11/07/harbour", "2023-11-07"},
        {"https://example.com/news/2023-11-07/harbour", "2023-11-07"},
        {"https://example.com/news/2023/13/07/harbour", "none"},
        {"https://example.com/news/harbour-2023", "none"},
        {"https://example.com/story?date=2023/11/07", "none"},
        {"", "none"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.url);
        CHECK(day_of(news::date_from_url(c.url)) == c.day);
    }
}

// Tests for indexer/extract/html_metadata, headline and byline: title, date, author, site, URL,
// language of a page.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "clean/html_document.hpp"
#include "extract/byline.hpp"
#include "extract/headline.hpp"
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

TEST_CASE("the title is the candidate the page's declarations agree on, as the page shows it") {
    struct Case {
        std::string what;
        std::string head;
        std::string body;
        std::string url;
        std::string title;
    };
    const Case cases[] = {
        {"the h1 agreeing with og:title, in the h1's typography",
         "<meta property=\"og:title\" content='\"Brexit\" vote delayed - Herald'>",
         "<article><h1>\xE2\x80\x9E"
         "Brexit\xE2\x80\x9C vote delayed</h1></article>",
         "",
         "\xE2\x80\x9E"
         "Brexit\xE2\x80\x9C vote delayed"},
        {"a logo h1 linking home is not the headline",
         "<meta property=\"og:title\" content=\"Harbour reopens | The Coastline Herald\">",
         "<header><h1><a href=\"/\">The Coastline Herald</a></h1></header>"
         "<article><h1>Harbour reopens</h1></article>",
         "", "Harbour reopens"},
        {"a kicker styled apart is left out",
         "<meta property=\"og:title\" content=\"Storm: Harbour reopens | Herald\">",
         "<article><h1><span class=\"kicker\">Storm</span><span class=\"headline\">Harbour "
         "reopens</span></h1></article>",
         "", "Harbour reopens"},
        {"a roofline kicker beside the headline's text is left out",
         ld(R"({"@type":"NewsArticle","headline":"Harbour reopens after storm"})"),
         "<h1 class=\"entry-title\"><span class=\"roofline\">Weather </span>Harbour reopens "
         "after storm</h1>",
         "", "Harbour reopens after storm"},
        {"a headline broken over two lines stays whole",
         "<meta property=\"og:title\" content=\"Harbour reopens: ferries run again | Herald\">",
         "<h1 class=\"title\"><div>Harbour reopens: <br>ferries run again</div></h1>", "",
         "Harbour reopens: ferries run again"},
        {"screen-reader text is not part of the heading",
         "<meta property=\"og:title\" content=\"Storm: Harbour reopens after three days\">",
         "<h1><span class=\"kicker\">Storm</span><span class=\"visually-hidden\">: </span>"
         "<span>Harbour reopens after three days</span></h1>",
         "", "Harbour reopens after three days"},
        {"inline markup adds no space", "<meta property=\"og:title\" content=\"Loriot turns 100\">",
         "<h1>\xE2\x80\x9E<em class=\"name\">Loriot</em>\xE2\x80\x9C turns 100</h1>", "",
         "\xE2\x80\x9ELoriot\xE2\x80\x9C turns 100"},
        {"soft hyphens are removed",
         "<meta property=\"og:title\" content=\"Erinnerung an die Opfer\">",
         "<h1>Er\xC2\xADin\xC2\xADne\xC2\xADrung an die Opfer</h1>", "", "Erinnerung an die Opfer"},
        {"HTML entities in JSON-LD are decoded",
         ld(R"({"@type":"NewsArticle","headline":"Signa in Sorge &#8211; Finanzdaten &amp; mehr"})"),
         "", "", "Signa in Sorge \xE2\x80\x93 Finanzdaten & mehr"},
        {"a sidebar heading does not beat the article's",
         "<meta property=\"og:title\" content=\"Harbour reopens after storm\">",
         "<aside class=\"sidebar\"><h2>Ferry prices rise</h2></aside>"
         "<article><h1>Harbour reopens after storm</h1></article>",
         "", "Harbour reopens after storm"},
        {"nothing agrees: the article's h1 over og:title",
         "<meta property=\"og:title\" content=\"Harbour to reopen soon\">",
         "<article><h1>Harbour reopens after storm</h1></article>", "",
         "Harbour reopens after storm"},
        {"an h1 that is a label is no headline",
         "<meta property=\"og:title\" content=\"Harbour reopens\">",
         "<h1>Sie sind hier:</h1><h1>Startseite</h1>", "", "Startseite"},
        {"the site's name as the only h1: <title> without the site",
         "<title>Harbour reopens - Coastline</title>", "<h1>Coastline</h1>",
         "https://coastline.example/2024/harbour", "Harbour reopens"},
        {"an h2 in the article when there is neither h1 nor og:title",
         "<title>Coastline News</title>",
         "<nav><h2>Sections</h2></nav><article><h2>Harbour reopens</h2><p>Text.</p></article>", "",
         "Harbour reopens"},
        {"og:site_name that is the page's title strips nothing",
         "<meta property=\"og:title\" content=\"Harbour reopens\">"
         "<meta property=\"og:site_name\" content=\"Harbour reopens\">",
         "", "", "Harbour reopens"},
        {"many h1 (teasers, translations): <title> over the first of them",
         "<title>Bavarian pictures</title>",
         "<h1>Boarische Buidl</h1><h1>Bilder aus Bayern</h1><h1>Photos de Bavi\xC3\xA8re</h1>"
         "<h1>Im\xC3\xA1genes de Baviera</h1>",
         "", "Bavarian pictures"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        HtmlMetadata m;
        REQUIRE_NOTHROW(m = metadata(c.head, c.body, c.url));
        CHECK(m.title == c.title);
    }
}

TEST_CASE("a heading linking to the front page names the site, which leaves the title") {
    struct Case {
        std::string what;
        std::string head;
        std::string body;
        std::string url;
        std::string title;
    };
    const Case cases[] = {
        {"the name in the middle of <title> ends the headline (root link, host unknown)",
         "<title>Harbour reopens : Coastline Blog | Stories from the sea | Since 2005</title>",
         "<h1 class=\"vcard\"><a href=\"http://coastline.example/\">Coastline Blog</a></h1>", "",
         "Harbour reopens"},
        {"a trail from the site's name: its last step",
         "<title>Coastline Blog \xC2\xBB Blog Archive \xC2\xBB Harbour reopens</title>",
         "<h1><a href=\"/\">Coastline Blog</a></h1><div class=\"sidebar\"><h2>Archive</h2></div>",
         "", "Harbour reopens"},
        {"a site name of several pieces at the end",
         "<title>Harbour reopens - Coast - Sea News</title>",
         "<h1><a href=\"/\"><span>Coast - Sea News</span></a></h1>", "", "Harbour reopens"},
        {"rel=home marks the link; the page's h1 wins over the site's",
         "<title>Harbour reopens | Coastline Herald</title>",
         "<h1 class=\"site\"><a rel=\"home\" href=\"http://herald.example/\">Coastline Herald</a></h1>"
         "<h1 class=\"page-title\">Harbour reopens</h1>",
         "", "Harbour reopens"},
        {"the blog's name beside the post's in <title>: og:title",
         "<title>sea notes: Harbour reopens after storm</title>"
         "<meta property=\"og:title\" content=\"Harbour reopens after storm\">",
         "<header><h1 class=\"title\"><a href=\"http://seanotes.example/\">sea notes</a></h1>"
         "</header>",
         "http://seanotes.example/2018/06/harbour.html", "Harbour reopens after storm"},
        {"the front page itself keeps its name",
         "<title>Coastline Herald</title><meta property=\"og:title\" content=\"Coastline Herald\">",
         "<h1><a href=\"/\">Coastline Herald</a></h1>", "", "Coastline Herald"},
        {"an archived copy: the host of the page inside the archive's URL",
         "<title>Time 4 talks \xC2\xBB Blog Archiv \xC2\xBB Harbour reopens</title>"
         "<link rel=\"canonical\" href=\"https://web.archive.org/web/20140226054445/"
         "http://www.time4talks.com/2013/08/07/harbour/\">",
         "<div class=\"widget\"><h2>Empfehlungen</h2></div>", "", "Harbour reopens"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        HtmlMetadata m;
        REQUIRE_NOTHROW(m = metadata(c.head, c.body, c.url));
        CHECK(m.title == c.title);
    }
}

TEST_CASE("unarchived_url finds the page's URL inside a Wayback Machine URL") {
    struct Case {
        std::string url, expected;
    };
    const Case cases[] = {
        {"https://web.archive.org/web/20140226054445/http://www.time4talks.com/a/",
         "http://www.time4talks.com/a/"},
        {"http://web.archive.org/web/2014id_/https://example.com/", "https://example.com/"},
        {"https://example.com/archive.org/web/1/http://x.com/",
         "https://example.com/archive.org/web/1/http://x.com/"},
        {"https://www.example.com/web/2014/a", "https://www.example.com/web/2014/a"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.url);
        CHECK(news::unarchived_url(c.url) == c.expected);
    }
}

TEST_CASE("the title leaves out kickers, trail steps and decoration the page shows with it") {
    struct Case {
        std::string what;
        std::string head;
        std::string body;
        std::string title;
    };
    const Case cases[] = {
        {"an inline kicker before the heading's own text",
         "<meta property=\"og:title\" content=\"Erinnerung an die Opfer\">",
         "<h1><em>Gedenktag </em>Er\xC2\xADin\xC2\xADne\xC2\xADrung an die Opfer</h1>",
         "Erinnerung an die Opfer"},
        {"an inline kicker with styles and screen-reader text",
         "<title>Boosters remain available</title>",
         "<h1><style>.a{color:red}</style><span class=\"css-1\">Press release of the health "
         "office <style>.b{clip:rect(0 0 0 0)}</style><span class=\"css-2\">:</span></span>"
         "Boosters remain available</h1>",
         "Boosters remain available"},
        {"an inline word that starts the headline stays",
         "<meta property=\"og:title\" content=\"Loriot turns 100\">",
         "<h1><em>Loriot</em> turns 100</h1>", "Loriot turns 100"},
        {"a breadcrumb's last step loses to a heading og:title names",
         "<title>Storm: Harbour reopens after three days | Politics</title>" +
             ld(R"({"@type":"NewsArticle","headline":"Storm: Harbour reopens after three days"})") +
             "<meta property=\"og:title\" content=\"Harbour reopens: ferries run again\">",
         "<nav class=\"breadcrumb\"><ol><li><a href=\"/politics\">Politics</a></li><li>"
         "<h1 class=\"crumb\">Storm: Harbour reopens after three days</h1></li></ol></nav>"
         "<article><h2 class=\"headline\">Harbour reopens: ferries run again</h2></article>",
         "Harbour reopens: ferries run again"},
        {"a breadcrumb's last step that is the headline",
         ld(R"({"@type":"NewsArticle","headline":"Harbour reopens after storm"})"),
         "<nav class=\"breadcrumb\"><ol><li><a href=\"/\">Home</a></li><li>"
         "<h1 class=\"breadcrumb__h1\">Harbour reopens after storm</h1></li></ol></nav>"
         "<article><h2>What is a harbour?</h2></article>",
         "Harbour reopens after storm"},
        {"a section on the way along a trail is not the page",
         "<title>Coastline Sailors e.V. - News \xC2\xBB The events of the season</title>",
         "<h1><span class=\"main\">News</span></h1><h2>The events of the season</h2>",
         "The events of the season"},
        {"a leading token of symbols is decoration", "<title>Media Architecture</title>",
         "<article><h2>[&gt; Jens Weber</h2><p>Text.</p></article>", "Jens Weber"},
        {"a leading quotation mark is part of the title",
         "<meta property=\"og:title\" content=\"&#x201E;Harbour&#x201C; reopens\">",
         "<article><h1>\xE2\x80\x9EHarbour\xE2\x80\x9C reopens</h1></article>",
         "\xE2\x80\x9EHarbour\xE2\x80\x9C reopens"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        HtmlMetadata m;
        REQUIRE_NOTHROW(m = metadata(c.head, c.body));
        CHECK(m.title == c.title);
    }
}

TEST_CASE("title_key compares titles across typography, case and spacing") {
    struct Case {
        std::string a, b;
        bool same;
    };
    const Case cases[] = {
        {"\xE2\x80\x9E"
         "Brexit\xE2\x80\x9C \xE2\x80\x93 a vote",
         "\"brexit\" - A Vote", true},
        {"Brexit : vote", "Brexit: vote", true},
        {"It\xE2\x80\x99s done.", "it's done", true},
        {"Harbour  reopens", "Harbour reopens", true},
        {"Harbour reopens", "Harbour reopened", false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.a);
        CAPTURE(c.b);
        CHECK((news::title_key(c.a) == news::title_key(c.b)) == c.same);
    }
}

TEST_CASE("the site name comes from declarations, else the piece of <title> naming the host") {
    struct Case {
        std::string what;
        std::string head;
        std::string url;
        std::string site;
    };
    const Case cases[] = {
        {"og:site_name", "<meta property=\"og:site_name\" content=\"The Coastline Herald\">", "",
         "The Coastline Herald"},
        {"JSON-LD publisher",
         ld(R"({"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Herald"}})"), "",
         "Herald"},
        {"application-name", "<meta name=\"application-name\" content=\"Herald\">", "", "Herald"},
        {"<title> piece naming the host, accents and spaces aside",
         "<title>L\xE2\x80\x99\xC3\xA9valuation - La Vie des id\xC3\xA9"
         "es</title>",
         "https://www.laviedesidees.fr/evaluation.html",
         "La Vie des id\xC3\xA9"
         "es"},
        {"og:site_name that is the title is none",
         "<meta property=\"og:title\" content=\"Harbour reopens\">"
         "<meta property=\"og:site_name\" content=\"Harbour reopens\">",
         "", ""},
        {"nothing names the site", "<title>Harbour reopens - Herald</title>",
         "https://example.com/a", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(metadata(c.head, "", c.url).site_name == c.site);
    }
}

TEST_CASE("the author comes from the page's bylines, weighed against its declarations") {
    struct Case {
        std::string what;
        std::string head;
        std::string body;
        std::string author;
    };
    const Case cases[] = {
        {"rel=author link", "", "<article><a rel=\"author\" href=\"/jane\">Jane Doe</a></article>",
         "Jane Doe"},
        {"itemprop=author with a name inside", "",
         "<article><div itemprop=\"author\" itemscope><span itemprop=\"name\">Jane Doe</span>"
         "<span itemprop=\"jobTitle\">Reporter</span></div></article>",
         "Jane Doe"},
        {"byline class with a role", "",
         "<article><p class=\"byline\">By Jane Doe | Staff Writer</p></article>", "Jane Doe"},
        {"a \"By\" line with the name in a link", "",
         "<article><h1>Harbour reopens</h1><p>By <a href=\"/a/jd\">Jane Doe</a></p>"
         "<p>Text.</p></article>",
         "Jane Doe"},
        {"two authors joined by \"and\"", "",
         "<article><div class=\"byline\">By Jane Doe and John Roe</div></article>",
         "Jane Doe and John Roe"},
        {"comment authors are not the author", "",
         "<article><span class=\"author\">Jane Doe</span></article><div id=\"comments\">"
         "<span class=\"comment-author\">Troll</span><span class=\"comment-author\">Troll</span>"
         "</div>",
         "Jane Doe"},
        {"bylines of teasers do not outvote the article's", "",
         "<article><p class=\"byline\">By Jane Doe</p></article><div class=\"related\">"
         "<p class=\"byline\">By John Roe</p><p class=\"byline\">By John Roe</p></div>"
         "<div class=\"teaser\"><a rel=\"author\">John Roe</a></div>",
         "Jane Doe"},
        {"the page's byline beats a publisher in JSON-LD",
         ld(R"({"@type":"NewsArticle","author":{"@type":"Organization","name":"Herald"}})") +
             "<meta property=\"og:site_name\" content=\"Herald\">",
         "<article><p class=\"byline\">Von Cosima K\xC3\xBCnzel</p></article>",
         "Cosima K\xC3\xBCnzel"},
        {"meta tags: parsely-author", "<meta name=\"parsely-author\" content=\"Jane Doe\">", "",
         "Jane Doe"},
        {"meta tags: dc.creator", "<meta name=\"DC.creator\" content=\"Jane Doe\">", "",
         "Jane Doe"},
        {"an e-mail address is no name", "<meta name=\"author\" content=\"jane@example.com\">", "",
         ""},
        {"a lone author-named element outside the article is not enough", "",
         "<div class=\"author-links\">Archive</div>", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(metadata(c.head, c.body).author == c.author);
    }
}

TEST_CASE("clean_byline keeps the names of a byline and drops the rest") {
    struct Case {
        std::string raw;
        std::string name;
    };
    const Case cases[] = {
        {"By Jane Doe", "Jane Doe"},
        {"by: Jane Doe", "Jane Doe"},
        {"Von Jane Doe am 5. M\xC3\xA4rz 2024", "Jane Doe"},
        {"Par Chokri GHARBI", "Chokri GHARBI"},
        {"Jane Doe | Staff Writer", "Jane Doe"},
        {"Jane Doe, Staff Writer", "Jane Doe"},
        {"Jane Doe, John Roe", "Jane Doe, John Roe"},
        {"By Poppy Reid Feb 21, 2020", "Poppy Reid"},
        {"Posted in Politics by jane on May 5, 2020", "jane"},
        {"AuthorJane Doe", "Jane Doe"},
        {"Autor: Jane Doe", "Jane Doe"},
        {"Christoph von Ritter", "Christoph von Ritter"},
        {"gnaddrig", "gnaddrig"},
        {"'Jane Doe'", "Jane Doe"},
        {"jane@example.com", ""},
        {"https://www.facebook.com/jane", ""},
        {"Jane sagt: 5. Mai 2020 um 14:04", ""},
        {"Von dieser Regel gibt es Ausnahmen", ""},
        {"Bild: Jane Doe", ""},
        {"Name *", ""},
        {"02.02.2022", ""},
        {"", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.raw);
        CHECK(news::clean_byline(c.raw) == c.name);
    }
}

TEST_CASE("the declared language comes from <html lang>, else Content-Language or og:locale") {
    struct Case {
        std::string what;
        std::string head;
        std::string html_attrs;
        std::string language;
    };
    const Case cases[] = {
        {"html lang", "", " lang=\"de-AT\"", "de"},
        {"http-equiv Content-Language", "<meta http-equiv=\"Content-Language\" content=\"fr\">", "",
         "fr"},
        {"og:locale", "<meta property=\"og:locale\" content=\"es_ES\">", "", "es"},
        {"html lang before og:locale", "<meta property=\"og:locale\" content=\"es_ES\">",
         " lang=\"it\"", "it"},
        {"nothing declared", "", "", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(metadata(c.head, "", "", c.html_attrs).language == c.language);
    }
}

// Tests for indexer/extract/dates: the publication date of a page from its declarations, the
// dates it shows, its URL; dates in running text; labels; dates in URLs; --url-map.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "clean/html_document.hpp"
#include "error.hpp"
#include "extract/dates.hpp"
#include "extract/html_metadata.hpp"
#include "pipeline.hpp"

using news::Date;
using news::DateEvidence;
using news::DateLabel;

namespace {

// Fixed, so that "future" means the same in every run.
Date today() {
    Date d;
    d.year = 2024, d.month = 6, d.day = 30;
    return d;
}

std::string day_of(const std::optional<Date>& d) {
    return d ? d->iso_day() : "none";
}

std::string page(const std::string& body, const std::string& head = "",
                 const std::string& lang = "en") {
    return "<!DOCTYPE html><html lang=\"" + lang + "\"><head>" + head + "</head><body>" + body +
           "</body></html>";
}

// The date of a page through the whole metadata stage: its declarations are collected there.
std::string metadata_day(const std::string& html, const std::string& url = "") {
    news::HtmlDocument doc(html);
    return day_of(news::extract_html_metadata(doc, url).published);
}

// The date of a page from what it shows and its URL, with declarations given directly.
std::optional<Date> shown_date(const std::string& html, const std::string& url = "",
                               DateEvidence evidence = {}) {
    news::HtmlDocument doc(html);
    return news::find_publication_date(doc, evidence, url, today());
}

std::string ld(const std::string& json) {
    return "<script type=\"application/ld+json\">" + json + "</script>";
}

std::string meta(const std::string& key, const std::string& value) {
    return "<meta property=\"" + key + "\" content=\"" + value + "\">";
}

const std::string kPara =
    "<p>The harbour reopened on a grey morning after months of repairs, and the first ferries "
    "crossed at dawn while fishermen watched from the quay and counted the cranes.</p>";

}  // namespace

TEST_CASE("declared dates: datePublished and publication meta tags, never the modification") {
    struct Case {
        std::string what;
        std::string head;
        std::string day;
    };
    const Case cases[] = {
        {"JSON-LD datePublished, not dateModified first in the object",
         ld(R"({"@type":"NewsArticle","dateModified":"2024-03-09T10:00:00Z",)"
            R"("datePublished":"2024-03-05T09:30:00Z"})"),
         "2024-03-05"},
        {"JSON-LD dateModified alone",
         ld(R"({"@type":"NewsArticle","dateModified":"2024-03-09T10:00:00Z"})"), "none"},
        {"article:published_time beats the generic date tag",
         "<meta name=\"date\" content=\"2024-03-09\">" +
             meta("article:published_time", "2024-03-05T09:30:00+01:00"),
         "2024-03-05"},
        {"parsely-pub-date", "<meta name=\"parsely-pub-date\" content=\"2024-03-05T09:30:00Z\">",
         "2024-03-05"},
        {"sailthru.date", "<meta name=\"sailthru.date\" content=\"2024-03-05 09:30:00\">",
         "2024-03-05"},
        {"Dublin Core", "<meta name=\"DC.date.issued\" content=\"2024-03-05\">", "2024-03-05"},
        {"og:updated_time alone", meta("og:updated_time", "2024-03-09T10:00:00Z"), "none"},
        {"JSON-LD with a trailing comma still gives its date, after the meta tags",
         ld(R"({"@type":"NewsArticle","datePublished":"2024-03-05T09:30:00Z",})"), "2024-03-05"},
        {"a declared date in the future is no date", meta("article:published_time", "2031-01-01"),
         "none"},
        {"the Unix epoch, a system's empty date, is no date",
         meta("article:published_time", "1970-01-01T00:00:00Z"), "none"},
        {"nor is 1900-01-01", "<meta name=\"date\" content=\"1900-01-01\">", "none"},
        {"a digitised archive's old story keeps its declared day",
         "<meta name=\"date\" content=\"1987-02-26T15:01:01Z\">", "1987-02-26"},
        {"as in JSON-LD", ld(R"({"@type":"NewsArticle","datePublished":"1969-07-21"})"),
         "1969-07-21"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(metadata_day(page("<h1>Harbour reopens</h1>" + kPara, c.head)) == c.day);
    }
}

TEST_CASE("a declared time in UTC falls on the publisher's day") {
    struct Case {
        std::string what;
        std::string head;
        std::string body;
        std::string url;
        std::string day;
    };
    const Case cases[] = {
        {"the URL names the day of a UTC time past midnight",
         meta("article:published_time", "2023-11-09T03:28:35+00:00"), "",
         "https://example.com/2023/11/08/debate-night/", "2023-11-08"},
        {"the URL day does not overrule a declared date days away",
         meta("article:published_time", "2024-03-05T09:30:00Z"), "",
         "https://example.com/2023/11/07/harbour/", "2024-03-05"},
        {"the page shows the same moment in its own zone",
         meta("article:published_time", "2023-11-09T02:11:03+00:00"),
         "<time datetime=\"2023-11-08T21:11:03-05:00\">November 8, 2023</time>", "", "2023-11-08"},
        {"the same clock time without a zone, whole hours away",
         meta("article:published_time", "2023-11-09T03:28:35Z") +
             "<meta name=\"sailthru.date\" content=\"2023-11-08 22:28:35\">",
         "", "", "2023-11-08"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(metadata_day(page("<h1>Debate night</h1>" + c.body + kPara, c.head), c.url) == c.day);
    }
}

TEST_CASE("dates in URL paths") {
    struct Case {
        std::string url;
        std::string day;  // date_from_url
        int year, month;  // url_date_parts
    };
    const Case cases[] = {
        {"https://example.com/2023/11/07/harbour", "2023-11-07", 2023, 11},
        {"https://example.com/news/2023-11-07/harbour", "2023-11-07", 2023, 11},
        {"https://example.com/news/2023-11-07-harbour-reopens", "2023-11-07", 2023, 11},
        {"https://example.com/news/20231107/harbour", "2023-11-07", 2023, 11},
        {"https://example.com/local/2020-02/19/c_1125597921.htm", "2020-02-19", 2020, 2},
        {"https://example.com/n1/2020/0219/c1001-31593400.html", "2020-02-19", 2020, 2},
        {"https://example.com/2023/11/harbour-reopens", "none", 2023, 11},
        {"https://example.com/blog/2018/midp-emulator/", "none", 2018, 0},
        {"https://example.com/news/2023/13/07/harbour", "none", 2023, 0},
        {"https://example.com/news/harbour-2023", "none", 0, 0},
        {"https://example.com/story?date=2023/11/07", "none", 0, 0},
        {"https://example.com/a/30657941.html", "none", 0, 0},
        {"https://example.com/art114,3177663", "none", 0, 0},
        {"", "none", 0, 0},
    };
    for (const Case& c : cases) {
        CAPTURE(c.url);
        CHECK(day_of(news::date_from_url(c.url)) == c.day);
        news::UrlDate parts = news::url_date_parts(c.url);
        CHECK(parts.year == c.year);
        CHECK(parts.month == c.month);
    }
}

TEST_CASE("the URL: its day dates a page that declares nothing, its month sorts the shown dates") {
    struct Case {
        std::string what;
        std::string body;
        std::string url;
        std::string day;
    };
    const Case cases[] = {
        {"URL day", kPara, "https://example.com/2023/11/07/harbour-reopens/", "2023-11-07"},
        {"URL day over a related post's date",
         "<h1>Harbour reopens</h1><div class=\"related\"><span class=\"date\">11. April "
         "2009</span></div>" +
             kPara,
         "https://example.com/2019/10/22/harbour-reopens/", "2019-10-22"},
        {"URL year and month alone give no day", kPara,
         "https://example.com/2023/11/harbour-reopens/", "none"},
        {"a shown date in the URL's month is taken",
         "<h1>Harbour reopens</h1><p class=\"date\">Samstag, 9. September 2017</p>" + kPara,
         "https://example.blogspot.com/2017/09/harbour.html", "2017-09-09"},
        {"a shown date outside the URL's month is not",
         "<h1>Harbour reopens</h1><p class=\"date\">14. August 2017</p>" + kPara,
         "https://example.blogspot.com/2017/09/harbour.html", "none"},
        {"03/05/2024 reads as the URL's month", "<h1>Harbour</h1><p class=\"date\">03/05/2024</p>",
         "https://example.com/2024/03/harbour/", "2024-03-05"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(day_of(shown_date(page(c.body, "", "de"), c.url)) == c.day);
    }
}

TEST_CASE("dates the page shows: next to the headline, in date elements, with labels") {
    struct Case {
        std::string what;
        std::string body;
        std::string day;
    };
    const Case cases[] = {
        {"<time datetime> after the headline",
         "<h1>Harbour reopens</h1><time datetime=\"2024-03-05T09:00:00+01:00\">5 March</time>" +
             kPara,
         "2024-03-05"},
        {"English date line",
         "<h1>Harbour reopens</h1><div class=\"byline\">By Jane Doe · Nov 7, "
         "2023, 2:00 PM</div>" +
             kPara,
         "2023-11-07"},
        {"German date line",
         "<h1>Hafen wieder offen</h1><p>Veröffentlicht am 7. November 2023</p>" + kPara,
         "2023-11-07"},
        {"German numeric date and time",
         "<h1>Hafen wieder offen</h1><span class=\"datum\">07.11."
         "2023 um 14:30 Uhr</span>" +
             kPara,
         "2023-11-07"},
        {"French date line",
         "<h1>Le port rouvre</h1><p class=\"meta\">Publié le 7 novembre 2023 à 14h30</p>" + kPara,
         "2023-11-07"},
        {"Spanish date line",
         "<p class=\"published-date\">martes 17 de marzo de 2020</p><h1>Reabre el puerto</h1>" +
             kPara,
         "2020-03-17"},
        {"label 'published :' and an ISO date",
         "<h1>Harbour reopens</h1><p>published : 2023-11-04</p>" + kPara, "2023-11-04"},
        {"a dateline opening the first paragraph",
         "<h1>Harbour reopens</h1><p>Karlsruhe, (12.11.2021). The harbour reopened on a grey "
         "morning after months of repairs, and the first ferries crossed at dawn while fishermen "
         "watched from the quay and counted the cranes that still stood along the pier.</p>",
         "2021-11-12"},
        {"hAtom <abbr class=published title>",
         "<h1>Harbour reopens</h1><p class=\"entry-meta\">Posted <abbr class=\"published\" "
         "title=\"2012-12-16T19:05:00+01:00\">16.12.2012</abbr></p>" +
             kPara,
         "2012-12-16"},
        {"the date of the first post of a blog's front page",
         "<h2 class=\"date-header\">Samstag, 5. Oktober 2013</h2><h3>News</h3>" + kPara +
             "<h2 class=\"date-header\">Freitag, 4. Oktober 2013</h2><h3>Older</h3>" + kPara,
         "2013-10-05"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(day_of(shown_date(page(c.body))) == c.day);
    }
}

TEST_CASE("dates that are not the publication: updates, comments, menus, quotes, the future") {
    struct Case {
        std::string what;
        std::string body;
        std::string day;
    };
    const Case cases[] = {
        {"an update next to a date line is no date line",
         "<h1>Harbour reopens</h1><p class=\"date\">Nov 7, 2023</p><p>Updated: Nov 30, 2023</p>" +
             kPara,
         "2023-11-07"},
        {"published and updated: the published one",
         "<h1>Harbour reopens</h1><p>Published Nov 7, 2023 | Updated: Nov 30, 2023</p>" + kPara,
         "2023-11-07"},
        {"an update in the comments",
         "<h1>Harbour reopens</h1>" + kPara +
             "<div class=\"comment-body\"><p>Updated: Nov 30, 2023</p></div>",
         "none"},
        {"an update in the sidebar", "<h1>Harbour reopens</h1>" + kPara +
                                         "<aside><p>Updated: Nov 30, 2023</p></aside>",
         "none"},
        {"a dateModified element",
         "<h1>Harbour reopens</h1><span itemprop=\"dateModified\" content=\"2024-03-09\">9 "
         "March</span>" +
             kPara,
         "none"},
        {"the site's 'today' line above its menu",
         "<header><div class=\"top-bar\">Monday, July 22, 2024</div><nav><a href=\"/\">Home</a>"
         "</nav></header><h1>Harbour reopens</h1>" +
             kPara,
         "none"},
        {"a 'current date' box above the headline",
         "<div id=\"header\"><div class=\"date\">Miércoles, 15 de Abril de 2020</div></div>"
         "<h1>Harbour reopens</h1>" +
             kPara,
         "none"},
        {"a 'today' line on a page without a headline",
         "<div class=\"date\">Monday, July 22, 2024</div><ul><li><a href=\"/\">Home</a></li>"
         "<li><a href=\"/world\">World</a></li></ul><div class=\"story\">" +
             kPara + "</div>",
         "none"},
        {"comment dates",
         "<h1>Harbour reopens</h1>" + kPara +
             "<ol class=\"commentlist\"><li class=\"comment\"><span "
             "class=\"comment-date\">8. Dezember 2010 um 10:56</span> Nice!</li>"
             "<li class=\"comment\"><span class=\"comment-date\">9. Dezember "
             "2010 um 11:02</span> Agreed.</li></ol>",
         "none"},
        {"a tweet quoted in the article",
         "<h1>Harbour reopens</h1>" + kPara +
             "<blockquote class=\"twitter-tweet\"><p>Ferries again!</p>— Port (@port) <a "
             "href=\"#\">March 12, 2018</a></blockquote>",
         "none"},
        {"a sidebar's list of posts",
         "<h1>Harbour reopens</h1>" + kPara +
             "<aside><ul><li>Older post <span class=\"date\">"
             "2019-06-14</span></li></ul></aside>",
         "none"},
        {"a date the article talks about",
         "<h1>Harbour reopens</h1><p>The harbour, which closed on 12 March 2024 after the storm "
         "that flooded the old town and the quays along the river, reopened this week when the "
         "last of the cranes was repaired and the ferries could dock at the northern pier again "
         "for the first time.</p>",
         "none"},
        {"a future date", "<h1>Harbour reopens</h1><p class=\"date\">12 March 2031</p>" + kPara,
         "none"},
        {"a date before 1995",
         "<h1>Harbour reopens</h1><p class=\"date\">12 March 1987</p>" + kPara, "none"},
        {"two date lines above the headline that disagree",
         "<p class=\"date\">12 March 2024</p><p class=\"date\">14 March 2024</p><h1>Harbour "
         "reopens</h1>" +
             kPara,
         "none"},
        {"a version number is no date",
         "<h1>Harbour reopens</h1><p class=\"meta\">VN:F [1.9.22_1171]</p>" + kPara, "none"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(day_of(shown_date(page(c.body))) == c.day);
    }
}

TEST_CASE("class names that mislead: CMS states, layouts, opinion pieces") {
    struct Case {
        std::string what;
        std::string body;
        std::string day;
    };
    const Case cases[] = {
        // WordPress marks every post "status-publish": not a publication date element.
        {"status-publish on the article",
         "<article class=\"post status-publish\"><h1>Harbour reopens</h1><p>The harbour "
         "committee met on 27.02.2015, and on the following days it decided to reopen the old "
         "harbour after the repairs that had taken most of the winter and half the "
         "spring.</p></article>",
         "none"},
        // A layout with a sidebar: the wrapper holding the headline is no sidebar.
        {"'sidebar' on the page's wrapper",
         "<div class=\"mainwrap sidebar\"><div class=\"post\"><h1>Harbour reopens</h1><div "
         "class=\"post-meta\"><a class=\"post-meta-time\">08/08/2017</a></div>" +
             kPara + "</div></div>",
         "2017-08-08"},
        // "Kommentar" is an opinion piece; its header is no comment section.
        {"an opinion piece's comment header",
         "<div class=\"ArticleHeaderComment\"><div class=\"PublishDate\">29. Januar "
         "2019</div><h1>Was sich ändern muss</h1></div>" +
             kPara,
         "2019-01-29"},
        {"comments-open and comments-date",
         "<div class=\"hentry comments-open\"><h1>Harbour reopens</h1><div "
         "id=\"wpcom-comments-date\"><span class=\"date\">August 30, 2017</span></div>" +
             kPara + "</div>",
         "2017-08-30"},
        {"items styled apart, with no space between",
         "<div><span>Original Research</span><span>7 April 2020</span></div><h1>Harbour "
         "reopens</h1>" +
             kPara,
         "2020-04-07"},
        {"a post's header is no site header",
         "<div class=\"header-filter\"><h4>Veröffentlicht von <a>Jane</a> am <time "
         "datetime=\"2020-02-23T10:07:02+01:00\">23. Februar 2020</time></h4></div><div "
         "class=\"main\"><h1>Harbour reopens</h1>" +
             kPara + "</div>",
         "2020-02-23"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(day_of(shown_date(page(c.body, "", "de"))) == c.day);
    }
}

TEST_CASE("what the page shows next to its headline overrules a declaration days away") {
    DateEvidence declared;
    declared.published = {"2021-12-20T11:02:44+01:00"};
    declared.title = "Riesling birthday";
    const std::string body =
        "<h1>Riesling birthday</h1><div class=\"date\">27.01.2022</div>" + kPara;
    CHECK(day_of(shown_date(page(body, "", "de"), "", declared)) == "2022-01-27");

    // Also when it is the declared modification date: the page shows its revision's day alone.
    declared.modified = {"2022-01-27T10:00:00+01:00"};
    CHECK(day_of(shown_date(page(body, "", "de"), "", declared)) == "2022-01-27");

    // A day apart: a zone explains it, unless both clock times say otherwise (a day less 15
    // minutes is no zone's difference).
    DateEvidence day_before;
    day_before.published = {"Di., 25.01.2022 - 14:45"};
    day_before.title = "Riesling birthday";
    const std::string with_time =
        "<h1>Riesling birthday</h1><div class=\"date\">26.01.2022 - 14:30</div>" + kPara;
    CHECK(day_of(shown_date(page(with_time, "", "de"), "", day_before)) == "2022-01-26");
    const std::string without_time =
        "<h1>Riesling birthday</h1><div class=\"date\">26.01.2022</div>" + kPara;
    CHECK(day_of(shown_date(page(without_time, "", "de"), "", day_before)) == "2022-01-25");
    DateEvidence utc;
    utc.published = {"2022-01-26T02:54:00Z"};
    utc.title = "Riesling birthday";
    const std::string evening =
        "<h1>Riesling birthday</h1><div class=\"date\">Jan 25, 2022, 10:54 PM</div>" + kPara;
    CHECK(day_of(shown_date(page(evening, "", "en"), "", utc)) == "2022-01-25");

    // Not when the page shows the declared day too.
    DateEvidence also_shown;
    also_shown.published = {"2019-09-17T14:54:31+02:00"};
    also_shown.title = "Riesling birthday";
    const std::string both =
        "<h1>Riesling birthday</h1><span class=\"date\">17.09.2019</span>"
        "<p>Published: <span class=\"date\">31.08.2019</span></p>" +
        kPara;
    CHECK(day_of(shown_date(page(both, "", "de"), "", also_shown)) == "2019-09-17");
}

TEST_CASE("a page that shows only its update is dated by it") {
    struct Case {
        std::string what;
        std::string body;
        DateEvidence evidence;
        std::string day;
    };
    DateEvidence first_draft;
    first_draft.published = {"2016-08-29T21:54:39.000Z"};
    first_draft.modified = {"2020-10-01T13:23:47.000Z"};
    first_draft.title = "How to care for hydrangeas";
    DateEvidence none;
    none.title = "How to care for hydrangeas";
    std::string long_article;
    for (int i = 0; i < 12; ++i)
        long_article += kPara;
    const Case cases[] = {
        {"'Updated' next to the headline, the declared day not shown",
         "<h1>How to care for hydrangeas</h1><div class=\"byline\">By Jane Doe</div><div "
         "class=\"meta\">Updated May 6, 2019</div>" +
             kPara,
         first_draft, "2019-05-06"},
        {"the declared publication hidden in a <meta>",
         "<h1>How to care for hydrangeas</h1><meta itemprop=\"datePublished\" "
         "content=\"2016-08-29\"><p>Updated 05/06/2019</p>" +
             kPara,
         first_draft, "2019-05-06"},
        {"German: 'Aktualisiert am'",
         "<h1>How to care for hydrangeas</h1><p>Aktualisiert am 30.11.2023</p>" + kPara, none,
         "2023-11-30"},
        {"the declared day shown too: the declaration",
         "<h1>How to care for hydrangeas</h1><p>Updated May 6, 2019</p><p>First published "
         "August 29, 2016</p>" +
             kPara,
         first_draft, "2016-08-29"},
        {"a date line next to the headline: not the update",
         "<h1>How to care for hydrangeas</h1><p class=\"date\">April 2, 2019</p><p>Updated "
         "May 6, 2019</p>" +
             kPara,
         none, "2019-04-02"},
        {"an update far below the article, the page saying nothing else",
         "<h1>How to care for hydrangeas</h1>" + long_article +
             "<p>Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</p>",
         none, "2020-01-29"},
        {"updates of two days far below: none",
         "<h1>How to care for hydrangeas</h1>" + long_article +
             "<p>Updated: May 6, 2019</p><p>Updated: June 7, 2019</p>",
         none, "none"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(day_of(shown_date(page(c.body), "", c.evidence)) == c.day);
    }
}

TEST_CASE("the last resorts of a page that declares nothing and has no date line") {
    struct Case {
        std::string what;
        std::string body;
        std::string day;
    };
    const Case cases[] = {
        {"'Published' in the side column: a blog's post info",
         "<h1>Harbour reopens</h1>" + kPara +
             "<aside class=\"sidebar\"><div class=\"info\">Veröffentlicht am 07.06.2019</div>"
             "</aside>",
         "2019-06-07"},
        {"no headline: the page's one date line",
         "<div class=\"box\"><div>16.10.2021</div><p>Der Vorstand hat am Samstag getagt.</p>"
         "</div>" +
             kPara,
         "2021-10-16"},
        {"no headline: two date lines of other days",
         "<div><div>16.10.2021</div>" + kPara + "<div>11.10.2021</div>" + kPara + "</div>",
         "none"},
        {"the one date line far above the headline",
         "<div>01.02.2022</div>" + kPara + kPara + kPara + kPara + kPara +
             "<h1>Harbour reopens</h1>" + kPara,
         "2022-02-01"},
        {"a date the text mentions is no date line",
         "<p>The council met on 16.10.2021 and decided to reopen the harbour after the long "
         "winter of repairs on the northern pier.</p>" +
             kPara,
         "none"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(day_of(shown_date(page(c.body, "", "de"))) == c.day);
    }
}

TEST_CASE("\"Stand:\" in an element named for the last change is the article's date") {
    const std::string body =
        "<h1>Ein Remis als Mutmacher</h1><div class=\"lastchanged\">Stand: 19.10.2019 11:05 "
        "Uhr</div>" +
        kPara;
    CHECK(day_of(shown_date(page(body, "", "de"))) == "2019-10-19");
}

TEST_CASE("numeric dates that read both ways follow the page's locale") {
    const std::string body =
        "<h1>Harbour reopens</h1><span class=\"post-date\">06/01/2020</span>" + kPara;
    CHECK(day_of(shown_date(page(body, "", "en-US"))) == "2020-06-01");
    CHECK(day_of(shown_date(page(body, "", "en-GB"))) == "2020-01-06");
    CHECK(day_of(shown_date(page(body, "", "fr"))) == "2020-01-06");
    // No <html lang>: og:locale tells.
    const std::string no_lang =
        "<!DOCTYPE html><html><head><meta property=\"og:locale\" "
        "content=\"en_GB\"></head><body>" +
        body + "</body></html>";
    CHECK(day_of(shown_date(no_lang)) == "2020-01-06");
}

TEST_CASE("a script's data dates a page that shows and declares nothing") {
    const std::string body = "<h1>Sidamo</h1>" + kPara +
                             "<script>var meta = {\"product\":{\"published_at\":\"2019-03-02T06:"
                             "22:28+01:00\",\"vendor\":\"Happy\"}};</script>";
    CHECK(day_of(shown_date(page(body))) == "2019-03-02");
    const std::string review = "<h1>Sidamo</h1>" + kPara +
                               "<script type=\"application/json\">{\"publishedDate\":"
                               "\"2016-11-04T20:37:27Z\",\"updatedDate\":null}</script>";
    CHECK(day_of(shown_date(page(review))) == "2016-11-04");
}

TEST_CASE("find_text_dates reads the date forms of many languages") {
    struct Case {
        std::string text;
        std::string iso;  // the first date found, with its time
    };
    const Case cases[] = {
        {"Nov 7, 2023, 2:00 PM", "2023-11-07T14:00:00"},
        {"published : 2023-11-04", "2023-11-04"},
        {"Posted: 2024-03-12T09:15:00Z", "2024-03-12T09:15:00Z"},
        {"7. November 2023", "2023-11-07"},
        {"07.11.2023 um 14:30 Uhr", "2023-11-07T14:30:00"},
        {"Stand: 28.04.2020 18:00 Uhr", "2020-04-28T18:00:00"},
        {"Samstag, 19. Juli 2014", "2014-07-19"},
        {"21. Jan. 2015", "2015-01-21"},
        {"26 Mai, 2008 |", "2008-05-26"},
        {"le 7 novembre 2023 à 14h30", "2023-11-07T14:30:00"},
        {"jeudi 13 juin 2019", "2019-06-13"},
        {"/ viernes 25 de septiembre de 2020", "2020-09-25"},
        {"11 de Outubro de 2020, 8:34", "2020-10-11T08:34:00"},
        {"Domenica 06 Dicembre 2020 | 00:36", "2020-12-06T00:36:00"},
        {"9 oktober 2020 11:12", "2020-10-09T11:12:00"},
        {"December 29th 2019", "2019-12-29"},
        {"Juli 12, 2017", "2017-07-12"},
        {"13 Jan 2020, 22:11 GMT+10", "2020-01-13T22:11:00+10:00"},
        {"Apr 08, 2020 05:08 PM IST", "2020-04-08T17:08:00"},
        {"Sunday, July 05, 2020", "2020-07-05"},
        {"2020年3月4日", "2020-03-04"},
        {"7 ноября 2023", "2023-11-07"},  // 7 ноября
        {"26.10.13, 03:48", "2013-10-26T03:48:00"},
        {"Datum: 26. Januar 2022", "2022-01-26"},
        {"Von Christian am 03.05.2013, 11:51 | 0 Meinungen", "2013-05-03T11:51:00"},
        {"Thursday 25 April 2024 18:20 CEST", "2024-04-25T18:20:00"},
        {"«7 novembre 2023»", "2023-11-07"},
        {"„07.11.2023“", "2023-11-07"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        std::vector<news::TextDate> found = news::find_text_dates(c.text);
        REQUIRE_FALSE(found.empty());
        CHECK(found.front().date.iso() == c.iso);
    }
}

TEST_CASE("find_text_dates leaves numbers that are not dates alone") {
    const std::string cases[] = {
        "VN:F [1.9.22_1171]",
        "Version 1.2.3.2020 released",
        "Call 030/12/2020-55",
        "ID12.03.2020",
        "March 2024",
        "2024-13-01",
        "31.02.2024",
        "in 2020 and 2021",
        "12:30",
        "Ticket 4/5/6",
    };
    for (const std::string& text : cases) {
        CAPTURE(text);
        CHECK(news::find_text_dates(text).empty());
    }
}

TEST_CASE("find_text_dates gives the spans and both readings of ambiguous dates") {
    std::vector<news::TextDate> found =
        news::find_text_dates("From 03/05/2024 to 25/12/2024, and 7. März 2024.");
    REQUIRE(found.size() == 3);
    CHECK(found[0].date.iso() == "2024-05-03");
    REQUIRE(found[0].month_first.has_value());
    CHECK(found[0].month_first->iso() == "2024-03-05");
    CHECK(found[1].date.iso() == "2024-12-25");
    CHECK_FALSE(found[1].month_first.has_value());
    CHECK(found[2].date.iso() == "2024-03-07");
    const std::string text = "Posted on Tuesday, 5 March 2024 by Jane";
    found = news::find_text_dates(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].weekday);
    CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "Tuesday, 5 March 2024");
}

TEST_CASE("date_label_before tells publications from updates in several languages") {
    struct Case {
        std::string text;
        DateLabel label;
    };
    const Case cases[] = {
        {"Published: ", DateLabel::Published},
        {"Posted on ", DateLabel::Published},
        {"Veröffentlicht am ", DateLabel::Published},
        {"Publié le ", DateLabel::Published},
        {"Publicado el ", DateLabel::Published},
        {"Updated: ", DateLabel::Updated},
        {"Last updated ", DateLabel::Updated},
        {"Aktualisiert am ", DateLabel::Updated},
        {"Mis à jour le ", DateLabel::Updated},
        {"Published 5 March 2024 | Updated ", DateLabel::Updated},
        {"Updated 5 March 2024 | First published ", DateLabel::Published},
        {"Stand: ", DateLabel::AsOf},
        {"Standort Berlin, ", DateLabel::None},
        {"By Jane Doe, ", DateLabel::None},
        {"", DateLabel::None},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(news::date_label_before(c.text) == c.label);
    }
}

TEST_CASE("--url-map gives files their URLs, and the URL dates them") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "news-test-url-map";
    fs::remove_all(dir);
    fs::create_directories(dir / "pages");
    const std::string html =
        page("<h1>Harbour reopens</h1>" + kPara + kPara + kPara + kPara, "<title>Harbour</title>");
    std::ofstream(dir / "pages" / "a.html") << html;
    std::ofstream(dir / "pages" / "b.html") << html;
    // A page list (id, path, url) with a header, one absolute and one relative path.
    std::ofstream(dir / "pages.tsv") << "id\tpath\turl\n"
                                     << "a\t" << (dir / "pages" / "a.html").string()
                                     << "\thttps://example.com/2023/11/07/harbour/\n"
                                     << "b\tpages/b.html\thttps://example.com/news/20240305/b\n";

    news::UrlMap map = news::load_url_map((dir / "pages.tsv").string());
    CHECK(map.size() == 2);
    CHECK(map[news::url_map_key((dir / "pages" / "b.html").string())].url ==
          "https://example.com/news/20240305/b");
    CHECK(map[news::url_map_key((dir / "pages" / "b.html").string())].id == "b");

    news::IndexOptions options;
    options.inputs = {(dir / "pages").string()};
    options.dry_run = true;
    options.json = true;
    options.quiet = true;
    options.url_map = (dir / "pages.tsv").string();
    std::ostringstream out, log;
    news::run_index(options, out, log);
    const std::string records = out.str();
    CHECK(records.find("\"url\":\"https://example.com/2023/11/07/harbour/\"") != std::string::npos);
    CHECK(records.find("\"published\":\"2023-11-07\"") != std::string::npos);
    CHECK(records.find("\"published\":\"2024-03-05\"") != std::string::npos);
    // The manifest's ids name the records, so scorers match them however the files are named.
    CHECK(records.find("{\"id\":\"a\",") != std::string::npos);
    CHECK(records.find("{\"id\":\"b\",") != std::string::npos);

    options.url_map = (dir / "missing.tsv").string();
    CHECK_THROWS_AS(news::run_index(options, out, log), news::UsageError);
    fs::remove_all(dir);
}

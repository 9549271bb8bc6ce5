// Tests for indexer/clean/html_cleaner: article paragraphs kept, page furniture dropped.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clean/html_cleaner.hpp"
#include "clean/html_document.hpp"

namespace {

const std::string kHeadline = "Harbour reopens after storm";
const std::string kPara1 =
    "The harbour at Porto Seguro reopened on Monday after three days of closure, officials said.";
const std::string kPara2 =
    "Fishing boats returned to their moorings by noon, and the ferry service resumed at three.";
const std::string kPara3 =
    "Repairs to the eastern breakwater, damaged by the storm, will take another two weeks.";

// A news page: `before` and `after` sit around the article, `inside` between its second and
// third paragraphs.
std::string page(const std::string& before, const std::string& inside = "",
                 const std::string& after = "") {
    return "<!DOCTYPE html><html><head><title>" + kHeadline +
           " | The Coastline Herald</title></head><body>" + before + "<article><h1>" + kHeadline +
           "</h1><p>" + kPara1 + "</p><p>" + kPara2 + "</p>" + inside + "<p>" + kPara3 +
           "</p></article>" + after + "</body></html>";
}

std::string clean(const std::string& html) {
    news::HtmlDocument doc(html);
    return news::join_blocks(news::extract_main_blocks(doc));
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("page furniture around and inside the article is dropped") {
    enum class Where { Before, Inside, After };
    struct Case {
        std::string what;
        Where where;
        std::string html;
        std::string marker;  // text that must not reach the article text
    };
    const Case cases[] = {
        {"nav", Where::Before,
         "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World NAVMARK</a></li>"
         "</ul></nav>",
         "NAVMARK"},
        {"header", Where::Before,
         "<header><div>The Coastline Herald</div><p>Your coastal news since 1901, HEADERMARK, read "
         "every morning by the whole bay.</p></header>",
         "HEADERMARK"},
        {"footer", Where::After,
         "<footer><p>Copyright 2024 The Coastline Herald, FOOTERMARK. All rights reserved, "
         "including the right to reproduce.</p></footer>",
         "FOOTERMARK"},
        {"aside", Where::Inside,
         "<aside><p>Read also: fishermen protest, ASIDEMARK, against the new quotas in the "
         "bay.</p></aside>",
         "ASIDEMARK"},
        {"script", Where::Inside, "<script>var SCRIPTMARK = \"tracking, please.\";</script>",
         "SCRIPTMARK"},
        {"style", Where::Before, "<style>.STYLEMARK { color: red; }</style>", "STYLEMARK"},
        {"noscript", Where::Inside, "<noscript>Please enable JavaScript, NOSCRIPTMARK.</noscript>",
         "NOSCRIPTMARK"},
        {"cookie banner", Where::Before,
         "<div class=\"cookie-banner\"><p>We use cookies to give you the best experience, "
         "COOKIEMARK. Accept all cookies to continue reading.</p><button>Accept</button></div>",
         "COOKIEMARK"},
        {"share bar", Where::Inside,
         "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet "
         "SHAREMARK</a> <span>Copy link</span></div>",
         "SHAREMARK"},
        {"newsletter box", Where::Inside,
         "<div class=\"newsletter\"><h3>Get the morning briefing</h3><p>Sign up for our daily "
         "newsletter, NEWSMARK, delivered to your inbox every morning.</p></div>",
         "NEWSMARK"},
        {"related stories list", Where::Inside,
         "<section class=\"related-stories\"><h2>Related stories</h2><ul><li><a href=\"/a\">"
         "Fishermen protest quota cuts RELATEDMARK</a></li><li><a href=\"/b\">Council approves "
         "harbour budget</a></li></ul></section>",
         "RELATEDMARK"},
        {"related stories heading", Where::Inside,
         "<section class=\"related-stories\"><h2>Related stories</h2><ul><li><a href=\"/a\">"
         "Fishermen protest quota cuts</a></li></ul></section>",
         "Related stories"},
        {"comment form", Where::After,
         "<div id=\"comments\"><h3>Leave a comment</h3><form><p>Please enter your comment! "
         "COMMENTMARK</p><textarea></textarea><p>Please enter your name here, and your "
         "email.</p><input type=\"text\"></form></div>",
         "COMMENTMARK"},
        {"ad slot", Where::Inside, "<div class=\"ad-slot\"><p>Advertisement ADMARK</p></div>",
         "ADMARK"},
        {"ad container", Where::Inside,
         "<div class=\"ad-container\"><p>Advertisement ADCONTAINERMARK</p></div>",
         "ADCONTAINERMARK"},
        {"newsletter wrapper", Where::Inside,
         "<div class=\"newsletter-wrapper\"><p>Sign up for our daily newsletter, NEWSWRAPMARK, "
         "delivered to your inbox every morning.</p></div>",
         "NEWSWRAPMARK"},
        {"hidden element", Where::Inside,
         "<div style=\"display: none\"><p>Hidden text, HIDDENMARK, that readers never see on the "
         "page.</p></div>",
         "HIDDENMARK"},
        {"role=navigation", Where::Before,
         "<div role=\"navigation\"><p>Sections: world, business, sport, ROLEMARK, weather and "
         "more.</p></div>",
         "ROLEMARK"},
        {"figure caption", Where::Inside,
         "<figure><img src=\"a.jpg\"><figcaption>Boats in the harbour, CAPTIONMARK. (Photo: J. "
         "Alder)</figcaption></figure>",
         "CAPTIONMARK"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const std::string html = c.where == Where::Before   ? page(c.html)
                                 : c.where == Where::Inside ? page("", c.html)
                                                            : page("", "", c.html);
        const std::string text = clean(html);
        INFO("text: " << text);
        CHECK_FALSE(contains(text, c.marker));
        CHECK(contains(text, kPara1));
        CHECK(contains(text, kPara2));
        CHECK(contains(text, kPara3));
    }
}

TEST_CASE("the article's paragraphs are kept whole and in document order") {
    const std::string text = clean(page(""));
    CHECK(text == kPara1 + "\n\n" + kPara2 + "\n\n" + kPara3);
}

TEST_CASE("subheadings and list items inside the article are kept in place") {
    const std::string text =
        clean(page("",
                   "<h2>Repairs ahead</h2><ul><li>The eastern breakwater needs new concrete "
                   "blocks.</li><li>The ferry pier needs a new gangway.</li></ul>"));
    const std::vector<std::string> in_order = {kPara1,
                                               kPara2,
                                               "Repairs ahead",
                                               "The eastern breakwater needs new concrete blocks.",
                                               "The ferry pier needs a new gangway.",
                                               kPara3};
    INFO("text: " << text);
    size_t last = 0;
    for (const std::string& piece : in_order) {
        CAPTURE(piece);
        size_t pos = text.find(piece);
        REQUIRE(pos != std::string::npos);
        CHECK(pos >= last);
        last = pos;
    }
}

TEST_CASE("the h1 headline is the title, not body text") {
    const std::string text = clean(page(""));
    CHECK_FALSE(contains(text, kHeadline));
}

TEST_CASE("inline markup inside a paragraph does not split it") {
    const std::string text = clean(
        page("",
             "<p>The mayor, <a href=\"/mayor\">Ana Sousa</a>, called the repairs <em>urgent</em>"
             " and <strong>overdue</strong>.</p>"));
    CHECK(contains(text, "The mayor, Ana Sousa, called the repairs urgent and overdue."));
}

TEST_CASE("a section front made only of links yields no article text") {
    std::string links;
    for (int i = 0; i < 20; ++i)
        links += "<li><a href=\"/story-" + std::to_string(i) +
                 "\">Harbour reopens after three days of storm damage, part " + std::to_string(i) +
                 "</a></li>";
    const std::string html =
        "<html><head><title>World | The Coastline Herald</title></head><body><nav><a "
        "href=\"/\">Home</a></nav><h1>World</h1><div class=\"front\"><ul>" +
        links + "</ul></div></body></html>";
    const std::string text = clean(html);
    INFO("text: " << text);
    CHECK(text.empty());
}

TEST_CASE("a long comment thread is not mistaken for the article") {
    // Comment threads often hold more text than the article; their container's name marks them.
    const std::string item_classes[] = {"comment-body", "reader-note"};
    for (const std::string& cls : item_classes) {
        CAPTURE(cls);
        std::string comments;
        for (int i = 0; i < 12; ++i)
            comments += "<div class=\"" + cls + "\"><p>Reader " + std::to_string(i) +
                        " wrote: COMMENTTEXT, I have lived by this harbour for forty years, and I "
                        "have never seen the breakwater in such a poor state. The council must "
                        "act now, before the next storm arrives and the boats are lost.</p></div>";
        const std::string text =
            clean(page("", "", "<div id=\"comments\"><h3>12 comments</h3>" + comments + "</div>"));
        INFO("text: " << text.substr(0, 300));
        CHECK(contains(text, kPara1));
        CHECK(contains(text, kPara3));
        CHECK_FALSE(contains(text, "COMMENTTEXT"));
    }
}

TEST_CASE("an article inside a page-wide ASP.NET form is still found") {
    const std::string html =
        "<html><body><form method=\"post\" action=\"./story.aspx\" id=\"aspnetForm\">"
        "<input type=\"hidden\" name=\"__VIEWSTATE\" value=\"dDwtMTA4MzE0MjEwNTs7Pg==\">"
        "<div id=\"wrapper\"><article><h1>" +
        kHeadline + "</h1><p>" + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 +
        "</p></article></div></form></body></html>";
    const std::string text = clean(html);
    CHECK(contains(text, kPara1));
    CHECK(contains(text, kPara2));
    CHECK(contains(text, kPara3));
}

TEST_CASE("a layout wrapper whose class mentions ads does not lose the article") {
    const std::string wrappers[] = {"ArticlePage-ad-margins", "page-wrapper has-sidebar",
                                    "main-content ad-free"};
    for (const std::string& cls : wrappers) {
        CAPTURE(cls);
        const std::string html = "<html><body><div class=\"" + cls + "\"><article><p>" + kPara1 +
                                 "</p><p>" + kPara2 + "</p><p>" + kPara3 +
                                 "</p></article></div></body></html>";
        const std::string text = clean(html);
        CHECK(contains(text, kPara1));
        CHECK(contains(text, kPara3));
    }
}

TEST_CASE("an article body without <article> is found by its text density") {
    const std::string html =
        "<html><body><div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/w\">World</a></div>"
        "<div id=\"main\"><div class=\"story-body\"><p>" +
        kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 +
        "</p></div></div><div class=\"footer\">Contact us</div></body></html>";
    const std::string text = clean(html);
    CHECK(text == kPara1 + "\n\n" + kPara2 + "\n\n" + kPara3);
}

TEST_CASE("10,000 nested divs parse without exhausting the stack") {
    const int depth = 10000;
    std::string html = "<html><body>";
    for (int i = 0; i < depth; ++i)
        html += "<div>";
    html += "<p>" + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 + "</p>";
    for (int i = 0; i < depth; ++i)
        html += "</div>";
    html += "</body></html>";
    std::string text;
    CHECK_NOTHROW(text = clean(html));
    CHECK(contains(text, kPara1));
    CHECK(contains(text, kPara3));
}

TEST_CASE("HTML cut off mid-tag still yields the text before the cut") {
    const std::string full = page("");
    const std::string cut_at = "<p>" + kPara3;
    const std::string truncated = full.substr(0, full.find(cut_at)) + "<p class=\"fol";
    const std::string text = clean(truncated);
    INFO("text: " << text);
    CHECK(contains(text, kPara1));
    CHECK(contains(text, kPara2));
}

TEST_CASE("is_boilerplate_hint tells furniture class names from content containers") {
    struct Case {
        std::string name;
        bool furniture;
    };
    const Case cases[] = {
        {"nav", true},
        {"site-header", true},
        {"cookie-banner", true},
        {"share-bar", true},
        {"related-stories", true},
        {"ad-slot", true},
        {"comments", true},
        {"newsletter-signup", true},
        {"headline", false},
        {"article-body", false},
        {"story", false},
        {"download", false},
        {"shadow", false},
        {"", false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        CHECK(news::is_boilerplate_hint(c.name) == c.furniture);
    }
}

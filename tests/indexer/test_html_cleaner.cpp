// Tests for indexer/clean/html_cleaner: article paragraphs kept, page furniture dropped.
#include <doctest/doctest.h>

#include <chrono>
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

namespace {

// Paragraphs of German prose (stop words make the language known, as on real pages).
const std::string kDe1 =
    "Der Hafen von Porto Seguro ist am Montag nach drei Tagen wieder geöffnet worden, wie die "
    "Behörden mitteilten.";
const std::string kDe2 =
    "Die Fischerboote kehrten bis zum Mittag an ihre Liegeplätze zurück, und auch die Fähre fuhr "
    "am Nachmittag wieder.";

// `n` teaser cards: a headline link, an author link and a one-sentence summary each.
std::string teasers(int n, const std::string& marker) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += "<li class=\"card\"><h3><a href=\"/s" + std::to_string(i) +
               "\">Council votes on the new ferry timetable for the islands, part " +
               std::to_string(i) + "</a></h3><a href=\"/a\">Jon Ellery</a><p>The council " +
               "will decide on Thursday whether the winter timetable of the island ferries " +
               "should change, " + marker + ".</p></li>";
    return out;
}

std::string body_page(const std::string& body) {
    return "<!DOCTYPE html><html><head><title>" + kHeadline + "</title></head><body>" + body +
           "</body></html>";
}

}  // namespace

TEST_CASE("an article split over sibling containers is taken whole") {
    // Sites cut long articles into chunks between ads; the chunks share a parent with the
    // article's other furniture.
    const std::string html = body_page(
        "<nav><a href=\"/\">Home</a> <a href=\"/w\">World</a></nav><main><div class=\"grid\">"
        "<div class=\"chunk\"><p>" +
        kPara1 + "</p></div><div class=\"ad-slot\">Advertisement</div><div class=\"chunk\"><p>" +
        kPara2 + "</p></div><div class=\"chunk\"><p>" + kPara3 +
        "</p></div></div><aside><p>Most read: the ferry strike, the harbour tunnel and the "
        "storm.</p></aside></main>");
    const std::string text = clean(html);
    CHECK(text == kPara1 + "\n\n" + kPara2 + "\n\n" + kPara3);
}

TEST_CASE("teaser summaries after the article are not article text") {
    struct Case {
        std::string what;
        std::string after;
    };
    const Case cases[] = {
        {"a list of cards with summaries", "<section><h2>More from the Herald</h2><ul>" +
                                               teasers(6, "TEASERMARK") + "</ul></section>"},
        {"cards under a furniture heading",
         "<div><h2>Related stories</h2><ul>" + teasers(2, "TEASERMARK") + "</ul></div>"},
        {"a related list whose class says so",
         "<div class=\"related-posts\"><ul>" + teasers(8, "TEASERMARK") + "</ul></div>"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const std::string text = clean(page("", "", c.after));
        INFO("text: " << text);
        CHECK(contains(text, kPara1));
        CHECK(contains(text, kPara3));
        CHECK_FALSE(contains(text, "TEASERMARK"));
    }
}

TEST_CASE("lists and tables inside the article are kept") {
    struct Case {
        std::string what;
        std::string inside;
        std::vector<std::string> kept;
    };
    const Case cases[] = {
        {"a list of ingredients",
         "<h2>Ingredients</h2><ul><li>250 g butter</li><li>3 eggs</li><li>1 pinch of "
         "salt</li><li>200 g sugar</li></ul>",
         {"Ingredients", "250 g butter", "3 eggs", "200 g sugar"}},
        {"a table of results",
         "<table><tr><th>Boat</th><th>Time</th></tr><tr><td>Sea Swift</td><td>2:14</td></tr>"
         "<tr><td>Morning Star</td><td>2:31</td></tr></table>",
         {"Sea Swift 2:14", "Morning Star 2:31"}},
        {"a list at the article's end", "", {}},
        {"a quotation and preformatted text",
         "<blockquote>We will rebuild the breakwater before the next winter, whatever it "
         "costs, the mayor said.</blockquote><pre>ferry 08:00 09:30 11:00</pre>",
         {"We will rebuild the breakwater", "ferry 08:00 09:30 11:00"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const std::string text = clean(page("", c.inside));
        INFO("text: " << text);
        for (const std::string& piece : c.kept) {
            CAPTURE(piece);
            CHECK(contains(text, piece));
        }
        CHECK(contains(text, kPara1));
        CHECK(contains(text, kPara3));
    }
    // Items of a list that article text introduces are kept even when furniture follows.
    const std::string text =
        clean(page("", "", "<footer><a href=\"/\">Home</a> <a href=\"/c\">Contact</a></footer>")
                  .replace(page("").find("</article>"), 10,
                           "<ul><li>Sea Swift, second</li><li>Morning Star, third</li></ul>"
                           "</article>"));
    INFO("text: " << text);
    CHECK(contains(text, "Sea Swift, second"));
    CHECK(contains(text, "Morning Star, third"));
}

TEST_CASE("a lone link or credit between paragraphs does not end the article") {
    const std::string text =
        clean(page("",
                   "<p><a href=\"/other\">Council approves the harbour budget</a></p>"
                   "<p>The ferry was full.</p><p>Nobody complained.</p>"));
    INFO("text: " << text);
    CHECK(contains(text, "The ferry was full."));
    CHECK(contains(text, "Nobody complained."));
    CHECK(contains(text, kPara3));
    CHECK_FALSE(contains(text, "Council approves"));
}

TEST_CASE("a standfirst above the article's body and a paragraph styled as a heading are kept") {
    const std::string standfirst =
        "Three days of closure end as the storm moves north, and the ferries sail again.";
    const std::string html = body_page(
        "<nav><a href=\"/\">Home</a> <a href=\"/w\">World</a> <a href=\"/s\">Sport</a></nav>"
        "<article><header><h1>" +
        kHeadline + "</h1><p class=\"standfirst\">" + standfirst +
        "</p></header><div class=\"article-body\"><p>" + kPara1 + "</p><h2>" +
        "The harbour master said on Monday that the repairs would take two weeks, and that the "
        "ferries would keep to the winter timetable.</h2><p>" +
        kPara2 + "</p><p>" + kPara3 + "</p></div></article>");
    const std::string text = clean(html);
    INFO("text: " << text);
    CHECK(text.starts_with(standfirst));
    CHECK(contains(text, "The harbour master said on Monday"));
    CHECK_FALSE(contains(text, kHeadline));
}

TEST_CASE("headings after the first h1 are sections, the first h1 is the headline") {
    const std::string html =
        body_page("<article><h1>" + kHeadline + "</h1><p>" + kPara1 + "</p><h1>Repairs</h1><p>" +
                  kPara2 + "</p><p>" + kPara3 + "</p></article>");
    const std::string text = clean(html);
    CHECK(text == kPara1 + "\n\n" + "Repairs" + "\n\n" + kPara2 + "\n\n" + kPara3);
}

TEST_CASE("noscript and markup left as text") {
    SUBCASE("a page that puts its article in <noscript> is read") {
        const std::string html =
            body_page("<div id=\"app\"></div><noscript><article><p>" + kPara1 + "</p><p>" + kPara2 +
                      "</p><p>" + kPara3 + "</p></article></noscript>");
        const std::string text = clean(html);
        CHECK(contains(text, kPara1));
        CHECK(contains(text, kPara3));
    }
    SUBCASE("markup kept as text is dropped") {
        const std::string text =
            clean(page("",
                       "<div>&lt;img height=\"1\" width=\"1\" src=\"https://px.example/p?c=2\"&gt;"
                       "</div>"));
        CHECK_FALSE(contains(text, "<img"));
        CHECK(contains(text, kPara3));
    }
}

TEST_CASE("names of furniture are read with care") {
    struct Case {
        std::string what;
        std::string html;  // the article's paragraphs are inside
        bool kept;
    };
    const std::string paras = "<p>" + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 + "</p>";
    const Case cases[] = {
        {"a script hook", "<div class=\"js-related-toggle\">" + paras + "</div>", true},
        {"a modifier of a section",
         "<section class=\"o-section o-section--has-ads\">" + paras + "</section>", true},
        {"an opinion section", "<div class=\"commentary\">" + paras + "</div>", true},
        {"a state class", "<div class=\"entry comments-open\">" + paras + "</div>", true},
        {"a page-wide header (misnested markup)",
         "<header id=\"branding\"><div class=\"logo\">Herald</div><div id=\"content\">" + paras +
             "</div></header>",
         true},
        {"a German comment thread beside an article",
         "<div class=\"kommentare\">" + paras + "</div>", false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        // A short article of its own next to the tested element, so that dropping the element
        // leaves text behind.
        const std::string html = body_page(
            "<article><p>The harbour is open again, the harbour master said on Monday, and the "
            "ferries sail.</p></article>" +
            c.html);
        const std::string text = clean(html);
        INFO("text: " << text);
        CHECK(contains(text, kPara2) == c.kept);
    }
}

TEST_CASE("prose in another language than the page's is prose") {
    const std::string english =
        "We will rebuild what the storm has broken, and we will do it before the winter.";
    const std::string html = body_page("<article><p>" + kDe1 + "</p><p>" + english + "</p><p>" +
                                       kDe2 + "</p><p>" + kDe1 + " " + kDe2 + "</p></article>");
    const std::string text = clean(html);
    INFO("text: " << text);
    CHECK(contains(text, kDe1));
    CHECK(contains(text, english));
}

TEST_CASE("furniture lines inside the article are dropped") {
    struct Case {
        std::string inside;
        std::string marker;
    };
    const Case cases[] = {
        {"<p>Read more: <a href=\"/x\">The storm in pictures</a></p>", "Read more"},
        {"<p>Lesen Sie auch: <a href=\"/x\">Der Sturm in Bildern</a></p>", "Lesen Sie auch"},
        {"<p>Anzeige</p>", "Anzeige"},
        {"<p>Share this article</p>", "Share this"},
        {"<p>Image copyright Getty Images</p>", "Getty"},
        {"<p>Please enable JavaScript to view the comments.</p>", "JavaScript"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.inside);
        const std::string text = clean(page("", c.inside));
        INFO("text: " << text);
        CHECK_FALSE(contains(text, c.marker));
        CHECK(contains(text, kPara2));
        CHECK(contains(text, kPara3));
    }
}

TEST_CASE("a date line under the headline is not article text") {
    const std::string html =
        body_page("<article><h1>" + kHeadline + "</h1><p>Tuesday, 12 March 2024, 09:15</p><p>" +
                  kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara3 + "</p></article>");
    CHECK(clean(html) == kPara1 + "\n\n" + kPara2 + "\n\n" + kPara3);
}

TEST_CASE("a home page of teasers yields little text, never its menus") {
    std::string menu = "<nav><ul>";
    for (int i = 0; i < 12; ++i)
        menu += "<li><a href=\"/s" + std::to_string(i) + "\">Section MENUMARK " +
                std::to_string(i) + "</a></li>";
    menu += "</ul></nav>";
    const std::string html = body_page(menu + "<main><ul>" + teasers(10, "HOMEMARK") +
                                       "</ul></main><footer><p>Copyright 2024 The Coastline "
                                       "Herald. All rights reserved.</p></footer>");
    const std::string text = clean(html);
    INFO("text: " << text);
    CHECK_FALSE(contains(text, "MENUMARK"));
    CHECK_FALSE(contains(text, "Copyright"));
    CHECK(text.size() < 1500);
}

TEST_CASE("many blocks are extracted in linear time") {
    // A page of 40,000 list items and paragraphs, as a long archive page: no step of the
    // cleaner may compare blocks with blocks or walk up from every block.
    std::string html = "<html><body><div class=\"sidebar\"><ul>";
    for (int i = 0; i < 20000; ++i)
        html += "<li><a href=\"/x\">link " + std::to_string(i) + "</a></li>";
    html += "</ul></div><article>";
    for (int i = 0; i < 20000; ++i)
        html += "<p>" + kPara1 + " " + std::to_string(i) + "</p>";
    html += "</article></body></html>";
    const auto start = std::chrono::steady_clock::now();
    const std::string text = clean(html);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    CHECK(contains(text, kPara1 + " 19999"));
    CHECK_FALSE(contains(text, "link 19999"));
    CHECK(took.count() < 10.0);
}

TEST_CASE("style, svg and unread script insides are left out before parsing, nothing else") {
    using namespace news;
    const std::string ld = R"(<script type="application/ld+json">{"datePublished": "2024-03-14"}</script>)";
    const std::string cms = R"(<script>window.page = {"published_at": "2024-03-14"};</script>)";
    const std::string tracker = R"(<SCRIPT async src="x.js">var a = "<p>not text</p>";</SCRIPT >)";
    const std::string css = "<style media='a>b'>p { color: red } </style>";
    std::string html = "<head>" + ld + cms + css + "</head><body><p>Kept.</p>" + tracker +
                       "<p>Also kept.</p><scripts>odd tag, kept</scripts></body>";
    std::string out = without_unread_raw_text(html);
    CHECK(out == "<head>" + ld + cms + "<style media='a>b'></style></head><body><p>Kept.</p>" +
                     R"(<SCRIPT async src="x.js"></SCRIPT >)" +
                     "<p>Also kept.</p><scripts>odd tag, kept</scripts></body>");
    // Inline SVG is drawn, never read.
    CHECK(without_unread_raw_text(R"(<p>A<svg viewBox="0 0 9 9"><path d="M0 0h9"/></svg>B</p>)") ==
          R"(<p>A<svg viewBox="0 0 9 9"></svg>B</p>)");
    // An escaped script may hide its end from a plain search: it is left whole.
    const std::string escaped =
        R"(<script><!-- document.write("<script>x()</script>"); --></script><p>After.</p>)";
    CHECK(without_unread_raw_text(escaped) == escaped);
    // A "<script" inside a comment opens nothing.
    const std::string commented = "<!-- <script> --><p>Text.</p><style>a{}</style>";
    CHECK(without_unread_raw_text(commented) == "<!-- <script> --><p>Text.</p><style></style>");
    // A script ends at its own end tag only.
    CHECK(without_unread_raw_text("<script>a = '</scripts>';</script><p>Kept.</p>") ==
          "<script></script><p>Kept.</p>");
    // Nor does one in a title or a textarea, whose text is read raw.
    const std::string titled =
        "<title>Why <script> tags slow pages</title><p>Kept.</p><script>x()</script>";
    CHECK(without_unread_raw_text(titled) ==
          "<title>Why <script> tags slow pages</title><p>Kept.</p><script></script>");
    const std::string form = "<textarea><style></textarea><p>Kept.</p><style>a{}</style>";
    CHECK(without_unread_raw_text(form) == "<textarea><style></textarea><p>Kept.</p><style></style>");
    // Nor does one in another tag's attribute.
    const std::string attr = R"(<a title="<script>">Link</a><p>Text.</p><script>x()</script>)";
    CHECK(without_unread_raw_text(attr) ==
          R"(<a title="<script>">Link</a><p>Text.</p><script></script>)");
    // Unclosed elements, truncated tags and empty input stay as they are.
    for (std::string s : {"<script>var a = 1;", "<style", "<script type='x", "", "<", "<p>x</p>"})
        CHECK(without_unread_raw_text(s) == s);
    // What the extractor sees is the same with or without the left-out text.
    HtmlDocument doc(html);
    CHECK(inner_text(doc.root()) == "Kept. Also kept. odd tag, kept");
}

TEST_CASE("a brief of figures without prose is its article element's short lines") {
    using namespace news;
    const std::string brief =
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/markets\">Markets</a></nav>"
        "<article><h1>CHAMPION PRODUCTS APPROVES STOCK SPLIT</h1><p>Shr 22 cts vs 18 cts</p>"
        "<p>Net 1,234,000 vs 987,000</p><p>Revs 12.3 mln vs 10.1 mln</p></article>"
        "<footer><p>Copyright 1987</p></footer></body></html>";
    HtmlDocument doc(brief);
    CHECK(join_blocks(extract_main_blocks(doc)) ==
          "Shr 22 cts vs 18 cts\n\nNet 1,234,000 vs 987,000\n\nRevs 12.3 mln vs 10.1 mln");
    // A page of teasers (several articles) and a page without an article element have none.
    const std::string teasers =
        "<html><body><article><h2><a href=\"/a\">Shares rise</a></h2><p>Up 2 pct</p></article>"
        "<article><h2><a href=\"/b\">Bonds fall</a></h2><p>Down 1 pct</p></article></body></html>";
    HtmlDocument teaser_doc(teasers);
    CHECK(extract_main_blocks(teaser_doc).empty());
    HtmlDocument bare("<html><body><div><p>Shr 22 cts vs 18 cts</p></div></body></html>");
    CHECK(extract_main_blocks(bare).empty());
}

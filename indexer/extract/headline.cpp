#include "headline.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <tuple>

#include "class_names.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace news {

namespace {

// Soft hyphens and zero-width characters are invisible on the page but split words in the
// index; whitespace runs become one space.
std::string visible_text(std::string_view text) {
    std::string clean;
    clean.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\xC2\xAD") == 0) {
            ++i;
        } else if (text.compare(i, 3, "\xE2\x80\x8B") == 0 ||
                   text.compare(i, 3, "\xE2\x80\x8C") == 0 ||
                   text.compare(i, 3, "\xE2\x80\x8D") == 0) {
            i += 2;
        } else {
            clean += text[i];
        }
    }
    return collapse_whitespace(clean);
}

using names::has_class;
using names::has_substring;
using names::has_word;
using names::lower;

// Class names of the page's top bar (the logo, the site's name, the main menu).
const std::initializer_list<std::string_view> kPageHeader{
    "header", "site-header", "main-header", "global-header", "top-header", "page-top", "topbar"};

// A class or id naming a menu, sidebar or teaser list; layout wrappers named after what they
// hold ("content-sidebar-wrap", "page-with-menu") are not furniture.
bool is_furniture_name(std::string_view value) {
    return has_word(value, {"nav", "navbar", "navigation", "menu", "sidebar", "footer", "related",
                            "teaser", "teasers"}) &&
           !has_substring(value, {"wrap", "container", "layout", "page", "main", "content"});
}

bool is_text(const GumboNode* n) {
    return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
           n->type == GUMBO_NODE_WHITESPACE;
}

// True when an element holds text of its own beside its child elements ("du <span>X</span>").
bool has_own_text(const GumboNode* n) {
    for (unsigned i = 0; i < n->v.element.children.length; ++i) {
        const auto* c = static_cast<const GumboNode*>(n->v.element.children.data[i]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) return true;
    }
    return false;
}

// Where a heading's text breaks: block elements and <br>, and styled elements set side by side
// without text between them ("<span class=a>Brexit</span><span class=b>Vote delayed</span>",
// laid out as lines by CSS), or named as a kicker or subtitle. Inline markup inside running
// text ("du <span class=caps>CNRS</span>") does not break.
bool is_heading_break(const GumboNode* n) {
    switch (n->v.element.tag) {
        case GUMBO_TAG_BR:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_P:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_SMALL:
            return true;
        default: {
            std::string_view cls = attribute(n, "class");
            if (cls.empty() && attribute(n, "id").empty()) return false;
            if (n->parent && n->parent->type == GUMBO_NODE_ELEMENT && !has_own_text(n->parent))
                return true;
            return has_substring(
                cls, {"kicker", "dachzeile", "overline", "topline", "toptitle", "roofline",
                      "subline", "subtitle", "eyebrow", "label", "rubric", "supertitle",
                      "subheading", "sub-heading", "spitzmarke"});
        }
    }
}

// Screen-reader text ("<span class=visually-hidden>: </span>") is not part of the heading as
// the page shows it.
bool is_hidden_text(const GumboNode* n) {
    std::string_view cls = attribute(n, "class");
    return !attribute(n, "hidden").empty() ||
           has_substring(cls, {"visually-hidden", "visuallyhidden", "sr-only", "screen-reader",
                               "screenreader", "hiddenelement", "offscreen"}) ||
           has_class(cls, {"hidden", "hide", "invisible", "element-invisible"}) ||
           has_substring(attribute(n, "style"), {"display:none", "display: none"});
}

// Text of a heading as shown, or of the children [first, last) of `node` only.
std::string heading_text(const GumboNode* node, unsigned first = 0, unsigned last = ~0u) {
    std::string out;
    auto enter = [&](const GumboNode* n) {
        if (is_text(n)) {
            out += n->v.text.text;
            return false;
        }
        if (n->type != GUMBO_NODE_ELEMENT) return true;
        GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE ||
            t == GUMBO_TAG_NOSCRIPT || (n != node && is_hidden_text(n)))
            return false;
        if (n != node && is_heading_break(n)) out += ' ';
        return true;
    };
    auto leave = [&](const GumboNode* n) {
        if (n != node && n->type == GUMBO_NODE_ELEMENT && is_heading_break(n)) out += ' ';
    };
    if (first == 0 && last == ~0u) {
        walk(node, enter, leave);
    } else {
        for (unsigned i = first; i < std::min(last, node->v.element.children.length); ++i)
            walk(static_cast<const GumboNode*>(node->v.element.children.data[i]), enter, leave);
    }
    return visible_text(out);
}

// The tags that hold no text a reader sees.
bool is_unseen_tag(GumboTag t) {
    return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE ||
           t == GUMBO_TAG_NOSCRIPT;
}

// The heading's innermost single wrapper (<h1><a><span>..</span></a></h1> -> the span).
const GumboNode* heading_root(const GumboNode* node) {
    const GumboNode* root = node;
    for (;;) {
        const GumboNode* only = nullptr;
        size_t elements = 0;
        for (unsigned i = 0; i < root->v.element.children.length; ++i) {
            const auto* c = static_cast<const GumboNode*>(root->v.element.children.data[i]);
            if (c->type == GUMBO_NODE_ELEMENT && !is_hidden_text(c) &&
                !is_unseen_tag(c->v.element.tag)) {
                only = c;
                ++elements;
            }
        }
        if (elements != 1 || has_own_text(root)) return root;
        root = only;
    }
}

// The text after a kicker set inline before the heading's own text ("<em>Holocaust-Gedenktag
// </em>Erinnerung an die Opfer"): the first thing shown is an element, text of the heading's
// own follows it. "" for other headings.
std::string text_after_kicker(const GumboNode* node) {
    const GumboNode* root = heading_root(node);
    if (!has_own_text(root)) return {};
    const unsigned count = root->v.element.children.length;
    for (unsigned i = 0; i < count; ++i) {
        const auto* c = static_cast<const GumboNode*>(root->v.element.children.data[i]);
        if (c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_COMMENT) continue;
        if (c->type != GUMBO_NODE_ELEMENT) return {};  // the heading starts with its own text
        GumboTag t = c->v.element.tag;
        if (is_unseen_tag(t) || is_hidden_text(c)) continue;
        if (t == GUMBO_TAG_BR || t == GUMBO_TAG_IMG) return {};
        for (unsigned j = i + 1; j < count; ++j) {
            const auto* after = static_cast<const GumboNode*>(root->v.element.children.data[j]);
            if (after->type != GUMBO_NODE_TEXT && after->type != GUMBO_NODE_CDATA) continue;
            if (visible_text(after->v.text.text).empty()) continue;
            return heading_text(root, i + 1);
        }
        return {};
    }
    return {};
}

// The pieces of a heading laid out apart: kicker, headline, subtitle ("<span class=dachzeile>
// Rheinmetall</span> <span class=headline>Data stolen</span>"). They are the children of the
// heading's innermost single wrapper (<h1><a><span>..</span><span>..</span></a></h1>) split
// where the text breaks; fewer than two pieces give none.
std::vector<std::string> heading_parts(const GumboNode* node) {
    const GumboNode* root = heading_root(node);
    std::vector<std::string> parts;
    unsigned start = 0;
    auto flush = [&](unsigned end) {
        std::string text = heading_text(root, start, end);
        if (!text.empty()) parts.push_back(std::move(text));
        start = end;
    };
    for (unsigned i = 0; i < root->v.element.children.length; ++i) {
        const auto* c = static_cast<const GumboNode*>(root->v.element.children.data[i]);
        if (c->type == GUMBO_NODE_ELEMENT && is_heading_break(c)) {
            flush(i);
            flush(i + 1);
        }
    }
    flush(root->v.element.children.length);
    if (parts.size() < 2 || parts.size() > 4) parts.clear();
    return parts;
}

// "/", "index.html" or "https://www.example.com/" on example.com: the front page. When the
// page's host is unknown (a saved page without a canonical link), any site's root is taken
// for its own; a link on another host of the same site ("blog.example.com") counts too.
bool is_home_link(std::string_view href, std::string_view home_host) {
    while (!href.empty() && (href.front() == ' ' || href.front() == '\n' || href.front() == '\t'))
        href.remove_prefix(1);
    while (!href.empty() && (href.back() == ' ' || href.back() == '\n' || href.back() == '\t'))
        href.remove_suffix(1);
    href = unarchived_url(href);
    if (href == "/" || href == "./" || href.starts_with("/index.") || href.starts_with("index."))
        return true;
    size_t scheme = href.find("://");
    if (scheme == std::string_view::npos) return false;
    std::string_view rest = href.substr(scheme + 3);
    size_t slash = rest.find_first_of("/?#");
    std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash);
    if (!(path.empty() || path == "/" || path.starts_with("/index."))) return false;
    if (home_host.empty()) return true;
    std::string host = schema::host_of_url(href);
    auto within = [](std::string_view sub, std::string_view site) {
        return sub.size() > site.size() && sub.ends_with(site) &&
               sub[sub.size() - site.size() - 1] == '.';
    };
    return host == home_host || within(host, home_host) || within(home_host, host);
}

bool is_breadcrumb_name(std::string_view value) {
    return has_word(value, {"breadcrumb", "breadcrumbs", "crumbs"});
}

}  // namespace

std::string_view unarchived_url(std::string_view url) {
    constexpr std::string_view kArchive = "archive.org/web/";
    size_t at = url.find(kArchive);
    size_t scheme = url.find("://");
    if (at == std::string_view::npos || (scheme != std::string_view::npos && at > scheme + 12))
        return url;
    size_t slash = url.find('/', at + kArchive.size());
    if (slash == std::string_view::npos) return url;
    std::string_view inner = url.substr(slash + 1);
    if (inner.starts_with("http://") || inner.starts_with("https://")) return inner;
    return url;
}

// Where a heading stands: the article's headline sits in the article, a site's name in the
// masthead or a logo link, section names in menus and sidebars.
Heading read_heading(const GumboNode* n, int level, std::string_view home_host) {
    static const std::initializer_list<std::string_view> kMasthead{
        "logo",      "brand",    "site-title", "sitetitle", "site_title",  "site-name", "sitename",
        "site_name", "masthead", "blog-title", "blogtitle", "site-header", "siteheader"};
    Heading h;
    h.level = level;
    h.text = heading_text(n);
    h.parts = heading_parts(n);
    h.after_kicker = text_after_kicker(n);
    std::string_view cls = attribute(n, "class");
    std::string_view id = attribute(n, "id");
    h.breadcrumb = is_breadcrumb_name(cls) || is_breadcrumb_name(id);
    std::string prop = lower(attribute(n, "itemprop"));
    h.masthead = has_substring(cls, kMasthead) || has_substring(id, kMasthead);
    h.marked = !h.masthead &&
               (has_substring(cls, {"title", "headline", "heading"}) ||
                has_substring(id, {"title", "headline"}) || prop == "headline" || prop == "name");
    // A heading that is (or holds) a link to the site's front page is the site's name.
    walk(n, [&](const GumboNode* c) {
        if (c->type != GUMBO_NODE_ELEMENT) return false;
        if (c->v.element.tag != GUMBO_TAG_A) return true;
        if (has_word(attribute(c, "rel"), {"home"}) ||
            is_home_link(attribute(c, "href"), home_host)) {
            h.masthead = true;
            // The whole heading is the link: its text is the site's name.
            if (!h.home_link) h.home_link = title_key(heading_text(c)) == title_key(h.text);
        }
        return false;
    });
    // A <header> is the page's masthead unless it is the article's own header.
    bool in_header = false;
    int depth = 0;
    for (const GumboNode* p = n->parent; p; p = p->parent) {
        if (p->type != GUMBO_NODE_ELEMENT) continue;
        GumboTag t = p->v.element.tag;
        // <body class="has-sidebar header-fixed"> describes the page, not this heading.
        if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) break;
        cls = attribute(p, "class");
        id = attribute(p, "id");
        bool article = t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN ||
                       attribute(p, "role") == "main" ||
                       has_substring(cls, {"article", "entry", "story", "post"}) ||
                       has_substring(id, {"article", "entry", "story", "post"});
        if (article || has_word(cls, {"content", "main"}) || has_word(id, {"content", "main"})) {
            h.in_article = true;
            in_header = false;
        }
        if (t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE ||
            is_furniture_name(cls) || is_furniture_name(id))
            h.furniture = true;
        // A trail's own list, not a wrapper far up that holds the trail and the article.
        if (++depth <= 3 && (is_breadcrumb_name(cls) || is_breadcrumb_name(id)))
            h.breadcrumb = true;
        if (article) continue;
        if (has_substring(cls, kMasthead) || has_substring(id, kMasthead)) h.masthead = true;
        if (t == GUMBO_TAG_HEADER || has_class(cls, kPageHeader) || has_class(id, kPageHeader))
            in_header = true;
    }
    if (in_header) h.masthead = true;
    return h;
}

namespace {

// Characters that separate a title's pieces when they stand between spaces ("Headline | Site",
// "Site » Blog » Headline").
constexpr std::string_view kSeparatorChars[] = {"|",
                                                "-",
                                                "\xE2\x80\x93",
                                                "\xE2\x80\x94",
                                                ":",
                                                "\xC2\xB7",
                                                "\xE2\x80\xA2",
                                                "\xC2\xBB",
                                                "\xC2\xAB",
                                                "/",
                                                "~",
                                                ">",
                                                "\xE2\x80\xBA",
                                                "\xE2\x80\xB9"};

size_t separator_char_at(std::string_view s, size_t i) {
    for (std::string_view c : kSeparatorChars)
        if (s.substr(i, c.size()) == c) return c.size();
    return 0;
}

// Byte length of the separator starting at `i` (" | ", " -- ", ": ", "|"), or 0.
size_t separator_at(std::string_view s, size_t i) {
    if (s[i] == ' ') {
        size_t j = i + 1;
        int count = 0;
        while (count < 3 && j < s.size()) {
            size_t n = separator_char_at(s, j);
            if (n == 0) break;
            j += n;
            ++count;
        }
        if (count > 0 && j < s.size() && s[j] == ' ') return j + 1 - i;
        return 0;
    }
    if (s[i] == ':' && i + 1 < s.size() && s[i + 1] == ' ') return 2;
    if (s[i] == '|') return 1;
    return 0;
}

// The pieces of a title between separators, as [begin, end) byte ranges.
std::vector<std::pair<size_t, size_t>> segments(std::string_view s) {
    std::vector<std::pair<size_t, size_t>> out;
    size_t start = 0;
    for (size_t i = 0; i < s.size();) {
        size_t n = separator_at(s, i);
        if (n == 0) {
            ++i;
            continue;
        }
        out.emplace_back(start, i);
        i += n;
        start = i;
    }
    out.emplace_back(start, s.size());
    return out;
}

// A run of a title's pieces, by its key; `step` when it is a step of a trail on the way to the
// page ("Section" in "Site - Section » Headline" or "Headline « Section"), not the page itself.
struct Run {
    std::string key;
    bool step = false;
};

// True when the separator between `end` and `next` points on along a trail (" » ", " > ") or,
// with `back`, back along one (" « ").
bool trail_separator(std::string_view s, size_t end, size_t next, bool back) {
    std::string_view sep = s.substr(end, next - end);
    while (!sep.empty() && sep.front() == ' ')
        sep.remove_prefix(1);
    while (!sep.empty() && sep.back() == ' ')
        sep.remove_suffix(1);
    if (back) return sep == "\xC2\xAB" || sep == "<" || sep == "\xE2\x80\xB9";
    return sep == "\xC2\xBB" || sep == ">" || sep == "\xE2\x80\xBA";
}

// Every run of consecutive pieces: "A | B | C" gives A, B, C, "A | B", "B | C", all.
std::vector<Run> run_keys(std::string_view s) {
    std::vector<Run> out;
    auto segs = segments(s);
    for (size_t i = 0; i < segs.size(); ++i)
        for (size_t j = i; j < segs.size(); ++j) {
            bool step = (j + 1 < segs.size() &&
                         trail_separator(s, segs[j].second, segs[j + 1].first, false)) ||
                        (i > 0 && trail_separator(s, segs[i - 1].second, segs[i].first, true));
            out.push_back(
                {title_key(s.substr(segs[i].first, segs[j].second - segs[i].first)), step});
        }
    return out;
}

// Letters and digits of the key only, Latin accents dropped: "Time 4 talks" and
// "time4talks.com" meet as "time4talks", "La Vie des idées" and laviedesidees.fr as
// "laviedesidees".
std::string alnum_key(std::string_view s) {
    // Base letters of U+00C0..U+017F ('.' for the signs among them).
    static constexpr std::string_view kLatin =
        "aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty"
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
        "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    std::string k = title_key(s), out;
    for (size_t i = 0; i < k.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(k[i]);
        if (c < 0x80) {
            if (std::isalnum(c)) out += k[i];
            continue;
        }
        if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < k.size()) {
            unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(k[i + 1]) & 0x3Fu);
            if (cp >= 0xC0 && cp < 0x180) {
                char base = kLatin[cp - 0xC0];
                if (base != '.') out += base;
                ++i;
                continue;
            }
        }
        out += k[i];
    }
    return out;
}

// One declared title (og:title, JSON-LD headline, <title>) with the keys it agrees with.
struct Declared {
    std::string key;
    std::vector<Run> runs;
};

// How strongly a declared title backs a candidate: 2 when they are the same, 1 when the
// candidate is one or more of its pieces ("Headline" in "Kicker: Headline | Site").
int backing(const Declared& d, const std::string& key) {
    if (d.key == key) return 3;
    for (const Run& r : d.runs)
        if (r.key == key) return r.step ? 1 : 2;
    return 0;
}

// One title starts with the other, which is at least half of it ("Headline" and "Headline in
// Tennessee"): weaker backing, from titles shortened or extended for search engines.
bool extends(const std::string& a, const std::string& b) {
    if (a == b || a.empty() || b.empty()) return false;
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    if (!longer.starts_with(shorter) || shorter.size() * 2 < longer.size()) return false;
    unsigned char next = static_cast<unsigned char>(longer[shorter.size()]);
    return next < 0x80 && !std::isalnum(next);
}

bool ends_with_colon(std::string_view s) {
    return !s.empty() && s.back() == ':';
}

}  // namespace

SiteNames::SiteNames(const std::string& site_name, const std::string& host) {
    if (!site_name.empty()) m_names.push_back(alnum_key(site_name));
    if (!host.empty()) {
        m_names.push_back(alnum_key(host));
        size_t last = host.rfind('.');
        if (last != std::string::npos && last > 0) {
            size_t before = host.rfind('.', last - 1);
            before = before == std::string::npos ? 0 : before + 1;
            m_names.push_back(alnum_key(host.substr(before, last - before)));
        }
    }
}

void SiteNames::add(std::string_view name) {
    std::string k = alnum_key(name);
    if (!k.empty() && std::find(m_names.begin(), m_names.end(), k) == m_names.end())
        m_names.push_back(std::move(k));
}

bool SiteNames::is_site(std::string_view text) const {
    std::string k = alnum_key(text);
    return k.empty() || std::find(m_names.begin(), m_names.end(), k) != m_names.end();
}

bool SiteNames::has_site_piece(std::string_view text) const {
    auto segs = segments(text);
    if (segs.size() < 2) return false;
    for (auto [b, e] : segs)
        if (is_site(text.substr(b, e - b))) return true;
    return false;
}

std::string SiteNames::strip(std::string_view text) const {
    auto segs = segments(text);
    size_t first = 0, last = segs.size();
    auto run = [&](size_t i, size_t j) {  // pieces [i, j)
        return text.substr(segs[i].first, segs[j - 1].second - segs[i].first);
    };
    // The separator after piece i, without its spaces.
    auto separator = [&](size_t i) {
        std::string_view sep = text.substr(segs[i].second, segs[i + 1].first - segs[i].second);
        while (!sep.empty() && sep.front() == ' ')
            sep.remove_prefix(1);
        while (!sep.empty() && sep.back() == ' ')
            sep.remove_suffix(1);
        return sep;
    };
    // A site's name at either end, in one piece or several ("Salsa - Rueda in Berlin").
    bool front_cut = false;
    for (bool cut = true; cut && last - first > 1;) {
        cut = false;
        for (size_t k = last - first - 1; k >= 1 && !cut; --k) {
            if (is_site(run(last - k, last))) {
                last -= k;
                cut = true;
            } else if (is_site(run(first, first + k))) {
                first += k;
                cut = front_cut = true;
            }
        }
    }
    // "Headline : Site | Tagline | Since 2005": the name in the middle ends the headline.
    for (size_t i = first + 1; i + 1 < last; ++i)
        if (!title_key(run(i, i + 1)).empty() && is_site(run(i, i + 1))) {
            last = i;
            break;
        }
    // "Site » Blog Archive » Headline": a trail from the name down to the page; its last step
    // is the page's title.
    if (front_cut && last - first > 1) {
        std::string_view sep = separator(first - 1);
        bool trail = sep == "\xC2\xBB" || sep == ">" || sep == "\xE2\x80\xBA" || sep == "/";
        for (size_t i = first; trail && i + 1 < last; ++i)
            trail = separator(i) == sep;
        if (trail) first = last - 1;
    }
    return collapse_whitespace(run(first, last));
}

std::string site_name_in_title(std::string_view title, std::string_view host) {
    if (host.empty()) return {};
    SiteNames site("", std::string(host));
    auto segs = segments(title);
    if (segs.size() < 2) return {};
    for (auto [b, e] : {segs.back(), segs.front()}) {
        std::string_view piece = title.substr(b, e - b);
        if (!title_key(piece).empty() && site.is_site(piece)) return collapse_whitespace(piece);
    }
    return {};
}

std::string title_key(std::string_view title) {
    // Typographic forms folded, so that „Brexit“ – a vote and "Brexit" - a vote agree.
    static constexpr std::pair<std::string_view, std::string_view> kFold[] = {
        {"\xE2\x80\x98", "'"},
        {"\xE2\x80\x99", "'"},
        {"\xE2\x80\x9A", "'"},
        {"\xE2\x80\x9B", "'"},
        {"\xE2\x80\xB2", "'"},
        {"\xC2\xB4", "'"},
        {"`", "'"},
        {"\xE2\x80\x9C", "\""},
        {"\xE2\x80\x9D", "\""},
        {"\xE2\x80\x9E", "\""},
        {"\xE2\x80\x9F", "\""},
        {"\xC2\xAB", "\""},
        {"\xC2\xBB", "\""},
        {"\xE2\x80\xB3", "\""},
        {"\xE2\x80\x93", "-"},
        {"\xE2\x80\x94", "-"},
        {"\xE2\x80\x90", "-"},
        {"\xE2\x80\x91", "-"},
        {"\xE2\x80\x92", "-"},
        {"\xE2\x80\x95", "-"},
        {"\xE2\x80\xA6", "..."},
        {"\xC2\xAD", ""},
    };
    std::string lowered = to_lower(collapse_whitespace(title));
    std::string folded;
    folded.reserve(lowered.size());
    for (size_t i = 0; i < lowered.size();) {
        bool done = false;
        if (static_cast<unsigned char>(lowered[i]) >= 0x80 || lowered[i] == '`') {
            for (auto [from, to] : kFold)
                if (lowered.compare(i, from.size(), from) == 0) {
                    folded += to;
                    i += from.size();
                    done = true;
                    break;
                }
        }
        if (!done) folded += lowered[i++];
    }
    // "Brexit : vote" and "Brexit: vote" are one title.
    std::string out;
    out.reserve(folded.size());
    for (size_t i = 0; i < folded.size(); ++i) {
        if (folded[i] == ' ' && i + 1 < folded.size() &&
            std::string_view(":;,.!?)").find(folded[i + 1]) != std::string_view::npos)
            continue;
        out += folded[i];
    }
    constexpr std::string_view kEnds = " \t-|:/\\.,;!?\"'*~";
    size_t b = 0, e = out.size();
    auto is_end = [&](size_t i) {
        if (kEnds.find(out[i]) != std::string_view::npos) return size_t{1};
        if (out.compare(i, 2, "\xC2\xB7") == 0) return size_t{2};      // ·
        if (out.compare(i, 3, "\xE2\x80\xA2") == 0) return size_t{3};  // •
        return size_t{0};
    };
    while (b < e) {
        size_t n = is_end(b);
        if (n == 0) break;
        b += n;
    }
    while (e > b) {
        if (kEnds.find(out[e - 1]) != std::string_view::npos) {
            --e;
        } else if (e - b >= 2 && out.compare(e - 2, 2, "\xC2\xB7") == 0) {
            e -= 2;
        } else if (e - b >= 3 && out.compare(e - 3, 3, "\xE2\x80\xA2") == 0) {
            e -= 3;
        } else {
            break;
        }
    }
    return out.substr(b, e - b);
}

std::string strip_site_suffix(const std::string& title, const std::string& site_name) {
    static constexpr std::array<std::string_view, 5> kSeparators{" | ", " - ", " – ", " — ",
                                                                 " :: "};
    std::string site = to_lower(site_name);
    for (std::string_view sep : kSeparators) {
        size_t pos = title.rfind(sep);
        if (pos != std::string::npos && pos > 0) {
            std::string tail = title.substr(pos + sep.size());
            bool is_site = !site.empty() && to_lower(tail) == site;
            // Without a known site name, a short tail after the last separator is a site name.
            if (is_site || (site.empty() && tail.size() <= 30 && pos > tail.size()))
                return title.substr(0, pos);
        }
        pos = title.find(sep);
        if (pos != std::string::npos && !site.empty() && to_lower(title.substr(0, pos)) == site)
            return title.substr(pos + sep.size());
    }
    return title;
}

namespace {

// The choice itself; choose_title() tidies what it returns.
std::string choose_title_as_written(const TitleSources& s) {
    std::vector<Declared> declared;
    for (const std::string* d : {&s.og_title, &s.ld_headline, &s.title_tag})
        if (!d->empty()) declared.push_back({title_key(*d), run_keys(*d)});

    // A site name that is the page's title (some sites fill og:site_name with it) is no name.
    std::string site_name = s.site_name;
    for (const Declared& d : declared)
        if (!site_name.empty() && title_key(site_name) == d.key) site_name.clear();
    SiteNames sites(site_name, s.host);
    // A heading that is a link to the front page names the site ("<h1><a href=/>Krimiblog</a>"),
    // unless the page declares that name as its own title (the front page itself).
    for (const Heading& h : s.headings) {
        if (!h.home_link) continue;
        std::string key = title_key(h.text);
        if (std::none_of(declared.begin(), declared.end(),
                         [&](const Declared& d) { return d.key == key; }))
            sites.add(h.text);
    }

    // The heading (or piece of one) the declared titles back most, in the reader's form.
    using Score = std::tuple<int, bool, int, bool, bool, bool, bool, size_t, long>;
    const std::string* best = nullptr;
    Score best_score{};
    for (size_t i = 0; i < s.headings.size(); ++i) {
        const Heading& h = s.headings[i];
        if (h.home_link) continue;
        auto consider = [&](const std::string& form) {
            std::string key = title_key(form);
            if (key.size() < 2 || sites.is_site(form) || sites.has_site_piece(form)) return;
            int exact = 0, pieces = 0;
            for (const Declared& d : declared) {
                int b = backing(d, key);
                exact += b == 3;
                pieces += (b == 2 ? 2 : b == 1 ? 1 : 0) + (extends(d.key, key) ? 1 : 0);
            }
            if (exact + pieces == 0) return;
            // The last step of a breadcrumb trail is often the headline, yet sometimes the
            // page's short or SEO title beside the headline a declaration gives as well.
            Score score{exact,        !h.breadcrumb, pieces,      h.level != 0,
                        !h.masthead,  !h.furniture,  h.level == 1, form.size(),
                        -static_cast<long>(i)};
            if (!best || score > best_score) {
                best = &form;
                best_score = score;
            }
        };
        consider(h.text);
        for (const std::string& part : h.parts)
            consider(part);
        if (!h.after_kicker.empty()) consider(h.after_kicker);
    }
    if (best) return *best;

    // Nothing agrees: the article's own h1 is what a reader takes for the headline, then the
    // declared og:title, a headline-sized h2 in the article, the JSON-LD headline, <title>.
    auto plausible = [&](const Heading& h) {
        return !h.furniture && !h.masthead && !h.breadcrumb && !h.text.empty() &&
               !sites.is_site(h.text) && !ends_with_colon(h.text);
    };
    // Many h1 are a list of teasers or of translations, where the first says little.
    size_t h1 = std::count_if(s.headings.begin(), s.headings.end(),
                              [&](const Heading& h) { return h.level == 1 && plausible(h); });
    for (const Heading& h : s.headings)
        if (h1 <= 3 && h.level == 1 && plausible(h)) return h.text;
    if (!s.og_title.empty()) return sites.strip(s.og_title);
    for (const Heading& h : s.headings)
        if (h.level == 2 && h.in_article && plausible(h)) return h.text;
    if (!s.ld_headline.empty()) return s.ld_headline;
    if (s.title_tag.empty()) return {};
    return sites.strip(s.title_tag);
}

// A leading token of symbols only ("[> Jens Weber", "» Headline") is decoration, not title.
std::string without_leading_symbols(std::string title) {
    constexpr std::string_view kSymbols[] = {"[", "]", ">", "<", "|", "*", "~", "=", "#",
                                             "\xC2\xBB", "\xE2\x80\xBA", "\xE2\x80\xA2",
                                             "\xC2\xB7", "\xE2\x96\xBA", "\xE2\x96\xB6"};
    size_t i = 0;
    while (i < title.size()) {
        size_t n = 0;
        for (std::string_view sym : kSymbols)
            if (title.compare(i, sym.size(), sym) == 0) {
                n = sym.size();
                break;
            }
        if (n == 0) break;
        i += n;
    }
    if (i == 0 || i >= title.size() || title[i] != ' ') return title;
    return title.substr(i + 1);
}

}  // namespace

std::string choose_title(const TitleSources& s) {
    return without_leading_symbols(visible_text(choose_title_as_written(s)));
}

}  // namespace news

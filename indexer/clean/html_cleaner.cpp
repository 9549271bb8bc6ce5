#include "html_cleaner.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "boilerplate.hpp"

namespace news {

namespace {

constexpr uint32_t kNone = UINT32_MAX;

// ---------------------------------------------------------------------------------------------
// Elements

// Elements whose whole subtree is never article text.
bool is_dropped_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_LABEL:
        case GUMBO_TAG_MENU:
            return true;
        default:
            return false;
    }
}

// Elements that end the text run before them and start a new one: each holds its own block.
// Table cells are not among them: a row reads as one block ("Koos i-Size  gut  2,1").
bool is_block_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_HTML:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_HR:
            return true;
        default:
            return false;
    }
}

bool is_heading(GumboTag t) {
    return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
           t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

// ASCII lower case of `s` into `out` (reused between calls: no allocation per element).
void lower_into(std::string& out, std::string_view s) {
    out.assign(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
}

bool contains_ci(std::string_view haystack, std::string_view lower_needle) {
    if (lower_needle.size() > haystack.size()) return false;
    for (size_t i = 0; i + lower_needle.size() <= haystack.size(); ++i) {
        size_t k = 0;
        while (k < lower_needle.size()) {
            char c = haystack[i + k];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
            if (c != lower_needle[k]) break;
            ++k;
        }
        if (k == lower_needle.size()) return true;
    }
    return false;
}

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

// What a class or id value says about its element.
struct NameHints {
    FurnitureHint furniture = FurnitureHint::None;
    // Names furniture that may hold more prose than the article: a comment thread, a list of
    // related stories with their summaries.
    bool bulky = false;
    bool content = false;  // names the article's body ("article-body", "entry-content", "hentry")
};

// Names of the article's body in the common CMSs and site templates, without separators
// ("article__body", "entry-content", "hentry").
constexpr std::string_view kContentNames[] = {
    "articlebody",  "articlecontent", "articletext", "storybody", "storycontent", "storytext",
    "entrycontent", "postcontent",    "postbody",    "postentry", "contentbody",  "bodytext",
    "hentry",       "mainarticle",    "textbody",    "blogpost",  "articleinner", "newsbody",
    "newstext",     "articlecopy",    "storycopy"};

// Parts of names, without separators, that only furniture carries ("site-comments-list",
// "relatedposts", "share-bar", "read-more").
constexpr std::string_view kFurnitureStems[] = {
    "cookie",       "newsletter",  "advert",         "sponsor",    "social",     "share",
    "sharing",      "shariff",     "breadcrumb",     "readmore",   "subscribe",  "subscription",
    "promo",        "sidebar",     "footer",         "byline",     "caption",    "credit",
    "authorbio",    "authorbox",   "aboutauthor",    "authorinfo", "signup",     "skiplink",
    "screenreader", "sronly",      "visuallyhidden", "pagination", "navigation", "navbar",
    "toolbar",      "tagcloud",    "taglist",        "posttags",   "entrytags",  "articletags",
    "entrymeta",    "postmeta",    "articlemeta",    "gdpr",       "consent",    "paywall",
    "printonly",    "socialmedia", "followus"};

// Stems of furniture that may hold more prose than the article: a comment thread, a list of
// related stories with their summaries. Their size never makes them article text.
constexpr std::string_view kBulkyStems[] = {
    "comment",      "disqus",   "related",   "recommend",  "popular",    "trending",
    "morestories",  "mostread", "outbrain",  "taboola",    "teaserlist", "readnext",
    "morearticles", "similar",  "kommentar", "comentario", "komentarz",  "reacties"};

// Whole tokens (a name split on non-alphanumerics) that name furniture.
constexpr std::string_view kFurnitureTokens[] = {
    "nav",      "menu",     "menubar",     "footer",   "aside",      "ads",      "adslot",
    "adv",      "promo",    "share",       "tags",     "byline",     "credit",   "credits",
    "caption",  "masthead", "popup",       "modal",    "overlay",    "toolbar",  "meta",
    "date",     "time",     "timestamp",   "dateline", "author",     "rating",   "ratings",
    "print",    "pager",    "toc",         "login",    "search",     "cta",      "donate",
    "jump",     "skip",     "breadcrumbs", "keywords", "categories", "category", "bio",
    "feedback", "survey",   "poll",        "avatar",   "tooltip",    "lightbox", "slider",
    "carousel", "related",  "comments"};

// Tokens that name furniture but also layout wrappers: weak evidence only.
constexpr std::string_view kWeakTokens[] = {"ad", "header", "banner", "widget", "widgets"};

// Parts of names of layout elements: a name with one of them ("page-wrapper", "main-content")
// is a wrapper whatever modifier it carries, so its furniture tokens count only as weak.
constexpr std::string_view kLayoutStems[] = {"wrapper", "container", "layout", "page",
                                             "main",    "content",   "wrap",   "inner"};

// Tokens that negate the name they start: "has-sidebar", "no-comments", "with-share".
bool is_negation(std::string_view token) {
    return token == "has" || token == "no" || token == "with" || token == "without" ||
           token == "hide" || token == "is" || token == "js";
}

// The stems of the three lists above, indexed by first letter, so that a name is scanned once
// for all of them.
class StemIndex {
  public:
    enum Kind : uint8_t { kBulky = 1, kContent = 2, kFurniture = 4 };

    StemIndex() {
        for (std::string_view k : kBulkyStems)
            m_by_first[static_cast<unsigned char>(k[0])].push_back({k, kBulky});
        for (std::string_view k : kContentNames)
            m_by_first[static_cast<unsigned char>(k[0])].push_back({k, kContent});
        for (std::string_view k : kFurnitureStems)
            m_by_first[static_cast<unsigned char>(k[0])].push_back({k, kFurniture});
    }

    // The kinds of the stems found in `s` (lower case, alphanumerics only).
    uint8_t kinds(std::string_view s) const {
        uint8_t found = 0;
        for (size_t i = 0; i < s.size(); ++i) {
            for (const Entry& e : m_by_first[static_cast<unsigned char>(s[i])]) {
                if (s.compare(i, e.stem.size(), e.stem) != 0) continue;
                // "commentary" is an opinion article, not a comment thread.
                if (e.kind == kBulky && e.stem == "comment" && s.compare(i, 10, "commentary") == 0)
                    continue;
                found |= e.kind;
            }
        }
        return found;
    }

  private:
    struct Entry {
        std::string_view stem;
        Kind kind;
    };
    std::vector<Entry> m_by_first[256];
};

const StemIndex& stem_index() {
    static const StemIndex index;
    return index;
}

// The hint of one token of a name: Strong for kFurnitureTokens, Weak for kWeakTokens.
FurnitureHint token_hint(std::string_view token) {
    static const std::unordered_map<std::string_view, FurnitureHint> tokens = [] {
        std::unordered_map<std::string_view, FurnitureHint> t;
        for (std::string_view k : kFurnitureTokens)
            t.emplace(k, FurnitureHint::Strong);
        for (std::string_view k : kWeakTokens)
            t.emplace(k, FurnitureHint::Weak);
        return t;
    }();
    if (token.size() > 12) return FurnitureHint::None;  // longer than any listed token
    auto it = tokens.find(token);
    return it == tokens.end() ? FurnitureHint::None : it->second;
}

// The hints of one class name (or an id), lower case.
void one_name_hints(std::string_view name, std::string& squeezed, NameHints& h) {
    // The name's first token: a negation or a script hook ("js-related-toggle") says nothing
    // about what the element is.
    size_t first_end = 0;
    while (first_end < name.size() && is_alnum(name[first_end]))
        ++first_end;
    if (is_negation(name.substr(0, first_end))) return;
    // A CMS's topic classes on a post ("tag-comments", "category-advertising") name what the
    // post is about, not what the element is.
    for (std::string_view topic : {"tag-", "category-", "tags-", "cat-"})
        if (name.starts_with(topic) && !name.ends_with("cloud") && !name.ends_with("list") &&
            !name.ends_with("links"))
            return;
    // States ("comments-open", "share-enabled") describe the page, not the element.
    if (name.ends_with("open") || name.ends_with("closed") || name.ends_with("enabled") ||
        name.ends_with("disabled") || name.ends_with("active"))
        return;
    squeezed.clear();
    for (char c : name)
        if (is_alnum(c)) squeezed += c;
    const uint8_t kinds = stem_index().kinds(squeezed);
    if (kinds & StemIndex::kBulky) {
        h.furniture = FurnitureHint::Strong;
        h.bulky = true;
        return;
    }
    if (kinds & StemIndex::kContent) {
        h.content = true;
        return;
    }
    if (kinds & StemIndex::kFurniture) {
        h.furniture = FurnitureHint::Strong;
        return;
    }
    size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && !is_alnum(name[i]))
            ++i;
        size_t j = i;
        while (j < name.size() && is_alnum(name[j]))
            ++j;
        if (j == i) break;
        std::string_view token = name.substr(i, j - i);
        if (is_negation(token)) break;  // "o-section--has-ads": a modifier of a section
        FurnitureHint found = token_hint(token);
        if (found == FurnitureHint::Strong) {
            for (std::string_view k : kLayoutStems)
                if (squeezed.find(k) != std::string::npos) found = FurnitureHint::Weak;
        }
        h.furniture = std::max(h.furniture, found);
        i = j;
    }
}

// Buffers reused from element to element, and the hints of the class values met so far on the
// page (most elements share a few class values).
struct NameScratch {
    std::string lower;
    std::string squeezed;
    std::unordered_map<std::string_view, NameHints> classes;
};

// The hints of a class attribute (names separated by spaces) or an id. A name of the article's
// body outweighs furniture names beside it, except the bulky ones ("hentry related-post").
NameHints name_hints(std::string_view value, NameScratch& scratch) {
    NameHints h;
    if (value.empty()) return h;
    lower_into(scratch.lower, value);
    std::string_view l = scratch.lower;
    size_t i = 0;
    while (i < l.size()) {
        while (i < l.size() && (l[i] == ' ' || l[i] == '\t' || l[i] == '\n'))
            ++i;
        size_t j = i;
        while (j < l.size() && l[j] != ' ' && l[j] != '\t' && l[j] != '\n')
            ++j;
        if (j > i) one_name_hints(l.substr(i, j - i), scratch.squeezed, h);
        i = j;
    }
    if (h.content && !h.bulky) h.furniture = FurnitureHint::None;
    return h;
}

// name_hints() of a class value, remembered for the page (`value` lives as long as the tree).
NameHints class_hints(std::string_view value, NameScratch& scratch) {
    auto it = scratch.classes.find(value);
    if (it != scratch.classes.end()) return it->second;
    NameHints h = name_hints(value, scratch);
    scratch.classes.emplace(value, h);
    return h;
}

// ---------------------------------------------------------------------------------------------
// The walk: elements in preorder and text blocks in document order

struct Node {
    uint32_t parent = kNone;
    uint32_t end = 0;  // one past the index of the last element of the subtree (preorder)
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    FurnitureHint hint = FurnitureHint::None;
    bool bulky = false;
    bool content = false;
    bool anchor = false;  // holds the article's h1 or its itemprop=articleBody element
    // Named both as an article's body and as bulky furniture: a related story's teaser ("hentry
    // related-post"), or a post whose topic classes say "comments" ("hentry tag-comentarios").
    bool mixed = false;
    // Sums over the subtree's blocks, filled after the walk.
    double prose = 0.0;  // text of prose-like blocks, whatever hints say
    double good = 0.0;   // article-like text
    double bad = 0.0;    // furniture-like text
};

using Class = BlockClass;

struct Block {
    std::string text;
    uint32_t node = 0;       // the innermost block element (or hinted inline element) holding it
    uint32_t group = kNone;  // the innermost list or table holding it
    uint32_t chars = 0;
    uint32_t link_chars = 0;
    bool space = false;     // whitespace seen since the last character
    bool after_br = false;  // a <br> is the last thing in the run
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    FurnitureHint furniture = FurnitureHint::None;
    Class cls = Class::Bad;
    ProseStats stats;
};

bool is_space_at(const unsigned char* p, size_t i, size_t n, size_t& len) {
    unsigned char c = p[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        len = 1;
        return true;
    }
    // U+00A0 no-break space, U+2009 thin space, U+202F narrow no-break space.
    if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {
        len = 2;
        return true;
    }
    if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0x89 || p[i + 2] == 0xAF)) {
        len = 3;
        return true;
    }
    return false;
}

// Appends text to a block with whitespace runs collapsed to one space, counting characters.
void append_text(Block& b, std::string_view s, bool link) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        size_t len;
        if (is_space_at(p, i, n, len)) {
            b.space = true;
            i += len;
            continue;
        }
        size_t j = i;
        uint32_t chars = 0;
        while (j < n && !is_space_at(p, j, n, len)) {
            if ((p[j] & 0xC0) != 0x80) ++chars;
            ++j;
        }
        if (b.space && !b.text.empty()) {
            b.text += ' ';
            ++b.chars;
            if (link) ++b.link_chars;
        }
        b.space = false;
        b.after_br = false;
        b.text.append(s.data() + i, j - i);
        b.chars += chars;
        if (link) b.link_chars += chars;
        i = j;
    }
}

// Text that starts with an HTML tag ("<img height=...", "<iframe src=..."): markup that a
// parser kept as text, inside <noscript> or escaped in a CMS field.
bool looks_like_markup(std::string_view text) {
    size_t i = text.find_first_not_of(" \t\n\r\f");
    if (i == std::string_view::npos || text[i] != '<') return false;
    std::string_view rest = text.substr(i + 1);
    for (std::string_view tag : {"img ", "a ", "iframe", "div", "span", "script", "p>", "br", "/"})
        if (rest.size() >= tag.size() && contains_ci(rest.substr(0, tag.size()), tag)) return true;
    return false;
}

struct ElementInfo {
    bool dropped = false;
    NameHints names;
    bool role_furniture = false;
    bool role_banner = false;
    bool article_body = false;
};

ElementInfo element_info(const GumboNode* n, NameScratch& scratch) {
    ElementInfo info;
    const GumboVector& attrs = n->v.element.attributes;
    for (unsigned i = 0; i < attrs.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
        std::string_view name = a->name;
        std::string_view value = a->value;
        if (name == "class" || name == "id") {
            NameHints h =
                name == "class" ? class_hints(value, scratch) : name_hints(value, scratch);
            info.names.furniture = std::max(info.names.furniture, h.furniture);
            info.names.bulky = info.names.bulky || h.bulky;
            info.names.content = info.names.content || h.content;
        } else if (name == "role") {
            if (value == "navigation" || value == "contentinfo" || value == "complementary" ||
                value == "menu" || value == "menubar" || value == "search" || value == "dialog")
                info.role_furniture = true;
            else if (value == "banner")
                info.role_banner = true;
        } else if (name == "style") {
            if (contains_ci(value, "display:none") || contains_ci(value, "display: none") ||
                contains_ci(value, "visibility:hidden") || contains_ci(value, "visibility: hidden"))
                info.dropped = true;
        } else if (name == "hidden") {
            info.dropped = true;
        } else if (name == "aria-hidden") {
            if (value == "true") info.dropped = true;
        } else if (name == "itemprop") {
            if (value == "articleBody" || value == "articlebody") {
                info.article_body = true;
                info.names.content = true;
            }
        }
    }
    return info;
}

struct Page {
    std::vector<Node> nodes;
    std::vector<Block> blocks;
    uint32_t title = kNone;  // the first <h1>: the headline, which the title carries
};

// One iterative pass over the tree (pages nest thousands deep; the stack is not the limit).
Page read_page(const GumboNode* root) {
    Page page;
    NameScratch scratch;
    uint32_t first_h1 = kNone;

    struct Frame {
        const GumboNode* node;
        uint32_t index;       // in page.nodes
        uint32_t next_child;  // next child to visit
        uint32_t owner;       // the block owner outside this element, restored on leaving
        bool boundary;        // this element ends and starts text runs
        bool link;
        bool article;    // an <article>, <main> or an element named as the article's body
        uint32_t group;  // the list or table outside this element, restored on leaving
    };
    std::vector<Frame> stack;
    uint32_t owner = kNone;    // the innermost block element: owner of new runs
    uint32_t current = kNone;  // the open run (index in page.blocks), if any
    int link_depth = 0;
    int article_depth = 0;
    uint32_t group = kNone;  // the innermost open list or table

    auto enter = [&](const GumboNode* n) -> bool {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
            n->type == GUMBO_NODE_WHITESPACE) {
            std::string_view text = n->v.text.text;
            // Markup kept as text (a <noscript> tracking pixel, escaped embed code) is no prose.
            if (looks_like_markup(text)) return false;
            if (current == kNone) {
                if (owner == kNone || n->type == GUMBO_NODE_WHITESPACE) return false;
                if (text.find_first_not_of(" \t\n\r\f") == std::string_view::npos) return false;
                Block b;
                b.node = owner;
                b.group = group;
                b.tag = page.nodes[owner].tag;
                page.blocks.push_back(std::move(b));
                current = static_cast<uint32_t>(page.blocks.size() - 1);
            }
            append_text(page.blocks[current], text, link_depth > 0);
            return false;
        }
        if (n->type != GUMBO_NODE_ELEMENT) return false;
        GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_BR) {
            if (current != kNone) {
                Block& b = page.blocks[current];
                // Two line breaks in a row end a paragraph of a <br>-separated text.
                if (b.after_br)
                    current = kNone;
                else
                    b.space = b.after_br = true;
            }
            return false;
        }
        if (is_dropped_tag(t)) return false;
        ElementInfo info = element_info(n, scratch);
        if (info.dropped) return false;

        Node node;
        node.parent = stack.empty() ? kNone : stack.back().index;
        node.tag = t;
        node.content = info.names.content && !info.names.bulky;
        node.mixed = info.names.content && info.names.bulky;
        if (t != GUMBO_TAG_BODY && t != GUMBO_TAG_HTML && t != GUMBO_TAG_ARTICLE &&
            t != GUMBO_TAG_MAIN && !node.content) {
            node.hint = info.names.furniture;
            node.bulky = info.names.bulky;
            if (info.role_furniture || t == GUMBO_TAG_NAV || t == GUMBO_TAG_ASIDE ||
                t == GUMBO_TAG_FOOTER)
                node.hint = FurnitureHint::Strong;
            // The site's header is furniture; an article's own <header> holds its headline,
            // standfirst and byline.
            if (t == GUMBO_TAG_HEADER || info.role_banner)
                node.hint = std::max(
                    node.hint, article_depth > 0 ? FurnitureHint::Weak : FurnitureHint::Strong);
            // <noscript> mostly says "enable JavaScript", but some pages that render with
            // scripts put the whole article there.
            if (t == GUMBO_TAG_NOSCRIPT) node.hint = std::max(node.hint, FurnitureHint::Weak);
        }
        const auto index = static_cast<uint32_t>(page.nodes.size());
        node.anchor = info.article_body;
        if (t == GUMBO_TAG_H1 && first_h1 == kNone) first_h1 = index;
        page.nodes.push_back(node);

        // Furniture inside a paragraph (a credit <span>, a "share" link) gets a block of its own,
        // so its hint applies to its text alone.
        bool boundary = is_block_tag(t) || node.hint == FurnitureHint::Strong;
        bool link = t == GUMBO_TAG_A;
        bool article = t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN || node.content;
        stack.push_back({n, index, 0, owner, boundary, link, article, group});
        if (article) ++article_depth;
        if (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL || t == GUMBO_TAG_TABLE)
            group = index;
        if (boundary) {
            current = kNone;
            owner = index;
        } else if (current != kNone && (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH)) {
            page.blocks[current].space = true;
        }
        if (link) ++link_depth;
        return true;
    };

    if (!enter(root)) return page;
    while (!stack.empty()) {
        Frame& top = stack.back();
        const GumboNode* node = top.node;
        const GumboVector* children = node->type == GUMBO_NODE_ELEMENT ? &node->v.element.children
                                                                       : &node->v.document.children;
        if (top.next_child < children->length) {
            const auto* child = static_cast<const GumboNode*>(children->data[top.next_child++]);
            enter(child);
            continue;
        }
        Frame done = top;
        stack.pop_back();
        page.nodes[done.index].end = static_cast<uint32_t>(page.nodes.size());
        if (done.link) --link_depth;
        if (done.article) --article_depth;
        group = done.group;
        if (done.boundary) {
            current = kNone;
            owner = done.owner;
        } else if (current != kNone &&
                   (node->v.element.tag == GUMBO_TAG_TD || node->v.element.tag == GUMBO_TAG_TH)) {
            page.blocks[current].space = true;
        }
    }
    if (first_h1 != kNone) page.nodes[first_h1].anchor = true;
    page.title = first_h1;
    return page;
}

// ---------------------------------------------------------------------------------------------
// Classification

double link_density(const Block& b) {
    return b.chars ? static_cast<double>(b.link_chars) / b.chars : 0.0;
}

// A heading of this many characters and two sentence marks is a paragraph styled big (a
// standfirst in an <h2>), and is judged as one.
constexpr uint32_t kProseHeadingChars = 100;
// Blocks below this length are "short": too short to judge alone (jusText's threshold is 70
// characters of plain text, lower suits headlines and list items in German and French).
constexpr uint32_t kShortChars = 40;
// Stop-word share of prose: function words make a quarter or more of running text.
constexpr double kProseStopwords = 0.25;
// Furniture phrases are only looked for in blocks up to this length.
constexpr uint32_t kPhraseChars = 200;

// The jusText classes of one block, before context: Good prose, NearGood (prose-like but weak
// evidence, or text that is no prose but no furniture either: a list of ingredients, a row of a
// table), Short (too short to judge), Bad (links, furniture), Heading.
Class classify(const Block& b, int language) {
    if (b.furniture == FurnitureHint::Strong) return Class::Bad;
    const double ld = link_density(b);
    if (is_heading(b.tag) && (b.chars < kProseHeadingChars || b.stats.sentence_marks < 2)) {
        if (ld > 0.5 || is_furniture_heading(b.text)) return Class::Bad;
        return Class::Heading;
    }
    if (b.chars < kPhraseChars &&
        (starts_with_furniture_phrase(b.text) || is_furniture_heading(b.text)))
        return Class::Bad;
    // A date line is judged by its neighbours like any short block, and is never a sign that
    // the article has ended (a date between a headline and the text is common).
    if (b.chars <= 90 && b.text.find_first_of("0123456789") != std::string::npos &&
        is_date_line(b.text))
        return Class::Short;
    if (ld > 0.8) return Class::Bad;
    // Stop words of the page's language, or of another one for a passage in another language
    // (judged only on enough words: short words collide across languages).
    double sd = stopword_density(b.stats, language);
    if (b.stats.words >= 8) sd = std::max(sd, best_stopword_density(b.stats));
    const bool known = language >= 0 || sd >= kProseStopwords;
    Class c;
    if (b.chars < kShortChars) {
        c = ld > 0.5 ? Class::Bad : Class::Short;
    } else if (ld > 0.4) {
        // Many links: a menu or a teaser list, unless a good deal of prose surrounds them (a
        // news digest whose items link their sources, names linked to profile cards).
        const bool prose = (b.chars >= 120 && sd >= kProseStopwords) ||
                           (b.chars - b.link_chars >= 100 &&
                            (sd >= 0.2 || (!known && b.stats.sentence_marks >= 2)));
        return prose ? Class::NearGood : Class::Bad;
    } else if (known) {
        c = sd >= kProseStopwords && b.chars >= 70 ? Class::Good : Class::NearGood;
    } else {
        // No stop-word list fits the page: sentence marks and length are the evidence.
        c = b.chars >= 100 && b.stats.sentence_marks >= 1 ? Class::Good : Class::NearGood;
    }
    if (ld > 0.2 && c == Class::Good) c = Class::NearGood;
    // Weak hints (an "ad" wrapper, a <noscript>, an article's <header>) let prose through as
    // near-good only.
    if (b.furniture == FurnitureHint::Weak) c = c == Class::Good ? Class::NearGood : Class::Bad;
    return c;
}

// How much a block counts for (`good`) or against (`bad`) a container holding it.
void weigh(const Block& b, double& good, double& bad) {
    const double chars = b.chars;
    const double plain = chars - b.link_chars;
    good = bad = 0.0;
    switch (b.cls) {
        case Class::Good:
            good = plain;
            bad = b.link_chars;
            break;
        case Class::NearGood:
            good = 0.5 * plain;
            bad = b.link_chars;
            break;
        case Class::Short:
            bad = 0.3 * chars;
            break;
        case Class::Heading:
            break;
        case Class::Bad:
            // Furniture that its names give away is dropped wherever the container ends up, so
            // it weighs little against a container that holds it (a share bar inside the post).
            bad = b.furniture == FurnitureHint::Strong ? 0.2 * chars : chars;
            break;
    }
}

bool is_item(GumboTag t) {
    return t == GUMBO_TAG_LI || t == GUMBO_TAG_DD || t == GUMBO_TAG_DT || t == GUMBO_TAG_TR;
}

// Context smoothing over the container's blocks (jusText's idea): a short or near-good block
// between article text is article text, between furniture it is furniture. Headings are kept
// when good text follows them before the next heading.
void smooth(std::vector<Block>& blocks, const std::vector<uint32_t>& order) {
    const size_t n = order.size();
    std::vector<Class> cls(n);
    std::vector<uint32_t> chars(n);
    for (size_t i = 0; i < n; ++i) {
        cls[i] = blocks[order[i]].cls;
        chars[i] = blocks[order[i]].chars;
    }
    std::vector<Class> before, after;
    // Near-good blocks: good unless furniture lies on both sides. The container's edges are
    // no evidence either way (it was chosen to hold the article): an article of lists and
    // tables alone is kept.
    judged_neighbours(cls, chars, true, Class::Short, before, after);
    std::vector<Class> out = cls;
    for (size_t i = 0; i < n; ++i)
        if (cls[i] == Class::NearGood)
            out[i] = before[i] == Class::Bad && after[i] == Class::Bad ? Class::Bad : Class::Good;
    cls = out;
    // Short blocks: kept between article text on both sides; the items of a list or table
    // that article text introduces are kept whatever follows them.
    judged_neighbours(cls, chars, false, Class::Bad, before, after);
    for (size_t i = 0; i < n; ++i) {
        if (cls[i] != Class::Short) continue;
        const bool item = is_item(blocks[order[i]].tag);
        out[i] =
            before[i] != Class::Bad && (after[i] != Class::Bad || item) ? Class::Good : Class::Bad;
    }
    // Lists and tables: the items of a list or table that is not a list of links are kept
    // together when article text stands next to it (a table of results, a list of
    // ingredients): their items are too short to judge one by one.
    for (size_t i = 0; i < n;) {
        const uint32_t g = blocks[order[i]].group;
        size_t end = i + 1;
        while (end < n && blocks[order[end]].group == g)
            ++end;
        if (g != kNone && end - i >= 2) {
            uint64_t total = 0, links = 0;
            for (size_t j = i; j < end; ++j) {
                total += blocks[order[j]].chars;
                links += blocks[order[j]].link_chars;
            }
            const bool introduced = before[i] == Class::Good || after[end - 1] == Class::Good;
            if (introduced && links * 2 < total) {
                for (size_t j = i; j < end; ++j) {
                    if (out[j] == Class::Short || out[j] == Class::NearGood ||
                        (out[j] == Class::Bad && cls[j] != Class::Bad))
                        out[j] = Class::Good;
                }
            }
        }
        i = end;
    }
    // Headings: kept when good text follows before the next heading (a backward pass keeps
    // this linear).
    bool good_follows = false;
    for (size_t i = n; i-- > 0;) {
        if (cls[i] == Class::Heading) {
            out[i] = good_follows ? Class::Good : Class::Bad;
            good_follows = false;
        } else if (out[i] == Class::Good) {
            good_follows = true;
        } else if (out[i] == Class::Bad && chars[i] >= kShortChars) {
            good_follows = false;
        }
    }
    for (size_t i = 0; i < n; ++i)
        blocks[order[i]].cls = out[i];
}

// The page's language: the stop-word list that fits its text best (-1 when none does).
int page_language(std::vector<Block>& blocks) {
    ProseStats totals;
    for (Block& b : blocks) {
        b.stats = prose_stats(b.text);
        totals.words += b.stats.words;
        for (size_t l = 0; l < kStopwordLanguages; ++l)
            totals.stopwords[l] = static_cast<uint16_t>(
                std::min<uint32_t>(65535u, totals.stopwords[l] + b.stats.stopwords[l]));
    }
    return dominant_language(totals);
}

// Sums `field` of every node into its ancestors (children follow parents in preorder).
template <typename Field>
void sum_up(std::vector<Node>& nodes, Field field) {
    for (size_t i = nodes.size(); i-- > 1;)
        if (nodes[i].parent != kNone) field(nodes[nodes[i].parent]) += field(nodes[i]);
}

// The furniture each block lies in. Hints are not taken at their word: a hinted element is
// not furniture when it holds the headline or the itemprop=articleBody element (a wrapper with
// an unlucky name, "post category-advertising"), or most of the page's prose (layout named
// after a sidebar it has), or, inside the article's body, a good share of it (a section named
// "TestReport__Section--Ads"). Comment threads and related-story lists may outgrow the article
// and stay furniture whatever their size. Returns for each node whether it is inside an
// element named as the article's body.
std::vector<bool> assign_furniture(std::vector<Node>& nodes, std::vector<Block>& blocks) {
    for (const Block& b : blocks)
        if (b.chars >= kShortChars && link_density(b) < 0.3)
            nodes[b.node].prose += b.chars - b.link_chars;
    sum_up(nodes, [](Node& n) -> double& { return n.prose; });
    for (size_t i = nodes.size(); i-- > 1;)
        if (nodes[i].parent != kNone && nodes[i].anchor) nodes[nodes[i].parent].anchor = true;
    const double page_prose = nodes[0].prose;

    std::vector<FurnitureHint> furniture(nodes.size(), FurnitureHint::None);
    std::vector<bool> in_body(nodes.size(), false);
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        const bool body = n.parent != kNone && in_body[n.parent];
        const double share = page_prose > 0 ? n.prose / page_prose : 0.0;
        // A post that holds half the page's prose is the article, whatever its topics.
        const bool content = n.content || (n.mixed && share >= 0.5);
        in_body[i] = body || content;
        FurnitureHint own = content ? FurnitureHint::None : n.hint;
        if (n.anchor || (own == FurnitureHint::Strong && !n.bulky && share >= (body ? 0.1 : 0.6)) ||
            (own == FurnitureHint::Weak && share >= 0.3))
            own = FurnitureHint::None;
        const FurnitureHint inherited =
            n.parent == kNone ? FurnitureHint::None : furniture[n.parent];
        furniture[i] = std::max(inherited, own);
    }
    for (Block& b : blocks)
        b.furniture = furniture[b.node];
    return in_body;
}

// The article's container: the element whose blocks hold the most good text for the least
// furniture (good - bad / 2, summed over the subtree). An article split over sibling <div>s is
// taken whole, a sidebar or a comment thread beside it is left out. kNone when no element
// holds enough prose to be an article (a home page, a section front).
uint32_t choose_container(std::vector<Node>& nodes, const std::vector<Block>& blocks,
                          const std::vector<bool>& in_body) {
    // A text met again further down the page (a teaser repeated in two widgets, a warning
    // printed in every box, a meal plan's recurring dish) adds nothing to its container's
    // claim the second time.
    std::unordered_map<std::string_view, bool> seen;
    seen.reserve(blocks.size());
    for (const Block& b : blocks) {
        if (b.chars >= 10 && b.cls != Class::Bad && !seen.emplace(b.text, true).second) continue;
        double good, bad;
        weigh(b, good, bad);
        // Text inside an element named as the article's body counts more.
        if (in_body[b.node]) good *= 1.5;
        nodes[b.node].good += good;
        nodes[b.node].bad += bad;
    }
    sum_up(nodes, [](Node& n) -> double& { return n.good; });
    sum_up(nodes, [](Node& n) -> double& { return n.bad; });
    uint32_t best = kNone;
    double best_score = 0.0;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const double score = nodes[i].good - 0.5 * nodes[i].bad;
        if (score > best_score) {
            best_score = score;
            best = static_cast<uint32_t>(i);
        }
    }
    return best != kNone && nodes[best].good >= 50.0 ? best : kNone;
}

// The container's blocks in document order (a subtree's text is one stretch of the page), and
// before them the prose just above the container up to the first furniture: a standfirst or a
// lead paragraph in the article's header, a sibling of its body.
std::vector<uint32_t> article_blocks(const std::vector<Node>& nodes,
                                     const std::vector<Block>& blocks, uint32_t container) {
    const uint32_t lo = container, hi = nodes[container].end;
    size_t first = blocks.size(), last = 0;
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].node < lo || blocks[i].node >= hi) continue;
        first = std::min(first, i);
        last = i;
    }
    if (first == blocks.size()) return {};
    size_t k = first;
    bool lead = false;
    while (k > 0 && first - k < 12) {
        const Block& b = blocks[k - 1];
        if (b.cls == Class::Bad || b.furniture != FurnitureHint::None) break;
        lead = lead || b.cls == Class::Good;
        --k;
    }
    std::vector<uint32_t> order;
    for (size_t i = lead ? k : first; i <= last; ++i)
        if (i < first || (blocks[i].node >= lo && blocks[i].node < hi))
            order.push_back(static_cast<uint32_t>(i));
    return order;
}

// Text after a furniture heading ("Related stories", "Lesen Sie auch") inside the heading's
// own section is that section's links and teasers. A heading straight in the article's body
// (its section holds most of the article) heads no section of its own.
void drop_furniture_sections(const std::vector<Node>& nodes, std::vector<Block>& blocks,
                             const std::vector<uint32_t>& order, uint32_t container) {
    for (size_t k = 0; k < order.size(); ++k) {
        const Block& h = blocks[order[k]];
        if (!is_heading(h.tag) || h.cls != Class::Bad || !is_furniture_heading(h.text)) continue;
        const uint32_t section = nodes[h.node].parent;
        if (section == kNone || section <= container ||
            nodes[section].good > 0.5 * nodes[container].good)
            continue;
        for (size_t j = k + 1; j < order.size(); ++j) {
            Block& b = blocks[order[j]];
            if (b.node < section || b.node >= nodes[section].end) break;
            b.cls = Class::Bad;
        }
    }
}

// Runs: stretches of article text that furniture separates (a headline link and a byline
// between two teaser summaries; tags and a "More stories" list after the article). After the
// run with the most prose, a small run (a teaser's summary under "More from the site") is not
// the article's. Measured before smoothing, which would blur the gaps.
std::vector<bool> stray_runs(const std::vector<Block>& blocks, const std::vector<uint32_t>& order) {
    std::vector<uint32_t> run_of(order.size(), 0);
    std::vector<double> mass(1, 0.0);
    int gap_blocks = 0;
    uint32_t gap_chars = 0;
    for (size_t k = 0; k < order.size(); ++k) {
        const Block& b = blocks[order[k]];
        if (b.cls == Class::Bad) {
            ++gap_blocks;
            gap_chars += b.chars;
            continue;
        }
        if (b.cls != Class::Good && b.cls != Class::NearGood) continue;
        if (mass.back() > 0.0 && (gap_blocks >= 2 || gap_chars >= 100)) mass.push_back(0.0);
        mass.back() += b.cls == Class::Good ? b.chars : 0.5 * b.chars;
        gap_blocks = 0;
        gap_chars = 0;
        run_of[k] = static_cast<uint32_t>(mass.size() - 1);
    }
    // Blocks between runs belong to the run that follows them (a heading to its section).
    auto next = static_cast<uint32_t>(mass.size() - 1);
    for (size_t k = order.size(); k-- > 0;) {
        const Class c = blocks[order[k]].cls;
        if (c == Class::Good || c == Class::NearGood)
            next = run_of[k];
        else
            run_of[k] = next;
    }
    const auto main_run =
        static_cast<uint32_t>(std::max_element(mass.begin(), mass.end()) - mass.begin());
    std::vector<bool> stray(order.size(), false);
    for (size_t k = 0; k < order.size(); ++k) {
        const uint32_t r = run_of[k];
        stray[k] = r > main_run && mass[r] < 0.3 * mass[main_run] && mass[r] < 500.0;
    }
    return stray;
}

// The element a page without prose has its article in: its one <article>, else the element
// named as the article's body, else its one <main>; kNone on a page of several articles (a
// list of teasers) or of none.
uint32_t brief_container(const std::vector<Node>& nodes) {
    uint32_t article = kNone, main = kNone;
    int articles = 0, mains = 0;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        if (n.tag == GUMBO_TAG_ARTICLE && articles++ == 0) article = static_cast<uint32_t>(i);
        if (n.tag == GUMBO_TAG_MAIN && mains++ == 0) main = static_cast<uint32_t>(i);
    }
    if (articles == 1) return article;
    if (articles > 1) return kNone;
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].content && !nodes[i].bulky && !nodes[i].mixed)
            return static_cast<uint32_t>(i);
    return mains == 1 ? main : kNone;
}

// A brief made of figures and short lines ("Shr 22 cts vs 18 cts", "Net 1,234,000 vs
// 987,000"), a results table: no block is prose, so no container wins, yet the article element
// holds the story. Its short and near-good blocks, in document order, are the text when
// nothing marks them as furniture and they add up to a line at least.
std::vector<TextBlock> brief_blocks(const Page& page, uint32_t box) {
    if (box == kNone) return {};
    const uint32_t lo = box, hi = page.nodes[box].end;
    std::vector<TextBlock> out;
    size_t chars = 0;
    for (const Block& b : page.blocks) {
        if (b.node < lo || b.node >= hi) continue;
        if (b.cls != Class::Short && b.cls != Class::NearGood) continue;
        if (b.furniture != FurnitureHint::None || link_density(b) > 0.5 || is_heading(b.tag) ||
            b.node == page.title)
            continue;
        out.push_back({b.text, gumbo_normalized_tagname(b.tag)});
        chars += b.chars;
    }
    if (chars < 20) return {};
    return out;
}

}  // namespace

FurnitureHint furniture_hint(std::string_view class_or_id) {
    NameScratch scratch;
    NameHints h = name_hints(class_or_id, scratch);
    return h.content && !h.bulky ? FurnitureHint::None : h.furniture;
}

bool is_boilerplate_hint(std::string_view class_or_id) {
    return furniture_hint(class_or_id) != FurnitureHint::None;
}

std::vector<TextBlock> extract_main_blocks(const HtmlDocument& doc) {
    Page page = read_page(doc.root());
    std::vector<Node>& nodes = page.nodes;
    std::vector<Block>& blocks = page.blocks;
    if (blocks.empty() || nodes.empty()) return {};

    const int language = page_language(blocks);
    const std::vector<bool> in_body = assign_furniture(nodes, blocks);
    for (Block& b : blocks)
        b.cls = classify(b, language);
    const uint32_t container = choose_container(nodes, blocks, in_body);
    if (container == kNone) return brief_blocks(page, brief_container(nodes));
    const std::vector<uint32_t> order = article_blocks(nodes, blocks, container);
    drop_furniture_sections(nodes, blocks, order, container);
    const std::vector<bool> stray = stray_runs(blocks, order);
    // Without prose, the page may still be a brief (see brief_blocks): judged before smoothing,
    // which would take its short lines for furniture.
    std::vector<TextBlock> brief;
    if (std::none_of(order.begin(), order.end(),
                     [&](uint32_t i) { return blocks[i].cls == Class::Good; }))
        brief = brief_blocks(page, brief_container(nodes));
    smooth(blocks, order);

    std::vector<TextBlock> out;
    for (size_t k = 0; k < order.size(); ++k) {
        const Block& b = blocks[order[k]];
        if (b.cls != Class::Good || stray[k]) continue;
        // The headline is the title, not body text: the page's first <h1>, and an <h1> above
        // the article's text (when the first one is the site's logo). Later ones are sections.
        if (b.node == page.title || (b.tag == GUMBO_TAG_H1 && out.empty())) continue;
        out.push_back({b.text, gumbo_normalized_tagname(b.tag)});
    }
    return out.empty() ? brief : out;
}

std::string join_blocks(const std::vector<TextBlock>& blocks) {
    std::string out;
    for (const TextBlock& b : blocks) {
        if (!out.empty()) out += "\n\n";
        out += b.text;
    }
    return out;
}

}  // namespace news

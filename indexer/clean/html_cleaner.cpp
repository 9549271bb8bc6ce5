#include "html_cleaner.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

#include "text.hpp"

namespace news {

namespace {

// Elements whose whole subtree is never article text.
bool is_dropped_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE: case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
        case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_HEAD: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_LABEL:
        case GUMBO_TAG_MENU:
            return true;
        default:
            return false;
    }
}

// Elements that start a block of text of their own.
bool is_block_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
        case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
        case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
        case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
        case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
        case GUMBO_TAG_FIGURE: case GUMBO_TAG_CENTER: case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_DL:
            return true;
        default:
            return false;
    }
}

bool is_heading(GumboTag t) {
    return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
           t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Words in class/id values that mark the article body; they outweigh weak furniture hints.
bool is_content_hint(std::string_view class_or_id) {
    static constexpr std::array<std::string_view, 10> kContent{
        "article-body", "articlebody", "article-content", "story-body", "storybody",
        "entry-content", "post-content", "article__body", "story-content", "content-body"};
    std::string l = lower(class_or_id);
    for (std::string_view k : kContent)
        if (l.find(k) != std::string::npos) return true;
    return false;
}

bool is_hidden(const GumboNode* node) {
    if (!attribute(node, "hidden").empty() || attribute(node, "aria-hidden") == "true") return true;
    std::string style = lower(attribute(node, "style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    return style.find("display:none") != std::string::npos ||
           style.find("visibility:hidden") != std::string::npos;
}

struct Block {
    std::string text;
    size_t link_chars = 0;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    const GumboNode* element = nullptr;  // the element that opened the block
    const GumboNode* parent = nullptr;   // its parent element (for scoring containers)
    bool in_content_hint = false;
};

size_t count_chars(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// Punctuation that ends sentences: prose has it, menus and tag lists rarely do.
size_t sentence_marks(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if (c == '.' || c == ',' || c == '?' || c == '!' || c == ';' || c == ':') ++n;
    return n;
}

}  // namespace

bool is_boilerplate_hint(std::string_view class_or_id) {
    if (class_or_id.empty()) return false;
    std::string l = lower(class_or_id);
    // Split into tokens on separators so "ad" matches "ad-slot" but not "header-lead".
    static constexpr std::array<std::string_view, 48> kTokens{
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer",
        "header", "masthead", "sidebar", "aside", "ad", "ads", "advert", "advertisement",
        "ad-slot", "adslot", "sponsored", "promo", "promotion", "share", "sharing", "social",
        "newsletter", "subscribe", "subscription", "signup", "cookie", "cookies", "consent",
        "gdpr", "banner", "related", "recommended", "more-stories", "comments", "comment",
        "disqus", "popup", "modal", "outbrain", "taboola", "widget", "toolbar", "tags",
        "byline", "credit", "caption"};
    // A container whose name also says it holds the page's content ("ArticlePage-ad-margins",
    // "main-wrapper sidebar-layout") is a layout wrapper, not furniture.
    static constexpr std::array<std::string_view, 13> kLayout{
        "article", "body", "content", "main", "story", "post", "entry", "wrapper", "container",
        "column", "page", "layout", "wrap"};
    for (std::string_view k : kLayout)
        if (l.find(k) != std::string::npos) return false;
    static constexpr std::array<std::string_view, 12> kSubstrings{
        "cookie", "newsletter", "related", "advert", "sponsor", "social", "share-",
        "comment", "breadcrumb", "read-more", "readmore", "subscribe"};
    for (std::string_view k : kSubstrings)
        if (l.find(k) != std::string::npos) return true;
    size_t i = 0;
    while (i < l.size()) {
        size_t j = i;
        while (j < l.size() && (std::isalnum(static_cast<unsigned char>(l[j])))) ++j;
        std::string_view token(l.data() + i, j - i);
        for (std::string_view k : kTokens)
            if (token == k) return true;
        i = j + 1;
    }
    return false;
}

std::vector<TextBlock> extract_main_blocks(const HtmlDocument& doc) {
    std::vector<Block> blocks;
    std::vector<size_t> open;  // indexes of blocks currently open, innermost last
    const GumboNode* body = nullptr;
    int link_depth = 0;
    int content_depth = 0;

    auto start_block = [&](const GumboNode* el) {
        Block b;
        b.tag = el->v.element.tag;
        b.element = el;
        b.parent = el->parent;
        b.in_content_hint = content_depth > 0;
        blocks.push_back(std::move(b));
        open.push_back(blocks.size() - 1);
    };

    walk(
        doc.root(),
        [&](const GumboNode* n) {
            if (n->type == GUMBO_NODE_DOCUMENT) return true;
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
                n->type == GUMBO_NODE_WHITESPACE) {
                if (open.empty()) return false;
                Block& b = blocks[open.back()];
                b.text += n->v.text.text;
                if (link_depth > 0) b.link_chars += count_chars(n->v.text.text);
                return false;
            }
            if (n->type != GUMBO_NODE_ELEMENT) return false;
            GumboTag t = n->v.element.tag;
            if (t == GUMBO_TAG_BODY) body = n;
            if (is_dropped_tag(t) || is_hidden(n)) return false;
            std::string_view cls = attribute(n, "class");
            std::string_view id = attribute(n, "id");
            std::string_view role = attribute(n, "role");
            bool content = is_content_hint(cls) || is_content_hint(id) ||
                           attribute(n, "itemprop") == "articleBody";
            if (!content && t != GUMBO_TAG_BODY && t != GUMBO_TAG_HTML && t != GUMBO_TAG_ARTICLE &&
                t != GUMBO_TAG_MAIN &&
                (is_boilerplate_hint(cls) || is_boilerplate_hint(id) || role == "navigation" ||
                 role == "banner" || role == "contentinfo" || role == "complementary"))
                return false;
            if (content) ++content_depth;
            if (t == GUMBO_TAG_A) ++link_depth;
            if (is_block_tag(t)) start_block(n);
            else if (t == GUMBO_TAG_BR && !open.empty()) blocks[open.back()].text += ' ';
            return true;
        },
        [&](const GumboNode* n) {
            if (n->type != GUMBO_NODE_ELEMENT) return;
            GumboTag t = n->v.element.tag;
            if (t == GUMBO_TAG_A) --link_depth;
            std::string_view cls = attribute(n, "class");
            std::string_view id = attribute(n, "id");
            if (is_content_hint(cls) || is_content_hint(id) ||
                attribute(n, "itemprop") == "articleBody")
                --content_depth;
            if (is_block_tag(t) && !open.empty() && blocks[open.back()].element == n)
                open.pop_back();
        });

    for (Block& b : blocks) b.text = collapse_whitespace(b.text);

    // Score containers: each prose block credits its parent fully and its grandparent by half,
    // so the element holding the article's paragraphs rises above menus and link lists.
    std::unordered_map<const GumboNode*, double> score;
    for (const Block& b : blocks) {
        size_t chars = count_chars(b.text);
        if (chars < 25 || is_heading(b.tag)) continue;
        double link_density = chars ? static_cast<double>(b.link_chars) / chars : 0.0;
        if (link_density > 0.5) continue;
        double value = static_cast<double>(chars) * (1.0 - link_density) +
                       10.0 * std::min<size_t>(sentence_marks(b.text), 10);
        if (b.in_content_hint) value *= 1.5;
        const GumboNode* p = b.tag == GUMBO_TAG_P || b.tag == GUMBO_TAG_LI ? b.parent : b.element;
        for (double share : {1.0, 0.5, 0.25}) {
            if (!p || p->type != GUMBO_NODE_ELEMENT) break;
            score[p] += value * share;
            p = p->parent;
        }
    }
    const GumboNode* best = body;
    double best_score = 0.0;
    for (const auto& [node, s] : score) {
        if (s > best_score) best_score = s, best = node;
    }
    if (!best || best_score < 100.0) return {};

    auto inside = [&](const GumboNode* n) {
        for (; n; n = n->parent)
            if (n == best) return true;
        return false;
    };

    std::vector<TextBlock> out;
    for (const Block& b : blocks) {
        if (b.text.empty() || !inside(b.element)) continue;
        if (b.tag == GUMBO_TAG_H1) continue;  // the headline is the title, not body text
        size_t chars = count_chars(b.text);
        double link_density = chars ? static_cast<double>(b.link_chars) / chars : 0.0;
        if (link_density > 0.6 && chars < 400) continue;
        out.push_back({b.text, gumbo_normalized_tagname(b.tag)});
    }
    return out;
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

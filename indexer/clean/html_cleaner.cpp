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
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
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

// Elements that start a block of text of their own.
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
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_HTML:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_ADDRESS:
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
        "article-body",  "articlebody",  "article-content", "story-body",    "storybody",
        "entry-content", "post-content", "article__body",   "story-content", "content-body"};
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
    FurnitureHint furniture = FurnitureHint::None;  // strongest hint among its ancestors
    const GumboNode* furniture_node = nullptr;      // innermost hinted ancestor
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

FurnitureHint furniture_hint(std::string_view class_or_id) {
    if (class_or_id.empty()) return FurnitureHint::None;
    std::string l = lower(class_or_id);
    // Names that only furniture carries, matched inside longer names ("site-comments-list").
    static constexpr std::string_view kStrongSubstrings[] = {
        "cookie", "newsletter", "related",    "advert",    "sponsor",  "social",
        "share-", "comment",    "breadcrumb", "read-more", "readmore", "subscribe"};
    for (std::string_view k : kStrongSubstrings)
        if (l.find(k) != std::string::npos) return FurnitureHint::Strong;
    // Whole tokens (split on separators, so "ad" matches "ad-slot" but not "header-lead").
    // Layout wrappers sometimes carry these too ("Page-ad-margins" around a whole page),
    // so they are weak: the caller weighs them against how much of the page they hold.
    static constexpr std::string_view kStrongTokens[] = {
        "nav",       "navbar",   "navigation",  "menu",         "breadcrumbs", "footer",
        "sidebar",   "aside",    "ads",         "adslot",       "sponsored",   "promo",
        "promotion", "share",    "sharing",     "subscription", "signup",      "cookies",
        "consent",   "gdpr",     "recommended", "comments",     "disqus",      "popup",
        "modal",     "outbrain", "taboola",     "toolbar",      "tags",        "byline",
        "credit",    "caption",  "masthead",    "newsletter",   "related",     "social"};
    static constexpr std::string_view kWeakTokens[] = {"ad", "header", "banner", "widget"};
    // A name that also says "wrapper", "page", "layout" ... ("page-wrapper has-sidebar") is a
    // layout element whatever modifier it carries: its furniture tokens only count as weak.
    static constexpr std::string_view kLayout[] = {"wrapper", "container", "layout",
                                                   "page",    "main",      "content"};
    bool layout = false;
    for (std::string_view k : kLayout)
        if (l.find(k) != std::string::npos) layout = true;
    FurnitureHint found = FurnitureHint::None;
    size_t i = 0;
    while (i < l.size()) {
        size_t j = i;
        while (j < l.size() && std::isalnum(static_cast<unsigned char>(l[j])))
            ++j;
        std::string_view token(l.data() + i, j - i);
        for (std::string_view k : kStrongTokens)
            if (token == k) {
                if (!layout) return FurnitureHint::Strong;
                found = FurnitureHint::Weak;
            }
        for (std::string_view k : kWeakTokens)
            if (token == k) found = FurnitureHint::Weak;
        i = j + 1;
    }
    return found;
}

bool is_boilerplate_hint(std::string_view class_or_id) {
    return furniture_hint(class_or_id) != FurnitureHint::None;
}

std::vector<TextBlock> extract_main_blocks(const HtmlDocument& doc) {
    // Furniture hints (class, id, role) do not cut subtrees while walking: wrappers around a
    // whole page carry such names too ("Page-ad-margins", WordPress's "category-advertising" on
    // the post). They lower the score of the blocks under them, and after the article's
    // container is chosen, hinted elements inside it are dropped.
    std::vector<Block> blocks;
    std::vector<std::pair<const GumboNode*, FurnitureHint>> hinted;  // open hinted elements
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
        for (const auto& [node, hint] : hinted) {
            b.furniture = std::max(b.furniture, hint);
            b.furniture_node = node;  // innermost last
        }
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
                t != GUMBO_TAG_MAIN) {
                FurnitureHint hint = std::max(furniture_hint(cls), furniture_hint(id));
                if (role == "navigation" || role == "contentinfo" || role == "complementary")
                    hint = FurnitureHint::Strong;
                else if (role == "banner")
                    hint = std::max(hint, FurnitureHint::Weak);
                if (hint != FurnitureHint::None) hinted.emplace_back(n, hint);
            }
            if (content) ++content_depth;
            if (t == GUMBO_TAG_A) ++link_depth;
            if (is_block_tag(t))
                start_block(n);
            else if (t == GUMBO_TAG_BR && !open.empty())
                blocks[open.back()].text += ' ';
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
            if (!hinted.empty() && hinted.back().first == n) hinted.pop_back();
        });

    for (Block& b : blocks)
        b.text = collapse_whitespace(b.text);

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
        if (b.furniture == FurnitureHint::Strong)
            value *= 0.2;
        else if (b.furniture == FurnitureHint::Weak)
            value *= 0.6;
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
        // Furniture inside the article's container (a share bar, an inline ad, comments).
        if (b.furniture_node && b.furniture_node != best && inside(b.furniture_node)) continue;
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

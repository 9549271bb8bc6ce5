#include "html_document.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "text.hpp"

namespace news {

namespace {

GumboOptions parse_options() {
    GumboOptions options = kGumboDefaultOptions;
    // Parse errors are not used; recording them costs time and memory on broken pages.
    options.max_errors = 0;
    return options;
}

bool starts_with_ci(std::string_view s, size_t at, std::string_view word) {
    if (s.size() - at < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[at + i])) != word[i]) return false;
    return true;
}

// Where the end tag "</name" next starts, case-insensitively, at or after `from` (as the
// tokenizer reads it: the name followed by a space, '/' or '>'); npos when nowhere.
size_t find_end_tag(std::string_view s, size_t from, std::string_view name) {
    for (size_t at = s.find("</", from); at != std::string_view::npos; at = s.find("</", at + 2)) {
        if (!starts_with_ci(s, at + 2, name)) continue;
        size_t after = at + 2 + name.size();
        if (after >= s.size() || std::isspace(static_cast<unsigned char>(s[after])) ||
            s[after] == '/' || s[after] == '>')
            return at;
    }
    return std::string_view::npos;
}

// The end of a start tag whose name ends before `at`: just past its '>', quoted attribute
// values skipped; npos when the page ends first.
size_t start_tag_end(std::string_view s, size_t at) {
    char quote = 0;
    for (; at < s.size(); ++at) {
        char c = s[at];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return at + 1;
        }
    }
    return std::string_view::npos;
}

// Whether a script's text may hold something the extractor reads: JSON data (JSON-LD, a CMS's
// page data) or a publication date under one of the keys the date finder looks for.
bool script_is_read(std::string_view start_tag, std::string_view body) {
    std::string tag(start_tag);
    std::transform(tag.begin(), tag.end(), tag.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (tag.find("json") != std::string::npos) return true;
    for (std::string_view key : {"ublish", "ublication", "pubDate"})
        if (body.find(key) != std::string_view::npos) return true;
    return false;
}

}  // namespace

std::string without_unread_raw_text(std::string_view html) {
    std::string out;
    size_t copied = 0;  // html[0, copied) is in out
    size_t at = 0;
    while ((at = html.find('<', at)) != std::string_view::npos) {
        if (html.compare(at, 4, "<!--") == 0) {
            // A comment's "<script" opens nothing.
            size_t end = html.find("-->", at + 4);
            if (end == std::string_view::npos) break;
            at = end + 3;
            continue;
        }
        // Elements whose insides may go, and elements whose text the tokenizer reads raw (a
        // "<script" in a <title> or <textarea> is text): those are stepped over whole.
        static constexpr std::string_view kStripped[] = {"script", "style", "svg"};
        static constexpr std::string_view kRaw[] = {"title", "textarea", "xmp",
                                                    "iframe", "noembed", "noframes"};
        std::string_view name;
        bool raw = false;
        auto names_tag = [&](std::string_view n) {
            size_t after = at + 1 + n.size();
            return starts_with_ci(html, at + 1, n) && after < html.size() &&
                   (std::isspace(static_cast<unsigned char>(html[after])) ||
                    html[after] == '>' || html[after] == '/');
        };
        for (std::string_view n : kStripped)
            if (name.empty() && names_tag(n)) name = n;
        for (std::string_view n : kRaw)
            if (name.empty() && names_tag(n)) name = n, raw = true;
        size_t after_name = at + 1 + name.size();
        if (raw) {
            size_t body = start_tag_end(html, after_name);
            size_t end = body == std::string_view::npos ? body : find_end_tag(html, body, name);
            if (end == std::string_view::npos) break;
            at = end + 2;
            continue;
        }
        if (name.empty()) {
            // Another tag: its attribute values may say "<script" without opening one.
            bool tag = at + 1 < html.size() &&
                       (std::isalpha(static_cast<unsigned char>(html[at + 1])) ||
                        html[at + 1] == '/');
            at = tag ? start_tag_end(html, at + 1) : at + 1;
            if (at == std::string_view::npos) break;
            continue;
        }
        size_t body = start_tag_end(html, after_name);
        if (body == std::string_view::npos) break;
        size_t end = find_end_tag(html, body, name);
        if (end == std::string_view::npos) break;
        std::string_view text = html.substr(body, end - body);
        // "<!--" in a script can hide a "</script>" from the tokenizer (an escaped script), so
        // where this one really ends is for gumbo to say: such scripts are left whole.
        bool keep = name == "script" && (text.find("<!--") != std::string_view::npos ||
                                         script_is_read(html.substr(at, body - at), text));
        if (!keep && !text.empty()) {
            if (out.empty()) out.reserve(html.size());
            out.append(html.substr(copied, body - copied));
            copied = end;
        }
        at = end + 2;
    }
    if (copied == 0) return std::string(html);
    out.append(html.substr(copied));
    return out;
}

HtmlDocument::HtmlDocument(std::string_view utf8_html)
    : m_source(without_unread_raw_text(utf8_html)) {
    GumboOptions options = parse_options();
    m_output = gumbo_parse_with_options(&options, m_source.data(), m_source.size());
}

HtmlDocument::~HtmlDocument() {
    GumboOptions options = parse_options();
    gumbo_destroy_output(&options, m_output);
}

std::string_view attribute(const GumboNode* node, const char* name) {
    if (node->type != GUMBO_NODE_ELEMENT) return {};
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr ? std::string_view(attr->value) : std::string_view();
}

std::string tag_name(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return {};
    const GumboElement& el = node->v.element;
    if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
    GumboStringPiece piece = el.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string name(piece.data ? piece.data : "", piece.data ? piece.length : 0);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

void walk(const GumboNode* root, const std::function<bool(const GumboNode*)>& enter,
          const std::function<void(const GumboNode*)>& leave) {
    struct Frame {
        const GumboNode* node;
        unsigned next_child;
    };
    std::vector<Frame> stack;
    if (!enter(root)) return;
    stack.push_back({root, 0});
    while (!stack.empty()) {
        Frame& top = stack.back();
        const GumboNode* node = top.node;
        const GumboVector* children = nullptr;
        if (node->type == GUMBO_NODE_ELEMENT)
            children = &node->v.element.children;
        else if (node->type == GUMBO_NODE_DOCUMENT)
            children = &node->v.document.children;
        if (children && top.next_child < children->length) {
            const auto* child = static_cast<const GumboNode*>(children->data[top.next_child++]);
            if (enter(child)) stack.push_back({child, 0});
            continue;
        }
        if (leave) leave(node);
        stack.pop_back();
    }
}

std::string inner_text(const GumboNode* node) {
    std::string out;
    walk(node, [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
            n->type == GUMBO_NODE_WHITESPACE) {
            out += n->v.text.text;
            return false;
        }
        if (n->type == GUMBO_NODE_ELEMENT) {
            GumboTag t = n->v.element.tag;
            if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE)
                return false;
            out += ' ';
        }
        return true;
    });
    return collapse_whitespace(out);
}

}  // namespace news

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

}  // namespace

HtmlDocument::HtmlDocument(std::string_view utf8_html) {
    GumboOptions options = parse_options();
    m_output = gumbo_parse_with_options(&options, utf8_html.data(), utf8_html.size());
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

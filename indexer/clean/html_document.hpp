// A parsed HTML page: gumbo's tree owned for its lifetime, plus small helpers to read it without
// recursion (pages in the wild nest tags thousands deep; the stack must not be the limit).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <gumbo.h>

namespace news {

// The page with the insides of its <style> and inline <svg> elements, and of the <script>
// elements nothing reads, left out: nearly half of a news page's bytes, which the parser would
// otherwise tokenise for nothing (no reader of the page looks inside them). Scripts with JSON
// data or with a key the date finder reads are kept, and so are scripts whose end only the
// HTML tokenizer can place ("<!--" inside); comments are skipped.
std::string without_unread_raw_text(std::string_view html);

class HtmlDocument {
  public:
    // Parses `utf8_html` (less its unread raw text, see above), which need not outlive this.
    explicit HtmlDocument(std::string_view utf8_html);
    ~HtmlDocument();
    HtmlDocument(const HtmlDocument&) = delete;
    HtmlDocument& operator=(const HtmlDocument&) = delete;

    const GumboNode* root() const { return m_output->root; }

  private:
    std::string m_source;  // what gumbo parsed: its nodes point into it
    GumboOutput* m_output;
};

// Attribute value of an element, or "" when absent.
std::string_view attribute(const GumboNode* node, const char* name);

// Tag name in lower case, also for tags gumbo does not know (<amp-img>, <my-widget>).
std::string tag_name(const GumboNode* node);

// Depth-first, document order, no recursion. `enter` returns false to skip an element's subtree;
// `leave` (optional) runs after an element's children.
void walk(const GumboNode* root, const std::function<bool(const GumboNode*)>& enter,
          const std::function<void(const GumboNode*)>& leave = {});

// All text under a node, whitespace collapsed.
std::string inner_text(const GumboNode* node);

}  // namespace news

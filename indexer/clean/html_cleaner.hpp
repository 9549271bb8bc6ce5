// Main-text extraction from a news page. One iterative walk over gumbo's tree splits the page
// into text blocks (paragraphs, headings, list items, table rows) and records each element's
// furniture hints (tag, class, id, role). Every block is then classified the way jusText does,
// by length, link density, stop-word density and punctuation; the article's container is the
// element whose subtree holds the most prose for the least furniture (so an article split over
// several sibling <div>s is taken whole, and a sidebar or comment thread is left out); inside it,
// short blocks and headings are kept or dropped by their neighbours, and furniture (share bars,
// "Read more", newsletter boxes, related-story lists, photo credits) is dropped. Pages without
// an article (home pages, section fronts) yield little or no text rather than their menus.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html_document.hpp"

namespace news {

struct TextBlock {
    std::string text;
    std::string tag;  // the block's element: p, h2, li, blockquote, tr, ...
};

// The article's text blocks in document order (headline h1 excluded: the title carries it).
std::vector<TextBlock> extract_main_blocks(const HtmlDocument& doc);

// Blocks joined as paragraphs separated by "\n\n".
std::string join_blocks(const std::vector<TextBlock>& blocks);

enum class FurnitureHint { None, Weak, Strong };

// How surely a class or id value names page furniture: Strong for names only furniture carries
// ("comments", "share-bar", "newsletter-box"), Weak for names layout wrappers share ("ad",
// "header", "banner"), and for furniture words in a name that also says it is a layout element
// ("page-wrapper has-sidebar").
FurnitureHint furniture_hint(std::string_view class_or_id);

// True when a class or id value names page furniture rather than content ("nav", "share-bar",
// "related-stories", "cookie-banner", "comments", ...).
bool is_boilerplate_hint(std::string_view class_or_id);

}  // namespace news

// Main-text extraction from a news page: splits the page into text blocks, drops the page
// furniture that scraped news pages carry (menus, cookie banners, share bars, related stories,
// comment forms, footers), picks the element that holds the article by paragraph-text density,
// and returns the article's blocks as paragraphs.
#pragma once

#include <string>
#include <vector>

#include "html_document.hpp"

namespace news {

struct TextBlock {
    std::string text;
    std::string tag;  // the block's element: p, h2, li, blockquote, ...
};

// The article's text blocks in document order (headline h1 excluded: the title carries it).
std::vector<TextBlock> extract_main_blocks(const HtmlDocument& doc);

// Blocks joined as paragraphs separated by "\n\n".
std::string join_blocks(const std::vector<TextBlock>& blocks);

enum class FurnitureHint { None, Weak, Strong };

// How surely a class or id value names page furniture: Strong for names only furniture carries
// ("comments", "share-bar", "newsletter-box"), Weak for names layout wrappers share ("ad",
// "header", "banner").
FurnitureHint furniture_hint(std::string_view class_or_id);

// True when a class or id value names page furniture rather than content ("nav", "share-bar",
// "related-stories", "cookie-banner", "comments", ...).
bool is_boilerplate_hint(std::string_view class_or_id);

}  // namespace news

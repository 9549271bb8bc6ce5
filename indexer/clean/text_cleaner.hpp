// Plain-text scrapes: the first non-empty line is the title; the rest mixes the article with
// whatever the scraper caught (menus, weather datelines, "Related stories", comment prompts,
// photo captions). Line-level rules keep the prose, find the byline and the publication date.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "date.hpp"

namespace news {

struct TextExtraction {
    std::string title;
    std::string text;  // paragraphs separated by "\n\n"
    std::string author;
    std::optional<Date> published;
};

TextExtraction clean_text(std::string_view utf8);

// True for a line that is page furniture in a text scrape.
bool is_boilerplate_line(std::string_view line);

// A date announced by the line ("Published: March 12, 2024", "12 March 2024 09:15"), when the
// line is only that. Update lines ("Updated: ...") are not publication dates.
std::optional<Date> publication_date_line(std::string_view line);

}  // namespace news

// The metadata a news page declares about itself: headline, publication date, author, site
// name, canonical URL and language, read from meta tags, JSON-LD, <time> elements and the URL.
#pragma once

#include <optional>
#include <string>

#include "../clean/html_document.hpp"
#include "date.hpp"
#include "dates.hpp"
#include "headline.hpp"

namespace news {

struct HtmlMetadata {
    std::string title;
    std::string author;
    std::string site_name;
    std::string url;       // canonical link or og:url
    std::string language;  // declared: <html lang>, Content-Language, og:locale ("en", "de")
    std::optional<Date> published;
};

// `page_url` (when known) helps with dates in URL paths and relative canonical links.
HtmlMetadata extract_html_metadata(const HtmlDocument& doc, const std::string& page_url);

}  // namespace news

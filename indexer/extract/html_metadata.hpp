// The metadata a news page declares about itself: headline, publication date, author, site
// name, canonical URL and language, read from meta tags, JSON-LD, <time> elements and the URL.
#pragma once

#include <optional>
#include <string>

#include "../clean/html_document.hpp"
#include "date.hpp"

namespace news {

struct HtmlMetadata {
    std::string title;
    std::string author;
    std::string site_name;
    std::string url;       // canonical link or og:url
    std::string language;  // primary subtag of <html lang>, lower case ("en", "de")
    std::optional<Date> published;
};

// `page_url` (when known) helps with dates in URL paths and relative canonical links.
HtmlMetadata extract_html_metadata(const HtmlDocument& doc, const std::string& page_url);

// "Headline | Site Name" -> "Headline", when the suffix (or prefix) is the site's name or short.
std::string strip_site_suffix(const std::string& title, const std::string& site_name);

// A date written in a URL path: /2023/11/07/ or /2023-11-07/ or /20231107/.
std::optional<Date> date_from_url(std::string_view url);

}  // namespace news

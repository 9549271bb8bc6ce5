// Who wrote an article. Pages name the author in several places: JSON-LD, meta tags (author,
// article:author, parsely-author, dc.creator), links marked rel=author, elements marked
// itemprop=author or named "byline"/"author", and "By Jane Doe" lines under the headline. Each
// is cleaned ("By ", roles, e-mail addresses and dates go; "and" between names stays) and the
// name the page states most surely and most often wins.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../clean/html_document.hpp"

namespace news {

// An element of the page that names the author.
struct BylineElement {
    enum class Kind { RelAuthor, ItempropAuthor, AuthorClass, ByLine };
    std::string text;
    Kind kind = Kind::AuthorClass;
    bool in_article = false;  // inside <article>, <main> or an article/post container
    bool aside = false;       // inside comments, nav, footer, sidebars, teasers or an author box
};

struct BylineSources {
    std::string json_ld;                  // author names of the JSON-LD article, ", "-joined
    std::vector<std::string> meta;        // meta tag values, surest key first
    std::vector<BylineElement> elements;  // in document order
    std::string site_name;                // JSON-LD and meta "authors" that are the site are none
    std::string host;
};

// Bylines read from the page: enough for pages that list comment authors in dozens.
inline constexpr size_t kMaxBylineElements = 24;

// Meta tag keys (lower case) that name the author, surest first.
const std::vector<std::string_view>& author_meta_keys();

// The kind of byline an element is, or false when it is none. Text nodes opening with "By "
// count as a ByLine (of their parent element).
bool byline_kind(const GumboNode* node, BylineElement::Kind& kind);

// Reads a byline element found by byline_kind.
BylineElement read_byline(const GumboNode* node, BylineElement::Kind kind);

// "By Jane Doe | Staff Writer" -> "Jane Doe"; "Von Jane Doe und John Roe, 5. März 2024" ->
// "Jane Doe und John Roe"; "" when no name is left (an e-mail address, a URL, a sentence).
std::string clean_byline(std::string_view raw);

std::string choose_author(const BylineSources& sources);

}  // namespace news

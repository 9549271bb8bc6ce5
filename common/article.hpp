// The record that flows from extraction to indexing, and back out of the database for display:
// one news article with its cleaned text and the metadata extracted from it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "date.hpp"
#include "entity.hpp"

namespace news {

struct Article {
    std::string url;   // canonical URL when known
    std::string path;  // file path (or "archive!member", or "-" for stdin), when known
    std::string title;
    std::string text;  // cleaned main text, paragraphs separated by "\n\n"
    std::string author;
    std::string source;  // site or outlet name ("The Coastline Herald"), else the host
    std::string language = "en";
    std::string format;  // "html", "text", "jsonl"
    std::optional<Date> published;
    // People, organisations and places named in `text`, one entry per entity with all its
    // mentions; empty when the article was not tagged (a language the tagger does not know).
    std::vector<Entity> entities;
    // Acronyms the article defined ("Israel Defense Forces (IDF)"): acronym key -> the long
    // form's entity key (names::entity_key).
    std::map<std::string, std::string> acronyms;
};

}  // namespace news

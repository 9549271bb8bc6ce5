// What a reader hands to the cleaning stage: the bytes of one document and what the input
// already told us about it (its path, URL, a format hint, and fields a structured record carried).
#pragma once

#include <optional>
#include <string>

namespace news {

// Reuters: an SGML file of Reuters-21578 <REUTERS> elements, one structured record each.
enum class Format { Unknown, Html, Text, Jsonl, Reuters, Binary };

const char* format_name(Format f);

struct RawRecord {
    std::string bytes;  // the document: HTML, plain text, or a JSON Lines record's text/html
    std::string path;   // where it came from: a file path, "file.jsonl:12", "reut2-000.sgm.gz:17"
    Format format = Format::Unknown;
    // A structured input (a JSON Lines record, a Reuters element) gave the fields below
    // explicitly; they win over extraction, and `bytes` is the article body alone (no title
    // line, no page around it).
    bool structured = false;
    std::string url;
    std::string title;
    std::string date;
    std::string source;
    std::string author;
    // The language the input states (ISO 639-1: "en" for Reuters), when it states one.
    std::string language;
    // A date the container knew, not the page (a WARC record's crawl time, ISO 8601): the
    // publication date only when extraction finds none. Never wins over `date`.
    std::string fallback_date;
};

}  // namespace news

// What a reader hands to the cleaning stage: the bytes of one document and what the input
// already told us about it (its path, URL, a format hint, and fields a structured record carried).
#pragma once

#include <optional>
#include <string>

namespace news {

enum class Format { Unknown, Html, Text, Jsonl, Binary };

const char* format_name(Format f);

struct RawRecord {
    std::string bytes;  // the document: HTML, plain text, or a JSON Lines record's text/html
    std::string path;   // where it came from: a file path, "file.jsonl:12", or "-"
    Format format = Format::Unknown;
    // A structured input (a JSON Lines record) gave the fields below explicitly; they win over
    // extraction, and `bytes` is the article body alone (no title line, no page around it).
    bool structured = false;
    std::string url;
    std::string title;
    std::string date;
    std::string source;
    std::string author;
};

}  // namespace news

#include <algorithm>
#include <cctype>

#include "../clean/encoding.hpp"
#include "reader.hpp"
#include "text.hpp"

namespace news {

const char* format_name(Format f) {
    switch (f) {
        case Format::Html:
            return "html";
        case Format::Text:
            return "text";
        case Format::Jsonl:
            return "jsonl";
        case Format::Reuters:
            return "reuters";
        case Format::Binary:
            return "binary";
        case Format::Unknown:
            break;
    }
    return "unknown";
}

namespace {

std::string lower_prefix(std::string_view s, size_t n) {
    std::string out(s.substr(0, std::min(n, s.size())));
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool ends_with_lower(std::string_view path, std::string_view ext) {
    if (path.size() < ext.size()) return false;
    return lower_prefix(path.substr(path.size() - ext.size()), ext.size()) == ext;
}

// The name's extension as a hint, under a compression suffix: the bytes sniffed are the
// decompressed content of "pages.jsonl.gz", so its hint is ".jsonl".
bool has_extension(std::string_view path, std::string_view ext) {
    for (std::string_view z : {".gz", ".zst", ".zstd", ".bz2", ".xz"}) {
        if (ends_with_lower(path, z)) {
            path.remove_suffix(z.size());
            break;
        }
    }
    return ends_with_lower(path, ext);
}

std::string_view skip_bom_and_space(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    return s;
}

bool looks_like_html(std::string_view head) {
    std::string l = lower_prefix(head, 2048);
    if (l.starts_with("<!doctype html") || l.starts_with("<html") || l.starts_with("<?xml"))
        return true;
    static constexpr std::string_view kTags[] = {"<html", "<head", "<body",    "<meta ",   "<title",
                                                 "<div",  "<p>",   "<article", "<!doctype"};
    int hits = 0;
    for (std::string_view t : kTags)
        if (l.find(t) != std::string::npos) ++hits;
    return hits >= 2 || (l.starts_with("<") && hits >= 1);
}

bool looks_like_jsonl(std::string_view head) {
    // One JSON object per line: the first line opens with '{' and closes with '}'.
    if (!head.starts_with("{")) return false;
    size_t nl = head.find('\n');
    std::string_view first = head.substr(0, nl);
    while (!first.empty() && std::isspace(static_cast<unsigned char>(first.back())))
        first.remove_suffix(1);
    return first.ends_with("}") || nl == std::string_view::npos;
}

// Reuters-21578 SGML: the DTD's doctype, or a line near the top that opens a <REUTERS ...>
// element (not a text that mentions one).
bool looks_like_reuters(std::string_view head) {
    std::string l = lower_prefix(head, 4096);
    return l.starts_with("<!doctype lewis") || l.starts_with("<reuters ") ||
           l.find("\n<reuters ") != std::string::npos;
}

}  // namespace

Format sniff_format(std::string_view bytes, std::string_view path) {
    // A page saved with its HTTP response head (a WARC record's payload, `curl -i`): the head's
    // Content-Type decides for HTML, else the body is sniffed.
    if (bytes.starts_with("HTTP/")) {
        HttpResponse response = split_http_response(bytes);
        if (response.has_head) {
            std::string head = lower_prefix(bytes, bytes.size() - response.body.size());
            size_t ct = head.find("\ncontent-type:");
            if (ct != std::string::npos) {
                std::string_view type = std::string_view(head).substr(ct + 14);
                type = type.substr(0, type.find('\n'));
                if (type.find("html") != std::string_view::npos &&
                    response.body.find_first_not_of(" \t\r\n") != std::string_view::npos)
                    return Format::Html;
            }
            return sniff_format(response.body, path);
        }
    }
    if (has_utf16_bom(bytes)) {
        std::string utf8 = to_utf8(bytes.substr(0, 65536), "");
        return sniff_format(utf8, path);
    }
    std::string_view head = skip_bom_and_space(bytes.substr(0, 65536));
    if (head.empty()) return Format::Unknown;
    if (binary_ratio(head) > 0.05) return Format::Binary;
    // JSON Lines first: its records may carry whole pages in an "html" field.
    if (looks_like_jsonl(head) ||
        ((has_extension(path, ".jsonl") || has_extension(path, ".ndjson")) &&
         head.starts_with("{")))
        return Format::Jsonl;
    if (looks_like_reuters(head)) return Format::Reuters;
    if (looks_like_html(head)) return Format::Html;
    if (has_extension(path, ".html") || has_extension(path, ".htm") ||
        has_extension(path, ".xhtml")) {
        // Named HTML but without markup near the top: still parse it as HTML, gumbo copes.
        if (head.find('<') != std::string_view::npos) return Format::Html;
    }
    return Format::Text;
}

}  // namespace news

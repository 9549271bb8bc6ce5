#include "encoding.hpp"

#include <algorithm>
#include <cctype>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "text.hpp"

namespace news {

namespace {

// Converts with ICU; returns false when ICU does not know the charset.
bool convert(std::string_view bytes, const std::string& charset, std::string& out) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(charset.c_str(), &status);
    if (U_FAILURE(status) || !conv) return false;
    ucnv_close(conv);
    icu::UnicodeString u(bytes.data(),
                         static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX)),
                         charset.c_str());
    out.clear();
    u.toUTF8String(out);
    return true;
}

// A charset name starting at `pos` ("windows-1252", "shift_jis"), quotes skipped.
std::string charset_value(std::string_view s, size_t pos) {
    while (pos < s.size() && (s[pos] == '"' || s[pos] == '\'' || s[pos] == ' '))
        ++pos;
    size_t end = pos;
    while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-' ||
                              s[end] == '_' || s[end] == ':' || s[end] == '.'))
        ++end;
    return std::string(s.substr(pos, end - pos));
}

// The value of the attribute whose name ends at `pos`: `="x"`, `='x'`, `=x`.
std::string attribute_value(std::string_view s, size_t pos) {
    while (pos < s.size() && std::isspace(static_cast<unsigned char>(s[pos])))
        ++pos;
    if (pos >= s.size() || s[pos] != '=') return {};
    return charset_value(s, pos + 1);
}

// The decoder for a declared charset label, as browsers choose it (the WHATWG Encoding
// standard): labels of a charset stand for its superset that pages written "in" it really use.
std::string decoder_for(const std::string& label) {
    static constexpr std::pair<std::string_view, std::string_view> kDecoders[] = {
        // Latin-1 and ASCII labels, and a UTF-8 label on bytes that are not UTF-8.
        {"iso-8859-1", "windows-1252"},
        {"iso8859-1", "windows-1252"},
        {"latin1", "windows-1252"},
        {"l1", "windows-1252"},
        {"cp819", "windows-1252"},
        {"us-ascii", "windows-1252"},
        {"ascii", "windows-1252"},
        {"utf-8", "windows-1252"},
        {"utf8", "windows-1252"},
        // A UTF-16 label in a page readable as bytes is wrong: the page is not UTF-16.
        {"utf-16", "windows-1252"},
        {"utf-16le", "windows-1252"},
        {"utf-16be", "windows-1252"},
        {"iso-8859-9", "windows-1254"},
        {"latin5", "windows-1254"},
        {"iso-8859-11", "windows-874"},
        {"tis-620", "windows-874"},
        {"gb2312", "GBK"},
        {"gb_2312-80", "GBK"},
        {"csgb2312", "GBK"},
        {"x-gbk", "GBK"},
        {"chinese", "GBK"},
        {"euc-kr", "windows-949"},
        {"cseuckr", "windows-949"},
        {"korean", "windows-949"},
        {"ks_c_5601-1987", "windows-949"},
        {"shift_jis", "windows-31j"},
        {"shift-jis", "windows-31j"},
        {"sjis", "windows-31j"},
        {"x-sjis", "windows-31j"},
        {"ms_kanji", "windows-31j"},
        {"big5", "windows-950"},
        {"x-mac-roman", "macintosh"},
    };
    if (label.empty()) return "windows-1252";
    for (auto [from, to] : kDecoders)
        if (label == from) return std::string(to);
    return label;
}

// Valid UTF-8 as it is, a BOM first, then the declared charset, then windows-1252.
std::string decode(std::string_view bytes, std::string_view declared) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::string out;
    if (bytes.starts_with("\xFF\xFE") && convert(bytes.substr(2), "UTF-16LE", out)) return out;
    if (bytes.starts_with("\xFE\xFF") && convert(bytes.substr(2), "UTF-16BE", out)) return out;
    Utf8Census census = utf8_census(bytes);
    if (census.invalid == 0) return std::string(bytes);
    // Mostly UTF-8 with a few stray bytes (a pasted windows-1252 character): repair the strays
    // rather than decode the whole page as another charset, which would garble every accent.
    if (census.multibyte > 0 && census.multibyte >= census.invalid) return repair_utf8(bytes);
    std::string cs = decoder_for(ascii_lower(declared));
    if (convert(bytes, cs, out) && is_valid_utf8(out)) return out;
    if (convert(bytes, "windows-1252", out) && is_valid_utf8(out)) return out;
    return repair_utf8(bytes);
}

// Control characters (BEL, ESC, NUL...) are no text; HTML parsers turn them into U+FFFD, which
// then shows in titles and snippets. Tabs, line and form feeds stay.
std::string without_controls(std::string s) {
    auto is_control = [](char ch) {
        unsigned char c = static_cast<unsigned char>(ch);
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
    };
    if (std::none_of(s.begin(), s.end(), is_control)) return s;
    s.erase(std::remove_if(s.begin(), s.end(), is_control), s.end());
    return s;
}

}  // namespace

HttpResponse split_http_response(std::string_view bytes) {
    HttpResponse out;
    out.body = bytes;
    // "HTTP/1.1 200 OK", "HTTP/2 200"
    if (!bytes.starts_with("HTTP/") || bytes.size() < 12) return out;
    size_t first_line = bytes.find('\n');
    if (first_line == std::string_view::npos || first_line > 200) return out;
    size_t end = std::string_view::npos, body = 0;
    for (size_t pos = first_line + 1; pos < std::min<size_t>(bytes.size(), 65536);) {
        size_t nl = bytes.find('\n', pos);
        if (nl == std::string_view::npos) break;
        std::string_view line = bytes.substr(pos, nl - pos);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.empty()) {
            end = pos;
            body = nl + 1;
            break;
        }
        std::string l = ascii_lower(line);
        if (l.starts_with("content-type:")) {
            if (size_t cs = l.find("charset="); cs != std::string::npos)
                out.charset = charset_value(l, cs + 8);
        }
        pos = nl + 1;
    }
    if (end == std::string_view::npos) {
        out.charset.clear();
        return out;
    }
    out.body = bytes.substr(body);
    out.has_head = true;
    return out;
}

std::string declared_charset(std::string_view html) {
    HttpResponse response = split_http_response(html);
    if (!response.charset.empty()) return response.charset;
    html = response.body;
    if (html.starts_with("\xEF\xBB\xBF")) html.remove_prefix(3);
    std::string head = ascii_lower(html.substr(0, 8192));
    if (head.starts_with("<?xml")) {
        size_t end = head.find("?>");
        size_t enc = head.find("encoding", 0);
        if (enc != std::string::npos && enc < end) {
            std::string v = attribute_value(head, enc + 8);
            if (!v.empty()) return v;
        }
    }
    for (size_t pos = head.find('<'); pos != std::string::npos; pos = head.find('<', pos + 1)) {
        if (head.compare(pos, 4, "<!--") == 0) {
            size_t end = head.find("-->", pos + 4);
            if (end == std::string::npos) break;
            pos = end + 2;
            continue;
        }
        if (head.compare(pos, 5, "<meta") != 0 || pos + 5 >= head.size() ||
            !(std::isspace(static_cast<unsigned char>(head[pos + 5])) || head[pos + 5] == '/'))
            continue;
        size_t end = head.find('>', pos);
        if (end == std::string::npos) break;
        std::string_view tag = std::string_view(head).substr(pos, end - pos);
        // <meta charset="x">
        for (size_t at = tag.find("charset"); at != std::string_view::npos;
             at = tag.find("charset", at + 7)) {
            bool attribute_start =
                at > 0 && (std::isspace(static_cast<unsigned char>(tag[at - 1])) ||
                           tag[at - 1] == '"' || tag[at - 1] == '\'');
            if (!attribute_start) continue;
            std::string v = attribute_value(tag, at + 7);
            if (!v.empty()) return v;
        }
        // <meta http-equiv="Content-Type" content="text/html; charset=x">
        if (tag.find("http-equiv") != std::string_view::npos) {
            if (size_t cs = tag.find("charset="); cs != std::string_view::npos) {
                std::string v = charset_value(tag, cs + 8);
                if (!v.empty()) return v;
            }
        }
        pos = end;
    }
    return {};
}

bool has_utf16_bom(std::string_view bytes) {
    return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
}

std::string to_utf8(std::string_view bytes, std::string_view declared) {
    return without_controls(decode(bytes, declared));
}

}  // namespace news

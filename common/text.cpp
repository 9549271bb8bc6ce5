#include "text.hpp"

#include <cctype>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace news {

namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is ill-formed.
size_t valid_sequence(std::string_view s, size_t i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) return 1;
    size_t n = s.size() - i;
    auto cont = [&](size_t k) { return (b(k) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return n >= 2 && cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || !cont(i + 1) || !cont(i + 2)) return 0;
        if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
        if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || !cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
        if (c == 0xF0 && b(i + 1) < 0x90) return 0;   // overlong
        if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        size_t n = valid_sequence(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

Utf8Census utf8_census(std::string_view s) {
    Utf8Census c;
    for (size_t i = 0; i < s.size();) {
        size_t n = valid_sequence(s, i);
        if (n == 0) {
            ++c.invalid;
            ++i;
        } else {
            if (n > 1) ++c.multibyte;
            i += n;
        }
    }
    return c;
}

std::string repair_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t n = valid_sequence(s, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            if (!(n == 1 && s[i] == '\0')) out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string collapse_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        // U+00A0 no-break space, U+2009 thin space, U+202F narrow no-break space.
        size_t extra = 0;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            ws = true, extra = 1;
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0x89 ||
                    static_cast<unsigned char>(s[i + 2]) == 0xAF)) {
            ws = true, extra = 2;
        }
        if (ws) {
            space = !out.empty();
            i += extra;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

double binary_ratio(std::string_view s, size_t probe) {
    size_t n = std::min(s.size(), probe);
    if (n == 0) return 0.0;
    size_t bad = 0;
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B))
            ++bad;
    }
    return static_cast<double>(bad) / static_cast<double>(n);
}

std::string_view trim_space(std::string_view s) {
    auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

void append_utf8(std::string& out, uint32_t code_point) {
    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
        code_point = 0xFFFD;
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, code_point);
    out.append(buf, static_cast<size_t>(n));
}

std::string to_lower(std::string_view s) {
    // The simple (one code point to one) mapping, as Xapian's own lower-casing of indexed text
    // does: "İ" becomes "i", not "i" plus a combining dot, so terms lower-cased here match.
    std::string out;
    out.reserve(s.size());
    int32_t i = 0;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) c = 0xFFFD;
        append_utf8(out, static_cast<uint32_t>(u_tolower(c)));
    }
    return out;
}

}  // namespace news

// Text utilities shared by both programs: UTF-8 validation and repair, whitespace
// normalisation, and case folding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace news {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Counts of well-formed multi-byte sequences and of bytes that start no well-formed sequence:
// text with many of the first and few of the second is UTF-8 with damage, not another charset.
struct Utf8Census {
    size_t multibyte = 0;
    size_t invalid = 0;
};
Utf8Census utf8_census(std::string_view s);

// `s` with every ill-formed sequence replaced by U+FFFD and NUL bytes dropped.
std::string repair_utf8(std::string_view s);

// Runs of whitespace (including non-breaking spaces) become one space; ends trimmed.
std::string collapse_whitespace(std::string_view s);

// Share of bytes in the first `probe` bytes that look like binary (NUL and control
// characters other than tab/newline/carriage return/form feed).
double binary_ratio(std::string_view s, size_t probe = 4096);

// `s` without the ASCII whitespace (space, tab, CR, LF, FF, VT) at its ends.
std::string_view trim_space(std::string_view s);

// ASCII letters lower-cased, other bytes unchanged: for tag names, charset labels, keys.
std::string ascii_lower(std::string_view s);

// Unicode lower case of UTF-8 text (simple case mapping, code point by code point).
std::string to_lower(std::string_view s);

// Appends one code point encoded as UTF-8; a surrogate or a value past U+10FFFF as U+FFFD.
void append_utf8(std::string& out, uint32_t code_point);

// Length in bytes of the UTF-8 sequence starting with lead byte `c` (1 for invalid leads).
inline size_t utf8_length(unsigned char c) {
    return c < 0x80 ? 1 : c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
}

}  // namespace news

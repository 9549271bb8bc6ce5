// Character encodings of the input: everything downstream works on UTF-8, so pages in
// windows-1252, ISO-8859-x, Shift-JIS and the like are converted with ICU first. Bytes that are
// valid UTF-8 stay as they are whatever the page declares, because mis-declared pages are common
// and converting valid UTF-8 as Latin-1 would produce mojibake.
#pragma once

#include <string>
#include <string_view>

namespace news {

// The charset an HTML page declares in its first bytes (<meta charset>, http-equiv), lower case,
// or "" when none.
std::string declared_charset(std::string_view html);

// True when the bytes open with a UTF-16 byte order mark: text, though half its bytes are NUL.
bool has_utf16_bom(std::string_view bytes);

// `bytes` as UTF-8: a BOM decides first, then valid UTF-8 is kept, then the declared charset,
// then windows-1252 (the web's de facto default for undeclared 8-bit text).
std::string to_utf8(std::string_view bytes, std::string_view declared);

}  // namespace news

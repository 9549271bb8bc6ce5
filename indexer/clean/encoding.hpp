// Character encodings of the input: everything downstream works on UTF-8, so pages in
// windows-1252, ISO-8859-x, Shift-JIS and the like are converted with ICU first. Bytes that are
// valid UTF-8 stay as they are whatever the page declares, because mis-declared pages are common
// and converting valid UTF-8 as Latin-1 would produce mojibake.
#pragma once

#include <string>
#include <string_view>

namespace news {

// A page saved together with its HTTP response head ("HTTP/1.1 200 OK", header lines, a blank
// line, then the page), as crawlers and `curl -i` write them: the head is no page text.
struct HttpResponse {
    std::string_view body;  // the bytes after the head; all of them when there is no head
    std::string charset;    // charset of the Content-Type header, lower case, or ""
    bool has_head = false;
};
HttpResponse split_http_response(std::string_view bytes);

// The charset a page declares, lower case, or "" when none: the Content-Type header of an HTTP
// head before it, else an XML declaration's encoding, else the first <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=..."> of its first 8 KB (comments and
// the charset attributes of <script> and <link>, which name other files' charsets, skipped).
std::string declared_charset(std::string_view html);

// True when the bytes open with a UTF-16 byte order mark: text, though half its bytes are NUL.
bool has_utf16_bom(std::string_view bytes);

// `bytes` as UTF-8: a BOM decides first, then valid UTF-8 is kept, then the declared charset,
// then windows-1252 (the web's de facto default for undeclared 8-bit text).
std::string to_utf8(std::string_view bytes, std::string_view declared);

}  // namespace news

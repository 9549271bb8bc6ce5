#include "encoding.hpp"

#include <algorithm>
#include <cctype>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "text.hpp"

namespace news {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

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

}  // namespace

std::string declared_charset(std::string_view html) {
    std::string head = lower(html.substr(0, 4096));
    size_t pos = 0;
    while ((pos = head.find("charset", pos)) != std::string::npos) {
        pos += 7;
        size_t p = pos;
        while (p < head.size() &&
               (head[p] == ' ' || head[p] == '=' || head[p] == '"' || head[p] == '\''))
            ++p;
        if (p == pos) continue;  // "charset" not followed by '=' or a quote
        size_t e = p;
        while (e < head.size() &&
               (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' ||
                head[e] == '_' || head[e] == ':' || head[e] == '.'))
            ++e;
        if (e > p) return head.substr(p, e - p);
    }
    return {};
}

bool has_utf16_bom(std::string_view bytes) {
    return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
}

std::string to_utf8(std::string_view bytes, std::string_view declared) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::string out;
    if (bytes.starts_with("\xFF\xFE") && convert(bytes.substr(2), "UTF-16LE", out)) return out;
    if (bytes.starts_with("\xFE\xFF") && convert(bytes.substr(2), "UTF-16BE", out)) return out;
    Utf8Census census = utf8_census(bytes);
    if (census.invalid == 0) return std::string(bytes);
    // Mostly UTF-8 with a few stray bytes (a pasted windows-1252 character): repair the strays
    // rather than decode the whole page as another charset, which would garble every accent.
    if (census.multibyte > 0 && census.multibyte >= census.invalid) return repair_utf8(bytes);
    std::string cs = lower(declared);
    // Browsers treat Latin-1 and ASCII labels as windows-1252; so does the web's content.
    if (cs.empty() || cs == "iso-8859-1" || cs == "latin1" || cs == "us-ascii" || cs == "ascii" ||
        cs == "utf-8" || cs == "utf8")
        cs = "windows-1252";
    if (convert(bytes, cs, out) && is_valid_utf8(out)) return out;
    if (convert(bytes, "windows-1252", out) && is_valid_utf8(out)) return out;
    return repair_utf8(bytes);
}

}  // namespace news

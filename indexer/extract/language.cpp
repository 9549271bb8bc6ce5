#include "language.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>  // cld2's header uses FILE without including it

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace news {

namespace {

// Codes that name the same language as another: old ISO codes cld2 still uses, Norwegian's
// written forms (one libstemmer stemmer serves both), three-letter codes pages declare.
std::string canonical_code(std::string code) {
    static constexpr std::pair<std::string_view, std::string_view> kSame[] = {
        {"iw", "he"},  {"jw", "jv"},  {"in", "id"},  {"ji", "yi"},  {"nb", "no"},  {"nn", "no"},
        {"eng", "en"}, {"deu", "de"}, {"ger", "de"}, {"fra", "fr"}, {"fre", "fr"}, {"spa", "es"},
        {"ita", "it"}, {"nld", "nl"}, {"dut", "nl"}, {"por", "pt"}, {"rus", "ru"}, {"zho", "zh"},
        {"chi", "zh"}, {"jpn", "ja"}, {"swe", "sv"}, {"pol", "pl"}, {"tur", "tr"}, {"ara", "ar"},
    };
    for (auto [from, to] : kSame)
        if (code == from) return std::string(to);
    return code;
}

// The sample cld2 reads: the first bytes of the text, cut at a character boundary.
std::string_view sample(std::string_view text) {
    if (text.size() <= kLanguageSampleBytes) return text;
    size_t end = kLanguageSampleBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

}  // namespace

std::string normalise_language_tag(std::string_view tag) {
    size_t b = tag.find_first_not_of(" \t\"'");
    if (b == std::string_view::npos) return {};
    tag = tag.substr(b);
    // "de-AT", "de_DE", "en-US, en" (Content-Language may list several): the first primary tag.
    size_t e = 0;
    while (e < tag.size() && std::isalpha(static_cast<unsigned char>(tag[e])))
        ++e;
    if (e < 2 || e > 3) return {};
    std::string code(tag.substr(0, e));
    std::transform(code.begin(), code.end(), code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (code == "und" || code == "mul" || code == "zxx") return {};
    return canonical_code(code);
}

LanguageGuess detect_language(std::string_view utf8_text, std::string_view hint) {
    LanguageGuess guess;
    std::string_view text = sample(utf8_text);
    if (text.empty()) return guess;
    std::string hint_code(hint);
    CLD2::CLDHints hints{};
    hints.content_language_hint = hint_code.empty() ? nullptr : hint_code.c_str();
    hints.tld_hint = nullptr;
    hints.encoding_hint = CLD2::UNKNOWN_ENCODING;
    hints.language_hint =
        hint_code.empty() ? CLD2::UNKNOWN_LANGUAGE : CLD2::GetLanguageFromName(hint_code.c_str());
    CLD2::Language top3[3];
    int percent3[3];
    double scores3[3];
    int text_bytes = 0;
    bool reliable = false;
    // Best effort: a short text still gets cld2's best guess, flagged as unreliable.
    CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
        text.data(), static_cast<int>(text.size()), true, &hints, CLD2::kCLDFlagBestEffort, top3,
        percent3, scores3, nullptr, &text_bytes, &reliable);
    if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return guess;
    guess.code = normalise_language_tag(CLD2::LanguageCode(lang));
    guess.reliable = reliable;
    for (int i = 0; i < 3; ++i)
        if (top3[i] == lang) guess.percent = percent3[i];
    return guess;
}

std::string document_language(std::string_view utf8_text, std::string_view declared) {
    std::string stated = normalise_language_tag(declared);
    LanguageGuess guess = detect_language(utf8_text, stated);
    if (guess.code.empty() || guess.code == stated) return stated.empty() ? guess.code : stated;
    if (stated.empty()) return guess.code;
    // Another language than declared: only a sure reading of most of the text overrules the page.
    return guess.reliable && guess.percent >= 60 ? guess.code : stated;
}

}  // namespace news

// The language of a document, as an ISO 639-1 code ("en", "de", "zh"). Pages declare one
// (<html lang>, og:locale, Content-Language), but templates often declare their default
// whatever the article is written in, so the text is read too, with Google's Compact Language
// Detector 2 (cld2): the declared language stands when cld2 agrees or is unsure, cld2's answer
// when it is sure of another. Plain text and JSON Lines records have only their text. Only the
// first few kilobytes are read: enough for cld2, and cheap on long articles.
#pragma once

#include <string>
#include <string_view>

namespace news {

// Bytes of text handed to cld2 at most.
inline constexpr size_t kLanguageSampleBytes = 4096;

// A declared language tag ("de-AT", "de_DE", "EN", "nb", "zh-Hant") as the code the index uses
// ("de", "de", "en", "no", "zh"), or "" when it is no language tag.
std::string normalise_language_tag(std::string_view tag);

struct LanguageGuess {
    std::string code;       // "" when cld2 cannot tell
    bool reliable = false;  // cld2's own judgement: enough text, a clear winner
    int percent = 0;        // share of the text in that language
};

// cld2's reading of UTF-8 text (its first kLanguageSampleBytes). `hint` (a code) tips close
// calls towards the declared language.
LanguageGuess detect_language(std::string_view utf8_text, std::string_view hint = "");

// The document's language from its text and its declared language (a code, or ""): the
// declared one unless cld2 is sure of another; cld2's best guess when nothing is declared;
// "" when neither tells.
std::string document_language(std::string_view utf8_text, std::string_view declared);

}  // namespace news

// Names as the archive compares them: display cleaning (titles, possessives, punctuation),
// matching keys (diacritics folded, lower case, person keys reduced to "first last"), and the
// person and acronym comparisons the alias table and the article grouping share.
//
// Folding uses ICU's NFKD normaliser (a process-wide singleton whose methods are const and
// thread-safe, so no per-thread clones or locks are needed, unlike a Transliterator) with the
// combining marks removed, plus a small table for the Latin letters that have no decomposition
// ("ß", "ø", "ł", "ı", "æ", "œ", "đ", "ð", "þ", ...).
#include "names.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "text.hpp"

namespace news::names {

namespace {

// ---------------------------------------------------------------- UTF-8 helpers

// Decodes the code point at `i` and advances `i`; ill-formed bytes decode as U+FFFD.
UChar32 next_cp(std::string_view s, size_t& i) {
    int32_t k = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
    i = static_cast<size_t>(k);
    return c < 0 ? 0xFFFD : c;
}

bool is_space(UChar32 c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           (c >= 0x80 && (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF));
}

bool is_dash(UChar32 c) {
    return c == '-' || c == '/' || (c >= 0x80 && u_hasBinaryProperty(c, UCHAR_DASH));
}

bool is_mark(UChar32 c) {
    int8_t t = u_charType(c);
    return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK;
}

bool is_word_char(UChar32 c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return u_isalnum(c) || u_charType(c) == U_COMBINING_SPACING_MARK;
}

// Latin letters without a canonical decomposition, folded by hand (lower case input).
const char* special_fold(UChar32 c) {
    switch (c) {
        case 0x00DF: return "ss";  // ß
        case 0x1E9E: return "ss";  // ẞ
        case 0x00E6: return "ae";  // æ
        case 0x0153: return "oe";  // œ
        case 0x00F8: return "o";   // ø
        case 0x0142: return "l";   // ł
        case 0x0111: return "d";   // đ
        case 0x00F0: return "d";   // ð
        case 0x00FE: return "th";  // þ
        case 0x0131: return "i";   // ı
        case 0x0127: return "h";   // ħ
        case 0x0140: return "l";   // ŀ
        case 0x0167: return "t";   // ŧ
        case 0x014B: return "n";   // ŋ
        case 0x0138: return "k";   // ĸ
        case 0x017F: return "s";   // ſ
        case 0x0180: return "b";   // ƀ
        case 0x0192: return "f";   // ƒ
        case 0x01B6: return "z";   // ƶ
        case 0x0268: return "i";   // ɨ
        default: return nullptr;
    }
}

const icu::Normalizer2* nfkd() {
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(status);
        return U_SUCCESS(status) ? n : nullptr;
    }();
    return instance;
}

// Appends the folded, lower-cased form of one word character.
void fold_append(std::string& out, UChar32 c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        return;
    }
    c = u_tolower(c);
    if (const char* s = special_fold(c)) {
        out.append(s);
        return;
    }
    icu::UnicodeString decomposition;
    const icu::Normalizer2* n = nfkd();
    if (n && n->getDecomposition(c, decomposition)) {
        for (int32_t k = 0; k < decomposition.length();) {
            UChar32 d = decomposition.char32At(k);
            k += U16_LENGTH(d);
            if (is_mark(d)) continue;
            d = u_tolower(d);
            if (d < 0x80) {
                if (is_word_char(d)) out.push_back(static_cast<char>(d));
            } else if (const char* s = special_fold(d)) {
                out.append(s);
            } else if (is_word_char(d)) {
                append_utf8(out, d);
            }
        }
        return;
    }
    append_utf8(out, c);
}

// ---------------------------------------------------------------- words of a name

// A word of the raw name with its byte range, split at spaces and dashes.
struct RawWord {
    size_t begin = 0;
    size_t end = 0;
    std::string match;  // lower case ASCII-folded, punctuation dropped: for title lookups
};

std::vector<RawWord> raw_words(std::string_view s) {
    std::vector<RawWord> words;
    size_t i = 0;
    RawWord cur;
    bool in_word = false;
    while (i < s.size()) {
        size_t at = i;
        UChar32 c = next_cp(s, i);
        if (is_space(c) || is_dash(c)) {
            if (in_word) {
                cur.end = at;
                words.push_back(std::move(cur));
                cur = RawWord{};
                in_word = false;
            }
            continue;
        }
        if (!in_word) {
            cur.begin = at;
            in_word = true;
        }
        if (is_word_char(c)) fold_append(cur.match, c);
    }
    if (in_word) {
        cur.end = s.size();
        words.push_back(std::move(cur));
    }
    return words;
}

// Titles and honorifics, as sequences of folded words (periods dropped, dashes split).
const std::vector<std::vector<std::string>>& titles() {
    static const std::vector<std::vector<std::string>> list = [] {
        static constexpr std::string_view kTitles[] = {
            // Honorifics.
            "mr", "mrs", "ms", "miss", "mx", "messrs", "dr", "doctor", "prof", "professor", "sir",
            "dame", "lord", "lady", "baron", "baroness", "duke", "duchess", "earl", "madam",
            "madame", "mme", "mlle", "monsieur", "herr", "frau", "senor", "senora", "sr", "sra",
            "signor", "signora",
            // Religion.
            "pope", "rev", "reverend", "father", "fr", "bishop", "archbishop", "cardinal",
            "rabbi", "imam", "ayatollah", "grand ayatollah", "sayyid", "sheikh", "sheik", "shaikh",
            "patriarch", "metropolitan", "mullah", "pastor", "cleric",
            // Royalty.
            "king", "queen", "prince", "princess", "crown prince", "emir", "amir", "sultan",
            "emperor", "empress", "shah", "tsar", "czar", "grand duke", "infanta", "infante",
            // Politics and government.
            "president", "vice president", "vp", "president elect", "vice president elect",
            "prime minister", "deputy prime minister", "premier", "chancellor", "vice chancellor",
            "minister", "foreign minister", "secretary", "secretary of state",
            "secretary of defense", "secretary of defence", "secretary of homeland security",
            "secretary of the treasury", "treasury secretary", "secretary general",
            "under secretary", "undersecretary", "attorney general", "solicitor general",
            "surgeon general", "inspector general", "sen", "senator", "rep", "representative",
            "congressman", "congresswoman", "congressmember", "assemblyman", "assemblywoman",
            "assemblymember", "councilman", "councilwoman", "councillor", "councilor",
            "alderman", "gov", "governor", "lt gov", "lieutenant governor", "mayor",
            "deputy mayor", "speaker", "house speaker", "speaker of the house", "leader",
            "majority leader", "minority leader", "supreme leader", "opposition leader",
            "ambassador", "envoy", "special envoy", "commissioner", "chief commissioner",
            "high commissioner", "consul", "mep", "mp", "delegate", "chairman", "chairwoman",
            "chairperson", "chair", "president and ceo", "ceo", "cfo", "coo", "cto", "chief",
            "chief executive", "chief executive officer", "director", "director general",
            "managing director", "executive director", "spokesman", "spokeswoman",
            "spokesperson", "press secretary", "judge", "justice", "chief justice",
            "associate justice", "magistrate", "prosecutor", "attorney", "counsel",
            "special counsel", "coach", "head coach", "manager", "detective", "det",
            "inspector", "insp", "superintendent", "supt", "sheriff", "deputy", "officer",
            "constable", "pc", "agent", "special agent", "chief inspector",
            // Military.
            "gen", "general", "lt gen", "lieutenant general", "maj gen", "major general",
            "brig gen", "brigadier general", "brig", "brigadier", "lt", "lieut", "lieutenant",
            "lt col", "lieutenant colonel", "col", "colonel", "maj", "major", "capt", "cpt",
            "captain", "adm", "admiral", "vice adm", "vice admiral", "rear adm", "rear admiral",
            "cmdr", "cdr", "commander", "lt cmdr", "field marshal", "marshal", "air marshal",
            "air chief marshal", "sgt", "sergeant", "staff sgt", "staff sergeant", "sgt maj",
            "cpl", "corporal", "lance cpl", "lance corporal", "pvt", "private", "pfc",
            "specialist", "spc", "ensign", "commodore", "warrant officer", "chief of staff",
            "commander in chief", "defense chief", "army chief", "military chief"};
        std::vector<std::vector<std::string>> out;
        for (std::string_view t : kTitles) {
            std::vector<std::string> words;
            for (RawWord& w : raw_words(t))
                words.push_back(std::move(w.match));
            out.push_back(std::move(words));
        }
        // Longest first, so "vice president" wins over "vice" and "lt gen" over "lt".
        std::stable_sort(out.begin(), out.end(),
                         [](const auto& a, const auto& b) { return a.size() > b.size(); });
        return out;
    }();
    return list;
}

// Words that make a title of the title after them: "former President", "acting Secretary".
bool is_title_modifier(std::string_view w) {
    static constexpr std::array<std::string_view, 14> kModifiers{
        "former", "ex", "acting", "interim", "deputy", "then", "late", "outgoing", "incoming",
        "vice", "assistant", "senior", "retired", "ret"};
    return std::find(kModifiers.begin(), kModifiers.end(), w) != kModifiers.end();
}

// "Foreign Minister", "Defence Secretary", "Finance Minister": any one word before these.
bool is_title_head(std::string_view w) {
    return w == "minister" || w == "secretary" || w == "ministers" || w == "chief";
}

// Number of leading raw words that form a title at word `i`, or 0.
size_t title_at(const std::vector<RawWord>& words, size_t i) {
    size_t best = 0;
    for (const auto& t : titles()) {
        if (t.size() > words.size() - i) continue;
        bool match = true;
        for (size_t k = 0; k < t.size() && match; ++k)
            match = words[i + k].match == t[k];
        if (match) {
            best = t.size();
            break;  // the list is sorted longest first
        }
    }
    // "Foreign Minister", "Defense Secretary".
    if (best < 2 && i + 1 < words.size() && is_title_head(words[i + 1].match) &&
        !words[i].match.empty())
        best = 2;
    // "Minister of Defence", "Secretary of Energy".
    if (best >= 1 && best <= 2 && is_title_head(words[i + best - 1].match) &&
        i + best + 1 < words.size() && words[i + best].match == "of")
        best += 2;
    return best;
}

// Number of leading raw words that are titles, honorifics and their modifiers, leaving at
// least one word.
size_t leading_titles(const std::vector<RawWord>& words) {
    size_t i = 0;
    while (i < words.size()) {
        size_t j = i;
        while (j < words.size() && (is_title_modifier(words[j].match) || words[j].match == "the"))
            ++j;
        size_t t = j < words.size() ? title_at(words, j) : 0;
        if (t == 0 || j + t >= words.size()) break;
        i = j + t;
    }
    return i;
}

bool is_trim_char(UChar32 c) {
    if (is_space(c)) return true;
    if (c < 0x80) return !is_word_char(c) && c != '.' && c != '&' && c != '+';
    int8_t t = u_charType(c);
    return t == U_INITIAL_PUNCTUATION || t == U_FINAL_PUNCTUATION || t == U_START_PUNCTUATION ||
           t == U_END_PUNCTUATION || t == U_OTHER_PUNCTUATION || t == U_DASH_PUNCTUATION ||
           t == U_CONNECTOR_PUNCTUATION;
}

// Trims punctuation and spaces at both ends, keeping a final period that belongs to an
// abbreviation ("Jr.", "Inc.", "J.", "U.S.") and closing brackets that match an opening one.
std::string_view trim_name(std::string_view s) {
    // Leading.
    for (;;) {
        if (s.empty()) return s;
        size_t i = 0;
        UChar32 c = next_cp(s, i);
        if (!(is_trim_char(c) || c == '.')) break;
        s.remove_prefix(i);
    }
    // Trailing: step back one code point at a time.
    for (;;) {
        if (s.empty()) return s;
        size_t start = s.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
            --start;
        size_t i = start;
        UChar32 c = next_cp(s, i);
        if (c == ')' && s.find('(') != std::string_view::npos) break;
        if (c == '.') {
            // The last word without its period.
            size_t b = s.find_last_of(" \t\n", start);
            std::string_view word = s.substr(b == std::string_view::npos ? 0 : b + 1);
            word.remove_suffix(1);
            static constexpr std::array<std::string_view, 16> kAbbrev{
                "jr", "sr", "inc", "co", "corp", "ltd", "bros", "st", "mt", "ft", "jnr", "snr",
                "plc", "no", "dept", "univ"};
            std::string lw = ascii_lower(word);
            bool keep = word.size() == 1 || word.find('.') != std::string_view::npos ||
                        std::find(kAbbrev.begin(), kAbbrev.end(), lw) != kAbbrev.end();
            if (keep) break;
            s.remove_suffix(s.size() - start);
            continue;
        }
        if (!is_trim_char(c)) break;
        s.remove_suffix(s.size() - start);
    }
    return s;
}

// Removes a trailing possessive: "Blinken's", "Blinken’s", "Jones'".
std::string_view strip_possessive(std::string_view s) {
    static constexpr std::string_view kSuffixes[] = {"'s", "'S", "\xE2\x80\x99s", "\xE2\x80\x99S",
                                                     "\xCA\xBCs"};
    for (std::string_view suf : kSuffixes)
        if (s.size() > suf.size() + 1 && s.ends_with(suf)) {
            s.remove_suffix(suf.size());
            return s;
        }
    // "Jones'" (a plural possessive) only after an s.
    static constexpr std::string_view kBare[] = {"'", "\xE2\x80\x99"};
    for (std::string_view suf : kBare)
        if (s.size() > suf.size() + 1 && s.ends_with(suf)) {
            char before = s[s.size() - suf.size() - 1];
            if (before == 's' || before == 'S') {
                s.remove_suffix(suf.size());
                return s;
            }
        }
    return s;
}

// Particles inside names, dropped from person keys so "Ursula von der Leyen" and "von der
// Leyen", "Bashar al-Assad" and "Assad", "Charles de Gaulle" and "de Gaulle" share surnames.
bool is_particle(std::string_view w) {
    static constexpr std::array<std::string_view, 24> kParticles{
        "al",  "el",  "ad",   "as",    "ash", "at",  "az",  "bin", "ibn", "bint", "da",  "de",
        "del", "della", "der", "den", "di",  "do",  "dos", "das", "du",   "la",   "van", "von"};
    return std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end();
}

// Arabic article prefixes joined by a dash: "al-Assad", "el-Sisi", "bin-Salman".
bool is_dash_prefix(std::string_view w) {
    return w == "al" || w == "el" || w == "ad" || w == "as" || w == "ash" || w == "at" ||
           w == "az" || w == "an" || w == "ar" || w == "bin" || w == "ibn" || w == "abd";
}

bool is_generation(std::string_view w) {
    return w == "jr" || w == "sr" || w == "jnr" || w == "snr" || w == "ii" || w == "iii" ||
           w == "iv" || w == "v" || w == "2nd" || w == "3rd";
}

// A word of a cleaned name as the key sees it.
struct KeyWord {
    std::string text;       // folded
    bool lower = false;     // written without a capital ("von", "de")
    bool after_dash = false;  // joined to the previous word by a dash
};

std::vector<KeyWord> key_words(std::string_view s) {
    std::vector<KeyWord> words;
    KeyWord cur;
    bool in_word = false, first_letter = true, dash_pending = false;
    size_t i = 0;
    auto finish = [&] {
        if (in_word && !cur.text.empty()) words.push_back(std::move(cur));
        cur = KeyWord{};
        in_word = false;
        first_letter = true;
    };
    while (i < s.size()) {
        UChar32 c = next_cp(s, i);
        if (is_space(c) || c == '/') {
            finish();
            dash_pending = false;
            continue;
        }
        if (is_dash(c)) {
            bool had = in_word && !cur.text.empty();
            finish();
            dash_pending = had;
            continue;
        }
        if (is_word_char(c)) {
            if (!in_word) {
                in_word = true;
                cur.after_dash = dash_pending;
                dash_pending = false;
            }
            if (first_letter) {
                cur.lower = c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(c);
                first_letter = false;
            }
            fold_append(cur.text, c);
        }
        // Apostrophes, periods and other punctuation are dropped inside a word ("O'Neill").
    }
    finish();
    return words;
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) {
        if (!out.empty()) out.push_back(' ');
        out += w;
    }
    return out;
}

// Damerau-Levenshtein distance (optimal string alignment) over code points.
size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    const size_t n = a.size(), m = b.size();
    std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
    for (size_t i = 0; i <= n; ++i)
        d[i][0] = i;
    for (size_t j = 0; j <= m; ++j)
        d[0][j] = j;
    for (size_t i = 1; i <= n; ++i)
        for (size_t j = 1; j <= m; ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

std::u32string code_points(std::string_view s) {
    std::u32string out;
    size_t i = 0;
    while (i < s.size())
        out.push_back(static_cast<char32_t>(next_cp(s, i)));
    return out;
}

std::pair<std::string_view, std::string_view> first_and_last(std::string_view key) {
    size_t last_space = key.rfind(' ');
    if (last_space == std::string_view::npos) return {{}, key};
    size_t first_space = key.find(' ');
    return {key.substr(0, first_space), key.substr(last_space + 1)};
}

}  // namespace

std::string clean_name(EntityType type, std::string_view name) {
    std::string collapsed = collapse_whitespace(name);
    std::string_view s = trim_name(collapsed);
    // A possessive, then whatever punctuation it left ("Blinken's," -> "Blinken").
    if (type != EntityType::Organization) s = trim_name(strip_possessive(s));
    if (type == EntityType::Person) {
        std::vector<RawWord> words = raw_words(s);
        size_t n = leading_titles(words);
        if (n > 0 && n < words.size()) s = trim_name(s.substr(words[n].begin));
    } else if (s.starts_with("the ")) {
        s.remove_prefix(4);  // "the United Nations"; "The Hague" keeps its capital
    }
    return std::string(s);
}

std::string entity_key(EntityType type, std::string_view name) {
    std::string cleaned = clean_name(type, name);
    // Organisations show their possessive ("McDonald's") but match without it, so "Hamas's"
    // is "Hamas".
    std::string_view matched = cleaned;
    if (type == EntityType::Organization) matched = trim_name(strip_possessive(matched));
    std::vector<KeyWord> words = key_words(matched);
    if (words.empty()) return {};
    if (type != EntityType::Person) {
        if (words.size() > 1 && words.front().text == "the") words.erase(words.begin());
        std::vector<std::string> parts;
        for (KeyWord& w : words)
            parts.push_back(std::move(w.text));
        return join(parts);
    }
    // A lone honorific names nobody ("Mr."); a lone title may be a surname ("King").
    if (words.size() == 1) {
        static constexpr std::array<std::string_view, 18> kHonorifics{
            "mr", "mrs", "ms", "miss", "mx", "messrs", "dr", "prof", "sen", "rep", "gov", "gen",
            "lt", "col", "maj", "capt", "adm", "sgt"};
        if (std::find(kHonorifics.begin(), kHonorifics.end(), words[0].text) != kHonorifics.end())
            return {};
    }
    // Persons: dash-joined parts are one word ("Jean-Claude", "Ocasio-Cortez"), except an
    // Arabic article before the dash, which is dropped ("al-Assad" -> "assad").
    std::vector<KeyWord> merged;
    for (KeyWord& w : words) {
        if (w.after_dash && !merged.empty()) {
            if (is_dash_prefix(merged.back().text)) {
                merged.back().text = std::move(w.text);
            } else {
                merged.back().text += w.text;
            }
            continue;
        }
        merged.push_back(std::move(w));
    }
    // Generational suffixes ("Jr.", "III") are not the surname.
    while (merged.size() > 1 && is_generation(merged.back().text))
        merged.pop_back();
    // Particles before the surname: dropped unless they open a name written with a capital
    // ("Al Gore", "De Niro" keep theirs).
    // A name typed all in lower case says nothing by its case: "al" and "el" then stay (they
    // are also first names), the other particles go.
    bool any_capital = std::any_of(merged.begin(), merged.end(),
                                   [](const KeyWord& w) { return !w.lower; });
    std::vector<std::string> parts;
    for (size_t k = 0; k < merged.size(); ++k) {
        bool last = k + 1 == merged.size();
        bool dropped_first = merged[k].lower && (any_capital || !is_dash_prefix(merged[k].text));
        if (!last && is_particle(merged[k].text) && (k > 0 || dropped_first)) continue;
        parts.push_back(std::move(merged[k].text));
    }
    if (parts.empty()) return {};
    if (parts.size() == 1) return parts.front();
    return parts.front() + " " + parts.back();
}

std::string_view surname_of_key(std::string_view person_key) {
    size_t space = person_key.rfind(' ');
    return space == std::string_view::npos ? person_key : person_key.substr(space + 1);
}

bool near_first_names(std::string_view a, std::string_view b) {
    if (a == b) return true;
    if (a.empty() || b.empty()) return true;
    std::u32string ua = code_points(a), ub = code_points(b);
    if (ua.front() != ub.front()) return false;
    if (ua.size() == 1 || ub.size() == 1) return true;  // an initial
    size_t shorter = std::min(ua.size(), ub.size());
    size_t allowed = shorter >= 7 ? 2 : shorter >= 4 ? 1 : 0;
    if (allowed == 0) return false;
    size_t diff = ua.size() > ub.size() ? ua.size() - ub.size() : ub.size() - ua.size();
    if (diff > allowed) return false;
    return edit_distance(ua, ub) <= allowed;
}

bool same_person(std::string_view key_a, std::string_view key_b) {
    if (key_a.empty() || key_b.empty()) return false;
    auto [first_a, last_a] = first_and_last(key_a);
    auto [first_b, last_b] = first_and_last(key_b);
    if (last_a != last_b) return false;
    return near_first_names(first_a, first_b);
}

std::vector<std::string> acronym_keys(std::string_view name) {
    static constexpr std::array<std::string_view, 16> kStop{
        "of", "the", "and", "for", "in", "on", "at", "to", "de", "la", "le", "du", "des", "del",
        "der", "a"};
    std::string cleaned = clean_name(EntityType::Organization, name);
    std::vector<KeyWord> words = key_words(cleaned);
    if (words.size() < 2) return {};
    std::string without, with;
    for (const KeyWord& w : words) {
        // The first code point's bytes of the folded word.
        size_t n = utf8_length(static_cast<unsigned char>(w.text[0]));
        std::string_view initial = std::string_view(w.text).substr(0, n);
        with.append(initial);
        if (std::find(kStop.begin(), kStop.end(), w.text) == kStop.end()) without.append(initial);
    }
    std::vector<std::string> out;
    if (without.size() >= 2) out.push_back(without);
    if (with != without) out.push_back(with);
    return out;
}

std::string acronym_key(std::string_view name) {
    std::vector<std::string> keys = acronym_keys(name);
    return keys.empty() ? std::string() : keys.front();
}

}  // namespace news::names

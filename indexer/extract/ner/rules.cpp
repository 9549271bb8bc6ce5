#include "rules.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <unicode/uchar.h>

namespace news::ner {

namespace {

// Words that make a title of the capitalised word before them: "Prime Minister", "Foreign
// Secretary"; "Attorney General" is covered by "General".
constexpr std::array<std::string_view, 2> kTitleHeads{"Minister", "Secretary"};

// Capitalised words that are never part of a person's name after a title.
constexpr std::array<std::string_view, 24> kNotNames{
    "April",  "August",   "December", "February",  "Friday",   "I",         "January",  "July",
    "June",   "March",    "May",      "Monday",    "November", "October",   "Saturday", "September",
    "Sunday", "Thursday", "Tuesday",  "Wednesday", "Minister", "Secretary", "Prime",    "Deputy"};

// Honorifics and titles that stand alone before a name, with or without their period.
bool is_title_word(std::string_view w) {
    static constexpr std::array<std::string_view, 21> kShort{
        "Adm", "CEO", "Capt", "Col",  "Dr",   "Gen", "Gov", "King", "Lt",  "Maj", "Miss",
        "Mr",  "Mrs", "Ms",   "Pope", "Prof", "Rep", "Rev", "Sen",  "Sgt", "Sir"};
    static constexpr std::array<std::string_view, 31> kLong{
        "Admiral",      "Ambassador",   "Archbishop",  "Ayatollah",      "Bishop",
        "Cardinal",     "Chairman",     "Chairwoman",  "Chancellor",     "Colonel",
        "Commander",    "Commissioner", "Congressman", "Congresswoman",  "Director",
        "General",      "Governor",     "Judge",       "Mayor",          "Premier",
        "President",    "Professor",    "Queen",       "Rabbi",          "Senator",
        "Sheikh",       "Spokesman",    "Spokeswoman", "Vice-President", "Secretary-General",
        "Major-General"};
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return std::find(kShort.begin(), kShort.end(), w) != kShort.end() ||
           std::find(kLong.begin(), kLong.end(), w) != kLong.end();
}

bool starts_upper(std::string_view w) {
    if (w.empty()) return false;
    CodePoint cp = decode_utf8(w, 0);
    return cp.c < 0x80 ? (cp.c >= 'A' && cp.c <= 'Z') : u_isupper(static_cast<UChar32>(cp.c));
}

// A word that can be part of a person's name after a title: a capitalised word ("Blinken",
// "O'Neill", "Jean-Claude"), an initial ("J."), or a particle inside a name ("bin", "de").
enum class NamePart { No, Word, Particle };
NamePart name_part(std::string_view w) {
    static constexpr std::array<std::string_view, 12> kParticles{
        "al", "bin", "da", "de", "del", "della", "der", "di", "du", "ibn", "van", "von"};
    if (std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end())
        return NamePart::Particle;
    if (!starts_upper(w)) return NamePart::No;
    if (is_title_word(w)) return NamePart::No;  // "Mr. President" names nobody
    if (std::find(kNotNames.begin(), kNotNames.end(), w) != kNotNames.end()) return NamePart::No;
    return NamePart::Word;
}

// Index of the first token of a sentence that holds a letter or digit (s.end when none): a token
// after it is not sentence-initial, even behind an opening quote.
size_t first_word(const std::vector<std::string_view>& forms, const Sentence& s) {
    for (size_t k = s.begin; k < s.end; ++k)
        for (char c : forms[k])
            if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) return k;
    return s.end;
}

// Company suffixes: the capitalised words before one name a company ("Pirelli SpA", "Jones
// Medical Industries Inc"), and the document's later "Pirelli" and "Jones Medical" are that
// company, however the model read them.
bool is_company_suffix(std::string_view w) {
    static constexpr std::array<std::string_view, 22> kSuffixes{
        "AG",   "Bhd",  "Co", "Co.", "Corp", "Corp.", "GmbH", "Inc", "Inc.", "LLC", "Ltd",
        "Ltd.", "N.V.", "NV", "PLC", "Plc",  "S.A.",  "SA",   "SpA", "plc",  "Cos", "Cos."};
    return std::find(kSuffixes.begin(), kSuffixes.end(), w) != kSuffixes.end();
}

void apply_companies(const std::vector<std::string_view>& forms,
                     const std::vector<Sentence>& sentences, const std::vector<bool>& caps,
                     std::vector<Span>& spans) {
    static constexpr std::array<std::string_view, 6> kLeading{"A", "An", "And", "At", "In", "The"};
    std::vector<std::pair<size_t, size_t>> names;  // token ranges [begin, end) of company names
    std::vector<Span> found;
    // A word of a company's name: capitalised, not a title, and not "St. Louis-based".
    auto name_word = [](std::string_view w) {
        size_t dash = w.rfind('-');
        if (dash != std::string_view::npos && dash + 1 < w.size() &&
            !starts_upper(w.substr(dash + 1)))
            return false;
        return starts_upper(w) && !is_title_word(w) && !is_company_suffix(w);
    };
    for (const Sentence& s : sentences) {
        if (caps[s.begin]) continue;  // in capitals every word looks like a name
        for (size_t i = s.begin + 1; i < s.end; ++i) {
            if (!is_company_suffix(forms[i]) || is_company_suffix(forms[i - 1])) continue;
            size_t k = i;
            while (k > s.begin && i - k < 5) {
                std::string_view w = forms[k - 1];
                // "&" joins capitalised words ("Bear Stearns & Co"); "of" does not, as it
                // usually joins a person to a company ("Lynn Reaser of Barnett Banks Inc.").
                bool joins = w == "&" && k - 1 > s.begin && name_word(forms[k - 2]);
                if (!joins && !name_word(w)) break;
                --k;
            }
            while (k < i &&
                   (std::find(kLeading.begin(), kLeading.end(), forms[k]) != kLeading.end() ||
                    forms[k] == "&"))
                ++k;
            if (k == i) continue;
            size_t end = i + 1;
            while (end < s.end && is_company_suffix(forms[end]))
                ++end;  // "Co Inc"
            names.emplace_back(k, i);
            found.push_back({k, end, Kind::Organization});
        }
    }
    if (names.empty()) return;
    // Company names by first word, so a span finds the names it may start in one lookup.
    std::sort(names.begin(), names.end(), [&](const auto& a, const auto& b) {
        return std::pair(forms[a.first], a) < std::pair(forms[b.first], b);
    });
    // A span that reads the start of a company's name ("Jones", "Jones Medical") is the company.
    // The first word alone may also be the place a company is named after ("Wuxi" of "Wuxi
    // Cable Co"), so a lone word read as a place keeps that reading unless it is the whole name.
    auto company_prefix = [&](size_t b, size_t e, Kind kind) {
        auto at = std::lower_bound(
            names.begin(), names.end(), forms[b],
            [&](const auto& name, std::string_view w) { return forms[name.first] < w; });
        for (; at != names.end() && forms[at->first] == forms[b]; ++at) {
            auto [nb, ne] = *at;
            if (e - b > ne - nb) continue;
            if (kind == Kind::Location && e - b == 1 && ne - nb > 1) continue;
            bool same = true;
            for (size_t k = 1; k < e - b && same; ++k)
                same = forms[b + k] == forms[nb + k];
            if (same) return true;
        }
        return false;
    };
    // Company spans replace the spans inside them; a span that reaches outside one was the
    // model's wider reading, and the company span gives way to it instead.
    std::vector<int> in_found(forms.size(), -1);
    for (size_t f = 0; f < found.size(); ++f)
        for (size_t i = found[f].begin; i < found[f].end; ++i)
            in_found[i] = static_cast<int>(f);
    std::vector<bool> give_way(found.size(), false);
    for (const Span& sp : spans)
        for (size_t i = sp.begin; i < sp.end; ++i)
            if (in_found[i] >= 0) {
                const Span& f = found[in_found[i]];
                if (sp.begin < f.begin || sp.end > f.end) give_way[in_found[i]] = true;
            }
    std::vector<Span> out;
    for (const Span& sp : spans) {
        bool inside = false;
        for (size_t i = sp.begin; i < sp.end && !inside; ++i)
            inside = in_found[i] >= 0 && !give_way[in_found[i]];
        if (inside) continue;
        Span kept = sp;
        if (company_prefix(sp.begin, sp.end, sp.kind)) kept.kind = Kind::Organization;
        out.push_back(kept);
    }
    for (size_t f = 0; f < found.size(); ++f)
        if (!give_way[f]) out.push_back(found[f]);
    // Lone first words of company names the model left untagged, inside a sentence.
    std::vector<bool> covered(forms.size(), false);
    for (const Span& sp : out)
        for (size_t i = sp.begin; i < sp.end; ++i)
            covered[i] = true;
    for (const Sentence& s : sentences) {
        size_t first = caps[s.begin] ? s.begin : first_word(forms, s) + 1;
        for (size_t i = first; i < s.end; ++i)
            if (!covered[i] && starts_upper(forms[i]) &&
                (i + 1 >= s.end || !starts_upper(forms[i + 1])) &&
                company_prefix(i, i + 1, Kind::None))
                out.push_back({i, i + 1, Kind::Organization});
    }
    std::sort(out.begin(), out.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    spans = std::move(out);
}

// A news story names a person in full once and by surname after: every lone word that equals the
// last word of a full name the document tagged as a person ("Woods" after "Tiger Woods") is
// that person, whatever the model said of it, unless it starts a sentence in lower-case-aware
// text (where any word is capitalised). One wrong full name ("Lebed Chechnya") must not turn
// every "Chechnya" into a person, so a surname the model reads as something else more than
// three times as often as a person is left alone.
void apply_surnames(const std::vector<std::string_view>& forms,
                    const std::vector<Sentence>& sentences, const std::vector<bool>& caps,
                    std::vector<Span>& spans) {
    std::vector<std::string_view> surnames;
    for (const Span& s : spans)
        if (s.kind == Kind::Person && s.end - s.begin >= 2 &&
            name_part(forms[s.end - 1]) == NamePart::Word)
            surnames.push_back(forms[s.end - 1]);
    if (surnames.empty()) return;
    std::sort(surnames.begin(), surnames.end());
    surnames.erase(std::unique(surnames.begin(), surnames.end()), surnames.end());
    // Votes per surname: spans that read it as a person (alone or ending a name), and lone
    // spans that read it as anything else.
    std::vector<int> person(surnames.size(), 0), other(surnames.size(), 0);
    for (const Span& s : spans) {
        auto at = std::lower_bound(surnames.begin(), surnames.end(), forms[s.end - 1]);
        if (at == surnames.end() || *at != forms[s.end - 1]) continue;
        size_t k = static_cast<size_t>(at - surnames.begin());
        if (s.kind == Kind::Person)
            ++person[k];
        else if (s.end - s.begin == 1)
            ++other[k];
    }
    auto is_surname = [&](std::string_view w) {
        auto at = std::lower_bound(surnames.begin(), surnames.end(), w);
        if (at == surnames.end() || *at != w) return false;
        size_t k = static_cast<size_t>(at - surnames.begin());
        return 3 * person[k] >= other[k];
    };
    std::vector<int> covered(forms.size(), -1);
    for (size_t k = 0; k < spans.size(); ++k)
        for (size_t i = spans[k].begin; i < spans[k].end; ++i)
            covered[i] = static_cast<int>(k);
    std::vector<Span> added;
    for (const Sentence& s : sentences) {
        size_t first = caps[s.begin] ? s.begin : first_word(forms, s) + 1;
        for (size_t i = s.begin; i < s.end; ++i) {
            if (!is_surname(forms[i])) continue;
            if (covered[i] >= 0) {
                Span& c = spans[covered[i]];
                if (c.end - c.begin == 1 && c.kind != Kind::Person) c.kind = Kind::Person;
            } else if (i >= first) {
                added.push_back({i, i + 1, Kind::Person});
            }
        }
    }
    if (added.empty()) return;
    spans.insert(spans.end(), added.begin(), added.end());
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
}

}  // namespace

bool caps_sentence(const std::string_view* words, size_t n) {
    size_t capitals = 0;
    for (size_t i = 0; i < n; ++i) {
        std::string_view w = words[i];
        for (size_t k = 0; k < w.size();) {
            CodePoint cp = decode_utf8(w, k);
            bool upper, lower;
            if (cp.c < 0x80) {
                upper = cp.c >= 'A' && cp.c <= 'Z';
                lower = cp.c >= 'a' && cp.c <= 'z';
            } else {
                upper = u_isupper(static_cast<UChar32>(cp.c));
                lower = u_islower(static_cast<UChar32>(cp.c));
            }
            if (lower) return false;
            capitals += upper;
            k += cp.n;
        }
    }
    // "EU" or "U.S." alone is an acronym, not a shouted line.
    return capitals >= 4;
}

std::string title_case(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    bool start = true;  // at the start of the word or of a part after any punctuation
    for (size_t k = 0; k < word.size();) {
        CodePoint cp = decode_utf8(word, k);
        std::string_view bytes = word.substr(k, cp.n);
        k += cp.n;
        if (cp.c < 0x80) {
            char c = static_cast<char>(cp.c);
            if (!start && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
            out.push_back(c);
            start = !std::isalnum(static_cast<unsigned char>(c));  // "TEL-AVIV", "U.S."
            continue;
        }
        if (start || cp.c == 0xFFFD) {
            out.append(bytes);
        } else {
            std::string lower;
            lower_utf8(bytes, lower);
            out.append(lower);
        }
        start = false;
    }
    return out;
}

size_t title_before(const std::vector<std::string_view>& forms, size_t begin, size_t j) {
    if (j <= begin) return 0;
    std::string_view w = forms[j - 1];
    if (is_title_word(w)) return 1;
    // "Prime Minister", "Foreign Minister", "Defence Secretary": the head word is the title (the
    // words before it may be tagged on their own, as "Israeli" is).
    if (std::find(kTitleHeads.begin(), kTitleHeads.end(), w) != kTitleHeads.end())
        return j >= begin + 2 && forms[j - 2] == "Prime" ? 2 : 1;
    // "Secretary of State", "Minister of Defence".
    if (j >= begin + 3 && forms[j - 2] == "of" &&
        std::find(kTitleHeads.begin(), kTitleHeads.end(), forms[j - 3]) != kTitleHeads.end() &&
        starts_upper(w))
        return 3;
    return 0;
}

void apply_rules(const std::vector<std::string_view>& forms, const std::vector<Sentence>& sentences,
                 const std::vector<bool>& caps, std::vector<Span>& spans) {
    // Possessives out of names: "Netanyahu 's" -> "Netanyahu". Places and organisations keep
    // theirs ("Lord 's" is a cricket ground, "McDonald 's" a company).
    // Titles out of names: "Mr. Blinken" -> "Blinken", "Prime Minister Netanyahu" -> "Netanyahu".
    for (Span& s : spans) {
        if (s.kind != Kind::Person) continue;
        std::string_view last = forms[s.end - 1];
        if (s.end - s.begin >= 2 && (last == "'s" || last == "'S" || last == "'")) --s.end;
        while (s.end - s.begin >= 2) {
            size_t title = 0;
            for (size_t k = s.begin + 1; k < s.end; ++k)
                if (title_before(forms, s.begin, k) == k - s.begin) title = k - s.begin;
            if (title == 0) break;
            s.begin += title;
        }
    }

    // Names after honorifics and titles. The title must lie outside every span the model
    // found ("Prince Edward Island" as a place stays a place), and a span reaching past the
    // name is left alone; otherwise the capitalised run after the title becomes one person.
    std::vector<int> covered(forms.size(), -1);
    for (size_t k = 0; k < spans.size(); ++k)
        for (size_t i = spans[k].begin; i < spans[k].end; ++i)
            covered[i] = static_cast<int>(k);
    std::vector<Span> added;
    std::vector<bool> dropped(spans.size(), false);
    for (const Sentence& s : sentences) {
        if (caps[s.begin]) continue;  // in capitals every word looks like a name
        for (size_t j = s.begin + 1; j < s.end; ++j) {
            size_t title = title_before(forms, s.begin, j);
            if (title == 0 || name_part(forms[j]) != NamePart::Word) continue;
            bool title_free = true;
            for (size_t t = j - title; t < j; ++t)
                title_free &= covered[t] < 0;
            if (!title_free) continue;
            size_t end = j + 1;
            while (end < s.end && end < j + 5) {
                NamePart p = name_part(forms[end]);
                if (p == NamePart::No) break;
                if (p == NamePart::Particle &&
                    (end + 1 >= s.end || name_part(forms[end + 1]) != NamePart::Word))
                    break;
                ++end;
            }
            bool inside = true;
            for (size_t t = j; t < end; ++t)
                if (covered[t] >= 0) {
                    const Span& c = spans[covered[t]];
                    inside &= c.begin >= j && c.end <= end;
                }
            if (!inside) continue;
            for (size_t t = j; t < end; ++t)
                if (covered[t] >= 0) dropped[covered[t]] = true;
            added.push_back({j, end, Kind::Person});
            for (size_t t = j; t < end; ++t)
                covered[t] = -2;
            j = end - 1;
        }
    }
    if (!added.empty()) {
        std::vector<Span> out;
        for (size_t k = 0; k < spans.size(); ++k)
            if (!dropped[k]) out.push_back(spans[k]);
        out.insert(out.end(), added.begin(), added.end());
        std::sort(out.begin(), out.end(),
                  [](const Span& a, const Span& b) { return a.begin < b.begin; });
        spans = std::move(out);
    }
    apply_companies(forms, sentences, caps, spans);
    apply_surnames(forms, sentences, caps, spans);
}

}  // namespace news::ner

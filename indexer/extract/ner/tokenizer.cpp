#include "tokenizer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <unicode/uchar.h>

namespace news::ner {

CodePoint decode_utf8(std::string_view s, size_t i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) return {c, 1};
    size_t n = c >= 0xF8 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return {0xFFFD, 1};
    char32_t cp = c & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    return {cp, n};
}

namespace {

CodePoint decode(std::string_view s, size_t i) {
    return decode_utf8(s, i);
}

// The code point that ends at byte `end` (exclusive), not reaching before `begin`.
CodePoint decode_before(std::string_view s, size_t begin, size_t end) {
    size_t i = end - 1;
    for (int back = 0; back < 3 && i > begin && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
         ++back)
        --i;
    CodePoint cp = decode(s, i);
    if (i + cp.n != end) return {0xFFFD, 1};
    return cp;
}

enum class Space { None, Blank, Break };

// Whitespace class of the character at s[i] and its length in bytes.
Space space_at(std::string_view s, size_t i, size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    len = 1;
    if (c < 0x80) {
        if (c == '\n') return Space::Break;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0)
            return Space::Blank;
        return Space::None;
    }
    CodePoint cp = decode(s, i);
    len = cp.n;
    switch (cp.c) {
        case 0x85:
        case 0x2028:
        case 0x2029:
            return Space::Break;
        case 0xA0:
        case 0x1680:
        case 0x200B:
        case 0x202F:
        case 0x205F:
        case 0x3000:
        case 0xFEFF:
            return Space::Blank;
        default:
            return cp.c >= 0x2000 && cp.c <= 0x200A ? Space::Blank : Space::None;
    }
}

bool is_opening(char32_t c) {
    switch (c) {
        case '"':
        case '(':
        case '[':
        case '{':
        case '<':
        case '`':
        case 0x201C:  // “
        case 0x201E:  // „
        case 0x00AB:  // «
        case 0x00BF:  // ¿
        case 0x00A1:  // ¡
            return true;
        default:
            return false;
    }
}

bool is_closing(char32_t c) {
    switch (c) {
        case '"':
        case ')':
        case ']':
        case '}':
        case '>':
        case ',':
        case ';':
        case ':':
        case '!':
        case '?':
        case '\'':
        case 0x201D:  // ”
        case 0x2019:  // ’
        case 0x00BB:  // »
        case 0x2026:  // …
            return true;
        default:
            return false;
    }
}

bool is_dash(char32_t c) {
    return c == 0x2013 || c == 0x2014 || c == 0x2015;
}

bool is_apostrophe(char32_t c) {
    return c == '\'' || c == 0x2019 || c == 0x2018;
}

bool is_upper_start(std::string_view s) {
    if (s.empty()) return false;
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return u_isupper(static_cast<UChar32>(decode(s, 0).c));
}

bool is_ascii_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Length in bytes of the apostrophe ending at byte `end` of `w` ("'" or the typographic "’"),
// else 0.
size_t apostrophe_before(std::string_view w, size_t end) {
    if (end >= 1 && w[end - 1] == '\'') return 1;
    if (end >= 3 && w.compare(end - 3, 3, "\xE2\x80\x99") == 0) return 3;
    return 0;
}

bool ends_with_ci(std::string_view w, std::string_view tail) {
    if (w.size() < tail.size()) return false;
    for (size_t i = 0, k = w.size() - tail.size(); i < tail.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(w[k + i])) != tail[i]) return false;
    return true;
}

// Length in bytes of the clitic `w` ends with ("'s", "n't", "'ll", ... with either apostrophe),
// else 0. The clitic may be all of `w` ("'s" written apart) only when `whole` is set.
size_t clitic_length(std::string_view w, bool whole = false) {
    // "n't" first: "doesn't" splits as "does" + "n't".
    if (ends_with_ci(w, "t")) {
        size_t a = apostrophe_before(w, w.size() - 1);
        if (a != 0 && w.size() >= a + 2 &&
            std::tolower(static_cast<unsigned char>(w[w.size() - a - 2])) == 'n') {
            size_t n = a + 2;
            if (w.size() > n || whole) return n;
        }
    }
    for (std::string_view rest : {"s", "re", "ve", "ll", "m", "d"}) {
        if (!ends_with_ci(w, rest)) continue;
        size_t a = apostrophe_before(w, w.size() - rest.size());
        if (a == 0) continue;
        size_t n = a + rest.size();
        if (w.size() > n || (whole && w.size() == n)) return n;
    }
    return 0;
}

class Splitter {
  public:
    Splitter(std::string_view text, Tokenized& out) : m_text(text), m_out(out) {}

    void run() {
        size_t n = m_text.size(), i = 0, len = 0;
        while (i < n) {
            Space sp = space_at(m_text, i, len);
            if (sp == Space::Break) {
                end_line();
            } else if (sp == Space::None) {
                size_t a = i;
                while (i < n && space_at(m_text, i, len) == Space::None)
                    i += len;
                chunk(a, i);
                continue;
            }
            i += len;
        }
        end_line();
    }

  private:
    void push(size_t a, size_t b) {
        if (a < b) m_out.tokens.push_back({a, b});
    }

    // Whether more text follows on the line after byte `i`.
    bool more_on_line(size_t i) const {
        size_t len = 0;
        while (i < m_text.size()) {
            Space sp = space_at(m_text, i, len);
            if (sp == Space::Break) return false;
            if (sp == Space::None) return true;
            i += len;
        }
        return false;
    }

    // Whether "core." keeps its period: abbreviations, initials, dotted acronyms ("U.S."), and
    // the "1." that numbers a list at the start of a line.
    bool keeps_period(std::string_view core, size_t end) const {
        if (core.empty()) return false;
        if (core.find('.') != std::string_view::npos) return true;
        CodePoint first = decode(core, 0);
        if (first.n == core.size() && (first.c < 0x80 ? std::isalpha(static_cast<int>(first.c)) != 0
                                                      : u_isalpha(static_cast<UChar32>(first.c))))
            return true;
        if (is_abbreviation(core)) return true;
        return m_line_first && core.size() <= 3 && is_ascii_digits(core) && more_on_line(end);
    }

    // One whitespace-delimited chunk [a, b): peel punctuation off both ends, split a clitic
    // off the word, and split dashes inside it.
    void chunk(size_t a, size_t b) {
        // Leading punctuation, one token each.
        while (a < b) {
            CodePoint cp = decode(m_text, a);
            if (a + cp.n == b) break;
            if (is_opening(cp.c) || is_dash(cp.c)) {
                push(a, a + cp.n);
                a += cp.n;
                continue;
            }
            if (is_apostrophe(cp.c)) {
                std::string_view rest = m_text.substr(a, b - a);
                // "'s" standing alone (text already split the CoNLL way) and "'96" stay whole.
                if (clitic_length(rest, true) == rest.size()) break;
                if (std::isdigit(static_cast<unsigned char>(m_text[a + cp.n]))) break;
                push(a, a + cp.n);
                a += cp.n;
                continue;
            }
            if (m_text.compare(a, 2, "--") == 0) {
                size_t e = a;
                while (e < b && m_text[e] == '-')
                    ++e;
                if (e == b) break;
                push(a, e);
                a = e;
                continue;
            }
            break;
        }
        // Trailing punctuation, collected right to left.
        std::array<Token, 16> tail;
        size_t tails = 0;
        while (b > a && tails < tail.size()) {
            CodePoint cp = decode_before(m_text, a, b);
            if (b - a == cp.n) break;
            size_t cut = b - cp.n;
            if (cp.c == '.') {
                size_t s = b - 1;
                while (s > a && m_text[s - 1] == '.')
                    --s;
                if (b - s >= 2) {  // "..." or ".."
                    if (s == a) break;
                    cut = s;
                } else if (keeps_period(m_text.substr(a, b - 1 - a), b)) {
                    break;
                }
            } else if (cp.c == '-' && b - a >= 3 && m_text[b - 2] == '-') {
                size_t s = b - 1;
                while (s > a && m_text[s - 1] == '-')
                    --s;
                if (s == a) break;
                cut = s;
            } else if (!is_closing(cp.c) && !is_dash(cp.c)) {
                break;
            }
            tail[tails++] = {cut, b};
            b = cut;
        }
        size_t clitic = clitic_length(m_text.substr(a, b - a));
        if (clitic != 0 && b - a > clitic) {
            word(a, b - clitic);
            push(b - clitic, b);
        } else {
            word(a, b);
        }
        while (tails > 0) {
            --tails;
            push(tail[tails].start, tail[tails].end);
        }
        m_line_first = false;
    }

    // A word with dashes inside: "Netanyahu—who" -> "Netanyahu" "—" "who"; "a--b" likewise.
    void word(size_t a, size_t b) {
        size_t start = a, i = a;
        while (i < b) {
            CodePoint cp = decode(m_text, i);
            size_t dash_end = 0;
            if (is_dash(cp.c)) {
                dash_end = i + cp.n;
            } else if (m_text[i] == '-' && i + 1 < b && m_text[i + 1] == '-') {
                dash_end = i;
                while (dash_end < b && m_text[dash_end] == '-')
                    ++dash_end;
            }
            if (dash_end != 0 && i > start && dash_end < b) {
                push(start, i);
                push(i, dash_end);
                start = i = dash_end;
                continue;
            }
            i += cp.n;
        }
        push(start, b);
    }

    std::string_view text_of(size_t k) const {
        const Token& t = m_out.tokens[k];
        return m_text.substr(t.start, t.end - t.start);
    }

    bool is_final(size_t k) const {
        std::string_view t = text_of(k);
        return t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6";
    }

    bool is_close_quote(size_t k) const {
        std::string_view t = text_of(k);
        return t == "\"" || t == "'" || t == ")" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x99";
    }

    // Cuts the line's tokens into sentences at ". ! ?" (maybe followed by a closing quote)
    // before a capitalised word (maybe after an opening quote).
    void end_line() {
        size_t begin = m_line_begin, end = m_out.tokens.size();
        for (size_t k = begin + 1; k < end; ++k) {
            bool after_final =
                is_final(k - 1) || (k >= begin + 2 && is_close_quote(k - 1) && is_final(k - 2));
            if (!after_final) continue;
            std::string_view next = text_of(k);
            bool starts = is_upper_start(next);
            if (!starts && k + 1 < end && is_opening(decode(next, 0).c) &&
                decode(next, 0).n == next.size())
                starts = is_upper_start(text_of(k + 1));
            if (starts) {
                m_out.sentences.push_back({begin, k});
                begin = k;
            }
        }
        if (begin < end) m_out.sentences.push_back({begin, end});
        m_line_begin = end;
        m_line_first = true;
    }

    std::string_view m_text;
    Tokenized& m_out;
    size_t m_line_begin = 0;
    bool m_line_first = true;
};

}  // namespace

bool is_abbreviation(std::string_view word) {
    // Titles, company suffixes, months, and the US state abbreviations of news datelines.
    static constexpr std::array<std::string_view, 84> kAbbreviations{
        "adm",  "ala",  "apr",  "ariz", "ark",  "assn",   "aug",  "ave",  "blvd", "bros", "calif",
        "capt", "cmdr", "co",   "col",  "colo", "conn",   "corp", "cos",  "cpl",  "dec",  "del",
        "dept", "det",  "dr",   "feb",  "fla",  "fr",     "ft",   "ga",   "gen",  "gov",  "hon",
        "ill",  "inc",  "ind",  "jan",  "jr",   "jul",    "jun",  "kan",  "ky",   "la",   "lt",
        "ltd",  "maj",  "mar",  "mass", "md",   "messrs", "mich", "minn", "miss", "mo",   "mont",
        "mr",   "mrs",  "ms",   "mt",   "neb",  "nev",    "no",   "nov",  "oct",  "okla", "ore",
        "pa",   "plc",  "prof", "pvt",  "rep",  "rev",    "sen",  "sep",  "sept", "sgt",  "sr",
        "st",   "supt", "tenn", "tex",  "va",   "vs",     "wash"};
    if (word.empty() || word.size() > 6) return false;
    char lower[8];
    for (size_t i = 0; i < word.size(); ++i)
        lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
    std::string_view key(lower, word.size());
    return std::binary_search(kAbbreviations.begin(), kAbbreviations.end(), key);
}

Tokenized tokenize(std::string_view text) {
    Tokenized out;
    out.tokens.reserve(text.size() / 5 + 1);
    Splitter(text, out).run();
    return out;
}

}  // namespace news::ner

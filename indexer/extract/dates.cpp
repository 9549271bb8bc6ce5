#include "dates.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "text.hpp"

namespace news {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Days since 1970-01-01 of a valid day.
long day_number(int y, int m, int d) {
    using namespace std::chrono;
    return sys_days(year_month_day{year{y}, month{static_cast<unsigned>(m)},
                                   day{static_cast<unsigned>(d)}})
        .time_since_epoch()
        .count();
}

long day_number(const Date& d) {
    return day_number(d.year, d.month, d.day);
}

bool same_day(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

Date date_of_day(int y, int m, int d) {
    Date out;
    out.year = y, out.month = m, out.day = d;
    return out;
}

// ---------------------------------------------------------------------------------------------
// Dates in URL paths

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

int number_of(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

// Years a news URL plausibly names; other four-digit numbers in paths are ids and sizes.
bool url_year(int y) {
    return y >= 1990 && y <= 2100;
}

// A day inside one path segment: 2023-11-07 or 2023_11_07 (alone or before a slug), or eight
// digits 20231107 standing alone between non-digits.
std::optional<Date> day_in_segment(std::string_view s) {
    for (size_t i = 0; i + 8 <= s.size(); ++i) {
        if (i > 0 && is_digit(s[i - 1])) continue;
        if (!is_digit(s[i])) continue;
        std::string_view rest = s.substr(i);
        if (rest.size() >= 10 && all_digits(rest.substr(0, 4)) &&
            (rest[4] == '-' || rest[4] == '_') && rest[7] == rest[4] &&
            all_digits(rest.substr(5, 2)) && all_digits(rest.substr(8, 2)) &&
            (rest.size() == 10 || !is_digit(rest[10]))) {
            int y = number_of(rest.substr(0, 4)), m = number_of(rest.substr(5, 2)),
                d = number_of(rest.substr(8, 2));
            if (url_year(y) && is_valid_day(y, m, d)) return date_of_day(y, m, d);
        }
        if (all_digits(rest.substr(0, 8)) && (rest.size() == 8 || !is_digit(rest[8]))) {
            int y = number_of(rest.substr(0, 4)), m = number_of(rest.substr(4, 2)),
                d = number_of(rest.substr(6, 2));
            if (url_year(y) && is_valid_day(y, m, d)) return date_of_day(y, m, d);
        }
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Dates in running text: a small tokenizer and the shapes dates take.

struct Tok {
    enum Kind : unsigned char { Num, Word, Punct };
    Kind kind = Punct;
    bool space_before = false;
    bool ordinal = false;  // 5th, 1er, 1º
    char punct = 0;        // Punct: the ASCII character ('Y', 'M', 'D' for CJK units)
    unsigned char digits = 0;
    int value = 0;
    uint32_t begin = 0, end = 0;
};

// Length of a multi-byte punctuation character at `i` (Latin-1 signs « » ° ·, the General
// Punctuation block's quotes, dashes and ellipsis, CJK and fullwidth punctuation), else 0: they
// separate words and numbers as ASCII punctuation does.
size_t punctuation_at(std::string_view s, size_t i) {
    auto at = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
    unsigned char a = at(i), b = at(i + 1), c = at(i + 2);
    if (a == 0xC2 && b >= 0xA0 && b <= 0xBF) return 2;
    if (a == 0xE2 && (b == 0x80 || (b == 0x81 && c <= 0xAF)) && c >= 0x80 && c <= 0xBF) return 3;
    if (a == 0xE3 && b == 0x80 && c >= 0x80 && c <= 0xBF) return 3;
    if (a == 0xEF && b == 0xBC && c >= 0x80 && c <= 0x8F) return 3;
    return 0;
}

std::vector<Tok> tokenize(std::string_view s) {
    std::vector<Tok> toks;
    bool space = false;
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        auto u = static_cast<unsigned char>(c);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = true;
            ++i;
            continue;
        }
        Tok t;
        t.space_before = space;
        t.begin = static_cast<uint32_t>(i);
        space = false;
        char plain = 0;
        if (size_t n = date_separator_at(s, i, plain); n > 0) {
            i += n;
            if (plain == ' ') {
                space = true;
                continue;
            }
            t.kind = Tok::Punct;
            t.punct = plain;
        } else if (size_t n = punctuation_at(s, i); n > 0) {
            i += n;
            t.kind = Tok::Punct;
            t.punct = '\'';  // stands for any sign that is not a date's own
        } else if (is_digit(c)) {
            size_t j = i;
            while (j < s.size() && is_digit(s[j]))
                ++j;
            t.kind = Tok::Num;
            t.digits = static_cast<unsigned char>(std::min<size_t>(j - i, 255));
            t.value = j - i <= 9 ? number_of(s.substr(i, j - i)) : 0;
            // Ordinal suffixes: 5th, 1st, 22nd, 3rd, 1er, 1º.
            auto suffix = [&](std::string_view suf) {
                if (s.size() - j < suf.size()) return false;
                for (size_t k = 0; k < suf.size(); ++k)
                    if (std::tolower(static_cast<unsigned char>(s[j + k])) != suf[k]) return false;
                return j + suf.size() == s.size() || !is_ascii_alpha(s[j + suf.size()]);
            };
            for (std::string_view suf : {"st", "nd", "rd", "th", "er"}) {
                if (suffix(suf)) {
                    t.ordinal = true;
                    j += 2;
                    break;
                }
            }
            if (s.substr(j, 2) == "º" || s.substr(j, 2) == "ª") {
                t.ordinal = true;
                j += 2;
            }
            i = j;
        } else if (is_ascii_alpha(c) || u >= 0x80) {
            size_t j = i;
            while (j < s.size()) {
                auto b = static_cast<unsigned char>(s[j]);
                if (b < 0x80) {
                    if (!is_ascii_alpha(s[j])) break;
                    ++j;
                    continue;
                }
                char ignored = 0;
                if (date_separator_at(s, j, ignored) > 0 || punctuation_at(s, j) > 0) break;
                ++j;
            }
            t.kind = Tok::Word;
            i = j;
        } else {
            t.kind = Tok::Punct;
            t.punct = c;
            ++i;
        }
        t.end = static_cast<uint32_t>(i);
        toks.push_back(t);
    }
    return toks;
}

class DateMatcher {
  public:
    DateMatcher(std::string_view text, const std::vector<Tok>& toks) : m_s(text), m_t(toks) {}

    // A date starting at token i: its last token in `last`.
    std::optional<TextDate> match(size_t i, size_t& last) const {
        const Tok& t = m_t[i];
        std::optional<TextDate> out;
        if (t.kind == Tok::Num && t.digits == 4 && !t.ordinal) out = year_first(i, last);
        if (!out && t.kind == Tok::Num && t.digits <= 2 && t.value >= 1) {
            out = numeric_day_first(i, last);
            if (!out) out = day_then_month_name(i, last);
        }
        if (!out && t.kind == Tok::Word) out = month_name_first(i, last);
        if (!out) return std::nullopt;
        // A date stands apart from the words and numbers around it: "1.9.22_1171" and
        // "ID12.03.2020" are codes. ("2024-03-05T09:30" goes on with its time.)
        if (i > 0 && glued(i) && sticks(i - 1)) return std::nullopt;
        if (has(last + 1) && glued(last + 1) && sticks(last + 1) &&
            !(is_word(last + 1, {"t"}) && glued(last + 2) && is_num(last + 2, 1, 2)))
            return std::nullopt;
        out->begin = t.begin;
        // A weekday before the date: "Samstag, 19. Juli 2014", "Tue, 05 Mar 2024".
        size_t k = i;
        if (k > 0 && is_punct(k - 1, ',')) --k;
        if (k > 0 && m_t[k - 1].kind == Tok::Word && is_weekday_name(word(k - 1))) {
            out->weekday = true;
            out->begin = m_t[k - 1].begin;
        }
        out->end = m_t[last].end;
        read_time(last, *out);
        return out;
    }

  private:
    std::string_view m_s;
    const std::vector<Tok>& m_t;

    bool has(size_t i) const { return i < m_t.size(); }
    bool is_punct(size_t i, char c) const {
        return has(i) && m_t[i].kind == Tok::Punct && m_t[i].punct == c;
    }
    bool is_num(size_t i, int min_digits, int max_digits) const {
        return has(i) && m_t[i].kind == Tok::Num && m_t[i].digits >= min_digits &&
               m_t[i].digits <= max_digits;
    }
    std::string word(size_t i) const {
        return fold_case(m_s.substr(m_t[i].begin, m_t[i].end - m_t[i].begin));
    }
    bool is_word(size_t i, std::initializer_list<std::string_view> words) const {
        if (!has(i) || m_t[i].kind != Tok::Word) return false;
        std::string w = word(i);
        return std::find(words.begin(), words.end(), w) != words.end();
    }
    int month_at(size_t i) const {
        if (!has(i) || m_t[i].kind != Tok::Word) return 0;
        size_t len = m_t[i].end - m_t[i].begin;
        if (len < 3 || len > 24) return 0;
        return month_from_name(word(i));
    }
    // Tokens that make a number next to them part of a code, not a date.
    bool sticks(size_t i) const {
        return m_t[i].kind == Tok::Word || m_t[i].kind == Tok::Num ||
               (m_t[i].kind == Tok::Punct && (m_t[i].punct == '_' || m_t[i].punct == '#'));
    }
    // The token glued to the one before it (no space between).
    bool glued(size_t i) const { return has(i) && !m_t[i].space_before; }

    // Part of a longer run of numbers: 1.2.3.4, 10/11/12/13, 2020-01-02-3.
    bool number_run_before(size_t i) const {
        return i >= 2 && glued(i) && m_t[i - 1].kind == Tok::Punct &&
               (m_t[i - 1].punct == '.' || m_t[i - 1].punct == '/' || m_t[i - 1].punct == '-' ||
                m_t[i - 1].punct == ':') &&
               !m_t[i - 1].space_before && m_t[i - 2].kind == Tok::Num;
    }
    bool number_run_after(size_t last, char sep) const {
        return is_punct(last + 1, sep) && glued(last + 1) && glued(last + 2) && has(last + 2) &&
               m_t[last + 2].kind == Tok::Num;
    }

    static int two_digit_year(int yy) { return yy <= 69 ? 2000 + yy : 1900 + yy; }

    // 2023-11-07, 2023/11/07, 2023.11.07, 2020年3月4日
    std::optional<TextDate> year_first(size_t i, size_t& last) const {
        if (number_run_before(i)) return std::nullopt;
        int y = m_t[i].value;
        if (has(i + 5) && is_punct(i + 1, 'Y') && is_num(i + 2, 1, 2) && is_punct(i + 3, 'M') &&
            is_num(i + 4, 1, 2) && is_punct(i + 5, 'D')) {
            if (!is_valid_day(y, m_t[i + 2].value, m_t[i + 4].value)) return std::nullopt;
            last = i + 5;
            TextDate out;
            out.date = date_of_day(y, m_t[i + 2].value, m_t[i + 4].value);
            return out;
        }
        if (!has(i + 4) || m_t[i + 1].kind != Tok::Punct) return std::nullopt;
        char sep = m_t[i + 1].punct;
        if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
        if (!glued(i + 1) || !glued(i + 2) || !glued(i + 3) || !glued(i + 4)) return std::nullopt;
        if (!is_num(i + 2, 1, 2) || !is_punct(i + 3, sep) || !is_num(i + 4, 1, 2))
            return std::nullopt;
        if (number_run_after(i + 4, sep)) return std::nullopt;
        int m = m_t[i + 2].value, d = m_t[i + 4].value;
        if (!is_valid_day(y, m, d)) return std::nullopt;
        last = i + 4;
        TextDate out;
        out.date = date_of_day(y, m, d);
        return out;
    }

    // 07.11.2023, 7.11.23, 11/07/2023, 07-11-2023
    std::optional<TextDate> numeric_day_first(size_t i, size_t& last) const {
        if (!has(i + 4) || m_t[i + 1].kind != Tok::Punct) return std::nullopt;
        char sep = m_t[i + 1].punct;
        if (sep != '.' && sep != '/' && sep != '-') return std::nullopt;
        if (number_run_before(i)) return std::nullopt;
        if (!glued(i + 1) || !glued(i + 3)) return std::nullopt;
        // "16. 1. 2019" is German too; other separators take no spaces.
        if (sep != '.' && (!glued(i + 2) || !glued(i + 4))) return std::nullopt;
        if (!is_num(i + 2, 1, 2) || !is_punct(i + 3, sep)) return std::nullopt;
        bool long_year = is_num(i + 4, 4, 4);
        // Two-digit years only in the full form 07.11.23: "1.9.22" is a version.
        if (!long_year && !(is_num(i + 4, 2, 2) && sep != '-' && glued(i + 4) &&
                            m_t[i].digits == 2 && m_t[i + 2].digits == 2))
            return std::nullopt;
        if (number_run_after(i + 4, sep)) return std::nullopt;
        int a = m_t[i].value, b = m_t[i + 2].value;
        int y = long_year ? m_t[i + 4].value : two_digit_year(m_t[i + 4].value);
        TextDate out;
        out.two_digit_year = !long_year;
        bool dm = is_valid_day(y, b, a), md = is_valid_day(y, a, b);
        if (sep == '.') {
            if (!dm) return std::nullopt;
            out.date = date_of_day(y, b, a);
        } else if (dm && md && a != b) {
            out.date = date_of_day(y, b, a);
            out.month_first = date_of_day(y, a, b);
        } else if (dm) {
            out.date = date_of_day(y, b, a);
        } else if (md) {
            out.date = date_of_day(y, a, b);
        } else {
            return std::nullopt;
        }
        last = i + 4;
        return out;
    }

    // Skips one of the small words that sit inside dates ("17 de marzo de 2020", "5th of May").
    size_t skip_filler(size_t i) const {
        if (is_word(i, {"de", "del", "of", "the", "di"})) return i + 1;
        return i;
    }

    // 7. November 2023, 7 novembre 2023, 17 de marzo de 2020, 5th of May, 2024, 26 Mai, 2008
    std::optional<TextDate> day_then_month_name(size_t i, size_t& last) const {
        int d = m_t[i].value;
        size_t j = i + 1;
        if (is_punct(j, '.') && glued(j)) ++j;
        j = skip_filler(j);
        int m = month_at(j);
        if (m == 0) return std::nullopt;
        ++j;
        if (is_punct(j, '.') && glued(j)) ++j;
        if (is_punct(j, ',')) ++j;
        j = skip_filler(j);
        if (!is_num(j, 4, 4) || m_t[j].ordinal) return std::nullopt;
        int y = m_t[j].value;
        if (!is_valid_day(y, m, d)) return std::nullopt;
        if (number_run_after(j, '.') || number_run_after(j, '/')) return std::nullopt;
        last = j;
        TextDate out;
        out.date = date_of_day(y, m, d);
        return out;
    }

    // November 7, 2023, Nov. 7th 2023, Juli 12, 2017, Mai 06 2018
    std::optional<TextDate> month_name_first(size_t i, size_t& last) const {
        size_t j = i + 1;
        if (is_punct(j, '.') && glued(j)) ++j;
        if (!is_num(j, 1, 2)) return std::nullopt;  // checked first: most words are no month
        int m = month_at(i);
        if (m == 0) return std::nullopt;
        int d = m_t[j].value;
        ++j;
        if (is_punct(j, ',') || (is_punct(j, '.') && glued(j))) ++j;
        if (!is_num(j, 4, 4) || m_t[j].ordinal) return std::nullopt;
        int y = m_t[j].value;
        if (!is_valid_day(y, m, d)) return std::nullopt;
        if (number_run_after(j, '.') || number_run_after(j, '/')) return std::nullopt;
        last = j;
        TextDate out;
        out.date = date_of_day(y, m, d);
        return out;
    }

    // The time after a date: ", 2:00 PM", " um 14:30 Uhr", " à 14h30", " - 13:30", " 09:15 GMT+1".
    void read_time(size_t& last, TextDate& out) const {
        size_t j = last + 1;
        for (int skipped = 0; skipped < 3 && has(j); ++skipped) {
            const Tok& t = m_t[j];
            if (t.kind == Tok::Punct && (t.punct == ',' || t.punct == '-' || t.punct == '|' ||
                                         t.punct == '/' || t.punct == '@' || t.punct == '('))
                ++j;
            else if (is_word(j, {"um", "at", "à", "a", "alle", "ore", "om", "kl", "klo", "às", "as",
                                 "o", "las", "le", "h", "t"}))
                ++j;
            else
                break;
        }
        if (!is_num(j, 1, 2)) return;
        int hh = m_t[j].value, mm = 0, ss = 0;
        size_t k = j + 1;
        if (is_punct(k, ':') && glued(k) && glued(k + 1) && is_num(k + 1, 2, 2)) {
            mm = m_t[k + 1].value;
            k += 2;
            if (is_punct(k, ':') && glued(k) && glued(k + 1) && is_num(k + 1, 2, 2)) {
                ss = m_t[k + 1].value;
                k += 2;
            }
        } else if (is_word(k, {"h"}) && glued(k) && glued(k + 1) && is_num(k + 1, 2, 2)) {
            mm = m_t[k + 1].value;  // 14h30
            k += 2;
        } else if (is_punct(k, '.') && glued(k) && glued(k + 1) && is_num(k + 1, 2, 2) &&
                   is_word(k + 2, {"uhr", "h"})) {
            mm = m_t[k + 1].value;  // 14.30 Uhr
            k += 2;
        } else {
            return;
        }
        if (hh > 23 || mm > 59 || ss > 59) return;
        // am/pm: "2:00 PM", "2:00pm", "12:15 a.m."
        bool pm = false, am = false;
        if (is_word(k, {"pm", "p"})) {
            pm = true;
        } else if (is_word(k, {"am", "a"})) {
            am = true;
        }
        if (pm || am) {
            if (word(k).size() == 1) {
                if (!(is_punct(k + 1, '.') && is_word(k + 2, {"m"}))) return;
                k += 2;
                if (is_punct(k + 1, '.') && glued(k + 1)) ++k;
            }
            ++k;
            if (hh == 0 || hh > 12) return;
            if (pm && hh < 12) hh += 12;
            if (am && hh == 12) hh = 0;
        }
        if (is_word(k, {"uhr", "h"})) ++k;
        Date& d = out.date;
        d.has_time = true, d.hour = hh, d.minute = mm, d.second = ss;
        // A zone: "GMT", "UTC+1", "+01:00", "-0500".
        if (is_word(k, {"utc", "gmt", "z"})) {
            d.utc_offset_minutes = 0;
            ++k;
            if (has(k + 1) && glued(k) && (is_punct(k, '+') || is_punct(k, '-')) &&
                is_num(k + 1, 1, 4) && glued(k + 1)) {
                int v = m_t[k + 1].value, minutes = 0;
                if (m_t[k + 1].digits <= 2)
                    minutes = v * 60;
                else
                    minutes = (v / 100) * 60 + v % 100;
                size_t after = k + 2;
                if (m_t[k + 1].digits <= 2 && is_punct(after, ':') && is_num(after + 1, 2, 2)) {
                    minutes += m_t[after + 1].value;
                    after += 2;
                }
                if (minutes <= 14 * 60) {
                    d.utc_offset_minutes = is_punct(k, '-') ? -minutes : minutes;
                    k = after;
                }
            }
        } else if (has(k) && m_t[k].kind == Tok::Word && is_zone_abbreviation(word(k))) {
            ++k;  // "18:20 CEST": the offset of a named zone is ambiguous; the day is right
        } else if (has(k + 1) && (is_punct(k, '+') || is_punct(k, '-')) && is_num(k + 1, 4, 4) &&
                   glued(k + 1)) {
            int v = m_t[k + 1].value;
            int minutes = (v / 100) * 60 + v % 100;
            if (minutes <= 14 * 60 && v % 100 < 60) {
                d.utc_offset_minutes = is_punct(k, '-') ? -minutes : minutes;
                k += 2;
            }
        }
        if (out.month_first) {
            Date& alt = *out.month_first;
            alt.has_time = d.has_time, alt.hour = d.hour, alt.minute = d.minute;
            alt.second = d.second, alt.utc_offset_minutes = d.utc_offset_minutes;
        }
        last = k - 1;
        out.end = m_t[last].end;
    }
};

// ---------------------------------------------------------------------------------------------
// Labels

bool word_start(std::string_view s, size_t pos) {
    if (pos == 0) return true;
    auto c = static_cast<unsigned char>(s[pos - 1]);
    return !(is_ascii_alpha(static_cast<char>(c)) || c >= 0x80);
}

// The position just after the last whole-word-start occurrence of any of `words` in `s`, or 0.
size_t last_label(std::string_view s, std::initializer_list<std::string_view> words) {
    size_t best = 0;
    for (std::string_view w : words) {
        for (size_t pos = s.rfind(w); pos != std::string_view::npos;
             pos = pos == 0 ? std::string_view::npos : s.rfind(w, pos - 1)) {
            if (word_start(s, pos)) {
                best = std::max(best, pos + w.size());
                break;
            }
        }
    }
    return best;
}

const std::initializer_list<std::string_view> kPublishedWords{
    "published",       "publish",       "posted",       "post date",    "written",
    "created",         "released",      "issued",       "date:",        "veröffentlicht",
    "veroeffentlicht", "publiziert",    "erschienen",   "erstellt",     "geschrieben",
    "verfasst",        "gepostet",      "eingestellt",  "datum",        "publié",
    "mis en ligne",    "mise en ligne", "publicado",    "publicada",    "fecha",
    "pubblicato",      "pubblicata",    "gepubliceerd", "geplaatst",    "opublikowano",
    "publikováno",     "yayınlanma",    "yayın tarihi", "опубликовано", "опубліковано"};

const std::initializer_list<std::string_view> kUpdatedWords{
    "updated",       "update",      "modified",      "revised",        "edited",
    "last revision", "changed",     "aktualisiert",  "aktualisierung", "geändert",
    "geaendert",     "änderung",    "zuletzt",       "bearbeitet",     "mis à jour",
    "mise à jour",   "actualisé",   "actualizado",   "actualizada",    "actualización",
    "aggiornato",    "aggiornata",  "aggiornamento", "bijgewerkt",     "atualizado",
    "atualizada",    "atualização", "güncelle",      "zaktualizowano", "aktualizováno",
    "обновлено",     "оновлено"};

// Labels written after the date: "... am 3. Dezember 2011 veröffentlicht", "zuletzt am ...
// geändert".
DateLabel date_label_after(std::string_view text) {
    std::string l = fold_case(text.substr(0, 48));
    size_t pub = last_label(l, {"veröffentlicht", "gepostet", "geschrieben", "erstellt", "publié",
                                "publicado", "pubblicato"});
    size_t upd = last_label(l, {"geändert", "aktualisiert", "bearbeitet"});
    if (pub == 0 && upd == 0) return DateLabel::None;
    // The first label after the date is its own.
    if (pub != 0 && (upd == 0 || pub < upd)) return DateLabel::Published;
    return DateLabel::Updated;
}

// ---------------------------------------------------------------------------------------------
// The page walk: dates shown on the page, with where they stand.

enum Flag : unsigned {
    kDateish = 1u << 0,     // class, id or itemprop names a date
    kPubHint = 1u << 1,     // ... a publication date
    kModHint = 1u << 2,     // ... a modification date
    kComment = 1u << 3,     // a comment or a reply
    kFurniture = 1u << 4,   // nav, aside, sidebars, related lists, the site's footer
    kQuoted = 1u << 5,      // an embedded post (blockquote, tweet) quotes its own date
    kArticle = 1u << 6,     // inside <article> or <main>
    kSiteHeader = 1u << 7,  // the site's header, masthead, top bar or "today" box
    kTimeRead = 1u << 8,    // inside a <time> whose datetime gave a candidate
};

bool contains_any(std::string_view s, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
        if (s.find(w) != std::string_view::npos) return true;
    return false;
}

// Whether a word of a class or id list (words separated by spaces) passes `test`.
template <typename Test>
bool any_word(std::string_view names, Test test) {
    for (size_t i = 0; i < names.size();) {
        size_t j = names.find_first_of(" \t\n\r\f", i);
        if (j == std::string_view::npos) j = names.size();
        if (j > i && test(names.substr(i, j - i))) return true;
        i = j + 1;
    }
    return false;
}

// Comments: "comment-body", "commentlist", "disqus_thread"; not "comments-open" or
// "comment-count", which sit on articles, nor "comments-date", an article's date line.
bool names_comments(std::string_view names) {
    return any_word(names, [](std::string_view w) {
        return contains_any(w, {"comment", "disqus", "replies"}) &&
               !contains_any(w, {"open", "closed", "count", "link", "number", "num", "icon",
                                 "button", "btn", "status", "bubble", "date"});
    });
}

// The site's own header and footer: "header", "site-header", "footer_print", "masthead";
// not "entry-header" or "date-header", which belong to posts.
bool names_site_header(std::string_view names) {
    return any_word(names,
                    [](std::string_view w) {
                        return w.starts_with("header") || w.starts_with("site-header") ||
                               w.starts_with("site_header") || w.starts_with("page-header") ||
                               w.starts_with("topbar") || w.starts_with("top-bar") ||
                               w.starts_with("masthead") || w.starts_with("navbar");
                    }) ||
           contains_any(names, {"today", "heute", "current-date", "currentdate", "ora_attuale"});
}

bool names_site_footer(std::string_view names) {
    return any_word(names, [](std::string_view w) {
        return w.starts_with("footer") || w.starts_with("site-footer") ||
               w.starts_with("site_footer") || w.starts_with("page-footer") ||
               w.starts_with("global-footer");
    });
}

// The words of a class list, folded, without those CMSs derive from the post's properties
// ("status-publish", "category-dates", "tag-comments", "format-standard"): they say nothing of
// what the element shows.
std::string class_words(std::string_view cls) {
    std::string folded = fold_case(cls);
    std::string out;
    any_word(folded, [&](std::string_view w) {
        for (std::string_view p : {"status-", "category-", "tag-", "format-", "type-", "postid-"})
            if (w.starts_with(p)) return false;
        if (!out.empty()) out += ' ';
        out += w;
        return false;
    });
    return out;
}

// What an element's class, id and itemprop say, whatever the element and its parents. Every
// hint word is looked for within one name, so the hints of the three attributes are those of
// each, or-ed (merge()).
struct NameHints {
    bool dateish = false;      // a date line's names
    bool pub = false;          // the publication's
    bool mod = false;          // the modification's (unless pub: see own_flags)
    bool comment = false;      // a comment's
    bool furniture = false;    // related stories, menus
    bool sidebar = false;      // a sidebar: furniture unless the article's own
    bool quoted = false;       // an embedded post
    bool site_footer = false;  // the site's footer or header, unless inside the article
    bool site_header = false;

    void merge(const NameHints& o) {
        dateish |= o.dateish, pub |= o.pub, mod |= o.mod, comment |= o.comment;
        furniture |= o.furniture, sidebar |= o.sidebar, quoted |= o.quoted;
        site_footer |= o.site_footer, site_header |= o.site_header;
    }
};

// The hints of names already folded (words separated by spaces).
NameHints name_hints(std::string_view names) {
    NameHints h;
    h.dateish =
        contains_any(names, {"date", "datum", "time", "publish", "posted", "byline", "meta",
                             "created", "fecha", "zeit", "dateline", "data", "stamp", "author",
                             "autor", "submitted"});
    h.pub = contains_any(names, {"publish", "pubdate", "posted", "created", "erstellt"});
    h.mod = contains_any(names, {"modif", "lastmod", "last-mod", "last_mod", "changed",
                                 "date-updated", "updated-date", "update-date", "last-updated",
                                 "lastupdated", "updated_at", "date_updated", "updatedate"});
    h.comment = names_comments(names);
    h.furniture = contains_any(names, {"related", "recommend", "popular", "trending", "most-read",
                                       "mostread", "navbar", "menu", "newsticker", "teaser-list",
                                       "more-stories", "morestories"});
    h.sidebar = contains_any(names, {"sidebar", "widget-area", "widget_"});
    h.quoted = contains_any(names, {"twitter-tweet", "instagram-media", "tiktok-embed", "fb-post"});
    h.site_footer = names_site_footer(names);
    h.site_header = names_site_header(names);
    return h;
}

// The hints of a class value (its CMS-derived words left out) or of an id or itemprop,
// remembered by thread: a page repeats a few class values on most of its elements, and sites
// repeat them across pages. Ids, mostly unique, are short.
const NameHints& attribute_hints(std::string_view value, bool is_class) {
    thread_local std::unordered_map<std::string, NameHints> seen[2];
    auto& cache = seen[is_class ? 1 : 0];
    thread_local std::string key;
    key.assign(value);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() >= (1u << 15)) cache.clear();
    NameHints h = name_hints(is_class ? class_words(value) : fold_case(value));
    return cache.emplace(key, h).first->second;
}

unsigned own_flags(const GumboNode* n, unsigned parent) {
    unsigned f = 0;
    GumboTag tag = n->v.element.tag;
    switch (tag) {
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
            f |= kArticle;
            break;
        case GUMBO_TAG_NAV:
            f |= kFurniture;
            break;
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FOOTER:
            // An article's own aside or footer holds its date line as often as anything else.
            if (!(parent & kArticle)) f |= kFurniture;
            break;
        case GUMBO_TAG_HEADER:
            if (!(parent & kArticle)) f |= kSiteHeader;
            break;
        case GUMBO_TAG_BLOCKQUOTE:
            f |= kQuoted;
            break;
        default:
            break;
    }
    std::string_view cls = attribute(n, "class"), id = attribute(n, "id");
    std::string_view prop = attribute(n, "itemprop");
    if (cls.empty() && id.empty() && prop.empty()) {
        if (attribute(n, "role") == "main") f |= kArticle;
        return f;
    }
    NameHints h;
    if (!cls.empty()) h.merge(attribute_hints(cls, true));
    if (!id.empty()) h.merge(attribute_hints(id, false));
    if (!prop.empty()) h.merge(attribute_hints(prop, false));
    // WordPress themes mark the publication date "updated" too, so that word alone says nothing.
    h.mod = h.mod && !h.pub;
    if (prop == "articleBody" || attribute(n, "role") == "main" ||
        contains_any(fold_case(attribute(n, "itemtype")), {"article", "blogposting"}))
        f |= kArticle;
    if (h.dateish) f |= kDateish;
    if (h.pub) f |= kPubHint;
    if (h.mod) f |= kModHint;
    if (h.comment) f |= kComment;
    if (h.furniture) f |= kFurniture;
    // An article's own sidebar holds its credits and date; the page's holds other pages'.
    if (h.sidebar && !((parent | f) & kArticle)) f |= kFurniture;
    if (h.quoted) f |= kQuoted;
    if (!((parent | f) & kArticle)) {
        if (h.site_footer) f |= kFurniture;
        if (h.site_header) f |= kSiteHeader;
    }
    return f;
}

bool is_inline(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_A:
        case GUMBO_TAG_ABBR:
        case GUMBO_TAG_B:
        case GUMBO_TAG_BDI:
        case GUMBO_TAG_BDO:
        case GUMBO_TAG_BIG:
        case GUMBO_TAG_CITE:
        case GUMBO_TAG_CODE:
        case GUMBO_TAG_DATA:
        case GUMBO_TAG_DFN:
        case GUMBO_TAG_EM:
        case GUMBO_TAG_FONT:
        case GUMBO_TAG_I:
        case GUMBO_TAG_IMG:
        case GUMBO_TAG_INS:
        case GUMBO_TAG_KBD:
        case GUMBO_TAG_LABEL:
        case GUMBO_TAG_MARK:
        case GUMBO_TAG_NOBR:
        case GUMBO_TAG_Q:
        case GUMBO_TAG_S:
        case GUMBO_TAG_SAMP:
        case GUMBO_TAG_SMALL:
        case GUMBO_TAG_SPAN:
        case GUMBO_TAG_STRIKE:
        case GUMBO_TAG_STRONG:
        case GUMBO_TAG_SUB:
        case GUMBO_TAG_SUP:
        case GUMBO_TAG_TIME:
        case GUMBO_TAG_TT:
        case GUMBO_TAG_U:
        case GUMBO_TAG_VAR:
        case GUMBO_TAG_WBR:
            return true;
        default:
            return false;
    }
}

bool skipped_subtree(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_IFRAME:
            return true;
        default:
            return false;
    }
}

// Whether the text before a date is nothing or a place: a few capitalised words and punctuation.
bool place_prefix(std::string_view before) {
    if (before.size() > 30) return false;
    int words = 0;
    bool in_word = false;
    for (size_t i = 0; i < before.size(); ++i) {
        auto c = static_cast<unsigned char>(before[i]);
        bool letter = is_ascii_alpha(static_cast<char>(c)) || c >= 0x80;
        if (letter && !in_word) {
            if (c >= 'a' && c <= 'z') return false;
            ++words;
        }
        in_word = letter;
    }
    return words <= 3;
}

struct Candidate {
    Date date;
    std::optional<Date> month_first;
    bool from_attribute = false;  // <time datetime>, itemprop content, abbr title
    bool hidden = false;          // ... of an element that shows no text (<meta itemprop>)
    unsigned flags = 0;
    DateLabel label = DateLabel::None;
    size_t pos = 0;           // where in the page's visible text it stands
    size_t block_len = 0;     // the length of the text block it stands in
    size_t block_offset = 0;  // where in the block it starts
    size_t date_len = 0;
    bool two_digit_year = false;
    bool weekday = false;
    bool opens_block = false;  // a dateline: the block starts with it, or with a place and it
    std::vector<uint32_t> furniture;  // the furniture and comment elements around it (spans)
    int score = 0;
};

// An element whose class or tag says menu, sidebar, site header or footer, by the span of
// visible text it holds. Whether it is furniture is decided once the headline is known: the
// element that holds the headline is the article's column, whatever its class says
// ("mainwrap sidebar" is a layout with a sidebar, not one).
struct Span {
    size_t begin = 0;
    size_t end = SIZE_MAX;
    enum class Kind { Furniture, SiteHeader, Comments } kind = Kind::Furniture;
    bool contains(size_t pos) const { return begin <= pos && pos < end; }
};

// Bounds that keep the walk fast on huge pages: dates that decide are near the top.
constexpr size_t kMaxTextBytes = 300000;
constexpr size_t kMaxCandidates = 400;
constexpr size_t kScanPerBlock = 400;  // bytes of a long block read for dates
constexpr size_t kMaxScriptBytes = 200000;

class PageDates {
  public:
    explicit PageDates(const DateEvidence& evidence) : m_title(normalise(evidence.title)) {}

    void collect(const HtmlDocument& doc) {
        m_open.push_back({0, false});
        walk(
            doc.root(), [&](const GumboNode* n) { return enter(n); },
            [&](const GumboNode* n) { leave(n); });
        flush();
        choose_anchor();
    }

    std::vector<Candidate>& candidates() { return m_candidates; }
    const std::vector<Candidate>& candidates() const { return m_candidates; }
    // The first publication date a script's data states ("published_at": "..."), if any.
    const std::optional<Date>& script_date() const { return m_script_date; }
    // <html lang>, else og:locale, lower case: "en-gb", "de", "" when absent.
    const std::string& locale() const { return m_locale; }
    // Where the headline starts in the visible text, when the page has one.
    std::optional<size_t> anchor() const { return m_anchor; }
    // Whether a candidate stands in a menu, a sidebar, the site's header or footer.
    bool in_furniture(const Candidate& c) const {
        for (uint32_t i : c.furniture) {
            const Span& s = m_spans[i];
            if (s.kind == Span::Kind::Comments) continue;
            // A site's header shows the day's date, never a "published" one: a header that
            // says so is the article's own.
            if (s.kind == Span::Kind::SiteHeader && c.label == DateLabel::Published) continue;
            if (!m_anchor || !s.contains(*m_anchor)) return true;
        }
        return false;
    }
    // Whether a candidate stands in the comments. They follow the article: a "comment" class
    // on or above the headline names an opinion piece ("ArticleHeaderComment").
    bool in_comments(const Candidate& c) const {
        for (uint32_t i : c.furniture)
            if (m_spans[i].kind == Span::Kind::Comments &&
                (!m_anchor || m_spans[i].begin > *m_anchor))
                return true;
        return false;
    }

  private:
    struct Open {
        unsigned flags;
        bool span;  // the element opened a furniture span
    };
    struct Segment {
        size_t offset;  // in the block
        unsigned flags;
    };
    struct Pending {  // an attribute date waiting for its block's label
        Candidate c;
        size_t offset;
    };
    struct Heading {
        size_t pos;
        bool title;      // holds the page's title
        bool furniture;  // inside a furniture-like element
        bool h1;
    };

    std::string m_title;
    std::string m_locale;
    std::vector<Open> m_open;  // the open elements
    std::vector<Span> m_spans;
    std::vector<uint32_t> m_open_spans;
    std::string m_block;
    std::vector<Segment> m_segments;
    std::vector<Pending> m_pending;
    size_t m_block_start = 0;  // text position of the block's first byte
    size_t m_text = 0;         // visible text seen so far
    std::vector<Heading> m_headings;
    std::optional<Date> m_script_date;
    size_t m_script_bytes = 0;  // script text searched so far
    size_t m_inspected = 0;     // elements whose text was compared with the title
    std::optional<size_t> m_anchor;
    std::vector<Candidate> m_candidates;

    static std::string normalise(std::string_view s) { return fold_case(collapse_whitespace(s)); }

    bool full() const { return m_text > kMaxTextBytes || m_candidates.size() >= kMaxCandidates; }

    bool enter(const GumboNode* n) {
        if (n->type == GUMBO_NODE_DOCUMENT) return true;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
            add_text(n->v.text.text);
            return false;
        }
        if (n->type == GUMBO_NODE_WHITESPACE) {
            if (!m_block.empty() && m_block.back() != ' ') m_block += ' ';
            return false;
        }
        if (n->type != GUMBO_NODE_ELEMENT || full()) return false;
        GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_SCRIPT) script(n);
        if (skipped_subtree(t)) return false;
        if (t == GUMBO_TAG_HTML) {
            m_locale = fold_case(attribute(n, "lang"));
            if (m_locale.empty()) m_locale = fold_case(attribute(n, "xml:lang"));
        } else if (t == GUMBO_TAG_META && m_locale.empty() &&
                   attribute(n, "property") == "og:locale") {
            m_locale = fold_case(attribute(n, "content"));  // "en_GB"
            std::replace(m_locale.begin(), m_locale.end(), '_', '-');
        }
        if (!is_inline(t)) flush();
        unsigned parent = m_open.back().flags;
        unsigned own = own_flags(n, parent);
        unsigned f = parent | own;
        bool span = (own & (kFurniture | kSiteHeader | kComment)) != 0;
        if (span) {
            m_open_spans.push_back(static_cast<uint32_t>(m_spans.size()));
            m_spans.push_back({m_text, SIZE_MAX,
                               (own & kFurniture)    ? Span::Kind::Furniture
                               : (own & kSiteHeader) ? Span::Kind::SiteHeader
                                                     : Span::Kind::Comments});
        }
        if (t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
            (!is_inline(t) && n->v.element.children.length <= 4 &&
             contains_any(fold_case(attribute(n, "class")), {"title", "headline", "h1"})))
            heading(n, t, f);
        attribute_dates(n, t, f);
        if (t == GUMBO_TAG_BR) flush();
        m_open.push_back({f, span});
        return true;
    }

    void leave(const GumboNode* n) {
        if (n->type != GUMBO_NODE_ELEMENT) return;
        if (!is_inline(n->v.element.tag)) flush();
        if (m_open.size() <= 1) return;
        if (m_open.back().span) {
            m_spans[m_open_spans.back()].end = m_text;
            m_open_spans.pop_back();
        }
        m_open.pop_back();
    }

    void add_text(std::string_view text) {
        if (full()) return;
        std::string t = collapse_whitespace(text);
        if (t.empty()) return;
        // Text of separate elements is separate, spaced or not: "<span>Original
        // Research</span><span>7 April 2020</span>" shows as two items.
        if (!m_block.empty() && m_block.back() != ' ') m_block += ' ';
        if (m_block.empty()) m_block_start = m_text;
        m_segments.push_back({m_block.size(), m_open.back().flags});
        m_block += t;
        m_text += t.size() + 1;
    }

    // Scripts other than JSON-LD often carry the page's data as JSON: a store's product, a CMS's
    // article. The first publication date in them is the page's own more often than not.
    void script(const GumboNode* n) {
        if (m_script_date || m_script_bytes > kMaxScriptBytes) return;
        if (n->v.element.children.length == 0) return;
        std::string_view type = attribute(n, "type");
        if (type.find("ld+json") != std::string_view::npos) return;  // html_metadata reads it
        const auto* child = static_cast<const GumboNode*>(n->v.element.children.data[0]);
        if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_CDATA) return;
        std::string_view text = child->v.text.text;
        text = text.substr(0, kMaxScriptBytes - m_script_bytes);
        m_script_bytes += text.size() + 1;
        for (std::string_view key :
             {"datePublished", "published_at", "publishedAt", "publishDate", "publishedDate",
              "publish_date", "date_published", "publicationDate", "pubDate"}) {
            std::string v = find_json_string(text, key);
            if (v.empty()) continue;
            if (std::optional<Date> d = parse_date(v)) {
                m_script_date = d;
                return;
            }
        }
    }

    // Headings, and elements styled as one (<p class="h1">, <div class="entry-title">), that
    // may be the headline.
    void heading(const GumboNode* n, GumboTag t, unsigned f) {
        bool title = false;
        if (!m_title.empty() && m_headings.size() < 64 && m_inspected++ < 256) {
            std::string h = normalise(inner_text(n));
            title = h.size() >= 8 &&
                    (m_title.find(h) != std::string::npos || h.find(m_title) != std::string::npos);
        }
        bool furniture = (f & (kFurniture | kSiteHeader | kComment)) != 0;
        if (title || t == GUMBO_TAG_H1)
            m_headings.push_back({m_text, title, furniture, t == GUMBO_TAG_H1});
    }

    // The headline is where the article starts: the heading that holds the page's title (one
    // outside menus first), else the first <h1> (outside menus and mastheads first).
    void choose_anchor() {
        for (int pass = 0; pass < 4 && !m_anchor; ++pass) {
            for (const Heading& h : m_headings) {
                bool ok = pass == 0   ? h.title && !h.furniture
                          : pass == 1 ? h.title
                          : pass == 2 ? h.h1 && !h.furniture
                                      : h.h1;
                if (ok) {
                    m_anchor = h.pos;
                    break;
                }
            }
        }
    }

    void attribute_dates(const GumboNode* n, GumboTag t, unsigned& f) {
        std::string_view value;
        if (t == GUMBO_TAG_TIME) {
            value = attribute(n, "datetime");
        } else if (std::string_view prop = attribute(n, "itemprop");
                   prop == "datePublished" || prop == "dateCreated" || prop == "dateModified") {
            value = attribute(n, "content");
            if (value.empty()) value = attribute(n, "datetime");
            f |= prop == "dateModified" ? kModHint : kPubHint;
        } else if (t == GUMBO_TAG_ABBR && (f & kDateish)) {
            value = attribute(n, "title");  // hAtom: <abbr class="published" title="2009-08-06">
        }
        if (value.empty()) return;
        std::optional<Date> d = parse_date(value);
        if (!d) return;
        Candidate c;
        c.date = *d;
        c.from_attribute = true;
        c.hidden = t == GUMBO_TAG_META || n->v.element.children.length == 0;
        c.flags = f;
        c.date_len = 10;
        m_pending.push_back({c, m_block.size()});
        f |= kTimeRead;
    }

    unsigned flags_at(size_t offset) const {
        unsigned f = m_segments.empty() ? m_open.back().flags : m_segments.front().flags;
        for (const Segment& s : m_segments) {
            if (s.offset > offset) break;
            f = s.flags;
        }
        return f;
    }

    void flush() {
        if (m_block.empty() && m_pending.empty()) return;
        std::string_view block = m_block;
        size_t prev_end = 0;
        auto add = [&](Candidate c, size_t begin, size_t end) {
            if (m_candidates.size() >= kMaxCandidates) return;
            size_t from = std::max(prev_end, begin > 80 ? begin - 80 : size_t{0});
            if (from > begin) from = begin;
            c.label = date_label_before(block.substr(from, begin - from));
            if (c.label == DateLabel::None && end <= block.size())
                c.label = date_label_after(block.substr(end));
            c.pos = m_block_start + begin;
            c.block_len = block.size();
            c.block_offset = begin;
            c.opens_block = begin <= 3 || place_prefix(block.substr(0, begin));
            c.furniture = m_open_spans;
            m_candidates.push_back(std::move(c));
        };
        size_t pending = 0;
        // Every date has digits; most blocks of a page have none.
        if (block.find_first_of("0123456789") != std::string_view::npos) {
            std::string_view scan = block.substr(0, kScanPerBlock);
            for (const TextDate& td : find_text_dates(scan, 8)) {
                while (pending < m_pending.size() && m_pending[pending].offset <= td.begin) {
                    add(m_pending[pending].c, m_pending[pending].offset, m_pending[pending].offset);
                    ++pending;
                }
                unsigned f = flags_at(td.begin);
                if (f & kTimeRead) continue;  // the <time> element's datetime said it
                // A date split over elements takes the hints of all of them.
                for (const Segment& s : m_segments)
                    if (s.offset > td.begin && s.offset < td.end)
                        f |= s.flags & (kDateish | kPubHint);
                Candidate c;
                c.date = td.date;
                c.month_first = td.month_first;
                c.flags = f;
                c.date_len = td.end - td.begin;
                c.two_digit_year = td.two_digit_year;
                c.weekday = td.weekday;
                add(std::move(c), td.begin, td.end);
                prev_end = td.end;
            }
        }
        for (; pending < m_pending.size(); ++pending)
            add(m_pending[pending].c, m_pending[pending].offset, m_pending[pending].offset);
        m_pending.clear();
        m_block.clear();
        m_segments.clear();
    }
};

// ---------------------------------------------------------------------------------------------
// Weighing the evidence

bool plausible(const Date& d, const Date& today) {
    if (d.year < 1995) return false;
    // A day ahead of today is a zone away; more is a future date (an event, a typo).
    return day_number(d) <= day_number(today) + 1;
}

// A publication date the page declares in its metadata may be old: a digitised archive's
// page states its 1987 story's day. Only days that systems write when they have no date (the
// Unix epoch, SQL's and spreadsheets' 1900-01-01) and the future are refused. Dates found in
// the text need plausible() instead, which rejects anything before the web.
bool plausible_declared(const Date& d, const Date& today) {
    if (d.year < 1800) return false;
    if ((d.year == 1970 && d.month == 1 && d.day == 1) ||
        (d.year == 1969 && d.month == 12 && d.day == 31) ||
        (d.year == 1900 && d.month == 1 && d.day == 1))
        return false;
    return day_number(d) <= day_number(today) + 1;
}

// Minutes since the epoch in UTC, for dates with a time and a zone.
std::optional<long> instant(const Date& d) {
    if (!d.has_time || !d.utc_offset_minutes) return std::nullopt;
    return day_number(d) * 1440 + d.hour * 60 + d.minute - *d.utc_offset_minutes;
}

std::optional<long> local_minutes(const Date& d) {
    if (!d.has_time) return std::nullopt;
    return day_number(d) * 1440 + d.hour * 60 + d.minute;
}

// A declared date given in UTC is shown on the page in the publisher's zone; its day there is
// the one readers (and archives) give. Another statement of the same moment with a zone offset,
// or of the same clock time shifted by whole hours without one, tells that local day.
Date local_form(const Date& declared, const std::vector<Date>& others) {
    std::optional<long> at = instant(declared);
    if (!at || *declared.utc_offset_minutes != 0) return declared;
    for (const Date& o : others) {
        if (day_number(o) == day_number(declared)) continue;
        if (o.has_time && o.utc_offset_minutes && *o.utc_offset_minutes != 0) {
            if (instant(o) == at) return o;
        } else if (o.has_time && !o.utc_offset_minutes && o.second == declared.second) {
            long diff = *local_minutes(o) - *at;
            if (diff != 0 && diff % 30 == 0 && diff >= -12 * 60 && diff <= 14 * 60) return o;
        }
    }
    return declared;
}

// Scores a shown date needs to be taken, and to overrule the page's metadata.
constexpr int kThreshold = 2;
constexpr int kOverride = 6;

// Whether numeric dates read month first (03/05/2024 is March 5): in American English, and in
// English pages that name no region; British, Irish, Indian, Australian English and other
// languages put the day first.
bool month_first_locale(std::string_view locale, std::string_view language) {
    if (locale.starts_with("en")) return locale.size() == 2 || locale.substr(3, 2) == "us";
    return locale.empty() && language == "en";
}

bool same_day_of(const Candidate& a, const Candidate& b) {
    return same_day(a.date, b.date);
}

bool near_anchor(const Candidate& c, std::optional<size_t> anchor) {
    if (!anchor) return false;
    return c.pos >= *anchor ? c.pos - *anchor <= 1500 : *anchor - c.pos <= 400;
}

// A date line: the date and its label are most of the block.
bool standalone(const Candidate& c) {
    return !c.from_attribute && c.block_len <= c.date_len + 40;
}

// A date inside a paragraph is one the article talks about; one opening a paragraph is its
// dateline ("(18.01.2018) Deutschlands Landwirte ...").
bool in_prose(const Candidate& c) {
    return c.block_len > 250 && c.block_offset > 30;
}

// A date opening its block: "(18.01.2018) Deutschlands Landwirte ...", "23.01.2022 - Headline",
// "Karlsruhe, (12.11.2021). Traditionell ...".
bool dateline(const Candidate& c) {
    return !c.from_attribute && c.opens_block;
}

// What makes a shown date a statement of the page's date rather than a date the text mentions.
bool stated(const Candidate& c, std::optional<size_t> anchor) {
    return c.from_attribute || (c.flags & (kDateish | kPubHint)) ||
           c.label == DateLabel::Published || c.label == DateLabel::AsOf ||
           ((standalone(c) || dateline(c)) && near_anchor(c, anchor));
}

int score_of(const Candidate& c, std::optional<size_t> anchor) {
    int s = 0;
    if (c.from_attribute) s += 2;
    // A date-named element that holds more than the date line ("entry-meta" around a whole
    // header) says less about the date in it.
    if (c.flags & kDateish) s += c.block_len <= c.date_len + 60 || dateline(c) ? 2 : 1;
    if (c.flags & kPubHint) s += 1;
    if (c.label == DateLabel::Published) s += 3;
    if (c.label == DateLabel::AsOf) s += 1;
    if (c.flags & kArticle) s += 1;
    if (standalone(c) || dateline(c)) s += 1;
    if (in_prose(c) && c.label != DateLabel::Published) s -= 2;
    if (c.two_digit_year) s -= 1;
    if (anchor) {
        if (c.pos >= *anchor) {
            size_t after = c.pos - *anchor;
            if (after <= 1500)
                s += 2;
            else if (after <= 6000)
                s += 1;
            else if (after > 20000)
                s -= 2;  // far below the article: comments, teasers, archives
            else
                s -= 1;
        } else if (*anchor - c.pos <= 400) {
            s += 2;  // kicker and date line above the headline
        } else {
            s -= 1;
        }
    }
    return s;
}

// A site's "today" line: a date with its weekday, outside the article, well above the headline
// (or on a page without one), alone of its kind, and the latest date the page shows: the day the
// page was served.
bool looks_like_today(const Candidate& c, const PageDates& page, std::optional<size_t> anchor) {
    if (!c.weekday || (c.flags & kArticle) || c.label == DateLabel::Published) return false;
    if (anchor && c.pos + 400 >= *anchor) return false;  // a post's own date line above it
    for (const Candidate& o : page.candidates()) {
        if (day_number(o.date) > day_number(c.date)) return false;
        // One of a series of dated posts ("Samstag, 5. Oktober 2013" over each) is a post's.
        if (&o != &c && o.weekday && o.flags == c.flags) return false;
    }
    return true;
}

// The shown dates that may be the publication, scored. Updates, dates in comments, quoted
// posts and furniture, dates the text merely mentions, future dates never count.
std::vector<Candidate*> weigh_shown(PageDates& page, const DateEvidence& evidence,
                                    const std::optional<Date>& declared, const UrlDate& in_url,
                                    const Date& today) {
    const std::optional<size_t> anchor = page.anchor();
    std::vector<Candidate*> kept;
    for (Candidate& c : page.candidates()) {
        // A numeric date that reads both ways ("06/01/2020"): the declared day, the URL's
        // month, else the page's locale decides.
        if (c.month_first) {
            bool month_first = false;
            if (declared && same_day(*c.month_first, *declared))
                month_first = true;
            else if (declared && same_day(c.date, *declared))
                month_first = false;
            else if (in_url.month != 0)
                month_first = c.month_first->month == in_url.month;
            else
                month_first = month_first_locale(page.locale(), evidence.language);
            if (month_first) c.date = *c.month_first;
        }
        if (!plausible(c.date, today)) continue;
        if (c.label == DateLabel::Updated) continue;
        // "Stand:" in an element named for the last change is the article's only date.
        if ((c.flags & kModHint) && c.label != DateLabel::Published && c.label != DateLabel::AsOf)
            continue;
        if (c.flags & kQuoted) continue;
        if (page.in_furniture(c) || page.in_comments(c)) continue;
        if (!stated(c, anchor)) continue;
        if (looks_like_today(c, page, anchor)) continue;
        c.score = score_of(c, anchor);
        kept.push_back(&c);
    }
    const Candidate* first_after = nullptr;
    for (const Candidate* c : kept) {
        if (anchor && c->pos >= *anchor) {
            first_after = c;
            break;
        }
    }
    for (Candidate* c : kept) {
        int same = 0, near = 0;
        bool other_day_near = false;
        for (const Candidate* o : kept) {
            if (o == c) continue;
            bool same_day = same_day_of(*o, *c);
            if (same_day) ++same;
            size_t gap = o->pos > c->pos ? o->pos - c->pos : c->pos - o->pos;
            if (gap <= 300 && o->flags == c->flags) {
                ++near;
                other_day_near = other_day_near || !same_day;
            }
        }
        // The same day shown twice is more likely the article's.
        if (same > 0) c->score += 1;
        // The first date after the headline is the article's date line.
        if (c == first_after) c->score += 1;
        // Dates packed in a list (a forum's threads, "latest posts") belong to other pages.
        if (near >= 2 && other_day_near) c->score -= 2;
    }
    return kept;
}

// Whether two dates may state one moment seen from two time zones: the same day, or a day apart
// when their clock times (if both give one) are at most 15 hours apart. "25.01.2022 - 14:45"
// and "26.01.2022 14:30" are two moments.
bool zone_apart(const Date& a, const Date& b) {
    long days = std::abs(day_number(a) - day_number(b));
    if (days != 1) return days == 0;
    if (!a.has_time || !b.has_time) return true;
    return std::abs(*local_minutes(a) - *local_minutes(b)) <= 15 * 60;
}

// Whether the best shown date overrules the declared one: it stands next to the headline, away
// from the declared date (a zone cannot explain it), and the page nowhere shows the declared
// day: the metadata is a template's, a republication's, or the first draft's while the page
// shows the day of its revision. It needs a strong score, or another declaration naming its day.
bool overrules(const Candidate& best, const Date& declared, const DateEvidence& evidence,
               const std::vector<Candidate>& shown, std::optional<size_t> anchor) {
    if (best.score < kThreshold || !near_anchor(best, anchor)) return false;
    if (zone_apart(best.date, declared)) return false;
    bool published = false;
    for (const std::string& p : evidence.published)
        if (auto d = parse_date(p); d && same_day(*d, best.date)) published = true;
    for (const Candidate& c : shown) {
        if (same_day(c.date, best.date)) continue;
        if (zone_apart(c.date, declared)) return false;
        if (c.month_first && same_day(*c.month_first, declared)) return false;
    }
    return published || best.score >= kOverride;
}

// A date a reader sees: written in the text, or an element's attribute over its own text.
bool visible(const Candidate& c) {
    return !c.hidden;
}

// A shown date that may tell of the page, not of a comment, a quoted post or a menu.
bool own_shown(const Candidate& c, const PageDates& page, const Date& today) {
    return visible(c) && plausible(c.date, today) && !(c.flags & kQuoted) &&
           !page.in_furniture(c) && !page.in_comments(c);
}

// The update date a page shows next to its headline ("Updated May 6, 2019"), when it is the
// only date shown there: no date line next to the headline, no "Published" label, and the
// declared publication day nowhere in the text. Readers (and archives) date such a page by that
// update; the declared publication is then a first draft's or a template's.
std::optional<Date> shown_update_only(const PageDates& page, const std::vector<Candidate*>& kept,
                                      const DateEvidence& evidence, const Date& today) {
    const std::optional<size_t> anchor = page.anchor();
    const Candidate* update = nullptr;
    for (const Candidate& c : page.candidates()) {
        if (c.label == DateLabel::Updated && own_shown(c, page, today) && near_anchor(c, anchor)) {
            update = &c;
            break;
        }
    }
    if (!update) return std::nullopt;
    for (const Candidate* c : kept)
        if (visible(*c) && near_anchor(*c, anchor)) return std::nullopt;
    std::vector<Date> declared;
    for (const std::string& p : evidence.published)
        if (auto d = parse_date(p)) declared.push_back(*d);
    for (const Candidate& c : page.candidates()) {
        if (!visible(c) || c.label == DateLabel::Updated) continue;
        if (c.label == DateLabel::Published) return std::nullopt;
        if ((c.flags & kModHint) && c.label == DateLabel::None) continue;
        for (const Date& d : declared)
            if (same_day(c.date, d)) return std::nullopt;
    }
    return update->date;
}

// The one day all the shown dates that pass `test` name, if they name one.
template <typename Test>
std::optional<Date> sole_day(const PageDates& page, Test test) {
    const Candidate* first = nullptr;
    for (const Candidate& c : page.candidates()) {
        if (!test(c)) continue;
        if (first && !same_day(first->date, c.date)) return std::nullopt;
        if (!first) first = &c;
    }
    if (!first) return std::nullopt;
    return first->date;
}

// What a page without a declared, URL or well-placed date still says, most telling first: a date
// labelled "Published" in a side column (a blog's post info), the page's lone date line when no
// other date stands outside its menus, and, last, the lone day of its "last updated" lines (a
// wiki's or a policy page's only date).
std::optional<Date> last_resort(const PageDates& page, const Date& today) {
    if (auto d = sole_day(page, [&](const Candidate& c) {
            return c.label == DateLabel::Published && visible(c) && plausible(c.date, today) &&
                   !(c.flags & kQuoted) && !page.in_comments(c);
        }))
        return d;
    const Candidate* line = nullptr;
    bool others = false;
    for (const Candidate& c : page.candidates()) {
        if (!own_shown(c, page, today) || (c.flags & kModHint)) continue;
        if (!line) {
            line = &c;
        } else if (!same_day(line->date, c.date)) {
            others = true;
            break;
        }
    }
    if (line && !others && line->label == DateLabel::None && standalone(*line) &&
        line->opens_block && !line->two_digit_year)
        return line->date;
    return sole_day(page, [&](const Candidate& c) {
        return c.label == DateLabel::Updated && own_shown(c, page, today);
    });
}

}  // namespace

// ---------------------------------------------------------------------------------------------

UrlDate url_date_parts(std::string_view url) {
    UrlDate out;
    size_t start = url.find("://");
    start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
    if (start == std::string_view::npos) return out;
    std::string_view path = url.substr(start);
    path = path.substr(0, path.find_first_of("?#"));
    std::vector<std::string_view> segs;
    for (size_t i = 0; i < path.size();) {
        size_t j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        if (j > i) segs.push_back(path.substr(i, j - i));
        i = j + 1;
    }
    UrlDate partial;
    for (size_t k = 0; k < segs.size(); ++k) {
        std::string_view s = segs[k];
        if (s.size() == 4 && all_digits(s) && url_year(number_of(s))) {
            int y = number_of(s);
            bool month = k + 1 < segs.size() && segs[k + 1].size() <= 2 &&
                         all_digits(segs[k + 1]) && number_of(segs[k + 1]) >= 1 &&
                         number_of(segs[k + 1]) <= 12;
            // /2020/0219/: month and day in one segment.
            if (k + 1 < segs.size() && segs[k + 1].size() == 4 && all_digits(segs[k + 1]) &&
                is_valid_day(y, number_of(segs[k + 1].substr(0, 2)),
                             number_of(segs[k + 1].substr(2)))) {
                out.year = y, out.month = number_of(segs[k + 1].substr(0, 2));
                out.day = number_of(segs[k + 1].substr(2));
                return out;
            }
            if (month) {
                int m = number_of(segs[k + 1]);
                if (k + 2 < segs.size() && segs[k + 2].size() <= 2 && all_digits(segs[k + 2]) &&
                    is_valid_day(y, m, number_of(segs[k + 2]))) {
                    out.year = y, out.month = m, out.day = number_of(segs[k + 2]);
                    return out;
                }
                if (partial.month == 0) partial = UrlDate{y, m, 0};
            } else if (partial.year == 0) {
                partial = UrlDate{y, 0, 0};
            }
            continue;
        }
        if (auto d = day_in_segment(s)) {
            out.year = d->year, out.month = d->month, out.day = d->day;
            return out;
        }
        // /2020-02/19/: year and month in one segment, the day in the next.
        if (s.size() == 7 && s[4] == '-' && all_digits(s.substr(0, 4)) && all_digits(s.substr(5)) &&
            url_year(number_of(s.substr(0, 4)))) {
            int y = number_of(s.substr(0, 4)), m = number_of(s.substr(5));
            if (m < 1 || m > 12) continue;
            if (k + 1 < segs.size() && segs[k + 1].size() <= 2 && all_digits(segs[k + 1]) &&
                is_valid_day(y, m, number_of(segs[k + 1]))) {
                out.year = y, out.month = m, out.day = number_of(segs[k + 1]);
                return out;
            }
            if (partial.month == 0) partial = UrlDate{y, m, 0};
        }
    }
    return partial;
}

std::optional<Date> date_from_url(std::string_view url) {
    UrlDate u = url_date_parts(url);
    if (u.day == 0) return std::nullopt;
    return date_of_day(u.year, u.month, u.day);
}

std::vector<TextDate> find_text_dates(std::string_view text, size_t limit) {
    std::vector<TextDate> out;
    std::vector<Tok> toks = tokenize(text);
    DateMatcher matcher(text, toks);
    for (size_t i = 0; i < toks.size() && out.size() < limit; ++i) {
        const Tok& t = toks[i];
        if (t.kind == Tok::Punct) continue;
        if (t.kind == Tok::Num && t.digits > 4) continue;
        size_t last = i;
        if (auto d = matcher.match(i, last)) {
            out.push_back(*d);
            i = last;
        }
    }
    return out;
}

DateLabel date_label_before(std::string_view text) {
    if (text.size() > 80) text = text.substr(text.size() - 80);
    std::string l = fold_case(text);
    size_t pub = last_label(l, kPublishedWords);
    size_t upd = last_label(l, kUpdatedWords);
    size_t as_of = last_label(l, {"stand"});
    // "Stand" is a word start in "Standort" too: it labels only when followed by ":" or a space
    // and the date.
    if (as_of != 0 && as_of < l.size() && l[as_of] != ':' && l[as_of] != ' ' && l[as_of] != '-')
        as_of = 0;
    size_t best = std::max({pub, upd, as_of});
    if (best == 0) return DateLabel::None;
    if (best == upd) return DateLabel::Updated;
    if (best == pub) return DateLabel::Published;
    return DateLabel::AsOf;
}

const std::vector<std::string_view>& published_meta_keys() {
    // Article-specific declarations first; generic Dublin Core and "date" last, as sites fill
    // them with the day of the last change as often as with the publication.
    static const std::vector<std::string_view> kKeys{
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "article:published",
        "itemprop:datepublished",
        "datepublished",
        "parsely-pub-date",
        "sailthru.date",
        "article.published",
        "published_time",
        "published-date",
        "published_date",
        "publishdate",
        "publish-date",
        "publish_date",
        "pubdate",
        "publication_date",
        "publication-date",
        "date_published",
        "bt:pubdate",
        "cxenseparse:recs:publishtime",
        "cxenseparse:publishtime",
        "original-publish-date",
        "article_date_original",
        "originalpublicationdate",
        "prism.publicationdate",
        "citation_publication_date",
        "citation_date",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date.created",
        "dcterms.created",
        "datecreated",
        "dc.date",
        "dcterms.date",
        "date",
    };
    return kKeys;
}

const std::vector<std::string_view>& modified_meta_keys() {
    static const std::vector<std::string_view> kKeys{
        "article:modified_time", "og:updated_time", "article:updated_time", "datemodified",
        "itemprop:datemodified", "bt:moddate",      "dcterms.modified",     "dc.date.modified",
        "last-modified",         "lastmod"};
    return kKeys;
}

std::string find_json_string(std::string_view text, std::string_view key) {
    std::string quoted(1, '"');
    quoted.append(key).push_back('"');
    for (size_t pos = text.find(quoted); pos != std::string_view::npos;
         pos = text.find(quoted, pos + 1)) {
        size_t i = pos + quoted.size();
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        if (i >= text.size() || text[i] != ':') continue;
        ++i;
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        if (i >= text.size() || text[i] != '"') continue;
        size_t end = text.find('"', i + 1);
        if (end == std::string_view::npos || end - i > 100) continue;
        return std::string(text.substr(i + 1, end - i - 1));
    }
    return {};
}

std::optional<Date> find_publication_date(const HtmlDocument& doc, const DateEvidence& evidence,
                                          std::string_view url, const Date& today) {
    const UrlDate in_url = url_date_parts(url);
    PageDates page(evidence);
    page.collect(doc);
    std::vector<Candidate>& shown = page.candidates();
    const std::optional<size_t> anchor = page.anchor();
    auto in_url_month = [&](const Date& d) {
        return (in_url.year == 0 || d.year == in_url.year) &&
               (in_url.month == 0 || d.month == in_url.month);
    };

    // What the page declares: the first plausible publication date, in the order of trust.
    std::optional<Date> declared;
    for (const std::string& s : evidence.published) {
        std::optional<Date> d = parse_date(s);
        if (d && plausible_declared(*d, today)) {
            declared = d;
            break;
        }
    }

    std::vector<Candidate*> kept = weigh_shown(page, evidence, declared, in_url, today);
    if (std::optional<Date> d = shown_update_only(page, kept, evidence, today)) return d;
    const Candidate* best = nullptr;
    for (const Candidate* c : kept)
        if (in_url_month(c->date) && (!best || c->score > best->score)) best = c;

    if (declared) {
        // Other statements of the publication, to find the declared moment's local day.
        std::vector<Date> others;
        for (const std::string& s : evidence.published)
            if (auto d = parse_date(s)) others.push_back(*d);
        for (const Candidate* c : kept)
            others.push_back(c->date);
        Date d = local_form(*declared, others);
        // The URL's day is the publisher's own; a declared time a zone away may fall on the
        // next or previous day. A statement of that day with its time is kept.
        if (in_url.day != 0) {
            Date url_day = date_of_day(in_url.year, in_url.month, in_url.day);
            if (std::abs(day_number(d) - day_number(url_day)) != 1) return d;
            for (const Date& o : others)
                if (o.has_time && same_day(o, url_day)) return o;
            return url_day;
        }
        if (best && overrules(*best, d, evidence, shown, anchor)) return best->date;
        return d;
    }

    if (in_url.day != 0) {
        // The URL names the day; the page may add its time.
        Date d = date_of_day(in_url.year, in_url.month, in_url.day);
        if (!plausible(d, today)) return std::nullopt;
        for (const Candidate* c : kept)
            if (c->date.has_time && same_day(c->date, d)) return c->date;
        return d;
    }

    if (best) {
        // Two days with equal claims to be the date line: no date rather than a coin toss.
        for (const Candidate* c : kept)
            if (c != best && c->score == best->score && !same_day(c->date, best->date) &&
                near_anchor(*c, anchor) && in_url_month(c->date))
                return std::nullopt;
        if (best->score >= kThreshold) return best->date;
    }
    // Last, the data a script carries for the page.
    if (const std::optional<Date>& d = page.script_date();
        d && plausible(*d, today) && in_url_month(*d))
        return d;
    if (std::optional<Date> d = last_resort(page, today); d && in_url_month(*d)) return d;
    return std::nullopt;
}

}  // namespace news

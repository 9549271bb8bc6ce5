#include "date.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text.hpp"

namespace news {

namespace {

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Reads exactly `n` digits at `pos`; advances `pos` on success.
bool read_digits(std::string_view s, size_t& pos, size_t n, int& value) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!is_digit(s[pos + i])) return false;
        v = v * 10 + (s[pos + i] - '0');
    }
    value = v;
    pos += n;
    return true;
}

// Zone designators after a time: Z, +01:00, +0100, +01, UTC, GMT. Returns false on garbage.
bool parse_zone(std::string_view s, std::optional<int>& offset) {
    s = trim_space(s);
    if (s.empty()) return true;
    std::string l = ascii_lower(s);
    if (l == "z" || l == "utc" || l == "gmt" || l == "ut") {
        offset = 0;
        return true;
    }
    if (l.starts_with("gmt") || l.starts_with("utc")) l = l.substr(3);
    if (l.empty() || (l[0] != '+' && l[0] != '-')) return false;
    int sign = l[0] == '-' ? -1 : 1;
    size_t pos = 1;
    int hh = 0, mm = 0;
    if (!read_digits(l, pos, 2, hh)) return false;
    if (pos < l.size() && l[pos] == ':') ++pos;
    if (pos < l.size() && !read_digits(l, pos, 2, mm)) return false;
    if (pos != l.size() || hh > 14 || mm > 59) return false;
    offset = sign * (hh * 60 + mm);
    return true;
}

// "09:30", "09:30:15", "09:30:15.123" at pos; fills the time fields.
bool parse_clock(std::string_view s, size_t& pos, Date& d) {
    int hh = 0, mm = 0, ss = 0;
    size_t p = pos;
    if (!read_digits(s, p, 2, hh)) {
        p = pos;
        if (!read_digits(s, p, 1, hh)) return false;
    }
    if (p >= s.size() || s[p] != ':') return false;
    ++p;
    if (!read_digits(s, p, 2, mm)) return false;
    if (p < s.size() && s[p] == ':') {
        ++p;
        if (!read_digits(s, p, 2, ss)) return false;
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            ++p;
            while (p < s.size() && is_digit(s[p]))
                ++p;
        }
    }
    if (hh > 23 || mm > 59 || ss > 60) return false;
    d.has_time = true;
    d.hour = hh;
    d.minute = mm;
    d.second = ss == 60 ? 59 : ss;
    pos = p;
    return true;
}

// ISO 8601 and its common relatives: 2024-03-05, 2024/03/05, 2024-03-05T09:30:00Z,
// 2024-03-05 09:30:00+01:00, 20240305.
std::optional<Date> parse_iso(std::string_view s) {
    Date d;
    size_t pos = 0;
    if (!read_digits(s, pos, 4, d.year)) return std::nullopt;
    if (pos == s.size()) return std::nullopt;
    char sep = s[pos];
    if (is_digit(sep)) {
        if (!read_digits(s, pos, 2, d.month) || !read_digits(s, pos, 2, d.day) ||
            !is_valid_day(d.year, d.month, d.day))
            return std::nullopt;
        if (pos == s.size()) return d;
        // ISO 8601's basic form with a time, as some CMSs write it: 20200516T14:51:53Z,
        // 20200516T145153Z.
        if (s[pos] != 'T' || ++pos >= s.size()) return std::nullopt;
        int hh = 0, mm = 0, ss = 0;
        if (!parse_clock(s, pos, d)) {
            if (!read_digits(s, pos, 2, hh) || !read_digits(s, pos, 2, mm)) return std::nullopt;
            if (pos < s.size() && is_digit(s[pos]) && !read_digits(s, pos, 2, ss))
                return std::nullopt;
            if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
            d.has_time = true, d.hour = hh, d.minute = mm, d.second = ss;
        }
        if (!parse_zone(s.substr(pos), d.utc_offset_minutes)) return std::nullopt;
        return d;
    }
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    ++pos;
    if (!read_digits(s, pos, 2, d.month)) return std::nullopt;
    if (pos >= s.size() || s[pos] != sep) return std::nullopt;
    ++pos;
    if (!read_digits(s, pos, 2, d.day)) return std::nullopt;
    if (!is_valid_day(d.year, d.month, d.day)) return std::nullopt;
    if (pos == s.size()) return d;
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
    ++pos;
    while (pos < s.size() && s[pos] == ' ')
        ++pos;
    if (!parse_clock(s, pos, d)) return std::nullopt;
    if (!parse_zone(s.substr(pos), d.utc_offset_minutes)) return std::nullopt;
    return d;
}

struct Token {
    enum class Kind { Number, Word } kind;
    std::string text;  // folded word, or the digits
    int value = 0;
    char sep_before = ' ';  // the punctuation that preceded the token
};

// Words a written date carries besides its parts, in the languages of the pages: "am 5. März",
// "le 5 mars à 14h30", "5 de marzo de 2024", "alle ore 10:00", "om 14:30 uur".
bool is_filler_word(const std::string& w) {
    // "à", "às", "в" and "г"/"года" (Russian "in" and "year") in UTF-8.
    static const std::unordered_set<std::string> kFillers{
        "at", "of",   "on",  "the", "um",    "uhr", "den", "der", "de", "del", "le", "la",
        "el", "alle", "ore", "om",  "op",    "uur", "kl",  "klo", "h",  "en",  "du", "van",
        "em", "o",    "y",   "d",   "feira", "à",   "às",  "в",   "г",  "года"};
    return kFillers.count(w) > 0;
}

}  // namespace

bool is_zone_abbreviation(std::string_view w) {
    static const std::unordered_set<std::string> kZones{
        "est",  "edt",  "cst",  "cdt", "mst",  "mdt", "pst", "pdt",  "et",   "ct",
        "mt",   "pt",   "akst", "hst", "bst",  "ist", "cet", "cest", "eet",  "eest",
        "mez",  "mesz", "msk",  "jst", "kst",  "hkt", "sgt", "aest", "aedt", "acst",
        "awst", "nzst", "nzdt", "wib", "sast", "brt", "wet", "west"};
    return kZones.count(fold_case(w)) > 0;
}

namespace {

// Day, month, year from words and numbers in any usual order: "March 5, 2024",
// "5 March 2024", "Tue, 05 Mar 2024 09:30:00 +0000", "26-FEB-1987 15:01:01.79",
// "05.03.2024", "3/5/2024", "7. November 2023", "07.11.2023 um 14:30 Uhr", "7 novembre 2023",
// "martes 17 de marzo de 2020", "2020年3月4日".
std::optional<Date> parse_words(std::string_view s) {
    std::vector<Token> tokens;
    Date d;
    std::optional<int> zone;
    bool pm = false, am = false;
    char sep = ' ';
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        char plain = 0;
        if (size_t n = date_separator_at(s, i, plain); n > 0) {
            if (plain == 'Y' || plain == 'M' || plain == 'D')
                sep = '-';  // 2020年3月4日 reads as 2020-3-4
            else if (plain != ' ')
                sep = plain;
            i += n;
            continue;
        }
        if (is_digit(static_cast<char>(c))) {
            size_t pos = i;
            Date clock;
            if (!d.has_time && parse_clock(s, pos, clock)) {
                d.has_time = true;
                d.hour = clock.hour;
                d.minute = clock.minute;
                d.second = clock.second;
                i = pos;
                sep = ' ';
                continue;
            }
            size_t j = i;
            while (j < s.size() && is_digit(s[j]))
                ++j;
            if (j - i > 4) return std::nullopt;
            // French and Portuguese clocks: 14h30, 9h05.
            if (!d.has_time && j - i <= 2 && j + 2 < s.size() && (s[j] == 'h' || s[j] == 'H') &&
                is_digit(s[j + 1]) && is_digit(s[j + 2]) &&
                (j + 3 == s.size() || !is_digit(s[j + 3]))) {
                int hh = 0, mm = 0;
                size_t p = i;
                read_digits(s, p, j - i, hh);
                p = j + 1;
                read_digits(s, p, 2, mm);
                if (hh > 23 || mm > 59) return std::nullopt;
                d.has_time = true, d.hour = hh, d.minute = mm, d.second = 0;
                i = j + 3;
                sep = ' ';
                continue;
            }
            Token t{Token::Kind::Number, std::string(s.substr(i, j - i)), 0, sep};
            for (char ch : t.text)
                t.value = t.value * 10 + (ch - '0');
            // Ordinal suffixes: 5th, 1st, 22nd, 3rd, 1er, 1º.
            std::string rest = ascii_lower(s.substr(j, 2));
            if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th" || rest == "er")
                j += 2;
            else if (s.substr(j, 2) == "º" || s.substr(j, 2) == "ª")
                j += 2;
            tokens.push_back(t);
            i = j;
            sep = ' ';
        } else if (std::isalpha(c) || c >= 0x80) {
            size_t j = i;
            char ignored = 0;
            while (j < s.size() && (std::isalpha(static_cast<unsigned char>(s[j])) ||
                                    static_cast<unsigned char>(s[j]) >= 0x80)) {
                if (static_cast<unsigned char>(s[j]) >= 0x80 && date_separator_at(s, j, ignored))
                    break;
                ++j;
            }
            std::string w = fold_case(s.substr(i, j - i));
            i = j;
            if (j < s.size() && s[j] == '.') ++i;  // "Mar." "Sept."
            if ((w == "am" || w == "a") && d.has_time) {
                am = true;
                if (w == "a" && i + 1 < s.size() && (s[i] == 'm' || s[i] == 'M')) i += 2;
            } else if ((w == "pm" || w == "p") && d.has_time) {
                pm = true;
                if (w == "p" && i + 1 < s.size() && (s[i] == 'm' || s[i] == 'M')) i += 2;
            } else if (w == "م" /* م */ && d.has_time) {
                pm = true;
            } else if (w == "ص" /* ص */ && d.has_time) {
                am = true;
            } else if (w == "utc" || w == "gmt" || w == "z" || w == "ut") {
                zone = 0;
                // "GMT+1" / "UTC+01:00"
                if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
                    size_t j2 = i + 1;
                    while (j2 < s.size() && (is_digit(s[j2]) || s[j2] == ':'))
                        ++j2;
                    std::optional<int> off;
                    std::string z(s.substr(i, j2 - i));
                    if (z.size() == 2) z = std::string(1, z[0]) + "0" + z[1];
                    if (z.size() == 3) z += "00";
                    if (!parse_zone(z, off)) return std::nullopt;
                    zone = off;
                    i = j2;
                }
            } else if (is_weekday_name(w) || is_filler_word(w) || is_zone_abbreviation(w) ||
                       w == "am" || w == "a") {
                // Weekdays and the little words around dates carry nothing the parts do not.
            } else if (int m = month_from_name(w); m != 0) {
                tokens.push_back(Token{Token::Kind::Word, w, m, sep});
            } else {
                return std::nullopt;
            }
            sep = ' ';
        } else if ((c == '+' || c == '-') && d.has_time && i + 1 < s.size() && is_digit(s[i + 1])) {
            // A numeric zone after the clock: +0100, -05:00.
            size_t j = i + 1;
            while (j < s.size() && (is_digit(s[j]) || s[j] == ':'))
                ++j;
            std::optional<int> off;
            if (!parse_zone(s.substr(i, j - i), off)) return std::nullopt;
            zone = off;
            i = j;
        } else {
            if (c == '.' || c == '/' || c == '-' || c == ',')
                sep = static_cast<char>(c);
            else if (!std::isspace(c) && c != '(' && c != ')' && c != '|')
                return std::nullopt;
            ++i;
        }
    }
    int month = 0, day = 0, year = 0;
    std::vector<const Token*> numbers;
    for (const Token& t : tokens) {
        if (t.kind == Token::Kind::Word) {
            if (month != 0) return std::nullopt;
            month = t.value;
        } else {
            numbers.push_back(&t);
        }
    }
    if (month != 0) {
        if (numbers.size() != 2) return std::nullopt;
        for (const Token* n : numbers) {
            if (n->text.size() == 4) {
                if (year) return std::nullopt;
                year = n->value;
            } else if (n->text.size() <= 2) {
                if (day) return std::nullopt;
                day = n->value;
            } else {
                return std::nullopt;
            }
        }
    } else {
        if (numbers.size() != 3) return std::nullopt;
        const Token &a = *numbers[0], &b = *numbers[1], &c = *numbers[2];
        if (a.text.size() == 4) {
            year = a.value, month = b.value, day = c.value;
        } else if (c.text.size() == 4 && a.text.size() <= 2 && b.text.size() <= 2) {
            year = c.value;
            if (b.sep_before == '/' && a.value <= 12) {
                // US order for slashes when it makes a date: 3/5/2024 is March 5.
                month = a.value, day = b.value;
            } else {
                day = a.value, month = b.value;
            }
        } else {
            return std::nullopt;
        }
    }
    if (d.has_time) {
        if (pm && d.hour < 12) d.hour += 12;
        if (am && d.hour == 12) d.hour = 0;
    } else if (am || pm) {
        return std::nullopt;
    }
    d.year = year;
    d.month = month;
    d.day = day;
    d.utc_offset_minutes = d.has_time ? zone : std::nullopt;
    if (!is_valid_day(d.year, d.month, d.day)) return std::nullopt;
    return d;
}

}  // namespace

bool is_valid_day(int year, int month, int day) {
    return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

std::string Date::iso_day() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::compact() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
    return buf;
}

std::string Date::timestamp() const {
    using namespace std::chrono;
    sys_seconds t = sys_days(year_month_day(std::chrono::year(year), std::chrono::month(month),
                                            std::chrono::day(day)));
    if (has_time) t += hours(hour) + minutes(minute) + seconds(second);
    if (has_time && utc_offset_minutes) t -= minutes(*utc_offset_minutes);
    year_month_day ymd(floor<days>(t));
    hh_mm_ss hms(t - floor<days>(t));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u%02d%02d%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

std::string Date::iso() const {
    std::string out = iso_day();
    if (!has_time) return out;
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
    out += buf;
    if (utc_offset_minutes) {
        int off = *utc_offset_minutes;
        if (off == 0) {
            out += 'Z';
        } else {
            char sign = off < 0 ? '-' : '+';
            off = off < 0 ? -off : off;
            std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, off / 60, off % 60);
            out += buf;
        }
    }
    return out;
}

std::string fold_case(std::string_view word) {
    std::string out(word);
    for (size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c < 0x80) {
            out[i] = static_cast<char>(std::tolower(c));
        } else if (i + 1 < out.size()) {
            auto& next = reinterpret_cast<unsigned char&>(out[i + 1]);
            if (c == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
                next += 0x20;  // Latin-1 capitals: Ä -> ä, É -> é
            } else if (c == 0xD0 && next >= 0x90 && next <= 0x9F) {
                next += 0x20;  // Cyrillic А..П -> а..п
            } else if (c == 0xD0 && next >= 0xA0 && next <= 0xAF) {
                out[i] = static_cast<char>(0xD1);  // Cyrillic Р..Я -> р..я
                next -= 0x20;
            }
            ++i;
        }
    }
    return out;
}

int month_from_name(std::string_view name) {
    // Month names as dates write them, twelve a row, January first ("" where a language has no
    // other form): full names, the genitive Slavic languages write dates with ("7 ноября"), and
    // the usual abbreviations. Short words of other meanings ("mar", "set", "out") only count
    // where a day and a year stand around them, so the table can be generous.
    static const std::unordered_map<std::string, int> kMonths = [] {
        using Row = std::array<const char*, 12>;
        const Row rows[] = {
            // English
            {"january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december"},
            {"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
            {"", "", "", "", "", "", "", "", "sept", "", "", ""},
            // German
            {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
             "oktober", "november", "dezember"},
            {"jänner", "feber", "maerz", "", "", "", "", "", "", "okt", "", "dez"},
            {"jän", "", "mär", "", "", "", "", "", "", "", "", ""},
            {"", "", "mrz", "", "", "", "", "", "", "", "", ""},
            // French
            {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre"},
            {"janv", "fevrier", "", "avr", "", "", "juil", "aout", "", "", "", "decembre"},
            {"", "févr", "", "", "", "", "", "", "", "", "", "déc"},
            {"", "fevr", "", "", "", "", "", "", "", "", "", ""},
            {"", "fév", "", "", "", "", "", "", "", "", "", ""},
            // Spanish
            {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre"},
            {"ene", "", "", "abr", "", "", "", "ago", "setiembre", "", "", "dic"},
            // Italian
            {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
             "settembre", "ottobre", "novembre", "dicembre"},
            {"gen", "", "", "", "mag", "giu", "lug", "", "set", "ott", "", ""},
            // Portuguese
            {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
             "setembro", "outubro", "novembro", "dezembro"},
            {"", "fev", "marco", "", "", "", "", "", "", "out", "", ""},
            // Dutch, Scandinavian, Indonesian
            {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december"},
            {"", "", "mrt", "", "maj", "", "", "augusti", "", "", "", "desember"},
            {"", "", "maret", "", "", "", "", "agustus", "", "", "", ""},
            // Romanian
            {"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
             "septembrie", "octombrie", "noiembrie", "decembrie"},
            // Polish (genitive)
            {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
             "września", "października", "listopada", "grudnia"},
            // Czech (genitive)
            {"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
             "října", "listopadu", "prosince"},
            // Turkish
            {"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül",
             "ekim", "kasım", "aralık"},
            // Russian (genitive)
            {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
             "октября", "ноября", "декабря"},
            // Ukrainian (genitive)
            {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
             "вересня", "жовтня", "листопада", "грудня"},
            // Arabic (Egypt and the Levant's neighbours; with and without hamza)
            {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر"},
            {"", "", "", "ابريل", "", "يونيه", "يوليه", "اغسطس", "", "اكتوبر", "", ""},
            {"", "", "", "إبريل", "", "", "", "", "", "", "", ""},
        };
        std::unordered_map<std::string, int> map;
        for (const Row& row : rows)
            for (int m = 0; m < 12; ++m)
                if (*row[m]) map.emplace(row[m], m + 1);
        return map;
    }();
    std::string w = fold_case(name);
    if (!w.empty() && w.back() == '.') w.pop_back();
    if (w.size() < 3) return 0;
    auto it = kMonths.find(w);
    return it == kMonths.end() ? 0 : it->second;
}

bool is_weekday_name(std::string_view name) {
    static const std::unordered_set<std::string> kDays{
        // English
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
        "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        // German
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
        "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
        // French
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        // Spanish
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado",
        "domingo",
        // Italian
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "lunedi", "martedi", "mercoledi",
        "giovedi", "venerdi", "sabato", "domenica",
        // Portuguese ("segunda-feira": the "feira" is a filler word)
        "segunda", "terça", "terca", "quarta", "quinta", "sexta",
        // Dutch
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        // Arabic
        "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة",
        "السبت"};
    std::string w = fold_case(name);
    if (!w.empty() && w.back() == '.') w.pop_back();
    return kDays.count(w) > 0;
}

size_t date_separator_at(std::string_view s, size_t pos, char& ascii) {
    struct Sep {
        std::string_view bytes;
        char ascii;
    };
    static constexpr std::array<Sep, 16> kSeps{{
        {"\xC2\xA0", ' '},      // no-break space
        {"\xE2\x80\x89", ' '},  // thin space
        {"\xE2\x80\xAF", ' '},  // narrow no-break space
        {"\xC2\xB7", '|'},      // middle dot
        {"\xE2\x80\xA2", '|'},  // bullet
        {"\xE2\x80\x93", '-'},  // en dash
        {"\xE2\x80\x94", '-'},  // em dash
        {"\xD8\x8C", ','},      // Arabic comma
        {"年", 'Y'},            // 年
        {"月", 'M'},            // 月
        {"日", 'D'},            // 日
        {"년", 'Y'},            // 년
        {"월", 'M'},            // 월
        {"일", 'D'},            // 일
        {"\xEF\xBC\x9A", ':'},  // fullwidth colon
        {"\xEF\xBC\x88", '('},  // fullwidth parenthesis
    }};
    if (pos >= s.size() || static_cast<unsigned char>(s[pos]) < 0x80) return 0;
    std::string_view rest = s.substr(pos);
    for (const Sep& sep : kSeps) {
        if (rest.starts_with(sep.bytes)) {
            ascii = sep.ascii;
            return sep.bytes.size();
        }
    }
    return 0;
}

std::optional<Date> parse_date(std::string_view text) {
    std::string_view s = trim_space(text);
    if (s.empty() || s.size() > 80) return std::nullopt;
    if (s.size() >= 8 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3])) {
        if (auto d = parse_iso(s)) return d;
    }
    return parse_words(s);
}

Date today_utc() {
    using namespace std::chrono;
    year_month_day ymd{floor<days>(system_clock::now())};
    Date d;
    d.year = static_cast<int>(ymd.year());
    d.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    d.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    return d;
}

namespace {

Date add_days(const Date& d, int delta) {
    using namespace std::chrono;
    sys_days sd = year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                                 day{static_cast<unsigned>(d.day)}};
    year_month_day ymd{sd + days{delta}};
    Date out;
    out.year = static_cast<int>(ymd.year());
    out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    return out;
}

}  // namespace

std::optional<Date> parse_user_date(std::string_view text, bool upper, const Date& today) {
    std::string s = ascii_lower(trim_space(text));
    if (s == "today") return today;
    if (s == "yesterday") return add_days(today, -1);
    // "7d", "7 days ago", "2 weeks ago"
    {
        size_t pos = 0;
        int n = 0;
        while (pos < s.size() && is_digit(s[pos]) && pos < 6)
            n = n * 10 + (s[pos++] - '0');
        if (pos > 0 && pos < s.size()) {
            std::string unit(trim_space(std::string_view(s).substr(pos)));
            if (unit.ends_with(" ago")) unit = std::string(trim_space(unit.substr(0, unit.size() - 4)));
            if (unit == "d" || unit == "day" || unit == "days") return add_days(today, -n);
            if (unit == "w" || unit == "week" || unit == "weeks") return add_days(today, -7 * n);
        }
    }
    // Year alone, or year and month.
    Date d;
    size_t pos = 0;
    if (s.size() == 4 && read_digits(s, pos, 4, d.year) && d.year >= 1000) {
        d.month = upper ? 12 : 1;
        d.day = upper ? 31 : 1;
        return d;
    }
    pos = 0;
    if (s.size() == 7 && read_digits(s, pos, 4, d.year) && (s[4] == '-' || s[4] == '/')) {
        pos = 5;
        if (read_digits(s, pos, 2, d.month) && d.month >= 1 && d.month <= 12 && d.year >= 1000) {
            d.day = upper ? days_in_month(d.year, d.month) : 1;
            return d;
        }
        return std::nullopt;
    }
    // "March 2024" / "Mar 2024"
    if (auto space = s.find(' '); space != std::string::npos) {
        int m = month_from_name(s.substr(0, space));
        std::string rest(trim_space(std::string_view(s).substr(space + 1)));
        pos = 0;
        if (m != 0 && rest.size() == 4 && read_digits(rest, pos, 4, d.year) && d.year >= 1000) {
            d.month = m;
            d.day = upper ? days_in_month(d.year, m) : 1;
            return d;
        }
    }
    auto full = parse_date(s);
    if (full) {
        full->has_time = false;
        full->hour = full->minute = full->second = 0;
        full->utc_offset_minutes.reset();
    }
    return full;
}

}  // namespace news

// Calendar dates as the project handles them: a day that may carry a time of day and a zone
// offset. Parsing accepts the forms users type on the command line and the forms pages and feeds
// carry (ISO 8601, RFC 2822, "March 5, 2024", "5 March 2024", "05.03.2024", "7. November 2023",
// "7 novembre 2023", "17 de marzo de 2020", ...), with month and weekday names of the languages
// news archives hold.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace news {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    // Time of day, when known.
    bool has_time = false;
    int hour = 0;
    int minute = 0;
    int second = 0;
    // Offset from UTC in minutes, when the source gave a zone.
    std::optional<int> utc_offset_minutes;

    bool operator==(const Date&) const = default;

    // "2024-03-05", or "2024-03-05T09:30:00+01:00" when the time (and zone) is known.
    std::string iso() const;
    // "2024-03-05" only.
    std::string iso_day() const;
    // "20240305": the sortable form the date value slot holds.
    std::string compact() const;
    // "20240305083000": the moment, sortable, in UTC when the zone is known (else as written),
    // midnight when the time is not known. Orders articles within one day.
    std::string timestamp() const;
};

bool is_valid_day(int year, int month, int day);

// Parses one date written in any of the supported forms; the whole string must be a date
// (surrounding whitespace allowed). Returns nullopt when it is not one.
std::optional<Date> parse_date(std::string_view text);

// Parses the date forms a user gives to --since/--until: 2024-03-05, 2024-03, 2024, 20240305,
// 05.03.2024, "March 5, 2024", "5 Mar 2024", "today", "yesterday", "7 days ago"/"7d".
// `upper` picks the last day of a month or year given without a day.
std::optional<Date> parse_user_date(std::string_view text, bool upper, const Date& today);

// Today's date in UTC.
Date today_utc();

// Month number 1..12 from a month name or its usual abbreviation, in English, German, French,
// Spanish, Italian, Portuguese, Dutch, the Scandinavian languages, Romanian, Polish, Czech,
// Turkish, Russian, Ukrainian and Arabic ("Mar", "march", "Sept.", "März", "févr.", "ноября");
// 0 when it is none.
int month_from_name(std::string_view name);

// True for a weekday name or abbreviation in the languages month_from_name() knows (fewer for
// the Slavic ones): "Tue", "Samstag", "mardi", "miércoles".
bool is_weekday_name(std::string_view name);

// True for the abbreviation of a time zone other than UTC ("CEST", "EST", "IST"): written after
// times, with offsets that are ambiguous or seasonal, so a date keeps its day and drops the zone.
bool is_zone_abbreviation(std::string_view word);

// Lower case for name look-ups: ASCII, Latin-1 and Cyrillic capitals folded, other bytes kept.
std::string fold_case(std::string_view word);

// Length of the multi-byte character at `pos` when dates use it as space or punctuation (no-break
// and thin spaces, dashes, bullets, the Arabic comma, the CJK year/month/day units); `ascii` gets
// the plain character it stands for (' ', '-', '|', ',', ':', '(', or 'Y', 'M', 'D' for the
// units). 0 when there is none at `pos`.
size_t date_separator_at(std::string_view s, size_t pos, char& ascii);

}  // namespace news

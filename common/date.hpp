// Calendar dates as the project handles them: a day that may carry a time of day and a zone
// offset. Parsing accepts the forms users type on the command line and the forms pages and feeds
// carry (ISO 8601, RFC 2822, "March 5, 2024", "5 March 2024", "05.03.2024", ...).
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

// Month number 1..12 from an English month name or its abbreviation ("Mar", "march", "Sept.").
int month_from_name(std::string_view name);

}  // namespace news

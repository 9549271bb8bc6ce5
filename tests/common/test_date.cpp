// Tests for common/date: parse_date forms, Date formatting, parse_user_date (--since/--until).
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "date.hpp"

using news::Date;
using news::parse_date;
using news::parse_user_date;

namespace {

Date day(int y, int m, int d) {
    Date out;
    out.year = y;
    out.month = m;
    out.day = d;
    return out;
}

Date at(int y, int m, int d, int hh, int mm, int ss, std::optional<int> offset = std::nullopt) {
    Date out = day(y, m, d);
    out.has_time = true;
    out.hour = hh;
    out.minute = mm;
    out.second = ss;
    out.utc_offset_minutes = offset;
    return out;
}

std::string show(const std::optional<Date>& d) {
    return d ? d->iso() : std::string("nullopt");
}

}  // namespace

TEST_CASE("parse_date reads the date forms news pages and feeds carry") {
    struct Case {
        std::string input;
        Date expected;
    };
    const Case cases[] = {
        {"2024-03-05", day(2024, 3, 5)},
        {"2024/03/05", day(2024, 3, 5)},
        {"2024-03-05T09:30:00Z", at(2024, 3, 5, 9, 30, 0, 0)},
        {"2024-03-05T09:30:00+01:00", at(2024, 3, 5, 9, 30, 0, 60)},
        {"2024-03-05T09:30:00-05:00", at(2024, 3, 5, 9, 30, 0, -300)},
        {"2024-03-05T09:30:00.123+0100", at(2024, 3, 5, 9, 30, 0, 60)},
        {"2024-03-05 09:30:00", at(2024, 3, 5, 9, 30, 0)},
        {"20240305", day(2024, 3, 5)},
        {"  2024-03-05\n", day(2024, 3, 5)},
        {"March 5, 2024", day(2024, 3, 5)},
        {"Mar. 5, 2024, 2:00 PM", at(2024, 3, 5, 14, 0, 0)},
        {"Mar 5, 2024 12:15 a.m.", at(2024, 3, 5, 0, 15, 0)},
        {"Sept. 5, 2024", day(2024, 9, 5)},
        {"5 March 2024", day(2024, 3, 5)},
        {"Tuesday, 5 March 2024", day(2024, 3, 5)},
        {"Tue, 05 Mar 2024 09:30:00 +0000", at(2024, 3, 5, 9, 30, 0, 0)},
        {"Tue, 05 Mar 2024 09:30:00 GMT", at(2024, 3, 5, 9, 30, 0, 0)},
        {"26-FEB-1987 15:01:01.79", at(1987, 2, 26, 15, 1, 1)},
        {"05.03.2024", day(2024, 3, 5)},
        {"3/5/2024", day(2024, 3, 5)},
        {"25/12/2024", day(2024, 12, 25)},
        {"5th March 2024", day(2024, 3, 5)},
        {"March 22nd, 2024", day(2024, 3, 22)},
        {"2024-02-29", day(2024, 2, 29)},
        {"2000-02-29", day(2000, 2, 29)},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        std::optional<Date> got = parse_date(c.input);
        INFO("got " << show(got));
        REQUIRE(got.has_value());
        CHECK(*got == c.expected);
    }
}

TEST_CASE("parse_date rejects text that is not one whole, valid date") {
    const std::string very_long = "March 5, 2024" + std::string(100000, 'x');
    const std::string many_digits(100000, '9');
    const std::string repeated = [] {
        std::string s;
        for (int i = 0; i < 5000; ++i)
            s += "5 March 2024 ";
        return s;
    }();
    const std::string cases[] = {
        "",
        "   ",
        "hello",
        "2024-02-30",
        "2023-02-29",
        "1900-02-29",
        "2024-13-01",
        "2024-00-10",
        "March 2024",
        "March 32, 2024",
        "12:30",
        "2024-03-05T25:00:00",
        "yesterday at noon",
        "5 March 2024 and 6 March 2024",
        very_long,
        many_digits,
        repeated,
    };
    for (const std::string& input : cases) {
        CAPTURE(input.substr(0, 60));
        std::optional<Date> got = parse_date(input);
        INFO("got " << show(got));
        CHECK_FALSE(got.has_value());
    }
}

TEST_CASE("Date formats as ISO 8601 with its time and zone, as a day, and compactly") {
    struct Case {
        Date date;
        std::string iso;
        std::string iso_day;
        std::string compact;
    };
    const Case cases[] = {
        {day(2024, 3, 5), "2024-03-05", "2024-03-05", "20240305"},
        {at(2024, 3, 5, 9, 30, 0), "2024-03-05T09:30:00", "2024-03-05", "20240305"},
        {at(2024, 3, 5, 9, 30, 0, 0), "2024-03-05T09:30:00Z", "2024-03-05", "20240305"},
        {at(2024, 3, 5, 9, 30, 0, 60), "2024-03-05T09:30:00+01:00", "2024-03-05", "20240305"},
        {at(2024, 3, 5, 9, 30, 0, -330), "2024-03-05T09:30:00-05:30", "2024-03-05", "20240305"},
        {day(1987, 12, 31), "1987-12-31", "1987-12-31", "19871231"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.iso);
        CHECK(c.date.iso() == c.iso);
        CHECK(c.date.iso_day() == c.iso_day);
        CHECK(c.date.compact() == c.compact);
    }
}

TEST_CASE("timestamps order articles within a day, in UTC when the zone is known") {
    struct Case {
        Date date;
        std::string timestamp;
    };
    const Case cases[] = {
        {day(2024, 3, 5), "20240305000000"},
        {at(2024, 3, 5, 9, 30, 0), "20240305093000"},
        {at(2024, 3, 5, 9, 30, 0, 0), "20240305093000"},
        {at(2024, 3, 5, 9, 30, 0, 60), "20240305083000"},
        {at(2024, 3, 5, 23, 30, 0, -60), "20240306003000"},  // the next day in UTC
        {at(2024, 1, 1, 0, 15, 0, 120), "20231231221500"},   // and the year before
    };
    for (const Case& c : cases) {
        CAPTURE(c.timestamp);
        CHECK(c.date.timestamp() == c.timestamp);
    }
    CHECK(at(2024, 3, 14, 9, 40, 0, 0).timestamp() > day(2024, 3, 14).timestamp());
}

TEST_CASE("a date printed by iso() parses back to the same date") {
    const Date dates[] = {day(2024, 3, 5), at(2024, 3, 5, 23, 59, 59), at(2024, 3, 5, 0, 0, 0, 0),
                          at(2024, 3, 5, 9, 30, 0, 330), at(2024, 3, 5, 9, 30, 0, -480)};
    for (const Date& d : dates) {
        CAPTURE(d.iso());
        std::optional<Date> back = parse_date(d.iso());
        REQUIRE(back.has_value());
        CHECK(*back == d);
    }
}

TEST_CASE("parse_user_date understands --since/--until values") {
    const Date today = day(2024, 3, 5);
    struct Case {
        std::string input;
        bool upper;
        Date expected;
    };
    const Case cases[] = {
        {"2024", false, day(2024, 1, 1)},
        {"2024", true, day(2024, 12, 31)},
        {"2024-02", false, day(2024, 2, 1)},
        {"2024-02", true, day(2024, 2, 29)},
        {"2023-02", true, day(2023, 2, 28)},
        {"2024-04", true, day(2024, 4, 30)},
        {"March 2024", false, day(2024, 3, 1)},
        {"March 2024", true, day(2024, 3, 31)},
        {"Feb 2024", true, day(2024, 2, 29)},
        {"2024-03-05", false, day(2024, 3, 5)},
        {"2024-03-05", true, day(2024, 3, 5)},
        {"20240305", false, day(2024, 3, 5)},
        {"05.03.2024", false, day(2024, 3, 5)},
        {"March 5, 2024", true, day(2024, 3, 5)},
        {"5 Mar 2024", false, day(2024, 3, 5)},
        // A timestamp is cut to its day: a range bound is a whole day.
        {"2024-03-05T23:30:00+01:00", true, day(2024, 3, 5)},
        {"today", false, today},
        {"Today", true, today},
        {"yesterday", false, day(2024, 3, 4)},
        {"7 days ago", false, day(2024, 2, 27)},
        {"7d", false, day(2024, 2, 27)},
        {"1 day ago", false, day(2024, 3, 4)},
        {"2 weeks ago", false, day(2024, 2, 20)},
        {"0d", false, today},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        CAPTURE(c.upper);
        std::optional<Date> got = parse_user_date(c.input, c.upper, today);
        INFO("got " << show(got));
        REQUIRE(got.has_value());
        CHECK(*got == c.expected);
    }
}

TEST_CASE("parse_user_date counts days back across month and year ends") {
    struct Case {
        Date today;
        std::string input;
        Date expected;
    };
    const Case cases[] = {
        {day(2024, 3, 1), "yesterday", day(2024, 2, 29)},
        {day(2023, 3, 1), "yesterday", day(2023, 2, 28)},
        {day(2024, 1, 1), "yesterday", day(2023, 12, 31)},
        {day(2024, 1, 3), "7d", day(2023, 12, 27)},
    };
    for (const Case& c : cases) {
        CAPTURE(c.today.iso());
        CAPTURE(c.input);
        std::optional<Date> got = parse_user_date(c.input, false, c.today);
        INFO("got " << show(got));
        REQUIRE(got.has_value());
        CHECK(*got == c.expected);
    }
}

TEST_CASE("parse_user_date rejects values that are not dates") {
    const Date today = day(2024, 3, 5);
    const std::string cases[] = {"",        "garbage",    "last tuesday",     "2024-13",
                                 "2024-00", "13/13/2024", "7 fortnights ago", "March",
                                 "0999"};
    for (const std::string& input : cases) {
        CAPTURE(input);
        for (bool upper : {false, true}) {
            CAPTURE(upper);
            std::optional<Date> got = parse_user_date(input, upper, today);
            INFO("got " << show(got));
            CHECK_FALSE(got.has_value());
        }
    }
}

TEST_CASE("month_from_name knows English month names and their abbreviations") {
    struct Case {
        std::string name;
        int month;
    };
    const Case cases[] = {{"January", 1}, {"jan", 1},  {"FEB", 2},    {"Mar.", 3},
                          {"may", 5},     {"Sept", 9}, {"sep", 9},    {"December", 12},
                          {"Ma", 0},      {"Marc", 0}, {"Monday", 0}, {"", 0}};
    for (const Case& c : cases) {
        CAPTURE(c.name);
        CHECK(news::month_from_name(c.name) == c.month);
    }
}

TEST_CASE("parse_date reads dates written in German, French, Spanish and other languages") {
    struct Case {
        std::string input;
        Date expected;
    };
    const Case cases[] = {
        {"7. November 2023", day(2023, 11, 7)},
        {"07.11.2023 um 14:30 Uhr", at(2023, 11, 7, 14, 30, 0)},
        {"am 5. März 2024", day(2024, 3, 5)},
        {"5. MÄRZ 2024", day(2024, 3, 5)},
        {"Samstag, 19. Juli 2014", day(2014, 7, 19)},
        {"21. Jan. 2015", day(2015, 1, 21)},
        {"7 novembre 2023", day(2023, 11, 7)},
        {"le 7 novembre 2023 à 14h30", at(2023, 11, 7, 14, 30, 0)},
        {"1er février 2021", day(2021, 2, 1)},
        {"martes 17 de marzo de 2020", day(2020, 3, 17)},
        {"Domenica 06 Dicembre 2020 | 00:36", at(2020, 12, 6, 0, 36, 0)},
        {"11 de Outubro de 2020, 8:34", at(2020, 10, 11, 8, 34, 0)},
        {"9 oktober 2020 11:12", at(2020, 10, 9, 11, 12, 0)},
        {"7 ноября 2023", day(2023, 11, 7)},  // ноября
        {"2020年3月"
         "4日",
         day(2020, 3, 4)},  // 年月日
        // الأربعاء، 07 أكتوبر 2020 - 12:09 م (Wednesday, 7 October 2020, 12:09 pm)
        {"\xD8\xA7\xD9\x84\xD8\xA3\xD8\xB1\xD8\xA8\xD8\xB9\xD8\xA7\xD8\xA1\xD8\x8C 07 "
         "أكتوبر 2020 - 12:09 م",
         at(2020, 10, 7, 12, 9, 0)},
        {"Apr 08, 2020 05:08 PM IST", at(2020, 4, 8, 17, 8, 0)},
        {"20200516T14:51:53Z", at(2020, 5, 16, 14, 51, 53, 0)},
        {"20200516T145153Z", at(2020, 5, 16, 14, 51, 53, 0)},
        {"2020-01-13T17:04:34+0300", at(2020, 1, 13, 17, 4, 34, 180)},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        std::optional<Date> got = parse_date(c.input);
        INFO("got " << show(got));
        REQUIRE(got.has_value());
        CHECK(*got == c.expected);
    }
}

TEST_CASE("parse_date still wants the whole text to be a date in every language") {
    const std::string cases[] = {
        "Updated 5 March 2024",
        "Aktualisiert am 5. März 2024",
        "Stand: 5. März 2024",
        "5 March 2024 and 6 March 2024",
        "7 novembre",
        "novembre 2023",
        "31. Februar 2024",
        "2024年13月"
        "1日",
        "20240305T25:00:00Z",
        "202403051",
    };
    for (const std::string& input : cases) {
        CAPTURE(input);
        std::optional<Date> got = parse_date(input);
        INFO("got " << show(got));
        CHECK_FALSE(got.has_value());
    }
}

TEST_CASE("month_from_name and is_weekday_name know the names of several languages") {
    struct Case {
        std::string name;
        int month;
    };
    const Case cases[] = {
        {"Januar", 1}, {"Jänner", 1},     {"März", 3},      {"MÄRZ", 3},     {"Mai", 5},
        {"Okt.", 10},  {"Dezember", 12},  {"février", 2},   {"août", 8},     {"déc.", 12},
        {"marzo", 3},  {"septiembre", 9}, {"dicembre", 12}, {"outubro", 10}, {"maart", 3},
        {"mei", 5},    {"stycznia", 1},   {"ekim", 10},     {"НОЯБРЯ", 11},  {"Montag", 0},
        {"mardi", 0},  {"Mo", 0},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        CHECK(news::month_from_name(c.name) == c.month);
    }
    for (const char* w : {"Samstag", "mardi", "miércoles", "Domenica", "zaterdag", "Tue"})
        CHECK(news::is_weekday_name(w));
    for (const char* w : {"March", "Mars", "today", ""})
        CHECK_FALSE(news::is_weekday_name(w));
}

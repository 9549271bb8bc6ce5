// The publication date of a news page, weighed from every place a page states one: what it
// declares (JSON-LD datePublished, publication meta tags), what it shows (<time> elements, dates
// in date-like elements and next to the headline, "Published:" labels, in many languages), its URL
// (/2023/11/07/) and, last, the data its scripts carry. A declared date is trusted first, in the
// publisher's own day when its UTC time crossed midnight (the URL's day or the page's local time
// say which), unless a strong date shown next to the headline says otherwise: days away, or a day
// away when both clock times rule out a zone (the declaration may be a first draft's while the
// page shows its revision's day). Without a declaration the URL's day decides, else the
// best-placed shown date; the URL's year and month rule out shown dates of other months. Update
// dates ("Updated:", dateModified) count only when they are all a page shows: an "Updated May 6,
// 2019" alone next to the headline, with the declared day nowhere in the text, dates the page;
// on a page with no other evidence, a lone "last updated" day does. Comment dates, dates in
// menus, sidebars and quoted posts (bar a side column's "Published" line on a page with nothing
// else), a site's "today" line above its menu, future dates and dates before 1995 are never the
// answer. A wrong date is worse than none: weak or conflicting evidence gives no date.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../clean/html_document.hpp"
#include "date.hpp"

namespace news {

// What the page's metadata declares, collected by extract_html_metadata(): raw strings, parsed
// here, each list in the order of trust (JSON-LD first, then meta tags by their rank).
struct DateEvidence {
    std::vector<std::string> published;  // datePublished, article:published_time, ...
    std::vector<std::string> modified;   // dateModified, article:modified_time, ...
    // The headline, when known: dates next to it count most.
    std::string title;
    // The primary language subtag: "en" reads 03/05/2024 as March 5, unless <html lang> or
    // og:locale name a region that puts the day first (en-GB).
    std::string language;
};

// `url` is the page's canonical URL or its own; `today` bounds plausible dates (tests pass one).
std::optional<Date> find_publication_date(const HtmlDocument& doc, const DateEvidence& evidence,
                                          std::string_view url, const Date& today = today_utc());

// The names of the meta tags (property, name or itemprop, lower case) that declare a
// publication date, most trusted first, and those that declare a modification date.
const std::vector<std::string_view>& published_meta_keys();
const std::vector<std::string_view>& modified_meta_keys();

// The string value of `"key": "..."` in JSON text that does not parse (JSON-LD with a trailing
// comma or a raw line break is common); "" when absent.
std::string find_json_string(std::string_view text, std::string_view key);

// The date parts a URL path holds: /2023/11/07/, /2023-11-07-slug, /20231107/, /2023-11/07/,
// /2023/1107/ give a day; /2023/11/ gives a year and month (day 0); /2023/ a year alone (month
// 0). Query and fragment are not read (a ?date= is a search, not the page's). All zero when the
// path holds none.
struct UrlDate {
    int year = 0;
    int month = 0;
    int day = 0;
};
UrlDate url_date_parts(std::string_view url);

// A whole day written in a URL path, as url_date_parts() finds it.
std::optional<Date> date_from_url(std::string_view url);

// One date written in running text.
struct TextDate {
    size_t begin = 0;  // byte span of the date (and its time) in the text
    size_t end = 0;
    Date date;  // day first for numeric dates that read both ways ("03/05/2024": 3 May)
    std::optional<Date> month_first;  // the other reading of such a date (March 5)
    bool two_digit_year = false;      // "07.11.23"
    bool weekday = false;             // preceded by a weekday name
};

// The dates written in `text` ("Nov 7, 2023, 2:00 PM", "published : 2023-11-04",
// "7. November 2023", "07.11.2023 um 14:30 Uhr", "jeudi 13 juin 2019", "17 de marzo de 2020"),
// in order, at most `limit`. A date needs a day, a month and a year; a time and zone after it are
// kept. Numbers inside longer number runs (versions, phone numbers) are not dates.
std::vector<TextDate> find_text_dates(std::string_view text, size_t limit = 16);

// What the words just before a date say it is.
enum class DateLabel { None, Published, Updated, AsOf };

// Classifies the text before a date (its label, "Veröffentlicht am", "Updated:", "Stand:"),
// looking at the label nearest to the date. AsOf is the German "Stand:", which news sites put on
// the article's only date.
DateLabel date_label_before(std::string_view text);

}  // namespace news

#include "text_cleaner.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "../extract/dates.hpp"
#include "text.hpp"

namespace news {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

size_t word_count(std::string_view s) {
    size_t n = 0;
    bool in = false;
    for (char c : s) {
        bool w = !std::isspace(static_cast<unsigned char>(c));
        if (w && !in) ++n;
        in = w;
    }
    return n;
}

bool ends_sentence(std::string_view s) {
    while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')'))
        s.remove_suffix(1);
    if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) s.remove_suffix(3);  // ” ’
    return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ':');
}

// Prose: a sentence of some length. Menus, link lists and headers are short or unpunctuated.
bool is_prose(std::string_view line) {
    return word_count(line) >= 10 && ends_sentence(line);
}

// Lines that open a block of furniture: what follows them is links, not article text.
bool opens_furniture_section(std::string_view l) {
    static constexpr std::array<std::string_view, 12> kHeads{
        "related stories", "related articles", "related",           "sponsored articles",
        "sponsored",       "more stories",     "you may also like", "most read",
        "most popular",    "recommended",      "trending",          "read next"};
    std::string s = lower(l);
    while (!s.empty() && (s.back() == ':' || s.back() == ' '))
        s.pop_back();
    for (std::string_view h : kHeads)
        if (s == h) return true;
    return false;
}

}  // namespace

bool is_boilerplate_line(std::string_view line) {
    std::string l = lower(line);
    static constexpr std::array<std::string_view, 30> kPrefixes{"related stories",
                                                                "related articles",
                                                                "sponsored",
                                                                "please enter your",
                                                                "share this",
                                                                "share on",
                                                                "share:",
                                                                "read more",
                                                                "advertisement",
                                                                "subscribe",
                                                                "sign up",
                                                                "newsletter",
                                                                "leave a comment",
                                                                "leave a reply",
                                                                "comments (",
                                                                "you may also like",
                                                                "most read",
                                                                "follow us",
                                                                "all rights reserved",
                                                                "©",
                                                                "copyright",
                                                                "accept cookies",
                                                                "we use cookies",
                                                                "skip to",
                                                                "log in",
                                                                "login",
                                                                "save my name",
                                                                "click here",
                                                                "tags:",
                                                                "filed under"};
    for (std::string_view p : kPrefixes)
        if (l.starts_with(p)) return true;
    // Menus and dateline headers: "Home | World | Business", "LISBON | Tuesday | 14°C".
    if (std::count(l.begin(), l.end(), '|') >= 2) return true;
    // Photo captions and credits.
    static constexpr std::array<std::string_view, 7> kCredits{
        "(photo:", "photo:", "(photo ", "(image:", "(credit", "photograph:", "getty images"};
    for (std::string_view c : kCredits)
        if (l.find(c) != std::string::npos) return true;
    if (l == "comments" || l == "reply" || l == "menu" || l == "search" || l == "home") return true;
    return false;
}

std::optional<Date> publication_date_line(std::string_view line) {
    if (line.size() > 160) return std::nullopt;  // a sentence, not a date line
    std::vector<TextDate> dates = find_text_dates(line, 1);
    if (dates.empty()) return std::nullopt;
    const TextDate& first = dates.front();
    std::string_view before = line.substr(0, first.begin);
    // "Updated: ...", "Aktualisiert am ...", "Mis à jour le ...": not the publication.
    DateLabel label = date_label_before(before);
    if (label == DateLabel::Updated) return std::nullopt;
    // The line is the date: before it nothing or its label ("Published:", "Veröffentlicht am",
    // "On"), after it nothing or the next field ("12 March 2024 09:15 | Updated 13 March").
    std::string head = lower(before);
    while (!head.empty() && (head.back() == ' ' || head.back() == ':' || head.back() == ','))
        head.pop_back();
    bool labelled = head.empty() || label == DateLabel::Published || label == DateLabel::AsOf ||
                    head == "on" || head == "date";
    std::string_view rest = line.substr(first.end);
    while (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    bool alone = rest.empty() || rest.front() == '|' || rest.starts_with("\xC2\xB7") ||
                 rest.starts_with("\xE2\x80\xA2");
    if (!labelled || !alone) return std::nullopt;
    return first.date;
}

TextExtraction clean_text(std::string_view utf8) {
    TextExtraction out;
    std::vector<std::string> lines;
    size_t i = 0;
    while (i <= utf8.size()) {
        size_t j = utf8.find('\n', i);
        if (j == std::string_view::npos) j = utf8.size();
        lines.push_back(collapse_whitespace(utf8.substr(i, j - i)));
        i = j + 1;
    }

    std::vector<std::string> paragraphs;
    bool joinable = false;  // the last kept line may continue on the next one
    bool in_furniture = false;
    bool have_title = false;
    for (const std::string& line : lines) {
        if (line.empty()) {
            joinable = false;
            continue;
        }
        if (!have_title) {
            out.title = line;
            have_title = true;
            continue;
        }
        if (!out.published) {
            if (auto d = publication_date_line(line)) {
                out.published = d;
                joinable = false;
                continue;
            }
        }
        std::string l = lower(line);
        if (out.author.empty() && l.starts_with("by ") && word_count(line) <= 8 &&
            !ends_sentence(line)) {
            out.author = line.substr(3);
            continue;
        }
        if (opens_furniture_section(line)) {
            in_furniture = true;
            joinable = false;
            continue;
        }
        if (in_furniture && !is_prose(line)) continue;
        in_furniture = false;
        if (is_boilerplate_line(line)) {
            joinable = false;
            continue;
        }
        // Hard-wrapped text: a line that does not end a sentence, followed by one that starts in
        // lower case, is the same paragraph.
        bool starts_lower = std::islower(static_cast<unsigned char>(line[0])) != 0;
        if (joinable && starts_lower && !paragraphs.empty()) {
            paragraphs.back() += ' ';
            paragraphs.back() += line;
        } else {
            paragraphs.push_back(line);
        }
        joinable = !ends_sentence(line);
    }
    for (const std::string& p : paragraphs) {
        if (!out.text.empty()) out.text += "\n\n";
        out.text += p;
    }
    return out;
}

}  // namespace news

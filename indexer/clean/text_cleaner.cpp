#include "text_cleaner.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "../extract/dates.hpp"
#include "boilerplate.hpp"
#include "text.hpp"

namespace news {

namespace {

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

size_t utf8_chars(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
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
    std::string s = ascii_lower(l);
    while (!s.empty() && (s.back() == ':' || s.back() == ' '))
        s.pop_back();
    for (std::string_view h : kHeads)
        if (s == h) return true;
    return is_furniture_heading(l);
}

// "By Jane Doe", "Reporting by Jane Doe", "Written by ...", "Author: ...", "Von ...": the
// author's name when the line is a byline (short, no sentence), else "".
std::string byline_author(std::string_view line) {
    static constexpr std::array<std::string_view, 9> kLabels{
        "by ",     "reporting by ", "written by ", "words by ", "author: ",
        "autor: ", "von ",          "par ",        "por "};
    if (word_count(line) > 8 || ends_sentence(line)) return {};
    std::string l = ascii_lower(line);
    for (std::string_view label : kLabels)
        if (l.starts_with(label)) return collapse_whitespace(line.substr(label.size()));
    return {};
}

// A stretch of the scrape: one paragraph (hard-wrapped lines joined) or one furniture line.
struct Unit {
    std::string text;
    BlockClass cls = BlockClass::Short;
    bool judged = false;  // furniture by rule: the line-level classification is not asked
};

// The line-level classes, as the HTML cleaner gives them to blocks: prose by stop words (or
// sentences, when no stop-word list fits the scrape), short lines judged by their neighbours.
BlockClass classify_unit(const Unit& u, const ProseStats& st, int language) {
    const size_t chars = utf8_chars(u.text);
    // A date line ("Aktualisiert am 14.03.2024, 10:20 Uhr") is never article text; alone, it
    // does not end the article either.
    if (is_date_line(u.text)) return BlockClass::Bad;
    if (chars < 40 || st.words < 6) return BlockClass::Short;
    double sd = stopword_density(st, language);
    if (st.words >= 8) sd = std::max(sd, best_stopword_density(st));
    if (language >= 0 || sd >= 0.25)
        return sd >= 0.25 && chars >= 70 ? BlockClass::Good : BlockClass::NearGood;
    return st.words >= 10 && ends_sentence(u.text) ? BlockClass::Good : BlockClass::NearGood;
}

// jusText's context rule over the scrape: near-good paragraphs are kept unless furniture lies
// on both sides, short lines only between kept text (a lone "Sign in" or "World" above the
// article goes, "Nobody was hurt." between two paragraphs stays).
void smooth_units(std::vector<Unit>& units) {
    const size_t n = units.size();
    std::vector<BlockClass> cls(n), before, after;
    std::vector<uint32_t> chars(n);
    for (size_t i = 0; i < n; ++i) {
        cls[i] = units[i].cls;
        chars[i] = static_cast<uint32_t>(units[i].text.size());
    }
    judged_neighbours(cls, chars, true, BlockClass::Short, before, after);
    for (size_t i = 0; i < n; ++i)
        if (cls[i] == BlockClass::NearGood)
            units[i].cls = before[i] == BlockClass::Bad && after[i] == BlockClass::Bad
                               ? BlockClass::Bad
                               : BlockClass::Good;
    for (size_t i = 0; i < n; ++i)
        cls[i] = units[i].cls;
    judged_neighbours(cls, chars, false, BlockClass::Bad, before, after);
    for (size_t i = 0; i < n; ++i)
        if (cls[i] == BlockClass::Short)
            units[i].cls = before[i] != BlockClass::Bad && after[i] != BlockClass::Bad
                               ? BlockClass::Good
                               : BlockClass::Bad;
}

}  // namespace

bool is_boilerplate_line(std::string_view line) {
    std::string l = ascii_lower(line);
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
    // The furniture phrases of the languages the HTML cleaner knows ("Lesen Sie auch", "Lire
    // aussi", "Anzeige"), on lines too short to be a paragraph that happens to start so.
    return line.size() < 200 && (starts_with_furniture_phrase(line) || is_furniture_heading(line));
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
    std::string head = ascii_lower(before);
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

    std::vector<Unit> units;
    auto furniture = [&](const std::string& line) {
        units.push_back({line, BlockClass::Bad, true});
    };
    bool joinable = false;  // the last paragraph may continue on the next line
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
        if (out.author.empty()) {
            if (std::string author = byline_author(line); !author.empty()) {
                out.author = std::move(author);
                joinable = false;
                continue;
            }
        }
        if (opens_furniture_section(line)) {
            in_furniture = true;
            joinable = false;
            furniture(line);
            continue;
        }
        if (in_furniture && !is_prose(line)) {
            furniture(line);
            continue;
        }
        in_furniture = false;
        // A scrape repeats its headline under the menu: the title is not body text.
        if (is_boilerplate_line(line) || line == out.title) {
            joinable = false;
            furniture(line);
            continue;
        }
        // Hard-wrapped text: a line that does not end a sentence, followed by one that starts in
        // lower case, is the same paragraph.
        bool starts_lower = std::islower(static_cast<unsigned char>(line[0])) != 0;
        if (joinable && starts_lower && !units.empty() && !units.back().judged) {
            units.back().text += ' ';
            units.back().text += line;
        } else {
            units.push_back({line});
        }
        joinable = !ends_sentence(line);
    }

    // Language of the scrape, then each paragraph's class and its neighbours' verdict.
    std::vector<ProseStats> stats(units.size());
    ProseStats totals;
    for (size_t k = 0; k < units.size(); ++k) {
        if (units[k].judged) continue;
        stats[k] = prose_stats(units[k].text);
        totals.words += stats[k].words;
        for (size_t l = 0; l < kStopwordLanguages; ++l)
            totals.stopwords[l] = static_cast<uint16_t>(
                std::min<uint32_t>(65535u, totals.stopwords[l] + stats[k].stopwords[l]));
    }
    const int language = dominant_language(totals);
    for (size_t k = 0; k < units.size(); ++k)
        if (!units[k].judged) units[k].cls = classify_unit(units[k], stats[k], language);
    smooth_units(units);
    // A scrape too short to judge (a single sentence) keeps its sentences.
    if (std::none_of(units.begin(), units.end(),
                     [](const Unit& u) { return u.cls == BlockClass::Good; }))
        for (Unit& u : units)
            if (!u.judged && ends_sentence(u.text)) u.cls = BlockClass::Good;

    for (const Unit& u : units) {
        if (u.cls != BlockClass::Good) continue;
        if (!out.text.empty()) out.text += "\n\n";
        out.text += u.text;
    }
    return out;
}

}  // namespace news

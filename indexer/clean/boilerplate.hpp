// Text features that tell an article's prose from page furniture, shared by the HTML cleaner and
// the plain-text cleaner: word, stop-word and sentence-mark counts (stop words of the languages
// most of the archive is written in: English, German, French, Spanish, Italian, Portuguese,
// Dutch, Polish), the page's dominant language by those counts, and the phrases that open
// furniture lines and sections ("Read more", "Share this", "Related stories", "Lesen Sie auch").
// Prose is dense in stop words and sentence marks; menus, tag lists and buttons are not.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace news {

inline constexpr size_t kStopwordLanguages = 8;  // en de fr es it pt nl pl

struct ProseStats {
    uint32_t words = 0;
    uint32_t sentence_marks = 0;  // . , ; : ! ? and their CJK forms
    // Words found in each language's stop-word list, in the order of kStopwordLanguages.
    std::array<uint16_t, kStopwordLanguages> stopwords{};
};

// Counts over UTF-8 text (words are runs of letters and digits; punctuation separates them).
ProseStats prose_stats(std::string_view text);

// Index of the language with the most stop words among `totals` (summed over a page), or -1
// when stop words are too rare for any list to fit (a language without a list, or no prose).
int dominant_language(const ProseStats& totals);

// Share of the words that are stop words of `language` (0 when `language` is -1).
double stopword_density(const ProseStats& stats, int language);

// The highest share over all the languages: a quotation or a passage in another language than
// the page's is prose too.
double best_stopword_density(const ProseStats& stats);

// True when the text begins with a phrase that only furniture begins with, in one of the
// languages above: "Read more", "Share this", "Tags:", "Advertisement", "Lesen Sie auch",
// "Anzeige", "Lire aussi", "Leer más", "Photo:", ... Matched case-insensitively on ASCII.
bool starts_with_furniture_phrase(std::string_view text);

// True when the whole text (trailing ':' and spaces ignored) is the heading of a furniture
// section: "Related stories", "More from this author", "Das könnte Sie auch interessieren",
// "Weitere Artikel", "À lire aussi", ... What follows such a heading is links, not article.
bool is_furniture_heading(std::string_view text);

// The classes of a block of text (a paragraph, a line of a scrape) as jusText names them:
// Good prose, NearGood (prose-like on weak evidence, or text that is no prose but no furniture
// either: a list of ingredients, a table row), Short (too short to judge alone), Bad (links,
// furniture), Heading (judged by the text that follows it).
enum class BlockClass : uint8_t { Bad, Short, NearGood, Good, Heading };

// For each block of a sequence, the class of the nearest judged block before it (`before`) and
// after it (`after`): Good, NearGood (unless `skip_near`), or Bad; `edge` past either end. A
// run of Bad blocks between two pieces of text counts only when it is substantial (three
// blocks, or 120 characters of `chars`): a lone link, a button or a photo credit inside an
// article does not end it. Linear in the number of blocks.
void judged_neighbours(const std::vector<BlockClass>& cls, const std::vector<uint32_t>& chars,
                       bool skip_near, BlockClass edge, std::vector<BlockClass>& before,
                       std::vector<BlockClass>& after);

// True for a short line that only dates the page: "Tuesday November 19, 2019", "05.10.2018 -
// 14:20", "Published November 20th, 2019 - 07:50 GMT", "segunda-feira, 22 de janeiro de 2018 às
// 0:13". A date inside a sentence does not count.
bool is_date_line(std::string_view text);

}  // namespace news

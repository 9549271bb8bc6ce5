// Snippets: the passage of an article's text that best shows why it matched, with the matched
// words marked. Xapian's own MSet::snippet() highlights each term separately and cannot mark a
// phrase as one span, so the passage choice is done here: the parsed query tree gives plain
// terms (unstemmed words and Z-stems), phrases and NEAR groups; the text is split into words
// the way the TermGenerator splits it and stemmed with the same stemmer; the window holding the
// most distinct terms, rarer terms counting more, wins. The result is plain data (text plus
// byte ranges), so the text and JSON renderers and the tests share it.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace news::searcher {

// A highlighted range of snippet text: byte offsets, [start, end), on UTF-8 boundaries.
struct Highlight {
    std::size_t start = 0;
    std::size_t end = 0;

    bool operator==(const Highlight&) const = default;
};

struct Snippet {
    std::string text;                   // one line: whitespace runs collapsed, "…" where cut
    std::vector<Highlight> highlights;  // sorted, non-overlapping
};

struct SnippetOptions {
    // Target length in characters (code points): about two terminal lines.
    std::size_t max_chars = 220;
    // Text beyond this many bytes is not scanned for matches, which bounds the cost of one
    // giant article; its start is still shown when nothing matches earlier.
    std::size_t max_scan_bytes = 256 * 1024;
    // The stemming language (as given to make_stemmer); it lets the matcher skip words that
    // cannot stem to any query stem.
    std::string language = "en";
};

// Built once per search from the query (the term weights need one look-up per term), then
// asked for one snippet per hit shown.
class SnippetMaker {
  public:
    // `db` gives term frequencies for the weights; without it every term weighs the same.
    SnippetMaker(const Xapian::Query& query, const Xapian::Stem& stemmer,
                 const Xapian::Database* db = nullptr, SnippetOptions options = {});

    Snippet make(std::string_view text);

    // One position of a pattern: a text word matches when it equals one of `words`, stems to
    // one of `stems`, or starts with one of `prefixes` (wildcards).
    struct Alternatives {
        std::vector<std::string> words;
        std::vector<std::string> stems;
        std::vector<std::string> prefixes;
    };
    enum class Kind { Term, Phrase, Near };
    // Something the query looks for: one term, or a phrase or NEAR group of several.
    struct Pattern {
        Kind kind = Kind::Term;
        std::vector<Alternatives> parts;
        std::size_t window = 0;  // NEAR: words the whole group may span
        bool ordered = false;    // NEAR: parts in query order ("a ADJ b")
        double weight = 1.0;
    };
    const std::vector<Pattern>& patterns() const { return m_patterns; }

  private:
    struct Word;
    struct Match;

    void collect(const Xapian::Query& query);
    void add_term_pattern(const std::string& term);
    Alternatives alternatives_of(const Xapian::Query& query) const;
    double weight_of(const std::string& term) const;
    void note_stem(const std::string& stem);
    bool worth_stemming(const std::string& lower_word) const;
    const std::string& stem(const std::string& lower_word);
    // Splits the text into words as TermGenerator does, matching each word as it goes: single
    // terms go to `found`, and Word::parts records which group parts the word can stand for.
    // Only offsets are kept, so a long text costs no string per word.
    std::vector<Word> scan(std::string_view text, std::vector<Match>& found);
    void match_word(std::size_t index, const std::string& lower, Word& word,
                    std::vector<Match>& found);
    bool matches(const Alternatives& alt, const std::string& lower, const std::string*& stem);
    void match_groups(const std::vector<Word>& words, std::vector<Match>& found) const;

    Xapian::Stem m_stemmer;
    const Xapian::Database* m_db;
    SnippetOptions m_options;
    std::vector<Pattern> m_patterns;
    // Single-term patterns by exact word and by stem, so each text word costs one hash look-up
    // (plus one stemming when any pattern wants stems).
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_word;
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_stem;
    std::vector<std::size_t> m_wildcards;
    std::vector<std::size_t> m_groups;
    std::vector<std::size_t> m_group_bit;  // per group: bit of its first part in Word::parts
    // Snowball stems are never longer than their word, so words shorter than the shortest stem
    // sought are not stemmed at all; that skips most of the stemmer's work on a text.
    std::size_t m_min_stem = static_cast<std::size_t>(-1);
    // For stemmers that keep a word's first letter, the first bytes of the stems sought: a word
    // starting with any other byte is not stemmed.
    bool m_first_byte_kept = false;
    std::bitset<256> m_stem_first_bytes;
    std::unordered_map<std::string, std::string> m_stem_cache;
    Xapian::doccount m_doccount = 0;
};

}  // namespace news::searcher

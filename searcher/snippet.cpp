#include "snippet.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "schema.hpp"
#include "text.hpp"

namespace news::searcher {

namespace {

using Xapian::Query;
namespace Unicode = Xapian::Unicode;

// Splits a query term into its word and whether it is a stem. Terms of other fields (site,
// source, language, author, ids) are filters, not words of the text, so they are skipped; title
// terms are kept because the same words in the body explain the match too.
bool word_of_term(const std::string& term, std::string& word, bool& is_stem) {
    std::size_t i = 0;
    while (i < term.size() && term[i] >= 'A' && term[i] <= 'Z')
        ++i;
    std::string_view prefix(term.data(), i);
    is_stem = prefix.starts_with(schema::kStemmed);
    if (is_stem) prefix.remove_prefix(schema::kStemmed.size());
    if (!prefix.empty() && prefix != schema::kTitle) return false;
    // Xapian puts ':' between a prefix and a term that itself starts with a capital.
    if (!prefix.empty() && i < term.size() && term[i] == ':') ++i;
    word = term.substr(i);
    return !word.empty();
}

// The pattern of a wildcard query. Query has no accessor for it in Xapian 1.4, but its
// description is stable: "Query(WILDCARD SYNONYM pattern)".
std::string wildcard_pattern(const Query& query) {
    std::string d = query.get_description();
    if (d.ends_with(")")) d.pop_back();
    std::size_t space = d.rfind(' ');
    return space == std::string::npos ? std::string() : d.substr(space + 1);
}

// The window of a NEAR or PHRASE query, from its description "Query((a@1 NEAR 11 b@2))", for
// the same reason; `fallback` when it cannot be read.
std::size_t group_window(const Query& query, std::size_t fallback) {
    std::string d = query.get_description();
    for (std::string_view op : {" NEAR ", " PHRASE "}) {
        std::size_t at = d.find(op);
        if (at == std::string::npos) continue;
        std::size_t n = std::strtoul(d.c_str() + at + op.size(), nullptr, 10);
        return n > 0 ? n : fallback;
    }
    return fallback;
}

// Characters TermGenerator keeps inside a word when a word character follows ("don't",
// "AT&T"), mapped as it maps them; 0 when `ch` is not one.
unsigned infix_char(unsigned ch) {
    switch (ch) {
        case '\'':
        case '&':
        case 0xb7:
        case 0x5f4:
        case 0x2027:
            return ch;
        case 0x2019:
        case 0x201b:
            return '\'';
        default:
            return 0;
    }
}

// Characters kept between digits ("1,000", "3.14").
bool digit_infix(unsigned ch) {
    switch (ch) {
        case ',':
        case '.':
        case ';':
        case 0x037e:
        case 0x0589:
        case 0x060d:
        case 0x07f8:
        case 0x2044:
        case 0xfe10:
        case 0xfe13:
        case 0xfe14:
            return true;
        default:
            return false;
    }
}

// Zero-width characters TermGenerator ignores inside words.
bool ignorable(unsigned ch) {
    return ch == 0x200b || ch == 0x200c || ch == 0x200d || ch == 0x2060 || ch == 0xfeff;
}

// Character classes as Xapian::Unicode defines them, with a fast path for ASCII, which is most
// of a news text and would otherwise cost a table look-up in libxapian per character.
bool is_word_char(unsigned ch) {
    if (ch < 0x80) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
               ch == '_';
    }
    return Unicode::is_wordchar(ch);
}
bool is_digit(unsigned ch) {
    if (ch < 0x80) return ch >= '0' && ch <= '9';
    return Unicode::get_category(ch) == Unicode::DECIMAL_DIGIT_NUMBER;
}
bool is_upper(unsigned ch) {
    if (ch < 0x80) return ch >= 'A' && ch <= 'Z';
    return Unicode::get_category(ch) == Unicode::UPPERCASE_LETTER;
}
bool is_lower_letter(unsigned ch) {
    if (ch < 0x80) return ch >= 'a' && ch <= 'z';
    return Unicode::get_category(ch) == Unicode::LOWERCASE_LETTER;
}
bool is_white(unsigned ch) {
    if (ch < 0x80) return ch == ' ' || (ch >= '\t' && ch <= '\r');
    return Unicode::is_whitespace(ch);
}
void append_lower(std::string& s, unsigned ch) {
    if (ch < 0x80) {
        s += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
    } else {
        Unicode::append_utf8(s, Unicode::tolower(ch));
    }
}

// One code point of the text and its length in bytes, read as Xapian::Utf8Iterator reads it (an
// ill-formed byte counts as one character) so word offsets match what the indexer saw; {0, 0}
// past the end.
struct CharAt {
    unsigned ch;
    std::size_t len;
};

CharAt char_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return {0, 0};
    auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) return {b, 1};
    const char* at = text.data() + pos;
    Xapian::Utf8Iterator it(at, text.size() - pos);
    unsigned ch = *it;
    ++it;
    return {ch, static_cast<std::size_t>(it.raw() - at)};  // raw() is the end once past it
}

// The character `ahead` characters after the one at `pos`, or 0 past the end.
unsigned char_after(std::string_view text, std::size_t pos, std::size_t ahead = 1) {
    for (std::size_t i = 0; i < ahead && pos < text.size(); ++i)
        pos += char_at(text, pos).len;
    return char_at(text, pos).ch;
}

bool is_ascii_word_byte(char c) {
    auto b = static_cast<unsigned char>(c);
    return b < 0x80 && is_word_char(b);
}

// Whether the character after an ASCII run [start, end) might extend the word under
// TermGenerator's rules (a non-ASCII letter, an apostrophe, "1,000", "U.S.", "C++"), so that
// the general path must read it.
bool may_continue(std::string_view text, std::size_t start, std::size_t end) {
    if (end >= text.size()) return false;
    auto b = static_cast<unsigned char>(text[end]);
    if (b >= 0x80 || b == '\'' || b == '&' || b == '+' || b == '#') return true;
    if ((b == '.' || b == ',' || b == ';') && is_digit(static_cast<unsigned char>(text[end - 1])))
        return true;
    return b == '.' && end - start == 1 && is_upper(static_cast<unsigned char>(text[start]));
}

// As TermGenerator: only words starting with a letter get a stemmed form.
bool stemmable(const std::string& lower) {
    if (lower.empty()) return false;
    constexpr unsigned kMask = (1u << Unicode::LOWERCASE_LETTER) |
                               (1u << Unicode::TITLECASE_LETTER) |
                               (1u << Unicode::MODIFIER_LETTER) | (1u << Unicode::OTHER_LETTER);
    return (kMask >> Unicode::get_category(*Xapian::Utf8Iterator(lower))) & 1;
}

// Languages whose Snowball stemmer never changes the first letter of a word, so a word can
// only stem to a stem that starts with its own first byte. English (Porter2) only rewrites
// suffixes, and its exception list ("dying" -> "die", "skies" -> "sky") keeps first letters too.
// Others are left out on purpose: German folds umlauts, Spanish drops accents, Irish, Dutch and
// Indonesian strip prefixes.
bool keeps_first_byte(const std::string& language) {
    return language == "en" || language == "eng" || language == "english" || language == "porter";
}

bool is_space_byte(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Other ASCII control characters (an escape sequence in a scraped page) never reach a terminal.
bool is_control_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

bool closes_sentence(unsigned ch) {
    return ch == '.' || ch == '!' || ch == '?' || ch == 0x2026;
}

// Quotes and brackets after a full stop do not change whether a sentence ended.
bool is_closer(unsigned ch) {
    return ch == '"' || ch == '\'' || ch == ')' || ch == ']' || ch == 0x201d || ch == 0x2019 ||
           ch == 0xbb;
}

// Copies `part`, which starts at byte `base` of the text, onto one line: whitespace runs become
// one space and other control characters are dropped. `spans` (byte ranges of the text, inside
// `part`) are mapped onto the copy into `mapped`.
std::string collapse(std::string_view part, std::size_t base, const std::vector<Highlight>& spans,
                     std::vector<Highlight>* mapped) {
    std::string out;
    out.reserve(part.size());
    std::vector<std::size_t> at(part.size() + 1, 0);  // source offset -> copy offset
    for (std::size_t i = 0; i < part.size();) {
        at[i] = out.size();
        if (is_space_byte(part[i])) {
            out += ' ';
            for (++i; i < part.size() && is_space_byte(part[i]); ++i)
                at[i] = out.size() - 1;
            continue;
        }
        if (!is_control_byte(part[i])) out += part[i];
        ++i;
    }
    at[part.size()] = out.size();
    if (mapped) {
        for (const Highlight& h : spans)
            mapped->push_back({at[h.start - base], at[h.end - base]});
    }
    return out;
}

std::size_t utf8_lead_at_or_before(std::string_view text, std::size_t pos) {
    while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80)
        --pos;
    return pos;
}

}  // namespace

struct SnippetMaker::Word {
    std::size_t start = 0;  // bytes into the text
    std::size_t end = 0;
    std::size_t cstart = 0;  // code points into the text
    std::size_t cend = 0;
    bool sentence_start = false;
    std::uint64_t parts = 0;  // group parts this word can stand for, one bit each
};

struct SnippetMaker::Match {
    std::size_t first = 0;  // word indexes, inclusive
    std::size_t last = 0;
    std::size_t pattern = 0;
};

SnippetMaker::SnippetMaker(const Xapian::Query& query, const Xapian::Stem& stemmer,
                           const Xapian::Database* db, SnippetOptions options)
    : m_stemmer(stemmer),
      m_db(db),
      m_options(options),
      m_first_byte_kept(keeps_first_byte(m_options.language)) {
    if (m_db) m_doccount = m_db->get_doccount();
    collect(query);
    for (std::size_t i = 0; i < m_patterns.size(); ++i) {
        const Pattern& p = m_patterns[i];
        if (p.kind != Kind::Term) {
            // Parts are bits of a 64-bit mask; a query with more group words than that (never
            // typed by hand) has its later groups highlighted word by word only.
            std::size_t bit = m_group_bit.empty()
                                  ? 0
                                  : m_group_bit.back() + m_patterns[m_groups.back()].parts.size();
            if (bit + p.parts.size() > 64) continue;
            m_groups.push_back(i);
            m_group_bit.push_back(bit);
            for (const Alternatives& a : p.parts)
                for (const std::string& st : a.stems)
                    note_stem(st);
            continue;
        }
        const Alternatives& a = p.parts.front();
        for (const std::string& w : a.words)
            m_by_word[w].push_back(i);
        for (const std::string& s : a.stems)
            m_by_stem[s].push_back(i);
        if (!a.prefixes.empty()) m_wildcards.push_back(i);
        for (const std::string& st : a.stems)
            note_stem(st);
    }
}

double SnippetMaker::weight_of(const std::string& term) const {
    if (!m_db || m_doccount == 0) return 1.0;
    // Inverse document frequency: a word in few articles says more about this one.
    Xapian::doccount tf = term.empty() ? m_doccount / 20 : m_db->get_termfreq(term);
    if (tf == 0) tf = 1;
    return std::log(1.0 + static_cast<double>(m_doccount) / static_cast<double>(tf));
}

void SnippetMaker::add_term_pattern(const std::string& term) {
    std::string word;
    bool is_stem = false;
    if (!word_of_term(term, word, is_stem)) return;
    // One pattern per distinct word or stem, however many times the query names it.
    for (Pattern& p : m_patterns) {
        if (p.kind != Kind::Term) continue;
        const Alternatives& a = p.parts.front();
        const std::vector<std::string>& forms = is_stem ? a.stems : a.words;
        if (std::find(forms.begin(), forms.end(), word) != forms.end()) {
            p.weight = std::max(p.weight, weight_of(term));
            return;
        }
    }
    Pattern p;
    Alternatives a;
    (is_stem ? a.stems : a.words).push_back(word);
    p.parts.push_back(std::move(a));
    p.weight = weight_of(term);
    m_patterns.push_back(std::move(p));
}

SnippetMaker::Alternatives SnippetMaker::alternatives_of(const Xapian::Query& query) const {
    Alternatives alt;
    auto add = [&](const Xapian::Query& q, auto&& self) -> void {
        if (q.get_type() == Query::LEAF_TERM) {
            std::string word;
            bool is_stem = false;
            if (word_of_term(*q.get_terms_begin(), word, is_stem))
                (is_stem ? alt.stems : alt.words).push_back(word);
        } else if (q.get_type() == Query::OP_WILDCARD) {
            std::string word;
            bool is_stem = false;
            if (word_of_term(wildcard_pattern(q), word, is_stem)) alt.prefixes.push_back(word);
        } else {
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
                self(q.get_subquery(i), self);
        }
    };
    add(query, add);
    return alt;
}

void SnippetMaker::collect(const Xapian::Query& query) {
    switch (query.get_type()) {
        case Query::LEAF_TERM:
            add_term_pattern(*query.get_terms_begin());
            return;
        case Query::OP_WILDCARD: {
            Alternatives alt = alternatives_of(query);
            if (alt.prefixes.empty()) return;
            Pattern p;
            p.parts.push_back(std::move(alt));
            p.weight = weight_of("");
            m_patterns.push_back(std::move(p));
            return;
        }
        case Query::OP_PHRASE:
        case Query::OP_NEAR: {
            Pattern p;
            p.weight = 0;
            std::size_t n = query.get_num_subqueries();
            for (std::size_t i = 0; i < n; ++i) {
                Alternatives alt = alternatives_of(query.get_subquery(i));
                // A part with no words of the text (another field) makes the group unmatchable.
                if (alt.words.empty() && alt.stems.empty() && alt.prefixes.empty()) return;
                p.weight += weight_of(alt.words.empty() ? std::string() : alt.words.front());
                p.parts.push_back(std::move(alt));
            }
            if (p.parts.empty()) return;
            p.window = group_window(query, p.parts.size());
            // An exact phrase is a PHRASE as wide as its words; "a ADJ b" is a wider, ordered
            // PHRASE, matched like NEAR but in order.
            bool exact = query.get_type() == Query::OP_PHRASE && p.window <= p.parts.size();
            p.kind = exact ? Kind::Phrase : Kind::Near;
            if (query.get_type() == Query::OP_PHRASE && !exact) p.ordered = true;
            m_patterns.push_back(std::move(p));
            return;
        }
        // Only the positive side says what the text is about; the other side excludes articles
        // or filters them by field.
        case Query::OP_AND_NOT:
        case Query::OP_FILTER:
            if (query.get_num_subqueries() > 0) collect(query.get_subquery(0));
            return;
        default:
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
                collect(query.get_subquery(i));
            return;
    }
}

void SnippetMaker::note_stem(const std::string& stem) {
    m_min_stem = std::min(m_min_stem, stem.size());
    m_stem_first_bytes.set(static_cast<unsigned char>(stem.front()));
}

bool SnippetMaker::worth_stemming(const std::string& lower_word) const {
    if (lower_word.size() < m_min_stem) return false;
    if (m_first_byte_kept && !m_stem_first_bytes.test(static_cast<unsigned char>(lower_word[0])))
        return false;
    return stemmable(lower_word);
}

const std::string& SnippetMaker::stem(const std::string& lower_word) {
    auto it = m_stem_cache.find(lower_word);
    if (it == m_stem_cache.end())
        it = m_stem_cache.emplace(lower_word, m_stemmer(lower_word)).first;
    return it->second;
}

bool SnippetMaker::matches(const Alternatives& alt, const std::string& lower,
                           const std::string*& stemmed) {
    if (std::find(alt.words.begin(), alt.words.end(), lower) != alt.words.end()) return true;
    for (const std::string& prefix : alt.prefixes) {
        if (lower.starts_with(prefix)) return true;
    }
    if (alt.stems.empty() || !worth_stemming(lower)) return false;
    if (!stemmed) stemmed = &stem(lower);
    return std::find(alt.stems.begin(), alt.stems.end(), *stemmed) != alt.stems.end();
}

void SnippetMaker::match_word(std::size_t index, const std::string& lower, Word& word,
                              std::vector<Match>& found) {
    const std::string* stemmed = nullptr;
    if (auto it = m_by_word.find(lower); it != m_by_word.end()) {
        for (std::size_t p : it->second)
            found.push_back({index, index, p});
    }
    if (!m_by_stem.empty() && worth_stemming(lower)) {
        stemmed = &stem(lower);
        if (auto it = m_by_stem.find(*stemmed); it != m_by_stem.end()) {
            for (std::size_t p : it->second)
                found.push_back({index, index, p});
        }
    }
    for (std::size_t p : m_wildcards) {
        if (matches(m_patterns[p].parts.front(), lower, stemmed))
            found.push_back({index, index, p});
    }
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        const Pattern& pattern = m_patterns[m_groups[g]];
        for (std::size_t k = 0; k < pattern.parts.size(); ++k) {
            if (matches(pattern.parts[k], lower, stemmed))
                word.parts |= std::uint64_t{1} << (m_group_bit[g] + k);
        }
    }
}

std::vector<SnippetMaker::Word> SnippetMaker::scan(std::string_view text,
                                                   std::vector<Match>& found) {
    std::vector<Word> words;
    std::string lower;  // the current word's term, reused
    const bool matching = !m_patterns.empty();
    auto finish = [&](Word& w) {
        if (matching) match_word(words.size(), lower, w, found);
        words.push_back(w);
    };
    words.reserve(text.size() / 6 + 1);
    const std::size_t n = text.size();
    std::size_t pos = 0;
    std::size_t index = 0;       // code points before pos
    bool sentence_ended = true;  // the text starts a sentence
    bool line_break = true;
    auto step = [&](std::size_t len) {
        pos += len;
        ++index;
    };
    while (pos < n) {
        CharAt c = char_at(text, pos);
        if (!is_word_char(c.ch)) {
            if (c.ch == '\n') {
                line_break = true;
            } else if (closes_sentence(c.ch)) {
                sentence_ended = true;
            } else if (!is_white(c.ch) && !is_closer(c.ch)) {
                sentence_ended = false;
            }
            step(c.len);
            continue;
        }
        Word w;
        lower.clear();
        w.start = pos;
        w.cstart = index;
        // A sentence starts after a line break, or after a full stop when the word does not
        // continue in lower case ("e.g. this").
        w.sentence_start = line_break || (sentence_ended && !is_lower_letter(c.ch));
        sentence_ended = false;
        line_break = false;

        // Most words are plain ASCII runs: copy and lower them in one go.
        std::size_t run = pos;
        while (run < n && is_ascii_word_byte(text[run]))
            ++run;
        if (run > pos && !may_continue(text, pos, run)) {
            lower.assign(text.data() + pos, run - pos);
            for (char& ch : lower) {
                if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + ('a' - 'A'));
            }
            index += run - pos;
            pos = run;
            w.end = pos;
            w.cend = index;
            finish(w);
            continue;
        }

        // "U.S.A." is one word, "usa", as TermGenerator reads it.
        if (is_upper(c.ch) && char_after(text, pos) == '.' && is_upper(char_after(text, pos, 2))) {
            while (pos < n) {
                c = char_at(text, pos);
                if (!is_upper(c.ch)) break;
                append_lower(lower, c.ch);
                step(c.len);
                if (char_at(text, pos).ch != '.' || !is_upper(char_after(text, pos))) break;
                step(1);  // the dot between two letters
            }
            w.end = pos;
            w.cend = index;
            finish(w);
            continue;
        }
        unsigned prev = 0;
        while (pos < n) {
            c = char_at(text, pos);
            if (is_word_char(c.ch)) {
                append_lower(lower, c.ch);
            } else if (ignorable(c.ch)) {
                // kept inside the word, not in its term
            } else if (unsigned mapped = infix_char(c.ch);
                       mapped && is_word_char(char_after(text, pos))) {
                append_lower(lower, mapped);
            } else if (digit_infix(c.ch) && is_digit(prev) && is_digit(char_after(text, pos))) {
                append_lower(lower, c.ch);
            } else {
                break;
            }
            prev = c.ch;
            step(c.len);
        }
        // "C++", "C#": up to three trailing '+' or '#' belong to the word.
        std::size_t suffix = 0;
        while (suffix < 4 && pos + suffix < n &&
               (text[pos + suffix] == '+' || text[pos + suffix] == '#'))
            ++suffix;
        if (suffix > 0 && suffix <= 3 && !is_word_char(char_at(text, pos + suffix).ch)) {
            lower.append(text.data() + pos, suffix);
            pos += suffix;
            index += suffix;
        }
        w.end = pos;
        w.cend = index;
        finish(w);
    }
    return words;
}

void SnippetMaker::match_groups(const std::vector<Word>& words, std::vector<Match>& found) const {
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        const Pattern& pattern = m_patterns[m_groups[g]];
        const std::size_t n = pattern.parts.size();
        auto is = [&](std::size_t word, std::size_t part) {
            return (words[word].parts >> (m_group_bit[g] + part)) & 1;
        };
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (pattern.kind == Kind::Phrase) {
                if (i + n > words.size()) break;
                std::size_t k = 0;
                while (k < n && is(i + k, k))
                    ++k;
                if (k == n) found.push_back({i, i + n - 1, m_groups[g]});
                continue;
            }
            // NEAR (and ordered ADJ): every part on a different word within the window, the
            // group starting at word i.
            std::uint64_t done = 0;
            std::size_t left = n;
            std::size_t next = 0;  // ordered: the part to find next
            std::size_t last = i;
            std::size_t limit = std::min(words.size(), i + std::max(pattern.window, n));
            for (std::size_t j = i; j < limit && left > 0; ++j) {
                for (std::size_t k = pattern.ordered ? next : 0; k < n; ++k) {
                    if (((done >> k) & 1) || !is(j, k)) {
                        if (pattern.ordered) break;
                        continue;
                    }
                    done |= std::uint64_t{1} << k;
                    --left;
                    next = k + 1;
                    last = j;
                    break;
                }
                if (j == i && left == n) break;  // the group must start here
            }
            if (left > 0) continue;
            // Occurrences of one group do not overlap: of those ending on the same word the
            // tightest is kept ("buffer, buffer window" is one, from the second "buffer"), and
            // one starting inside the previous is dropped, so a highlight stays one group long.
            Match* previous =
                !found.empty() && found.back().pattern == m_groups[g] ? &found.back() : nullptr;
            if (previous && previous->last == last) {
                previous->first = i;
            } else if (!previous || i > previous->last) {
                found.push_back({i, last, m_groups[g]});
            }
        }
    }
}

Snippet SnippetMaker::make(std::string_view text) {
    Snippet out;
    const std::size_t budget = std::max<std::size_t>(m_options.max_chars, 20);
    std::size_t scan_end = std::min(text.size(), m_options.max_scan_bytes);
    scan_end = utf8_lead_at_or_before(text, scan_end);
    std::vector<Match> found;
    std::vector<Word> words = scan(text.substr(0, scan_end), found);
    match_groups(words, found);
    std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
        return a.first != b.first ? a.first < b.first : a.last < b.last;
    });

    // Text with no words at all: its first characters.
    if (words.empty()) {
        std::size_t end = 0, chars = 0;
        while (end < text.size() && chars < budget) {
            end += std::max<std::size_t>(1, utf8_length(static_cast<unsigned char>(text[end])));
            ++chars;
        }
        end = std::min(end, text.size());
        out.text = collapse(text.substr(0, end), 0, {}, nullptr);
        while (!out.text.empty() && out.text.back() == ' ')
            out.text.pop_back();
        if (!out.text.empty() && out.text.front() == ' ') out.text.erase(0, 1);
        if (end < text.size()) out.text += "…";
        return out;
    }

    // The best window: the run of matches fitting in the budget whose distinct patterns weigh
    // most; more matches break ties, and then the earliest window wins (the lead paragraph).
    std::size_t core_first = 0, core_last = 0;
    if (!found.empty()) {
        std::vector<int> count(m_patterns.size(), 0);
        double distinct = 0;
        double best = -1;
        std::size_t best_a = 0, best_b = 0;
        std::size_t b = 0;
        for (std::size_t a = 0; a < found.size(); ++a) {
            if (b < a) b = a;
            while (b < found.size() &&
                   (b == a || words[found[b].last].cend - words[found[a].first].cstart <= budget)) {
                if (count[found[b].pattern]++ == 0) distinct += m_patterns[found[b].pattern].weight;
                ++b;
            }
            double score = distinct + 0.01 * static_cast<double>(b - a);
            if (score > best) {
                best = score;
                best_a = a;
                best_b = b;
            }
            if (--count[found[a].pattern] == 0) distinct -= m_patterns[found[a].pattern].weight;
        }
        core_first = found[best_a].first;
        core_last = found[best_a].last;
        for (std::size_t m = best_a; m < best_b; ++m)
            core_last = std::max(core_last, found[m].last);
    }

    // Lay the window out around the core: from the sentence start before it when that fits,
    // else with a little context before; then as many words after as fit.
    const std::size_t core_chars = words[core_last].cend - words[core_first].cstart;
    const std::size_t slack = budget > core_chars ? budget - core_chars : 0;
    std::size_t first = core_first;
    if (!found.empty() && !words[first].sentence_start) {
        std::size_t w = first;
        bool found_start = false;
        while (w > 0 && words[core_first].cstart - words[w - 1].cstart <= slack) {
            --w;
            if (words[w].sentence_start) {
                found_start = true;
                break;
            }
        }
        if (found_start) {
            first = w;
        } else {
            const std::size_t lead = slack / 3;
            while (first > 0 && words[core_first].cstart - words[first - 1].cstart <= lead)
                --first;
        }
    }
    std::size_t last = core_last;
    while (last + 1 < words.size() && words[last + 1].cend - words[first].cstart <= budget)
        ++last;
    // At the end of the text, spend what is left of the budget before the window instead.
    if (last + 1 == words.size()) {
        while (first > 0 && words[last].cend - words[first - 1].cstart <= budget)
            --first;
    }

    // Byte range: take punctuation attached to the outer words ("“Yes,” she said.").
    std::size_t begin = words[first].start;
    const std::size_t floor = first > 0 ? words[first - 1].end : 0;
    while (begin > floor && !is_space_byte(text[begin - 1]))
        --begin;
    std::size_t end = words[last].end;
    const std::size_t ceiling = last + 1 < words.size() ? words[last + 1].start : text.size();
    while (end < ceiling && !is_space_byte(text[end]))
        ++end;

    // Highlights: every match inside the window, one span per match (a phrase or NEAR group is
    // one span), overlapping spans merged.
    std::vector<Highlight> spans;
    for (const Match& m : found) {
        if (m.first >= first && m.last <= last)
            spans.push_back({words[m.first].start, words[m.last].end});
    }
    std::sort(spans.begin(), spans.end(),
              [](const Highlight& a, const Highlight& b) { return a.start < b.start; });
    std::vector<Highlight> merged;
    for (const Highlight& h : spans) {
        if (!merged.empty() && h.start < merged.back().end) {
            merged.back().end = std::max(merged.back().end, h.end);
        } else {
            merged.push_back(h);
        }
    }

    const bool cut_before = first > 0 && !words[first].sentence_start;
    std::string_view tail = text.substr(end);
    bool more_after = tail.find_first_not_of(" \t\r\n\f\v") != std::string_view::npos;
    bool cut_after = false;
    if (more_after) {
        // A window that ends a sentence needs no ellipsis.
        std::size_t p = end;
        while (p > begin && is_closer(static_cast<unsigned char>(text[p - 1])))
            --p;
        cut_after = !(p > begin && closes_sentence(static_cast<unsigned char>(text[p - 1])));
    }

    if (cut_before) out.text = "…";
    std::size_t shift = out.text.size();
    out.text += collapse(text.substr(begin, end - begin), begin, merged, &out.highlights);
    for (Highlight& h : out.highlights) {
        h.start += shift;
        h.end += shift;
    }
    if (cut_after) out.text += "…";
    return out;
}

}  // namespace news::searcher

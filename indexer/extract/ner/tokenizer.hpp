// The entity tagger's tokenizer: UTF-8 news text -> tokens with byte offsets, grouped into
// sentences. Tokens follow the CoNLL-2003 (Penn Treebank-like) conventions the model was trained
// on, so the tagger sees at run time what it saw in training: punctuation is split off, while
// abbreviations and initials keep their period ("U.S.", "Mr.", "J."); clitics are split ("Israel's"
// -> "Israel" "'s", "doesn't" -> "does" "n't"), so a possessive never becomes part of a name;
// hyphenated words stay whole ("Jean-Claude", "1996-08-22"). A line break always ends a sentence
// (the cleaners emit one paragraph or headline per line); inside a line, a sentence ends at
// ". ! ?" followed by a capitalised word. Offsets index the input bytes, which are not copied.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace news::ner {

struct Token {
    size_t start = 0;  // byte offset of the first byte
    size_t end = 0;    // byte offset one past the last byte
};

// Tokens [begin, end) of Tokenized::tokens.
struct Sentence {
    size_t begin = 0;
    size_t end = 0;
};

struct Tokenized {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;  // in order, covering every token once
};

Tokenized tokenize(std::string_view text);

// True for the words whose trailing period belongs to them ("Mr", "Gen", "Inc", "Jan"),
// compared without case; the period itself is not part of `word`.
bool is_abbreviation(std::string_view word);

// A code point and the bytes it took; a byte that starts no well-formed sequence decodes as
// U+FFFD of length 1, so broken input still moves forward one byte at a time.
struct CodePoint {
    char32_t c = 0;
    size_t n = 1;
};
CodePoint decode_utf8(std::string_view s, size_t i);

}  // namespace news::ner

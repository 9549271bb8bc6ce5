// Hand-written rules for what a statistical tagger trained on one newswire corpus gets wrong or
// never saw: a capitalised word after an honorific or a title ("Mr.", "Gen.", "Prime Minister",
// "Secretary of State") is a person; a possessive is not part of a name ("Netanyahu's" ->
// "Netanyahu"); and an ALL-CAPS headline carries no case information, so its words are given
// the case they have elsewhere before the features are computed (features.cpp calls
// `caps_sentence` and `title_case`). The rules run on token spans after decoding.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "features.hpp"
#include "tokenizer.hpp"

namespace news::ner {

// Whether a sentence is written in capitals only (a headline, a dateline): none of its words
// has a lower-case letter and its capitals are not just an acronym or two.
bool caps_sentence(const std::string_view* words, size_t n);

// "NETANYAHU" -> "Netanyahu", "TEL-AVIV" -> "Tel-Aviv"; the guess for a capitalised word the
// document and the training text never wrote otherwise.
std::string title_case(std::string_view word);

// Number of tokens of the honorific or title that ends just before token `j` of a sentence
// starting at `begin` ("Mr." -> 1, "Prime Minister" -> 2, "Secretary of State" -> 3), else 0.
size_t title_before(const std::vector<std::string_view>& forms, size_t begin, size_t j);

// Applies the rules to the decoded spans of a document. `forms` are the normalised token
// forms, `caps` flags the tokens of all-caps sentences (where no capital means anything).
void apply_rules(const std::vector<std::string_view>& forms, const std::vector<Sentence>& sentences,
                 const std::vector<bool>& caps, std::vector<Span>& spans);

}  // namespace news::ner

// libstemmer (Snowball) stemmers wrapped as Xapian::StemImplementation, so the TermGenerator and
// QueryParser stem with the same algorithms for every language libstemmer ships.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace news {

// A Xapian::Stem backed by libstemmer for `language` (ISO 639-1 code like "en" or a name like
// "english"; "nb" and "nn" are Norwegian). Throws news::UsageError for a language libstemmer
// does not know.
Xapian::Stem make_stemmer(const std::string& language);

// True when libstemmer has a stemmer for the language (code or name).
bool has_stemmer(const std::string& language);

// The stemmer of a document or query language: libstemmer's where it has one; no stemming
// (an empty Xapian::Stem) for the other ISO 639-1 codes ("pl", "zh"), whose articles are
// indexed unstemmed; news::UsageError for anything that is no language.
Xapian::Stem stemmer_for_language(const std::string& language);

// The languages libstemmer knows, as its own names ("english", "german", ...).
std::vector<std::string> stemmer_languages();

}  // namespace news

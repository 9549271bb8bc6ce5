// libstemmer (Snowball) stemmers wrapped as Xapian::StemImplementation, so the TermGenerator and
// QueryParser stem with the same algorithms for every language libstemmer ships.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace news {

// A Xapian::Stem backed by libstemmer for `language` (ISO 639-1 code like "en" or a name like
// "english"). Throws news::UsageError for a language libstemmer does not know.
Xapian::Stem make_stemmer(const std::string& language);

// The languages libstemmer knows, as its own names ("english", "german", ...).
std::vector<std::string> stemmer_languages();

}  // namespace news

// A throw-away Xapian database in a temporary directory, filled with the indexer's recipe
// (TermGenerator with the libstemmer English stemmer and STEM_SOME, title weighted and prefixed,
// boolean terms and values from common/schema), so the searcher tests query what news-index
// writes without depending on the indexer library.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "alias_table.hpp"
#include "article.hpp"

namespace news::searcher::testing {

// A calendar day (Date has more fields than aggregate initialisation should spell out).
Date make_date(int year, int month, int day);

// An article with the fields the tests care about; `date` is "YYYY-MM-DD" or empty.
Article make_article(const std::string& title, const std::string& text,
                     const std::string& date = "", const std::string& url = "",
                     const std::string& source = "");

// The article with these entities (one Entity each, without mentions), as the tagger would
// give them: {EntityType::Person, "Antony J. Blinken"}.
Article with_entities(Article article,
                      const std::vector<std::pair<EntityType, std::string>>& names);

// The entity keys (names::entity_key) of one kind an article carries, sorted and unique: what the
// indexer stores in the kind's value slot, joined by '\n'.
std::vector<std::string> entity_keys(const Article& article, EntityType type);

class TempDatabase {
  public:
    TempDatabase();
    ~TempDatabase();
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;

    // Indexes the article as news-index does, entities included (their terms, the key slots,
    // and their counts for the alias table).
    // `story`, when given, is the article's story cluster id (kSlotStory and its kStory term),
    // as the indexer's dedup assigns it.
    Xapian::docid add(const Article& article, const std::string& story = "");
    // Writes the alias table, commits and returns a reader on the database.
    Xapian::Database reader();
    const std::string& path() const { return m_path; }

  private:
    std::string m_path;
    Xapian::WritableDatabase m_db;
    AliasTable m_aliases;
};

}  // namespace news::searcher::testing

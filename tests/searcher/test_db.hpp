// A throw-away Xapian database in a temporary directory, filled with the indexer's recipe
// (TermGenerator with the libstemmer English stemmer and STEM_SOME, title weighted and prefixed,
// boolean terms and values from common/schema), so the searcher tests query what news-index
// writes without depending on the indexer library.
#pragma once

#include <string>

#include <xapian.h>

#include "article.hpp"

namespace news::searcher::testing {

// A calendar day (Date has more fields than aggregate initialisation should spell out).
Date make_date(int year, int month, int day);

// An article with the fields the tests care about; `date` is "YYYY-MM-DD" or empty.
Article make_article(const std::string& title, const std::string& text,
                     const std::string& date = "", const std::string& url = "",
                     const std::string& source = "");

class TempDatabase {
  public:
    TempDatabase();
    ~TempDatabase();
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;

    Xapian::docid add(const Article& article);
    // Commits and returns a reader on the database.
    Xapian::Database reader();
    const std::string& path() const { return m_path; }

  private:
    std::string m_path;
    Xapian::WritableDatabase m_db;
};

}  // namespace news::searcher::testing

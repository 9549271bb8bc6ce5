// Where the database lives when no --db flag is given: $NEWS_DB, else
// $XDG_DATA_HOME/news-search/db, else ~/.local/share/news-search/db. Both programs use this one
// rule so that they find each other's database with no flags.
#pragma once

#include <string>

namespace news {

std::string default_db_path();

// The --db flag when given (non-empty), else default_db_path().
std::string resolve_db_path(const std::string& flag);

}  // namespace news

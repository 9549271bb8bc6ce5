#include "db_path.hpp"

#include <cstdlib>

namespace news {

std::string default_db_path() {
    if (const char* env = std::getenv("NEWS_DB"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::string(xdg) + "/news-search/db";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.local/share/news-search/db";
}

std::string resolve_db_path(const std::string& flag) {
    return flag.empty() ? default_db_path() : flag;
}

}  // namespace news

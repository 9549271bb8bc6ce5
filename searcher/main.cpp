// news-search: parse the command line, run one search, print it, and map the outcome to grep's
// exit codes (0 something matched, 1 nothing matched, 2 error). Every failure ends here as one
// line on stderr.
#include <iostream>

#include <xapian.h>

#include "db_path.hpp"
#include "error.hpp"
#include "options.hpp"
#include "render_json.hpp"
#include "render_text.hpp"
#include "search.hpp"

namespace {

constexpr int kMatched = 0;
constexpr int kNoMatch = 1;
constexpr int kError = 2;

int fail(const std::string& message) {
    std::cerr << "news-search: " << message << '\n';
    return kError;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace news::searcher;
    std::ios::sync_with_stdio(false);
    try {
        Options options = parse_options(argc, argv);
        if (options.help) {
            std::cout << help_text();
            return kMatched;
        }
        if (options.version) {
            std::cout << version_text() << '\n';
            return kMatched;
        }
        SearchRequest request = make_request(options, news::today_utc());
        Xapian::Database db = open_database(news::resolve_db_path(options.db));
        SearchResult result = search(db, request);
        for (const std::string& note : result.notes)
            std::cerr << "news-search: " << note << '\n';
        if (options.json) {
            render_json(result, std::cout);
        } else {
            render_text(result, stdout_style(options.color), std::cout);
        }
        std::cout.flush();
        return result.matched_lower_bound > 0 ? kMatched : kNoMatch;
    } catch (const news::Error& e) {
        return fail(e.what());
    } catch (const Xapian::Error& e) {
        return fail(e.get_type() + std::string(": ") + e.get_msg());
    } catch (const std::exception& e) {
        return fail(e.what());
    }
}

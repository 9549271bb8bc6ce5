// news-index: reads news dumps and writes the search database. Parses options, runs the
// pipeline, prints the summary, and maps failures to exit codes (0 done, 2 error).
#include <iostream>

#include <xapian.h>

#include "db_path.hpp"
#include "error.hpp"
#include "options.hpp"
#include "pipeline.hpp"

int main(int argc, char* argv[]) {
    try {
        auto options = news::parse_index_options(argc, argv);
        if (!options) return 0;
        options->db = news::resolve_db_path(options->db);
        news::IndexStats stats = news::run_index(*options, std::cout, std::cerr);
        std::cerr << "news-index: " << news::summary_line(stats, options->dry_run);
        if (!options->dry_run) std::cerr << " -> " << options->db;
        std::cerr << '\n';
        return 0;
    } catch (const news::UsageError& e) {
        std::cerr << "news-index: " << e.what() << '\n';
    } catch (const Xapian::Error& e) {
        std::cerr << "news-index: database error: " << e.get_msg() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "news-index: " << e.what() << '\n';
    }
    return 2;
}

// news-index: reads news dumps and writes the search database. Parses options, runs the
// pipeline, prints the summary, and maps failures to exit codes (0 done, 2 error, 130/143 when
// SIGINT/SIGTERM stopped the run after committing what was done).
#include <atomic>
#include <csignal>
#include <iostream>

#include <unistd.h>

#include <xapian.h>

#include "db_path.hpp"
#include "error.hpp"
#include "options.hpp"
#include "pipeline.hpp"

namespace {

// Set by the signal handler, read by the pipeline: the only thing the handler does.
std::atomic<int> g_stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal flag must be lock-free");

extern "C" void on_stop_signal(int sig) { g_stop_signal.store(sig, std::memory_order_relaxed); }

// SIGINT and SIGTERM ask the run to stop reading and commit what it has; the handler is reset
// by the first signal, so a second Ctrl-C ends the process at once.
void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

}  // namespace

int main(int argc, char* argv[]) {
    try {
        auto options = news::parse_index_options(argc, argv);
        if (!options) return 0;
        options->db = news::resolve_db_path(options->db);
        // The progress line is for a person watching a terminal, or asked for (--progress).
        if (!options->progress) options->progress = isatty(STDERR_FILENO) == 1;
        install_stop_handlers();
        news::IndexStats stats = news::run_index(*options, std::cout, std::cerr, &g_stop_signal);
        std::cout.flush();
        std::cerr << "news-index: " << news::summary_line(stats, options->dry_run);
        if (!options->dry_run) std::cerr << " -> " << options->db;
        std::cerr << '\n';
        if (!stats.compact_error.empty())
            std::cerr << "news-index: the database was not compacted (" << stats.compact_error
                      << "); it is complete, only bigger\n";
        if (stats.interrupted) {
            std::cerr << "news-index: interrupted by "
                      << (stats.interrupted == SIGINT ? "SIGINT" : "SIGTERM")
                      << (options->dry_run ? "" : "; what was read is committed, run the same "
                                                  "command again to go on")
                      << '\n';
            return 128 + stats.interrupted;
        }
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

// news-index's command line: every flag is defined once, with its help text, in options.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace news {

struct IndexOptions {
    std::vector<std::string> inputs;  // files, folders, "-" for standard input
    std::string db;                   // empty: the default location
    bool dry_run = false;
    bool json = false;
    bool quiet = false;
    unsigned batch = 1000;
    unsigned max_document_mb = 32;
    std::string url_map;  // TSV of file paths and their original URLs (--url-map)
    bool entities = true;        // tag people, organisations and places (--no-entities: off)
    bool verbatim_text = false;  // plain text kept exactly as it is (--verbatim-text)
    std::string language;        // every document's language, instead of detecting it
    unsigned jobs = 0;           // extraction threads (--jobs); 0: one per core
    bool progress = false;       // progress line even when stderr is no terminal (--progress)
    std::string log_file;        // every skipped input and its reason, one line each (--log)
    // Compaction of the database at the end of a run: Auto when the run wrote a quarter or
    // more of its documents (--compact: always, --no-compact: never).
    enum class Compact { Auto, Always, Never };
    Compact compact = Compact::Auto;
};

// Parses argv. Returns nullopt when the run should end at once (--help, --version printed).
// Throws news::UsageError on a bad command line.
std::optional<IndexOptions> parse_index_options(int argc, const char* const argv[]);

}  // namespace news

// Wires the indexer's stages: inputs -> readers -> extraction -> writer (or the dry-run
// printer), isolating each document's failures: a bad document is reported in one line,
// counted by reason and skipped, and the run goes on.
#pragma once

#include <atomic>
#include <cstddef>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "article.hpp"
#include "options.hpp"

namespace news {

struct IndexStats {
    size_t added = 0;      // documents new to the database
    size_t changed = 0;    // documents replaced because their content changed
    size_t unchanged = 0;  // documents the database holds as they are: not written again
    // Documents whose unique id an earlier document of the same run had (the same URL, or
    // the same text without one): the first is kept, so every run keeps the same one.
    size_t duplicates = 0;
    size_t extracted = 0;                   // dry run: records printed
    std::map<std::string, size_t> skipped;  // by reason
    size_t input_bytes = 0;
    double seconds = 0.0;
    int interrupted = 0;  // the signal that stopped the run before its end; 0 when none
    bool compacted = false;     // the database was compacted at the end of the run
    std::string compact_error;  // why it could not be, when it was to be
    size_t total_skipped() const;
};

// Runs the whole indexing job: one thread reads the inputs in order, `options.jobs` threads
// clean and extract the records, and the calling thread writes them (or prints dry-run
// records) in input order, whatever the number of jobs, committing every `options.batch`
// documents. Records (dry run) go to `out`; skip messages and the progress line to `log`
// unless quiet. When `stop` becomes non-zero (a signal number, set by a signal handler) the
// run stops reading, finishes and commits the documents read so far and returns with
// `interrupted` set. Throws news::Error or Xapian::Error only for failures of the run itself
// (the database cannot be opened or written).
IndexStats run_index(const IndexOptions& options, std::ostream& out, std::ostream& log,
                     const std::atomic<int>* stop = nullptr);

// What a crawler's manifest says of one input file: its original URL, and the id the manifest
// gives it (the first column of "id<TAB>path<TAB>url" rows), which dry-run records then carry.
struct ManifestEntry {
    std::string url;
    std::string id;
};

// The manifest rows of input files (--url-map), by the file's absolute, normalised path.
using UrlMap = std::unordered_map<std::string, ManifestEntry>;

// Reads a URL map: tab-separated rows whose last column is a URL and the column before it a
// file path ("path<TAB>url", "id<TAB>path<TAB>url" as page lists write them); rows whose last
// column is not a URL (a header) are skipped; relative paths are taken from the map's folder.
// Throws news::UsageError when the file cannot be read.
UrlMap load_url_map(const std::string& file);

// The key of `path` in a UrlMap.
std::string url_map_key(std::string_view path);

// One dry-run record: the JSON object the evaluation scripts read. Its "id" is `id` when given
// (a manifest's id), else a hash of the article's unique id term. `skipped` names the reason
// when the record would not be indexed ("no-text").
std::string dry_run_record(const Article& article, std::string_view skipped = {},
                           std::string_view id = {});

// "indexed 38 new, 3 changed, 0 unchanged, skipped 2 (binary: 1, empty: 1) in 0.42 s"; a dry run
// "extracted 41, skipped 2 (...) in 0.42 s".
std::string summary_line(const IndexStats& stats, bool dry_run);

}  // namespace news

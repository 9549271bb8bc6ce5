// Running a search: open the database once, run the query through Enquire, and turn the page of
// hits asked for into a SearchResult. This is plain data with no printing (the renderers print
// it), and only the hits shown are read back and decoded from their document data.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "facets.hpp"
#include "query.hpp"
#include "snippet.hpp"

namespace news::searcher {

enum class SortOrder {
    Relevance,  // Xapian weight, newest first among equal weights (and for pure filters)
    Date,       // newest first, weight among articles of one day
};

struct SearchRequest {
    QueryRequest query;
    std::size_t limit = 10;
    std::size_t offset = 0;
    SortOrder sort = SortOrder::Relevance;
    std::string language = "en";  // stemming language of query and snippets
    SnippetOptions snippet;
    FacetRequest facets;  // none by default
    // Syndicated copies of one story (same kSlotStory) fold into their best hit; false shows
    // every copy (--all-copies).
    bool collapse = true;
    // --copies DOCID: list the articles of DOCID's story, newest first (query and filters are
    // not used). Not collapsed.
    std::optional<Xapian::docid> copies_of;
};

struct Hit {
    std::size_t rank = 0;  // 1-based over the whole result list, so offset 10 starts at 11
    Xapian::docid docid = 0;
    double score = 0;  // Xapian weight
    int percent = 0;
    std::string title;
    std::string date;  // ISO 8601 as stored, or empty when the article has none
    std::string source;
    std::string url;
    std::string path;
    std::string lang;
    Snippet snippet;
    std::string story;  // story cluster id, empty for an article indexed without one
    // Other matching articles of the hit's story, folded into it (collapsing only), and their
    // sources, newest first, each once.
    Xapian::doccount copies = 0;
    std::vector<std::string> copy_sources;
};

struct SearchResult {
    std::vector<Hit> hits;
    std::string query;  // the query as parsed: Xapian::Query::get_description()
    Xapian::doccount estimated_total = 0;
    // At least this many articles match: grep-like exit codes use it, so that a page past the
    // end (or --limit 0) still reports whether anything matched.
    Xapian::doccount matched_lower_bound = 0;
    std::size_t offset = 0;
    std::size_t limit = 0;
    double elapsed_ms = 0;
    // Counts over every match, when facets were asked for.
    std::optional<FacetResult> facets;
    // Things the user should know that are not errors ("no person called ... in this
    // archive"): main prints each on stderr.
    std::vector<std::string> notes;
};

// Opens the database (a directory or a stub file listing shards). Throws news::Error with a
// one-line message when there is none at `path` or it cannot be read.
Xapian::Database open_database(const std::string& path);

// The filter for an entity name, from the database's alias table (resolve_entity): the OR of
// the keys' terms of the one entity the name means. A name the archive does not know gives a
// filter that matches nothing, and a note for `notes`; a name several entities share is a
// news::UsageError listing them ("\"Biden\" may mean: Joe Biden (41 articles), Hunter Biden (3
// articles); say which with --person \"Joe Biden\"").
Xapian::Query resolve_entity_filter(const Xapian::Database& db, EntityType type,
                                    const std::string& name, FilterOrigin origin,
                                    std::vector<std::string>& notes);

// Throws news::UsageError for a bad query, an ambiguous name or unknown stemming language.
SearchResult search(const Xapian::Database& db, const SearchRequest& request);

}  // namespace news::searcher

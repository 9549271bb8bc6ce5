// The command line of news-search: every flag is declared once, with its help text, in
// options.cpp, and parsed into a plain Options struct that main() turns into a SearchRequest.
// Words of the query are positional and joined by spaces, so `news-search climate -sport` and
// `news-search "climate -sport"` mean the same; a word that starts with one dash and is not a
// known short flag stays a query word (the `-` of Xapian's "must not contain").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "date.hpp"
#include "facets.hpp"
#include "query.hpp"
#include "render_text.hpp"
#include "search.hpp"

namespace news::searcher {

struct Options {
    std::string query;  // positional words joined by single spaces
    std::string db;     // --db, empty when not given (resolve_db_path decides)
    std::string since;  // raw --since text, parsed later so the error can name the flag
    std::string until;
    std::size_t limit = 10;
    std::size_t offset = 0;
    SortOrder sort = SortOrder::Relevance;
    std::string lang = "en";
    bool json = false;
    ColorMode color = ColorMode::Auto;
    bool help = false;
    bool version = false;
    // --person, --org, --place in the order given; --source.
    std::vector<EntityFilter> entities;
    std::vector<std::string> sources;
    // --facets, --facet-limit, --by (which implies the date facet).
    FacetRequest facets;
    bool all_copies = false;                // --all-copies: no folding of syndicated copies
    std::optional<Xapian::docid> copies_of;  // --copies DOCID
};

// Parses argv (argv[0] is the program name). Throws news::UsageError with a one-line message.
Options parse_options(int argc, const char* const* argv);
Options parse_options(const std::vector<std::string>& args);

// The full --help text, flags generated from the same descriptions the parser uses.
std::string help_text();

// "news-search 0.1.0 (Xapian 1.4.22)".
std::string version_text();

// The request the options ask for; --since/--until are read relative to `today`.
// Throws news::UsageError for a date it cannot read.
SearchRequest make_request(const Options& options, const Date& today);

}  // namespace news::searcher

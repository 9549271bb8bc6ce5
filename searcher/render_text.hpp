// Text output for people: one block per hit (rank and title, then date, source and location,
// then the snippet wrapped under it) and a one-line footer. Colour follows grep's habits: only on
// a terminal unless asked, NO_COLOR honoured, matched words in bold.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "search.hpp"

namespace news::searcher {

enum class ColorMode { Never, Always, Auto };

struct TextStyle {
    bool color = false;
    std::size_t width = 100;  // columns the snippet is wrapped to
};

// The --color decision: `auto` means stdout is a terminal, NO_COLOR is unset or empty (see
// no-color.org) and TERM is not "dumb". `no_color` and `term` are the environment values, or
// null when unset.
bool use_color(ColorMode mode, bool stdout_is_tty, const char* no_color, const char* term);

// The style for stdout in this process: colour per use_color, width from the terminal.
TextStyle stdout_style(ColorMode mode);

// Prints the hits, then the footer, then the facets (when the result has them).
void render_text(const SearchResult& result, const TextStyle& style, std::ostream& out);

// The facets alone: one block per facet, names with their counts, and the dates as a bar chart.
void render_facets(const FacetResult& facets, const TextStyle& style, std::ostream& out);

// The date facet as rows of at most `width` columns (never more than 80): the bucket, a bar of
// block characters (eighth blocks for the fraction at its end) as long as the count is against
// the largest, and the count. Rows without the trailing newline.
std::vector<std::string> date_bar_chart(const DateFacet& dates, std::size_t width);

}  // namespace news::searcher

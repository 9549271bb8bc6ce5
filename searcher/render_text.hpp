// Text output for people: one block per hit (rank and title, then date, source and location,
// then the snippet wrapped under it) and a one-line footer. Colour follows grep's habits: only on
// a terminal unless asked, NO_COLOR honoured, matched words in bold.
#pragma once

#include <cstddef>
#include <ostream>

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

void render_text(const SearchResult& result, const TextStyle& style, std::ostream& out);

}  // namespace news::searcher

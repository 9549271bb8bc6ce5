#include "render_text.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace news::searcher {

namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

// Fields read back from scraped pages may hold control characters; on a terminal an escape
// sequence in a title would be obeyed, so they become spaces, and runs of whitespace (a title
// scraped with its tabs) one space.
std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        bool space = u <= 0x20 || u == 0x7f;
        if (!space) {
            out += c;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// Snippet text is already one line; only control characters are replaced, so that the spaces
// around highlights stay.
std::string defused(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) c = ' ';
    }
    return out;
}

std::size_t columns(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string with_commas(std::size_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

class Painter {
  public:
    Painter(std::ostream& out, bool color) : m_out(out), m_color(color) {}
    void styled(std::string_view style, std::string_view text) {
        if (m_color)
            m_out << style << text << kReset;
        else
            m_out << text;
    }
    void start(std::string_view style) {
        if (m_color) m_out << style;
    }
    void stop() {
        if (m_color) m_out << kReset;
    }

  private:
    std::ostream& m_out;
    bool m_color;
};

// Greedy word wrap of the one-line snippet: byte ranges of each line, the breaking space left
// out. A word longer than a line gets a line of its own rather than being split.
std::vector<std::pair<std::size_t, std::size_t>> wrap(std::string_view text, std::size_t width) {
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    std::size_t line_start = 0, line_cols = 0, pos = 0;
    while (pos < text.size()) {
        std::size_t space = text.find(' ', pos);
        if (space == std::string_view::npos) space = text.size();
        std::size_t word_cols = columns(text.substr(pos, space - pos));
        if (line_cols > 0 && line_cols + 1 + word_cols > width) {
            lines.emplace_back(line_start, pos - 1);
            line_start = pos;
            line_cols = 0;
        }
        line_cols += (line_cols > 0 ? 1 : 0) + word_cols;
        pos = space + 1;
    }
    if (line_start < text.size()) lines.emplace_back(line_start, text.size());
    return lines;
}

void render_snippet(const Snippet& snippet, std::size_t indent, std::size_t width, Painter& paint,
                    std::ostream& out) {
    std::string_view text = snippet.text;
    const std::size_t avail = width > indent + 20 ? width - indent : 20;
    for (auto [start, end] : wrap(text, avail)) {
        out << std::string(indent, ' ');
        std::size_t pos = start;
        for (const Highlight& h : snippet.highlights) {
            if (h.end <= start || h.start >= end) continue;
            std::size_t hs = std::max(h.start, start), he = std::min(h.end, end);
            out << defused(text.substr(pos, hs - pos));
            paint.styled(kBold, defused(text.substr(hs, he - hs)));
            pos = he;
        }
        out << defused(text.substr(pos, end - pos)) << '\n';
    }
}

std::string fit(std::string_view s, std::size_t max);

void render_hit(const Hit& hit, std::size_t rank_width, const TextStyle& style, std::ostream& out) {
    Painter paint(out, style.color);
    std::string rank = std::to_string(hit.rank) + ".";
    out << std::string(rank_width > rank.size() ? rank_width - rank.size() : 0, ' ') << rank << ' ';
    paint.styled(kBold, printable(hit.title.empty() ? "(untitled)" : hit.title));
    out << '\n';

    std::string meta;
    auto add = [&](std::string_view part) {
        if (part.empty()) return;
        if (!meta.empty()) meta += " · ";
        meta += part;
    };
    add(std::string_view(hit.date).substr(0, 10));  // the day; the time adds noise here
    add(hit.source);
    add(hit.url.empty() ? hit.path : hit.url);
    const std::size_t indent = rank_width + 1;
    if (!meta.empty()) {
        out << std::string(indent, ' ');
        paint.styled(kDim, printable(meta));
        out << '\n';
    }
    render_snippet(hit.snippet, indent, style.width, paint, out);
    if (hit.copies > 0) {
        std::string line = "+" + with_commas(hit.copies) + (hit.copies == 1 ? " copy" : " copies");
        for (std::size_t i = 0; i < hit.copy_sources.size(); ++i)
            line += (i == 0 ? ": " : ", ") + printable(hit.copy_sources[i]);
        out << std::string(indent, ' ');
        paint.styled(kDim, fit(line, style.width > indent + 20 ? style.width - indent : 20));
        out << '\n';
    }
}

// Cuts text to `max` columns, "…" marking the cut.
std::string fit(std::string_view s, std::size_t max) {
    if (columns(s) <= max) return std::string(s);
    std::string out;
    std::size_t cols = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool lead = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        if (lead && ++cols > max - 1) break;
        out += s[i];
    }
    return out + "…";
}

constexpr std::size_t kMaxNameColumns = 40;
constexpr std::size_t kMaxChartWidth = 80;

void render_list(std::string_view heading, const std::vector<FacetEntry>& entries, Painter& paint,
                 std::ostream& out) {
    paint.styled(kBold, heading);
    out << '\n';
    if (entries.empty()) {
        out << "  (none)\n";
        return;
    }
    std::vector<std::string> names, counts;
    std::size_t name_w = 0, count_w = 0;
    for (const FacetEntry& e : entries) {
        names.push_back(fit(printable(e.name.empty() ? "(unnamed)" : e.name), kMaxNameColumns));
        counts.push_back(with_commas(e.count));
        name_w = std::max(name_w, columns(names.back()));
        count_w = std::max(count_w, counts.back().size());
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        out << "  " << names[i] << std::string(name_w - columns(names[i]) + 2, ' ')
            << std::string(count_w - counts[i].size(), ' ') << counts[i] << '\n';
    }
}

}  // namespace

std::vector<std::string> date_bar_chart(const DateFacet& dates, std::size_t width) {
    static const char* const kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    static const std::string kFull = "█";
    std::vector<std::string> rows;
    if (dates.buckets.empty()) return rows;
    width = std::min(width, kMaxChartWidth);
    std::size_t label_w = 0;
    Xapian::doccount max = 0;
    for (const DateBucket& b : dates.buckets) {
        label_w = std::max(label_w, columns(b.bucket));
        max = std::max(max, b.count);
    }
    const std::size_t count_w = with_commas(max).size();
    // bucket, two spaces, the bar, one space, the count.
    const std::size_t fixed = label_w + 2 + 1 + count_w;
    const std::size_t bar_w = width > fixed + 10 ? width - fixed : 10;
    for (const DateBucket& b : dates.buckets) {
        std::string row = b.bucket + std::string(label_w - columns(b.bucket) + 2, ' ');
        std::size_t eighths = 0;
        if (max > 0 && b.count > 0) {
            eighths = static_cast<std::size_t>(
                (static_cast<double>(b.count) * static_cast<double>(bar_w * 8)) /
                    static_cast<double>(max) +
                0.5);
            eighths = std::clamp<std::size_t>(eighths, 1, bar_w * 8);
        }
        for (std::size_t i = 0; i < eighths / 8; ++i)
            row += kFull;
        row += kEighths[eighths % 8];
        if (eighths > 0) row += ' ';
        row += with_commas(b.count);
        rows.push_back(std::move(row));
    }
    return rows;
}

void render_facets(const FacetResult& facets, const TextStyle& style, std::ostream& out) {
    Painter paint(out, style.color);
    bool first = true;
    auto block = [&](std::string_view heading, const std::optional<std::vector<FacetEntry>>& list) {
        if (!list) return;
        if (!first) out << '\n';
        first = false;
        render_list(heading, *list, paint, out);
    };
    block("People", facets.person);
    block("Organisations", facets.org);
    block("Places", facets.place);
    block("Sources", facets.source);
    if (facets.date) {
        if (!first) out << '\n';
        paint.styled(kBold, "Dates by " + std::string(granularity_name(facets.date->by)));
        out << '\n';
        // Indented like the lists, the whole row still within 80 columns.
        const std::size_t width = std::clamp<std::size_t>(style.width, 24, kMaxChartWidth) - 2;
        std::vector<std::string> rows = date_bar_chart(*facets.date, width);
        if (rows.empty()) out << "  (none)\n";
        for (const std::string& row : rows)
            out << "  " << row << '\n';
        if (facets.date->undated > 0) {
            out << "  (" << with_commas(facets.date->undated) << " without a date)\n";
        }
    }
}

bool use_color(ColorMode mode, bool stdout_is_tty, const char* no_color, const char* term) {
    switch (mode) {
        case ColorMode::Never:
            return false;
        case ColorMode::Always:
            return true;
        case ColorMode::Auto:
            break;
    }
    if (!stdout_is_tty) return false;
    if (no_color && *no_color) return false;
    return !(term && std::strcmp(term, "dumb") == 0);
}

TextStyle stdout_style(ColorMode mode) {
    TextStyle style;
    const bool tty = isatty(STDOUT_FILENO) == 1;
    style.color = use_color(mode, tty, std::getenv("NO_COLOR"), std::getenv("TERM"));
    winsize ws{};
    if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        // Very wide lines are hard to read; two lines of snippet is the aim.
        style.width = std::clamp<std::size_t>(ws.ws_col, 40, 120);
    }
    return style;
}

void render_text(const SearchResult& result, const TextStyle& style, std::ostream& out) {
    Painter paint(out, style.color);
    // Width of the widest "N." label, so titles and snippets line up.
    std::size_t rank_width = 2;
    if (!result.hits.empty())
        rank_width = std::max(rank_width, std::to_string(result.hits.back().rank).size() + 1);
    for (const Hit& hit : result.hits) {
        render_hit(hit, rank_width, style, out);
        out << '\n';
    }
    // No timing here: the same query on the same database prints the same text (diffable, and
    // what the end-to-end tests compare); --json carries elapsed_ms.
    std::string footer;
    if (!result.hits.empty()) {
        footer = "Results " + with_commas(result.hits.front().rank) + "–" +
                 with_commas(result.hits.back().rank) + " of about " +
                 with_commas(result.estimated_total);
    } else if (result.matched_lower_bound > 0) {
        footer =
            "No results on this page; about " + with_commas(result.estimated_total) + " in all";
    } else {
        footer = "No matches";
    }
    paint.styled(kDim, footer);
    out << '\n';
    if (result.facets && result.matched_lower_bound > 0) {
        out << '\n';
        render_facets(*result.facets, style, out);
    }
}

}  // namespace news::searcher

#include "progress.hpp"

#include <cmath>
#include <cstdio>
#include <ostream>

namespace news {

namespace {

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string megabytes(uint64_t bytes) { return fixed1(static_cast<double>(bytes) / 1e6); }

}  // namespace

std::string format_duration(double seconds) {
    if (!(seconds >= 0) || !std::isfinite(seconds)) seconds = 0;
    auto total = static_cast<unsigned long long>(std::llround(seconds));
    unsigned long long h = total / 3600, m = (total / 60) % 60, s = total % 60;
    char buf[48];
    if (h > 0)
        std::snprintf(buf, sizeof buf, "%llu:%02llu:%02llu", h, m, s);
    else
        std::snprintf(buf, sizeof buf, "%llu:%02llu", m, s);
    return buf;
}

std::string progress_line(const ProgressCounters& c, double elapsed) {
    const bool timed = elapsed > 0;
    std::string line = std::to_string(c.documents) + " docs";
    if (timed) line += ", " + fixed1(static_cast<double>(c.documents) / elapsed) + " docs/s";
    line += " | ";
    const bool total_known = c.bytes_total > 0;
    if (total_known)
        line += megabytes(c.bytes_done) + "/" + megabytes(c.bytes_total) + " MB";
    else
        line += megabytes(c.bytes_done) + " MB";
    if (timed) line += ", " + fixed1(static_cast<double>(c.bytes_done) / 1e6 / elapsed) + " MB/s";
    if (total_known) {
        uint64_t done = c.bytes_done < c.bytes_total ? c.bytes_done : c.bytes_total;
        line += ", " + std::to_string(done * 100 / c.bytes_total) + "%";
        if (timed && done > 0) {
            double rate = static_cast<double>(done) / elapsed;
            line += " | ETA " + format_duration(static_cast<double>(c.bytes_total - done) / rate);
        }
    }
    line += " | skipped " + std::to_string(c.skipped);
    return line;
}

ProgressDisplay::ProgressDisplay(std::ostream& out, bool enabled,
                                 std::chrono::milliseconds interval)
    : m_out(out), m_enabled(enabled), m_interval(interval),
      m_start(std::chrono::steady_clock::now()) {}

void ProgressDisplay::update(const ProgressCounters& counters, bool force) {
    if (!m_enabled) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && m_shown > 0 && now - m_last < m_interval) return;
    if (!force && m_shown == 0 && now - m_start < m_interval) return;  // short runs: no line
    m_last = now;
    std::string line =
        progress_line(counters, std::chrono::duration<double>(now - m_start).count());
    // Spaces over what is left of a longer line before; no terminal escapes, so a log file
    // given --progress stays readable.
    size_t width = line.size();
    if (m_shown > width) line.append(m_shown - width, ' ');
    m_out << '\r' << line << std::flush;
    m_shown = width;
}

void ProgressDisplay::clear() {
    if (!m_enabled || m_shown == 0) return;
    m_out << '\r' << std::string(m_shown, ' ') << '\r' << std::flush;
    m_shown = 0;
}

}  // namespace news

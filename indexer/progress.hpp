// The progress line of a long run: documents and bytes done, their rates, the share of the
// input's total size and the time left when the total is known, and the skips so far. Drawn on
// one terminal line, redrawn with '\r' at most four times a second.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace news {

struct ProgressCounters {
    uint64_t documents = 0;    // indexed (new, changed, unchanged) or extracted so far
    uint64_t skipped = 0;      // inputs and records skipped so far
    uint64_t bytes_done = 0;   // input bytes read so far (sizes on disk)
    uint64_t bytes_total = 0;  // the inputs' total size; 0 when unknown (standard input)
};

// "1200 docs, 85.3 docs/s | 12.4/50.0 MB, 0.9 MB/s, 24% | ETA 0:42 | skipped 3"; without a
// known total: "1200 docs, 85.3 docs/s | 12.4 MB, 0.9 MB/s | skipped 3". A pure function of
// the counters and the seconds since the start.
std::string progress_line(const ProgressCounters& counters, double elapsed_seconds);

// "0:42", "12:05", "1:02:03".
std::string format_duration(double seconds);

// Draws progress_line() on `out` (a terminal: stderr) when enabled; every call to update()
// redraws at most every `interval`. clear() wipes the line, before other messages and at the
// end. Used from one thread.
class ProgressDisplay {
  public:
    ProgressDisplay(std::ostream& out, bool enabled,
                    std::chrono::milliseconds interval = std::chrono::milliseconds(250));
    bool enabled() const { return m_enabled; }
    void update(const ProgressCounters& counters, bool force = false);
    void clear();

  private:
    std::ostream& m_out;
    bool m_enabled;
    std::chrono::milliseconds m_interval;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last{};
    size_t m_shown = 0;  // width of the line on screen, 0 when none
};

}  // namespace news

// Extraction speed: how the whole HTML extraction stage (parse, clean, title, date, language)
// compares with gumbo's bare parse of the same pages, one thread. Every page of a folder is read
// into memory first, so the figures measure the code and not the disk; the timings are the
// thread's CPU time, best of three runs page by page, which keeps a busy machine's noise (other
// processes, bursts of load) out of the figures.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gumbo.h>

#include "error.hpp"
#include "extract/article_extractor.hpp"

namespace {

struct Page {
    std::string path;
    std::string bytes;
};

std::vector<Page> load_pages(const std::filesystem::path& folder) {
    std::vector<Page> pages;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        std::string ext = entry.path().extension().string();
        if (ext != ".html" && ext != ".htm") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        pages.push_back({entry.path().string(), std::move(bytes)});
    }
    // A fixed order keeps runs comparable whatever order the file system lists the folder in.
    std::sort(pages.begin(), pages.end(),
              [](const Page& a, const Page& b) { return a.path < b.path; });
    return pages;
}

// CPU time of this thread: other processes on a busy machine slow the wall clock, not this.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench-extract FOLDER\n");
        return 2;
    }
    std::vector<Page> pages = load_pages(argv[1]);
    if (pages.empty()) {
        std::fprintf(stderr, "bench-extract: no .html pages in %s\n", argv[1]);
        return 2;
    }
    size_t bytes = 0;
    for (const Page& p : pages)
        bytes += p.bytes.size();

    std::vector<news::RawRecord> records;
    records.reserve(pages.size());
    for (const Page& p : pages) {
        news::RawRecord r;
        r.bytes = p.bytes;
        r.path = p.path;
        r.format = news::Format::Html;
        records.push_back(std::move(r));
    }

    // Each page is parsed and then extracted, three times over; each page counts with its
    // fastest parse and its fastest extraction. Timing the two side by side, page by page, puts
    // both under the same load from the rest of the machine.
    std::vector<double> parse_best(pages.size(), 1e300), extract_best(pages.size(), 1e300);
    size_t failed = 0;
    for (int run = 0; run < 3; ++run) {
        failed = 0;
        for (size_t i = 0; i < pages.size(); ++i) {
            const Page& p = pages[i];
            const double start = cpu_seconds();
            GumboOutput* out =
                gumbo_parse_with_options(&kGumboDefaultOptions, p.bytes.data(), p.bytes.size());
            gumbo_destroy_output(&kGumboDefaultOptions, out);
            const double parsed = cpu_seconds();
            try {
                news::extract_article(records[i]);
            } catch (const news::Error&) {
                ++failed;  // pages without article text are part of the workload too
            }
            const double extracted = cpu_seconds();
            parse_best[i] = std::min(parse_best[i], parsed - start);
            extract_best[i] = std::min(extract_best[i], extracted - parsed);
        }
    }
    double parse = 0.0, extract = 0.0;
    for (size_t i = 0; i < pages.size(); ++i) {
        parse += parse_best[i];
        extract += extract_best[i];
    }

    const double mb = static_cast<double>(bytes) / 1e6;
    const double n = static_cast<double>(pages.size());
    std::printf("pages: %zu, %.1f MB (%zu without article text)\n", pages.size(), mb, failed);
    std::printf("gumbo parse:        %7.2f MB/s %8.1f pages/s\n", mb / parse, n / parse);
    std::printf("extract_article:    %7.2f MB/s %8.1f pages/s\n", mb / extract, n / extract);
    std::printf("ratio extract/parse: %.2f\n", parse / extract);
    return 0;
}

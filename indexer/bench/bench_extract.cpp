// Extraction speed: how the whole HTML extraction stage (parse, clean, title, date, language)
// compares with gumbo's bare parse of the same pages, one thread. Every page of a folder is read
// into memory first, so the figures measure the code and not the disk; each timing is the
// thread's CPU time, best of three runs, which keeps a busy machine's noise out of the figures.
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

// Thread CPU time of one pass of `pass`.
template <typename Pass>
double timed(Pass pass) {
    const double start = cpu_seconds();
    pass();
    return cpu_seconds() - start;
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

    auto parse_all = [&] {
        for (const Page& p : pages) {
            GumboOutput* out =
                gumbo_parse_with_options(&kGumboDefaultOptions, p.bytes.data(), p.bytes.size());
            gumbo_destroy_output(&kGumboDefaultOptions, out);
        }
    };
    size_t failed = 0;
    auto extract_all = [&] {
        failed = 0;
        for (const news::RawRecord& r : records) {
            try {
                news::extract_article(r);
            } catch (const news::Error&) {
                ++failed;  // pages without article text are part of the workload too
            }
        }
    };
    // Best of three, the two alternating, so that both meet the same load on the machine.
    double parse = 1e300, extract = 1e300;
    for (int run = 0; run < 3; ++run) {
        parse = std::min(parse, timed(parse_all));
        extract = std::min(extract, timed(extract_all));
    }

    const double mb = static_cast<double>(bytes) / 1e6;
    const double n = static_cast<double>(pages.size());
    std::printf("pages: %zu, %.1f MB (%zu without article text)\n", pages.size(), mb, failed);
    std::printf("gumbo parse:        %7.2f MB/s %8.1f pages/s\n", mb / parse, n / parse);
    std::printf("extract_article:    %7.2f MB/s %8.1f pages/s\n", mb / extract, n / extract);
    std::printf("ratio extract/parse: %.2f\n", parse / extract);
    return 0;
}

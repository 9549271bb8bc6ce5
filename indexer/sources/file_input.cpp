#include "file_input.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

namespace fs = std::filesystem;

namespace news {

namespace {

constexpr size_t kSniffBytes = 65536;

bool read_file(const fs::path& path, size_t limit, std::string& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open";
        return false;
    }
    out.clear();
    char buf[65536];
    while (in && out.size() < limit) {
        in.read(buf, static_cast<std::streamsize>(std::min(sizeof buf, limit - out.size())));
        out.append(buf, static_cast<size_t>(in.gcount()));
    }
    if (in.bad()) {
        error = "read error";
        return false;
    }
    return true;
}

void visit_file(const fs::path& path, const FileInputOptions& options,
                const std::function<void(InputFile&&)>& visit, const SkipSink& skip) {
    std::error_code ec;
    uintmax_t size = fs::file_size(path, ec);
    std::string where = path.string();
    if (ec) {
        skip(where, "unreadable", ec.message());
        return;
    }
    InputFile file;
    file.path = where;
    std::string error;
    if (size > options.max_document_bytes) {
        // Only a many-record file may be that large; look at its head before reading it all.
        if (!read_file(path, kSniffBytes, file.bytes, error)) {
            skip(where, "unreadable", error);
            return;
        }
        if (sniff_format(file.bytes, where) != Format::Jsonl) {
            skip(where, "too-large",
                 "file of " + std::to_string(size >> 20) + " MB is over the limit of " +
                     std::to_string(options.max_document_bytes >> 20) + " MB (--max-doc-size)");
            return;
        }
    }
    if (!read_file(path, SIZE_MAX, file.bytes, error)) {
        skip(where, "unreadable", error);
        return;
    }
    visit(std::move(file));
}

}  // namespace

void for_each_input(const std::vector<std::string>& paths, const FileInputOptions& options,
                    const std::function<void(InputFile&&)>& visit, const SkipSink& skip) {
    for (const std::string& arg : paths) {
        if (arg == "-") {
            InputFile file;
            file.path = "-";
            file.bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
            visit(std::move(file));
            continue;
        }
        std::error_code ec;
        fs::file_status st = fs::status(arg, ec);
        if (ec || !fs::exists(st)) {
            skip(arg, "missing", "no such file or folder");
            continue;
        }
        if (!fs::is_directory(st)) {
            visit_file(arg, options, visit, skip);
            continue;
        }
        std::vector<fs::path> files;
        fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
        if (ec) {
            skip(arg, "unreadable", ec.message());
            continue;
        }
        for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) break;
            const fs::path& p = it->path();
            if (p.filename().string().starts_with(".")) {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec)) files.push_back(p);
        }
        if (ec) skip(arg, "unreadable", ec.message());
        std::sort(files.begin(), files.end());
        for (const fs::path& p : files)
            visit_file(p, options, visit, skip);
    }
}

}  // namespace news

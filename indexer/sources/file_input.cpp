#include "file_input.hpp"

#include "archive.hpp"
#include "compressed.hpp"

#include <algorithm>
#include <cstdio>
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

bool holds_many_records(Format f) {
    return f == Format::Jsonl || f == Format::Reuters;
}

std::string megabytes(uintmax_t bytes) {
    return std::to_string(bytes >> 20) + " MB";
}

// Replaces a compressed file's bytes with its content; false (and reported) when the file is
// corrupt or expands past its limit.
bool decompress_input(InputFile& file, Compression compression, const FileInputOptions& options,
                      const SkipSink& skip) {
    bool many = false;
    Decompressed d = decompress(file.bytes, [&](std::string_view head) {
        many = holds_many_records(sniff_format(head, file.path));
        return many ? options.max_records_bytes : options.max_document_bytes;
    });
    const std::string kind = compression_name(compression);
    switch (d.status) {
        case Decompressed::Status::Ok:
            file.bytes = std::move(d.bytes);
            return true;
        case Decompressed::Status::TooLarge:
            skip(file.path, "too-large",
                 kind + " data expands past the limit of " + megabytes(d.limit) +
                     (many ? " for a many-record file" : " for one document (--max-doc-size)") +
                     "; not read (a decompression bomb?)");
            return false;
        case Decompressed::Status::Corrupt: {
            std::string error = d.error;
            std::replace(error.begin(), error.end(), '\n', ' ');
            skip(file.path, "corrupt-archive", "corrupt or truncated " + kind + " file: " + error);
            return false;
        }
    }
    return false;
}

// The regular files under a folder, recursively, hidden entries skipped, sorted.
std::vector<fs::path> list_folder(const std::string& folder, std::error_code& ec) {
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) return files;
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        if (p.filename().string().starts_with(".")) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec)) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    return files;
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
    // Archives and WARC files (also compressed ones) are streamed member by member.
    if (size > 0 && stream_container_file(where, options, visit, skip)) return;
    InputFile file;
    file.path = where;
    file.consumed_bytes = size;
    std::string error;
    // A large file is looked at by its head before it is read whole.
    const bool large = size > options.max_document_bytes;
    if (!read_file(path, large ? kSniffBytes : SIZE_MAX, file.bytes, error)) {
        skip(where, "unreadable", error);
        return;
    }
    const Compression compression = sniff_compression(file.bytes);
    if (compression != Compression::None) {
        if (size > options.max_records_bytes) {
            skip(where, "too-large",
                 compression_name(compression) + std::string(" file of ") + megabytes(size) +
                     " is over the limit of " + megabytes(options.max_records_bytes));
            return;
        }
    } else if (large && !holds_many_records(sniff_format(file.bytes, where))) {
        // Only a many-record file may be that large.
        skip(where, "too-large",
             "file of " + megabytes(size) + " is over the limit of " +
                 megabytes(options.max_document_bytes) + " (--max-doc-size)");
        return;
    }
    if (large && !read_file(path, SIZE_MAX, file.bytes, error)) {
        skip(where, "unreadable", error);
        return;
    }
    if (compression != Compression::None && !decompress_input(file, compression, options, skip))
        return;
    visit(std::move(file));
}

}  // namespace

void for_each_input(const std::vector<std::string>& paths, const FileInputOptions& options,
                    const std::function<void(InputFile&&)>& visit, const SkipSink& skip) {
    for (const std::string& arg : paths) {
        if (arg == "-") {
            InputFile file;
            file.path = "-";
            // The head first: an archive or a WARC is streamed, anything else read whole.
            std::string head(kSniffBytes, '\0');
            head.resize(std::fread(head.data(), 1, head.size(), stdin));
            if (stream_container_stdin(stdin, head, options, visit, skip)) continue;
            file.bytes = std::move(head);
            char buf[65536];
            for (size_t n; (n = std::fread(buf, 1, sizeof buf, stdin)) > 0;)
                file.bytes.append(buf, n);
            file.consumed_bytes = file.bytes.size();
            const Compression compression = sniff_compression(file.bytes);
            if (compression != Compression::None &&
                !decompress_input(file, compression, options, skip))
                continue;
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
        std::vector<fs::path> files = list_folder(arg, ec);
        if (ec) skip(arg, "unreadable", ec.message());
        for (const fs::path& p : files)
            visit_file(p, options, visit, skip);
    }
}

uint64_t input_total_bytes(const std::vector<std::string>& paths) {
    uint64_t total = 0;
    for (const std::string& arg : paths) {
        if (arg == "-") continue;
        std::error_code ec;
        fs::file_status st = fs::status(arg, ec);
        if (ec || !fs::exists(st)) continue;
        if (!fs::is_directory(st)) {
            uintmax_t size = fs::file_size(arg, ec);
            if (!ec) total += size;
            continue;
        }
        for (const fs::path& p : list_folder(arg, ec)) {
            std::error_code size_ec;
            uintmax_t size = fs::file_size(p, size_ec);
            if (!size_ec) total += size;
        }
    }
    return total;
}

}  // namespace news

// Helpers shared by the indexer tests.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "sources/raw_record.hpp"
#include "sources/reader.hpp"

namespace news::test {

// A format as the word the run summary prints, so failed checks read "html == text".
inline std::string name(Format f) {
    return format_name(f);
}

// An input as the file layer hands it to the readers.
inline InputFile input_file(std::string path, std::string bytes) {
    InputFile file;
    file.path = std::move(path);
    file.bytes = std::move(bytes);
    return file;
}

// One report of the skip sink.
struct Skip {
    std::string where, reason, message;
};

// A gzip member of `data`, written with zlib.
inline std::string gzip(const std::string& data) {
    z_stream zs{};
    REQUIRE(deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&zs, data.size()) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

// A folder of its own for one test's files, removed afterwards.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        static int n = 0;
        path = std::filesystem::temp_directory_path() /
               ("news-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string write(const std::string& file, const std::string& bytes) const {
        std::filesystem::path p = path / file;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << bytes;
        return p.string();
    }
};

// `data` compressed by libarchive's writer with the named filter ("zstd", "bzip2", "xz").
inline std::string compress_with(const char* filter, const std::string& data) {
    archive* a = archive_write_new();
    REQUIRE(archive_write_add_filter_by_name(a, filter) == ARCHIVE_OK);
    REQUIRE(archive_write_set_format_raw(a) == ARCHIVE_OK);
    std::string out(data.size() + 65536, '\0');
    size_t used = 0;
    REQUIRE(archive_write_open_memory(a, out.data(), out.size(), &used) == ARCHIVE_OK);
    archive_entry* entry = archive_entry_new();
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_pathname(entry, "data");
    archive_entry_set_size(entry, static_cast<la_int64_t>(data.size()));
    REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
    REQUIRE(archive_write_data(a, data.data(), data.size()) ==
            static_cast<la_ssize_t>(data.size()));
    archive_entry_free(entry);
    REQUIRE(archive_write_close(a) == ARCHIVE_OK);
    archive_write_free(a);
    out.resize(used);
    return out;
}

// Text that does not compress to nothing, so damage lands in real compressed data.
inline std::string prose(size_t lines) {
    std::string s;
    for (size_t i = 0; i < lines; ++i)
        s += "Line " + std::to_string(i * 7919 % 10007) + " of the report: the harbour " +
             (i % 3 ? "reopened" : "stayed shut") + " on day " + std::to_string(i) + ".\n";
    return s;
}

}  // namespace news::test

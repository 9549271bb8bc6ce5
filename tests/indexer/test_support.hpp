// Helpers shared by the indexer tests.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "sources/raw_record.hpp"

namespace news::test {

// A format as the word the run summary prints, so failed checks read "html == text".
inline std::string name(Format f) {
    return format_name(f);
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

}  // namespace news::test

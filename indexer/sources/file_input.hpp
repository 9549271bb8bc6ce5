// Expands the command line's paths into input files: folders recursively (in a stable order,
// hidden entries skipped), "-" as standard input. A compressed file (gzip, zstd, bzip2, xz, told
// by its magic bytes) is handed on decompressed, under its own path. Unreadable, oversized and
// corrupt files are reported through the skip sink, not thrown, so one bad path never stops the
// run.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "reader.hpp"

namespace news {

struct FileInputOptions {
    // Files over this size are skipped unless they hold many records (JSON Lines, Reuters SGML).
    size_t max_document_bytes = 32u << 20;
    // A compressed file is decompressed up to this size when it holds many records, up to
    // max_document_bytes when it is one document; past that it is skipped (a decompression bomb
    // costs no more memory than the limit).
    size_t max_records_bytes = size_t{1} << 30;
};

// Every input is handed to `visit` in turn, sequentially, from the calling thread. Archives
// (tar, zip, compressed or nested) and WARC files are streamed: each member or indexable
// record is one InputFile (see archive.hpp, warc.hpp), read without unpacking the archive to
// disk or holding it in memory.
void for_each_input(const std::vector<std::string>& paths, const FileInputOptions& options,
                    const std::function<void(InputFile&&)>& visit, const SkipSink& skip);

// The total size in bytes of the files the paths name (folders walked as for_each_input walks
// them; "-" and unreadable paths count 0): cheap (no file is read), for progress together with
// InputFile::consumed_bytes, which for_each_input sums file by file as the run goes on.
uint64_t input_total_bytes(const std::vector<std::string>& paths);

}  // namespace news

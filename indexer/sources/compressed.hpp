// Single compressed files (gzip, zstd, bzip2, xz): recognised by their magic bytes, never by
// name, and decompressed with libarchive before the content is sniffed and read as usual.
// Decompression stops at a limit the caller picks from the decompressed head (a many-record
// file may be large, a single document may not), so a decompression bomb costs no more memory
// than that limit. A gzip stream's CRC-32 and length trailers are checked as well (libarchive
// does not), so a damaged gzip file is reported, not indexed as garbled text.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace news {

enum class Compression { None, Gzip, Zstd, Bzip2, Xz };

// The compression the leading bytes announce; None for anything else.
Compression sniff_compression(std::string_view head);

// "gzip", "zstd", "bzip2", "xz" (for messages); "none".
const char* compression_name(Compression c);

struct Decompressed {
    enum class Status { Ok, TooLarge, Corrupt };
    Status status = Status::Ok;
    std::string bytes;  // the decompressed content (when Ok)
    size_t limit = 0;   // the limit that applied (for the TooLarge message)
    std::string error;  // what was wrong (when Corrupt)
};

// Decompresses `data`. Once the first 64 KiB (or all, when less) are out, `limit_for` is asked
// with them for the largest size the content may have; past it the result is TooLarge.
Decompressed decompress(std::string_view data,
                        const std::function<size_t(std::string_view head)>& limit_for);

}  // namespace news

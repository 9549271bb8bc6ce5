#include "compressed.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace news {

namespace {

constexpr size_t kHeadBytes = 65536;

uint32_t le32(std::string_view s, size_t pos) {
    auto b = [&](size_t i) {
        return static_cast<uint32_t>(static_cast<unsigned char>(s[pos + i]));
    };
    return b(0) | b(1) << 8 | b(2) << 16 | b(3) << 24;
}

// libarchive reads gzip without checking the members' trailers (CRC-32 and length of the
// member's output), so a flipped bit mostly goes unnoticed. Each member ends where the file
// ends or the next member's header starts; walking those places in order, a trailer whose
// length and CRC match the next stretch of output is a member's end. The output is sound when
// the members found cover all of it.
bool gzip_trailers_match(std::string_view data, std::string_view out) {
    constexpr size_t kMinMember = 18;  // 10-byte header, empty deflate block, 8-byte trailer
    size_t covered = 0;
    auto try_end = [&](size_t end) {
        if (end < kMinMember) return;
        uint32_t crc = le32(data, end - 8);
        uint32_t length = le32(data, end - 4);
        if (length > out.size() - covered) return;
        uLong actual = crc32_z(0L, reinterpret_cast<const Bytef*>(out.data() + covered), length);
        if (actual == crc) covered += length;
    };
    for (size_t pos = data.find("\x1F\x8B\x08", 1); pos != std::string_view::npos;
         pos = data.find("\x1F\x8B\x08", pos + 1))
        try_end(pos);
    try_end(data.size());
    return covered == out.size();
}

struct ArchiveFree {
    void operator()(archive* a) const { archive_read_free(a); }
};

std::string archive_message(archive* a, const char* fallback) {
    const char* m = archive_error_string(a);
    return m && *m ? m : fallback;
}

}  // namespace

Compression sniff_compression(std::string_view h) {
    if (h.starts_with("\x1F\x8B")) return Compression::Gzip;
    if (h.starts_with("\x28\xB5\x2F\xFD")) return Compression::Zstd;
    if (h.starts_with(std::string_view("\xFD"
                                       "7zXZ\0",
                                       6)))
        return Compression::Xz;
    // "BZh" is also how text can start: the block size digit and the magic of the first block
    // (or of the end of an empty stream) must follow.
    if (h.size() >= 10 && h.starts_with("BZh") && h[3] >= '1' && h[3] <= '9' &&
        (h.substr(4, 6) == "\x31\x41\x59\x26\x53\x59" ||
         h.substr(4, 6) == "\x17\x72\x45\x38\x50\x90"))
        return Compression::Bzip2;
    return Compression::None;
}

const char* compression_name(Compression c) {
    switch (c) {
        case Compression::Gzip:
            return "gzip";
        case Compression::Zstd:
            return "zstd";
        case Compression::Bzip2:
            return "bzip2";
        case Compression::Xz:
            return "xz";
        case Compression::None:
            break;
    }
    return "none";
}

Decompressed decompress(std::string_view data,
                        const std::function<size_t(std::string_view head)>& limit_for) {
    Decompressed result;
    auto corrupt = [&](std::string error) {
        result.status = Decompressed::Status::Corrupt;
        result.error = std::move(error);
        result.bytes.clear();
        return std::move(result);
    };
    std::unique_ptr<archive, ArchiveFree> a(archive_read_new());
    if (!a) return corrupt("cannot start libarchive");
    archive_read_support_filter_all(a.get());
    archive_read_support_format_raw(a.get());
    if (archive_read_open_memory(a.get(), data.data(), data.size()) != ARCHIVE_OK)
        return corrupt(archive_message(a.get(), "unreadable compressed data"));
    archive_entry* entry = nullptr;
    if (archive_read_next_header(a.get(), &entry) != ARCHIVE_OK)
        return corrupt(archive_message(a.get(), "unreadable compressed data"));

    bool limited = false;
    std::string& out = result.bytes;
    char buf[65536];
    for (;;) {
        la_ssize_t n = archive_read_data(a.get(), buf, sizeof buf);
        if (n < 0) return corrupt(archive_message(a.get(), "unreadable compressed data"));
        if (n == 0) break;
        out.append(buf, static_cast<size_t>(n));
        if (!limited && out.size() >= kHeadBytes) {
            result.limit = limit_for(std::string_view(out).substr(0, kHeadBytes));
            limited = true;
        }
        if (limited && out.size() > result.limit) {
            result.status = Decompressed::Status::TooLarge;
            out.clear();
            out.shrink_to_fit();
            return result;
        }
    }
    if (!limited) {
        result.limit = limit_for(out);
        if (out.size() > result.limit) {
            result.status = Decompressed::Status::TooLarge;
            out.clear();
            return result;
        }
    }
    // (Only a plain gzip stream: in a gzip of a gzip the trailers speak of the inner stream.)
    if (sniff_compression(data) == Compression::Gzip && archive_filter_count(a.get()) == 2 &&
        !gzip_trailers_match(data, out))
        return corrupt("gzip checksum or length mismatch (damaged or truncated data)");
    return result;
}

}  // namespace news

#include "archive.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "compressed.hpp"
#include "warc.hpp"

namespace news {

namespace {

constexpr size_t kHeadBytes = 65536;
constexpr size_t kPiece = 65536;
// Archives in archives in archives...: deeper than this is no news dump but a trap.
constexpr int kMaxDepth = 8;

std::string one_line(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::replace(s.begin(), s.end(), '\r', ' ');
    return s;
}

std::string megabytes(uint64_t bytes) {
    return std::to_string(bytes >> 20) + " MB";
}

bool holds_many_records(Format f) {
    return f == Format::Jsonl || f == Format::Reuters;
}

bool ends_with_lower(std::string_view path, std::string_view ext) {
    if (path.size() < ext.size()) return false;
    std::string_view tail = path.substr(path.size() - ext.size());
    return std::equal(tail.begin(), tail.end(), ext.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == b;
    });
}

// Bytes handed to libarchive in pieces: first a prefix already read (replayed), then the
// source's own. What is pulled may be recorded (standard input's fallback to a whole read).
class Source {
  public:
    virtual ~Source() = default;

    long next(const void** buf) {
        if (m_prefix_pos < prefix.size()) {
            *buf = prefix.data() + m_prefix_pos;
            long n = static_cast<long>(prefix.size() - m_prefix_pos);
            m_prefix_pos = prefix.size();
            return n;
        }
        long n = pull(buf);
        if (n > 0) {
            consumed += static_cast<uint64_t>(n);
            if (m_recording) {
                if (recorded.size() + static_cast<size_t>(n) <= m_record_cap)
                    recorded.append(static_cast<const char*>(*buf), static_cast<size_t>(n));
                else
                    stop_recording();
            }
        }
        return n;
    }

    void record(size_t cap) {
        m_recording = true;
        m_record_cap = cap;
    }
    void stop_recording() {
        m_recording = false;
        recorded.clear();
        recorded.shrink_to_fit();
    }

    std::string prefix;         // replayed before the source's own bytes
    std::string recorded;       // the source's own bytes pulled so far, while recording
    std::string error;          // why a pull failed
    uint64_t consumed = 0;      // bytes pulled (plus what the caller counted before)

  protected:
    // The next piece of the source's own bytes: its size, 0 at the end, -1 (error set) on failure.
    virtual long pull(const void** buf) = 0;

  private:
    size_t m_prefix_pos = 0;
    bool m_recording = false;
    size_t m_record_cap = 0;
};

class FileSource : public Source {
  public:
    explicit FileSource(std::FILE* f) : m_file(f) {}

  protected:
    long pull(const void** buf) override {
        size_t n = std::fread(m_buf, 1, sizeof m_buf, m_file);
        if (n == 0 && std::ferror(m_file)) {
            error = "read error";
            return -1;
        }
        *buf = m_buf;
        return static_cast<long>(n);
    }

  private:
    std::FILE* m_file;
    char m_buf[kPiece];
};

// The data of the member an enclosing archive is positioned at.
class MemberSource : public Source {
  public:
    explicit MemberSource(archive* parent) : m_parent(parent) {}

  protected:
    long pull(const void** buf) override {
        la_ssize_t n = archive_read_data(m_parent, m_buf, sizeof m_buf);
        if (n < 0) {
            const char* m = archive_error_string(m_parent);
            error = m && *m ? m : "damaged archive data";
            return -1;
        }
        *buf = m_buf;
        return static_cast<long>(n);
    }

  private:
    archive* m_parent;
    char m_buf[kPiece];
};

la_ssize_t read_callback(archive* a, void* client, const void** buf) {
    auto* source = static_cast<Source*>(client);
    long n = source->next(buf);
    if (n < 0) {
        archive_set_error(a, EIO, "%s", source->error.c_str());
        return ARCHIVE_FATAL;
    }
    return n;
}

struct ArchiveFree {
    void operator()(archive* a) const { archive_read_free(a); }
};

std::string archive_message(archive* a, const char* fallback = "damaged archive") {
    const char* m = archive_error_string(a);
    return one_line(m && *m ? m : fallback);
}

// Appends the current member's data to `out` until it holds `want` bytes or the member ends;
// false when the data cannot be read.
bool read_member(archive* a, std::string& out, size_t want) {
    char buf[kPiece];
    while (out.size() < want) {
        la_ssize_t n = archive_read_data(a, buf, std::min(sizeof buf, want - out.size()));
        if (n < 0) return false;
        if (n == 0) return true;
        out.append(buf, static_cast<size_t>(n));
    }
    return true;
}

int next_header(archive* a, archive_entry** entry) {
    int r = ARCHIVE_RETRY;
    for (int tries = 0; tries < 16 && r == ARCHIVE_RETRY; ++tries)
        r = archive_read_next_header(a, entry);
    return r == ARCHIVE_RETRY ? ARCHIVE_FATAL : r;
}

const char* archive_kind(archive* a) {
    switch (archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) {
        case ARCHIVE_FORMAT_TAR:
            return "tar";
        case ARCHIVE_FORMAT_ZIP:
            return "zip";
        default:
            return "archive";
    }
}

// True when the gzip data starting with `head` decompresses to a WARC stream.
bool gzip_holds_warc(std::string_view head) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return false;
    char out[16];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(head.data()));
    z.avail_in = static_cast<uInt>(head.size());
    z.next_out = reinterpret_cast<Bytef*>(out);
    z.avail_out = sizeof out;
    while (z.avail_out > 0) {
        int rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK) break;
    }
    size_t n = sizeof out - z.avail_out;
    inflateEnd(&z);
    std::string_view got(out, n);
    return got.size() >= 6 && got.starts_with("WARC/");
}

// A .warc.gz (one gzip member per record) decompressed with zlib rather than libarchive:
// libarchive's gzip filter fills 64 KiB of output before it hands any on, so a damaged member
// would take the records before it down too; zlib hands on every byte that precedes the damage,
// and checks each member's CRC and length.
class Gunzip {
  public:
    explicit Gunzip(Source& source) : m_source(source) {
        m_ok = inflateInit2(&m_z, 15 + 16) == Z_OK;
    }
    ~Gunzip() {
        if (m_ok) inflateEnd(&m_z);
    }
    Gunzip(const Gunzip&) = delete;
    Gunzip& operator=(const Gunzip&) = delete;

    long read(char* buf, size_t n, std::string& error) {
        if (!m_ok) {
            error = "cannot start zlib";
            return -1;
        }
        m_z.next_out = reinterpret_cast<Bytef*>(buf);
        m_z.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
        const uInt wanted = m_z.avail_out;
        while (m_z.avail_out == wanted) {
            if (m_z.avail_in == 0) {
                const void* piece = nullptr;
                long got = m_source.next(&piece);
                if (got < 0) {
                    error = m_source.error;
                    return -1;
                }
                if (got == 0) {
                    if (m_in_member) {
                        error = "truncated gzip data";
                        return -1;
                    }
                    return 0;
                }
                m_z.next_in = static_cast<Bytef*>(const_cast<void*>(piece));
                m_z.avail_in = static_cast<uInt>(got);
            }
            m_in_member = true;
            int rc = inflate(&m_z, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                m_in_member = false;
                inflateReset(&m_z);
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                error = std::string("damaged gzip data: ") + (m_z.msg ? m_z.msg : "inflate error");
                return -1;
            }
        }
        return static_cast<long>(wanted - m_z.avail_out);
    }

  private:
    Source& m_source;
    z_stream m_z{};
    bool m_ok = false;
    bool m_in_member = false;
};

// The decompressed bytes of a gzip source, as a source.
class GunzipSource : public Source {
  public:
    explicit GunzipSource(Source& packed) : m_gunzip(packed) {}

  protected:
    long pull(const void** buf) override {
        long n = m_gunzip.read(m_buf, sizeof m_buf, error);
        *buf = m_buf;
        return n;
    }

  private:
    Gunzip m_gunzip;
    char m_buf[kPiece];
};

class Walker {
  public:
    Walker(const FileInputOptions& options, const std::function<void(InputFile&&)>& visit,
           const SkipSink& skip, const Source& top)
        : m_options(options), m_visit(visit), m_skip(skip), m_top(top) {}

    // Reads the container in `src` named `name`. False (nothing visited or reported) when
    // `fallback` allows it and the stream is one compressed document, or unreadable as a
    // container: the caller reads it its own way.
    bool walk(Source& src, const std::string& name, std::string_view raw_head, int depth,
              bool fallback, const char* packed = nullptr) {
        if (sniff_compression(raw_head) == Compression::Gzip) {
            // gzip is undone with zlib (see Gunzip): every byte before damage comes out.
            if (gzip_holds_warc(raw_head)) {
                src.stop_recording();
                Gunzip gunzip(src);
                StreamRead read = [&](char* buf, size_t n, std::string& error) {
                    return gunzip.read(buf, n, error);
                };
                read_warc(name, read, warc_options(), m_visit, m_skip);
                return true;
            }
            GunzipSource plain(src);
            return walk(plain, name, {}, depth, fallback, "gzip");
        }
        std::unique_ptr<archive, ArchiveFree> owner(archive_read_new());
        archive* a = owner.get();
        if (!a) {
            if (fallback) return false;
            m_skip(name, "corrupt-archive", "cannot start libarchive");
            return true;
        }
        archive_read_support_filter_all(a);
        archive_read_support_format_tar(a);
        archive_read_support_format_zip_streamable(a);
        archive_read_support_format_raw(a);
        archive_entry* entry = nullptr;
        int r = archive_read_open(a, &src, nullptr, read_callback, nullptr);
        if (r == ARCHIVE_OK) r = next_header(a, &entry);
        if (r == ARCHIVE_EOF) return true;  // an empty archive
        if (r < ARCHIVE_WARN) {
            if (fallback) return false;
            m_skip(name, "corrupt-archive", "corrupt or truncated file: " + archive_message(a));
            return true;
        }
        if ((archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_RAW)
            return raw_stream(a, src, name, raw_head, fallback, packed);
        src.stop_recording();
        const std::string kind = archive_kind(a);
        size_t members = 0;
        bool damage_reported = false;
        for (;;) {
            if (r == ARCHIVE_EOF) break;
            if (r < ARCHIVE_WARN) {
                if (!damage_reported)
                    m_skip(name, "corrupt-archive",
                           "corrupt or truncated " + kind + " archive after " +
                               std::to_string(members) + " members: " + archive_message(a));
                break;
            }
            ++members;
            damage_reported = false;
            member(a, entry, name, kind, depth, damage_reported);
            r = next_header(a, &entry);
        }
        return true;
    }

  private:
    uint64_t consumed() const { return m_top.consumed; }

    WarcOptions warc_options() const {
        WarcOptions warc;
        warc.max_document_bytes = m_options.max_document_bytes;
        warc.consumed = [this] { return consumed(); };
        return warc;
    }

    // One stream without members: a WARC, or one compressed document.
    bool raw_stream(archive* a, Source& src, const std::string& name, std::string_view raw_head,
                    bool fallback, const char* packed) {
        std::string head;
        const bool head_ok = read_member(a, head, kHeadBytes);
        if (head_ok && head.starts_with("WARC/")) {
            src.stop_recording();
            size_t replayed = 0;
            StreamRead read = [&](char* buf, size_t n, std::string& error) -> long {
                if (replayed < head.size()) {
                    size_t take = std::min(n, head.size() - replayed);
                    std::copy_n(head.data() + replayed, take, buf);
                    replayed += take;
                    return static_cast<long>(take);
                }
                la_ssize_t got = archive_read_data(a, buf, n);
                if (got < 0) {
                    error = archive_message(a, "damaged compressed data");
                    return -1;
                }
                return static_cast<long>(got);
            };
            read_warc(name, read, warc_options(), m_visit, m_skip);
            return true;
        }
        if (fallback) return false;
        // One compressed document inside an archive.
        const std::string kind = packed ? packed : compression_name(sniff_compression(raw_head));
        if (!head_ok) {
            m_skip(name, "corrupt-archive",
                   "corrupt or truncated " + kind + " file: " + archive_message(a));
            return true;
        }
        const bool many = holds_many_records(sniff_format(head, name));
        const size_t limit = many ? m_options.max_records_bytes : m_options.max_document_bytes;
        std::string bytes = std::move(head);
        if (!read_member(a, bytes, limit + 1)) {
            m_skip(name, "corrupt-archive",
                   "corrupt or truncated " + kind + " file: " + archive_message(a));
            return true;
        }
        if (bytes.size() > limit) {
            m_skip(name, "too-large",
                   kind + " data expands past the limit of " + megabytes(limit) +
                       (many ? " for a many-record file" : " for one document (--max-doc-size)") +
                       "; not read (a decompression bomb?)");
            return true;
        }
        InputFile file;
        file.path = name;
        file.bytes = std::move(bytes);
        file.consumed_bytes = consumed();
        m_visit(std::move(file));
        return true;
    }

    void member(archive* a, archive_entry* entry, const std::string& name,
                const std::string& kind, int depth, bool& damaged) {
        if (archive_entry_filetype(entry) != AE_IFREG) return;
        const char* raw_name = archive_entry_pathname_utf8(entry);
        if (!raw_name) raw_name = archive_entry_pathname(entry);
        std::string path = raw_name ? raw_name : "";
        while (path.starts_with("./"))
            path.erase(0, 2);
        const std::string base = path.substr(path.rfind('/') + 1);
        if (base.empty() || base.starts_with(".") || path.starts_with("__MACOSX/") ||
            path.find("/__MACOSX/") != std::string::npos)
            return;
        const std::string where = name + "!" + path;
        if (archive_entry_is_encrypted(entry)) {
            m_skip(where, "encrypted", "encrypted " + kind + " member; not read");
            return;
        }
        std::string head;
        if (!read_member(a, head, kHeadBytes)) {
            m_skip(where, "corrupt-archive",
                   "corrupt or truncated " + kind + " archive: " + archive_message(a));
            damaged = true;
            return;
        }
        if (sniff_container(head, path) != Container::None) {
            if (depth + 1 >= kMaxDepth) {
                m_skip(where, "too-deep",
                       "archives nested more than " + std::to_string(kMaxDepth) +
                           " deep; not read");
                return;
            }
            MemberSource nested(a);
            nested.prefix = head;
            walk(nested, where, head, depth + 1, false);
            if (!nested.error.empty()) damaged = true;  // reported by the nested walk
            return;
        }
        const bool many = holds_many_records(sniff_format(head, path));
        const size_t limit = many ? m_options.max_records_bytes : m_options.max_document_bytes;
        auto too_large = [&] {
            m_skip(where, "too-large",
                   kind + " member of " +
                       (archive_entry_size_is_set(entry)
                            ? megabytes(static_cast<uint64_t>(archive_entry_size(entry)))
                            : std::string("more than ") + megabytes(limit)) +
                       " is over the limit of " + megabytes(limit) +
                       (many ? "" : " (--max-doc-size)"));
        };
        if (archive_entry_size_is_set(entry) &&
            static_cast<uint64_t>(archive_entry_size(entry)) > limit) {
            too_large();
            return;
        }
        std::string bytes = std::move(head);
        if (!read_member(a, bytes, limit + 1)) {
            m_skip(where, "corrupt-archive",
                   "corrupt or truncated " + kind + " archive: " + archive_message(a));
            damaged = true;
            return;
        }
        if (bytes.size() > limit) {
            too_large();
            return;
        }
        InputFile file;
        file.path = where;
        file.bytes = std::move(bytes);
        file.consumed_bytes = consumed();
        m_visit(std::move(file));
    }

    const FileInputOptions& m_options;
    const std::function<void(InputFile&&)>& m_visit;
    const SkipSink& m_skip;
    const Source& m_top;
};

}  // namespace

Container sniff_container(std::string_view head, std::string_view path) {
    if (sniff_compression(head) != Compression::None) return Container::Compressed;
    if (head.size() >= 262 && head.substr(257, 5) == "ustar") return Container::Tar;
    if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06") ||
        head.starts_with("PK\x07\x08"))
        return Container::Zip;
    if (head.size() >= 6 && head.starts_with("WARC/") && head[5] >= '0' && head[5] <= '9')
        return Container::Warc;
    // Old tar files carry no magic: the name is the hint (libarchive checks the headers).
    if (head.size() >= 512 && ends_with_lower(path, ".tar")) return Container::Tar;
    return Container::None;
}

bool stream_container_file(const std::string& path, const FileInputOptions& options,
                           const std::function<void(InputFile&&)>& visit, const SkipSink& skip) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"),
                                                     std::fclose);
    if (!f) return false;
    std::string head(kHeadBytes, '\0');
    head.resize(std::fread(head.data(), 1, head.size(), f.get()));
    if (sniff_container(head, path) == Container::None) return false;
    std::rewind(f.get());
    FileSource source(f.get());
    Walker walker(options, visit, skip, source);
    return walker.walk(source, path, head, 0, true);
}

bool stream_container_stdin(std::FILE* in, std::string& head, const FileInputOptions& options,
                            const std::function<void(InputFile&&)>& visit, const SkipSink& skip) {
    if (sniff_container(head, "") == Container::None) return false;
    FileSource source(in);
    source.prefix = head;
    source.consumed = head.size();
    source.record(SIZE_MAX);
    Walker walker(options, visit, skip, source);
    if (walker.walk(source, "-", head, 0, true)) return true;
    head += source.recorded;
    return false;
}

}  // namespace news

#include "warc.hpp"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
#include <optional>
#include <vector>

#include "text.hpp"

namespace news {

namespace {

// A WARC or HTTP header block is at most this large; more is no header.
constexpr size_t kMaxHeaderBytes = 65536;
constexpr size_t kReadPiece = 65536;

std::string one_line(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::replace(s.begin(), s.end(), '\r', ' ');
    return s;
}

// Header lines "Name: value" (names lower case); continuation lines join the previous value.
struct Headers {
    std::vector<std::pair<std::string, std::string>> fields;

    std::string get(std::string_view name) const {
        for (const auto& [n, v] : fields)
            if (n == name) return v;
        return {};
    }
    bool has(std::string_view name) const {
        return std::any_of(fields.begin(), fields.end(),
                           [&](const auto& f) { return f.first == name; });
    }
};

// Parses the lines of `block` (after its first line) into headers.
Headers parse_headers(std::string_view block) {
    Headers h;
    size_t pos = block.find('\n');
    pos = pos == std::string_view::npos ? block.size() : pos + 1;
    while (pos < block.size()) {
        size_t nl = block.find('\n', pos);
        if (nl == std::string_view::npos) nl = block.size();
        std::string_view line = block.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.empty()) break;
        if ((line.front() == ' ' || line.front() == '\t') && !h.fields.empty()) {
            h.fields.back().second += ' ';
            h.fields.back().second += trim_space(line);
            continue;
        }
        size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        h.fields.emplace_back(ascii_lower(trim_space(line.substr(0, colon))),
                              std::string(trim_space(line.substr(colon + 1))));
    }
    return h;
}

// Where a header block ends: the offset just past its blank line, or npos.
size_t header_end(std::string_view s) {
    size_t crlf = s.find("\r\n\r\n");
    size_t lf = s.find("\n\n");
    if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
    if (lf == std::string_view::npos || (crlf != std::string_view::npos && crlf < lf))
        return crlf + 4;
    return lf + 2;
}

bool parse_size(std::string_view s, uint64_t& out) {
    s = trim_space(s);
    if (s.empty()) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

// The media type of a Content-Type value, lower case, without parameters.
std::string media_type(std::string_view content_type) {
    return ascii_lower(trim_space(content_type.substr(0, content_type.find(';'))));
}

bool is_html_type(std::string_view type) {
    return type == "text/html" || type == "application/xhtml+xml";
}

// A buffered view of the decompressed stream: records are parsed from its front.
class Stream {
  public:
    explicit Stream(const StreamRead& read) : m_read(read) {}

    std::string_view view() const { return std::string_view(m_buf).substr(m_pos); }
    size_t available() const { return m_buf.size() - m_pos; }
    uint64_t offset() const { return m_base + m_pos; }
    bool at_end() const { return m_end; }
    const std::string& error() const { return m_error; }

    // Makes at least `n` bytes available, unless the stream ends first; false then.
    bool fill(size_t n) {
        while (available() < n && !m_end) {
            if (m_pos > 0 && m_pos >= m_buf.size() / 2) {
                m_buf.erase(0, m_pos);
                m_base += m_pos;
                m_pos = 0;
            }
            size_t old = m_buf.size();
            size_t want = std::max(kReadPiece, n - available());
            m_buf.resize(old + want);
            long got = m_read(m_buf.data() + old, want, m_error);
            m_buf.resize(old + static_cast<size_t>(std::max(got, 0L)));
            if (got <= 0) {
                m_end = true;
                if (got < 0 && m_error.empty()) m_error = "read error";
            }
        }
        return available() >= n;
    }

    void consume(size_t n) {
        m_pos += std::min(n, available());
        if (m_pos == m_buf.size()) {
            m_base += m_pos;
            m_buf.clear();
            m_pos = 0;
        }
    }

    // Drops `n` bytes without holding them; false when the stream ends first.
    bool discard(uint64_t n) {
        while (n > 0) {
            if (available() == 0 && !fill(1)) return false;
            size_t take = static_cast<size_t>(std::min<uint64_t>(n, available()));
            consume(take);
            n -= take;
        }
        return true;
    }

    // Moves to the next line that starts with "WARC/" after the current position; false at the
    // end of the stream.
    bool resync() {
        for (;;) {
            std::string_view v = view();
            size_t at = v.find("\nWARC/");
            if (at != std::string_view::npos) {
                consume(at + 1);
                return true;
            }
            if (m_end) {
                consume(available());
                return false;
            }
            if (available() > 6) consume(available() - 6);
            fill(available() + kReadPiece);
        }
    }

  private:
    const StreamRead& m_read;
    std::string m_buf;
    size_t m_pos = 0;
    uint64_t m_base = 0;
    bool m_end = false;
    std::string m_error;
};

bool inflate_zlib(std::string_view in, int window_bits, size_t limit, std::string& out,
                  std::string& error) {
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) {
        error = "cannot start zlib";
        return false;
    }
    std::unique_ptr<z_stream, void (*)(z_stream*)> guard(&z, [](z_stream* p) { inflateEnd(p); });
    out.clear();
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    char buf[65536];
    for (;;) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        int rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
        if (out.size() > limit) {
            error = "too-large";
            return false;
        }
        if (rc == Z_STREAM_END) {
            // Concatenated gzip members: go on with the next one.
            if (z.avail_in > 0 && window_bits > 15 && in.size() - z.total_in >= 2 &&
                static_cast<unsigned char>(*z.next_in) == 0x1F) {
                inflateReset(&z);
                continue;
            }
            return true;
        }
        if (rc == Z_BUF_ERROR && z.avail_in == 0) {
            error = "truncated compressed data";
            return false;
        }
        if (rc != Z_OK) {
            error = z.msg ? z.msg : "damaged compressed data";
            return false;
        }
    }
}

bool decode_brotli(std::string_view in, size_t limit, std::string& out, std::string& error) {
    std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> state(
        BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
    if (!state) {
        error = "cannot start brotli";
        return false;
    }
    out.clear();
    size_t avail_in = in.size();
    const uint8_t* next_in = reinterpret_cast<const uint8_t*>(in.data());
    uint8_t buf[65536];
    for (;;) {
        size_t avail_out = sizeof buf;
        uint8_t* next_out = buf;
        BrotliDecoderResult rc = BrotliDecoderDecompressStream(state.get(), &avail_in, &next_in,
                                                               &avail_out, &next_out, nullptr);
        out.append(reinterpret_cast<const char*>(buf), sizeof buf - avail_out);
        if (out.size() > limit) {
            error = "too-large";
            return false;
        }
        switch (rc) {
            case BROTLI_DECODER_RESULT_SUCCESS:
                return true;
            case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
                continue;
            case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
                error = "truncated brotli data";
                return false;
            case BROTLI_DECODER_RESULT_ERROR:
                error = std::string("damaged brotli data: ") +
                        BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state.get()));
                return false;
        }
    }
}

bool looks_binary(std::string_view s) {
    s = s.substr(0, 1024);
    size_t bad = 0;
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x09 || (c > 0x0D && c < 0x20)) ++bad;
    }
    return bad * 20 > s.size();
}

struct Payload {
    bool index = false;   // false: passed over silently (no error)
    std::string reason;   // set when the record is reported
    std::string message;
    std::string bytes;
};

// Decodes the body of an HTTP response with its headers: chunking, then content encodings.
bool decode_body(const Headers& h, std::string body, size_t limit, Payload& p) {
    std::string error;
    if (ascii_lower(h.get("transfer-encoding")).find("chunked") != std::string::npos) {
        // Crawlers that dechunked the body but kept the header: the body opens with no size.
        std::string_view b = body;
        size_t digits = 0;
        while (digits < b.size() && std::isxdigit(static_cast<unsigned char>(b[digits])))
            ++digits;
        bool chunked = digits > 0 && digits < b.size() &&
                       (b[digits] == '\r' || b[digits] == '\n' || b[digits] == ';' ||
                        b[digits] == ' ');
        if (chunked) {
            std::string out;
            if (!dechunk(body, out, error)) {
                p.reason = "bad-http";
                p.message = "broken chunked transfer encoding: " + error;
                return false;
            }
            body = std::move(out);
        }
    }
    // Encodings are listed in the order they were applied: undo them from the last.
    std::string encodings = ascii_lower(h.get("content-encoding"));
    std::vector<std::string> list;
    for (size_t pos = 0; pos <= encodings.size();) {
        size_t comma = encodings.find(',', pos);
        if (comma == std::string::npos) comma = encodings.size();
        std::string e(trim_space(std::string_view(encodings).substr(pos, comma - pos)));
        if (!e.empty()) list.push_back(e);
        pos = comma + 1;
    }
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        // A gzip body that no longer starts like one was decoded by the crawler already.
        if ((*it == "gzip" || *it == "x-gzip") && !body.starts_with("\x1F\x8B") &&
            !looks_binary(body))
            continue;
        std::string out;
        if (!decode_content(*it, body, limit, out, error)) {
            if (error == "too-large") {
                p.reason = "too-large";
                p.message = "page expands past the limit of " + std::to_string(limit >> 20) +
                            " MB (--max-doc-size)";
            } else {
                p.reason = "bad-http";
                p.message = "cannot undo Content-Encoding " + *it + ": " + error;
            }
            return false;
        }
        body = std::move(out);
    }
    if (body.size() > limit) {
        p.reason = "too-large";
        p.message = "page of " + std::to_string(body.size() >> 20) + " MB is over the limit of " +
                    std::to_string(limit >> 20) + " MB (--max-doc-size)";
        return false;
    }
    p.bytes = std::move(body);
    return true;
}

// The payload of one record to index, or why not.
Payload record_payload(std::string_view type, const Headers& warc, std::string_view block,
                       size_t limit) {
    Payload p;
    if (type == "resource") {
        std::string content_type = warc.get("content-type");
        std::string media = media_type(content_type);
        if (!is_html_type(media) && media != "text/plain") return p;
        if (block.size() > limit) {
            p.reason = "too-large";
            p.message = "document over the limit of " + std::to_string(limit >> 20) + " MB";
            return p;
        }
        p.bytes = "HTTP/1.1 200 OK\r\nContent-Type: " + content_type + "\r\n\r\n";
        p.bytes += block;
        p.index = true;
        return p;
    }
    if (type != "response") return p;
    std::string media = media_type(warc.get("content-type"));
    if (!media.empty() && media != "application/http") return p;  // dns, ftp listings...
    if (!block.starts_with("HTTP/")) {
        p.reason = "bad-http";
        p.message = "response record without an HTTP status line";
        return p;
    }
    size_t end = header_end(block.substr(0, kMaxHeaderBytes));
    if (end == std::string_view::npos) {
        // A head without a body (cut at the blank line): nothing to index.
        return p;
    }
    std::string_view status_line = block.substr(0, block.find('\n'));
    if (status_line.ends_with('\r')) status_line.remove_suffix(1);
    size_t sp = status_line.find(' ');
    uint64_t status = 0;
    if (sp == std::string_view::npos ||
        !parse_size(status_line.substr(sp + 1, 3), status)) {
        p.reason = "bad-http";
        p.message = "unreadable HTTP status line";
        return p;
    }
    if (status < 200 || status > 299) return p;  // redirects, errors: no article
    Headers h = parse_headers(block.substr(0, end));
    std::string content_type = h.get("content-type");
    std::string type_of_body = media_type(content_type);
    if (!type_of_body.empty() && !is_html_type(type_of_body)) return p;
    if (!decode_body(h, std::string(block.substr(end)), limit, p)) return p;
    if (type_of_body.empty()) {
        // Undeclared: an HTML page only when it looks like one.
        if (sniff_format(p.bytes, "") != Format::Html) {
            p.bytes.clear();
            return p;
        }
        content_type = "text/html";
    }
    std::string head(status_line);
    head += "\r\nContent-Type: " + content_type + "\r\n\r\n";
    p.bytes.insert(0, head);
    p.index = true;
    return p;
}

std::string megabytes(uint64_t bytes) {
    return std::to_string(bytes >> 20) + " MB";
}

}  // namespace

bool dechunk(std::string_view body, std::string& out, std::string& error) {
    out.clear();
    size_t pos = 0;
    for (;;) {
        size_t nl = body.find('\n', pos);
        if (nl == std::string_view::npos) {
            // A body cut after its last chunk (no "0" line): keep what came.
            if (trim_space(body.substr(pos)).empty() && pos > 0) return true;
            error = "chunk size line missing at byte " + std::to_string(pos);
            return false;
        }
        std::string_view line = body.substr(pos, nl - pos);
        line = trim_space(line.substr(0, line.find(';')));
        uint64_t size = 0;
        auto [p, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
        if (line.empty() || ec != std::errc() || p != line.data() + line.size()) {
            error = "bad chunk size line at byte " + std::to_string(pos);
            return false;
        }
        pos = nl + 1;
        if (size == 0) return true;  // trailers after the last chunk are not needed
        if (size > body.size() - pos) {
            error = "chunk of " + std::to_string(size) + " bytes runs past the body";
            return false;
        }
        out.append(body.substr(pos, size));
        pos += size;
        std::string_view after = body.substr(pos, 2);
        if (after.starts_with("\r\n"))
            pos += 2;
        else if (after.starts_with("\n"))
            pos += 1;
        else if (pos == body.size())
            return true;  // cut right after a chunk
        else {
            error = "chunk of " + std::to_string(size) + " bytes does not end where it says";
            return false;
        }
    }
}

bool decode_content(std::string_view encoding, std::string_view body, size_t limit,
                    std::string& out, std::string& error) {
    std::string e = ascii_lower(trim_space(encoding));
    if (e.empty() || e == "identity" || e == "none") {
        out.assign(body);
        if (out.size() > limit) {
            error = "too-large";
            return false;
        }
        return true;
    }
    if (e == "gzip" || e == "x-gzip") return inflate_zlib(body, 15 + 32, limit, out, error);
    if (e == "deflate") {
        // "deflate" is meant to be zlib-wrapped, but servers send raw deflate too.
        if (inflate_zlib(body, 15, limit, out, error)) return true;
        if (error == "too-large") return false;
        return inflate_zlib(body, -15, limit, out, error);
    }
    if (e == "br") return decode_brotli(body, limit, out, error);
    error = "unsupported encoding \"" + one_line(std::string(encoding)) + "\"";
    return false;
}

void read_warc(const std::string& path, const StreamRead& read, const WarcOptions& options,
               const std::function<void(InputFile&&)>& visit, const SkipSink& skip) {
    Stream s(read);
    uint64_t number = 0;
    const size_t limit = options.max_document_bytes;
    // Blocks up to this size are held, so that a lying Content-Length can be recovered from.
    const size_t hold = limit + kMaxHeaderBytes;
    auto consumed = [&]() -> uint64_t { return options.consumed ? options.consumed() : 0; };
    for (;;) {
        // Records are separated by CRLF CRLF; tolerate more or fewer line ends.
        while (s.fill(1) && (s.view().front() == '\r' || s.view().front() == '\n'))
            s.consume(1);
        if (!s.fill(1)) break;
        s.fill(kMaxHeaderBytes);
        std::string_view v = s.view();
        size_t end = header_end(v.substr(0, kMaxHeaderBytes));
        const uint64_t at = s.offset();
        if (!v.starts_with("WARC/") || end == std::string_view::npos) {
            if (!s.error().empty()) break;  // the stream broke: reported below
            ++number;
            skip(path + "#" + std::to_string(number), "bad-warc",
                 "no WARC record header at byte " + std::to_string(at) +
                     "; looking for the next record");
            if (!s.resync()) break;
            continue;
        }
        ++number;
        const std::string where = path + "#" + std::to_string(number);
        Headers h = parse_headers(v.substr(0, end));
        uint64_t length = 0;
        if (!parse_size(h.get("content-length"), length)) {
            skip(where, "bad-warc", "WARC record without a valid Content-Length");
            s.consume(end);
            if (!s.resync()) break;
            continue;
        }
        s.consume(end);
        const std::string type = ascii_lower(h.get("warc-type"));
        const bool wanted = type == "response" || type == "resource";
        if (length > hold) {
            // Too large to hold: streamed past without being kept.
            if (wanted)
                skip(where, "too-large",
                     "WARC record of " + megabytes(length) + " is over the limit of " +
                         megabytes(limit) + " (--max-doc-size)");
            if (!s.discard(length)) {
                skip(where, "bad-warc", "WARC record cut short by the end of the file");
                break;
            }
            s.fill(4);
            if (!s.view().starts_with("\r\n\r\n") && !s.view().starts_with("\n\n") &&
                s.available() > 0) {
                skip(where, "bad-warc",
                     "WARC record's Content-Length does not match its block");
                if (!s.resync()) break;
                continue;
            }
            continue;
        }
        s.fill(length + 4);
        v = s.view();
        if (v.size() < length) {
            if (!s.error().empty()) break;  // the stream broke: reported below
            skip(where, "bad-warc",
                 "WARC record cut short: Content-Length " + std::to_string(length) +
                     ", only " + std::to_string(v.size()) + " bytes left" +
                     (s.error().empty() ? "" : " (" + one_line(s.error()) + ")"));
            if (!s.resync()) break;
            continue;
        }
        std::string_view trailer = v.substr(length, 4);
        size_t trailer_len = std::string_view::npos;
        if (trailer == "\r\n\r\n")
            trailer_len = 4;
        else if (trailer.starts_with("\n\n"))
            trailer_len = 2;
        else if (v.size() == length + trailer.size() &&
                 std::string_view("\r\n\r\n").starts_with(trailer))
            trailer_len = trailer.size();  // the file ends with the block
        if (trailer_len == std::string_view::npos) {
            skip(where, "bad-warc",
                 "WARC record's Content-Length (" + std::to_string(length) +
                     ") does not match its block; looking for the next record");
            if (!s.resync()) break;
            continue;
        }
        if (wanted) {
            Payload p = record_payload(type, h, v.substr(0, length), limit);
            if (!p.reason.empty()) {
                skip(where, p.reason, one_line(p.message));
            } else if (p.index) {
                InputFile file;
                file.path = where;
                file.bytes = std::move(p.bytes);
                std::string uri(trim_space(h.get("warc-target-uri")));
                if (uri.starts_with('<') && uri.ends_with('>')) uri = uri.substr(1, uri.size() - 2);
                file.url = std::move(uri);
                file.fallback_date = h.get("warc-date");
                file.consumed_bytes = consumed();
                visit(std::move(file));
            }
        }
        s.consume(length + trailer_len);
    }
    if (!s.error().empty())
        skip(path, "corrupt-archive",
             "corrupt or truncated WARC stream after " + std::to_string(number) +
                 " records: " + one_line(s.error()));
}

}  // namespace news

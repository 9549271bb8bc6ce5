// WARC web archives (ISO 28500: web crawls, the CC-NEWS dump), parsed here over a decompressed
// byte stream (libarchive undoes the gzip or zstd around it; a .warc.gz is one gzip member per
// record). Records are read one at a time, so memory holds one record, never the file.
//
// Indexed: `response` records whose HTTP payload is a 2xx HTML page, and `resource` records of
// an HTML or plain-text content type. The payload's chunked transfer encoding and its
// Content-Encoding (gzip, deflate, br) are undone; the document handed on is the HTTP status
// line and the Content-Type header (so the charset it names is known downstream, see
// split_http_response) followed by the decoded body. The URL is WARC-Target-URI (without <>),
// WARC-Date the date to fall back on. A record's path is "file.warc.gz#N", N its 1-based number
// in the file (every record counts, indexed or not), stable across runs.
//
// Silently passed over: request, metadata, warcinfo, revisit, conversion and continuation
// records, non-2xx responses and payloads that are no HTML. Reported through the skip sink:
// a record whose Content-Length does not match its block, or whose header is unreadable
// ("bad-warc": the parser resynchronises on the next "WARC/" line, so the records after it are
// still read), an undecodable payload ("bad-http": wrong chunk sizes, broken gzip or brotli),
// a payload over the document limit ("too-large"), and a damaged or truncated compressed
// stream ("corrupt-archive": the records before the damage are kept).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "reader.hpp"

namespace news {

// Reads up to `n` bytes into `buf`: the count, 0 at the end, -1 on failure (with `error` set).
using StreamRead = std::function<long(char* buf, size_t n, std::string& error)>;

struct WarcOptions {
    size_t max_document_bytes = 32u << 20;  // a payload larger than this is skipped, not read
    // The bytes of the underlying file read so far (InputFile::consumed_bytes), when known.
    std::function<uint64_t()> consumed;
};

// Reads the WARC stream `read` (decompressed) named `path`; every indexable record is visited
// as an InputFile (path "path#N", url and fallback_date set).
void read_warc(const std::string& path, const StreamRead& read, const WarcOptions& options,
               const std::function<void(InputFile&&)>& visit, const SkipSink& skip);

// The pieces, for tests.

// Undoes HTTP chunked transfer encoding; false (with `error`) when a chunk size is wrong.
bool dechunk(std::string_view body, std::string& out, std::string& error);

// Undoes one Content-Encoding ("gzip", "x-gzip", "deflate", "br", "identity"); false (with
// `error`) on damaged data, an unknown encoding, or output past `limit` (error "too-large").
bool decode_content(std::string_view encoding, std::string_view body, size_t limit,
                    std::string& out, std::string& error);

}  // namespace news

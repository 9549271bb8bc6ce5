// Tests for indexer/sources/warc: WARC records streamed from .warc, .warc.gz (one gzip member per
// record) and .warc.zst files; HTTP payloads dechunked and decoded; lying lengths, wrong chunk
// sizes and truncated files reported while the good records around them are kept.
#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "clean/encoding.hpp"
#include "extract/article_extractor.hpp"
#include "sources/file_input.hpp"
#include "sources/reader.hpp"
#include "sources/warc.hpp"
#include "test_support.hpp"

using news::Format;
using news::RawRecord;
using news::test::name;
using news::test::Skip;
using news::test::gzip;

namespace {

// page("Brotli news") compressed by brotli 1.0.9 (quality 11): the tests link no encoder.
constexpr char kBrotliBytes[] =
    "\x1b\xdd\x00\xe0\x8c\x93\x5c\xfd\xe8\x96\xba\x2d\xd5\xd3\x0d\x79"
    "\xd1\x66\x09\x82\x07\x0f\xea\x65\xbf\xc1\xe4\x11\xa2\xd2\xb9\x11"
    "\x09\x35\x7f\x00\x89\x86\xd1\x64\x68\xdf\xec\x4c\xf5\x56\xaf\x9f"
    "\x25\x51\x82\xac\xeb\xbe\x32\x05\xff\x30\x00\x8e\x9e\xcb\x04\x78"
    "\x6c\x11\x4c\xf8\x05\xb8\x17\x5c\x3c\x59\x4c\x35\xf5\x65\xa3\xb5"
    "\xed\xd1\x7f\xa1\x17\x83\x10\x1c\xe9\xdc\x51\xf8\x56\x66\x7e\x82"
    "\xeb\xeb\x54\x95\x34\x6d\x86\x1e\xbe\x23\x1c\xa7\xfc\x37\xff\x21"
    "\x38\x24\x34\x78\xd8\x17";
const std::string kBrotliPage(kBrotliBytes, sizeof kBrotliBytes - 1);

using news::test::compress_with;
using news::test::TempDir;

struct Result {
    std::vector<news::InputFile> files;
    std::vector<Skip> skips;
    std::vector<RawRecord> records;  // the files read by the reader their content sniffs as
};

Result inputs(const std::vector<std::string>& paths, news::FileInputOptions options = {}) {
    Result out;
    news::SkipSink skip = [&](const std::string& where, const std::string& reason,
                              const std::string& message) {
        out.skips.push_back({where, reason, message});
    };
    news::for_each_input(
        paths, options,
        [&](news::InputFile&& f) {
            out.files.push_back(f);
            const news::Reader* reader = news::reader_for(news::sniff_format(f.bytes, f.path));
            REQUIRE(reader != nullptr);
            reader->read(
                std::move(f), [&](RawRecord&& r) { out.records.push_back(std::move(r)); }, skip);
        },
        skip);
    return out;
}

// One WARC record; `length_error` makes its Content-Length lie by that many bytes.
std::string warc_record(const std::string& type, const std::string& uri,
                        const std::string& content_type, const std::string& block,
                        long length_error = 0) {
    std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
    r += "WARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) + ">\r\n";
    r += "WARC-Date: 2024-03-05T10:20:30Z\r\n";
    if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
    r += "Content-Type: " + content_type + "\r\n";
    r += "Content-Length: " + std::to_string(static_cast<long>(block.size()) + length_error) +
         "\r\n\r\n";
    return r + block + "\r\n\r\n";
}

std::string http_response(const std::string& headers, const std::string& body,
                          const std::string& status = "200 OK") {
    return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

std::string page(const std::string& title) {
    return "<!DOCTYPE html><html><head><title>" + title +
           "</title></head><body><article><p>The harbour reopened on Monday after a week of "
           "storms, the port authority said. Ferries will run again from Tuesday.</p>"
           "</article></body></html>";
}

std::string response(const std::string& uri, const std::string& http) {
    return warc_record("response", uri, "application/http; msgtype=response", http);
}

std::string chunked(const std::string& body, size_t piece) {
    std::string out;
    for (size_t pos = 0; pos < body.size(); pos += piece) {
        std::string part = body.substr(pos, piece);
        char size[32];
        std::snprintf(size, sizeof size, "%zx", part.size());
        out += std::string(size) + "\r\n" + part + "\r\n";
    }
    return out + "0\r\n\r\n";
}

}  // namespace

TEST_CASE("dechunk undoes chunked transfer encoding and refuses wrong chunk sizes") {
    std::string out, error;
    CHECK(news::dechunk(chunked("Hello, harbour world!", 5), out, error));
    CHECK(out == "Hello, harbour world!");
    CHECK(news::dechunk("5;ext=1\r\nHello\r\n0\r\n\r\n", out, error));
    CHECK(out == "Hello");
    CHECK_FALSE(news::dechunk("7\r\nHello\r\n0\r\n\r\n", out, error));  // says 7, holds 5
    CHECK_FALSE(error.empty());
    CHECK_FALSE(news::dechunk("3\r\nHello\r\n0\r\n\r\n", out, error));  // says 3, holds 5
    CHECK_FALSE(news::dechunk("zz\r\nHello\r\n", out, error));
    CHECK_FALSE(news::dechunk("ffffff\r\nHello\r\n", out, error));
}

TEST_CASE("decode_content undoes gzip, deflate and brotli, within a limit") {
    const std::string text = page("Harbour") + page("Ferries");
    std::string out, error;
    CHECK(news::decode_content("gzip", gzip(text), 1 << 20, out, error));
    CHECK(out == text);
    CHECK(news::decode_content("br", kBrotliPage, 1 << 20, out, error));
    CHECK(out == page("Brotli news"));
    CHECK_FALSE(news::decode_content("br", kBrotliPage.substr(0, 60), 1 << 20, out, error));
    CHECK(news::decode_content("identity", text, 1 << 20, out, error));
    CHECK(out == text);
    // zlib-wrapped "deflate", and the raw deflate some servers send instead.
    uLongf size = compressBound(text.size());
    std::string zlib(size, '\0');
    REQUIRE(compress(reinterpret_cast<Bytef*>(zlib.data()), &size,
                     reinterpret_cast<const Bytef*>(text.data()), text.size()) == Z_OK);
    zlib.resize(size);
    CHECK(news::decode_content("deflate", zlib, 1 << 20, out, error));
    CHECK(out == text);
    CHECK(news::decode_content("deflate", zlib.substr(2, zlib.size() - 6), 1 << 20, out, error));
    CHECK(out == text);

    CHECK_FALSE(news::decode_content("gzip", gzip(text).substr(0, 30), 1 << 20, out, error));
    CHECK_FALSE(news::decode_content("br", "not brotli at all", 1 << 20, out, error));
    CHECK_FALSE(news::decode_content("compress", text, 1 << 20, out, error));
    CHECK_FALSE(news::decode_content("gzip", gzip(std::string(1 << 20, 'a')), 1000, out, error));
    CHECK(error == "too-large");
}

TEST_CASE("a WARC file gives its HTML responses and resources, url and crawl date kept") {
    const std::string body = page("Harbour reopens");
    const std::string warc =
        warc_record("warcinfo", "", "application/warc-fields", "software: test\r\n") +
        warc_record("request", "https://news.example/a", "application/http; msgtype=request",
                    "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n") +
        response("<https://news.example/a>",
                 http_response("Content-Type: text/html; charset=windows-1252\r\n"
                               "Content-Encoding: gzip\r\n",
                               gzip(body))) +
        response("https://news.example/b",
                 http_response("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                               chunked(page("Ferries return"), 40))) +
        response("https://news.example/c",
                 http_response("Content-Type: text/html; charset=utf-8\r\n"
                               "Transfer-Encoding: chunked\r\nContent-Encoding: br\r\n",
                               chunked(kBrotliPage, 17))) +
        response("https://news.example/gone",
                 http_response("Content-Type: text/html\r\n", page("Not found"),
                               "404 Not Found")) +
        response("https://news.example/logo.png",
                 http_response("Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n")) +
        warc_record("revisit", "https://news.example/a", "application/http; msgtype=response",
                    "HTTP/1.1 200 OK\r\n\r\n") +
        warc_record("resource", "https://news.example/d", "text/html", page("A resource")) +
        warc_record("metadata", "https://news.example/d", "application/warc-fields",
                    "via: test\r\n");
    TempDir dir;
    for (const auto& [file, bytes] : std::vector<std::pair<std::string, std::string>>{
             {"crawl.warc", warc}, {"crawl.warc.zst", compress_with("zstd", warc)}}) {
        CAPTURE(file);
        const std::string path = dir.write(file, bytes);
        const Result r = inputs({path});
        CHECK(r.skips.empty());
        REQUIRE(r.records.size() == 4);
        std::map<std::string, RawRecord> by_url;
        for (const RawRecord& rec : r.records)
            by_url[rec.url] = rec;
        REQUIRE(by_url.count("https://news.example/a") == 1);
        const RawRecord& a = by_url["https://news.example/a"];
        CHECK(a.path == path + "#3");
        CHECK(name(a.format) == name(Format::Html));
        CHECK(a.fallback_date == "2024-03-05T10:20:30Z");
        CHECK(a.date.empty());
        CHECK(a.bytes.ends_with(body));
        // The charset of the HTTP head is known downstream.
        CHECK(news::split_http_response(a.bytes).charset == "windows-1252");
        CHECK(news::split_http_response(a.bytes).body == body);
        CHECK(by_url["https://news.example/b"].bytes.ends_with(page("Ferries return")));
        CHECK(by_url["https://news.example/b"].path == path + "#4");
        CHECK(by_url["https://news.example/c"].bytes.ends_with(page("Brotli news")));
        CHECK(by_url["https://news.example/d"].bytes.ends_with(page("A resource")));
        CHECK(by_url["https://news.example/d"].path == path + "#9");
        // consumed_bytes grows to the file's size.
        CHECK(r.files.back().consumed_bytes <= std::filesystem::file_size(path));
        CHECK(r.files.front().consumed_bytes <= r.files.back().consumed_bytes);
        CHECK(news::input_total_bytes({path}) == std::filesystem::file_size(path));
    }
}

TEST_CASE("a WARC record whose Content-Length lies is reported; the records around it are kept") {
    TempDir dir;
    const std::string good1 = response("https://news.example/1",
                                       http_response("Content-Type: text/html\r\n", page("One")));
    const std::string good3 = response(
        "https://news.example/3", http_response("Content-Type: text/html\r\n", page("Three")));
    const std::string http2 = http_response("Content-Type: text/html\r\n", page("Two"));
    for (long lie : {40L, -40L, 5000L}) {
        CAPTURE(lie);
        const std::string bad2 = warc_record("response", "https://news.example/2",
                                             "application/http; msgtype=response", http2, lie);
        for (bool gz : {false, true}) {
            CAPTURE(gz);
            const std::string warc =
                gz ? gzip(good1) + gzip(bad2) + gzip(good3) : good1 + bad2 + good3;
            const std::string path = dir.write(gz ? "lies.warc.gz" : "lies.warc", warc);
            const Result r = inputs({path});
            REQUIRE(r.records.size() == 2);
            CHECK(r.records[0].url == "https://news.example/1");
            CHECK(r.records[1].url == "https://news.example/3");
            CHECK(r.records[1].bytes.ends_with(page("Three")));
            REQUIRE(r.skips.size() == 1);
            CHECK(r.skips[0].where == path + "#2");
            CHECK(r.skips[0].reason == "bad-warc");
            CHECK(r.skips[0].message.find('\n') == std::string::npos);
        }
    }
}

TEST_CASE("a wrong chunk size or broken gzip payload is reported; the next records are kept") {
    TempDir dir;
    std::string bad_chunks = chunked(page("Two"), 50);
    bad_chunks.replace(0, 2, "40");  // the first chunk says 0x40 bytes, holds 0x32
    const std::string warc =
        response("https://news.example/1",
                 http_response("Content-Type: text/html\r\n", page("One"))) +
        response("https://news.example/2",
                 http_response("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                               bad_chunks)) +
        response("https://news.example/3",
                 http_response("Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                               gzip(page("Three")).substr(0, 40))) +
        response("https://news.example/4",
                 http_response("Content-Type: text/html\r\n", page("Four")));
    const std::string path = dir.write("chunks.warc", warc);
    const Result r = inputs({path});
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].url == "https://news.example/1");
    CHECK(r.records[1].url == "https://news.example/4");
    REQUIRE(r.skips.size() == 2);
    CHECK(r.skips[0].where == path + "#2");
    CHECK(r.skips[0].reason == "bad-http");
    CHECK(r.skips[0].message.find("chunked") != std::string::npos);
    CHECK(r.skips[1].where == path + "#3");
    CHECK(r.skips[1].reason == "bad-http");
}

TEST_CASE("a truncated .warc.gz keeps the records before the damage and reports it once") {
    TempDir dir;
    std::string warc;
    for (int i = 1; i <= 3; ++i)
        warc += gzip(response("https://news.example/" + std::to_string(i),
                              http_response("Content-Type: text/html\r\n",
                                            page("Story " + std::to_string(i)))));
    const std::string last = gzip(response(
        "https://news.example/4", http_response("Content-Type: text/html\r\n", page("Four"))));
    const std::string path = dir.write("cut.warc.gz", warc + last.substr(0, last.size() / 2));
    const std::string after = dir.write("z-after.warc.gz", warc);
    const Result r = inputs({path, after});
    REQUIRE(r.records.size() == 6);
    CHECK(r.records[2].url == "https://news.example/3");
    CHECK(r.records[2].path == path + "#3");
    REQUIRE(r.skips.size() == 1);
    CHECK(r.skips[0].where == path);
    CHECK(r.skips[0].reason == "corrupt-archive");
    CHECK(r.skips[0].message.find('\n') == std::string::npos);
}

TEST_CASE("garbage between records is skipped to the next record") {
    TempDir dir;
    const std::string warc =
        response("https://news.example/1",
                 http_response("Content-Type: text/html\r\n", page("One"))) +
        "this line is no record\r\n\r\n" +
        response("https://news.example/2",
                 http_response("Content-Type: text/html\r\n", page("Two")));
    const Result r = inputs({dir.write("garbage.warc", warc)});
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[1].url == "https://news.example/2");
    REQUIRE(r.skips.size() == 1);
    CHECK(r.skips[0].reason == "bad-warc");
}

TEST_CASE("a WARC payload over the document limit is one too-large skip") {
    TempDir dir;
    news::FileInputOptions options;
    options.max_document_bytes = 1 << 20;
    const std::string big = "<html><body><p>" + std::string(3 << 20, 'a') + "</p></body></html>";
    const std::string warc =
        response("https://news.example/big",
                 http_response("Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                               gzip(big))) +
        response("https://news.example/huge", http_response("Content-Type: text/html\r\n", big)) +
        response("https://news.example/ok",
                 http_response("Content-Type: text/html\r\n", page("Fine")));
    const Result r = inputs({dir.write("big.warc.gz", gzip(warc))}, options);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].url == "https://news.example/ok");
    REQUIRE(r.skips.size() == 2);
    CHECK(r.skips[0].reason == "too-large");
    CHECK(r.skips[1].reason == "too-large");
}

TEST_CASE("the shared WARC samples index their HTML pages (skipped when ../shared is absent)") {
    const char* env = std::getenv("NEWS_SHARED");
    const std::filesystem::path folder =
        std::filesystem::path(env ? env : "../shared") / "data" / "warc-samples";
    if (!std::filesystem::exists(folder / "example.warc.gz")) {
        MESSAGE("skipped: " << folder.string() << " not found (needs ../shared or NEWS_SHARED)");
        return;
    }
    news::ExtractOptions extract;
    struct Case {
        std::string file;
        size_t records;
        std::string url, title, body_part;
    };
    const Case cases[] = {
        {"example.warc", 1, "http://example.com/", "Example Domain", "illustrative examples"},
        {"example.warc.gz", 1, "http://example.com/", "Example Domain", "illustrative examples"},
        {"example-resource.warc.gz", 1, "", "Example Domain", "illustrative examples"},
        {"example-iana.org-chunked.warc", 1, "http://www.iana.org/",
         "Internet Assigned Numbers Authority", "IANA"},
        {"example-digest.warc", 0, "", "", ""},  // requests and revisits only
        {"post-test.warc.gz", 0, "", "", ""},    // JSON responses only
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const Result r = inputs({(folder / c.file).string()});
        CHECK(r.skips.empty());
        REQUIRE(r.records.size() == c.records);
        if (c.records == 0) continue;
        const RawRecord& rec = r.records[0];
        CHECK(name(rec.format) == name(Format::Html));
        CHECK_FALSE(rec.fallback_date.empty());
        if (!c.url.empty()) CHECK(rec.url == c.url);
        CHECK(rec.url.find("://") != std::string::npos);
        const news::Article a = news::extract_article(rec, extract);
        CHECK(a.title == c.title);
        CHECK(a.text.find(c.body_part) != std::string::npos);
        // A chunked body is dechunked: no chunk size line left in the page.
        CHECK(rec.bytes.find("\r\n001c37\r\n") == std::string::npos);
    }
}

// Tests for indexer/sources/readers: JSON Lines records, bad-line reports, document readers;
// and compressed single files (sources/compressed, sources/file_input).
#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sources/compressed.hpp"
#include "sources/file_input.hpp"
#include "sources/reader.hpp"
#include "test_support.hpp"

using news::Format;
using news::RawRecord;
using news::test::name;
using news::test::prose;
using news::test::input_file;
using news::test::Skip;
using news::test::gzip;

namespace {

struct ReadResult {
    std::vector<RawRecord> records;
    std::vector<Skip> skips;
};

ReadResult read(Format format, std::string path, std::string bytes) {
    ReadResult out;
    const news::Reader* reader = news::reader_for(format);
    REQUIRE(reader != nullptr);
    reader->read(
        input_file(std::move(path), std::move(bytes)),
        [&](RawRecord&& r) { out.records.push_back(std::move(r)); },
        [&](const std::string& where, const std::string& reason, const std::string& message) {
            out.skips.push_back({where, reason, message});
        });
    return out;
}

}  // namespace

TEST_CASE("a broken JSON line is reported with file:LINE and the good records still come out") {
    const std::string dump =
        R"({"url":"https://example.com/a","title":"Harbour reopens","text":"The harbour reopened.",)"
        R"("date":"2024-03-05","source":"The Coastline Herald","author":"Jane Doe"})"
        "\n"
        R"({"title": "Broken", "text": "never closed)"
        "\n"
        R"({"title":"Ferries return","text":"Ferries returned at dawn."})"
        "\n";
    const ReadResult r = read(Format::Jsonl, "dump.jsonl", dump);

    REQUIRE(r.records.size() == 2);
    const RawRecord& a = r.records[0];
    CHECK(a.structured);
    CHECK(name(a.format) == name(Format::Text));
    CHECK(a.path == "dump.jsonl:1");
    CHECK(a.url == "https://example.com/a");
    CHECK(a.title == "Harbour reopens");
    CHECK(a.bytes == "The harbour reopened.");
    CHECK(a.date == "2024-03-05");
    CHECK(a.source == "The Coastline Herald");
    CHECK(a.author == "Jane Doe");
    CHECK(r.records[1].title == "Ferries return");
    CHECK(r.records[1].path == "dump.jsonl:3");

    REQUIRE(r.skips.size() == 1);
    CHECK(r.skips[0].where == "dump.jsonl:2");
    CHECK(r.skips[0].reason == "bad-json");
}

TEST_CASE("lines that are not JSON objects are skipped as bad-json, blank lines silently") {
    struct Case {
        std::string what;
        std::string line;
    };
    const Case cases[] = {
        {"truncated object", R"({"title":"A")"},
        {"array", R"([{"title":"A","text":"a"}])"},
        {"string", R"("just a string")"},
        {"number", "42"},
        {"prose", "this is not json"},
        {"trailing garbage", R"({"title":"A","text":"a"} extra)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const std::string dump = R"({"text":"first"})"
                                 "\n\n   \n" +
                                 c.line + "\n" + R"({"text":"last"})" + "\n";
        const ReadResult r = read(Format::Jsonl, "in.jsonl", dump);
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[0].bytes == "first");
        CHECK(r.records[1].bytes == "last");
        CHECK(r.records[1].path == "in.jsonl:5");
        REQUIRE(r.skips.size() == 1);
        CHECK(r.skips[0].where == "in.jsonl:4");
        CHECK(r.skips[0].reason == "bad-json");
    }
}

TEST_CASE("unknown fields are ignored") {
    const ReadResult r = read(
        Format::Jsonl, "in.jsonl",
        R"({"id":17,"tags":["a","b"],"meta":{"crawl":"2024-03"},"title":"T","text":"Body.","score":0.5})");
    REQUIRE(r.records.size() == 1);
    CHECK(r.skips.empty());
    CHECK(r.records[0].title == "T");
    CHECK(r.records[0].bytes == "Body.");
}

TEST_CASE("a record with html instead of text is an HTML record") {
    const ReadResult r =
        read(Format::Jsonl, "in.jsonl", R"({"title":"T","html":"<p>The harbour reopened.</p>"})");
    REQUIRE(r.records.size() == 1);
    CHECK(name(r.records[0].format) == name(Format::Html));
    CHECK(r.records[0].bytes == "<p>The harbour reopened.</p>");
    CHECK(r.records[0].structured);
}

TEST_CASE("text wins over html when a record has both") {
    const ReadResult r =
        read(Format::Jsonl, "in.jsonl", R"({"text":"Plain body.","html":"<p>Html body.</p>"})");
    REQUIRE(r.records.size() == 1);
    CHECK(name(r.records[0].format) == name(Format::Text));
    CHECK(r.records[0].bytes == "Plain body.");
}

TEST_CASE("a record with neither text nor html is skipped as empty") {
    const std::string lines[] = {
        R"({"title":"Only a title"})",
        R"({"title":"T","text":""})",
        R"({"title":"T","text":null,"html":null})",
        R"({})",
    };
    for (const std::string& line : lines) {
        CAPTURE(line);
        const ReadResult r = read(Format::Jsonl, "in.jsonl", line + "\n");
        CHECK(r.records.empty());
        REQUIRE(r.skips.size() == 1);
        CHECK(r.skips[0].where == "in.jsonl:1");
        CHECK(r.skips[0].reason == "empty");
    }
}

TEST_CASE("JSON Lines with a BOM, CRLF endings and no final newline are all read") {
    const ReadResult r = read(Format::Jsonl, "in.jsonl",
                              "\xEF\xBB\xBF"
                              R"({"text":"one"})"
                              "\r\n"
                              R"({"text":"two"})");
    REQUIRE(r.records.size() == 2);
    CHECK(r.skips.empty());
    CHECK(r.records[0].bytes == "one");
    CHECK(r.records[1].bytes == "two");
    CHECK(r.records[1].path == "in.jsonl:2");
}

TEST_CASE("numeric dates in JSON Lines are passed on as text") {
    const ReadResult r = read(Format::Jsonl, "in.jsonl", R"({"text":"Body.","date":20240305})");
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].date == "20240305");
}

TEST_CASE("HTML and text files are one record each, unstructured") {
    struct Case {
        Format format;
        std::string path;
        std::string bytes;
    };
    const Case cases[] = {
        {Format::Html, "story.html", "<html><body><p>Story.</p></body></html>"},
        {Format::Text, "story.txt", "Title\n\nStory.\n"},
        {Format::Text, "-", "From standard input.\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.path);
        const ReadResult r = read(c.format, c.path, c.bytes);
        REQUIRE(r.records.size() == 1);
        CHECK(r.skips.empty());
        CHECK(r.records[0].bytes == c.bytes);
        CHECK(r.records[0].path == c.path);
        CHECK(name(r.records[0].format) == name(c.format));
        CHECK_FALSE(r.records[0].structured);
    }
}

// ---- Compressed single files (sources/compressed, sources/file_input) ----

namespace {

using news::test::compress_with;
using news::test::TempDir;

struct InputResult {
    std::vector<news::InputFile> files;
    std::vector<Skip> skips;
};

InputResult inputs(const std::vector<std::string>& paths, news::FileInputOptions options = {}) {
    InputResult out;
    news::for_each_input(
        paths, options, [&](news::InputFile&& f) { out.files.push_back(std::move(f)); },
        [&](const std::string& where, const std::string& reason, const std::string& message) {
            out.skips.push_back({where, reason, message});
        });
    return out;
}

const std::string kPageHtml =
    "<!DOCTYPE html>\n<html><head><title>Harbour reopens</title></head>\n"
    "<body><p>The harbour reopened on Monday after a week of storms.</p></body></html>\n";

}  // namespace

TEST_CASE("compression is told by magic bytes, not by name") {
    using news::Compression;
    CHECK(news::sniff_compression(gzip("x")) == Compression::Gzip);
    CHECK(news::sniff_compression(compress_with("zstd", "x")) == Compression::Zstd);
    CHECK(news::sniff_compression(compress_with("bzip2", "x")) == Compression::Bzip2);
    CHECK(news::sniff_compression(compress_with("xz", "x")) == Compression::Xz);
    CHECK(news::sniff_compression("BZh9 is how this text starts") == Compression::None);
    CHECK(news::sniff_compression(kPageHtml) == Compression::None);
    CHECK(news::sniff_compression("") == Compression::None);
}

TEST_CASE("a compressed file is read decompressed under its own path, whatever its name") {
    TempDir dir;
    const std::string dump = R"({"title":"A","text":"Harbour reopens."})"
                             "\n"
                             R"({"title":"B","text":"Ferries return."})"
                             "\n";
    struct Case {
        std::string file;
        std::string bytes;
        std::string content;
        Format format;
    };
    const Case cases[] = {
        {"page.html.gz", gzip(kPageHtml), kPageHtml, Format::Html},
        {"page.gz", gzip(kPageHtml), kPageHtml, Format::Html},
        {"pages.jsonl.gz", gzip(dump), dump, Format::Jsonl},
        {"pages.jsonl.zst", compress_with("zstd", dump), dump, Format::Jsonl},
        {"story.txt.bz2", compress_with("bzip2", prose(50)), prose(50), Format::Text},
        {"story.xz", compress_with("xz", prose(50)), prose(50), Format::Text},
        {"named-wrong.txt", gzip(kPageHtml), kPageHtml, Format::Html},
        // Members of gzip files written one after the other are one stream.
        {"two-members.jsonl.gz", gzip(dump.substr(0, 38)) + gzip(dump.substr(38)), dump,
         Format::Jsonl},
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const std::string path = dir.write(c.file, c.bytes);
        const InputResult r = inputs({path});
        CHECK(r.skips.empty());
        REQUIRE(r.files.size() == 1);
        CHECK(r.files[0].path == path);
        CHECK(r.files[0].bytes == c.content);
        CHECK(name(news::sniff_format(r.files[0].bytes, r.files[0].path)) == name(c.format));
    }
}

TEST_CASE("a compressed JSON Lines file gives records named by the compressed file") {
    TempDir dir;
    const std::string path =
        dir.write("pages.jsonl.gz", gzip(R"({"title":"A","text":"Harbour reopens."})"
                                         "\n"
                                         R"({"title":"B","text":"Ferries return."})"));
    InputResult in = inputs({path});
    REQUIRE(in.files.size() == 1);
    const ReadResult r = read(Format::Jsonl, in.files[0].path, std::move(in.files[0].bytes));
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[1].path == path + ":2");
    CHECK(r.records[1].bytes == "Ferries return.");
}

TEST_CASE("a truncated or damaged compressed file is one corrupt-archive skip; the run goes on") {
    TempDir dir;
    const std::string text = prose(400);
    const std::string gz = gzip(text);
    std::string flipped = gz;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x10);
    std::string bad_crc = gz;
    bad_crc[bad_crc.size() - 6] = static_cast<char>(bad_crc[bad_crc.size() - 6] ^ 0x01);
    const std::string xz = compress_with("xz", text);
    const std::string zst = compress_with("zstd", text);
    const std::string bz2 = compress_with("bzip2", text);
    struct Case {
        std::string file, bytes;
    };
    const Case cases[] = {
        {"cut.txt.gz", gz.substr(0, gz.size() / 2)},
        {"cut-trailer.txt.gz", gz.substr(0, gz.size() - 4)},
        {"only-header.gz", gz.substr(0, 10)},
        {"flipped.txt.gz", flipped},
        {"bad-crc.txt.gz", bad_crc},
        {"cut.txt.xz", xz.substr(0, xz.size() / 2)},
        {"cut.txt.zst", zst.substr(0, zst.size() / 2)},
        {"cut.txt.bz2", bz2.substr(0, bz2.size() / 2)},
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const std::string bad = dir.write(c.file, c.bytes);
        const std::string good = dir.write("z-good.html.gz", gzip(kPageHtml));
        const InputResult r = inputs({bad, good});
        REQUIRE(r.skips.size() == 1);
        CHECK(r.skips[0].where == bad);
        CHECK(r.skips[0].reason == "corrupt-archive");
        CHECK(r.skips[0].message.find("corrupt or truncated") == 0);
        CHECK(r.skips[0].message.find('\n') == std::string::npos);
        REQUIRE(r.files.size() == 1);
        CHECK(r.files[0].path == good);
        CHECK(r.files[0].bytes == kPageHtml);
    }
}

TEST_CASE("decompression stops at the limit: one document's size, or more for many records") {
    TempDir dir;
    news::FileInputOptions options;
    options.max_document_bytes = 1u << 20;
    options.max_records_bytes = 8u << 20;
    // 4 MB of one page compress to a few kilobytes: a bomb for a single document.
    const std::string page = "<html><body><p>" + std::string(4u << 20, 'a') + "</p></body></html>";
    std::string records;
    while (records.size() < (4u << 20))
        records += R"({"title":"A","text":"Harbour reopens on Monday after the storms."})"
                   "\n";
    std::string big_records = records + records + records;  // 12 MB

    const InputResult r =
        inputs({dir.write("bomb.html.gz", gzip(page)), dir.write("many.jsonl.gz", gzip(records)),
                dir.write("too-many.jsonl.gz", gzip(big_records))},
               options);
    REQUIRE(r.files.size() == 1);
    CHECK(r.files[0].bytes == records);
    REQUIRE(r.skips.size() == 2);
    CHECK(r.skips[0].where.ends_with("bomb.html.gz"));
    CHECK(r.skips[0].reason == "too-large");
    CHECK(r.skips[0].message ==
          "gzip data expands past the limit of 1 MB for one document (--max-doc-size); not read "
          "(a decompression bomb?)");
    CHECK(r.skips[1].where.ends_with("too-many.jsonl.gz"));
    CHECK(r.skips[1].reason == "too-large");
    CHECK(r.skips[1].message.find("limit of 8 MB for a many-record file") != std::string::npos);
}

TEST_CASE("an uncompressed file that merely starts like one is read as it is") {
    TempDir dir;
    const std::string text = "BZh9 is the name of this band.\n\nThey played on Monday.\n";
    const InputResult r = inputs({dir.write("band.txt", text)});
    REQUIRE(r.files.size() == 1);
    CHECK(r.files[0].bytes == text);
}

// Tests for indexer/sources/readers: JSON Lines records, bad-line reports, document readers.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "sources/reader.hpp"
#include "test_support.hpp"

using news::Format;
using news::RawRecord;
using news::test::name;

namespace {

struct Skip {
    std::string where, reason, message;
};

struct ReadResult {
    std::vector<RawRecord> records;
    std::vector<Skip> skips;
};

ReadResult read(Format format, std::string path, std::string bytes) {
    ReadResult out;
    const news::Reader* reader = news::reader_for(format);
    REQUIRE(reader != nullptr);
    reader->read(
        news::InputFile{std::move(path), std::move(bytes)},
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

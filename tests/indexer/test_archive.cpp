// Tests for indexer/sources/archive: tar, zip, compressed and nested archives read member by
// member through for_each_input, named "archive!member"; damage reported once, the members
// before it kept; members over the limits skipped one by one.
#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "sources/archive.hpp"
#include "sources/file_input.hpp"
#include "sources/reader.hpp"
#include "test_support.hpp"

using news::Format;
using news::RawRecord;
using news::test::name;
using news::test::prose;
using news::test::Skip;
using news::test::gzip;

namespace {

struct Member {
    std::string path;
    std::string bytes;
    unsigned type = AE_IFREG;  // AE_IFDIR, AE_IFLNK
};

// An archive written by libarchive: format "ustar", "pax", "zip"; filter "none", "gzip", "zstd".
std::string make_archive(const char* format, const char* filter,
                         const std::vector<Member>& members) {
    archive* a = archive_write_new();
    REQUIRE(archive_write_set_format_by_name(a, format) == ARCHIVE_OK);
    if (std::string(filter) != "none")
        REQUIRE(archive_write_add_filter_by_name(a, filter) == ARCHIVE_OK);
    size_t total = 1 << 16;
    for (const Member& m : members)
        total += m.bytes.size() + 1024;
    std::string out(total, '\0');
    size_t used = 0;
    REQUIRE(archive_write_open_memory(a, out.data(), out.size(), &used) == ARCHIVE_OK);
    for (const Member& m : members) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, m.path.c_str());
        archive_entry_set_filetype(entry, m.type);
        archive_entry_set_perm(entry, 0644);
        if (m.type == AE_IFLNK) archive_entry_set_symlink(entry, "elsewhere.html");
        archive_entry_set_size(entry,
                               m.type == AE_IFREG ? static_cast<la_int64_t>(m.bytes.size()) : 0);
        REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
        if (m.type == AE_IFREG && !m.bytes.empty())
            REQUIRE(archive_write_data(a, m.bytes.data(), m.bytes.size()) ==
                    static_cast<la_ssize_t>(m.bytes.size()));
        archive_entry_free(entry);
    }
    REQUIRE(archive_write_close(a) == ARCHIVE_OK);
    archive_write_free(a);
    out.resize(used);
    return out;
}

using news::test::TempDir;

struct Result {
    std::vector<news::InputFile> files;
    std::vector<Skip> skips;
    std::map<std::string, std::string> bytes;  // by path
};

Result inputs(const std::vector<std::string>& paths, news::FileInputOptions options = {}) {
    Result out;
    news::for_each_input(
        paths, options,
        [&](news::InputFile&& f) {
            out.bytes[f.path] = f.bytes;
            out.files.push_back(std::move(f));
        },
        [&](const std::string& where, const std::string& reason, const std::string& message) {
            out.skips.push_back({where, reason, message});
        });
    return out;
}

const std::string kPage =
    "<!DOCTYPE html>\n<html><head><title>Harbour reopens</title></head>\n"
    "<body><p>The harbour reopened on Monday after a week of storms.</p></body></html>\n";
const std::string kJsonl = R"({"title":"A","text":"Harbour reopens."})"
                           "\n"
                           R"({"title":"B","text":"Ferries return."})"
                           "\n";

}  // namespace

TEST_CASE("sniff_container tells archives, WARC and compression by their first bytes") {
    using news::Container;
    const std::string tar = make_archive("ustar", "none", {{"a.html", kPage}});
    CHECK(news::sniff_container(tar) == Container::Tar);
    CHECK(news::sniff_container(make_archive("zip", "none", {{"a.html", kPage}})) ==
          Container::Zip);
    CHECK(news::sniff_container(gzip(kPage)) == Container::Compressed);
    CHECK(news::sniff_container("WARC/1.0\r\nWARC-Type: warcinfo\r\n") == Container::Warc);
    CHECK(news::sniff_container("WARC/ is a word in this text") == Container::None);
    CHECK(news::sniff_container(kPage) == Container::None);
    CHECK(news::sniff_container(kPage, "page.tar") == Container::None);  // too short for tar
    CHECK(news::sniff_container("") == Container::None);
}

TEST_CASE("a tar.gz is read member by member, nested zip included, without unpacking") {
    const std::string zip = make_archive(
        "zip", "none", {{"inner/story.html", kPage}, {"inner/", "", AE_IFDIR}, {"notes.txt", prose(3)}});
    const std::string tar_gz = make_archive("pax", "gzip",
                                            {
                                                {"dump/", "", AE_IFDIR},
                                                {"dump/page.html", kPage},
                                                {"dump/records.jsonl", kJsonl},
                                                {"dump/link.html", "", AE_IFLNK},
                                                {"dump/.hidden.html", kPage},
                                                {"dump/more.zip", zip},
                                                {"dump/page2.html.gz", gzip(kPage)},
                                                {"dump/empty.txt", ""},
                                            });
    TempDir dir;
    for (const char* file : {"dump.tar.gz", "dump.tgz", "named-wrong.txt"}) {
        CAPTURE(file);
        const std::string path = dir.write(file, tar_gz);
        const Result r = inputs({path});
        CHECK(r.skips.empty());
        REQUIRE(r.files.size() == 6);
        CHECK(r.files[0].path == path + "!dump/page.html");
        CHECK(r.files[0].bytes == kPage);
        CHECK(r.files[1].path == path + "!dump/records.jsonl");
        CHECK(r.files[1].bytes == kJsonl);
        CHECK(r.files[2].path == path + "!dump/more.zip!inner/story.html");
        CHECK(r.files[2].bytes == kPage);
        CHECK(r.files[3].path == path + "!dump/more.zip!notes.txt");
        CHECK(r.files[3].bytes == prose(3));
        CHECK(r.files[4].path == path + "!dump/page2.html.gz");
        CHECK(r.files[4].bytes == kPage);
        CHECK(r.files[5].path == path + "!dump/empty.txt");
        // Members are sniffed and read as files are.
        CHECK(name(news::sniff_format(r.files[1].bytes, r.files[1].path)) == name(Format::Jsonl));
        CHECK(name(news::sniff_format(r.files[0].bytes, r.files[0].path)) == name(Format::Html));
        // Progress: the bytes of the archive file read so far, up to its size.
        const uint64_t size = std::filesystem::file_size(path);
        for (size_t i = 1; i < r.files.size(); ++i)
            CHECK(r.files[i - 1].consumed_bytes <= r.files[i].consumed_bytes);
        CHECK(r.files.back().consumed_bytes <= size);
        CHECK(r.files.back().consumed_bytes > 0);
    }
}

TEST_CASE("tar, tar.zst and zip files, nested two deep, and a WARC inside an archive") {
    const std::string warc_record =
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/w\r\n"
        "WARC-Date: 2024-03-05T10:20:30Z\r\nContent-Type: application/http; msgtype=response\r\n";
    const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + kPage;
    const std::string warc =
        warc_record + "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http +
        "\r\n\r\n";
    const std::string inner_tar = make_archive("ustar", "none", {{"x.html", kPage}});
    const std::string zip = make_archive(
        "zip", "none", {{"inner.tar", inner_tar}, {"crawl.warc.gz", gzip(warc)}});
    TempDir dir;
    const std::string tar = dir.write("plain.tar", make_archive("ustar", "none", {{"a.html", kPage}}));
    const std::string zst =
        dir.write("pages.tar.zst", make_archive("pax", "zstd", {{"b.jsonl", kJsonl}}));
    const std::string outer = dir.write("outer.zip", zip);
    const Result r = inputs({tar, zst, outer});
    CHECK(r.skips.empty());
    REQUIRE(r.files.size() == 4);
    CHECK(r.bytes.at(tar + "!a.html") == kPage);
    CHECK(r.bytes.at(zst + "!b.jsonl") == kJsonl);
    CHECK(r.bytes.at(outer + "!inner.tar!x.html") == kPage);
    const news::InputFile& w = r.files[3];
    CHECK(w.path == outer + "!crawl.warc.gz#1");
    CHECK(w.url == "https://news.example/w");
    CHECK(w.fallback_date == "2024-03-05T10:20:30Z");
    CHECK(w.bytes.ends_with(kPage));
}

TEST_CASE("a truncated or corrupt archive keeps the members before the damage; the run goes on") {
    std::vector<Member> members;
    for (int i = 0; i < 6; ++i)
        members.push_back({"doc" + std::to_string(i) + ".txt", prose(3000 + i)});
    const std::string tar_gz = make_archive("ustar", "gzip", members);
    const std::string tar = make_archive("ustar", "none", members);
    const std::string zip = make_archive("zip", "none", members);
    std::string flipped = tar_gz;
    flipped[flipped.size() * 2 / 3] ^= 0x5A;
    TempDir dir;
    const std::string good = dir.write("z-good.tar.gz", make_archive("ustar", "gzip", {{"ok.html", kPage}}));
    struct Case {
        std::string file, bytes;
    };
    const Case cases[] = {
        {"cut.tar.gz", tar_gz.substr(0, tar_gz.size() * 2 / 3)},
        {"cut.tar", tar.substr(0, tar.size() * 2 / 3)},
        {"cut.zip", zip.substr(0, zip.size() * 2 / 3)},
        {"flipped.tar.gz", flipped},
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const std::string bad = dir.write(c.file, c.bytes);
        const Result r = inputs({bad, good});
        REQUIRE(r.skips.size() == 1);
        CHECK(r.skips[0].where.starts_with(bad));
        CHECK(r.skips[0].reason == "corrupt-archive");
        CHECK(r.skips[0].message.find("corrupt or truncated") == 0);
        CHECK(r.skips[0].message.find('\n') == std::string::npos);
        // Some members came out whole before the damage, and the next file was read. (A bit
        // flipped inside compressed data is found by the gzip CRC only at the stream's end: the
        // members before that are handed on as they decompressed.)
        REQUIRE(r.files.size() >= 2);
        CHECK(r.files.back().path == good + "!ok.html");
        if (c.file.starts_with("flipped")) continue;
        CHECK(r.files.size() >= 3);
        for (size_t i = 0; i + 1 < r.files.size(); ++i) {
            CAPTURE(r.files[i].path);
            CHECK(r.files[i].path == bad + "!doc" + std::to_string(i) + ".txt");
            CHECK(r.files[i].bytes == prose(3000 + i));
        }
    }
}

TEST_CASE("a truncated gzip member inside an archive is reported, the other members read") {
    const std::string gz = gzip(prose(400));
    const std::string tar = make_archive(
        "ustar", "none",
        {{"a.html", kPage}, {"cut.txt.gz", gz.substr(0, gz.size() / 2)}, {"b.html", kPage}});
    TempDir dir;
    const std::string path = dir.write("mixed.tar", tar);
    const Result r = inputs({path});
    REQUIRE(r.files.size() == 2);
    CHECK(r.files[1].path == path + "!b.html");
    REQUIRE(r.skips.size() == 1);
    CHECK(r.skips[0].where == path + "!cut.txt.gz");
    CHECK(r.skips[0].reason == "corrupt-archive");
}

TEST_CASE("a member over the limits is one too-large skip; memory stays bounded") {
    news::FileInputOptions options;
    options.max_document_bytes = 1 << 20;
    options.max_records_bytes = 4 << 20;
    std::string records;
    while (records.size() < (2u << 20))
        records += R"({"title":"A","text":"Harbour reopens on Monday after the storms."})"
                   "\n";
    const std::string big_page = "<html><body><p>" + std::string(2 << 20, 'a') + "</p></body></html>";
    const std::string tar_gz = make_archive(
        "pax", "gzip",
        {{"big.html", big_page}, {"bomb.html.gz", gzip(big_page)}, {"many.jsonl", records},
         {"too-many.jsonl", records + records + records}, {"ok.html", kPage}});
    TempDir dir;
    const std::string path = dir.write("limits.tar.gz", tar_gz);
    const Result r = inputs({path}, options);
    REQUIRE(r.files.size() == 2);
    CHECK(r.files[0].path == path + "!many.jsonl");
    CHECK(r.files[1].path == path + "!ok.html");
    REQUIRE(r.skips.size() == 3);
    CHECK(r.skips[0].where == path + "!big.html");
    CHECK(r.skips[0].reason == "too-large");
    CHECK(r.skips[1].where == path + "!bomb.html.gz");
    CHECK(r.skips[1].reason == "too-large");
    CHECK(r.skips[2].where == path + "!too-many.jsonl");
    CHECK(r.skips[2].reason == "too-large");
    for (const Skip& s : r.skips)
        CHECK(s.message.find('\n') == std::string::npos);
}

TEST_CASE("input_total_bytes sums the files for_each_input will read") {
    TempDir dir;
    const std::string a = dir.write("a.html", kPage);
    const std::string b = dir.write("b.tar", make_archive("ustar", "none", {{"x.html", kPage}}));
    dir.write(".hidden", "not counted");
    CHECK(news::input_total_bytes({dir.path.string()}) ==
          std::filesystem::file_size(a) + std::filesystem::file_size(b));
    CHECK(news::input_total_bytes({a, "-", dir.path.string() + "/missing"}) ==
          std::filesystem::file_size(a));
    const Result r = inputs({a});
    REQUIRE(r.files.size() == 1);
    CHECK(r.files[0].consumed_bytes == std::filesystem::file_size(a));
}

// Tests for indexer/sources/sniff: an input's format from its content first, its name second.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "sources/reader.hpp"
#include "test_support.hpp"

using namespace std::string_literals;
using news::Format;
using news::test::name;

namespace {

std::string random_bytes(size_t n, unsigned seed) {
    std::mt19937 gen(seed);
    std::uniform_int_distribution<int> byte(0, 255);
    std::string out(n, '\0');
    for (char& c : out)
        c = static_cast<char>(byte(gen));
    return out;
}

// "<html>..." as UTF-16LE with a byte-order mark.
std::string utf16le_with_bom(const std::string& ascii) {
    std::string out = "\xFF\xFE";
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

const std::string kPage =
    "<!DOCTYPE html>\n<html><head><title>Harbour reopens</title></head>\n"
    "<body><p>The harbour reopened on Monday.</p></body></html>\n";

}  // namespace

TEST_CASE("sniff_format decides by content before file name") {
    struct Case {
        std::string what;
        std::string bytes;
        std::string path;
        Format expected;
    };
    const Case cases[] = {
        {"HTML page named .html", kPage, "story.html", Format::Html},
        {"HTML page named .txt", kPage, "story.txt", Format::Html},
        {"HTML page without a name", kPage, "-", Format::Html},
        {"HTML fragment without doctype", "<div class=\"story\"><p>The harbour reopened.</p></div>",
         "fragment.txt", Format::Html},
        {"upper-case doctype", "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<HTML>",
         "old.dat", Format::Html},
        {"HTML after leading blank lines", "\n\n   \n" + kPage, "story", Format::Html},
        {"plain text named .html", "Harbour reopens\n\nThe harbour reopened on Monday.\n",
         "story.html", Format::Text},
        {"plain text with a less-than sign", "Prices rose 3% while wages rose < 2% in March.\n",
         "story.txt", Format::Text},
        {"plain text", "Harbour reopens\n\nThe harbour reopened on Monday.\n", "story.txt",
         Format::Text},
        {"JSON Lines named .jsonl", "{\"title\":\"A\",\"text\":\"a\"}\n{\"title\":\"B\"}\n",
         "dump.jsonl", Format::Jsonl},
        {"JSON Lines named .txt", "{\"title\":\"A\",\"text\":\"a\"}\n{\"title\":\"B\"}\n",
         "dump.txt", Format::Jsonl},
        {"JSON Lines with CRLF", "{\"title\":\"A\"}\r\n{\"title\":\"B\"}\r\n", "dump",
         Format::Jsonl},
        {"one JSON record without newline", "{\"title\":\"A\",\"text\":\"a\"}", "one.ndjson",
         Format::Jsonl},
        {"random bytes with NULs", random_bytes(8192, 42), "story.html", Format::Binary},
        {"random bytes named .txt", random_bytes(8192, 7), "notes.txt", Format::Binary},
        {"PNG header", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0"s,
         "image.html", Format::Binary},
        {"empty", "", "empty.html", Format::Unknown},
        {"only whitespace", " \n\t\r\n", "blank.txt", Format::Unknown},
        {"only a BOM", "\xEF\xBB\xBF", "bom.txt", Format::Unknown},
        {"UTF-8 BOM then HTML", "\xEF\xBB\xBF" + kPage, "story.txt", Format::Html},
        {"UTF-8 BOM then JSON Lines", "\xEF\xBB\xBF{\"title\":\"A\"}\n{\"title\":\"B\"}\n",
         "dump.jsonl", Format::Jsonl},
        {"UTF-8 BOM then text", "\xEF\xBB\xBFHarbour reopens\n\nThe harbour reopened.\n",
         "story.txt", Format::Text},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(name(news::sniff_format(c.bytes, c.path)) == name(c.expected));
    }
}

TEST_CASE("JSON Lines whose records carry HTML pages are JSON Lines, not one HTML page") {
    const std::string dump =
        R"({"url":"https://example.com/a","html":"<html><head><title>A</title></head>)"
        R"(<body><div><p>Story A.</p></div></body></html>"})"
        "\n"
        R"({"url":"https://example.com/b","html":"<html><body><p>Story B.</p></body></html>"})"
        "\n";
    for (std::string path : {"dump.jsonl", "dump.txt", "-"}) {
        CAPTURE(path);
        CHECK(name(news::sniff_format(dump, path)) == name(Format::Jsonl));
    }
}

TEST_CASE("a UTF-16 page with a byte-order mark is HTML, not binary") {
    CHECK(name(news::sniff_format(utf16le_with_bom(kPage), "story.html")) == name(Format::Html));
}

TEST_CASE("every sniffed format that can be indexed has a reader, and the others have none") {
    CHECK(news::reader_for(Format::Html) != nullptr);
    CHECK(news::reader_for(Format::Text) != nullptr);
    CHECK(news::reader_for(Format::Jsonl) != nullptr);
    CHECK(news::reader_for(Format::Reuters) != nullptr);
    CHECK(news::reader_for(Format::Binary) == nullptr);
    CHECK(news::reader_for(Format::Unknown) == nullptr);
}

TEST_CASE("format names are the words the run summary prints") {
    CHECK(std::string(news::format_name(Format::Html)) == "html");
    CHECK(std::string(news::format_name(Format::Text)) == "text");
    CHECK(std::string(news::format_name(Format::Jsonl)) == "jsonl");
    CHECK(std::string(news::format_name(Format::Reuters)) == "reuters");
    CHECK(std::string(news::format_name(Format::Binary)) == "binary");
    CHECK(std::string(news::format_name(Format::Unknown)) == "unknown");
}

TEST_CASE("Reuters-21578 SGML is its own format, told from pages that mention it") {
    const std::string sgml =
        "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\" NEWID=\"1\">\n"
        "<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT><TITLE>A</TITLE><BODY>b</BODY></TEXT>\n"
        "</REUTERS>\n";
    struct Case {
        std::string what, bytes, path;
        Format expected;
    };
    const Case cases[] = {
        {"doctype", sgml, "reut2-000.sgm", Format::Reuters},
        {"doctype, any name", sgml, "-", Format::Reuters},
        {"doctype in lower case", "<!doctype lewis>\n<reuters newid=\"1\">", "x", Format::Reuters},
        {"first element without doctype", sgml.substr(sgml.find("<REUTERS")), "a.txt",
         Format::Reuters},
        {"element on a later line", "\n\n<REUTERS NEWID=\"7\">\n<TEXT>x</TEXT></REUTERS>", "b",
         Format::Reuters},
        {"notes that mention the element", "Notes\n    1000 <REUTERS ...> docs per file\n",
         "SOURCE.txt", Format::Text},
        {"HTML page", kPage, "story.html", Format::Html},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(name(news::sniff_format(c.bytes, c.path)) == name(c.expected));
    }
}

TEST_CASE("a compressed file's name hints at its content's format under the suffix") {
    // The bytes sniffed are the decompressed content; the name is the compressed file's.
    // A first line that is not a whole object by content: only the name makes it JSON Lines.
    const std::string record = R"({"title":"A","text":"a"} x)";
    for (std::string path : {"pages.jsonl.gz", "pages.JSONL.GZ", "pages.ndjson.zst",
                             "pages.jsonl.bz2", "pages.jsonl.xz"}) {
        CAPTURE(path);
        CHECK(name(news::sniff_format(record + "\n" + record + "\n", path)) == name(Format::Jsonl));
    }
    CHECK(name(news::sniff_format(record + "\n", "pages.txt.gz")) == name(Format::Text));
    CHECK(name(news::sniff_format("Plain words < and more\n", "page.html.gz")) ==
          name(Format::Html));
    CHECK(name(news::sniff_format("Plain words < and more\n", "page.txt.gz")) ==
          name(Format::Text));
}

TEST_CASE("a page saved with its HTTP head is sniffed by the head's Content-Type, else its body") {
    const std::string body = "<p>Harbour reopens</p>";
    CHECK(name(news::sniff_format("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body,
                                  "crawl.warc.gz#3")) == name(Format::Html));
    CHECK(name(news::sniff_format("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nHarbour reopens.\n",
                                  "crawl.warc.gz#4")) == name(Format::Text));
    CHECK(name(news::sniff_format("HTTP/1.1 200 OK\r\nServer: x\r\n\r\n"
                                  "<!DOCTYPE html><html><body>Hi</body></html>",
                                  "")) == name(Format::Html));
}

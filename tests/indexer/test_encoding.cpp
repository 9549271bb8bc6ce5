// Tests for indexer/clean/encoding: declared charsets and conversion of any input to UTF-8.
#include <doctest/doctest.h>

#include <string>

#include "clean/encoding.hpp"
#include "text.hpp"

using namespace std::string_literals;

TEST_CASE("declared_charset reads <meta charset> and http-equiv declarations") {
    struct Case {
        std::string html;
        std::string charset;
    };
    const Case cases[] = {
        {"<html><head><meta charset=\"windows-1252\"><title>x</title>", "windows-1252"},
        {"<html><head><meta charset=utf-8>", "utf-8"},
        {"<meta charset='Shift_JIS'>", "shift_jis"},
        {"<META CHARSET=\"ISO-8859-1\">", "iso-8859-1"},
        {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
         "iso-8859-1"},
        {"<meta http-equiv=\"content-type\" content=\"text/html;charset=gb2312\">", "gb2312"},
        {"<html><head><title>No declaration</title></head>", ""},
        {"", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.html);
        CHECK(news::declared_charset(c.html) == c.charset);
    }
}

TEST_CASE("to_utf8 converts legacy encodings and leaves UTF-8 alone") {
    struct Case {
        std::string what;
        std::string bytes;
        std::string declared;
        std::string expected;
    };
    const Case cases[] = {
        {"windows-1252 declared", "caf\xE9", "windows-1252", "caf\xC3\xA9"},
        {"windows-1252 undeclared", "caf\xE9", "", "caf\xC3\xA9"},
        {"latin-1 label read as windows-1252 (curly quotes)", "\x93Hello\x94", "iso-8859-1",
         "\xE2\x80\x9CHello\xE2\x80\x9D"},
        {"mis-declared as utf-8", "caf\xE9", "utf-8", "caf\xC3\xA9"},
        {"unknown charset falls back to windows-1252", "caf\xE9", "x-no-such-charset",
         "caf\xC3\xA9"},
        {"valid UTF-8 declared as iso-8859-1 stays unchanged",
         "caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve", "iso-8859-1",
         "caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve"},
        {"valid UTF-8 declared as windows-1252 stays unchanged", "\xE6\x9D\xB1\xE4\xBA\xAC",
         "windows-1252", "\xE6\x9D\xB1\xE4\xBA\xAC"},
        {"ASCII unchanged", "plain text", "shift_jis", "plain text"},
        {"Shift_JIS", "\x93\xFA\x96\x7B\x8C\xEA\x82\xCC\x83\x6A\x83\x85\x81\x5B\x83\x58",
         "shift_jis",
         "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x8B\xE3\x83\xA5\xE3\x83\xBC"
         "\xE3\x82\xB9"},  // 日本語のニュース
        {"GB2312", "\xD6\xD0\xCE\xC4\xD0\xC2\xCE\xC5", "gb2312",
         "\xE4\xB8\xAD\xE6\x96\x87\xE6\x96\xB0\xE9\x97\xBB"},  // 中文新闻
        {"KOI8-R", "\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r",
         "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},  // Привет
        {"UTF-8 BOM removed",
         "\xEF\xBB\xBF"
         "caf\xC3\xA9",
         "", "caf\xC3\xA9"},
        {"UTF-16LE with BOM",
         "\xFF\xFE"
         "c\0a\0f\0\xE9\0"s,
         "", "caf\xC3\xA9"},
        {"UTF-16BE with BOM", "\xFE\xFF\0c\0a\0f\0\xE9"s, "", "caf\xC3\xA9"},
        {"UTF-16LE BOM beats a declared charset",
         "\xFF\xFE"
         "c\0a\0f\0\xE9\0"s,
         "windows-1252", "caf\xC3\xA9"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(news::to_utf8(c.bytes, c.declared) == c.expected);
    }
}

TEST_CASE("to_utf8 always returns valid UTF-8") {
    const std::string inputs[] = {"\x81\x8D\x8F\x90\x9D", "\xFF\xFE\xFF", "\xC0\xAF",
                                  "\xFE\xFF\xD8"};
    for (std::string declared : {"", "windows-1252", "shift_jis", "utf-16le", "bogus"}) {
        for (const std::string& bytes : inputs) {
            CAPTURE(declared);
            CAPTURE(bytes);
            std::string out;
            CHECK_NOTHROW(out = news::to_utf8(bytes, declared));
            CHECK(news::is_valid_utf8(out));
        }
    }
}

TEST_CASE("one stray byte in UTF-8 text does not turn the rest into mojibake") {
    // A UTF-8 page with one windows-1252 byte pasted in (a common scrape accident).
    const std::string bytes = "Caf\xC3\xA9 cr\xC3\xA8me in Z\xC3\xBCrich costs 5\x80 today.";
    const std::string out = news::to_utf8(bytes, "");
    INFO("out: " << out);
    CHECK(news::is_valid_utf8(out));
    CHECK(out.starts_with("Caf\xC3\xA9 cr\xC3\xA8me in Z\xC3\xBCrich costs 5"));
    CHECK(out.ends_with(" today."));
}

TEST_CASE("declared_charset reads only declarations of the page's own charset") {
    struct Case {
        std::string what;
        std::string html;
        std::string charset;
    };
    const Case cases[] = {
        {"HTTP head before the page",
         "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<html><head>"
         "<meta charset=\"utf-8\">",
         "iso-8859-1"},
        {"HTTP head without a charset: the page's meta",
         "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<meta charset=\"windows-1250\">",
         "windows-1250"},
        {"XML declaration", "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>",
         "iso-8859-15"},
        {"a <script charset> names the script's charset",
         "<head><script src=\"a.js\" charset=\"utf-8\"></script><meta charset=\"euc-kr\">",
         "euc-kr"},
        {"a comment saying charset", "<head><!-- charset --><meta charset=\"utf-8\">", "utf-8"},
        {"a commented-out declaration", "<!-- <meta charset=\"big5\"> --><meta charset=\"gbk\">",
         "gbk"},
        {"a meta tag that is not about the charset",
         "<meta name=\"description\" content=\"charset conversion\"><meta charset=\"koi8-r\">",
         "koi8-r"},
        {"content before http-equiv",
         "<meta content=\"text/html; charset=Shift_JIS\" http-equiv=\"Content-Type\">",
         "shift_jis"},
        {"BOM then meta", "\xEF\xBB\xBF<meta charset=\"utf-8\">", "utf-8"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(news::declared_charset(c.html) == c.charset);
    }
}

TEST_CASE("split_http_response separates a saved HTTP head from the page") {
    struct Case {
        std::string what;
        std::string bytes;
        bool head;
        std::string body;
        std::string charset;
    };
    const Case cases[] = {
        {"CRLF head",
         "HTTP/1.1 200 OK\r\nServer: x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html>",
         true, "<html>", "utf-8"},
        {"LF head, HTTP/2", "HTTP/2 200\ncontent-type: text/html;charset=\"gb2312\"\n\n<p>x", true,
         "<p>x", "gb2312"},
        {"no head", "<html><body>HTTP/1.1 200 OK</body></html>", false,
         "<html><body>HTTP/1.1 200 OK</body></html>", ""},
        {"head never ends: not a head", "HTTP/1.1 200 OK\nContent-Type: text/html", false,
         "HTTP/1.1 200 OK\nContent-Type: text/html", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const news::HttpResponse r = news::split_http_response(c.bytes);
        CHECK(r.has_head == c.head);
        CHECK(r.body == c.body);
        CHECK(r.charset == c.charset);
    }
}

TEST_CASE("to_utf8 decodes charset labels the way browsers do") {
    struct Case {
        std::string what;
        std::string bytes;
        std::string declared;
        std::string expected;
    };
    const Case cases[] = {
        // 镕 is in GBK but not in GB2312; pages labelled gb2312 use GBK.
        {"gb2312 label read as GBK",
         "\xE9"
         "F\xD6\xD0",
         "gb2312", "\xE9\x95\x95\xE4\xB8\xAD"},
        {"euc-kr label read as windows-949", "\xC7\xD1\xB1\xB9", "euc-kr",
         "\xED\x95\x9C\xEA\xB5\xAD"},  // 한국
        {"iso-8859-9 label read as windows-1254", "\x80\xFD", "iso-8859-9",
         "\xE2\x82\xAC\xC4\xB1"},                                          // €ı
        {"iso-8859-2", "\xB1\xE6", "iso-8859-2", "\xC4\x85\xC4\x87"},      // ąć
        {"windows-1250", "\x9A\xE8", "windows-1250", "\xC5\xA1\xC4\x8D"},  // šč
        {"utf-16 label on a byte page", "caf\xE9", "utf-16", "caf\xC3\xA9"},
        {"control characters are dropped", "WWF\x07 (2020)\x1B", "", "WWF (2020)"},
        {"tabs and newlines stay", "a\tb\nc\r\n", "", "a\tb\nc\r\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(news::to_utf8(c.bytes, c.declared) == c.expected);
    }
}

// Tests for indexer/sources/reuters: Reuters-21578 SGML elements as structured records, and what
// the extractor makes of them.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "extract/article_extractor.hpp"
#include "sources/file_input.hpp"
#include "sources/reader.hpp"
#include "sources/reuters.hpp"
#include "test_support.hpp"

using news::Format;
using news::RawRecord;
using news::test::name;
using news::test::input_file;
using news::test::Skip;

namespace {

struct ReadResult {
    std::vector<RawRecord> records;
    std::vector<Skip> skips;
};

ReadResult read_reuters(std::string path, std::string bytes) {
    ReadResult out;
    const news::Reader* reader = news::reader_for(Format::Reuters);
    REQUIRE(reader != nullptr);
    reader->read(
        input_file(std::move(path), std::move(bytes)),
        [&](RawRecord&& r) { out.records.push_back(std::move(r)); },
        [&](const std::string& where, const std::string& reason, const std::string& message) {
            out.skips.push_back({where, reason, message});
        });
    return out;
}

// Three good articles (a normal one with a Latin-1 byte, a brief, an unprocessed table), an
// unterminated element between them and an empty one at the end.
const std::string kSgml =
    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
    "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" OLDID=\"5544\" NEWID=\"1\">\n"
    "<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
    "<TOPICS><D>interest</D></TOPICS>\n"
    "<PEOPLE><D>volcker</D></PEOPLE>\n"
    "<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f0704&#31;reute\n</UNKNOWN>\n"
    "<TEXT>&#2;\n"
    "<TITLE>VOLCKER SAYS &lt;BANKS> &amp; MARKETS CALM</TITLE>\n"
    "<AUTHOR>    BY TED D'AFFLISIO, Reuters</AUTHOR>\n"
    "<DATELINE>    WASHINGTON, Feb 26 - </DATELINE><BODY>Federal Reserve Board Chairman Paul\n"
    "Volcker said the markets were calm and the banks were sound\n"
    "after a week of heavy trading.\n"
    "    He told reporters in M\xFCnchen that rates would stay where\n"
    "they are.\n"
    "    Shr 34 cts vs 1.19 dlrs\n"
    "    Net 807,000 vs 2,858,000\n"
    " Reuter\n"
    "&#3;</BODY></TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" NEWID=\"2\">\n"
    "<DATE> 2-MAR-1987 09:10:11.00</DATE>\n"
    "<TEXT TYPE=\"BRIEF\">&#2;\n"
    "******<TITLE>U.S. COMMERCIAL PAPER FALLS 375 MLN DLRS\n"
    "</TITLE>Blah blah blah.\n"
    "&#3;\n\n</TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" NEWID=\"3\">\n"
    "<DATE>3-MAR-1987 10:00:00.00</DATE>\n"
    "<TEXT>&#2;\n"
    "<TITLE>THIS ELEMENT IS NEVER CLOSED</TITLE>\n"
    "<BODY>It runs into the next one.\n"
    "<REUTERS TOPICS=\"NO\" NEWID=\"4\">\n"
    "<DATE>26-FEB-1987 16:35:24.11&#9;&#9;&#9;RM</DATE>\n"
    "<TEXT TYPE=\"UNPROC\">&#2;\n"
    "FEDERAL RESERVE MONEY SUPPLY REPORT - FEB 26\n"
    "    One Week Ended Feb 16\n"
    " M-1.........................736.7 up.......2.1\n"
    " Previous week revised to....734.6 From...734.2\n"
    "\n"
    " Reuter\n"
    "&#3;\n\n</TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" NEWID=\"5\">\n"
    "<DATE>27-FEB-1987 07:09:06.48</DATE>\n"
    "<TEXT TYPE=\"UNPROC\">&#2;\n&#3;\n\n</TEXT>\n"
    "</REUTERS>\n";

}  // namespace

TEST_CASE("Reuters SGML is sniffed by its doctype or its first element, not by a mention") {
    CHECK(name(news::sniff_format(kSgml, "reut2-000.sgm")) == name(Format::Reuters));
    CHECK(name(news::sniff_format(kSgml, "-")) == name(Format::Reuters));
    const std::string bare = kSgml.substr(kSgml.find("<REUTERS"));
    CHECK(name(news::sniff_format(bare, "x.txt")) == name(Format::Reuters));
    CHECK(name(news::sniff_format("Notes\n\n  Each file holds 1000 <REUTERS ...> docs.\n",
                                  "notes.txt")) == name(Format::Text));
    CHECK(std::string(news::format_name(Format::Reuters)) == "reuters");
}

TEST_CASE("each <REUTERS> element is one structured record; a broken one is reported") {
    const ReadResult r = read_reuters("reut2-000.sgm", kSgml);
    REQUIRE(r.records.size() == 3);

    const RawRecord& a = r.records[0];
    CHECK(a.structured);
    CHECK(name(a.format) == name(Format::Reuters));
    CHECK(a.path == "reut2-000.sgm:1");
    CHECK(a.title == "VOLCKER SAYS <BANKS> & MARKETS CALM");
    CHECK(a.date == "1987-02-26T15:01:01");
    CHECK(a.source == "Reuters");
    CHECK(a.author == "Ted D'Afflisio");
    CHECK(a.language == "en");
    CHECK(a.bytes ==
          "WASHINGTON, Feb 26 - Federal Reserve Board Chairman Paul Volcker said the markets "
          "were calm and the banks were sound after a week of heavy trading.\n\n"
          "He told reporters in M\xC3\xBCnchen that rates would stay where they are.\n\n"
          "Shr 34 cts vs 1.19 dlrs\n\n"
          "Net 807,000 vs 2,858,000");

    const RawRecord& brief = r.records[1];
    CHECK(brief.path == "reut2-000.sgm:2");
    CHECK(brief.title == "U.S. COMMERCIAL PAPER FALLS 375 MLN DLRS");
    CHECK(brief.date == "1987-03-02T09:10:11");
    CHECK(brief.bytes == brief.title);  // a headline-only item, no "Blah blah blah."
    CHECK(brief.author.empty());

    const RawRecord& unproc = r.records[2];
    CHECK(unproc.path == "reut2-000.sgm:4");
    CHECK(unproc.title == "FEDERAL RESERVE MONEY SUPPLY REPORT - FEB 26");
    CHECK(unproc.date == "1987-02-26T16:35:24");
    CHECK(unproc.bytes ==
          "One Week Ended Feb 16\n\n"
          "M-1.........................736.7 up.......2.1\n\n"
          "Previous week revised to....734.6 From...734.2");

    REQUIRE(r.skips.size() == 2);
    CHECK(r.skips[0].where == "reut2-000.sgm:3");
    CHECK(r.skips[0].reason == "bad-sgml");
    CHECK(r.skips[0].message.find("unterminated") != std::string::npos);
    CHECK(r.skips[1].where == "reut2-000.sgm:5");
    CHECK(r.skips[1].reason == "empty");
}

TEST_CASE("a file without any <REUTERS> element, or cut off inside one, is reported") {
    ReadResult r = read_reuters("x.sgm", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n");
    CHECK(r.records.empty());
    REQUIRE(r.skips.size() == 1);
    CHECK(r.skips[0].reason == "bad-sgml");

    const std::string cut = kSgml.substr(0, kSgml.find("<REUTERS TOPICS=\"NO\" NEWID=\"2\">") + 60);
    r = read_reuters("cut.sgm", cut);
    REQUIRE(r.records.size() == 1);
    REQUIRE(r.skips.size() == 1);
    CHECK(r.skips[0].where == "cut.sgm:2");
    CHECK(r.skips[0].reason == "bad-sgml");

    // An element without NEWID is named by its place in the file.
    r = read_reuters("n.sgm", "<REUTERS TOPICS=\"NO\">\n<TEXT>no end");
    REQUIRE(r.skips.size() == 1);
    CHECK(r.skips[0].where == "n.sgm:#1");
}

TEST_CASE("Reuters dates become ISO 8601") {
    struct Case {
        std::string in, out;
    };
    const Case cases[] = {
        {"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"},
        {" 5-MAR-1987 09:20:12.46", "1987-03-05T09:20:12"},
        {"  9-APR-1987 00:00:00.00", "1987-04-09T00:00:00"},
        {"9-MAR-1987  14:03:10.11\t\t\tF", "1987-03-09T14:03:10"},
        {"19-OCT-1987", "1987-10-19"},
        {"31-FEB-1987 10:00:00.00", ""},
        {"yesterday", ""},
        {"", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        CHECK(news::reuters_iso_date(c.in) == c.out);
    }
}

TEST_CASE("Reuters bylines lose 'By' and the agency") {
    struct Case {
        std::string in, out;
    };
    const Case cases[] = {
        {"    By Janie Gabbett, Reuters", "Janie Gabbett"},
        {"    by Kathleen Hays", "Kathleen Hays"},
        {"    By Patti Domm, Reuter", "Patti Domm"},
        {"    By Colin Brinsden, Reuters.", "Colin Brinsden"},
        {"    By Brad Schade Reuters", "Brad Schade"},
        {"    By Cal Mankowski, Reutersd", "Cal Mankowski"},
        {"    BY TED D'AFFLISIO, REUTERS", "Ted D'Afflisio"},
        {"    By Mark O'Neill", "Mark O'Neill"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        CHECK(news::reuters_author(c.in) == c.out);
    }
}

TEST_CASE("SGML entities are decoded and the wire's control characters dropped") {
    CHECK(news::decode_sgml_text("&#2;\nA &lt;B> &amp; C&#3;") == "\nA <B> & C");
    CHECK(news::decode_sgml_text("x&#5;&#22;&#1;&#31;&#127;y") == "xy");
    CHECK(news::decode_sgml_text("caf&#233; &#x263A; &unknown; & AT&T") ==
          "caf\xC3\xA9 \xE2\x98\xBA &unknown; & AT&T");
}

TEST_CASE("wire bodies become paragraphs: wrapped lines joined, tables row by row") {
    struct Case {
        std::string what, in, out;
    };
    const Case cases[] = {
        {"indented paragraphs", "First line of the\nparagraph goes on.\n    Second one\nhere.\n",
         "First line of the paragraph goes on.\n\nSecond one here."},
        {"signatures", "Text.\n Reuter\n", "Text."},
        {"capital signature with dots", "Text.\nREUTER...^M\n", "Text."},
        {"signature with desk initials", "Text.\n\nREUTER TAW\n", "Text."},
        {"signature on the last line", "Rain at SAO LUIZ NIL. REUTER\n", "Rain at SAO LUIZ NIL."},
        {"more to come", "Text.\n More\n", "Text."},
        {"told Reuters stays", "Prices rose, the official\ntold Reuters.\n Reuter\n",
         "Prices rose, the official told Reuters."},
        {"columns",
         "                 1987      1986\nSales         100.0     90.0\nNet    5.0   4.0\n",
         "1987 1986\n\nSales 100.0 90.0\n\nNet 5.0 4.0"},
        {"short sentence ends a paragraph", "A short line ends.\nNext paragraph starts here\n",
         "A short line ends.\n\nNext paragraph starts here"},
        {"short line without a full stop is wrapped",
         "Tenera LP said it plans to\nrepurchase units.\n",
         "Tenera LP said it plans to repurchase units."},
        {"blank lines separate", "One.\n\n\nTwo.\n", "One.\n\nTwo."},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(news::reuters_body_text(c.in) == c.out);
    }
}

TEST_CASE("a Reuters record becomes an article with its date, author, source and paragraphs") {
    const ReadResult r = read_reuters("reut2-000.sgm", kSgml);
    REQUIRE(r.records.size() == 3);
    news::ExtractOptions options;
    const news::Article a = news::extract_article(r.records[0], options);
    CHECK(a.path == "reut2-000.sgm:1");
    CHECK(a.title == "VOLCKER SAYS <BANKS> & MARKETS CALM");
    REQUIRE(a.published.has_value());
    CHECK(a.published->iso() == "1987-02-26T15:01:01");
    CHECK(a.author == "Ted D'Afflisio");
    CHECK(a.source == "Reuters");
    CHECK(a.format == "reuters");
    CHECK(a.text == r.records[0].bytes);

    const news::Article brief = news::extract_article(r.records[1], options);
    CHECK(brief.text == "U.S. COMMERCIAL PAPER FALLS 375 MLN DLRS");
    REQUIRE(brief.published.has_value());
    CHECK(brief.published->iso_day() == "1987-03-02");
}

TEST_CASE("the shared Reuters-21578 files read whole (skipped when ../shared is absent)") {
    const char* env = std::getenv("NEWS_SHARED");
    const std::filesystem::path folder =
        std::filesystem::path(env ? env : "../shared") / "data" / "reuters21578";
    if (!std::filesystem::exists(folder / "reut2-000.sgm.gz") ||
        !std::filesystem::exists(folder / "reut2-017.sgm.gz")) {
        MESSAGE("skipped: " << folder.string() << " not found (needs ../shared or NEWS_SHARED)");
        return;
    }
    std::map<std::string, RawRecord> records;
    std::vector<Skip> skips;
    news::SkipSink skip = [&](const std::string& where, const std::string& reason,
                              const std::string& message) {
        skips.push_back({where, reason, message});
    };
    news::for_each_input(
        {(folder / "reut2-000.sgm.gz").string(), (folder / "reut2-017.sgm.gz").string()}, {},
        [&](news::InputFile&& file) {
            REQUIRE(name(news::sniff_format(file.bytes, file.path)) == name(Format::Reuters));
            news::reader_for(Format::Reuters)
                ->read(
                    std::move(file),
                    [&](RawRecord&& r) {
                        std::string key = r.path.substr(r.path.rfind('/') + 1);
                        records.emplace(key, std::move(r));
                    },
                    skip);
        },
        skip);
    CHECK(skips.empty());
    CHECK(records.size() == 2000);
    const RawRecord& first = records.at("reut2-000.sgm.gz:1");
    CHECK(first.title == "BAHIA COCOA REVIEW");
    CHECK(first.date == "1987-02-26T15:01:01");
    CHECK(
        first.bytes.starts_with("SALVADOR, Feb 26 - Showers continued throughout the week in "
                                "the Bahia cocoa zone,"));
    CHECK(first.bytes.ends_with("carnival which ends midday on February 27."));
    // The one Latin-1 byte of the collection, read as "ü".
    CHECK(records.at("reut2-017.sgm.gz:17980").bytes.find("growth.\xC3\xBC") != std::string::npos);
}

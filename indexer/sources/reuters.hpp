// Reuters-21578 (Lewis' SGML distribution of the 1987 Reuters newswire): files of <REUTERS>
// elements, each one article. Every element becomes one structured RawRecord: the title, the
// <DATE> as ISO 8601, source "Reuters", the author of <AUTHOR> without "By" and ", Reuters", and
// the body (dateline first, as the wire had it) reflowed into paragraphs, the " Reuter" signature
// and the wire's control characters dropped. TYPE="BRIEF" items are a headline only: the headline
// is their text too. TYPE="UNPROC" items hold the text directly in <TEXT>; their first line is
// the title. The path of a record is "<file>:<NEWID>". An unterminated element, or one with
// neither title nor body, is reported ("bad-sgml") and the rest of the file still read. A file
// that is not valid UTF-8 is read as Latin-1 (reut2-017 has one such byte, "ü").
#pragma once

#include <string>
#include <string_view>

#include "reader.hpp"

namespace news {

class ReutersReader : public Reader {
  public:
    void read(InputFile&& input, const RecordSink& emit, const SkipSink& skip) const override;
};

// The pieces of the reader, for tests.

// "26-FEB-1987 15:01:01.79" -> "1987-02-26T15:01:01" ("1987-02-26" without a time); "" when the
// text does not start with such a date. Trailing wire codes are ignored.
std::string reuters_iso_date(std::string_view text);

// "    By Jane Doe, Reuters" -> "Jane Doe"; "BY TED D'AFFLISIO, Reuters" -> "Ted D'Afflisio".
std::string reuters_author(std::string_view text);

// SGML entities decoded (&lt; &gt; &amp; &quot; &apos; &#N;); control characters (&#2; &#3;
// &#127; ...) dropped.
std::string decode_sgml_text(std::string_view text);

// The wire text of a body (entities decoded) as paragraphs separated by blank lines: wrapped
// lines joined, a new paragraph at each indented line, blank line, table row or short line that
// ends a sentence; the trailing "Reuter" signature (and a "More" marker) dropped.
std::string reuters_body_text(std::string_view text);

}  // namespace news

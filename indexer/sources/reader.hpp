// The input side of the indexer: one Reader per input format behind one interface, and one
// factory that picks the reader for a file from its sniffed content. A reader turns one input
// (a file's bytes) into zero or more RawRecords; a bad record inside a good input is reported
// and skipped, never fatal to the rest of the input.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "raw_record.hpp"

namespace news {

struct InputFile {
    std::string path;   // "-" for standard input; "a.tar.gz!dir/page.html" for an archive's
                        // member; "crawl.warc.gz#12" for the 12th record of a WARC file
    std::string bytes;  // the whole file (the member, the record's decoded HTTP payload)
    // What the container knew about the document (a WARC record: WARC-Target-URI, WARC-Date);
    // the document readers pass them on to the RawRecord.
    std::string url;
    std::string fallback_date;
    // Bytes of the underlying file (the one named on the command line, or stdin) read so far,
    // this document included: with input_total_bytes() for progress. For a member of an
    // archive it is where the streaming read has got to in the archive file.
    uint64_t consumed_bytes = 0;
};

// Called for each record a reader produces.
using RecordSink = std::function<void(RawRecord&&)>;
// Called for each part of an input that cannot be used: where, a short reason key, a message.
using SkipSink = std::function<void(const std::string& where, const std::string& reason,
                                    const std::string& msg)>;

class Reader {
  public:
    virtual ~Reader() = default;
    virtual void read(InputFile&& input, const RecordSink& emit, const SkipSink& skip) const = 0;
};

// Decides what an input holds, from its content first and its extension second.
Format sniff_format(std::string_view bytes, std::string_view path);

// The reader for a format; nullptr for formats that cannot be indexed (Binary, Unknown).
const Reader* reader_for(Format format);

}  // namespace news

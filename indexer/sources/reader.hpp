// The input side of the indexer: one Reader per input format behind one interface, and one
// factory that picks the reader for a file from its sniffed content. A reader turns one input
// (a file's bytes) into zero or more RawRecords; a bad record inside a good input is reported
// and skipped, never fatal to the rest of the input.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "raw_record.hpp"

namespace news {

struct InputFile {
    std::string path;   // "-" for standard input
    std::string bytes;  // the whole file
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

// Archives (tar, zip, either compressed with gzip, zstd, bzip2 or xz, nested in each other) and
// WARC files as inputs, streamed: libarchive reads one member at a time from the file (or from
// the enclosing archive's member data, for a nested one), so memory holds one member, never the
// archive. Each regular member is handed on as an InputFile named "archive.tar.gz!dir/page.html"
// ("outer.zip!inner.tar!page.html" when nested) and then sniffed and read like any file; a
// member that is itself an archive, a WARC or a compressed file is opened in turn. Directories,
// links and hidden members (".name", "__MACOSX/") are passed over. Members over the limits of
// FileInputOptions are one "too-large" skip each; damage (a truncated or corrupt archive) is one
// "corrupt-archive" skip, and the members before it are kept.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "file_input.hpp"
#include "reader.hpp"

namespace news {

enum class Container { None, Tar, Zip, Warc, Compressed };

// What the first bytes of a file announce (the name is a hint: "x.tar" is tried as a tar even
// without the ustar magic). None for anything else.
Container sniff_container(std::string_view head, std::string_view path = {});

// Reads `path` (a file), whose first bytes are `head`, as a container. False when it turned out
// to hold one compressed document (no archive, no WARC): the caller then reads it whole.
bool stream_container_file(const std::string& path, const FileInputOptions& options,
                           const std::function<void(InputFile&&)>& visit, const SkipSink& skip);

// The same for an open stream (standard input) whose first bytes `head` were already read from
// it. False as above; `head` then holds every byte read from `in` so far, for the caller to
// read the rest after.
bool stream_container_stdin(std::FILE* in, std::string& head, const FileInputOptions& options,
                            const std::function<void(InputFile&&)>& visit, const SkipSink& skip);

}  // namespace news

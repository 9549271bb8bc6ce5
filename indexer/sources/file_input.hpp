// Expands the command line's paths into input files: folders recursively (in a stable order,
// hidden entries skipped), "-" as standard input. Unreadable and oversized files are reported
// through the skip sink, not thrown, so one bad path never stops the run.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "reader.hpp"

namespace news {

struct FileInputOptions {
    // Files over this size are skipped unless they hold many records (JSON Lines).
    size_t max_document_bytes = 32u << 20;
};

void for_each_input(const std::vector<std::string>& paths, const FileInputOptions& options,
                    const std::function<void(InputFile&&)>& visit, const SkipSink& skip);

}  // namespace news

// The cleaning and extraction stage: one RawRecord in, one Article out (main text, title, date,
// author, source, language). Raises news::InputError when the record holds nothing to index,
// with a reason key the run's summary counts.
#pragma once

#include <cstddef>

#include "../sources/raw_record.hpp"
#include "article.hpp"

namespace news {

struct ExtractOptions {
    size_t max_document_bytes = 32u << 20;  // larger documents are skipped as "too-large"
    // Return an article whose text came out empty (a home page, a video page) instead of
    // raising "no-text": the dry run shows what was found on such pages, marked as skipped.
    bool keep_empty_text = false;
};

Article extract_article(const RawRecord& record, const ExtractOptions& options = {});

}  // namespace news

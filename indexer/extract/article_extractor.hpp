// The cleaning and extraction stage: one RawRecord in, one Article out (main text, title, date,
// author, source, language). Raises news::InputError when the record holds nothing to index,
// with a reason key the run's summary counts.
#pragma once

#include <cstddef>
#include <string>

#include "../sources/raw_record.hpp"
#include "article.hpp"
#include "ner/tagger.hpp"

namespace news {

struct ExtractOptions {
    size_t max_document_bytes = 32u << 20;  // larger documents are skipped as "too-large"
    // Return an article whose text came out empty (a home page, a video page) instead of
    // raising "no-text": the dry run shows what was found on such pages, marked as skipped.
    bool keep_empty_text = false;
    // Plain-text inputs kept exactly as they are: no title line taken off, no lines joined, no
    // boilerplate removed (text that is clean already; entity offsets then index the file).
    bool verbatim_text = false;
    // The language of every document (an ISO 639-1 code), instead of detecting it.
    std::string language;
    // Tags people, organisations and places in the text of the languages it knows (English);
    // none when null.
    const EntityTagger* tagger = nullptr;
};

Article extract_article(const RawRecord& record, const ExtractOptions& options = {});

}  // namespace news

#include "article_extractor.hpp"

#include <algorithm>

#include "../clean/encoding.hpp"
#include "../clean/html_cleaner.hpp"
#include "../clean/text_cleaner.hpp"
#include "entities.hpp"
#include "error.hpp"
#include "html_metadata.hpp"
#include "language.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace news {

namespace {

// Returns the language the page declares.
std::string extract_html(const std::string& html, const RawRecord& record, Article& a) {
    HtmlDocument doc(html);
    HtmlMetadata meta = extract_html_metadata(doc, record.url);
    std::vector<TextBlock> blocks = extract_main_blocks(doc);
    a.text = join_blocks(blocks);
    if (a.text.empty() && record.structured) {
        // A JSON record's html is the article itself, often a bare fragment of paragraphs.
        a.text = inner_text(doc.root());
    }
    a.title = meta.title;
    a.author = meta.author;
    a.source = meta.site_name;
    a.url = meta.url;
    a.published = meta.published;
    return meta.language;
}

void extract_text(const std::string& text, const RawRecord& record, bool verbatim, Article& a) {
    if (verbatim) {
        a.text = repair_utf8(text);
        return;
    }
    if (record.structured) {
        // The body of a structured record: keep its paragraphs, normalise the spacing.
        std::string out;
        size_t pos = 0;
        while (pos <= text.size()) {
            size_t end = text.find("\n\n", pos);
            if (end == std::string::npos) end = text.size();
            std::string para = collapse_whitespace(std::string_view(text).substr(pos, end - pos));
            if (!para.empty()) {
                if (!out.empty()) out += "\n\n";
                out += para;
            }
            pos = end + 2;
        }
        a.text = std::move(out);
        return;
    }
    TextExtraction t = clean_text(text);
    a.title = std::move(t.title);
    a.text = std::move(t.text);
    a.author = std::move(t.author);
    a.published = t.published;
}

}  // namespace

Article extract_article(const RawRecord& input, const ExtractOptions& options) {
    // UTF-16 pages are text with NUL in every other byte: decode them before any byte checks.
    RawRecord decoded;
    if (has_utf16_bom(input.bytes)) {
        decoded = input;
        decoded.bytes = to_utf8(input.bytes, "");
    }
    const RawRecord& record = has_utf16_bom(input.bytes) ? decoded : input;
    if (record.bytes.size() > options.max_document_bytes)
        throw InputError("too-large", "document of " + std::to_string(record.bytes.size() >> 20) +
                                          " MB is over the limit of " +
                                          std::to_string(options.max_document_bytes >> 20) + " MB");
    if (record.bytes.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError("empty", "empty document");
    if (record.format == Format::Binary || binary_ratio(record.bytes) > 0.05)
        throw InputError("binary", "binary data, not a news document");

    Article a;
    a.path = record.path;
    a.url = record.url;
    a.format = format_name(record.format);
    // A page saved with its HTTP response head: the head names the charset and is no text.
    HttpResponse response = split_http_response(record.bytes);
    std::string declared_language;
    if (record.format == Format::Html) {
        std::string charset = declared_charset(record.bytes);
        declared_language = extract_html(to_utf8(response.body, charset), record, a);
    } else {
        extract_text(to_utf8(response.body, response.charset), record, options.verbatim_text, a);
    }

    // Fields the input stated explicitly win over what extraction guessed.
    if (!record.url.empty()) a.url = record.url;
    if (!record.title.empty()) a.title = collapse_whitespace(record.title);
    if (!record.source.empty()) a.source = collapse_whitespace(record.source);
    if (!record.author.empty()) a.author = collapse_whitespace(record.author);
    if (!record.date.empty()) {
        if (auto d = parse_date(record.date)) a.published = d;
    }
    // A crawl date (WARC-Date) says when the page was fetched, not written: only a last resort.
    if (!a.published && !record.fallback_date.empty()) {
        if (auto d = parse_date(record.fallback_date)) a.published = d;
    }
    if (a.source.empty() && !a.url.empty()) a.source = schema::host_of_url(a.url);
    a.title = repair_utf8(a.title);

    if (a.text.empty() && !options.keep_empty_text) {
        throw InputError("no-text", a.title.empty() ? "no article text found"
                                                    : "no article text found (title only)");
    }

    // The language from the text itself (its start: enough for cld2), the page's declaration as
    // the hint; Article's default stands when neither tells.
    std::string sample = a.title;
    sample += "\n\n";
    sample.append(a.text, 0, std::min(a.text.size(), kLanguageSampleBytes));
    if (!options.language.empty())
        a.language = options.language;
    else if (!record.language.empty())
        a.language = record.language;  // the input states it (a Reuters dump is English)
    else if (std::string lang = document_language(sample, declared_language); !lang.empty())
        a.language = std::move(lang);

    if (options.tagger != nullptr && a.language == "en" && !a.text.empty()) {
        ArticleEntities found = group_mentions(a.text, options.tagger->tag(a.text));
        a.entities = std::move(found.entities);
        a.acronyms = std::move(found.acronyms);
    }
    return a;
}

}  // namespace news

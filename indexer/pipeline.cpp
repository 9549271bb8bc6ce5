#include "pipeline.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "extract/article_extractor.hpp"
#include "schema.hpp"
#include "sources/file_input.hpp"
#include "writer.hpp"

namespace news {

size_t IndexStats::total_skipped() const {
    size_t n = 0;
    for (const auto& [reason, count] : skipped)
        n += count;
    return n;
}

std::string url_map_key(std::string_view path) {
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(std::filesystem::path(path), ec);
    return (ec ? std::filesystem::path(path) : abs).lexically_normal().string();
}

UrlMap load_url_map(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UsageError("--url-map: cannot read " + file);
    std::filesystem::path folder = std::filesystem::path(file).parent_path();
    UrlMap map;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        size_t last_tab = line.rfind('\t');
        if (last_tab == std::string::npos || last_tab == 0) continue;
        ManifestEntry entry;
        entry.url = line.substr(last_tab + 1);
        if (entry.url.find("://") == std::string::npos) continue;  // a header, or no URL known
        size_t path_start = line.rfind('\t', last_tab - 1);
        path_start = path_start == std::string::npos ? 0 : path_start + 1;
        std::filesystem::path path(line.substr(path_start, last_tab - path_start));
        if (path.empty()) continue;
        if (path.is_relative()) path = folder / path;
        if (path_start > 0) entry.id = line.substr(0, line.find('\t'));
        map.emplace(url_map_key(path.string()), std::move(entry));
    }
    return map;
}

std::string dry_run_record(const Article& a, std::string_view skipped, std::string_view id) {
    nlohmann::ordered_json j;
    // A short stable key for the record; the full identity is the URL (or content) itself.
    if (!id.empty())
        j["id"] = id;
    else
        j["id"] = schema::hash_hex(schema::unique_id_term(a));
    j["path"] = a.path;
    j["url"] = a.url;
    j["title"] = a.title;
    j["published"] = a.published ? nlohmann::ordered_json(a.published->iso()) : nullptr;
    j["author"] = a.author;
    j["source"] = a.source;
    j["language"] = a.language;
    j["format"] = a.format;
    j["text"] = a.text;
    nlohmann::ordered_json entities = nlohmann::ordered_json::array();
    for (const Entity& e : a.entities) {
        nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
        for (const EntityMention& m : e.mentions) mentions.push_back({m.start, m.end});
        entities.push_back(
            {{"type", entity_type_name(e.type)}, {"name", e.name}, {"mentions", mentions}});
    }
    j["entities"] = std::move(entities);
    if (!skipped.empty()) j["skipped"] = skipped;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string summary_line(const IndexStats& s, bool dry_run) {
    std::string line;
    if (dry_run) {
        line = "extracted " + std::to_string(s.extracted);
    } else {
        line = "indexed " + std::to_string(s.added + s.replaced) + " (" + std::to_string(s.added) +
               " new, " + std::to_string(s.replaced) + " replaced)";
    }
    line += ", skipped " + std::to_string(s.total_skipped());
    if (!s.skipped.empty()) {
        line += " (";
        bool first = true;
        for (const auto& [reason, count] : s.skipped) {
            if (!first) line += ", ";
            line += reason + ": " + std::to_string(count);
            first = false;
        }
        line += ")";
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, " in %.2f s", s.seconds);
    return line + buf;
}

IndexStats run_index(const IndexOptions& options, std::ostream& out, std::ostream& log) {
    auto start = std::chrono::steady_clock::now();
    IndexStats stats;
    std::unique_ptr<IndexWriter> writer;
    if (!options.dry_run) writer = std::make_unique<IndexWriter>(options.db, options.batch);

    ExtractOptions extract_options;
    extract_options.verbatim_text = options.verbatim_text;
    extract_options.language = options.language;
    // Loaded once; every document is tagged with the same immutable model.
    std::optional<EntityTagger> tagger;
    if (options.entities) {
        try {
            tagger = EntityTagger::load(EntityTagger::default_model_path());
            extract_options.tagger = &*tagger;
        } catch (const Error& e) {
            log << "news-index: named entities off: " << e.what() << '\n';
        }
    }
    extract_options.max_document_bytes = size_t{options.max_document_mb} << 20;
    extract_options.keep_empty_text = options.dry_run && options.json;
    FileInputOptions input_options;
    input_options.max_document_bytes = extract_options.max_document_bytes;

    SkipSink skip = [&](const std::string& where, const std::string& reason,
                        const std::string& message) {
        ++stats.skipped[reason];
        if (!options.quiet) log << "news-index: skipped " << where << ": " << message << '\n';
    };

    UrlMap urls;
    std::string url_map_file;  // the map itself is no document, when it lies among the inputs
    if (!options.url_map.empty()) {
        urls = load_url_map(options.url_map);
        url_map_file = url_map_key(options.url_map);
    }

    RecordSink handle = [&](RawRecord&& record) {
        std::string manifest_id;
        if (!urls.empty() && record.path != "-") {
            if (auto it = urls.find(url_map_key(record.path)); it != urls.end()) {
                if (record.url.empty()) record.url = it->second.url;
                manifest_id = it->second.id;
            }
        }
        try {
            Article article = extract_article(record, extract_options);
            if (writer) {
                if (writer->write(article) == IndexWriter::Outcome::Added)
                    ++stats.added;
                else
                    ++stats.replaced;
            } else if (article.text.empty()) {
                // Shown, so that what was found on the page can be checked, but not indexed.
                skip(record.path, "no-text", "no article text found");
                if (options.json) out << dry_run_record(article, "no-text", manifest_id) << '\n';
            } else {
                ++stats.extracted;
                if (options.json)
                    out << dry_run_record(article, {}, manifest_id) << '\n';
                else
                    out << article.path << '\t'
                        << (article.published ? article.published->iso() : "-") << '\t'
                        << article.title << '\n';
            }
        } catch (const InputError& e) {
            skip(record.path, e.reason(), e.what());
        } catch (const Xapian::Error&) {
            throw;  // the database itself failed: the run cannot go on
        } catch (const std::exception& e) {
            // Anything else thrown while handling one document stays with that document.
            skip(record.path, "error", e.what());
        }
    };

    for_each_input(
        options.inputs, input_options,
        [&](InputFile&& file) {
            if (!url_map_file.empty() && url_map_key(file.path) == url_map_file) return;
            stats.input_bytes += file.bytes.size();
            Format format = sniff_format(file.bytes, file.path);
            if (file.bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
                skip(file.path, "empty", "empty file");
                return;
            }
            const Reader* reader = reader_for(format);
            if (!reader) {
                skip(file.path, format == Format::Binary ? "binary" : "unknown-format",
                     format == Format::Binary ? "binary data, not a news document"
                                              : "not a format news-index reads");
                return;
            }
            reader->read(std::move(file), handle, skip);
        },
        skip);

    if (writer) writer->commit();
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return stats;
}

}  // namespace news

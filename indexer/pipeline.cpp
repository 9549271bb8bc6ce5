#include "pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_set>
#include <ostream>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "extract/article_extractor.hpp"
#include "index_state.hpp"
#include "progress.hpp"
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
        line = "indexed " + std::to_string(s.added) + " new, " + std::to_string(s.changed) +
               " changed, " + std::to_string(s.unchanged) + " unchanged";
        if (s.duplicates > 0)
            line += ", " + std::to_string(s.duplicates) + " duplicates of earlier documents";
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

namespace {

// Thrown through for_each_input and the readers (from the sinks they call) to stop reading
// when a signal asks the run to end or the writer failed. No std::exception, so that nothing
// on the way mistakes it for a document's failure.
struct StopReading {};

// One unit of work for the extraction threads, numbered in input order: a record to extract,
// or a skip the reader met (passed through, so that messages keep the input's order too).
struct WorkItem {
    uint64_t seq = 0;
    bool is_skip = false;
    RawRecord record;
    std::string where, reason, message;
    uint64_t disk_bytes = 0;  // input read on disk since the item before (for progress)
};

// What the writer thread does with one work item, in sequence order.
struct Result {
    uint64_t seq = 0;
    uint64_t disk_bytes = 0;
    bool skipped = false;
    std::string where, reason, message;
    bool extracted = false;  // dry run: counts as extracted
    std::string printed;     // dry run: the record's output line
    std::optional<Article> article;  // to index
    std::optional<PreparedDocument> prepared;  // its document, unique id and content hash
};

// The queue from the reader to the extraction threads, bounded by items and by bytes (a
// single item larger than the byte bound still passes when the queue is empty), so that
// memory stays flat however large the dump: the reader waits while it is full.
class WorkQueue {
  public:
    WorkQueue(size_t max_items, size_t max_bytes) : m_max_items(max_items), m_max_bytes(max_bytes) {}

    // False when the run is being aborted.
    bool push(WorkItem&& item, size_t bytes) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] {
            return m_aborted || m_items.empty() ||
                   (m_items.size() < m_max_items && m_bytes + bytes <= m_max_bytes);
        });
        if (m_aborted) return false;
        m_bytes += bytes;
        m_items.emplace_back(std::move(item), bytes);
        m_not_empty.notify_one();
        return true;
    }

    // Nothing when the queue is closed and empty, or aborted.
    std::optional<WorkItem> pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return m_aborted || m_closed || !m_items.empty(); });
        if (m_aborted || m_items.empty()) return std::nullopt;
        auto [item, bytes] = std::move(m_items.front());
        m_items.pop_front();
        m_bytes -= bytes;
        m_not_full.notify_one();
        return std::move(item);
    }

    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_not_empty.notify_all();
    }

    void abort() {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_not_empty.notify_all();
        m_not_full.notify_all();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_not_full, m_not_empty;
    std::deque<std::pair<WorkItem, size_t>> m_items;
    size_t m_max_items, m_max_bytes;
    size_t m_bytes = 0;
    bool m_closed = false, m_aborted = false;
};

// Puts the extraction threads' results back into input order for the writer thread. A result
// more than `window` ahead of the next one due waits, so that one slow document bounds how
// much the others pile up; the next one due is always taken, so this never deadlocks.
class ReorderBuffer {
  public:
    ReorderBuffer(size_t window, size_t producers) : m_window(window), m_producers(producers) {}

    bool put(Result&& r) {
        std::unique_lock lock(m_mutex);
        m_room.wait(lock, [&] { return m_aborted || r.seq < m_next + m_window; });
        if (m_aborted) return false;
        uint64_t seq = r.seq;
        m_ready.emplace(seq, std::move(r));
        if (seq == m_next) m_due.notify_one();
        return true;
    }

    void producer_done() {
        std::lock_guard lock(m_mutex);
        --m_producers;
        m_due.notify_one();
    }

    // The next result in order; nothing once every producer is done and all are taken.
    std::optional<Result> take() {
        std::unique_lock lock(m_mutex);
        m_due.wait(lock, [&] {
            return m_aborted || m_producers == 0 || m_ready.count(m_next) > 0;
        });
        auto it = m_ready.find(m_next);
        if (m_aborted || it == m_ready.end()) return std::nullopt;
        Result r = std::move(it->second);
        m_ready.erase(it);
        ++m_next;
        m_room.notify_all();
        return r;
    }

    void abort() {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_room.notify_all();
        m_due.notify_all();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_room, m_due;
    std::map<uint64_t, Result> m_ready;
    uint64_t m_next = 0;
    size_t m_window, m_producers;
    bool m_aborted = false;
};

// The inputs' total size on disk, as for_each_input walks them; 0 when unknown (standard input).
uint64_t total_input_size(const std::vector<std::string>& inputs) {
    for (const std::string& input : inputs)
        if (input == "-") return 0;
    return input_total_bytes(inputs);
}

}  // namespace

IndexStats run_index(const IndexOptions& options, std::ostream& out, std::ostream& log,
                     const std::atomic<int>* stop) {
    auto start = std::chrono::steady_clock::now();
    IndexStats stats;
    auto stopped = [stop] { return stop && stop->load(std::memory_order_relaxed) != 0; };

    std::ofstream skip_log;
    if (!options.log_file.empty()) {
        skip_log.open(options.log_file, std::ios::binary | std::ios::trunc);
        if (!skip_log) throw UsageError("--log: cannot write " + options.log_file);
    }

    // The writer commits when the pipeline says (every options.batch documents it writes), so
    // that each batch holds its documents, their content hashes and their alias counts.
    std::unique_ptr<IndexWriter> writer;
    if (!options.dry_run)
        writer = std::make_unique<IndexWriter>(options.db, std::numeric_limits<unsigned>::max());

    ExtractOptions extract_options;
    extract_options.verbatim_text = options.verbatim_text;
    extract_options.language = options.language;
    // Loaded once; every extraction thread tags with the same immutable model.
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

    UrlMap urls;
    std::string url_map_file;  // the map itself is no document, when it lies among the inputs
    if (!options.url_map.empty()) {
        urls = load_url_map(options.url_map);
        url_map_file = url_map_key(options.url_map);
    }

    const bool show_progress = options.progress && !options.quiet;
    const unsigned jobs =
        options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    WorkQueue queue(4 * size_t{jobs} + 8, size_t{64} << 20);
    ReorderBuffer results(8 * size_t{jobs} + 16, jobs);
    // The reader's counts. The bytes read on disk ride on the work items, so that progress
    // counts what was processed, not what waits in the queues.
    std::atomic<uint64_t> bytes_total{0}, input_bytes{0};
    uint64_t unattributed_bytes = 0;  // reader thread only
    std::exception_ptr reader_error;

    // The reader thread: inputs in order, sniffed and split into records by their readers.
    std::thread reader([&] {
        uint64_t seq = 0;
        try {
            if (show_progress) bytes_total = total_input_size(options.inputs);
            SkipSink skip = [&](const std::string& where, const std::string& reason,
                                const std::string& message) {
                WorkItem item;
                item.seq = seq++;
                item.is_skip = true;
                item.where = where;
                item.reason = reason;
                item.message = message;
                item.disk_bytes = std::exchange(unattributed_bytes, 0);
                if (!queue.push(std::move(item), message.size())) throw StopReading{};
            };
            RecordSink emit = [&](RawRecord&& record) {
                if (stopped()) throw StopReading{};
                size_t bytes = record.bytes.size();
                WorkItem item;
                item.seq = seq++;
                item.record = std::move(record);
                item.disk_bytes = std::exchange(unattributed_bytes, 0);
                if (!queue.push(std::move(item), bytes)) throw StopReading{};
            };
            std::string last_path;
            uint64_t last_consumed = 0;
            for_each_input(
                options.inputs, input_options,
                [&](InputFile&& file) {
                    if (stopped()) throw StopReading{};
                    if (!url_map_file.empty() && url_map_key(file.path) == url_map_file) return;
                    input_bytes += file.bytes.size();
                    if (show_progress) {
                        // How far the read of the file on disk has got, as the total counts
                        // it: an archive's members or a WARC's records each add what the
                        // streaming read consumed since the one before.
                        std::string_view outer = std::string_view(file.path).substr(
                            0, std::string_view(file.path).find_first_of("!#"));
                        if (outer != last_path || file.consumed_bytes < last_consumed) {
                            last_path = std::string(outer);
                            last_consumed = 0;
                        }
                        unattributed_bytes += file.consumed_bytes - last_consumed;
                        last_consumed = file.consumed_bytes;
                    }
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
                    reader->read(std::move(file), emit, skip);
                },
                skip);
        } catch (const StopReading&) {
            // A signal or a failed writer: what was read is finished, nothing more is read.
        } catch (...) {
            reader_error = std::current_exception();
        }
        queue.close();
    });

    // The extraction threads: records to articles (or to the dry run's output lines).
    auto process = [&](WorkItem&& item, TermGenerators& termgens) {
        Result r;
        r.seq = item.seq;
        r.disk_bytes = item.disk_bytes;
        auto skip = [&r](std::string where, std::string reason, std::string message) {
            r.skipped = true;
            r.where = std::move(where);
            r.reason = std::move(reason);
            r.message = std::move(message);
        };
        if (item.is_skip) {
            skip(std::move(item.where), std::move(item.reason), std::move(item.message));
            return r;
        }
        RawRecord& record = item.record;
        std::string manifest_id;
        if (!urls.empty() && record.path != "-") {
            if (auto it = urls.find(url_map_key(record.path)); it != urls.end()) {
                if (record.url.empty()) record.url = it->second.url;
                manifest_id = it->second.id;
            }
        }
        try {
            Article article = extract_article(record, extract_options);
            if (!options.dry_run) {
                // Everything that needs no database is done here, not in the writer thread.
                r.prepared = prepare_document(article, termgens);
                r.article = std::move(article);
            } else if (article.text.empty()) {
                // Shown, so that what was found on the page can be checked, but not indexed.
                skip(record.path, "no-text", "no article text found");
                if (options.json) r.printed = dry_run_record(article, "no-text", manifest_id) + '\n';
            } else {
                r.extracted = true;
                if (options.json)
                    r.printed = dry_run_record(article, {}, manifest_id) + '\n';
                else
                    r.printed = article.path + '\t' +
                                (article.published ? article.published->iso() : "-") + '\t' +
                                article.title + '\n';
            }
        } catch (const InputError& e) {
            skip(record.path, e.reason(), e.what());
        } catch (const std::exception& e) {
            // Anything else thrown while handling one document stays with that document.
            skip(record.path, "error", e.what());
        }
        return r;
    };
    std::vector<std::thread> workers;
    workers.reserve(jobs);
    for (unsigned i = 0; i < jobs; ++i) {
        workers.emplace_back([&] {
            TermGenerators termgens;  // this thread's, one per language
            while (std::optional<WorkItem> item = queue.pop()) {
                Result r;
                try {
                    r = process(std::move(*item), termgens);
                } catch (...) {  // out of memory, say: the document is skipped, not the run
                    r = Result{};
                    r.seq = item->seq;
                    r.disk_bytes = item->disk_bytes;
                    r.skipped = true;
                    r.where = item->record.path;
                    r.reason = "error";
                    r.message = "could not be processed";
                }
                if (!results.put(std::move(r))) break;
            }
            results.producer_done();
        });
    }
    auto join_all = [&] {
        reader.join();
        for (std::thread& t : workers)
            t.join();
    };

    // This thread writes: results in input order, to the database or the dry run's output.
    ProgressDisplay progress(log, show_progress);
    uint64_t bytes_done = 0;
    auto counters = [&] {
        ProgressCounters c;
        c.documents = stats.added + stats.changed + stats.unchanged + stats.extracted;
        c.skipped = stats.total_skipped();
        c.bytes_done = bytes_done;
        c.bytes_total = bytes_total.load(std::memory_order_relaxed);
        return c;
    };
    auto record_skip = [&](const std::string& where, const std::string& reason,
                           const std::string& message) {
        ++stats.skipped[reason];
        if (!options.quiet) {
            progress.clear();
            log << "news-index: skipped " << where << ": " << message << '\n';
        }
        if (skip_log.is_open()) skip_log << where << '\t' << reason << '\t' << message << '\n';
    };
    size_t pending = 0;
    // The unique ids written (or found unchanged) in this run, hashed to 8 bytes each.
    std::unordered_set<uint64_t> seen_ids;
    try {
        while (std::optional<Result> r = results.take()) {
            bytes_done += r->disk_bytes;
            if (r->skipped) record_skip(r->where, r->reason, r->message);
            if (r->extracted) ++stats.extracted;
            if (!r->printed.empty()) out << r->printed;
            if (r->article && !seen_ids.insert(schema::hash64(r->prepared->uid)).second) {
                ++stats.duplicates;
            } else if (r->article) {
                Xapian::WritableDatabase& db = writer->database();
                PreparedDocument& p = *r->prepared;
                Xapian::docid self = 0;
                DocumentState state = document_state(db, p.uid, p.hash, self);
                if (state == DocumentState::Unchanged) {
                    ++stats.unchanged;
                } else {
                    // The document carries its content hash already (prepare_document).
                    try {
                        writer->write(p, self, *r->article, true);
                    } catch (const Xapian::Error&) {
                        throw;  // the database itself failed: the run cannot go on
                    } catch (const std::exception& e) {
                        record_skip(r->article->path, "error", e.what());
                        continue;
                    }
                    ++(state == DocumentState::New ? stats.added : stats.changed);
                    if (++pending >= options.batch) {
                        writer->commit();
                        pending = 0;
                    }
                }
            }
            progress.update(counters());
        }
        if (writer) writer->commit();
    } catch (...) {
        queue.abort();
        results.abort();
        join_all();
        progress.clear();
        throw;
    }
    join_all();
    progress.clear();
    // A run that wrote much of the database leaves it compacted (see IndexWriter): half the
    // size on disk. Not after an interruption: the user asked to stop.
    if (writer && !(stop && stop->load()) && options.compact != IndexOptions::Compact::Never) {
        const size_t written = stats.added + stats.changed;
        const size_t total = writer->document_count();
        if (options.compact == IndexOptions::Compact::Always ||
            (written > 0 && 4 * written >= total)) {
            try {
                writer->compact_in_place(options.db);
                stats.compacted = true;
            } catch (const Error& e) {
                stats.compact_error = e.what();
            }
        }
    }
    if (skip_log.is_open()) skip_log.flush();
    out.flush();
    if (reader_error) std::rethrow_exception(reader_error);
    if (stop) stats.interrupted = stop->load();
    stats.input_bytes = input_bytes.load();
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return stats;
}

}  // namespace news

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>
#include <xapian.h>

#include "index_state.hpp"
#include "pipeline.hpp"
#include "progress.hpp"
#include "schema.hpp"

namespace fs = std::filesystem;

namespace {

// A fresh folder under the temporary directory, removed at the end of the test.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name) {
        path = fs::temp_directory_path() /
               ("news-test-pipeline-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void write_file(const fs::path& p, const std::string& content) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

const char* const kPeople[] = {"Anna Schmidt", "Jonas Weber", "Maria Lopez", "Peter Novak"};
const char* const kPlaces[] = {"Hamburg", "Madrid", "Prague", "Lisbon"};

std::string story_text(int i) {
    std::string person = kPeople[i % 4], place = kPlaces[(i / 4) % 4];
    return "Harbour tunnel plan number " + std::to_string(i) + " approved\n\nMarch " +
           std::to_string(1 + i % 28) +
           ", 2024\n\n" + person + ", the mayor of " + place +
           ", said on Tuesday that the new harbour tunnel would open to traffic next spring "
           "after years of delays and rising costs. The council voted " +
           std::to_string(20 + i) +
           " to 11 in favour of the final budget, which includes a new cycle lane.\n\n" +
           "Residents had complained about the noise of the building site for months, and the "
           "city promised quieter work at night. " + person +
           " thanked the engineers and said the project showed what the city could do when "
           "its departments worked together.\n";
}

std::string story_html(int i, const std::string& extra = {}) {
    return "<!doctype html><html lang=\"en\"><head><title>Bridge repair " + std::to_string(i) +
           " finished</title><link rel=\"canonical\" href=\"https://example.com/news/bridge-" +
           std::to_string(i) + "\"></head><body><article><h1>Bridge repair " + std::to_string(i) +
           " finished</h1><p>" + kPeople[(i + 1) % 4] +
           " opened the repaired bridge in " + kPlaces[(i + 2) % 4] +
           " on Monday, two weeks earlier than planned, and thanked the workers who had kept "
           "the traffic moving during the repairs.</p><p>The bridge carries " +
           std::to_string(1000 + i) +
           " cars a day and had been closed to lorries since a crack was found in one of its "
           "piers last winter, the transport office said in a statement.</p>" + extra + "</article>"
           "</body></html>";
}

// A folder of `n` documents (text scrapes and HTML pages) plus an empty file and a binary
// one, so that skips interleave with records.
void make_corpus(const fs::path& dir, int n) {
    for (int i = 0; i < n; ++i) {
        char name[32];
        if (i % 3 == 0) {
            std::snprintf(name, sizeof name, "p%03d.html", i);
            write_file(dir / name, story_html(i));
        } else {
            std::snprintf(name, sizeof name, "t%03d.txt", i);
            write_file(dir / name, story_text(i));
        }
    }
    write_file(dir / "m-empty.txt", "  \n");
    write_file(dir / "m-binary.bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0", 12) +
                                          std::string(200, '\0'));
}

news::IndexOptions options_for(const fs::path& input, unsigned jobs) {
    news::IndexOptions o;
    o.inputs = {input.string()};
    o.jobs = jobs;
    return o;
}

std::map<std::string, std::string> alias_metadata(const std::string& db_path) {
    Xapian::Database db(db_path);
    std::map<std::string, std::string> out;
    std::string prefix(news::schema::kMetaAliasPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        out[*it] = db.get_metadata(*it);
    return out;
}

}  // namespace

TEST_CASE("pipeline: dry-run output keeps the input order whatever the number of jobs") {
    TempDir tmp("order");
    make_corpus(tmp.path / "in", 40);
    for (bool json : {true, false}) {
        CAPTURE(json);
        news::IndexOptions o = options_for(tmp.path / "in", 1);
        o.dry_run = true;
        o.json = json;
        std::ostringstream out1, log1, out4, log4;
        news::IndexStats s1 = news::run_index(o, out1, log1);
        o.jobs = 4;
        news::IndexStats s4 = news::run_index(o, out4, log4);
        CHECK(s1.extracted == 40);
        CHECK(s4.extracted == 40);
        CHECK(s1.total_skipped() == 2);
        CHECK(out1.str() == out4.str());
        CHECK(log1.str() == log4.str());
        // Sorted paths: the records come in the folder's order.
        std::string text = out1.str();
        size_t first = text.find("p000.html"), later = text.find("t038.txt");
        CHECK(first != std::string::npos);
        CHECK(later != std::string::npos);
        CHECK(first < later);
    }
}

TEST_CASE("pipeline: a second run finds every document unchanged, a third one the changed") {
    TempDir tmp("unchanged");
    make_corpus(tmp.path / "in", 30);
    news::IndexOptions o = options_for(tmp.path / "in", 2);
    o.db = (tmp.path / "db").string();
    o.batch = 7;
    o.quiet = true;
    std::ostringstream out, log;
    news::IndexStats first = news::run_index(o, out, log);
    CHECK(first.added == 30);
    CHECK(first.changed == 0);
    CHECK(first.unchanged == 0);
    CHECK(first.total_skipped() == 2);
    auto aliases = alias_metadata(o.db);
    CHECK(!aliases.empty());

    news::IndexStats second = news::run_index(o, out, log);
    CHECK(second.added == 0);
    CHECK(second.changed == 0);
    CHECK(second.unchanged == 30);
    CHECK(news::summary_line(second, false).starts_with("indexed 0 new, 0 changed, 30 unchanged"));
    CHECK(alias_metadata(o.db) == aliases);

    // A page edited in place (its id is its canonical URL; a text without one is identified by
    // its content, so an edited text is a new document) and a new file.
    write_file(tmp.path / "in" / "p003.html",
               story_html(3, "<p>This article was corrected on Wednesday: the bridge carries "
                             "more lorries than the office first said, according to a later "
                             "count by the transport office.</p>"));
    write_file(tmp.path / "in" / "x-new.txt", story_text(99));
    news::IndexStats third = news::run_index(o, out, log);
    CHECK(third.added == 1);
    CHECK(third.changed == 1);
    CHECK(third.unchanged == 29);
    Xapian::Database db(o.db);
    CHECK(db.get_doccount() == 31);
}

namespace {

// Every document's id term and its docid, and every metadata entry: what compaction keeps.
std::map<std::string, std::string> contents(const std::string& db_path) {
    Xapian::Database db(db_path);
    std::map<std::string, std::string> out;
    for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it)
        out[*it] = std::to_string(*db.postlist_begin(*it));
    for (auto it = db.metadata_keys_begin(); it != db.metadata_keys_end(); ++it)
        out["meta:" + *it] = db.get_metadata(*it);
    return out;
}

}  // namespace

TEST_CASE("pipeline: a run that wrote much of the database leaves it compacted, as it was") {
    TempDir tmp("compact");
    make_corpus(tmp.path / "in", 30);
    news::IndexOptions o = options_for(tmp.path / "in", 2);
    o.db = (tmp.path / "db").string();
    o.quiet = true;
    std::ostringstream out, log;
    o.compact = news::IndexOptions::Compact::Never;
    news::IndexStats plain = news::run_index(o, out, log);
    CHECK_FALSE(plain.compacted);
    const auto before = contents(o.db);
    CHECK(before.size() > 30);
    // A run killed while compacting leaves its half-made copy beside the database.
    fs::create_directories(tmp.path / "db.compacting");
    write_file(tmp.path / "db.compacting" / "junk", "x");
    o.compact = news::IndexOptions::Compact::Always;
    news::IndexStats again = news::run_index(o, out, log);
    CHECK(again.compacted);
    CHECK(again.compact_error.empty());
    CHECK_FALSE(fs::exists(tmp.path / "db.compacting"));
    CHECK(contents(o.db) == before);  // ids, docids, aliases and schema version kept

    // By default: compacted when the run wrote a quarter or more of the documents.
    o.compact = news::IndexOptions::Compact::Auto;
    news::IndexStats unchanged = news::run_index(o, out, log);
    CHECK(unchanged.unchanged == 30);
    CHECK_FALSE(unchanged.compacted);
    TempDir fresh("compact-auto");
    o.db = (fresh.path / "db").string();
    news::IndexStats first = news::run_index(o, out, log);
    CHECK(first.added == 30);
    CHECK(first.compacted);
    // Through a symbolic link: compacted where the link points, the link kept.
    fs::create_symlink(fresh.path / "db", fresh.path / "link");
    o.db = (fresh.path / "link").string();
    o.compact = news::IndexOptions::Compact::Always;
    CHECK(news::run_index(o, out, log).compacted);
    CHECK(fs::is_symlink(fresh.path / "link"));
    CHECK(Xapian::Database(o.db).get_doccount() == 30);
    // A folder holding more than the database is never exchanged and removed.
    write_file(fresh.path / "db" / "NOTES.txt", "my notes");
    news::IndexStats kept = news::run_index(o, out, log);
    CHECK_FALSE(kept.compacted);
    CHECK(kept.compact_error.find("NOTES.txt") != std::string::npos);
    CHECK(fs::exists(fresh.path / "db" / "NOTES.txt"));
    CHECK(Xapian::Database(o.db).get_doccount() == 30);
    fs::remove(fresh.path / "db" / "NOTES.txt");
    // The compacted database takes more documents as any other does.
    write_file(tmp.path / "in" / "x-new.txt", story_text(99));
    o.compact = news::IndexOptions::Compact::Never;
    news::IndexStats more = news::run_index(o, out, log);
    CHECK(more.added == 1);
    CHECK(Xapian::Database(o.db).get_doccount() == 31);
}

TEST_CASE("pipeline: resuming after a partial run gives the same documents and alias counts") {
    TempDir tmp("resume");
    make_corpus(tmp.path / "in", 24);
    // The state a kill -9 leaves: some whole batches committed. Here: the first files indexed.
    std::vector<std::string> first_files;
    for (const auto& entry : fs::directory_iterator(tmp.path / "in"))
        first_files.push_back(entry.path().string());
    std::sort(first_files.begin(), first_files.end());
    first_files.resize(first_files.size() / 2);

    news::IndexOptions whole = options_for(tmp.path / "in", 3);
    whole.db = (tmp.path / "db-whole").string();
    whole.quiet = true;
    whole.batch = 5;
    std::ostringstream out, log;
    news::IndexStats w = news::run_index(whole, out, log);

    news::IndexOptions part = whole;
    part.db = (tmp.path / "db-resumed").string();
    part.inputs = first_files;
    news::IndexStats p = news::run_index(part, out, log);
    CHECK(p.added > 0);
    CHECK(p.added < w.added);
    news::IndexOptions resumed = whole;
    resumed.db = part.db;
    news::IndexStats r = news::run_index(resumed, out, log);
    CHECK(r.unchanged == p.added);
    CHECK(r.added + p.added == w.added);
    CHECK(Xapian::Database(resumed.db).get_doccount() == Xapian::Database(whole.db).get_doccount());
    CHECK(alias_metadata(resumed.db) == alias_metadata(whole.db));
}

TEST_CASE("pipeline: a stop signal ends the run with what was done, committed") {
    TempDir tmp("stop");
    make_corpus(tmp.path / "in", 10);
    news::IndexOptions o = options_for(tmp.path / "in", 2);
    o.db = (tmp.path / "db").string();
    o.quiet = true;
    std::atomic<int> stop{SIGTERM};
    std::ostringstream out, log;
    news::IndexStats s = news::run_index(o, out, log, &stop);
    CHECK(s.interrupted == SIGTERM);
    CHECK(s.added == 0);
    CHECK(Xapian::Database(o.db).get_doccount() == 0);
    stop = 0;
    news::IndexStats again = news::run_index(o, out, log, &stop);
    CHECK(again.interrupted == 0);
    CHECK(again.added == 10);
}

TEST_CASE("pipeline: --log lists every skipped input with its reason") {
    TempDir tmp("log");
    make_corpus(tmp.path / "in", 3);
    news::IndexOptions o = options_for(tmp.path / "in", 2);
    o.dry_run = true;
    o.quiet = true;
    o.log_file = (tmp.path / "skips.log").string();
    std::ostringstream out, log;
    news::run_index(o, out, log);
    CHECK(log.str().empty());  // quiet
    std::ifstream in(o.log_file);
    std::stringstream text;
    text << in.rdbuf();
    std::string lines = text.str();
    CHECK(lines.find("m-binary.bin\tbinary\t") != std::string::npos);
    CHECK(lines.find("m-empty.txt\tempty\t") != std::string::npos);
    CHECK(std::count(lines.begin(), lines.end(), '\n') == 2);
}

TEST_CASE("content hash and document state") {
    news::Article a;
    a.title = "Tunnel opens";
    a.text = "The harbour tunnel opened on Tuesday.";
    a.language = "en";
    a.url = "https://example.com/tunnel";
    std::string h = news::content_hash(a);
    CHECK(h == news::content_hash(a));
    news::Article b = a;
    b.text += " More.";
    CHECK(news::content_hash(b) != h);
    b = a;
    b.acronyms["ttc"] = "tunnel traffic council";
    CHECK(news::content_hash(b) != h);

    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::string uid = news::schema::unique_id_term(a);
    CHECK(news::document_state(db, uid, h) == news::DocumentState::New);
    Xapian::Document doc;
    doc.add_boolean_term(uid);
    db.replace_document(uid, doc);
    CHECK(news::document_state(db, uid, h) == news::DocumentState::Changed);
    news::store_content_hash(db, uid, h);
    CHECK(news::document_state(db, uid, h) == news::DocumentState::Unchanged);
    CHECK(news::document_state(db, uid, news::content_hash(b)) == news::DocumentState::Changed);
    CHECK(db.get_doccount() == 1);
}

TEST_CASE("pipeline: copies with one id in a dump keep the first, run after run") {
    TempDir tmp("duplicates");
    // Two texts without a URL are identified by their content: the same text twice is one
    // document; a third file differs.
    write_file(tmp.path / "in" / "a.txt", story_text(1));
    write_file(tmp.path / "in" / "b.txt", story_text(1));
    write_file(tmp.path / "in" / "c.txt", story_text(2));
    news::IndexOptions o = options_for(tmp.path / "in", 2);
    o.db = (tmp.path / "db").string();
    o.quiet = true;
    std::ostringstream out, log;
    news::IndexStats first = news::run_index(o, out, log);
    CHECK(first.added == 2);
    CHECK(first.duplicates == 1);
    CHECK(news::summary_line(first, false)
              .starts_with("indexed 2 new, 0 changed, 0 unchanged, 1 duplicates of earlier"));
    news::IndexStats second = news::run_index(o, out, log);
    CHECK(second.added == 0);
    CHECK(second.changed == 0);
    CHECK(second.unchanged == 2);
    CHECK(second.duplicates == 1);
    CHECK(Xapian::Database(o.db).get_doccount() == 2);
}

TEST_CASE("summary line counts new, changed and unchanged documents and skips by reason") {
    news::IndexStats s;
    s.added = 38;
    s.changed = 3;
    s.unchanged = 2;
    s.skipped["empty"] = 1;
    s.skipped["binary"] = 1;
    s.seconds = 0.42;
    CHECK(news::summary_line(s, false) ==
          "indexed 38 new, 3 changed, 2 unchanged, skipped 2 (binary: 1, empty: 1) in 0.42 s");
    news::IndexStats d;
    d.extracted = 41;
    d.seconds = 1.5;
    CHECK(news::summary_line(d, true) == "extracted 41, skipped 0 in 1.50 s");
    news::IndexStats none;
    CHECK(news::summary_line(none, false) == "indexed 0 new, 0 changed, 0 unchanged, skipped 0 in 0.00 s");
}

TEST_CASE("progress line") {
    news::ProgressCounters c;
    c.documents = 1200;
    c.skipped = 3;
    c.bytes_done = 12'400'000;
    c.bytes_total = 50'000'000;
    CHECK(news::progress_line(c, 10.0) ==
          "1200 docs, 120.0 docs/s | 12.4/50.0 MB, 1.2 MB/s, 24% | ETA 0:30 | skipped 3");
    c.bytes_total = 0;
    CHECK(news::progress_line(c, 10.0) ==
          "1200 docs, 120.0 docs/s | 12.4 MB, 1.2 MB/s | skipped 3");
    news::ProgressCounters zero;
    CHECK(news::progress_line(zero, 0.0) == "0 docs | 0.0 MB | skipped 0");
    zero.bytes_total = 1'000'000;
    CHECK(news::progress_line(zero, 0.0) == "0 docs | 0.0/1.0 MB, 0% | skipped 0");
    CHECK(news::format_duration(42) == "0:42");
    CHECK(news::format_duration(725) == "12:05");
    CHECK(news::format_duration(3723) == "1:02:03");
    CHECK(news::format_duration(-1) == "0:00");

    std::ostringstream out;
    news::ProgressDisplay off(out, false);
    off.update(c, true);
    CHECK(out.str().empty());
    news::ProgressDisplay on(out, true, std::chrono::milliseconds(0));
    on.update(c, true);
    CHECK(out.str().starts_with("\r1200 docs"));
    on.clear();
    CHECK(out.str().ends_with("\r"));
}

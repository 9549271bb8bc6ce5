#include "writer.hpp"

#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "error.hpp"
#include "index_state.hpp"
#include "names.hpp"
#include "schema.hpp"
#include "stemmer.hpp"

namespace news {

namespace {

// Gap between title and body positions, so a phrase never matches across the two.
constexpr Xapian::termpos kFieldGap = 100;

// Postings read per lookup term: a band or anchor term that thousands of articles share (a
// stock phrase among the smallest hashes) must not make one write slow.
constexpr unsigned kMaxPostingsPerTerm = 300;

dedup::Fingerprint stored_fingerprint(const Xapian::Document& doc) {
    dedup::Fingerprint fp;
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(std::string(schema::kExactText));
    if (it != doc.termlist_end() && (*it).starts_with(schema::kExactText)) {
        if (auto v = schema::decode_simhash((*it).substr(schema::kExactText.size()))) fp.exact = *v;
    }
    if (auto v = schema::decode_simhash(doc.get_value(schema::kSlotSimhash))) fp.simhash = *v;
    fp.sketch = dedup::decode_sketch(doc.get_value(schema::kSlotSketch));
    // Only long texts store a sketch; its presence stands for the word count.
    fp.words = fp.sketch.empty() ? 0 : dedup::kMinWords;
    return fp;
}

// The fingerprint as stored_fingerprint() reads it back from the document add_story() made.
dedup::Fingerprint as_stored(const dedup::Fingerprint& fp) {
    dedup::Fingerprint out;
    out.exact = fp.exact;
    if (fp.long_enough()) {
        out.simhash = fp.simhash;
        out.sketch = fp.sketch;
    }
    out.words = out.sketch.empty() ? 0 : dedup::kMinWords;
    return out;
}

// Entries the story cache keeps at most (about 350 bytes each); beyond, it starts again.
constexpr std::size_t kMaxStoryCache = 100000;

}  // namespace

const StoryCache::Entry* StoryCache::find(Xapian::docid id) const {
    auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : &it->second;
}

void StoryCache::put(Xapian::docid id, const dedup::Fingerprint& fp, const std::string& story) {
    if (m_entries.size() >= kMaxStoryCache && !m_entries.count(id)) m_entries.clear();
    Entry& e = m_entries[id];
    e.fp = as_stored(fp);
    e.story = story;
}

Xapian::Document build_document(const Article& a, const std::string& uid,
                                Xapian::TermGenerator& termgen) {
    return build_document(a, uid, termgen, schema::encode_document_data(a));
}

Xapian::Document build_document(const Article& a, const std::string& uid,
                                Xapian::TermGenerator& termgen, std::string data) {
    Xapian::Document doc;
    termgen.set_document(doc);
    if (!a.title.empty()) {
        termgen.index_text(a.title, schema::kTitleWeight);
        termgen.index_text(a.title, 1, std::string(schema::kTitle));
        termgen.increase_termpos(kFieldGap);
    }
    termgen.index_text(a.text);
    if (!a.author.empty())
        termgen.index_text_without_positions(a.author, 1, std::string(schema::kAuthor));

    doc.add_boolean_term(uid);
    if (!a.language.empty()) doc.add_boolean_term(schema::language_term(a.language));
    if (!a.format.empty()) doc.add_boolean_term(std::string(schema::kFormat) + a.format);
    if (!a.source.empty()) {
        doc.add_boolean_term(schema::source_term(a.source));
        doc.add_value(schema::kSlotSource, a.source);
    }
    if (std::string host = schema::host_of_url(a.url); !host.empty())
        doc.add_boolean_term(schema::host_term(host));
    if (a.published) {
        doc.add_value(schema::kSlotDate, a.published->compact());
        doc.add_value(schema::kSlotTimestamp, a.published->timestamp());
        doc.add_boolean_term(schema::date_terms_day(*a.published));
        doc.add_boolean_term(schema::date_terms_month(*a.published));
        doc.add_boolean_term(schema::date_terms_year(*a.published));
    }
    // Entities: a boolean term per entity for filters, and per kind a slot listing the keys for
    // the facet spies. Entities of one article whose names share a key count once.
    std::map<EntityType, std::set<std::string>> keys;
    for (const Entity& e : a.entities) {
        std::string key = names::entity_key(e.type, e.name);
        if (key.empty()) continue;
        doc.add_boolean_term(schema::entity_term(e.type, key));
        keys[e.type].insert(std::move(key));
    }
    for (const auto& [type, set] : keys) {
        std::string value;
        for (const std::string& key : set) {
            if (!value.empty()) value += '\n';
            value += key;
        }
        doc.add_value(schema::entity_slot(type), value);
    }
    doc.set_data(std::move(data));
    return doc;
}

void add_story(Xapian::Document& doc, const dedup::Fingerprint& fp, const std::string& story) {
    if (fp.exact != 0) doc.add_boolean_term(schema::exact_text_term(fp.exact));
    if (fp.long_enough()) {
        doc.add_value(schema::kSlotSimhash, schema::encode_simhash(fp.simhash));
        for (int b = 0; b < dedup::kBands; ++b)
            doc.add_boolean_term(schema::simhash_band_term(b, dedup::band(fp.simhash, b)));
        doc.add_value(schema::kSlotSketch, dedup::encode_sketch(fp.sketch));
        for (std::size_t i = 0; i < fp.sketch.size() && i < dedup::kAnchors; ++i)
            doc.add_boolean_term(schema::sketch_anchor_term(fp.sketch[i]));
    }
    if (!story.empty()) {
        doc.add_value(schema::kSlotStory, story);
        doc.add_boolean_term(schema::story_term(story));
    }
}

std::string find_story(const Xapian::Database& db, const dedup::Fingerprint& fp,
                       Xapian::docid self, const std::string& fresh_id, const StoryCache* cache) {
    auto story_of = [&](Xapian::docid id) {
        if (cache)
            if (const StoryCache::Entry* e = cache->find(id)) return e->story;
        return db.get_document(id).get_value(schema::kSlotStory);
    };
    auto fingerprint_of = [&](Xapian::docid id) {
        if (cache)
            if (const StoryCache::Entry* e = cache->find(id)) return e->fp;
        return stored_fingerprint(db.get_document(id));
    };
    // The article's earlier version: it stays where it was unless its text moved away.
    if (self != 0) {
        Xapian::Document old = db.get_document(self);
        std::string story = old.get_value(schema::kSlotStory);
        if (!story.empty() && dedup::same_story(fp, stored_fingerprint(old))) return story;
    }
    if (fp.words == 0) return fresh_id;
    std::vector<std::string> terms;
    if (fp.exact != 0) {
        // Same words: the same story, whatever the length; the oldest copy's cluster.
        const std::string term = schema::exact_text_term(fp.exact);
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            if (*it == self) continue;
            if (std::string story = story_of(*it); !story.empty()) return story;
        }
    }
    if (!fp.long_enough()) return fresh_id;
    for (int b = 0; b < dedup::kBands; ++b)
        terms.push_back(schema::simhash_band_term(b, dedup::band(fp.simhash, b)));
    for (std::size_t i = 0; i < fp.sketch.size() && i < dedup::kAnchors; ++i)
        terms.push_back(schema::sketch_anchor_term(fp.sketch[i]));
    std::set<Xapian::docid> seen;
    Xapian::docid best = 0;
    double best_score = -1;
    for (const std::string& term : terms) {
        unsigned read = 0;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            if (++read > kMaxPostingsPerTerm) break;
            Xapian::docid id = *it;
            if (id == self || !seen.insert(id).second) continue;
            dedup::Fingerprint other = fingerprint_of(id);
            if (!dedup::same_story(fp, other)) continue;
            // Nearest first: a simhash within the threshold, then the resemblance.
            double score = dedup::resemblance(fp.sketch, other.sketch);
            if (dedup::hamming(fp.simhash, other.simhash) <= dedup::kMaxDistance) score += 1;
            if (score > best_score || (score == best_score && id < best)) {
                best_score = score;
                best = id;
            }
        }
    }
    if (best != 0) {
        if (std::string story = story_of(best); !story.empty()) return story;
    }
    return fresh_id;
}

Xapian::TermGenerator& TermGenerators::for_language(const std::string& language) {
    auto it = m_by_language.find(language);
    if (it != m_by_language.end()) return it->second;
    Xapian::TermGenerator& termgen = m_by_language[language];
    Xapian::Stem stem;
    try {
        stem = stemmer_for_language(language);
    } catch (const UsageError&) {
        // A record's language that is no ISO code: its words are indexed as written.
    }
    termgen.set_stemmer(stem);
    // Chinese, Japanese and Korean runs have no spaces: index them as character n-grams, as
    // the query parser reads them, instead of one term per run.
    termgen.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    termgen.set_stemming_strategy(stem.is_none() ? Xapian::TermGenerator::STEM_NONE
                                                 : Xapian::TermGenerator::STEM_SOME);
    return termgen;
}

IndexWriter::IndexWriter(const std::string& path, unsigned batch_size)
    : m_db(path, Xapian::DB_CREATE_OR_OPEN), m_batch_size(batch_size ? batch_size : 1) {
    if (m_db.get_metadata(std::string(schema::kMetaSchemaVersion)).empty())
        m_db.set_metadata(std::string(schema::kMetaSchemaVersion),
                          std::string(schema::kSchemaVersion));
}

IndexWriter::~IndexWriter() {
    if (m_closed) return;
    try {
        commit();
    } catch (const Xapian::Error&) {
        // Destructors must not throw; the caller commits explicitly on the normal path.
    }
}

PreparedDocument prepare_document(const Article& article, TermGenerators& termgens) {
    PreparedDocument p;
    // Computed once: for an article without a URL it hashes the whole text.
    p.uid = schema::unique_id_term(article);
    std::string data = schema::encode_document_data(article);
    p.hash = content_hash(article, data);
    p.doc = build_document(article, p.uid, termgens.for_language(article.language),
                           std::move(data));
    p.doc.add_value(schema::kSlotContentHash, p.hash);
    p.fp = dedup::fingerprint(article.text);
    return p;
}

IndexWriter::Outcome IndexWriter::write(const Article& article) {
    PreparedDocument p = prepare_document(article, m_termgens);
    Xapian::docid self = 0;
    if (m_db.term_exists(p.uid))
        if (auto it = m_db.postlist_begin(p.uid); it != m_db.postlist_end(p.uid)) self = *it;
    write(p, self, article, true);
    return self != 0 ? Outcome::Replaced : Outcome::Added;
}

Xapian::docid IndexWriter::write(PreparedDocument& p, Xapian::docid self, const Article& article,
                                 bool count_aliases) {
    // The alias table counts each article once: the version replaced is uncounted first.
    if (count_aliases && self != 0) {
        Article old = schema::decode_document_data(m_db.get_document(self).get_data());
        if (!old.entities.empty()) m_aliases.remove(old.entities);
    }
    // Story dedup: join the cluster of a stored copy (this batch's included), else start one.
    std::string story = find_story(m_db, p.fp, self, schema::story_id_for(p.uid), &m_stories);
    add_story(p.doc, p.fp, story);
    Xapian::docid id;
    if (self != 0) {
        m_db.replace_document(self, p.doc);
        id = self;
    } else {
        id = m_db.add_document(p.doc);
    }
    m_stories.put(id, p.fp, story);
    if (count_aliases && !article.entities.empty())
        m_aliases.add(article.entities, article.acronyms);
    if (++m_pending >= m_batch_size) commit();
    return id;
}

void IndexWriter::commit() {
    if (!m_aliases.empty()) m_aliases.flush(m_db);
    m_db.commit();
    m_pending = 0;
}

void IndexWriter::compact_in_place(const std::string& path) {
    commit();
    namespace fs = std::filesystem;
    std::error_code ec;
    // Beside the real directory: a database reached through a symbolic link stays where the
    // link points, and the link stays a link.
    const fs::path dir = fs::canonical(path, ec);
    if (ec || !fs::is_directory(dir)) throw Error("cannot compact " + path + ": not a folder");
    // The old folder is removed once exchanged: anything in it besides the database's own
    // files (a note the user keeps there) would go with it, so such a folder is left alone.
    static constexpr std::string_view kOwnFiles[] = {
        "iamglass",      "flintlock",      "docdata.glass",  "termlist.glass",
        "postlist.glass", "position.glass", "spelling.glass", "synonym.glass"};
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (std::find(std::begin(kOwnFiles), std::end(kOwnFiles), name) == std::end(kOwnFiles))
            throw Error("cannot compact " + path + ": it holds " + name +
                        ", which is no part of the database");
    }
    if (ec) throw Error("cannot compact " + path + ": " + ec.message());
    const fs::path copy = fs::path(dir.string() + ".compacting");
    fs::remove_all(copy, ec);  // left by a run killed while compacting
    try {
        // Document ids stay as they are: users name documents by them (--copies DOCID).
        Xapian::Database(dir.string()).compact(copy.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    } catch (const Xapian::Error& e) {
        fs::remove_all(copy, ec);
        throw Error("cannot compact " + path + ": " + e.get_msg());
    }
    if (::renameat2(AT_FDCWD, dir.c_str(), AT_FDCWD, copy.c_str(), RENAME_EXCHANGE) != 0) {
        const int err = errno;
        fs::remove_all(copy, ec);
        throw Error("cannot put the compacted database in place of " + path + ": " +
                    std::strerror(err));
    }
    // `copy` now names the old database, which this writer still has open.
    m_db.close();
    m_closed = true;
    fs::remove_all(copy, ec);
}

}  // namespace news

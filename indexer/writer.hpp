// The write stage: turns an Article into a Xapian::Document (every term, value and data field
// through common/schema) and writes it, replacing any earlier version with the same unique id,
// committing in batches so that an interrupted run keeps whole batches and no half documents.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "alias_table.hpp"
#include "article.hpp"
#include "dedup/simhash.hpp"

namespace news {

class TermGenerators;

// Builds the document for an article. `termgen` carries the stemmer of the article's language
// (see TermGenerators).
// `uid` is the article's schema::unique_id_term.
Xapian::Document build_document(const Article& article, const std::string& uid,
                                Xapian::TermGenerator& termgen);
// The same with the article's schema::encode_document_data already made (`data`).
Xapian::Document build_document(const Article& article, const std::string& uid,
                                Xapian::TermGenerator& termgen, std::string data);

// Adds the story dedup terms and values of a text's fingerprint (simhash value and band terms,
// sketch value and anchor terms for texts of dedup::kMinWords words or more; the exact-text term
// always) and the story cluster: its id in kSlotStory and as a kStory term.
void add_story(Xapian::Document& doc, const dedup::Fingerprint& fp, const std::string& story);

// What find_story reads of a stored document (its fingerprint as stored, its story), kept by
// the writer for the documents it wrote in this run so that candidates need no
// get_document. Exact copies of the database's data: a miss reads the database.
class StoryCache {
  public:
    struct Entry {
        dedup::Fingerprint fp;  // as stored_fingerprint() reads it back
        std::string story;
    };
    const Entry* find(Xapian::docid id) const;
    void put(Xapian::docid id, const dedup::Fingerprint& fp, const std::string& story);

  private:
    std::unordered_map<Xapian::docid, Entry> m_entries;
};

// The story cluster a new article with this fingerprint joins: the story of the most alike
// stored article that is a copy of it (dedup::same_story), else a new one, `fresh_id`. The
// candidates are the documents sharing an exact-text, band or anchor term with it, looked up in
// `db` (a WritableDatabase sees its own uncommitted batch), their fingerprints and stories
// taken from `cache` when it has them. The article's own earlier version (`self`, 0 when new)
// keeps its cluster when it is still alike.
std::string find_story(const Xapian::Database& db, const dedup::Fingerprint& fp,
                       Xapian::docid self, const std::string& fresh_id,
                       const StoryCache* cache = nullptr);

// Everything about one article's document that needs no database, made by the extraction
// threads (prepare_document) so that the writer thread only looks up and writes.
struct PreparedDocument {
    std::string uid;        // schema::unique_id_term
    std::string hash;       // content_hash (index_state), also in kSlotContentHash of doc
    Xapian::Document doc;   // terms, values and data; the story is added by the writer
    dedup::Fingerprint fp;  // of the text
};

PreparedDocument prepare_document(const Article& article, TermGenerators& termgens);

// One TermGenerator per document language, each stemming with that language's libstemmer
// stemmer (STEM_SOME: unstemmed terms with positions, Z-prefixed stems), or not stemming where
// libstemmer has none. Made on first use and kept, because constructing a stemmer per document
// is measurable at archive scale.
class TermGenerators {
  public:
    Xapian::TermGenerator& for_language(const std::string& language);

  private:
    std::unordered_map<std::string, Xapian::TermGenerator> m_by_language;
};

class IndexWriter {
  public:
    enum class Outcome { Added, Replaced };

    // Opens (creating when missing) the database at `path`.
    IndexWriter(const std::string& path, unsigned batch_size);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    Outcome write(const Article& article);
    // Writes a prepared document: `self` is the docid of the document with its unique id term
    // (0 when there is none), `count_aliases` whether the alias table counts its entities
    // (then the entities of the version it replaces are uncounted).
    Xapian::docid write(PreparedDocument& prepared, Xapian::docid self, const Article& article,
                        bool count_aliases);
    void commit();
    // Commits, then rewrites the database at `path` (the one this writer opened) compacted:
    // every table full and in order, about half the size, document ids,
    // values and metadata as they were. The compacted copy is made beside it (PATH.compacting)
    // while this writer still holds the lock, then the two directories are exchanged in one
    // step, so a reader sees the old database or the new one, never none; the old one is
    // removed. The writer is closed afterwards. Throws news::Error when the copy or the
    // exchange fails; the database is then left as it was, complete.
    void compact_in_place(const std::string& path);
    Xapian::doccount document_count() const { return m_db.get_doccount(); }
    Xapian::WritableDatabase& database() { return m_db; }

  private:
    Xapian::WritableDatabase m_db;
    TermGenerators m_termgens;
    StoryCache m_stories;
    AliasTable m_aliases;  // counts of this batch, merged into the metadata at each commit
    unsigned m_batch_size;
    unsigned m_pending = 0;
    bool m_closed = false;  // after compact_in_place
};

}  // namespace news

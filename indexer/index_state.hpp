// What the database already holds of an article, for resumable and idempotent runs: each
// indexed document carries a hash of its content (value slot schema::kSlotContentHash), so a
// run over the same input again tells new, changed and unchanged documents apart and writes
// only the first two. Used by the pipeline's writer thread beside IndexWriter.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "article.hpp"

namespace news {

// A hash of everything indexing the article stores (its document data, entities, acronyms)
// and of the index layout's version: equal hashes mean an equal document.
std::string content_hash(const Article& article);
// The same with the article's schema::encode_document_data already made.
std::string content_hash(const Article& article, std::string_view document_data);

enum class DocumentState { New, Changed, Unchanged };

// The state of the document with unique id term `uid` in `db` against `hash`: New when no
// document has the term, Unchanged when its stored hash equals `hash`, else Changed (also
// when it was indexed before hashes were stored).
DocumentState document_state(const Xapian::Database& db, const std::string& uid,
                             const std::string& hash);
// The same, also giving the document's docid (0 when New).
DocumentState document_state(const Xapian::Database& db, const std::string& uid,
                             const std::string& hash, Xapian::docid& id);

// Stores `hash` in the content-hash slot of the document with unique id term `uid`, just
// written (uncommitted changes included). Does nothing when no document has the term.
void store_content_hash(Xapian::WritableDatabase& db, const std::string& uid,
                        const std::string& hash);

}  // namespace news

#include "index_state.hpp"

#include "schema.hpp"

namespace news {

namespace {

// Changes when what build_document() makes of the same article changes (terms, values), so
// that a new indexer re-indexes documents whose data alone would look unchanged.
constexpr std::string_view kIndexLayout = "layout-1";

Xapian::docid docid_of(const Xapian::Database& db, const std::string& uid) {
    Xapian::PostingIterator it = db.postlist_begin(uid);
    return it == db.postlist_end(uid) ? 0 : *it;
}

}  // namespace

std::string content_hash(const Article& a) {
    return content_hash(a, schema::encode_document_data(a));
}

std::string content_hash(const Article& a, std::string_view document_data) {
    std::string bytes;
    bytes.reserve(document_data.size() + 64);
    bytes += schema::kSchemaVersion;
    bytes += '\0';
    bytes += kIndexLayout;
    bytes += '\0';
    bytes += document_data;
    // The data keeps entities by name; their kinds and the acronyms decide terms as well.
    for (const auto& [acronym, name] : a.acronyms) {
        bytes += '\0';
        bytes += acronym;
        bytes += '=';
        bytes += name;
    }
    if (a.published) {
        bytes += '\0';
        bytes += a.published->iso();
    }
    return schema::hash_hex(bytes);
}

DocumentState document_state(const Xapian::Database& db, const std::string& uid,
                             const std::string& hash) {
    Xapian::docid id = 0;
    return document_state(db, uid, hash, id);
}

DocumentState document_state(const Xapian::Database& db, const std::string& uid,
                             const std::string& hash, Xapian::docid& id) {
    // term_exists reads the term's frequency (a pending batch included) without opening its
    // posting list, which on a WritableDatabase first writes the term's buffered postings out.
    id = db.term_exists(uid) ? docid_of(db, uid) : 0;
    if (id == 0) return DocumentState::New;
    return db.get_document(id).get_value(schema::kSlotContentHash) == hash
               ? DocumentState::Unchanged
               : DocumentState::Changed;
}

void store_content_hash(Xapian::WritableDatabase& db, const std::string& uid,
                        const std::string& hash) {
    Xapian::docid id = docid_of(db, uid);
    if (id == 0) return;
    Xapian::Document doc = db.get_document(id);
    doc.add_value(schema::kSlotContentHash, hash);
    db.replace_document(id, doc);
}

}  // namespace news

#include "writer.hpp"

#include <map>
#include <set>

#include "error.hpp"
#include "names.hpp"
#include "schema.hpp"
#include "stemmer.hpp"

namespace news {

namespace {

// Gap between title and body positions, so a phrase never matches across the two.
constexpr Xapian::termpos kFieldGap = 100;

}  // namespace

Xapian::Document build_document(const Article& a, const std::string& uid,
                                Xapian::TermGenerator& termgen) {
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
    doc.set_data(schema::encode_document_data(a));
    return doc;
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
    try {
        commit();
    } catch (const Xapian::Error&) {
        // Destructors must not throw; the caller commits explicitly on the normal path.
    }
}

IndexWriter::Outcome IndexWriter::write(const Article& article) {
    // Computed once: for an article without a URL it hashes the whole text.
    std::string uid = schema::unique_id_term(article);
    Xapian::Document doc = build_document(article, uid, m_termgens.for_language(article.language));
    Outcome outcome = m_db.term_exists(uid) ? Outcome::Replaced : Outcome::Added;
    m_db.replace_document(uid, doc);
    // The alias table counts articles: a document indexed again is not counted twice.
    if (outcome == Outcome::Added && !article.entities.empty())
        m_aliases.add(article.entities, article.acronyms);
    if (++m_pending >= m_batch_size) commit();
    return outcome;
}

void IndexWriter::commit() {
    if (!m_aliases.empty()) m_aliases.flush(m_db);
    m_db.commit();
    m_pending = 0;
}

}  // namespace news

#include "test_db.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>

#include <unistd.h>

#include "names.hpp"
#include "schema.hpp"
#include "stemmer.hpp"

namespace news::searcher::testing {

Date make_date(int year, int month, int day) {
    Date d;
    d.year = year;
    d.month = month;
    d.day = day;
    return d;
}

Article make_article(const std::string& title, const std::string& text, const std::string& date,
                     const std::string& url, const std::string& source) {
    Article a;
    a.title = title;
    a.text = text;
    a.url = url;
    a.source = source.empty() ? schema::host_of_url(url) : source;
    a.format = "text";
    if (!date.empty()) a.published = parse_date(date);
    if (url.empty()) a.path = "/archive/" + schema::hash_hex(title) + ".txt";
    return a;
}

Article with_entities(Article article,
                      const std::vector<std::pair<EntityType, std::string>>& names) {
    for (const auto& [type, name] : names) {
        Entity e;
        e.type = type;
        e.name = name;
        article.entities.push_back(std::move(e));
    }
    return article;
}

std::vector<std::string> entity_keys(const Article& article, EntityType type) {
    std::vector<std::string> keys;
    for (const Entity& e : article.entities) {
        if (e.type != type) continue;
        std::string key = names::entity_key(type, e.name);
        if (!key.empty()) keys.push_back(std::move(key));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

namespace {

std::string unique_dir() {
    static std::atomic<int> counter{0};
    auto dir = std::filesystem::temp_directory_path() /
               ("news-searcher-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    return dir.string();
}

}  // namespace

TempDatabase::TempDatabase() : m_path(unique_dir()), m_db(m_path, Xapian::DB_CREATE_OR_OVERWRITE) {
    m_db.set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
}

TempDatabase::~TempDatabase() {
    m_db.close();
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

Xapian::docid TempDatabase::add(const Article& a, const std::string& story) {
    Xapian::Document doc;
    Xapian::TermGenerator tg;
    tg.set_stemmer(make_stemmer("en"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.set_document(doc);
    tg.index_text(a.title, schema::kTitleWeight);
    tg.index_text(a.title, 1, std::string(schema::kTitle));
    tg.increase_termpos();
    tg.index_text(a.text);
    if (!a.author.empty())
        tg.index_text_without_positions(a.author, 1, std::string(schema::kAuthor));

    const std::string id = schema::unique_id_term(a);
    doc.add_boolean_term(id);
    if (std::string host = schema::host_of_url(a.url); !host.empty())
        doc.add_boolean_term(schema::host_term(host));
    if (!a.source.empty()) doc.add_boolean_term(schema::source_term(a.source));
    doc.add_boolean_term(schema::language_term(a.language));
    if (a.published) {
        doc.add_boolean_term(schema::date_terms_day(*a.published));
        doc.add_boolean_term(schema::date_terms_month(*a.published));
        doc.add_boolean_term(schema::date_terms_year(*a.published));
        doc.add_value(schema::kSlotDate, a.published->compact());
        doc.add_value(schema::kSlotTimestamp, a.published->timestamp());
    }
    if (!a.source.empty()) doc.add_value(schema::kSlotSource, a.source);
    for (EntityType type : {EntityType::Person, EntityType::Organization, EntityType::Place}) {
        std::string slot;
        for (const std::string& key : entity_keys(a, type)) {
            doc.add_boolean_term(schema::entity_term(type, key));
            if (!slot.empty()) slot += '\n';
            slot += key;
        }
        if (!slot.empty()) doc.add_value(schema::entity_slot(type), slot);
    }
    if (!a.entities.empty()) m_aliases.add(a.entities);
    if (!story.empty()) {
        doc.add_value(schema::kSlotStory, story);
        doc.add_boolean_term(schema::story_term(story));
    }
    doc.set_data(schema::encode_document_data(a));
    return m_db.replace_document(id, doc);
}

Xapian::Database TempDatabase::reader() {
    m_aliases.flush(m_db);
    m_db.commit();
    return Xapian::Database(m_path);
}

}  // namespace news::searcher::testing

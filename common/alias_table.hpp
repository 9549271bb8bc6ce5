// The archive's alias table: for every entity key the index holds, how many articles name it and
// under which written forms, grouped so that both the writer and the searcher find an entity's
// variants with one metadata lookup. It lives in the database's metadata (keys start with
// schema::kMetaAliasPrefix), so a database carries its own aliases and stays consistent with its
// documents.
//
// The writer counts each article's entities (AliasTable::add) and merges the counts into the
// database with each batch (AliasTable::flush). The searcher resolves what a user typed
// ("Blinken", "Anthony Blinken", "IDF") to the clusters it may mean (resolve_entity), and a
// stored key to its cluster (cluster_of_key) when it shows facets.
//
// Clusters are made when read, never stored: one canonical name per person (the most frequent
// full form), with the variants names::same_person joins; organisations also through acronyms
// an article defined ("Israel Defense Forces (IDF)").
//
// Storage (details in alias_table.cpp): persons in one metadata entry per surname
// ("alias:p:blinken"), organisations and places one per key ("alias:o:idf", "alias:g:gaza");
// each value is compact JSON {key: {"d": articles, "f": {written form: uses}, "a": {acronym:
// definitions}, "l": {long form key: definitions}}}. A person lookup is one get_metadata call;
// an organisation one, plus one per acronym or long form it is linked to.
//
// Person clusters of a surname: full names, most articles first, join the cluster whose head
// (most frequent key) same_person matches, else start one; initials ("j biden") go to the
// largest cluster they match; the bare surname ("biden") goes to the largest cluster only, so
// "Joe Biden" and "Hunter Biden" stay apart. EntityCluster::documents is the sum of the keys'
// article counts: an upper bound (an article counted under two keys of one cluster counts
// twice; within one article group_mentions merges such keys, so this is rare).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "entity.hpp"

namespace news {

// One entity as the archive knows it: the canonical name to show, every key that stands for it
// (the terms to OR together), and the number of articles that name it.
struct EntityCluster {
    EntityType type = EntityType::Person;
    std::string name;
    std::vector<std::string> keys;
    unsigned documents = 0;
};

class AliasTable {
  public:
    // Counts one article's entities: one document for each entity key, one use of each written
    // form (Entity::name), and for an organisation the acronym its article defined, when
    // `acronyms` maps the acronym key to the long form's key.
    void add(const std::vector<Entity>& entities,
             const std::map<std::string, std::string>& acronyms = {});
    // Uncounts an article counted before (the stored version of an article indexed again):
    // what add() counted for these entities is taken off, and a key no article names any more
    // leaves the table. (Acronym definitions are not stored with an article and stay.)
    void remove(const std::vector<Entity>& entities);

    // Adds the counts gathered since the last flush to the database's metadata and forgets them.
    // Called before each commit, so the table and the documents commit together.
    void flush(Xapian::WritableDatabase& db);

    bool empty() const;

  private:
    void count(const std::vector<Entity>& entities, int delta);

    // Pending changes of the counts (negative for articles uncounted) by metadata key, then
    // entity key, then written form.
    std::map<std::string, std::map<std::string, std::map<std::string, int>>> m_forms;
    std::map<std::string, std::map<std::string, int>> m_documents;
    // Pending acronym links by metadata key, then entity key, then field ("a": acronyms of a
    // long form, "l": long forms of an acronym), then the other key.
    std::map<std::string,
             std::map<std::string, std::map<std::string, std::map<std::string, unsigned>>>>
        m_links;
};

// The clusters `typed` may mean, most articles first: none when the archive does not know the
// name, one when it is unique, several when a surname is shared ("Biden": Joe and Hunter).
std::vector<EntityCluster> resolve_entity(const Xapian::Database& db, EntityType type,
                                          std::string_view typed);

// The cluster a stored key belongs to; a cluster holding just the key (and the key as its name)
// when the table does not know it.
EntityCluster cluster_of_key(const Xapian::Database& db, EntityType type, std::string_view key);

}  // namespace news

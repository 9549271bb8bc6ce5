// The archive's alias table in Xapian metadata.
//
// Metadata format. One metadata entry ("bucket") per group of keys that a lookup needs together;
// the value is compact JSON mapping each entity key of the bucket to its record:
//
//   alias:p:<surname>  persons, bucketed by names::surname_of_key, so every spelling of one
//                      surname ("antony blinken", "anthony blinken", "blinken", "joe biden",
//                      "hunter biden", "biden") comes back with ONE get_metadata call.
//   alias:o:<key>      an organisation, by its key ("israel defense forces", "idf").
//   alias:g:<key>      a place, by its key.
//
//   value: {"<entity key>": {"d": articles, "f": {"<written form>": uses, ...},
//                            "a": {"<acronym key>": articles defining it},      (orgs only)
//                            "l": {"<long form key>": articles defining it}}}   (orgs only)
//
// "d" counts the articles whose entities include the key (each article once per key); "f" the
// uses of each written form (Entity::name), at most kMaxForms per key (the rarest dropped at
// flush, so their counts are lost: they could only matter for choosing the canonical name).
// An acronym an article defined ("Israel Defense Forces (IDF)") is recorded on both sides: the
// long form's record gets "a": {"idf": n} and the acronym's record (alias:o:idf) gets
// "l": {"israel defense forces": n}, so resolving "IDF" finds the long form with one lookup and
// showing the long form finds its acronyms with one lookup. A metadata key too long for Xapian
// is cut and completed by a hash of the whole key.
//
// Clusters are made at read time (see cluster_persons and org_cluster below).
#include "alias_table.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "names.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace news {

namespace {

using nlohmann::json;

constexpr size_t kMaxForms = 12;
constexpr size_t kMaxMetaKey = 200;

char type_letter(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return 'p';
        case EntityType::Organization:
            return 'o';
        case EntityType::Place:
            return 'g';
    }
    return 'p';
}

std::string bucket_key(EntityType type, std::string_view key) {
    std::string group(type == EntityType::Person ? names::surname_of_key(key) : key);
    std::string meta(schema::kMetaAliasPrefix);
    meta.push_back(type_letter(type));
    meta.push_back(':');
    if (meta.size() + group.size() > kMaxMetaKey)
        group = group.substr(0, 120) + "#" + schema::hash_hex(group);
    return meta + group;
}

json read_bucket(const Xapian::Database& db, const std::string& meta) {
    std::string value = db.get_metadata(meta);
    if (value.empty()) return json::object();
    json j = json::parse(value, nullptr, /*allow_exceptions=*/false);
    return j.is_object() ? j : json::object();
}

unsigned count_of(const json& obj, const char* field) {
    auto it = obj.find(field);
    return it != obj.end() && it->is_number_unsigned() ? it->get<unsigned>() : 0;
}

// One entity key of a bucket, decoded.
struct KeyRecord {
    std::string key;
    unsigned documents = 0;
    std::vector<std::pair<std::string, unsigned>> forms;    // most uses first
    std::vector<std::pair<std::string, unsigned>> acronyms;  // "a"
    std::vector<std::pair<std::string, unsigned>> longs;     // "l", most articles first
};

std::vector<std::pair<std::string, unsigned>> counts(const json& rec, const char* field) {
    std::vector<std::pair<std::string, unsigned>> out;
    auto it = rec.find(field);
    if (it == rec.end() || !it->is_object()) return out;
    for (auto f = it->begin(); f != it->end(); ++f)
        if (f->is_number_unsigned()) out.emplace_back(f.key(), f->get<unsigned>());
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

KeyRecord decode(const std::string& key, const json& rec) {
    KeyRecord r;
    r.key = key;
    if (!rec.is_object()) return r;
    r.documents = count_of(rec, "d");
    r.forms = counts(rec, "f");
    r.acronyms = counts(rec, "a");
    r.longs = counts(rec, "l");
    return r;
}

std::vector<KeyRecord> decode_bucket(const json& bucket) {
    std::vector<KeyRecord> out;
    for (auto it = bucket.begin(); it != bucket.end(); ++it)
        out.push_back(decode(it.key(), it.value()));
    return out;
}

// The canonical name: the most used form of the given records (ties: the longer, then the
// first in byte order).
std::string most_used_form(const std::vector<const KeyRecord*>& records) {
    std::map<std::string, unsigned> uses;
    for (const KeyRecord* r : records)
        for (const auto& [form, n] : r->forms)
            uses[form] += n;
    std::string best;
    unsigned best_n = 0;
    for (const auto& [form, n] : uses)
        if (n > best_n || (n == best_n && form.size() > best.size())) {
            best = form;
            best_n = n;
        }
    return best;
}

bool has_first_name(std::string_view person_key) {
    return person_key.find(' ') != std::string_view::npos;
}

bool is_initial(std::string_view person_key) {
    size_t space = person_key.find(' ');
    if (space == std::string_view::npos) return false;
    return space == 1 || (space <= 4 && static_cast<unsigned char>(person_key[0]) >= 0x80 &&
                          space == utf8_length(static_cast<unsigned char>(person_key[0])));
}

struct PersonCluster {
    std::vector<const KeyRecord*> full;  // keys with a first name, the head first
    std::vector<const KeyRecord*> bare;  // the surname alone
    unsigned documents = 0;
};

// The persons of one surname bucket. Full keys, most articles first, join the first cluster
// whose head (its most frequent key) names the same person (names::same_person), else start a
// cluster; keys whose first name is an initial ("j biden") are placed after the full first
// names, in the largest cluster they match. Comparing with the head only keeps the relation from
// chaining across people. The bare surname ("biden") joins the largest cluster, never all of
// them, so "Joe Biden" and "Hunter Biden" stay apart; alone, it is a cluster of its own.
std::vector<PersonCluster> cluster_persons(const std::vector<KeyRecord>& records) {
    std::vector<const KeyRecord*> order;
    for (const KeyRecord& r : records)
        order.push_back(&r);
    std::stable_sort(order.begin(), order.end(), [](const KeyRecord* a, const KeyRecord* b) {
        bool ia = is_initial(a->key), ib = is_initial(b->key);
        if (ia != ib) return ib;  // full first names first
        if (a->documents != b->documents) return a->documents > b->documents;
        return a->key < b->key;
    });
    std::vector<PersonCluster> clusters;
    std::vector<const KeyRecord*> bare;
    for (const KeyRecord* r : order) {
        if (!has_first_name(r->key)) {
            bare.push_back(r);
            continue;
        }
        PersonCluster* home = nullptr;
        for (PersonCluster& c : clusters)
            if (names::same_person(c.full.front()->key, r->key)) {
                if (!home || c.documents > home->documents) home = &c;
                if (!is_initial(r->key)) break;  // the first match is the largest head so far
            }
        if (!home) {
            clusters.emplace_back();
            home = &clusters.back();
        }
        home->full.push_back(r);
        home->documents += r->documents;
    }
    if (!bare.empty()) {
        if (clusters.empty()) {
            clusters.emplace_back();
        }
        auto largest = std::max_element(
            clusters.begin(), clusters.end(),
            [](const PersonCluster& a, const PersonCluster& b) { return a.documents < b.documents; });
        for (const KeyRecord* r : bare) {
            largest->bare.push_back(r);
            largest->documents += r->documents;
        }
    }
    return clusters;
}

EntityCluster to_cluster(const PersonCluster& c) {
    EntityCluster out;
    out.type = EntityType::Person;
    out.documents = c.documents;
    out.name = most_used_form(c.full.empty() ? c.bare : c.full);
    for (const KeyRecord* r : c.full)
        out.keys.push_back(r->key);
    for (const KeyRecord* r : c.bare)
        out.keys.push_back(r->key);
    if (out.name.empty() && !out.keys.empty()) out.name = out.keys.front();
    return out;
}

void sort_clusters(std::vector<EntityCluster>& clusters) {
    std::stable_sort(clusters.begin(), clusters.end(),
                     [](const EntityCluster& a, const EntityCluster& b) {
                         return a.documents > b.documents;
                     });
}

std::vector<EntityCluster> person_clusters(const Xapian::Database& db, std::string_view key) {
    json bucket = read_bucket(db, bucket_key(EntityType::Person, key));
    std::vector<KeyRecord> records = decode_bucket(bucket);
    std::vector<EntityCluster> out;
    for (const PersonCluster& c : cluster_persons(records))
        out.push_back(to_cluster(c));
    return out;
}

// The record of one organisation or place key, read from its own bucket.
bool read_record(const Xapian::Database& db, EntityType type, const std::string& key,
                 KeyRecord& out) {
    json bucket = read_bucket(db, bucket_key(type, key));
    auto it = bucket.find(key);
    if (it == bucket.end()) return false;
    out = decode(key, *it);
    return true;
}

// The cluster of an organisation's long form: its key, and the acronyms that articles defined
// for it of which it is the most frequent long form (an acronym for two names, "ICC", goes to
// the more frequent one). Documents: the long form's articles plus the articles that used those
// acronyms without defining them (an article defining one counts under the long form only, as
// its entity's key is the long form's).
EntityCluster org_cluster(const Xapian::Database& db, const KeyRecord& root) {
    EntityCluster out;
    out.type = EntityType::Organization;
    out.keys.push_back(root.key);
    out.documents = root.documents;
    std::vector<const KeyRecord*> named{&root};
    for (const auto& [acr, n] : root.acronyms) {
        KeyRecord rec;
        if (!read_record(db, EntityType::Organization, acr, rec)) {
            out.keys.push_back(acr);
            continue;
        }
        unsigned best = 0;
        for (const auto& [l, ln] : rec.longs)
            if (l != root.key) best = std::max(best, ln);
        if (best > n) continue;  // another long form owns this acronym
        out.keys.push_back(acr);
        out.documents += rec.documents;
    }
    out.name = most_used_form(named);
    if (out.name.empty()) out.name = root.key;
    return out;
}

EntityCluster single_cluster(EntityType type, const KeyRecord& r) {
    EntityCluster out;
    out.type = type;
    out.keys.push_back(r.key);
    out.documents = r.documents;
    out.name = most_used_form({&r});
    if (out.name.empty()) out.name = r.key;
    return out;
}

EntityCluster unknown_cluster(EntityType type, std::string_view key) {
    EntityCluster out;
    out.type = type;
    out.name = std::string(key);
    out.keys.push_back(std::string(key));
    return out;
}

// Adds `n` (which may be negative) to obj[field][name]; a count that falls to 0 is removed.
void add_count(json& obj, const char* field, const std::string& name, long n) {
    json& m = obj[field];
    if (!m.is_object()) m = json::object();
    long now = static_cast<long>(count_of(m, name.c_str())) + n;
    if (now > 0)
        m[name] = static_cast<unsigned>(now);
    else
        m.erase(name);
    if (m.empty()) obj.erase(field);
}

void cap_forms(json& rec) {
    auto it = rec.find("f");
    if (it == rec.end() || !it->is_object() || it->size() <= kMaxForms) return;
    std::vector<std::pair<std::string, unsigned>> forms = counts(rec, "f");
    forms.resize(kMaxForms);
    json kept = json::object();
    for (const auto& [form, n] : forms)
        kept[form] = n;
    *it = std::move(kept);
}

}  // namespace

void AliasTable::count(const std::vector<Entity>& entities, int delta) {
    std::set<std::pair<std::string, std::string>> counted;  // (bucket, key) of this article
    for (const Entity& e : entities) {
        std::string key = names::entity_key(e.type, e.name);
        if (key.empty()) continue;
        std::string meta = bucket_key(e.type, key);
        std::string form = names::clean_name(e.type, e.name);
        if (form.empty()) form = e.name;
        m_forms[meta][key][form] += delta;
        if (counted.emplace(meta, key).second) m_documents[meta][key] += delta;
    }
}

void AliasTable::remove(const std::vector<Entity>& entities) {
    count(entities, -1);
}

void AliasTable::add(const std::vector<Entity>& entities,
                     const std::map<std::string, std::string>& acronyms) {
    count(entities, +1);
    for (const auto& [acr, long_key] : acronyms) {
        if (acr.empty() || long_key.empty() || acr == long_key) continue;
        ++m_links[bucket_key(EntityType::Organization, long_key)][long_key]["a"][acr];
        ++m_links[bucket_key(EntityType::Organization, acr)][acr]["l"][long_key];
    }
}

void AliasTable::flush(Xapian::WritableDatabase& db) {
    std::set<std::string> metas;
    for (const auto& [meta, _] : m_documents)
        metas.insert(meta);
    for (const auto& [meta, _] : m_forms)
        metas.insert(meta);
    for (const auto& [meta, _] : m_links)
        metas.insert(meta);
    for (const std::string& meta : metas) {
        json bucket = read_bucket(db, meta);
        std::set<std::string> touched, uncounted;
        if (auto it = m_documents.find(meta); it != m_documents.end())
            for (const auto& [key, n] : it->second) {
                if (n == 0) continue;
                json& rec = bucket[key];
                if (!rec.is_object()) rec = json::object();
                long d = static_cast<long>(count_of(rec, "d")) + n;
                rec["d"] = static_cast<unsigned>(std::max(0L, d));
                touched.insert(key);
                if (n < 0) uncounted.insert(key);
            }
        if (auto it = m_forms.find(meta); it != m_forms.end())
            for (const auto& [key, forms] : it->second) {
                bool any = false;
                for (const auto& [form, n] : forms)
                    any = any || n != 0;
                if (!any) continue;
                json& rec = bucket[key];
                if (!rec.is_object()) rec = json::object();
                for (const auto& [form, n] : forms)
                    if (n != 0) add_count(rec, "f", form, n);
                touched.insert(key);
            }
        if (auto it = m_links.find(meta); it != m_links.end())
            for (const auto& [key, fields] : it->second) {
                json& rec = bucket[key];
                if (!rec.is_object()) rec = json::object();
                for (const auto& [field, names] : fields)
                    for (const auto& [name, n] : names)
                        add_count(rec, field.c_str(), name, n);
                touched.insert(key);
            }
        for (const std::string& key : touched) {
            json& rec = bucket[key];
            // A key no article names any more leaves the table, acronym links and all.
            if (uncounted.count(key) && count_of(rec, "d") == 0) {
                bucket.erase(key);
                continue;
            }
            cap_forms(rec);
        }
        // An empty value deletes the entry.
        db.set_metadata(meta, bucket.empty() ? std::string() : bucket.dump());
    }
    m_forms.clear();
    m_documents.clear();
    m_links.clear();
}

bool AliasTable::empty() const {
    return m_forms.empty() && m_documents.empty() && m_links.empty();
}

std::vector<EntityCluster> resolve_entity(const Xapian::Database& db, EntityType type,
                                          std::string_view typed) {
    std::string key = names::entity_key(type, typed);
    if (key.empty()) return {};
    std::vector<EntityCluster> out;
    switch (type) {
        case EntityType::Person: {
            std::vector<EntityCluster> all = person_clusters(db, key);
            if (!has_first_name(key)) {
                out = std::move(all);
                break;
            }
            // A full name matches the clusters holding a full key of the same person; a cluster
            // of the bare surname alone matches too (the archive never gave the first name).
            for (EntityCluster& c : all) {
                bool match = false, any_full = false;
                for (const std::string& k : c.keys)
                    if (has_first_name(k)) {
                        any_full = true;
                        match = match || names::same_person(key, k);
                    }
                if (match || !any_full) out.push_back(std::move(c));
            }
            break;
        }
        case EntityType::Organization: {
            KeyRecord rec;
            if (!read_record(db, type, key, rec)) {
                // A long form the archive only knows by its acronym ("Internal Revenue
                // Service" when articles wrote "IRS" alone).
                for (const std::string& acr : names::acronym_keys(typed)) {
                    KeyRecord acr_rec;
                    if (read_record(db, type, acr, acr_rec) && acr_rec.longs.empty() &&
                        acr_rec.documents > 0)
                        out.push_back(org_cluster(db, acr_rec));
                }
                break;
            }
            // An acronym defined by articles: every long form it stands for.
            std::set<std::string> covered;
            for (const auto& [long_key, n] : rec.longs) {
                KeyRecord long_rec;
                if (!read_record(db, type, long_key, long_rec)) continue;
                EntityCluster c = org_cluster(db, long_rec);
                // The acronym belongs to its most frequent long form's cluster; the others
                // are returned as clusters of their own long form.
                for (const std::string& k : c.keys)
                    covered.insert(k);
                out.push_back(std::move(c));
            }
            if (!covered.count(key)) {
                if (rec.longs.empty())
                    out.push_back(org_cluster(db, rec));
                else if (rec.documents > 0)
                    out.push_back(single_cluster(type, rec));
            }
            break;
        }
        case EntityType::Place: {
            KeyRecord rec;
            if (read_record(db, type, key, rec)) out.push_back(single_cluster(type, rec));
            break;
        }
    }
    sort_clusters(out);
    return out;
}

EntityCluster cluster_of_key(const Xapian::Database& db, EntityType type, std::string_view key) {
    if (key.empty()) return unknown_cluster(type, key);
    std::string k(key);
    switch (type) {
        case EntityType::Person: {
            for (EntityCluster& c : person_clusters(db, k))
                if (std::find(c.keys.begin(), c.keys.end(), k) != c.keys.end()) return c;
            break;
        }
        case EntityType::Organization: {
            KeyRecord rec;
            if (!read_record(db, type, k, rec)) break;
            // An acronym: the cluster of its most frequent long form, when that owns it.
            if (!rec.longs.empty()) {
                KeyRecord long_rec;
                if (read_record(db, type, rec.longs.front().first, long_rec)) {
                    EntityCluster c = org_cluster(db, long_rec);
                    if (std::find(c.keys.begin(), c.keys.end(), k) != c.keys.end()) return c;
                }
            }
            return org_cluster(db, rec);
        }
        case EntityType::Place: {
            KeyRecord rec;
            if (read_record(db, type, k, rec)) return single_cluster(type, rec);
            break;
        }
    }
    return unknown_cluster(type, key);
}

}  // namespace news

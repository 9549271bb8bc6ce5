// Tests for common/alias_table: counting articles' entities into Xapian metadata, and resolving
// what a user typed (and stored keys) to clusters: the two Bidens, Blinken's spellings,
// Erdoğan/Erdogan, IDF and the Israel Defense Forces, unknown names.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "alias_table.hpp"
#include "names.hpp"
#include "schema.hpp"

using news::AliasTable;
using news::Entity;
using news::EntityCluster;
using news::EntityType;

namespace {

// A temporary database directory, removed when the test ends.
struct TempDb {
    std::filesystem::path path;
    Xapian::WritableDatabase db;
    TempDb()
        : path(std::filesystem::temp_directory_path() /
               ("news-alias-test-" + std::to_string(std::random_device{}()))),
          db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE) {}
    ~TempDb() {
        db.close();
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

Entity person(const std::string& name) { return Entity{EntityType::Person, name, {}}; }
Entity org(const std::string& name) { return Entity{EntityType::Organization, name, {}}; }
Entity place(const std::string& name) { return Entity{EntityType::Place, name, {}}; }

// Adds `n` articles each naming the given entities.
void articles(AliasTable& table, unsigned n, const std::vector<Entity>& entities,
              const std::map<std::string, std::string>& acronyms = {}) {
    for (unsigned i = 0; i < n; ++i)
        table.add(entities, acronyms);
}

bool has_key(const EntityCluster& c, const std::string& key) {
    return std::find(c.keys.begin(), c.keys.end(), key) != c.keys.end();
}

// An archive with the cases of the tests, flushed in two batches so counts are merged.
void fill(Xapian::WritableDatabase& db) {
    AliasTable table;
    CHECK(table.empty());
    articles(table, 6, {person("Antony J. Blinken")});
    articles(table, 2, {person("Antony Blinken")});
    articles(table, 1, {person("Anthony Blinken")});
    articles(table, 3, {person("Blinken")});
    articles(table, 10, {person("Joe Biden")});
    articles(table, 3, {person("Hunter Biden")});
    articles(table, 1, {person("Joe Biden"), person("Hunter Biden")});
    CHECK_FALSE(table.empty());
    table.flush(db);
    CHECK(table.empty());
    articles(table, 4, {person("Biden")});
    articles(table, 2, {person("Jill Biden")});
    articles(table, 3, {person("Recep Tayyip Erdoğan")});
    articles(table, 2, {person("Recep Tayyip Erdogan")});
    articles(table, 1, {person("Erdogan")});
    articles(table, 5, {org("Israel Defense Forces")}, {{"idf", "israel defense forces"}});
    articles(table, 2, {org("Israel Defense Forces")});
    articles(table, 3, {org("IDF")});
    articles(table, 2, {org("International Criminal Court")},
             {{"icc", "international criminal court"}});
    articles(table, 1, {org("International Cricket Council")},
             {{"icc", "international cricket council"}});
    articles(table, 2, {org("IRS")});
    articles(table, 4, {place("Tel Aviv")});
    articles(table, 1, {place("Zürich")});
    articles(table, 1, {place("Zurich")});
    table.flush(db);
    db.commit();
}

}  // namespace

TEST_CASE("resolve_entity: Blinken's spellings are one cluster under the most frequent full form") {
    TempDb t;
    fill(t.db);
    for (const char* typed : {"Blinken", "Mr. Blinken", "Secretary Blinken", "Antony J. Blinken",
                              "Anthony Blinken", "Blinken's", "antony blinken", "BLINKEN"}) {
        CAPTURE(typed);
        auto clusters = news::resolve_entity(t.db, EntityType::Person, typed);
        REQUIRE(clusters.size() == 1);
        const EntityCluster& c = clusters[0];
        CHECK(c.type == EntityType::Person);
        CHECK(c.name == "Antony J. Blinken");
        CHECK(has_key(c, "antony blinken"));
        CHECK(has_key(c, "anthony blinken"));
        CHECK(has_key(c, "blinken"));
        CHECK(c.documents == 12);
    }
}

TEST_CASE("resolve_entity: two Bidens stay apart; the bare surname joins the most frequent") {
    TempDb t;
    fill(t.db);
    auto all = news::resolve_entity(t.db, EntityType::Person, "Biden");
    REQUIRE(all.size() == 3);
    CHECK(all[0].name == "Joe Biden");
    CHECK(has_key(all[0], "joe biden"));
    CHECK(has_key(all[0], "biden"));
    CHECK(all[0].documents == 15);  // 11 + 4: an upper bound of the articles
    CHECK(all[1].name == "Hunter Biden");
    CHECK(all[1].keys == std::vector<std::string>{"hunter biden"});
    CHECK(all[1].documents == 4);
    CHECK(all[2].name == "Jill Biden");
    CHECK(all[2].documents == 2);

    auto hunter = news::resolve_entity(t.db, EntityType::Person, "Hunter Biden");
    REQUIRE(hunter.size() == 1);
    CHECK(hunter[0].name == "Hunter Biden");
    auto joe = news::resolve_entity(t.db, EntityType::Person, "President Joe Biden");
    REQUIRE(joe.size() == 1);
    CHECK(joe[0].name == "Joe Biden");
    // An initial may be either of two.
    auto j = news::resolve_entity(t.db, EntityType::Person, "J. Biden");
    REQUIRE(j.size() == 2);
    CHECK(j[0].name == "Joe Biden");
    CHECK(j[1].name == "Jill Biden");
}

TEST_CASE("resolve_entity: Erdoğan and Erdogan are one person") {
    TempDb t;
    fill(t.db);
    for (const char* typed : {"Erdogan", "Erdoğan", "Recep Tayyip Erdogan", "Recep Erdoğan",
                              "President Erdoğan"}) {
        CAPTURE(typed);
        auto clusters = news::resolve_entity(t.db, EntityType::Person, typed);
        REQUIRE(clusters.size() == 1);
        CHECK(clusters[0].name == "Recep Tayyip Erdoğan");
        CHECK(clusters[0].documents == 6);
    }
}

TEST_CASE("resolve_entity: acronyms find the long form and the long form its acronyms") {
    TempDb t;
    fill(t.db);
    for (const char* typed : {"IDF", "idf", "Israel Defense Forces", "the Israel Defense Forces"}) {
        CAPTURE(typed);
        auto clusters = news::resolve_entity(t.db, EntityType::Organization, typed);
        REQUIRE(clusters.size() == 1);
        CHECK(clusters[0].name == "Israel Defense Forces");
        CHECK(clusters[0].keys == std::vector<std::string>{"israel defense forces", "idf"});
        CHECK(clusters[0].documents == 10);
    }
    // A long form only known by its acronym.
    auto irs = news::resolve_entity(t.db, EntityType::Organization, "Internal Revenue Service");
    REQUIRE(irs.size() == 1);
    CHECK(irs[0].name == "IRS");
    CHECK(irs[0].documents == 2);
    // One acronym, two long forms: both, the more frequent first; the acronym key goes with it.
    auto icc = news::resolve_entity(t.db, EntityType::Organization, "ICC");
    REQUIRE(icc.size() == 2);
    CHECK(icc[0].name == "International Criminal Court");
    CHECK(has_key(icc[0], "icc"));
    CHECK(icc[1].name == "International Cricket Council");
    CHECK_FALSE(has_key(icc[1], "icc"));
}

TEST_CASE("resolve_entity: places by key, unknown names give nothing") {
    TempDb t;
    fill(t.db);
    auto zurich = news::resolve_entity(t.db, EntityType::Place, "Zurich");
    REQUIRE(zurich.size() == 1);
    CHECK(zurich[0].keys == std::vector<std::string>{"zurich"});
    CHECK(zurich[0].documents == 2);
    CHECK(news::resolve_entity(t.db, EntityType::Place, "Tel Aviv")[0].name == "Tel Aviv");
    CHECK(news::resolve_entity(t.db, EntityType::Person, "Nobody Known").empty());
    CHECK(news::resolve_entity(t.db, EntityType::Person, "Hunter Blinken").empty());
    CHECK(news::resolve_entity(t.db, EntityType::Organization, "Acme Corp").empty());
    CHECK(news::resolve_entity(t.db, EntityType::Place, "Atlantis").empty());
    CHECK(news::resolve_entity(t.db, EntityType::Person, "").empty());
    CHECK(news::resolve_entity(t.db, EntityType::Person, "Mr.").empty());
    // A type is its own namespace.
    CHECK(news::resolve_entity(t.db, EntityType::Place, "Blinken").empty());
}

TEST_CASE("cluster_of_key gives a stored key's cluster, or the key alone") {
    TempDb t;
    fill(t.db);
    for (const char* key : {"antony blinken", "anthony blinken", "blinken"}) {
        CAPTURE(key);
        auto c = news::cluster_of_key(t.db, EntityType::Person, key);
        CHECK(c.name == "Antony J. Blinken");
        CHECK(c.documents == 12);
    }
    CHECK(news::cluster_of_key(t.db, EntityType::Person, "biden").name == "Joe Biden");
    CHECK(news::cluster_of_key(t.db, EntityType::Person, "hunter biden").name == "Hunter Biden");
    auto idf = news::cluster_of_key(t.db, EntityType::Organization, "idf");
    CHECK(idf.name == "Israel Defense Forces");
    CHECK(idf.documents == 10);
    auto idf_long = news::cluster_of_key(t.db, EntityType::Organization, "israel defense forces");
    CHECK(idf_long.keys == idf.keys);
    CHECK(news::cluster_of_key(t.db, EntityType::Organization, "icc").name ==
          "International Criminal Court");
    auto unknown = news::cluster_of_key(t.db, EntityType::Person, "nobody known");
    CHECK(unknown.name == "nobody known");
    CHECK(unknown.keys == std::vector<std::string>{"nobody known"});
    CHECK(unknown.documents == 0);
}

TEST_CASE("the table is stored under the alias prefix and survives reopening") {
    TempDb t;
    fill(t.db);
    bool any = false;
    for (auto it = t.db.metadata_keys_begin(std::string(news::schema::kMetaAliasPrefix));
         it != t.db.metadata_keys_end(std::string(news::schema::kMetaAliasPrefix)); ++it)
        any = true;
    CHECK(any);
    Xapian::Database reader(t.path.string());
    auto c = news::resolve_entity(reader, EntityType::Person, "Blinken");
    REQUIRE(c.size() == 1);
    CHECK(c[0].documents == 12);
}

TEST_CASE("repeated lookups give the same answers") {
    TempDb t;
    fill(t.db);
    Xapian::Database reader(t.path.string());
    size_t found = 0;
    for (int i = 0; i < 200; ++i) {
        found += news::resolve_entity(reader, EntityType::Person, "Biden").size();
        found += news::cluster_of_key(reader, EntityType::Organization, "idf").keys.size();
    }
    CHECK(found == 200u * 5);
}

TEST_CASE("an article uncounted takes its names off, and a name no article has leaves") {
    TempDb t;
    fill(t.db);
    AliasTable table;
    // Two of the six "Antony J. Blinken" articles were corrected to "Anthony Blinken"; the one
    // "Anthony Blinken" article and Jill Biden's two now name nobody.
    for (int i = 0; i < 2; ++i) {
        table.remove({person("Antony J. Blinken")});
        table.add({person("Anthony Blinken")});
    }
    table.remove({person("Anthony Blinken")});
    table.remove({person("Jill Biden")});
    table.remove({person("Jill Biden")});
    // Removing and adding the same names in one batch changes nothing.
    table.remove({place("Tel Aviv")});
    table.add({place("Tel Aviv")});
    table.flush(t.db);
    t.db.commit();
    auto blinken = news::resolve_entity(t.db, EntityType::Person, "Blinken");
    REQUIRE(blinken.size() == 1);
    CHECK(blinken[0].documents == 11);
    CHECK(blinken[0].name == "Antony J. Blinken");  // 4 articles against "Anthony Blinken"'s 2
    auto bidens = news::resolve_entity(t.db, EntityType::Person, "Jill Biden");
    for (const EntityCluster& c : bidens)
        CHECK_FALSE(has_key(c, "jill biden"));
    auto tel_aviv = news::resolve_entity(t.db, EntityType::Place, "Tel Aviv");
    REQUIRE(tel_aviv.size() == 1);
    CHECK(tel_aviv[0].documents == 4);
    // Every Zürich article uncounted: the place is gone, and so is its metadata entry.
    table.remove({place("Zürich")});
    table.remove({place("Zurich")});
    table.flush(t.db);
    t.db.commit();
    CHECK(news::resolve_entity(t.db, EntityType::Place, "Zurich").empty());
    CHECK(t.db.get_metadata(std::string(news::schema::kMetaAliasPrefix) + "g:zurich").empty());
}

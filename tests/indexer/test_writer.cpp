// Tests for indexer/writer: Article -> Xapian document (terms, values, data) and replacement.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>

#include <unistd.h>

#include <xapian.h>

#include "alias_table.hpp"
#include "schema.hpp"
#include "stemmer.hpp"
#include "writer.hpp"

namespace fs = std::filesystem;
using news::Article;
using news::IndexWriter;

namespace {

// A fresh folder under the system's temporary directory, removed with everything in it.
class TempDir {
  public:
    TempDir() {
        static std::atomic<unsigned> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_path =
            fs::temp_directory_path() / ("news-test-writer-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(stamp) + "-" + std::to_string(counter++));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string db() const { return (m_path / "db").string(); }

  private:
    fs::path m_path;
};

news::Date day(int y, int m, int d) {
    news::Date out;
    out.year = y;
    out.month = m;
    out.day = d;
    return out;
}

Article harbour() {
    Article a;
    a.url = "https://www.coastline.example/2024/03/05/harbour";
    a.path = "pages/harbour.html";
    a.title = "Harbour reopens after storm";
    a.text =
        "The harbour reopened on Monday after three days of closure.\n\n"
        "A red lighthouse guards the entrance, and the ferry service resumed at three.";
    a.author = "Jane Doe";
    a.source = "The Coastline Herald";
    a.language = "en";
    a.format = "html";
    a.published = day(2024, 3, 5);
    return a;
}

// The one document indexed under the article's unique id term.
Xapian::Document document_of(const Xapian::Database& db, const Article& a) {
    Xapian::PostingIterator it = db.postlist_begin(news::schema::unique_id_term(a));
    REQUIRE(it != db.postlist_end(news::schema::unique_id_term(a)));
    return db.get_document(*it);
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

Xapian::doccount matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    return enquire.get_mset(0, 100).size();
}

Xapian::Query phrase(const std::string& a, const std::string& b) {
    const std::string words[] = {a, b};
    return Xapian::Query(Xapian::Query::OP_PHRASE, std::begin(words), std::end(words), 2);
}

}  // namespace

TEST_CASE("writing an article adds it; writing it again replaces it") {
    TempDir dir;
    IndexWriter writer(dir.db(), 1);
    CHECK(writer.write(harbour()) == IndexWriter::Outcome::Added);
    CHECK(writer.document_count() == 1);
    CHECK(writer.write(harbour()) == IndexWriter::Outcome::Replaced);
    CHECK(writer.document_count() == 1);
}

TEST_CASE("the same article reached through a tracking link replaces the first copy") {
    TempDir dir;
    IndexWriter writer(dir.db(), 1);
    Article first = harbour();
    Article again = harbour();
    again.url += "?utm_source=newsletter#comments";
    again.text += "\n\nAn update was added later.";
    CHECK(writer.write(first) == IndexWriter::Outcome::Added);
    CHECK(writer.write(again) == IndexWriter::Outcome::Replaced);
    CHECK(writer.document_count() == 1);
}

TEST_CASE("a rewrite is recognised before the batch is committed") {
    TempDir dir;
    IndexWriter writer(dir.db(), 100);
    CHECK(writer.write(harbour()) == IndexWriter::Outcome::Added);
    CHECK(writer.write(harbour()) == IndexWriter::Outcome::Replaced);
    writer.commit();
    CHECK(Xapian::Database(dir.db()).get_doccount() == 1);
}

TEST_CASE("an article indexed again is counted once in the alias table, under its new names") {
    using news::EntityType;
    for (unsigned batch : {1u, 100u}) {  // the old version committed, or still in the batch
        CAPTURE(batch);
        TempDir dir;
        {
            IndexWriter writer(dir.db(), batch);
            Article first = harbour();
            first.entities = {{EntityType::Person, "Maria Castellanos", {}},
                              {EntityType::Place, "Porto Seguro", {}}};
            writer.write(first);
            writer.write(first);  // unchanged names, written again: still one article
            Article corrected = harbour();
            corrected.text += "\n\nA correction was added.";
            corrected.entities = {{EntityType::Person, "Mariana Castellanos", {}},
                                  {EntityType::Place, "Porto Seguro", {}}};
            writer.write(corrected);
            writer.commit();
        }
        Xapian::Database db(dir.db());
        auto people = news::resolve_entity(db, EntityType::Person, "Castellanos");
        REQUIRE(people.size() == 1);
        CHECK(people[0].name == "Mariana Castellanos");
        CHECK(people[0].documents == 1);
        CHECK(people[0].keys == std::vector<std::string>{"mariana castellanos"});
        auto places = news::resolve_entity(db, EntityType::Place, "Porto Seguro");
        REQUIRE(places.size() == 1);
        CHECK(places[0].documents == 1);
    }
}

TEST_CASE("different articles are separate documents") {
    TempDir dir;
    IndexWriter writer(dir.db(), 1);
    Article other = harbour();
    other.url = "https://www.coastline.example/2024/03/06/ferries";
    Article no_url = harbour();
    no_url.url.clear();
    CHECK(writer.write(harbour()) == IndexWriter::Outcome::Added);
    CHECK(writer.write(other) == IndexWriter::Outcome::Added);
    CHECK(writer.write(no_url) == IndexWriter::Outcome::Added);
    CHECK(writer.document_count() == 3);
}

TEST_CASE("committed articles are readable by a separate reader after the writer closes") {
    TempDir dir;
    { IndexWriter(dir.db(), 100).write(harbour()); }
    const Xapian::Database db(dir.db());
    CHECK(db.get_doccount() == 1);
    CHECK(db.get_metadata(std::string(news::schema::kMetaSchemaVersion)) ==
          news::schema::kSchemaVersion);
}

TEST_CASE("the document carries the schema's terms, values and data") {
    namespace schema = news::schema;
    TempDir dir;
    const Article a = harbour();
    {
        IndexWriter writer(dir.db(), 1);
        writer.write(a);
        writer.commit();
    }
    const Xapian::Database db(dir.db());
    const Xapian::Document doc = document_of(db, a);

    struct Case {
        std::string what;
        std::string term;
    };
    const Case terms[] = {
        {"unique id", schema::unique_id_term(a)},
        {"title word", std::string(schema::kTitle) + "harbour"},
        {"title word", std::string(schema::kTitle) + "storm"},
        {"author word", std::string(schema::kAuthor) + "doe"},
        {"source", schema::source_term(a.source)},
        {"host", schema::host_term("coastline.example")},
        {"language", schema::language_term("en")},
        {"format", std::string(schema::kFormat) + "html"},
        {"day", schema::date_terms_day(*a.published)},
        {"month", schema::date_terms_month(*a.published)},
        {"year", schema::date_terms_year(*a.published)},
        {"body word", "lighthouse"},
        {"title word in the body's field", "harbour"},
    };
    for (const Case& c : terms) {
        CAPTURE(c.what);
        CAPTURE(c.term);
        CHECK(has_term(doc, c.term));
    }
    CHECK(doc.get_value(schema::kSlotDate) == "20240305");
    CHECK(doc.get_value(schema::kSlotSource) == "The Coastline Herald");

    const Article back = schema::decode_document_data(doc.get_data());
    CHECK(back.title == a.title);
    CHECK(back.url == a.url);
    CHECK(back.text == a.text);
    REQUIRE(back.published.has_value());
    CHECK(back.published->iso_day() == "2024-03-05");
}

TEST_CASE("an article without a date has no date value and no date terms") {
    TempDir dir;
    Article a = harbour();
    a.published.reset();
    IndexWriter writer(dir.db(), 1);
    writer.write(a);
    writer.commit();
    const Xapian::Database db(dir.db());
    const Xapian::Document doc = document_of(db, a);
    CHECK(doc.get_value(news::schema::kSlotDate).empty());
    CHECK_FALSE(has_term(doc, news::schema::date_terms_year(day(2024, 3, 5))));
}

TEST_CASE("phrase queries match adjacent words only, and never across title and body") {
    TempDir dir;
    Article adjacent = harbour();
    Article apart = harbour();
    apart.url = "https://www.coastline.example/2024/03/06/apart";
    apart.title = "Lighthouse keepers retire";
    apart.text =
        "The lighthouse on the point was painted white and blue last year, and the old red paint "
        "is gone.";
    {
        IndexWriter writer(dir.db(), 10);
        writer.write(adjacent);
        writer.write(apart);
        writer.commit();
    }
    const Xapian::Database db(dir.db());
    const Xapian::docid adjacent_id = *db.postlist_begin(news::schema::unique_id_term(adjacent));

    struct Case {
        std::string first, second;
        Xapian::doccount expected;
    };
    const Case cases[] = {
        {"red", "lighthouse", 1},      // adjacent in one body, apart in the other
        {"lighthouse", "red", 0},      // wrong order
        {"ferry", "service", 1},       // adjacent body words
        {"reopens", "after", 1},       // adjacent title words
        {"storm", "the", 0},           // last title word, first body word
        {"closure", "lighthouse", 0},  // far apart in the body
    };
    for (const Case& c : cases) {
        CAPTURE(c.first);
        CAPTURE(c.second);
        CHECK(matches(db, phrase(c.first, c.second)) == c.expected);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(phrase("red", "lighthouse"));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    REQUIRE(mset.size() == 1);
    CHECK(*mset.begin() == adjacent_id);
}

namespace {

// The query a news-search user gets for `text` with `--lang language`.
Xapian::Query user_query(const std::string& text, const std::string& language) {
    Xapian::QueryParser qp;
    qp.set_stemmer(news::stemmer_for_language(language));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    return qp.parse_query(text);
}

Article in_language(const std::string& url, const std::string& language, const std::string& text) {
    Article a = harbour();
    a.url = url;
    a.title.clear();
    a.language = language;
    a.text = text;
    return a;
}

}  // namespace

TEST_CASE("each article is stemmed in its own language") {
    TempDir dir;
    const Article german =
        in_language("https://example.de/hafen", "de",
                    "Die H\xC3\xA4user am Hafen wurden nach dem Sturm repariert.");
    const Article english = in_language("https://example.com/harbour", "en",
                                        "The elections were held after the storm.");
    const Article polish =
        in_language("https://example.pl/port", "pl", "Wybory odbyły się po burzy w porcie.");
    {
        IndexWriter writer(dir.db(), 10);
        writer.write(german);
        writer.write(english);
        writer.write(polish);
        writer.commit();
    }
    const Xapian::Database db(dir.db());
    const Xapian::docid german_id = *db.postlist_begin(news::schema::unique_id_term(german));
    const Xapian::docid english_id = *db.postlist_begin(news::schema::unique_id_term(english));
    const Xapian::docid polish_id = *db.postlist_begin(news::schema::unique_id_term(polish));

    struct Case {
        std::string what;
        std::string query;
        std::string language;
        Xapian::docid expected;  // 0: nothing
    };
    const Case cases[] = {
        {"German query, German stem of an inflected form", "haus", "de", german_id},
        {"German plural finds the German article", "h\xC3\xA4usern", "de", german_id},
        {"English query as before", "election", "en", english_id},
        {"English stemming does not reach German stems", "h\xC3\xA4usern", "en", 0},
        {"an exact word matches in any language", "\"H\xC3\xA4user\"", "en", german_id},
        {"Polish has no stemmer: indexed and searched as written", "wybory", "pl", polish_id},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        Xapian::Enquire enquire(db);
        enquire.set_query(user_query(c.query, c.language));
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        if (c.expected == 0) {
            CHECK(mset.empty());
        } else {
            REQUIRE(mset.size() == 1);
            CHECK(*mset.begin() == c.expected);
        }
    }
    // The language's boolean term, for lang:de.
    CHECK(has_term(db.get_document(german_id), news::schema::language_term("de")));
    // No stems for a language without a stemmer, only the words.
    const Xapian::Document polish_doc = db.get_document(polish_id);
    CHECK(has_term(polish_doc, "wybory"));
    for (Xapian::TermIterator t = polish_doc.termlist_begin(); t != polish_doc.termlist_end(); ++t)
        CHECK_FALSE((*t).starts_with(std::string(news::schema::kStemmed)));
}

TEST_CASE("TermGenerators makes one term generator per language and keeps it") {
    news::TermGenerators termgens;
    Xapian::TermGenerator& german = termgens.for_language("de");
    CHECK(&termgens.for_language("de") == &german);
    CHECK(&termgens.for_language("en") != &german);
    // A language that is no ISO code (a record's own field) is indexed unstemmed, not refused.
    CHECK_NOTHROW(termgens.for_language("klingon"));
}

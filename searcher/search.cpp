#include "search.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "error.hpp"
#include "schema.hpp"
#include "stemmer.hpp"

namespace news::searcher {

namespace {

std::string no_database(const std::string& path) {
    return "no database at " + path + " (create one with: news-index --db " + path + " FOLDER...)";
}

Hit make_hit(const Xapian::MSetIterator& it, std::size_t rank, SnippetMaker& snippets) {
    Hit hit;
    hit.rank = rank;
    hit.docid = *it;
    hit.score = it.get_weight();
    hit.percent = it.get_percent();
    Article article = schema::decode_document_data(it.get_document().get_data());
    hit.title = std::move(article.title);
    if (article.published) hit.date = article.published->iso();
    hit.source = std::move(article.source);
    hit.url = std::move(article.url);
    hit.path = std::move(article.path);
    hit.lang = std::move(article.language);
    hit.snippet = snippets.make(article.text);
    hit.story = it.get_document().get_value(schema::kSlotStory);
    return hit;
}

// The copies folded into the shown hits: the other matches of each hit's story. Xapian's
// collapse count is a lower bound (the match may stop before it has seen every copy), so it is
// not used as the count. Most stories hold one article, which the story term's frequency says
// without running anything; the rest are counted by one boolean query, the user's query
// filtered by their story terms, read newest first so that the sources come in that order.
void count_copies(const Xapian::Database& db, const Xapian::Query& query,
                  std::vector<Hit>& hits) {
    std::vector<Hit*> pending;
    std::vector<Xapian::Query> stories;
    Xapian::doccount articles = 0;
    for (Hit& hit : hits) {
        if (hit.story.empty()) continue;
        std::string term = schema::story_term(hit.story);
        Xapian::doccount in_story = db.get_termfreq(term);
        if (in_story < 2) continue;
        pending.push_back(&hit);
        stories.emplace_back(std::move(term));
        articles += in_story;
    }
    if (pending.empty()) return;
    // The term frequencies bound the matches, so the MSet holds them all: counts are exact.
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        Xapian::Query(Xapian::Query::OP_OR, stories.begin(), stories.end())));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kSlotTimestamp, true);
    Xapian::MSet copies = enquire.get_mset(0, articles);
    std::unordered_map<std::string_view, Hit*> by_story;
    for (Hit* hit : pending) by_story.emplace(hit->story, hit);
    for (auto it = copies.begin(); it != copies.end(); ++it) {
        Xapian::Document doc = it.get_document();
        auto found = by_story.find(doc.get_value(schema::kSlotStory));
        if (found == by_story.end()) continue;
        Hit& hit = *found->second;
        if (*it == hit.docid) continue;
        ++hit.copies;
        std::string source = doc.get_value(schema::kSlotSource);
        if (!source.empty() && std::find(hit.copy_sources.begin(), hit.copy_sources.end(),
                                         source) == hit.copy_sources.end())
            hit.copy_sources.push_back(std::move(source));
    }
}

// --copies DOCID: the query for every article of the document's story (the document alone when
// it has none).
Xapian::Query copies_query(const Xapian::Database& db, Xapian::docid docid) {
    Xapian::Document doc;
    try {
        doc = db.get_document(docid);
    } catch (const Xapian::DocNotFoundError&) {
        throw UsageError("no article with docid " + std::to_string(docid));
    }
    if (std::string story = doc.get_value(schema::kSlotStory); !story.empty())
        return Xapian::Query(schema::story_term(story));
    Xapian::TermIterator t = doc.termlist_begin();
    t.skip_to(std::string(schema::kUniqueId));
    if (t != doc.termlist_end() && (*t).starts_with(schema::kUniqueId)) return Xapian::Query(*t);
    throw UsageError("article " + std::to_string(docid) + " has no unique id term");
}

std::string_view kind_word(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return "person";
        case EntityType::Organization:
            return "organisation";
        case EntityType::Place:
            return "place";
    }
    return "entity";
}

// A name as messages quote it: one line, not too long.
std::string quote_name(std::string_view name) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        auto u = static_cast<unsigned char>(name[i]);
        if ((u & 0xC0) != 0x80 && ++chars > 60) {
            out += "…";
            break;
        }
        out += u < 0x20 ? ' ' : name[i];
    }
    return "\"" + out + "\"";
}

std::string articles(unsigned n) {
    return std::to_string(n) + (n == 1 ? " article" : " articles");
}

Xapian::doccount to_doccount(std::size_t n) {
    return static_cast<Xapian::doccount>(
        std::min<std::size_t>(n, std::numeric_limits<Xapian::doccount>::max()));
}

}  // namespace

Xapian::Database open_database(const std::string& path) {
    std::error_code ec;
    if (path.empty() || !std::filesystem::exists(path, ec)) throw Error(no_database(path));
    Xapian::Database db;
    try {
        db = Xapian::Database(path);
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw Error(no_database(path));
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw Error("cannot open database at " + path + ": " + e.get_msg());
    }
    // A database written under another schema would silently match nothing.
    std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (!version.empty() && version != schema::kSchemaVersion) {
        throw Error("database at " + path + " has schema version " + version +
                    ", this news-search reads version " + std::string(schema::kSchemaVersion) +
                    " (rebuild it with news-index)");
    }
    return db;
}

Xapian::Query resolve_entity_filter(const Xapian::Database& db, EntityType type,
                                    const std::string& name, FilterOrigin origin,
                                    std::vector<std::string>& notes) {
    std::vector<EntityCluster> clusters = resolve_entity(db, type, name);
    const std::string_view field = entity_field(type);
    if (clusters.empty()) {
        notes.push_back("no " + std::string(kind_word(type)) + " called " + quote_name(name) +
                        " in this archive");
        return Xapian::Query(std::string(schema::entity_prefix(type)));  // matches nothing
    }
    if (clusters.size() > 1) {
        constexpr std::size_t kShown = 8;
        std::string message = quote_name(name) + " may mean: ";
        for (std::size_t i = 0; i < clusters.size() && i < kShown; ++i) {
            if (i > 0) message += ", ";
            message += clusters[i].name + " (" + articles(clusters[i].documents) + ")";
        }
        if (clusters.size() > kShown)
            message += " and " + std::to_string(clusters.size() - kShown) + " more";
        message += "; say which with ";
        message += origin == FilterOrigin::Flag ? "--" + std::string(field) + " "
                                                : std::string(field) + ":";
        message += quote_name(clusters.front().name);
        throw UsageError(message);
    }
    std::vector<Xapian::Query> terms;
    for (const std::string& key : clusters.front().keys)
        terms.emplace_back(schema::entity_term(type, key));
    if (terms.empty()) return Xapian::Query(std::string(schema::entity_prefix(type)));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

SearchResult search(const Xapian::Database& db, const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    SearchResult result;
    // Languages libstemmer lacks ("pl", "zh") search unstemmed, as their articles are indexed.
    Xapian::Stem stemmer = stemmer_for_language(request.language);
    EntityResolver resolve = [&](EntityType type, const std::string& name, FilterOrigin origin) {
        return resolve_entity_filter(db, type, name, origin, result.notes);
    };
    const bool copies_listing = request.copies_of.has_value();
    Xapian::Query query = copies_listing ? copies_query(db, *request.copies_of)
                                         : build_query(request.query, stemmer, resolve);
    const bool collapse = request.collapse && !copies_listing;

    // Facets count every match, so the match runs to the end however small the page. (The spy
    // outlives the Enquire that points to it.)
    std::unique_ptr<FacetSpy> spy;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    if (request.facets.any()) {
        spy = make_facet_spy(request.facets, db);
        enquire.add_matchspy(spy.get());
    }
    // Copies collapse into their best hit. The facet spy still sees every match: Xapian calls
    // match spies on each candidate before the collapser runs (tests/searcher checks this), so
    // facets count articles, copies included.
    if (collapse) enquire.set_collapse_key(schema::kSlotStory);
    if (request.sort == SortOrder::Date || copies_listing) {
        enquire.set_sort_by_value_then_relevance(schema::kSlotTimestamp, true);
    } else {
        // Ties, and every hit of a pure filter (all weigh 0), come newest first.
        enquire.set_sort_by_relevance_then_value(schema::kSlotTimestamp, true);
    }
    Xapian::MSet mset;
    try {
        // With --limit 0 nothing is fetched, but at least one match is still looked for so the
        // exit code can say whether anything matched.
        Xapian::doccount check_at_least = request.limit == 0 ? 1 : 0;
        if (spy) check_at_least = db.get_doccount();
        mset = enquire.get_mset(to_doccount(request.offset), to_doccount(request.limit),
                                check_at_least);
    } catch (const Xapian::WildcardError& e) {
        throw UsageError("bad query: " + e.get_msg());
    }
    if (spy) result.facets = collect_facets(*spy, request.facets, db);

    result.query = query.get_description();
    result.estimated_total = mset.get_matches_estimated();
    result.matched_lower_bound = mset.get_matches_lower_bound();
    result.offset = request.offset;
    result.limit = request.limit;
    if (!mset.empty()) {
        SnippetOptions options = request.snippet;
        options.language = request.language;
        SnippetMaker snippets(query, stemmer, &db, options);
        result.hits.reserve(mset.size());
        std::size_t rank = request.offset;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            result.hits.push_back(make_hit(it, ++rank, snippets));
        if (collapse) count_copies(db, query, result.hits);
    }
    result.elapsed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return result;
}

}  // namespace news::searcher

#include "render_json.hpp"

namespace news::searcher {

namespace {

// Text from the database or the query is UTF-8 almost always; a stray byte must not abort the
// output (nlohmann throws on invalid UTF-8 by default), so it becomes U+FFFD.
void write_line(const nlohmann::json& j, std::ostream& out) {
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

nlohmann::json hit_to_json(const Hit& hit) {
    nlohmann::json j;
    j["type"] = "hit";
    j["rank"] = hit.rank;
    j["docid"] = hit.docid;
    j["score"] = hit.score;
    j["percent"] = hit.percent;
    j["title"] = hit.title;
    j["date"] = hit.date;
    j["source"] = hit.source;
    if (!hit.url.empty()) j["url"] = hit.url;
    if (!hit.path.empty()) j["path"] = hit.path;
    j["lang"] = hit.lang;
    nlohmann::json highlights = nlohmann::json::array();
    for (const Highlight& h : hit.snippet.highlights)
        highlights.push_back({h.start, h.end});
    j["snippet"] = {{"text", hit.snippet.text}, {"highlights", std::move(highlights)}};
    if (!hit.story.empty()) j["story"] = hit.story;
    j["copies"] = hit.copies;
    j["copy_sources"] = hit.copy_sources;
    return j;
}

nlohmann::json facets_to_json(const FacetResult& facets) {
    nlohmann::json j = nlohmann::json::object();
    auto list = [&](const char* name, const std::optional<std::vector<FacetEntry>>& entries) {
        if (!entries) return;
        nlohmann::json a = nlohmann::json::array();
        for (const FacetEntry& e : *entries)
            a.push_back({{"name", e.name}, {"count", e.count}});
        j[name] = std::move(a);
    };
    list("person", facets.person);
    list("org", facets.org);
    list("place", facets.place);
    list("source", facets.source);
    if (facets.date) {
        nlohmann::json buckets = nlohmann::json::array();
        for (const DateBucket& b : facets.date->buckets)
            buckets.push_back({{"bucket", b.bucket}, {"count", b.count}});
        j["date"] = {{"by", std::string(granularity_name(facets.date->by))},
                     {"buckets", std::move(buckets)},
                     {"undated", facets.date->undated}};
    }
    return j;
}

nlohmann::json summary_to_json(const SearchResult& result) {
    nlohmann::json j;
    j["type"] = "summary";
    j["query"] = result.query;
    j["estimated_total"] = result.estimated_total;
    j["returned"] = result.hits.size();
    j["offset"] = result.offset;
    j["limit"] = result.limit;
    j["elapsed_ms"] = result.elapsed_ms;
    // Only when asked for or when there is something to say, so older readers see no change.
    if (result.facets) j["facets"] = facets_to_json(*result.facets);
    if (!result.notes.empty()) j["notes"] = result.notes;
    return j;
}

void render_json(const SearchResult& result, std::ostream& out) {
    for (const Hit& hit : result.hits)
        write_line(hit_to_json(hit), out);
    write_line(summary_to_json(result), out);
}

}  // namespace news::searcher

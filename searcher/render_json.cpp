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
    return j;
}

void render_json(const SearchResult& result, std::ostream& out) {
    for (const Hit& hit : result.hits)
        write_line(hit_to_json(hit), out);
    write_line(summary_to_json(result), out);
}

}  // namespace news::searcher

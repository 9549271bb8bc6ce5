// JSON Lines output for programs: one {"type":"hit",...} object per hit, then one
// {"type":"summary",...} object, each on its own line. Field names are part of the interface
// (scripts and the end-to-end tests parse them); empty url and path are left out, and date is ""
// for an article without one.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "search.hpp"

namespace news::searcher {

nlohmann::json hit_to_json(const Hit& hit);
// {"person": [{"name", "count"}, ...], "org", "place", "source", "date": {"by", "buckets":
// [{"bucket", "count"}, ...], "undated"}}: the facets asked for, and only those.
nlohmann::json facets_to_json(const FacetResult& facets);
// The summary line; "facets" is there when facets were asked for, "notes" when there are any.
nlohmann::json summary_to_json(const SearchResult& result);

void render_json(const SearchResult& result, std::ostream& out);

}  // namespace news::searcher

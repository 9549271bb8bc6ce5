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
nlohmann::json summary_to_json(const SearchResult& result);

void render_json(const SearchResult& result, std::ostream& out);

}  // namespace news::searcher

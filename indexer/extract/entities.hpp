// From the tagger's mentions to an article's entities: every mention of one person, organisation
// or place gathered under the name the article gave in full. Within an article "Mr. Blinken",
// "Blinken", "Secretary Blinken" and "Blinken's" join "Antony J. Blinken"; "IDF" joins "Israel
// Defense Forces" when the article defines it ("Israel Defense Forces (IDF)"); two people who
// share a surname ("Joe Biden", "Hunter Biden") stay apart, a bare "Biden" going to the one the
// article names most.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "entity.hpp"
#include "ner/tagger.hpp"

namespace news {

struct ArticleEntities {
    std::vector<Entity> entities;  // in order of first mention
    // Acronyms the article defined, acronym key -> the long form's entity key.
    std::map<std::string, std::string> acronyms;
};

ArticleEntities group_mentions(std::string_view text, const std::vector<Mention>& mentions);

}  // namespace news

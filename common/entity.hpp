// Named entities as they travel with an article: the three kinds the tagger finds, and an entity
// of one article with its canonical name and every place in the text where it is mentioned.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace news {

enum class EntityType { Person, Organization, Place };

// "person", "organization", "place": the names eval-ner and the dry-run records use.
std::string_view entity_type_name(EntityType type);

struct EntityMention {
    size_t start = 0;  // byte offset into Article::text of the first byte of the mention
    size_t end = 0;    // one past its last byte
};

// One entity of one article: every mention the article makes of it ("Antony J. Blinken",
// "Mr. Blinken", "Blinken's"), under the name the article gave in full, without titles or
// honorifics ("Antony J. Blinken").
struct Entity {
    EntityType type = EntityType::Person;
    std::string name;
    std::vector<EntityMention> mentions;
};

}  // namespace news

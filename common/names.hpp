// Names of people, organisations and places as the archive compares them. A name's key is what
// two spellings of one entity share: "Antony J. Blinken", "Mr. Antony Blinken" and "Antony
// Blinken's" all have the key "antony blinken"; "Erdoğan" and "Erdogan" the key "erdogan". Keys
// are what the index stores (schema::entity_term) and what the alias table groups.
#pragma once

#include <string>
#include <string_view>

#include "entity.hpp"

namespace news::names {

// The name as it should be shown: titles and honorifics ("Mr.", "Gen.", "Secretary of State",
// "Prime Minister"), a possessive "'s" and surrounding punctuation removed, whitespace
// collapsed; the rest as written ("Mr. Antony J. Blinken's" -> "Antony J. Blinken").
std::string clean_name(EntityType type, std::string_view name);

// The matching key of a name: clean_name, then diacritics folded to ASCII where Latin, lower
// case, punctuation dropped, one space between words; for a person, middle names and initials
// dropped so the key is "first last" (or just "last"). Empty when nothing is left.
std::string entity_key(EntityType type, std::string_view name);

// The last word of a person key ("antony blinken" -> "blinken").
std::string_view surname_of_key(std::string_view person_key);

// Whether two person keys can name one person: same surname, and first names equal, one an
// initial of the other, one missing, or near spellings ("anthony"/"antony"). "joe biden" and
// "hunter biden" are not.
bool same_person(std::string_view key_a, std::string_view key_b);

// The initials of an organisation's name as an acronym key ("Israel Defense Forces" -> "idf",
// "International Monetary Fund" -> "imf"); empty for a one-word name.
std::string acronym_key(std::string_view name);

}  // namespace news::names

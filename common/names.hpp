// Names of people, organisations and places as the archive compares them. A name's key is what
// two spellings of one entity share: "Antony J. Blinken", "Mr. Antony Blinken" and "Antony
// Blinken's" all have the key "antony blinken"; "Erdoğan" and "Erdogan" the key "erdogan". Keys
// are what the index stores (schema::entity_term) and what the alias table groups.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entity.hpp"

namespace news::names {

// The name as it should be shown: titles and honorifics ("Mr.", "Gen.", "Secretary of State",
// "Prime Minister"), a possessive "'s" and surrounding punctuation removed, whitespace
// collapsed; the rest as written ("Mr. Antony J. Blinken's" -> "Antony J. Blinken").
std::string clean_name(EntityType type, std::string_view name);
// (Titles and honorifics are removed for persons only, and only as leading words, never when
// nothing would be left: "King" stays "King", "General Motors" is an organisation. Leading
// modifiers go with the title they qualify: "former President", "acting Secretary". A trailing
// possessive is removed from persons and places; organisations keep theirs ("McDonald's").
// A leading lower-case "the" is dropped from organisations and places.)

// The matching key of a name: clean_name, then diacritics folded to ASCII where Latin, lower
// case, punctuation dropped, one space between words; for a person, middle names and initials
// dropped so the key is "first last" (or just "last"). Empty when nothing is left.
// Details: folding is NFKD without combining marks plus "ß"->"ss", "ø"->"o", "ł"->"l",
// "ı"->"i", "æ"->"ae" and the like; other scripts are only lower-cased. Apostrophes and periods
// join ("O'Neill" -> "oneill", "U.S." -> "us"). Organisations and places: dashes and slashes
// separate words ("Rolls-Royce" -> "rolls royce") and a leading "the" goes. Persons: dash-joined
// parts are one word ("Jean-Claude" -> "jeanclaude") except after an Arabic article, which is
// dropped ("al-Assad" -> "assad"); particles before the surname are dropped ("Ursula von der
// Leyen" -> "ursula leyen", "de Gaulle" -> "gaulle") unless a capitalised one opens the name
// ("Al Gore" -> "al gore"); generational suffixes go ("Jr.", "III"); a lone honorific ("Mr.")
// gives "". A sole first initial stays ("J. Biden" -> "j biden").
std::string entity_key(EntityType type, std::string_view name);

// The last word of a person key ("antony blinken" -> "blinken").
std::string_view surname_of_key(std::string_view person_key);

// Whether two person keys can name one person: same surname, and first names equal, one an
// initial of the other, one missing, or near spellings ("anthony"/"antony", see
// near_first_names). "joe biden" and "hunter biden" are not, nor "jill biden" and "joe biden".
// Not transitive ("j biden" matches both Joe and Jill): callers cluster around a head.
// Thread-safe, like every function here.
bool same_person(std::string_view key_a, std::string_view key_b);

// Whether two first names (folded, lower case, as in keys) can be one person's: equal, one
// missing or an initial of the other, or near spellings with the same first letter
// (Damerau-Levenshtein distance <= 1 when the shorter has >= 4 letters, <= 2 from 7 letters).
bool near_first_names(std::string_view a, std::string_view b);

// The initials of an organisation's name as an acronym key ("Israel Defense Forces" -> "idf",
// "International Monetary Fund" -> "imf", "Federal Bureau of Investigation" -> "fbi": small
// words such as "of", "the", "and" skipped); empty for a one-word name.
std::string acronym_key(std::string_view name);

// Every acronym key the name may be written as: acronym_key() first, then the initials of all
// words when they differ ("Department of Justice" -> "dj", "doj"). Empty for a one-word name.
std::vector<std::string> acronym_keys(std::string_view name);

}  // namespace news::names

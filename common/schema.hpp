// The index schema: every term prefix, value slot and document-data field of the database is
// named here and nowhere else, with the encoders that turn article fields into terms and values.
// Prefixes follow Xapian's conventions (Q unique id, S title, A author, L language, H host,
// D/M/Y day/month/year, Z stemmed forms); project-specific prefixes start with X.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "article.hpp"
#include "date.hpp"

namespace news::schema {

// Term prefixes.
inline constexpr std::string_view kUniqueId = "Q";
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kAuthor = "A";
inline constexpr std::string_view kLanguage = "L";
inline constexpr std::string_view kHost = "H";
inline constexpr std::string_view kSource = "XS";
inline constexpr std::string_view kDay = "D";
inline constexpr std::string_view kMonth = "M";
inline constexpr std::string_view kYear = "Y";
inline constexpr std::string_view kFormat = "XF";
// Named entities, one boolean term per entity of the article: prefix + names::entity_key().
inline constexpr std::string_view kPerson = "XP";
inline constexpr std::string_view kOrganization = "XO";
inline constexpr std::string_view kPlace = "XG";
// Story dedup (indexer/dedup/simhash.hpp): near-copy lookup terms and the story cluster.
inline constexpr std::string_view kSimhashBand = "XB";  // + band digit + 4 hex digits
inline constexpr std::string_view kSketchAnchor = "XA";  // + 8 hex digits: a smallest shingle hash
inline constexpr std::string_view kExactText = "XE";     // + 16 hex digits: normalised words' hash
inline constexpr std::string_view kStory = "XK";         // + story id: every article of a cluster
// Xapian's TermGenerator and QueryParser put this before the (field prefix and) stem of a word.
inline constexpr std::string_view kStemmed = "Z";

// Value slots.
inline constexpr Xapian::valueno kSlotDate = 0;    // "YYYYMMDD", sortable, DateRangeProcessor
inline constexpr Xapian::valueno kSlotSource = 1;  // source name as shown
// The article's entity keys of one kind (names::entity_key), sorted, unique, joined by '\n':
// what the facet spies count.
inline constexpr Xapian::valueno kSlotPersons = 2;
inline constexpr Xapian::valueno kSlotOrganizations = 3;
inline constexpr Xapian::valueno kSlotPlaces = 4;
inline constexpr Xapian::valueno kSlotTimestamp = 5;  // Date::timestamp(): newest-first order
inline constexpr Xapian::valueno kSlotSimhash = 7;  // 64-bit simhash of the text, 16 hex digits
// Story id (16 hex digits, hash_hex of the unique id term of the cluster's first article): the
// collapse key that folds syndicated copies into one hit.
inline constexpr Xapian::valueno kSlotStory = 8;
inline constexpr Xapian::valueno kSlotSketch = 9;  // bottom-k shingle sketch, 4 bytes a hash
inline constexpr Xapian::valueno kSlotContentHash = 6;  // index_state: unchanged documents

// Within-document frequency boost of title words over body words.
inline constexpr Xapian::termcount kTitleWeight = 3;

// Metadata keys. The archive's alias table lives under kMetaAliasPrefix (see alias_table.hpp).
inline constexpr std::string_view kMetaSchemaVersion = "news-search:schema";
inline constexpr std::string_view kSchemaVersion = "2";
inline constexpr std::string_view kMetaAliasPrefix = "alias:";

// The unique id term of an article: from its canonical URL when it has one, else from a hash of
// its cleaned content. Long keys are hashed so the term fits Xapian's term length limit.
std::string unique_id_term(const Article& article);

// Lower-cased host of a URL without "www.", or "" when the URL has none.
std::string host_of_url(std::string_view url);

// Canonical form of a URL for identity: scheme and host lower-cased, fragment and tracking
// parameters (utm_*, fbclid, gclid) dropped, default ports removed.
std::string canonical_url(std::string_view url);

// Boolean term for a source name or host: lower-cased, spaces kept as "-".
std::string source_term(std::string_view source);
std::string host_term(std::string_view host);
std::string language_term(std::string_view lang);
std::string date_terms_day(const Date& d);
std::string date_terms_month(const Date& d);
std::string date_terms_year(const Date& d);

// Term prefix, value slot and boolean term of an entity kind; `key` is names::entity_key().
std::string_view entity_prefix(EntityType type);
Xapian::valueno entity_slot(EntityType type);
std::string entity_term(EntityType type, std::string_view key);

// Story dedup terms and values.
std::string simhash_band_term(int band, std::uint16_t bits);
std::string sketch_anchor_term(std::uint32_t hash);
std::string exact_text_term(std::uint64_t hash);
std::string story_term(std::string_view story_id);
std::string story_id_for(std::string_view unique_id_term);  // a new cluster's id
std::string encode_simhash(std::uint64_t simhash);           // 16 lower-case hex digits
// nullopt for anything but 16 hex digits.
std::optional<std::uint64_t> decode_simhash(std::string_view value);

// Document data: what results display, serialised as JSON. Entities keep their type and name,
// not their mentions.
std::string encode_document_data(const Article& article);
Article decode_document_data(const std::string& data);

// 64-bit FNV-1a, hex encoded: stable content hashes for ids.
std::string hash_hex(std::string_view bytes);
// The same hash as a number.
std::uint64_t hash64(std::string_view bytes);

}  // namespace news::schema

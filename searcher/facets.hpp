// Facets: how the whole match set (not only the page shown) splits by person, organisation,
// place, source and publication date. A Xapian::MatchSpy reads the value slots of every matching
// document while Enquire runs; the counting after the match is plain functions on plain data, so
// the tests can check them on hand-made counts.
//
// Exact counts for entities: a slot holds an article's keys of one kind, sorted, unique, joined
// by '\n'. The spy counts each distinct slot value (the article's key set) once per article, so
// after the match the key sets can be read again with the keys grouped into the alias table's
// clusters, and a cluster counts once per article however many of its keys the article holds.
// Only the best keys are mapped to clusters (one metadata read each), never per document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "alias_table.hpp"

namespace news::searcher {

enum class DateGranularity { Day, Month, Year };

// "day", "month", "year".
std::string_view granularity_name(DateGranularity by);
// Reads "day", "month" or "year"; nullopt for anything else.
std::optional<DateGranularity> parse_granularity(std::string_view text);

// What the user asked for with --facets, --facet-limit and --by.
struct FacetRequest {
    bool person = false;
    bool org = false;
    bool place = false;
    bool source = false;
    bool date = false;
    std::size_t limit = 10;             // entries per facet (date buckets are never cut)
    std::optional<DateGranularity> by;  // nullopt: chosen from the span of the matches

    bool any() const { return person || org || place || source || date; }
};

// Reads the --facets list: "person,org,place,source,date" in any order and subset, or "all".
// Throws news::UsageError naming an unknown facet.
FacetRequest parse_facet_list(std::string_view text);

struct FacetEntry {
    std::string name;
    Xapian::doccount count = 0;

    bool operator==(const FacetEntry&) const = default;
};

struct DateBucket {
    std::string bucket;  // "2024-03-05", "2024-03" or "2024"
    Xapian::doccount count = 0;

    bool operator==(const DateBucket&) const = default;
};

struct DateFacet {
    DateGranularity by = DateGranularity::Month;
    // Oldest first; buckets without articles between the first and the last are there with 0
    // (unless that would make more than kMaxFilledBuckets rows: then only those with articles).
    std::vector<DateBucket> buckets;
    Xapian::doccount undated = 0;  // matching articles with no date
};

// Facets of one search; a facet not asked for is nullopt.
struct FacetResult {
    std::optional<std::vector<FacetEntry>> person;
    std::optional<std::vector<FacetEntry>> org;
    std::optional<std::vector<FacetEntry>> place;
    std::optional<std::vector<FacetEntry>> source;
    std::optional<DateFacet> date;
};

// Distinct values of a slot and the number of matching documents holding each.
using ValueCounts = std::unordered_map<std::string, Xapian::doccount>;

// The key sets of a multi-valued slot over the matches: each distinct key once with the number
// of sets holding it, and every set as the ids of its keys, so that keys can be grouped into
// clusters after the match and counted exactly, without reading the strings again.
class KeySets {
  public:
    // Adds one '\n'-joined set standing for `weight` documents. A key repeated in a set counts
    // once; empty keys are skipped.
    void add(std::string_view set, Xapian::doccount weight = 1);

    std::size_t keys() const { return m_key_text.size(); }
    const std::string& key(std::size_t id) const { return m_key_text[id]; }
    Xapian::doccount count(std::size_t id) const { return m_counts[id]; }
    std::size_t sets() const { return m_weights.size(); }
    // The id of a key, or -1 when no set holds it.
    long find(std::string_view key) const;
    bool empty() const { return m_weights.empty(); }

    // Calls f(ids, count, weight) for each set: its key ids and how many documents it stands for.
    template <typename F>
    void for_each_set(F&& f) const {
        std::size_t begin = 0;
        for (std::size_t s = 0; s < m_weights.size(); ++s) {
            f(m_ids.data() + begin, m_ends[s] - begin, m_weights[s]);
            begin = m_ends[s];
        }
    }

    // Each key with its count (for tests and debugging).
    ValueCounts key_counts() const;

  private:
    std::uint32_t intern(std::string_view key);
    void grow();

    // An open-addressing table of key ids by hash (linear probing, at most half full): one
    // contiguous array, so a look-up costs about one cache miss, which is what counting every
    // key of every match comes down to.
    struct Slot {
        std::uint32_t tag = 0;  // high bits of the hash
        std::uint32_t id = kEmpty;
    };
    static constexpr std::uint32_t kEmpty = 0xffffffff;
    std::string_view text_of(std::uint32_t id) const {
        return std::string_view(m_arena).substr(m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
    }
    std::vector<Slot> m_table;
    std::string m_arena;                    // every key's text, one after another
    std::vector<std::size_t> m_offsets{0};  // key id -> start in m_arena; one more at the end
    std::vector<std::string> m_key_text;    // by id, for callers
    std::vector<Xapian::doccount> m_counts;
    std::vector<std::uint32_t> m_ids;         // every set's key ids, one set after another
    std::vector<std::size_t> m_ends;          // per set: one past its last id in m_ids
    std::vector<Xapian::doccount> m_weights;  // per set: the documents it stands for
};

// Counts, while Enquire runs, the key sets of the multi-valued slots and the distinct values of
// the single-valued ones (empty values, slots a document lacks, are not counted). One value read
// per slot and document and one hash look-up per key: no metadata while the match runs.
//
// Documents come to a spy in docid order, so with the database at hand values are read from the
// slots' value streams (each chunk of a stream decoded once), several times faster than a
// Document::get_value per document; a document out of order is read the slow way.
class FacetSpy : public Xapian::MatchSpy {
  public:
    FacetSpy(std::vector<Xapian::valueno> key_set_slots, std::vector<Xapian::valueno> value_slots,
             const Xapian::Database* db = nullptr);

    void operator()(const Xapian::Document& doc, double wt) override;
    std::string name() const override { return "news::searcher::FacetSpy"; }

    // The counts of a slot given to the constructor (empty for any other).
    const KeySets& key_sets(Xapian::valueno slot) const;
    const ValueCounts& values(Xapian::valueno slot) const;
    Xapian::doccount documents() const { return m_documents; }

  private:
    struct Stream {
        Xapian::ValueIterator it;
        Xapian::ValueIterator end;
    };
    std::string value(std::size_t stream, Xapian::valueno slot, const Xapian::Document& doc,
                      Xapian::docid did);

    std::vector<Stream> m_streams;  // key-set slots, then value slots; empty without a database
    Xapian::docid m_last = 0;
    std::vector<Xapian::valueno> m_key_set_slots;
    std::vector<KeySets> m_key_sets;
    std::vector<Xapian::valueno> m_value_slots;
    std::vector<ValueCounts> m_values;
    Xapian::doccount m_documents = 0;
};

// The `limit` entities that most documents name, with the keys of one cluster merged under the
// cluster's name and counted once per document. `cluster_of` maps a key to its cluster (the
// alias table's cluster_of_key); it is asked only for the most frequent keys, most frequent
// first, until `limit` clusters are known and no key left could beat the last of them (or a
// bound on look-ups is reached). Most documents first, then by name.
std::vector<FacetEntry> top_entities(
    const KeySets& sets, std::size_t limit,
    const std::function<EntityCluster(const std::string&)>& cluster_of);

// The `limit` most frequent sources; names that make the same source term ("Reuters",
// "REUTERS") are one source, shown in their most frequent spelling.
std::vector<FacetEntry> top_sources(const ValueCounts& sources, std::size_t limit);

// The granularity for matches from `first` to `last` ("YYYYMMDD"): up to 60 days by day, up to
// five years by month, else by year.
DateGranularity choose_granularity(std::string_view first, std::string_view last);

// The most rows a date facet fills with empty buckets.
inline constexpr std::size_t kMaxFilledBuckets = 400;

// Buckets of the "YYYYMMDD" day counts by `by`, or by choose_granularity when nullopt. Values
// that are not a date count as undated.
DateFacet bucket_dates(const ValueCounts& days, std::optional<DateGranularity> by);

// Runs the counting after a match the spy watched: entities through `db`'s alias table.
FacetResult collect_facets(const FacetSpy& spy, const FacetRequest& request,
                           const Xapian::Database& db);

// The spy `request` needs, reading `db`'s value streams.
std::unique_ptr<FacetSpy> make_facet_spy(const FacetRequest& request, const Xapian::Database& db);

}  // namespace news::searcher

#include "facets.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>

#include "error.hpp"
#include "schema.hpp"

namespace news::searcher {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool by_count_then_name(const FacetEntry& a, const FacetEntry& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
}

// A "YYYYMMDD" value as a calendar day, or nullopt.
std::optional<std::chrono::year_month_day> read_day(std::string_view v) {
    if (v.size() != 8 || v.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) {
        int n = 0;
        for (std::size_t i = pos; i < pos + len; ++i)
            n = n * 10 + (v[i] - '0');
        return n;
    };
    std::chrono::year_month_day d{std::chrono::year(num(0, 4)),
                                  std::chrono::month(static_cast<unsigned>(num(4, 2))),
                                  std::chrono::day(static_cast<unsigned>(num(6, 2)))};
    if (!d.ok()) return std::nullopt;
    return d;
}

// A bucket as one ordered number: days since the epoch, months since year 0, or the year.
long bucket_index(const std::chrono::year_month_day& d, DateGranularity by) {
    switch (by) {
        case DateGranularity::Day:
            return std::chrono::sys_days(d).time_since_epoch().count();
        case DateGranularity::Month:
            return static_cast<long>(int(d.year())) * 12 + static_cast<long>(unsigned(d.month())) -
                   1;
        case DateGranularity::Year:
            return int(d.year());
    }
    return 0;
}

std::string bucket_label(long index, DateGranularity by) {
    char buf[32];
    switch (by) {
        case DateGranularity::Day: {
            std::chrono::year_month_day d{std::chrono::sys_days(std::chrono::days(index))};
            std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                          unsigned(d.day()));
            break;
        }
        case DateGranularity::Month:
            std::snprintf(buf, sizeof buf, "%04ld-%02ld", index / 12, index % 12 + 1);
            break;
        case DateGranularity::Year:
            std::snprintf(buf, sizeof buf, "%04ld", index);
            break;
    }
    return buf;
}

}  // namespace

std::string_view granularity_name(DateGranularity by) {
    switch (by) {
        case DateGranularity::Day:
            return "day";
        case DateGranularity::Month:
            return "month";
        case DateGranularity::Year:
            return "year";
    }
    return "month";
}

std::optional<DateGranularity> parse_granularity(std::string_view text) {
    std::string t = ascii_lower(trim(text));
    if (t == "day" || t == "days") return DateGranularity::Day;
    if (t == "month" || t == "months") return DateGranularity::Month;
    if (t == "year" || t == "years") return DateGranularity::Year;
    return std::nullopt;
}

FacetRequest parse_facet_list(std::string_view text) {
    FacetRequest r;
    std::string_view rest = text;
    bool any = false;
    while (true) {
        std::size_t comma = rest.find(',');
        std::string name = ascii_lower(trim(rest.substr(0, comma)));
        if (!name.empty()) {
            any = true;
            if (name == "all") {
                r.person = r.org = r.place = r.source = r.date = true;
            } else if (name == "person" || name == "persons" || name == "people") {
                r.person = true;
            } else if (name == "org" || name == "orgs" || name == "organization" ||
                       name == "organizations" || name == "organisation" ||
                       name == "organisations") {
                r.org = true;
            } else if (name == "place" || name == "places") {
                r.place = true;
            } else if (name == "source" || name == "sources") {
                r.source = true;
            } else if (name == "date" || name == "dates") {
                r.date = true;
            } else {
                std::string shown = name.size() > 40 ? name.substr(0, 40) + "…" : name;
                for (char& c : shown) {
                    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
                }
                throw UsageError("unknown facet '" + shown +
                                 "' (choose from person, org, place, source, date, or all)");
            }
        }
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    if (!any) {
        throw UsageError("--facets needs a list: person, org, place, source, date, or all");
    }
    return r;
}

namespace {

// A fast hash of a short key: eight bytes at a time, each word multiplied in, then a final mix
// so that the low bits (the table index) depend on every byte.
std::uint64_t key_hash(std::string_view key) {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
    std::uint64_t h = key.size() * kMul;
    const char* p = key.data();
    std::size_t n = key.size();
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * kMul;
    }
    h ^= h >> 32;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

}  // namespace

void KeySets::grow() {
    m_table.assign(std::max<std::size_t>(64, m_table.size() * 2), Slot{});
    const std::size_t mask = m_table.size() - 1;
    for (std::uint32_t id = 0; id < m_key_text.size(); ++id) {
        const std::uint64_t hash = key_hash(text_of(id));
        std::size_t i = hash & mask;
        while (m_table[i].id != kEmpty)
            i = (i + 1) & mask;
        m_table[i] = {static_cast<std::uint32_t>(hash >> 32), id};
    }
}

std::uint32_t KeySets::intern(std::string_view key) {
    if ((m_key_text.size() + 1) * 2 > m_table.size()) grow();
    const std::uint64_t hash = key_hash(key);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    const std::size_t mask = m_table.size() - 1;
    std::size_t i = hash & mask;
    while (m_table[i].id != kEmpty) {
        if (m_table[i].tag == tag && text_of(m_table[i].id) == key) return m_table[i].id;
        i = (i + 1) & mask;
    }
    const auto id = static_cast<std::uint32_t>(m_key_text.size());
    m_table[i] = {tag, id};
    m_arena.append(key);
    m_offsets.push_back(m_arena.size());
    m_key_text.emplace_back(key);
    m_counts.push_back(0);
    return id;
}

long KeySets::find(std::string_view key) const {
    if (m_table.empty()) return -1;
    const std::uint64_t hash = key_hash(key);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    const std::size_t mask = m_table.size() - 1;
    for (std::size_t i = hash & mask; m_table[i].id != kEmpty; i = (i + 1) & mask) {
        if (m_table[i].tag == tag && text_of(m_table[i].id) == key) return m_table[i].id;
    }
    return -1;
}

void KeySets::add(std::string_view set, Xapian::doccount weight) {
    const std::size_t begin = m_ids.size();
    while (!set.empty()) {
        std::size_t nl = set.find('\n');
        std::string_view key = set.substr(0, nl);
        set = nl == std::string_view::npos ? std::string_view() : set.substr(nl + 1);
        if (key.empty()) continue;
        const std::uint32_t id = intern(key);
        // Sets are stored sorted and unique; a key seen twice in one set counts once all the
        // same (sets are a handful of keys, so the look-back is short).
        if (std::find(m_ids.begin() + static_cast<long>(begin), m_ids.end(), id) != m_ids.end())
            continue;
        m_counts[id] += weight;
        m_ids.push_back(id);
    }
    if (m_ids.size() == begin) return;  // no keys: not a set
    m_ends.push_back(m_ids.size());
    m_weights.push_back(weight);
}

ValueCounts KeySets::key_counts() const {
    ValueCounts out;
    for (std::size_t id = 0; id < m_key_text.size(); ++id)
        out[m_key_text[id]] = m_counts[id];
    return out;
}

FacetSpy::FacetSpy(std::vector<Xapian::valueno> key_set_slots,
                   std::vector<Xapian::valueno> value_slots, const Xapian::Database* db)
    : m_key_set_slots(std::move(key_set_slots)),
      m_key_sets(m_key_set_slots.size()),
      m_value_slots(std::move(value_slots)),
      m_values(m_value_slots.size()) {
    if (!db) return;
    for (const auto* slots : {&m_key_set_slots, &m_value_slots}) {
        for (Xapian::valueno slot : *slots)
            m_streams.push_back({db->valuestream_begin(slot), db->valuestream_end(slot)});
    }
}

std::string FacetSpy::value(std::size_t stream, Xapian::valueno slot, const Xapian::Document& doc,
                            Xapian::docid did) {
    if (m_streams.empty() || did <= m_last) return doc.get_value(slot);
    Stream& s = m_streams[stream];
    if (s.it != s.end && s.it.get_docid() < did) s.it.skip_to(did);
    if (s.it != s.end && s.it.get_docid() == did) return *s.it;
    return {};
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++m_documents;
    const Xapian::docid did = doc.get_docid();
    std::size_t stream = 0;
    for (std::size_t i = 0; i < m_key_set_slots.size(); ++i) {
        const std::string v = value(stream++, m_key_set_slots[i], doc, did);
        if (!v.empty()) m_key_sets[i].add(v);
    }
    for (std::size_t i = 0; i < m_value_slots.size(); ++i) {
        std::string v = value(stream++, m_value_slots[i], doc, did);
        if (!v.empty()) ++m_values[i][std::move(v)];
    }
    m_last = std::max(m_last, did);
}

const KeySets& FacetSpy::key_sets(Xapian::valueno slot) const {
    static const KeySets kNone;
    for (std::size_t i = 0; i < m_key_set_slots.size(); ++i) {
        if (m_key_set_slots[i] == slot) return m_key_sets[i];
    }
    return kNone;
}

const ValueCounts& FacetSpy::values(Xapian::valueno slot) const {
    static const ValueCounts kNone;
    for (std::size_t i = 0; i < m_value_slots.size(); ++i) {
        if (m_value_slots[i] == slot) return m_values[i];
    }
    return kNone;
}

std::vector<FacetEntry> top_entities(
    const KeySets& sets, std::size_t limit,
    const std::function<EntityCluster(const std::string&)>& cluster_of) {
    if (limit == 0 || sets.empty()) return {};
    std::vector<std::uint32_t> order(sets.keys());
    for (std::size_t id = 0; id < order.size(); ++id)
        order[id] = static_cast<std::uint32_t>(id);
    auto more_frequent = [&](std::uint32_t a, std::uint32_t b) {
        return sets.count(a) != sets.count(b) ? sets.count(a) > sets.count(b)
                                              : sets.key(a) < sets.key(b);
    };
    // Only the head of the order is ever looked at.
    const std::size_t max_lookups = limit * 4 + 32;
    if (order.size() > max_lookups * 4) {
        std::nth_element(order.begin(), order.begin() + static_cast<long>(max_lookups * 4),
                         order.end(), more_frequent);
        order.resize(max_lookups * 4);
    }
    std::sort(order.begin(), order.end(), more_frequent);

    // Clusters of the most frequent keys. A cluster counts at least as many documents as its
    // most frequent key, so once `limit` clusters are known, a key rarer than the limit-th of
    // those lower bounds cannot start a cluster that enters the list (barring a cluster of many
    // rare keys, which the bound on look-ups accepts missing).
    struct Found {
        std::string name;
        Xapian::doccount lower_bound = 0;
        Xapian::doccount count = 0;
    };
    std::vector<Found> clusters;
    constexpr std::int32_t kNoCluster = -1;
    std::vector<std::int32_t> cluster_of_id(sets.keys(), kNoCluster);
    std::unordered_map<std::string, std::int32_t> id_by_name;
    std::size_t lookups = 0;
    for (std::uint32_t id : order) {
        if (cluster_of_id[id] != kNoCluster) continue;
        const Xapian::doccount count = sets.count(id);
        if (clusters.size() >= limit) {
            std::vector<Xapian::doccount> bounds;
            bounds.reserve(clusters.size());
            for (const Found& f : clusters)
                bounds.push_back(f.lower_bound);
            std::nth_element(bounds.begin(), bounds.begin() + static_cast<long>(limit - 1),
                             bounds.end(), std::greater<>());
            if (count < bounds[limit - 1]) break;
        }
        if (lookups++ >= max_lookups) break;
        EntityCluster c = cluster_of(sets.key(id));
        std::string name = c.name.empty() ? sets.key(id) : std::move(c.name);
        // One name is one entry: a table whose clusters disagree about their keys still shows
        // an entity once, and the recount below keeps it once per document.
        auto [named, added] = id_by_name.emplace(name, static_cast<std::int32_t>(clusters.size()));
        const std::int32_t cid = named->second;
        if (added) clusters.push_back({std::move(name), 0, 0});
        Found& found = clusters[static_cast<std::size_t>(cid)];
        found.lower_bound = std::max(found.lower_bound, count);
        cluster_of_id[id] = cid;
        for (const std::string& k : c.keys) {
            const long other = sets.find(k);
            if (other < 0) continue;  // no match names it
            auto o = static_cast<std::size_t>(other);
            if (cluster_of_id[o] != kNoCluster) continue;  // a key already placed stays there
            cluster_of_id[o] = cid;
            found.lower_bound = std::max(found.lower_bound, sets.count(o));
        }
    }

    // Exact counts: each key set once more, each cluster once per set however many of its keys
    // the set holds.
    std::vector<std::int32_t> seen;
    sets.for_each_set([&](const std::uint32_t* ids, std::size_t n, Xapian::doccount weight) {
        seen.clear();
        for (std::size_t i = 0; i < n; ++i) {
            const std::int32_t cid = cluster_of_id[ids[i]];
            if (cid == kNoCluster) continue;
            if (std::find(seen.begin(), seen.end(), cid) != seen.end()) continue;
            seen.push_back(cid);
            clusters[static_cast<std::size_t>(cid)].count += weight;
        }
    });

    std::vector<FacetEntry> out;
    out.reserve(clusters.size());
    for (Found& f : clusters)
        out.push_back({std::move(f.name), f.count});
    std::sort(out.begin(), out.end(), by_count_then_name);
    if (out.size() > limit) out.resize(limit);
    return out;
}

std::vector<FacetEntry> top_sources(const ValueCounts& sources, std::size_t limit) {
    struct Source {
        Xapian::doccount count = 0;
        std::string name;
        Xapian::doccount name_count = 0;
    };
    std::unordered_map<std::string, Source> by_term;
    for (const auto& [name, n] : sources) {
        Source& s = by_term[schema::source_term(name)];
        s.count += n;
        if (n > s.name_count || (n == s.name_count && name < s.name)) {
            s.name = name;
            s.name_count = n;
        }
    }
    std::vector<FacetEntry> out;
    out.reserve(by_term.size());
    for (auto& [term, s] : by_term)
        out.push_back({std::move(s.name), s.count});
    std::sort(out.begin(), out.end(), by_count_then_name);
    if (out.size() > limit) out.resize(limit);
    return out;
}

DateGranularity choose_granularity(std::string_view first, std::string_view last) {
    auto a = read_day(first), b = read_day(last);
    if (!a || !b) return DateGranularity::Month;
    auto span = std::chrono::sys_days(*b) - std::chrono::sys_days(*a);
    long days = std::abs(span.count());
    if (days <= 60) return DateGranularity::Day;
    if (days <= 5 * 365 + 1) return DateGranularity::Month;
    return DateGranularity::Year;
}

DateFacet bucket_dates(const ValueCounts& days, std::optional<DateGranularity> by) {
    DateFacet out;
    std::vector<std::pair<std::chrono::year_month_day, Xapian::doccount>> dated;
    dated.reserve(days.size());
    std::string first, last;
    for (const auto& [value, n] : days) {
        auto d = read_day(value);
        if (!d) {
            out.undated += n;
            continue;
        }
        dated.emplace_back(*d, n);
        if (first.empty() || value < first) first = value;
        if (last.empty() || value > last) last = value;
    }
    out.by = by ? *by : choose_granularity(first, last);
    if (dated.empty()) return out;

    std::map<long, Xapian::doccount> counts;
    for (const auto& [d, n] : dated)
        counts[bucket_index(d, out.by)] += n;
    const long lo = counts.begin()->first, hi = counts.rbegin()->first;
    if (static_cast<unsigned long>(hi - lo) < kMaxFilledBuckets) {
        out.buckets.reserve(static_cast<std::size_t>(hi - lo + 1));
        for (long i = lo; i <= hi; ++i) {
            auto it = counts.find(i);
            out.buckets.push_back({bucket_label(i, out.by), it == counts.end() ? 0 : it->second});
        }
    } else {
        out.buckets.reserve(counts.size());
        for (const auto& [i, n] : counts)
            out.buckets.push_back({bucket_label(i, out.by), n});
    }
    return out;
}

std::unique_ptr<FacetSpy> make_facet_spy(const FacetRequest& request, const Xapian::Database& db) {
    std::vector<Xapian::valueno> key_sets, values;
    if (request.person) key_sets.push_back(schema::entity_slot(EntityType::Person));
    if (request.org) key_sets.push_back(schema::entity_slot(EntityType::Organization));
    if (request.place) key_sets.push_back(schema::entity_slot(EntityType::Place));
    if (request.source) values.push_back(schema::kSlotSource);
    if (request.date) values.push_back(schema::kSlotDate);
    return std::make_unique<FacetSpy>(std::move(key_sets), std::move(values), &db);
}

FacetResult collect_facets(const FacetSpy& spy, const FacetRequest& request,
                           const Xapian::Database& db) {
    FacetResult out;
    auto entities = [&](EntityType type) {
        return top_entities(spy.key_sets(schema::entity_slot(type)), request.limit,
                            [&](const std::string& key) { return cluster_of_key(db, type, key); });
    };
    if (request.person) out.person = entities(EntityType::Person);
    if (request.org) out.org = entities(EntityType::Organization);
    if (request.place) out.place = entities(EntityType::Place);
    if (request.source) out.source = top_sources(spy.values(schema::kSlotSource), request.limit);
    if (request.date) {
        const ValueCounts& days = spy.values(schema::kSlotDate);
        out.date = bucket_dates(days, request.by);
        Xapian::doccount with_value = 0;
        for (const auto& [value, n] : days)
            with_value += n;
        out.date->undated += spy.documents() - std::min(spy.documents(), with_value);
    }
    return out;
}

}  // namespace news::searcher

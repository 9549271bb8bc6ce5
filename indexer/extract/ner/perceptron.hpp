// The entity tagger's model: an averaged perceptron over hashed features (features.hpp), its
// training-time weights, the decoders (beam search, which training with early update and tagging
// share, and the greedy decoder of the token-by-token variant), and the model file. Weights are
// kept only for features training ever updated (the others are zero), and stored as 16-bit integers
// with one scale, so a model is a few megabytes and tagging sums integers. The file is
// little-endian and versioned:
//
//   "news-ner" u32 version  u8 scheme  u8 tags  u16 beam width  f32 scale
//   u32 words  u32 gazetteer  u32 features  u64 form-bytes
//   words      x (u64 key, u8 case class, u8 form length)   then the forms, concatenated
//   gazetteer  x (u64 key, u8 kinds)
//   features   x u64 key                                    then features x tags x i16 weight
//   u64 hash of every byte before it
//
// Keys are the 64-bit hashes of hash.hpp. Loading checks the size the counts imply and the
// final hash, so a truncated or damaged file is refused with a one-line error.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "features.hpp"
#include "flat_map.hpp"

namespace news::ner {

constexpr uint32_t kModelVersion = 1;
constexpr int kMaxTags = 17;

// The final model's weights: feature hash -> one int16 weight per tag.
class WeightTable {
  public:
    using Score = int32_t;

    void build(int tags, std::vector<uint64_t> keys, const std::vector<int16_t>& rows);
    int tags() const { return m_tags; }
    size_t size() const { return m_size; }
    void add(const uint64_t* features, size_t n, Score* scores) const {
        for (size_t f = 0; f < n; ++f) {
            uint64_t key = nonzero_key(features[f]);
            for (size_t i = key & m_mask;; i = (i + 1) & m_mask) {
                if (m_keys[i] == key) {
                    const int16_t* w = &m_weights[i * m_tags];
                    for (int t = 0; t < m_tags; ++t)
                        scores[t] += w[t];
                    break;
                }
                if (m_keys[i] == 0) break;
            }
        }
    }
    // (key, row) for every feature, sorted by key: the order the file stores them in.
    std::vector<std::pair<uint64_t, const int16_t*>> entries() const;

  private:
    int m_tags = 0;
    size_t m_size = 0;
    size_t m_mask = 0;
    std::vector<uint64_t> m_keys;
    std::vector<int16_t> m_weights;
};

// Float weights, as averaged at the end of an epoch.
class FloatWeights {
  public:
    using Score = float;

    explicit FloatWeights(int tags = 0) : m_tags(tags) {}
    int tags() const { return m_tags; }
    size_t size() const { return m_index.size(); }
    void add(const uint64_t* features, size_t n, Score* scores) const {
        for (size_t f = 0; f < n; ++f)
            if (const uint32_t* row = m_index.find(features[f])) {
                const float* w = &m_weights[size_t{*row - 1} * m_tags];
                for (int t = 0; t < m_tags; ++t)
                    scores[t] += w[t];
            }
    }
    float* row(uint64_t key);  // creates a zero row when missing (rows count from 1)
    template <class F>
    void for_each(F&& f) const {  // f(key, const float* row)
        m_index.for_each(
            [&](uint64_t key, uint32_t row) { f(key, &m_weights[size_t{row - 1} * m_tags]); });
    }

  private:
    int m_tags;
    FlatMap<uint32_t> m_index;
    std::vector<float> m_weights;
};

// The perceptron as it learns: current weights plus the running sums that give the average
// of the weights over every step (the averaged perceptron of Collins 2002, whose average
// generalises far better than the last weights), kept lazily as w - sum(step * delta) / steps.
class PerceptronTrainer {
  public:
    explicit PerceptronTrainer(int tags) : m_current(tags), m_tags(tags) {}
    const FloatWeights& current() const { return m_current; }
    void update(const uint64_t* features, size_t n, int tag, float delta);
    void tick() { ++m_step; }  // one step per token seen
    FloatWeights averaged() const;

  private:
    FloatWeights m_current;
    FlatMap<uint32_t> m_sum_index;  // same keys as m_current, rows into m_sums
    std::vector<double> m_sums;
    int m_tags;
    uint64_t m_step = 1;
};

// Greedy left-to-right decoding of a prepared document: each token takes the best tag the
// transitions allow given the tags before it. `visit(i, features, n, tag)` sees every decision
// (the trainer updates its weights there). Training uses it: it is the decoder whose mistakes
// the perceptron learns from, token by token.
template <class Weights, class Visit>
void decode_greedy(FeatureExtractor& fx, const std::vector<Sentence>& sentences, const TagSet& tags,
                   const Weights& weights, std::vector<int>& out, Visit&& visit) {
    out.assign(fx.size(), 0);
    uint64_t features[FeatureExtractor::kMaxFeatures];
    typename Weights::Score scores[kMaxTags];
    const int n_tags = tags.size();
    for (const Sentence& s : sentences) {
        int prev = -1, prev2 = -1;
        for (size_t i = s.begin; i < s.end; ++i) {
            size_t n = fx.static_features(i, features);
            n += fx.dynamic_features(i, prev, prev2, features + n);
            std::fill(scores, scores + n_tags, typename Weights::Score{});
            weights.add(features, n, scores);
            bool last = i + 1 == s.end;
            int best = -1;
            for (int t = 0; t < n_tags; ++t) {
                if (!tags.allowed(prev, t) || (last && !tags.allowed(t, -1))) continue;
                if (best < 0 || scores[t] > scores[best]) best = t;
            }
            visit(i, features, n, best);
            out[i] = best;
            prev2 = prev;
            prev = best;
        }
        for (size_t i = s.begin; i < s.end; ++i)
            fx.remember(i, tags.kind(out[i]));
    }
}

// Beam search over one sentence: keeps the `width` best tag sequences so far, at most one per
// pair of last two tags (the only state the features read), so a name can still turn out to be
// a company three words later ("Johnson Controls Inc"). Sequences are scored by the sum of
// their tokens' scores, which is what structured training (the trainer's early update) makes
// meaningful. Writes the best sequence to out[s.begin, stop) and returns stop: s.end, unless
// `gold` is given and every hypothesis left the gold sequence at some token, when decoding stops
// after that token (Collins and Roark's early update learns from that prefix).
struct BeamScratch {
    struct Hyp {
        double score;
        int tag;
        int prev;
        int back;      // index of the previous token's hypothesis in `lattice`, -1 at the start
        bool on_gold;  // every tag so far equals the gold one
    };
    std::vector<Hyp> lattice, candidates;
};

template <class Weights>
size_t beam_sentence(FeatureExtractor& fx, const Sentence& s, const TagSet& tags,
                     const Weights& weights, size_t width, const int* gold, std::vector<int>& out,
                     BeamScratch& scratch) {
    using Score = typename Weights::Score;
    using Hyp = BeamScratch::Hyp;
    uint64_t features[FeatureExtractor::kMaxFeatures];
    Score base[kMaxTags], scores[kMaxTags];
    const int n_tags = tags.size();
    std::vector<Hyp>& lattice = scratch.lattice;
    std::vector<Hyp>& candidates = scratch.candidates;
    lattice.clear();
    size_t beam_begin = 0, beam_end = 0;  // the beam is lattice[beam_begin, beam_end)
    size_t stop = s.end;
    for (size_t i = s.begin; i < s.end; ++i) {
        size_t n = fx.static_features(i, features);
        std::fill(base, base + n_tags, Score{});
        weights.add(features, n, base);
        bool last = i + 1 == s.end;
        candidates.clear();
        size_t hyps = i == s.begin ? 1 : beam_end - beam_begin;
        for (size_t h = 0; h < hyps; ++h) {
            const Hyp* from = i == s.begin ? nullptr : &lattice[beam_begin + h];
            int prev = from ? from->tag : -1, prev2 = from ? from->prev : -1;
            fx.dynamic_features(i, prev, prev2, features);
            std::copy(base, base + n_tags, scores);
            weights.add(features, FeatureExtractor::kDynamicFeatures, scores);
            bool from_gold = gold != nullptr && (from == nullptr || from->on_gold);
            for (int t = 0; t < n_tags; ++t) {
                if (!tags.allowed(prev, t) || (last && !tags.allowed(t, -1))) continue;
                double total = (from ? from->score : 0.0) + static_cast<double>(scores[t]);
                candidates.push_back({total, t, prev, from ? static_cast<int>(beam_begin + h) : -1,
                                      from_gold && t == gold[i]});
            }
        }
        // Best first; ties by tag then origin, so results never depend on sort internals.
        std::sort(candidates.begin(), candidates.end(), [](const Hyp& a, const Hyp& b) {
            if (a.score != b.score) return a.score > b.score;
            if (a.tag != b.tag) return a.tag < b.tag;
            return a.back < b.back;
        });
        size_t next_begin = lattice.size();
        bool gold_kept = false;
        for (const Hyp& c : candidates) {
            if (lattice.size() - next_begin >= width) break;
            bool same_state = false;
            for (size_t k = next_begin; k < lattice.size() && !same_state; ++k)
                same_state = lattice[k].tag == c.tag && lattice[k].prev == c.prev;
            if (same_state) continue;
            lattice.push_back(c);
            gold_kept |= c.on_gold;
        }
        beam_begin = next_begin;
        beam_end = lattice.size();
        if (gold != nullptr && !gold_kept) {
            stop = i + 1;
            break;
        }
    }
    // The best hypothesis sits first in the last beam; follow it back.
    int k = static_cast<int>(beam_begin);
    for (size_t i = stop; i-- > s.begin;) {
        out[i] = lattice[k].tag;
        k = lattice[k].back;
    }
    return stop;
}

// Beam search over every sentence of a prepared document (width 1 is greedy decoding).
template <class Weights>
void decode_beam(FeatureExtractor& fx, const std::vector<Sentence>& sentences, const TagSet& tags,
                 const Weights& weights, size_t width, std::vector<int>& out) {
    out.assign(fx.size(), 0);
    BeamScratch scratch;
    for (const Sentence& s : sentences) {
        beam_sentence(fx, s, tags, weights, width, nullptr, out, scratch);
        for (size_t i = s.begin; i < s.end; ++i)
            fx.remember(i, tags.kind(out[i]));
    }
}

// Everything the tagger loads.
struct NerModel {
    TagSet tags;
    Lexicon lexicon;
    Gazetteer gazetteer;
    WeightTable weights;
    float scale = 1.0f;  // int16 weight * scale = the trained weight
    uint16_t beam = 4;   // the beam width training used, which decoding must use too

    // Throws news::Error with a one-line message when the file is missing, truncated, of
    // another version, or damaged.
    static NerModel load(const std::string& path);
    void save(const std::string& path) const;
};

// Quantises averaged weights into the model's table: scale = max |w| / 32767; rows that round
// to zero are dropped.
void quantise(const FloatWeights& weights, NerModel& model);

}  // namespace news::ner

#include "perceptron.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "error.hpp"

namespace news::ner {

namespace {

constexpr char kMagic[8] = {'n', 'e', 'w', 's', '-', 'n', 'e', 'r'};
constexpr size_t kHeaderSize = 8 + 4 + 4 + 4 + 4 * 3 + 8;

class Writer {
  public:
    void u8(uint8_t v) { m_out.push_back(static_cast<char>(v)); }
    void u16(uint16_t v) { le(v, 2); }
    void u32(uint32_t v) { le(v, 4); }
    void u64(uint64_t v) { le(v, 8); }
    void i16(int16_t v) { u16(static_cast<uint16_t>(v)); }
    void f32(float v) { u32(std::bit_cast<uint32_t>(v)); }
    void bytes(std::string_view s) { m_out.append(s); }
    std::string& data() { return m_out; }

  private:
    void le(uint64_t v, int n) {
        for (int i = 0; i < n; ++i)
            m_out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    }
    std::string m_out;
};

// Reads what the size check has already proved is there.
class Reader {
  public:
    explicit Reader(std::string_view data) : m_data(data) {}
    uint8_t u8() { return static_cast<uint8_t>(m_data[m_pos++]); }
    uint16_t u16() { return static_cast<uint16_t>(le(2)); }
    uint32_t u32() { return static_cast<uint32_t>(le(4)); }
    uint64_t u64() { return le(8); }
    int16_t i16() { return static_cast<int16_t>(u16()); }
    float f32() { return std::bit_cast<float>(u32()); }
    std::string_view bytes(size_t n) {
        std::string_view s = m_data.substr(m_pos, n);
        m_pos += n;
        return s;
    }

  private:
    uint64_t le(int n) {
        uint64_t v = 0;
        for (int i = 0; i < n; ++i)
            v |= uint64_t{static_cast<unsigned char>(m_data[m_pos + i])} << (8 * i);
        m_pos += n;
        return v;
    }
    std::string_view m_data;
    size_t m_pos = 0;
};

[[noreturn]] void fail(const std::string& path, const std::string& why) {
    throw Error("entity model " + path + ": " + why);
}

}  // namespace

void WeightTable::build(int tags, std::vector<uint64_t> keys, const std::vector<int16_t>& rows) {
    m_tags = tags;
    m_size = keys.size();
    size_t capacity = 16;
    while (capacity < 2 * m_size)
        capacity *= 2;
    m_mask = capacity - 1;
    m_keys.assign(capacity, 0);
    m_weights.assign(capacity * static_cast<size_t>(tags), 0);
    for (size_t k = 0; k < keys.size(); ++k) {
        uint64_t key = nonzero_key(keys[k]);
        size_t i = key & m_mask;
        while (m_keys[i] != 0 && m_keys[i] != key)
            i = (i + 1) & m_mask;
        m_keys[i] = key;
        std::copy_n(&rows[k * tags], tags, &m_weights[i * tags]);
    }
}

std::vector<std::pair<uint64_t, const int16_t*>> WeightTable::entries() const {
    std::vector<std::pair<uint64_t, const int16_t*>> out;
    out.reserve(m_size);
    for (size_t i = 0; i < m_keys.size(); ++i)
        if (m_keys[i] != 0) out.emplace_back(m_keys[i], &m_weights[i * m_tags]);
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

float* FloatWeights::row(uint64_t key) {
    uint32_t& r = m_index[key];
    if (r == 0) {
        // Rows are numbered from 1 so that 0 can mean "new"; row k lives at k - 1.
        m_weights.resize(m_weights.size() + m_tags, 0.0f);
        r = static_cast<uint32_t>(m_weights.size() / m_tags);
    }
    return &m_weights[size_t{r - 1} * m_tags];
}

void PerceptronTrainer::update(const uint64_t* features, size_t n, int tag, float delta) {
    for (size_t f = 0; f < n; ++f) {
        m_current.row(features[f])[tag] += delta;
        uint32_t& r = m_sum_index[features[f]];
        if (r == 0) {
            m_sums.resize(m_sums.size() + m_tags, 0.0);
            r = static_cast<uint32_t>(m_sums.size() / m_tags);
        }
        m_sums[size_t{r - 1} * m_tags + tag] += static_cast<double>(m_step) * delta;
    }
}

FloatWeights PerceptronTrainer::averaged() const {
    FloatWeights out(m_tags);
    const double steps = static_cast<double>(m_step);
    m_current.for_each([&](uint64_t key, const float* w) {
        const uint32_t* r = m_sum_index.find(key);
        float* o = out.row(key);
        for (int t = 0; t < m_tags; ++t) {
            double sum = r ? m_sums[size_t{*r - 1} * m_tags + t] : 0.0;
            o[t] = static_cast<float>(w[t] - sum / steps);
        }
    });
    return out;
}

void quantise(const FloatWeights& weights, NerModel& model) {
    const int tags = weights.tags();
    float max_abs = 0;
    weights.for_each([&](uint64_t, const float* w) {
        for (int t = 0; t < tags; ++t)
            max_abs = std::max(max_abs, std::fabs(w[t]));
    });
    model.scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
    std::vector<std::pair<uint64_t, const float*>> rows;
    weights.for_each([&](uint64_t key, const float* w) { rows.emplace_back(key, w); });
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<uint64_t> keys;
    std::vector<int16_t> q;
    for (const auto& [key, w] : rows) {
        int16_t row[kMaxTags];
        bool any = false;
        for (int t = 0; t < tags; ++t) {
            row[t] = static_cast<int16_t>(std::lround(w[t] / model.scale));
            any |= row[t] != 0;
        }
        if (!any) continue;
        keys.push_back(key);
        q.insert(q.end(), row, row + tags);
    }
    model.weights.build(tags, std::move(keys), q);
}

void NerModel::save(const std::string& path) const {
    Writer w;
    w.bytes(std::string_view(kMagic, sizeof kMagic));
    w.u32(kModelVersion);
    w.u8(static_cast<uint8_t>(tags.scheme()));
    w.u8(static_cast<uint8_t>(tags.size()));
    w.u16(beam);
    w.f32(scale);

    auto words = lexicon.entries();
    std::vector<std::pair<uint64_t, Lexicon::Word>> kept;
    for (const auto& e : words)
        if (e.second.form_size <= 255) kept.push_back(e);
    std::vector<std::pair<uint64_t, uint8_t>> gaz;
    gazetteer.for_each([&](uint64_t key, uint8_t kinds) { gaz.emplace_back(key, kinds); });
    std::sort(gaz.begin(), gaz.end());
    auto features = weights.entries();

    uint64_t form_bytes = 0;
    for (const auto& e : kept)
        form_bytes += e.second.form_size;
    w.u32(static_cast<uint32_t>(kept.size()));
    w.u32(static_cast<uint32_t>(gaz.size()));
    w.u32(static_cast<uint32_t>(features.size()));
    w.u64(form_bytes);
    for (const auto& [key, word] : kept) {
        w.u64(key);
        w.u8(static_cast<uint8_t>(word.case_class));
        w.u8(static_cast<uint8_t>(word.form_size));
    }
    for (const auto& e : kept)
        w.bytes(lexicon.form(e.second));
    for (const auto& [key, kinds] : gaz) {
        w.u64(key);
        w.u8(kinds);
    }
    for (const auto& f : features)
        w.u64(f.first);
    for (const auto& f : features)
        for (int t = 0; t < tags.size(); ++t)
            w.i16(f.second[t]);
    w.u64(hash_bytes(w.data()));

    // Written beside the target and renamed over it, so an interrupted run never leaves a
    // half-written model where the indexer looks for one.
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(w.data().data(), static_cast<std::streamsize>(w.data().size()));
        if (!out.flush()) throw Error("cannot write entity model " + tmp);
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw Error("cannot write entity model " + path + ": " + ec.message());
}

NerModel NerModel::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(path,
             "not found (rebuild it with scripts/train-ner, or point NEWS_MODEL_DIR at "
             "the folder that holds it)");
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() < kHeaderSize + 8 || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
        fail(path, "not an entity model file");
    Reader r(data);
    r.bytes(sizeof kMagic);
    uint32_t version = r.u32();
    if (version != kModelVersion)
        fail(path, "format version " + std::to_string(version) + ", this program reads version " +
                       std::to_string(kModelVersion) + " (rebuild it with scripts/train-ner)");
    uint8_t scheme = r.u8();
    uint8_t n_tags = r.u8();
    uint16_t beam = r.u16();
    NerModel model;
    model.beam = beam == 0 ? 1 : beam;
    model.tags = TagSet(static_cast<Scheme>(scheme));
    if (scheme > 1 || n_tags != model.tags.size()) fail(path, "unknown tag scheme");
    model.scale = r.f32();
    uint64_t n_words = r.u32(), n_gaz = r.u32(), n_features = r.u32(), form_bytes = r.u64();
    // Every count is at most 2^32, so this sum cannot overflow.
    uint64_t expected = kHeaderSize + n_words * 10 + form_bytes + n_gaz * 9 +
                        n_features * (8 + 2 * uint64_t{n_tags}) + 8;
    if (data.size() != expected)
        fail(path, "truncated or damaged (" + std::to_string(data.size()) + " bytes, expected " +
                       std::to_string(expected) + ")");
    std::string_view body(data.data(), data.size() - 8);
    Reader tail(std::string_view(data).substr(data.size() - 8));
    if (tail.u64() != hash_bytes(body)) fail(path, "damaged (checksum mismatch)");
    if (!std::isfinite(model.scale) || model.scale <= 0) fail(path, "damaged (bad weight scale)");

    struct WordEntry {
        uint64_t key;
        uint8_t case_class;
        uint8_t size;
    };
    std::vector<WordEntry> words(n_words);
    uint64_t sizes = 0;
    for (auto& e : words) {
        e = {r.u64(), r.u8(), r.u8()};
        sizes += e.size;
    }
    if (sizes != form_bytes) fail(path, "damaged (word forms)");
    for (const auto& e : words) {
        if (e.case_class > static_cast<uint8_t>(CaseClass::Mixed)) fail(path, "damaged (case)");
        model.lexicon.insert(e.key, static_cast<CaseClass>(e.case_class), r.bytes(e.size));
    }
    model.gazetteer.reserve(n_gaz);
    for (uint64_t k = 0; k < n_gaz; ++k) {
        uint64_t key = r.u64();
        model.gazetteer[key] = r.u8();
    }
    std::vector<uint64_t> keys(n_features);
    for (auto& k : keys)
        k = r.u64();
    std::vector<int16_t> rows(n_features * n_tags);
    for (auto& v : rows)
        v = r.i16();
    model.weights.build(n_tags, std::move(keys), rows);
    return model;
}

}  // namespace news::ner

// An open-addressing hash map from 64-bit hashes to small values, for the tagger's lexicon,
// gazetteer, per-document memory and the trainer's weights. The keys are already good hashes
// (hash.hpp), so the table is a power-of-two array probed linearly with no rehashing of keys;
// std::unordered_map's node per entry costs a cache miss more per lookup on the tagging path.
#pragma once

#include <cstdint>
#include <vector>

#include "hash.hpp"

namespace news::ner {

template <class V>
class FlatMap {
  public:
    FlatMap() { rebuild(16); }

    size_t size() const { return m_size; }

    const V* find(uint64_t key) const {
        key = nonzero_key(key);
        for (size_t i = key & m_mask;; i = (i + 1) & m_mask) {
            if (m_keys[i] == key) return &m_values[i];
            if (m_keys[i] == 0) return nullptr;
        }
    }
    V* find(uint64_t key) { return const_cast<V*>(static_cast<const FlatMap&>(*this).find(key)); }

    // The value of `key`, value-initialised when new.
    V& operator[](uint64_t key) {
        key = nonzero_key(key);
        if (2 * (m_size + 1) > m_keys.size()) rebuild(2 * m_keys.size());
        size_t i = key & m_mask;
        while (m_keys[i] != 0 && m_keys[i] != key)
            i = (i + 1) & m_mask;
        if (m_keys[i] == 0) {
            m_keys[i] = key;
            m_values[i] = V{};
            ++m_size;
        }
        return m_values[i];
    }

    void reserve(size_t n) {
        size_t want = 16;
        while (want < 2 * n)
            want *= 2;
        if (want > m_keys.size()) rebuild(want);
    }

    // Empties the map and keeps its memory: the per-document maps are cleared once a document.
    void clear() {
        if (m_size == 0) return;
        std::fill(m_keys.begin(), m_keys.end(), 0);
        m_size = 0;
    }

    // Calls f(key, value) for every entry, in slot order (deterministic for a given history).
    template <class F>
    void for_each(F&& f) const {
        for (size_t i = 0; i < m_keys.size(); ++i)
            if (m_keys[i] != 0) f(m_keys[i], m_values[i]);
    }

  private:
    void rebuild(size_t capacity) {
        std::vector<uint64_t> keys(capacity, 0);
        std::vector<V> values(capacity);
        size_t mask = capacity - 1;
        for (size_t i = 0; i < m_keys.size(); ++i) {
            if (m_keys[i] == 0) continue;
            size_t j = m_keys[i] & mask;
            while (keys[j] != 0)
                j = (j + 1) & mask;
            keys[j] = m_keys[i];
            values[j] = std::move(m_values[i]);
        }
        m_keys = std::move(keys);
        m_values = std::move(values);
        m_mask = mask;
    }

    std::vector<uint64_t> m_keys;
    std::vector<V> m_values;
    size_t m_size = 0;
    size_t m_mask = 0;
};

}  // namespace news::ner

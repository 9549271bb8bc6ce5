// Hashing for the entity tagger. Features are never spelt out as strings: each one is a 64-bit
// hash of a template number and the hashes of the token properties it reads, so extracting the
// forty-odd features of a token costs a few multiplications and no allocation. The same hashes
// key the model file, so they are defined here once, byte order fixed (little-endian reads), and
// must not change without bumping the model format version.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "mix64.hpp"

namespace news::ner {

inline uint64_t load_le64(const unsigned char* p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

// Hash of a byte string, eight bytes at a time.
inline uint64_t hash_bytes(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xff51afd7ed558ccdULL);
    while (n >= 8) {
        h = mix64(h ^ load_le64(p));
        p += 8;
        n -= 8;
    }
    uint64_t tail = 0;
    for (size_t i = 0; i < n; ++i)
        tail |= uint64_t{p[i]} << (8 * i);
    return mix64(h ^ tail ^ 0x2545f4914f6cdd1dULL);
}

// Ordered combination of two hashes (a feature template with a value, or a pair of values).
inline uint64_t hash_combine(uint64_t a, uint64_t b) {
    return mix64(a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2)));
}

// Keys of the model's tables: 0 marks an empty slot, so no real key may be 0.
inline uint64_t nonzero_key(uint64_t h) {
    return h == 0 ? 1 : h;
}

}  // namespace news::ner

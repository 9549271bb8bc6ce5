// The finaliser of SplitMix64: a bijection on 64 bits that spreads every input bit over the
// output. The entity tagger's feature hashes and the story fingerprints are built on it; both
// are stored (in the model file, in the index), so it must never change.
#pragma once

#include <cstdint>

namespace news {

inline std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

}  // namespace news

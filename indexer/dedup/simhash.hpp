// Near-duplicate fingerprints of an article's cleaned text, for folding syndicated copies of one
// wire story into one story cluster at index time.
//
// The text is read as lower-cased words (letters and digits; punctuation and whitespace split
// words), and the words as overlapping 3-word shingles, each hashed to 64 bits. From these:
//  - a 64-bit simhash (every shingle votes on every bit, weighted by how often it occurs): texts
//    that differ in a few words are a few bits apart. Its four 16-bit bands are index terms, so
//    that a text within Hamming distance 3 of a stored one shares a band term with it (four
//    bands, at most three differing bits: one band is untouched) and is found by term lookup;
//  - a bottom-k sketch (the kSketchSize smallest distinct 32-bit shingle hashes), from which the
//    resemblance (Jaccard similarity of the shingle sets) of two texts is estimated. A copy
//    that lost its last paragraph and gained a newsletter box moves the simhash by far more than
//    3 bits (eval-dedup measured a median near 9), but keeps a resemblance of about 0.6-0.9,
//    while unrelated articles on the same topic stay below 0.1. The kAnchors smallest hashes are
//    index terms too: a copy shares at least one with its original unless most of the text
//    changed;
//  - an exact hash of the normalised word sequence: texts that say the same words always
//    cluster, however short.
// Texts of fewer than kMinWords words cluster only when exact: a simhash or a sketch of a
// handful of shingles says little.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace news::dedup {

inline constexpr std::size_t kShingleWords = 3;
inline constexpr std::size_t kMinWords = 40;
inline constexpr int kBands = 4;           // of 64 / kBands bits each
inline constexpr int kMaxDistance = 3;     // simhash bits; kBands - 1 is what banding guarantees
inline constexpr std::size_t kSketchSize = 64;
inline constexpr std::size_t kAnchors = 4;  // smallest sketch hashes stored as terms
inline constexpr double kMinResemblance = 0.35;

struct Fingerprint {
    std::size_t words = 0;
    std::uint64_t simhash = 0;
    std::uint64_t exact = 0;              // hash of the normalised words; 0 for an empty text
    std::vector<std::uint32_t> sketch;    // ascending, distinct
    bool long_enough() const { return words >= kMinWords; }
};

// A good, portable 64-bit hash (little-endian reads, splitmix64-style finaliser per 8 bytes).
std::uint64_t hash64(std::string_view bytes);

// The lower-cased words of a text (ICU lower case; ASCII and Unicode punctuation split words).
std::vector<std::string> normalised_words(std::string_view text);

Fingerprint fingerprint(std::string_view text);
std::uint64_t simhash(std::string_view text);

int hamming(std::uint64_t a, std::uint64_t b);

// Band i (0 = the lowest 16 bits) of a simhash.
std::uint16_t band(std::uint64_t simhash, int i);

// Estimated Jaccard similarity of two texts' shingle sets from their sketches: of the
// kSketchSize smallest hashes of the union, the share that both hold. 0 when either is empty.
double resemblance(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

// Whether two fingerprints are copies of one story: equal words, or both long enough and
// within kMaxDistance bits or at least kMinResemblance alike.
bool same_story(const Fingerprint& a, const Fingerprint& b);

// Sketch as a value: 4 bytes big-endian per hash.
std::string encode_sketch(const std::vector<std::uint32_t>& sketch);
std::vector<std::uint32_t> decode_sketch(std::string_view value);

}  // namespace news::dedup

#include "simhash.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <unordered_map>

#include "mix64.hpp"
#include "text.hpp"

namespace news::dedup {

namespace {

std::uint64_t load_le(const unsigned char* p, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i)
        v |= static_cast<std::uint64_t>(p[i]) << (8 * i);
    return v;
}

// Length of a separator at s[i]: ASCII that is not a letter or digit, and the Unicode
// punctuation news text is full of (U+00A0, U+00AB, U+00BB, U+2000-U+206F: dashes, curly quotes,
// ellipsis, thin spaces). 0 for a word byte.
std::size_t separator_at(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return std::isalnum(c) ? 0 : 1;
    if (c == 0xC2 && i + 1 < s.size()) {
        auto d = static_cast<unsigned char>(s[i + 1]);
        if (d == 0xA0 || d == 0xAB || d == 0xBB) return 2;
    }
    if (c == 0xE2 && i + 2 < s.size()) {
        auto d = static_cast<unsigned char>(s[i + 1]);
        if (d == 0x80 || d == 0x81) return 3;
    }
    return 0;
}

}  // namespace

std::uint64_t hash64(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ (bytes.size() * 0xff51afd7ed558ccdULL);
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8)
        h = mix64(h ^ load_le(p + i, 8)) + 0x9e3779b97f4a7c15ULL;
    std::size_t rest = bytes.size() - i;
    return mix64(h ^ load_le(p + i, rest) ^ (static_cast<std::uint64_t>(rest) << 59));
}

std::vector<std::string> normalised_words(std::string_view text) {
    std::string lower = to_lower(text);
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i < lower.size();) {
        std::size_t sep = separator_at(lower, i);
        if (sep == 0) {
            word += lower[i++];
            continue;
        }
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
        i += sep;
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

Fingerprint fingerprint(std::string_view text) {
    Fingerprint fp;
    std::vector<std::string> words = normalised_words(text);
    fp.words = words.size();
    if (words.empty()) return fp;

    std::vector<std::uint64_t> word_hashes;
    word_hashes.reserve(words.size());
    std::uint64_t exact = 0x6a09e667f3bcc909ULL;
    for (const std::string& w : words) {
        word_hashes.push_back(hash64(w));
        exact = mix64(exact ^ word_hashes.back()) + 0x9e3779b97f4a7c15ULL;
    }
    fp.exact = exact ? exact : 1;

    // Shingle hashes with their counts (a text shorter than a shingle is one shingle).
    std::unordered_map<std::uint64_t, int> shingles;
    const std::size_t n = std::min(kShingleWords, word_hashes.size());
    for (std::size_t i = 0; i + n <= word_hashes.size(); ++i) {
        std::uint64_t h = 0xcbf29ce484222325ULL;
        for (std::size_t j = 0; j < n; ++j)
            h = mix64(h ^ word_hashes[i + j]);
        ++shingles[h];
    }
    std::array<long long, 64> votes{};
    std::vector<std::uint32_t> small;
    small.reserve(shingles.size());
    for (const auto& [h, count] : shingles) {
        for (int b = 0; b < 64; ++b)
            votes[b] += ((h >> b) & 1) ? count : -count;
        small.push_back(static_cast<std::uint32_t>(h >> 32));
    }
    for (int b = 0; b < 64; ++b)
        if (votes[b] > 0) fp.simhash |= std::uint64_t{1} << b;
    std::sort(small.begin(), small.end());
    small.erase(std::unique(small.begin(), small.end()), small.end());
    if (small.size() > kSketchSize) small.resize(kSketchSize);
    fp.sketch = std::move(small);
    return fp;
}

std::uint64_t simhash(std::string_view text) {
    return fingerprint(text).simhash;
}

int hamming(std::uint64_t a, std::uint64_t b) {
    return std::popcount(a ^ b);
}

std::uint16_t band(std::uint64_t simhash, int i) {
    return static_cast<std::uint16_t>(simhash >> (16 * i));
}

double resemblance(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    if (a.empty() || b.empty()) return 0;
    // Walk the union in ascending order until k hashes (or either side runs out).
    const std::size_t k = std::max(a.size(), b.size());
    std::size_t i = 0, j = 0, taken = 0, both = 0;
    while (taken < k && (i < a.size() || j < b.size())) {
        if (j >= b.size() || (i < a.size() && a[i] < b[j])) {
            ++i;
        } else if (i >= a.size() || b[j] < a[i]) {
            ++j;
        } else {
            ++both;
            ++i;
            ++j;
        }
        ++taken;
        // A sketch that ran out while the other has more: its next hash is unknown, stop there.
        if ((i == a.size() && a.size() == kSketchSize) || (j == b.size() && b.size() == kSketchSize))
            break;
    }
    return taken ? static_cast<double>(both) / static_cast<double>(taken) : 0;
}

bool same_story(const Fingerprint& a, const Fingerprint& b) {
    if (a.exact != 0 && a.exact == b.exact) return true;
    if (!a.long_enough() || !b.long_enough()) return false;
    if (hamming(a.simhash, b.simhash) <= kMaxDistance) return true;
    return resemblance(a.sketch, b.sketch) >= kMinResemblance;
}

std::string encode_sketch(const std::vector<std::uint32_t>& sketch) {
    std::string out;
    out.reserve(sketch.size() * 4);
    for (std::uint32_t h : sketch)
        for (int s = 24; s >= 0; s -= 8)
            out += static_cast<char>((h >> s) & 0xFF);
    return out;
}

std::vector<std::uint32_t> decode_sketch(std::string_view value) {
    std::vector<std::uint32_t> out;
    out.reserve(value.size() / 4);
    for (std::size_t i = 0; i + 4 <= value.size(); i += 4) {
        std::uint32_t h = 0;
        for (std::size_t j = 0; j < 4; ++j)
            h = (h << 8) | static_cast<unsigned char>(value[i + j]);
        out.push_back(h);
    }
    return out;
}

}  // namespace news::dedup

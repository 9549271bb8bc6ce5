#include "features.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <unicode/uchar.h>

#include "rules.hpp"

namespace news::ner {

namespace {

// Feature templates. The numbers are part of the model format: append, never renumber.
enum Template : uint64_t {
    kBias = 1,
    kForm,
    kNorm,
    kNormPrev,
    kNormNext,
    kNormPrev2,
    kNormNext2,
    kBigramPrev,
    kBigramNext,
    kShape,
    kShortShape,
    kShapePrev,
    kShapeNext,
    kShortWindow,
    kShapePairPrev,
    kShapePairNext,
    kPrefix,  // the affix length is mixed into the value
    kSuffix,
    kFlags,
    kFirstWord,
    kCase,
    kCasePrev,
    kCaseNext,
    kGazetteer,
    kGazetteerPrev,
    kGazetteerNext,
    kHyphenFirst,
    kHyphenLast,
    kCapsSentence,
    kPrevTag,
    kPrevTags,
    kPrevTagNorm,
    kPrevTagShape,
    kHistory,
    kHistoryShape,
    kFormPrev,
};

inline uint64_t feature(Template t, uint64_t value) {
    return hash_combine(static_cast<uint64_t>(t) * 0x9e3779b97f4a7c15ULL, value);
}
inline uint64_t feature(Template t, uint64_t a, uint64_t b) {
    return hash_combine(feature(t, a), b);
}
inline uint64_t feature(Template t, uint64_t a, uint64_t b, uint64_t c) {
    return hash_combine(feature(t, a, b), c);
}

// Hashes of the words beyond the sentence's ends.
const uint64_t kBefore = hash_bytes("<s>");
const uint64_t kAfter = hash_bytes("</s>");

enum Flag : uint32_t {
    kInitialUpper = 1 << 0,
    kAllUpper = 1 << 1,
    kHasDigit = 1 << 2,
    kHasHyphen = 1 << 3,
    kHasPeriod = 1 << 4,
    kHasLetter = 1 << 5,
    kNonAscii = 1 << 6,
    kHasLower = 1 << 7,
    kApostrophe = 1 << 8,
    kLengthShift = 9,  // two bits: 1, 2-3, 4-6, 7+ characters
};

// Typographic punctuation the training text writes in ASCII.
std::string_view ascii_equivalent(char32_t c) {
    switch (c) {
        case 0x2018:
        case 0x2019:
        case 0x201B:
            return "'";
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x00AB:
        case 0x00BB:
            return "\"";
        case 0x2013:
        case 0x2014:
        case 0x2015:
            return "-";
        case 0x2026:
            return "...";
        default:
            return {};
    }
}

char shape_char(char32_t c) {
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') return 'X';
        if (c >= 'a' && c <= 'z') return 'x';
        if (c >= '0' && c <= '9') return 'd';
        return static_cast<char>(c);
    }
    auto u = static_cast<UChar32>(c);
    if (u_isupper(u) || u_istitle(u)) return 'X';
    if (u_isalpha(u)) return 'x';
    if (u_isdigit(u)) return 'd';
    return '*';
}

// Byte length of the first / last `k` code points of `s` (all of it when shorter).
size_t prefix_bytes(std::string_view s, size_t k) {
    size_t i = 0;
    for (size_t n = 0; n < k && i < s.size(); ++n)
        i += decode_utf8(s, i).n;
    return std::min(i, s.size());
}
size_t suffix_bytes(std::string_view s, size_t k) {
    size_t i = s.size();
    for (size_t n = 0; n < k && i > 0; ++n) {
        --i;
        while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
            --i;
    }
    return s.size() - i;
}

}  // namespace

bool TagSet::allowed(int prev, int next) const {
    Part p = prev < 0 ? Part::O : part(prev);
    bool prev_open = p == Part::B || p == Part::I;
    if (next < 0) return m_scheme == Scheme::Bio || !prev_open;
    Part n = part(next);
    bool continues = n == Part::I || n == Part::L;
    if (m_scheme == Scheme::Bio) return !continues || (prev_open && kind(prev) == kind(next));
    if (continues) return prev_open && kind(prev) == kind(next);
    return !prev_open;
}

std::vector<Span> tags_to_spans(const TagSet& tags, const std::vector<int>& sequence) {
    std::vector<Span> spans;
    bool open = false;
    for (size_t i = 0; i < sequence.size(); ++i) {
        int t = sequence[i];
        Part p = tags.part(t);
        Kind k = tags.kind(t);
        bool continues = (p == Part::I || p == Part::L) && open && spans.back().kind == k;
        if (continues) {
            spans.back().end = i + 1;
        } else if (p != Part::O) {
            spans.push_back({i, i + 1, k});
        }
        open = p == Part::B || p == Part::I;
    }
    return spans;
}

std::vector<int> spans_to_tags(const TagSet& tags, const std::vector<Span>& spans, size_t n) {
    std::vector<int> out(n, 0);
    for (const Span& s : spans) {
        if (s.end == s.begin + 1) {
            out[s.begin] = tags.tag(Part::U, s.kind);
            continue;
        }
        out[s.begin] = tags.tag(Part::B, s.kind);
        for (size_t i = s.begin + 1; i + 1 < s.end; ++i)
            out[i] = tags.tag(Part::I, s.kind);
        out[s.end - 1] = tags.tag(Part::L, s.kind);
    }
    return out;
}

uint64_t ngram_hash(uint64_t prefix, uint64_t next_form) {
    return prefix == 0 ? next_form : hash_combine(prefix, next_form);
}

void lower_utf8(std::string_view s, std::string& out) {
    out.clear();
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
            ++i;
            continue;
        }
        CodePoint cp = decode_utf8(s, i);
        auto lower = static_cast<uint32_t>(u_tolower(static_cast<UChar32>(cp.c)));
        if (cp.c == 0xFFFD || lower == cp.c) {
            out.append(s.substr(i, cp.n));
        } else if (lower < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (lower >> 6)));
            out.push_back(static_cast<char>(0x80 | (lower & 0x3F)));
        } else if (lower < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (lower >> 12)));
            out.push_back(static_cast<char>(0x80 | ((lower >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (lower & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (lower >> 18)));
            out.push_back(static_cast<char>(0x80 | ((lower >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((lower >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (lower & 0x3F)));
        }
        i += cp.n;
    }
}

void Lexicon::add(std::string_view lower, CaseClass case_class, std::string_view form) {
    insert(hash_bytes(lower), case_class, form);
}

void Lexicon::insert(uint64_t key, CaseClass case_class, std::string_view form) {
    Word& w = m_words[key];
    w.case_class = case_class;
    w.form_offset = static_cast<uint32_t>(m_forms.size());
    w.form_size = static_cast<uint32_t>(form.size());
    m_forms.append(form);
}

std::vector<std::pair<uint64_t, Lexicon::Word>> Lexicon::entries() const {
    std::vector<std::pair<uint64_t, Word>> out;
    out.reserve(m_words.size());
    m_words.for_each([&](uint64_t key, const Word& w) { out.emplace_back(key, w); });
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

void FeatureExtractor::prepare(const DocumentView& doc) {
    size_t n = doc.words.size();
    m_tokens.assign(n, TokenInfo{});
    if (m_forms.size() < n) m_forms.resize(n);
    m_doc_case.clear();
    m_history.clear();

    // Forms with typographic punctuation folded to ASCII.
    for (size_t i = 0; i < n; ++i) {
        std::string_view w = doc.words[i];
        std::string& f = m_forms[i];
        f.clear();
        bool ascii = std::all_of(w.begin(), w.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        if (ascii) {
            f.assign(w);
            continue;
        }
        for (size_t k = 0; k < w.size();) {
            CodePoint cp = decode_utf8(w, k);
            std::string_view eq = ascii_equivalent(cp.c);
            if (eq.empty())
                f.append(w.substr(k, cp.n));
            else
                f.append(eq);
            k += cp.n;
        }
    }

    // Which sentences are all capitals or Title Case, and how the rest of the document writes
    // each word in mid-sentence: the first evidence for the case of a headline's words.
    std::vector<std::string_view> views;
    for (const Sentence& s : doc.sentences) {
        views.clear();
        for (size_t i = s.begin; i < s.end; ++i)
            views.push_back(m_forms[i]);
        bool caps = caps_sentence(views.data(), views.size()) || title_sentence(s);
        bool words_before = false;
        for (size_t i = s.begin; i < s.end; ++i) {
            TokenInfo& t = m_tokens[i];
            // The first word counts as sentence-initial behind an opening quote or bracket.
            t.initial = !words_before;
            words_before |= std::any_of(m_forms[i].begin(), m_forms[i].end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
            });
            t.sentence_begin = static_cast<uint32_t>(s.begin);
            t.sentence_end = static_cast<uint32_t>(s.end);
            t.caps_sentence = caps;
            if (caps || t.initial) continue;
            lower_utf8(m_forms[i], m_scratch);
            uint32_t& first = m_doc_case[hash_bytes(m_scratch)];
            if (first == 0) first = static_cast<uint32_t>(i + 1);
        }
    }
    for (const Sentence& s : doc.sentences) {
        if (m_tokens[s.begin].caps_sentence) normalise_sentence(s);
    }

    for (size_t i = 0; i < n; ++i)
        describe(i);
    for (const Sentence& s : doc.sentences)
        match_gazetteer(s);
}

bool FeatureExtractor::title_sentence(const Sentence& s) {
    // A Title Case headline ("Blinken Meets Netanyahu In Tel Aviv") capitalises words the
    // training text writes in lower case. It is one when no word but a short function word
    // starts in lower case and at least two capitalised words after the first are words the
    // lexicon knows in lower case, a third of the capitalised words at least; lists of names
    // ("Peter Such , Shay Given") have few such words and are left alone.
    static constexpr std::array<std::string_view, 14> kSmall{
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"};
    if (s.end - s.begin < 4) return false;
    size_t lower_words = 0, capitalised = 0, numbers = 0;
    for (size_t i = s.begin; i < s.end; ++i) {
        const std::string& f = m_forms[i];
        unsigned char c = f.empty() ? 0 : static_cast<unsigned char>(f[0]);
        if (c >= 'a' && c <= 'z' && std::find(kSmall.begin(), kSmall.end(), f) == kSmall.end())
            return false;
        if (std::any_of(f.begin(), f.end(), [](char d) { return d >= '0' && d <= '9'; })) ++numbers;
        if (i == s.begin || !(c >= 'A' && c <= 'Z')) continue;
        ++capitalised;
        lower_utf8(f, m_scratch);
        const Lexicon::Word* w = m_lexicon.find(hash_bytes(m_scratch));
        if (w != nullptr && w->case_class == CaseClass::Lower && m_scratch.size() > 1)
            ++lower_words;
    }
    // Results tables ("291 Phillip Price 72 76 ...") hold numbers and names, few common words.
    return lower_words >= 2 && 3 * lower_words >= capitalised && numbers <= 2;
}

void FeatureExtractor::normalise_sentence(const Sentence& s) {
    // Each word takes the case the document gives it in mid-sentence, else the case the
    // training text usually gives it; an unknown word in capitals is guessed to be a name.
    for (size_t i = s.begin; i < s.end; ++i) {
        std::string& f = m_forms[i];
        bool upper = false, lower = false;
        for (char c : f) {
            upper |= (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
            lower |= c >= 'a' && c <= 'z';
        }
        if (!upper) continue;
        lower_utf8(f, m_scratch);
        uint64_t key = hash_bytes(m_scratch);
        if (const uint32_t* at = m_doc_case.find(key)) {
            f = m_forms[*at - 1];
        } else if (const Lexicon::Word* w = m_lexicon.find(key)) {
            f.assign(m_lexicon.form(*w));
        } else if (!lower) {
            f = title_case(f);
        }
    }
}

void FeatureExtractor::describe(size_t i) {
    TokenInfo& t = m_tokens[i];
    const std::string& f = m_forms[i];
    t.form = hash_bytes(f);
    lower_utf8(f, m_scratch);
    t.lower = hash_bytes(m_scratch);

    // Shape and flags in one pass over the code points.
    char shape[64];
    size_t shape_n = 0, short_n = 0, run = 0, chars = 0;
    char short_shape[64];
    char last = 0;
    uint32_t flags = 0;
    bool has_digit = false;
    for (size_t k = 0; k < f.size();) {
        CodePoint cp = decode_utf8(f, k);
        char c = shape_char(cp.c);
        if (cp.c >= 0x80) flags |= kNonAscii;
        if (c == 'X') flags |= (chars == 0 ? uint32_t{kInitialUpper} : 0u) | kHasLetter;
        if (c == 'x') flags |= kHasLetter | kHasLower;
        if (c == 'd') has_digit = true;
        if (c == '-') flags |= kHasHyphen;
        if (c == '.') flags |= kHasPeriod;
        if (c == '\'') flags |= kApostrophe;
        run = c == last ? run + 1 : 1;
        if (run <= 4 && shape_n < sizeof shape) shape[shape_n++] = c;
        if (run == 1 && short_n < sizeof short_shape) short_shape[short_n++] = c;
        last = c;
        ++chars;
        k += cp.n;
    }
    if (has_digit) flags |= kHasDigit;
    if ((flags & kHasLetter) && !(flags & kHasLower)) flags |= kAllUpper;
    uint32_t length = chars <= 1 ? 0 : chars <= 3 ? 1 : chars <= 6 ? 2 : 3;
    flags |= length << kLengthShift;
    t.flags = flags;
    t.capitalised = (flags & kInitialUpper) != 0;
    t.shape = hash_bytes(std::string_view(shape, shape_n));
    t.short_shape = hash_bytes(std::string_view(short_shape, short_n));

    if (const Lexicon::Word* w = m_lexicon.find(t.lower)) t.case_class = w->case_class;

    // Numbers are told apart by shape, not value: digits become 0 in the normalised word.
    if (has_digit)
        for (char& c : m_scratch)
            if (c >= '0' && c <= '9') c = '0';
    std::string_view norm = m_scratch;
    t.norm = has_digit ? hash_bytes(norm) : t.lower;
    for (size_t k = 0; k < 4; ++k) {
        t.prefix[k] = hash_combine(k, hash_bytes(norm.substr(0, prefix_bytes(norm, k + 1))));
        t.suffix[k] =
            hash_combine(k, hash_bytes(norm.substr(norm.size() - suffix_bytes(norm, k + 1))));
    }
    if ((flags & kHasHyphen) && norm.size() > 2) {
        size_t first = norm.find('-'), last_dash = norm.rfind('-');
        if (first > 0 && last_dash + 1 < norm.size()) {
            t.hyphen_first = hash_bytes(norm.substr(0, first));
            t.hyphen_last = hash_bytes(norm.substr(last_dash + 1));
        }
    }
}

void FeatureExtractor::match_gazetteer(const Sentence& s) {
    for (size_t i = s.begin; i < s.end; ++i) {
        // Entity names start with a capital or a digit; the rest start no lookups.
        const TokenInfo& first = m_tokens[i];
        if (!first.capitalised && !(first.flags & kHasDigit)) continue;
        uint64_t h = 0;
        for (size_t len = 1; len <= kMaxGazetteerWords && i + len <= s.end; ++len) {
            h = ngram_hash(h, m_tokens[i + len - 1].form);
            const uint8_t* kinds = m_gazetteer.find(h);
            if (kinds == nullptr) continue;
            for (int k = 1; k < kKinds; ++k) {
                if (!(*kinds & (1u << k))) continue;
                uint16_t base = static_cast<uint16_t>(4 * (k - 1));
                if (len == 1) {
                    m_tokens[i].gazetteer |= 1u << (base + 3);
                    continue;
                }
                m_tokens[i].gazetteer |= 1u << base;
                for (size_t j = i + 1; j + 1 < i + len; ++j)
                    m_tokens[j].gazetteer |= 1u << (base + 1);
                m_tokens[i + len - 1].gazetteer |= 1u << (base + 2);
            }
        }
    }
}

size_t FeatureExtractor::static_features(size_t i, uint64_t* out) const {
    const TokenInfo& t = m_tokens[i];
    size_t b = t.sentence_begin, e = t.sentence_end;
    const TokenInfo* p1 = i > b ? &m_tokens[i - 1] : nullptr;
    const TokenInfo* p2 = i > b + 1 ? &m_tokens[i - 2] : nullptr;
    const TokenInfo* n1 = i + 1 < e ? &m_tokens[i + 1] : nullptr;
    const TokenInfo* n2 = i + 2 < e ? &m_tokens[i + 2] : nullptr;
    uint64_t norm_p1 = p1 ? p1->norm : kBefore, norm_p2 = p2 ? p2->norm : kBefore;
    uint64_t norm_n1 = n1 ? n1->norm : kAfter, norm_n2 = n2 ? n2->norm : kAfter;
    uint64_t shape_p1 = p1 ? p1->shape : kBefore, shape_n1 = n1 ? n1->shape : kAfter;
    uint64_t short_p1 = p1 ? p1->short_shape : kBefore, short_n1 = n1 ? n1->short_shape : kAfter;
    uint64_t case_p1 = p1 ? static_cast<uint64_t>(p1->case_class) : 9;
    uint64_t case_n1 = n1 ? static_cast<uint64_t>(n1->case_class) : 9;
    auto cc = static_cast<uint64_t>(t.case_class);

    size_t n = 0;
    out[n++] = feature(kBias, 0);
    out[n++] = feature(kForm, t.form);
    out[n++] = feature(kNorm, t.norm);
    out[n++] = feature(kNormPrev, norm_p1);
    out[n++] = feature(kNormNext, norm_n1);
    out[n++] = feature(kNormPrev2, norm_p2);
    out[n++] = feature(kNormNext2, norm_n2);
    out[n++] = feature(kBigramPrev, norm_p1, t.norm);
    out[n++] = feature(kBigramNext, t.norm, norm_n1);
    out[n++] = feature(kFormPrev, p1 ? p1->form : kBefore);
    out[n++] = feature(kShape, t.shape);
    out[n++] = feature(kShortShape, t.short_shape);
    out[n++] = feature(kShapePrev, shape_p1);
    out[n++] = feature(kShapeNext, shape_n1);
    out[n++] = feature(kShortWindow, short_p1, t.short_shape, short_n1);
    out[n++] = feature(kShapePairPrev, shape_p1, t.shape);
    out[n++] = feature(kShapePairNext, t.shape, shape_n1);
    for (size_t k = 0; k < 4; ++k) {
        out[n++] = feature(kPrefix, t.prefix[k]);
        out[n++] = feature(kSuffix, t.suffix[k]);
    }
    out[n++] = feature(kFlags, t.flags);
    out[n++] = feature(kFirstWord, t.initial, t.short_shape, cc);
    out[n++] = feature(kCase, cc, t.flags & (kInitialUpper | kAllUpper));
    out[n++] = feature(kCasePrev, case_p1, cc);
    out[n++] = feature(kCaseNext, cc, case_n1);
    for (uint16_t bits = t.gazetteer; bits != 0; bits &= bits - 1)
        out[n++] = feature(kGazetteer, static_cast<uint64_t>(__builtin_ctz(bits)));
    if (t.gazetteer != 0) out[n++] = feature(kGazetteer, 100 + t.gazetteer);
    out[n++] = feature(kGazetteerPrev, p1 ? p1->gazetteer : 0xFFFF);
    out[n++] = feature(kGazetteerNext, n1 ? n1->gazetteer : 0xFFFF);
    if (t.hyphen_first != 0) {
        out[n++] = feature(kHyphenFirst, t.hyphen_first);
        out[n++] = feature(kHyphenLast, t.hyphen_last);
    }
    if (t.caps_sentence) out[n++] = feature(kCapsSentence, cc, t.short_shape);
    if (t.capitalised) {
        if (const History* h = m_history.find(t.lower)) {
            int best = 0;
            for (int k = 1; k < kKinds; ++k)
                if (h->counts[k] > h->counts[best]) best = k;
            out[n++] = feature(kHistory, static_cast<uint64_t>(best));
            out[n++] = feature(kHistoryShape, static_cast<uint64_t>(best), t.short_shape);
        }
    }
    return n;
}

size_t FeatureExtractor::dynamic_features(size_t i, int prev, int prev2, uint64_t* out) const {
    const TokenInfo& t = m_tokens[i];
    auto p = static_cast<uint64_t>(prev + 1), p2 = static_cast<uint64_t>(prev2 + 1);
    out[0] = feature(kPrevTag, p);
    out[1] = feature(kPrevTags, p2, p);
    out[2] = feature(kPrevTagNorm, p, t.norm);
    out[3] = feature(kPrevTagShape, p, t.short_shape);
    return kDynamicFeatures;
}

void FeatureExtractor::remember(size_t i, Kind kind) {
    const TokenInfo& t = m_tokens[i];
    if (!t.capitalised) return;
    uint16_t& c = m_history[t.lower].counts[static_cast<int>(kind)];
    if (c < 0xFFFF) ++c;
}

}  // namespace news::ner

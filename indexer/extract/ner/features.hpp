// What the entity tagger knows about a token, as hashed features. A document (words split into
// sentences) is prepared once: every word gets a normalised form (typographic punctuation folded
// to ASCII; in an all-caps headline, the case the word has elsewhere in the document or usually
// has in the training text, so "NETANYAHU MEETS BLINKEN" is read as "Netanyahu meets Blinken"),
// its lower case, shapes ("Xxxx", "X.X.", "dd-dd"), affixes, how the training text usually writes
// it (lower, capitalised, upper), and the training entity lists (gazetteers) its n-grams match.
// Static features read a window of two words either side and the kinds given earlier in the
// document to the same word (which keeps "Blinken" a person after "Antony Blinken"); dynamic
// ones read the two previous tags. The tag set (BIO or BILOU over PER,
// ORG, LOC, MISC) lives here too because features and decoding both depend on it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flat_map.hpp"
#include "tokenizer.hpp"

namespace news::ner {

// Entity classes the model predicts. MISC ("German", "Australian Open") is learnt so that such
// names are not taken for places or organisations, and never reported.
enum class Kind : uint8_t { None = 0, Person = 1, Organization = 2, Location = 3, Misc = 4 };
constexpr int kKinds = 5;

enum class Scheme : uint8_t { Bio = 0, Bilou = 1 };
enum class Part : uint8_t { O, B, I, L, U };

// Tags are small integers: 0 is O, then the parts of each kind in turn.
class TagSet {
  public:
    explicit TagSet(Scheme scheme = Scheme::Bio) : m_scheme(scheme) {}
    Scheme scheme() const { return m_scheme; }
    int size() const { return 1 + 4 * parts(); }
    Kind kind(int tag) const {
        return tag == 0 ? Kind::None : static_cast<Kind>(1 + (tag - 1) / parts());
    }
    Part part(int tag) const {
        return tag == 0 ? Part::O : static_cast<Part>(1 + (tag - 1) % parts());
    }
    int tag(Part part, Kind kind) const {
        if (part == Part::O || kind == Kind::None) return 0;
        if (m_scheme == Scheme::Bio && part == Part::L) part = Part::I;
        if (m_scheme == Scheme::Bio && part == Part::U) part = Part::B;
        return 1 + (static_cast<int>(kind) - 1) * parts() + static_cast<int>(part) - 1;
    }
    // Whether `next` may follow `prev`; -1 stands for the sentence boundary on either side.
    bool allowed(int prev, int next) const;

  private:
    int parts() const { return m_scheme == Scheme::Bio ? 2 : 4; }
    Scheme m_scheme;
};

// A run of tokens [begin, end) tagged as one entity.
struct Span {
    size_t begin = 0;
    size_t end = 0;
    Kind kind = Kind::None;
};
std::vector<Span> tags_to_spans(const TagSet& tags, const std::vector<int>& sequence);
std::vector<int> spans_to_tags(const TagSet& tags, const std::vector<Span>& spans, size_t n);

// How the training text writes a word in the middle of a sentence.
enum class CaseClass : uint8_t { Unseen = 0, Lower = 1, Capitalised = 2, Upper = 3, Mixed = 4 };

// Entity lists: hash of a word sequence (ngram_hash over normalised forms) -> bit (1 << Kind) for
// every kind the sequence was annotated with in training.
using Gazetteer = FlatMap<uint8_t>;
uint64_t ngram_hash(uint64_t prefix, uint64_t next_form);
constexpr size_t kMaxGazetteerWords = 6;

// Words of the training text: lower case -> case class and usual written form.
class Lexicon {
  public:
    struct Word {
        CaseClass case_class = CaseClass::Unseen;
        uint32_t form_offset = 0;
        uint32_t form_size = 0;
    };
    void add(std::string_view lower, CaseClass case_class, std::string_view form);
    const Word* find(uint64_t lower_hash) const { return m_words.find(lower_hash); }
    std::string_view form(const Word& w) const {
        return std::string_view(m_forms).substr(w.form_offset, w.form_size);
    }
    size_t size() const { return m_words.size(); }
    // Entries (key, word), sorted by key, so saved models are byte-identical run to run.
    std::vector<std::pair<uint64_t, Word>> entries() const;

    // Low-level insert for the model loader (the key is the hash of the lower-case word).
    void insert(uint64_t key, CaseClass case_class, std::string_view form);

  private:
    FlatMap<Word> m_words;
    std::string m_forms;
};

// Words of one document, split into sentences, as the feature extractor reads them.
struct DocumentView {
    std::vector<std::string_view> words;
    std::vector<Sentence> sentences;  // token index ranges covering every word
};

// Fills `out` with the features of tokens, one document at a time. Not thread-safe: one per
// thread (the tagger makes one per call).
class FeatureExtractor {
  public:
    static constexpr size_t kMaxFeatures = 64;

    FeatureExtractor(const Lexicon& lexicon, const Gazetteer& gazetteer)
        : m_lexicon(lexicon), m_gazetteer(gazetteer) {}

    // Computes every token's properties and forgets the previous document's history.
    void prepare(const DocumentView& doc);
    size_t size() const { return m_tokens.size(); }

    // Features that depend on the words and on the kinds given to words of earlier sentences
    // of the document (`remember`); returns how many were written to `out`.
    size_t static_features(size_t i, uint64_t* out) const;
    // Features that depend on the tags of the previous two tokens of the sentence (-1 before
    // its start): always kDynamicFeatures of them.
    static constexpr size_t kDynamicFeatures = 4;
    size_t dynamic_features(size_t i, int prev, int prev2, uint64_t* out) const;
    // Records the kind given to token i. Call it once a sentence is decoded: within a sentence
    // the history is fixed, so it stays a static feature for the beam.
    void remember(size_t i, Kind kind);

    // The normalised form of token i (after case normalisation of all-caps sentences).
    std::string_view form(size_t i) const { return m_forms[i]; }
    // Whether token i's sentence was all capitals or Title Case, so its case was normalised.
    bool in_caps_sentence(size_t i) const { return m_tokens[i].caps_sentence; }

  private:
    struct TokenInfo {
        uint64_t form = 0;   // hash of the normalised form
        uint64_t lower = 0;  // hash of the lower case (the lexicon's key)
        uint64_t norm = 0;   // hash of the lower case with digits as 0
        uint64_t shape = 0;
        uint64_t short_shape = 0;
        uint64_t prefix[4] = {};
        uint64_t suffix[4] = {};
        uint64_t hyphen_first = 0;  // lower case of the parts of a hyphenated word, else 0
        uint64_t hyphen_last = 0;
        uint32_t flags = 0;
        uint32_t sentence_begin = 0;
        uint32_t sentence_end = 0;
        uint16_t gazetteer = 0;  // bit 4 * kind + part (B, I, L, U) of every match
        CaseClass case_class = CaseClass::Unseen;
        bool capitalised = false;
        bool initial = false;        // no word before it in the sentence (punctuation may be)
        bool caps_sentence = false;  // all capitals or Title Case: case normalised
    };
    struct History {
        uint16_t counts[kKinds] = {};
    };

    bool title_sentence(const Sentence& s);
    void normalise_sentence(const Sentence& s);
    void describe(size_t i);
    void match_gazetteer(const Sentence& s);

    const Lexicon& m_lexicon;
    const Gazetteer& m_gazetteer;
    std::vector<std::string> m_forms;
    std::vector<TokenInfo> m_tokens;
    FlatMap<uint32_t> m_doc_case;  // lower-case hash -> 1 + index of a mid-sentence occurrence
    FlatMap<History> m_history;    // lower-case hash -> kinds given to the word so far
    std::string m_scratch;
};

// Lower case of UTF-8 text (ASCII fast path, ICU's simple mapping beyond).
void lower_utf8(std::string_view s, std::string& out);

}  // namespace news::ner

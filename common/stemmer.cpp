#include "stemmer.hpp"

#include <libstemmer.h>

#include <string>
#include <string_view>
#include <unordered_map>

#include "error.hpp"

namespace news {

namespace {

// sb_stemmer keeps per-call state, so each instance belongs to one Xapian::Stem; Xapian::Stem
// objects are not shared between threads either, which keeps this safe.
class SnowballStem : public Xapian::StemImplementation {
  public:
    explicit SnowballStem(const std::string& language)
        : m_language(language), m_stemmer(sb_stemmer_new(language.c_str(), "UTF_8")) {
        if (!m_stemmer) throw UsageError("no stemmer for language '" + language + "'");
    }
    ~SnowballStem() override { sb_stemmer_delete(m_stemmer); }
    SnowballStem(const SnowballStem&) = delete;
    SnowballStem& operator=(const SnowballStem&) = delete;

    // A news archive repeats its words: the stems of the words seen last are remembered (the
    // stemmer is used by one thread, as libstemmer's own state requires).
    std::string operator()(const std::string& word) override {
        if (auto it = m_seen.find(word); it != m_seen.end()) return it->second;
        const sb_symbol* out =
            sb_stemmer_stem(m_stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                            static_cast<int>(word.size()));
        if (!out) return word;  // out of memory inside libstemmer: index the word unstemmed
        std::string stem(reinterpret_cast<const char*>(out),
                         static_cast<size_t>(sb_stemmer_length(m_stemmer)));
        if (m_seen.size() >= kMaxSeen) m_seen.clear();
        m_seen.emplace(word, stem);
        return stem;
    }

    std::string get_description() const override { return "libstemmer:" + m_language; }

  private:
    static constexpr size_t kMaxSeen = 1 << 16;  // words; a few MB at most
    std::string m_language;
    sb_stemmer* m_stemmer;
    std::unordered_map<std::string, std::string> m_seen;
};

// libstemmer's name for a language: Norwegian's two written forms share its one stemmer.
std::string libstemmer_name(const std::string& language) {
    if (language == "nb" || language == "nn") return "no";
    return language;
}

}  // namespace

std::vector<std::string> stemmer_languages() {
    std::vector<std::string> out;
    for (const char** name = sb_stemmer_list(); *name; ++name)
        out.emplace_back(*name);
    return out;
}

Xapian::Stem make_stemmer(const std::string& language) {
    // libstemmer accepts ISO 639-1/-2 codes and English names alike ("en", "eng", "english").
    return Xapian::Stem(new SnowballStem(libstemmer_name(language)));
}

bool has_stemmer(const std::string& language) {
    sb_stemmer* s = sb_stemmer_new(libstemmer_name(language).c_str(), "UTF_8");
    if (!s) return false;
    sb_stemmer_delete(s);
    return true;
}

Xapian::Stem stemmer_for_language(const std::string& language) {
    if (has_stemmer(language)) return make_stemmer(language);
    // Every ISO 639-1 code: a language, though libstemmer has no stemmer for most of them.
    static constexpr std::string_view kIso639_1 =
        "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu "
        "cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi "
        "ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks "
        "ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl "
        "nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl "
        "sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve "
        "vi vo wa wo xh yi yo za zh zu";
    if (language.size() == 2 && kIso639_1.find(language) != std::string_view::npos &&
        kIso639_1.find(language) % 3 == 0)
        return Xapian::Stem();
    throw UsageError("no language '" + language + "' (give an ISO 639-1 code such as en, de, fr)");
}

}  // namespace news

#include "stemmer.hpp"

#include <libstemmer.h>

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

    std::string operator()(const std::string& word) override {
        const sb_symbol* out =
            sb_stemmer_stem(m_stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                            static_cast<int>(word.size()));
        if (!out) return word;  // out of memory inside libstemmer: index the word unstemmed
        return std::string(reinterpret_cast<const char*>(out),
                           static_cast<size_t>(sb_stemmer_length(m_stemmer)));
    }

    std::string get_description() const override { return "libstemmer:" + m_language; }

  private:
    std::string m_language;
    sb_stemmer* m_stemmer;
};

}  // namespace

std::vector<std::string> stemmer_languages() {
    std::vector<std::string> out;
    for (const char** name = sb_stemmer_list(); *name; ++name)
        out.emplace_back(*name);
    return out;
}

Xapian::Stem make_stemmer(const std::string& language) {
    // libstemmer accepts ISO 639-1/-2 codes and English names alike ("en", "eng", "english").
    return Xapian::Stem(new SnowballStem(language));
}

}  // namespace news

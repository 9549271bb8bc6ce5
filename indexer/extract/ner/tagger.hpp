// Named entities of news text: the public face of the tagger. `EntityTagger::load` reads the
// trained model (models/ner-en.bin, built by scripts/train-ner) once per run; `tag` tokenizes a
// text, decodes it with the averaged perceptron, applies the rules (honorifics, possessives),
// and returns every person, organisation and place mention as byte offsets into the text. The
// tagger is immutable after loading, so one instance serves every indexing thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "entity.hpp"

namespace news::ner {
struct NerModel;
}

namespace news {

struct Mention {
    EntityType type = EntityType::Person;
    size_t start = 0;  // byte offset of the first byte of the name
    size_t end = 0;    // byte offset one past its last byte
};

class EntityTagger {
  public:
    // Throws news::Error with a one-line message when the file is missing or unusable.
    static EntityTagger load(const std::string& path);

    // Where the model is looked for: $NEWS_MODEL_DIR when set, else the source tree's models/
    // folder compiled in; the file name is ner-en.bin.
    static std::string default_model_path();

    std::vector<Mention> tag(std::string_view text) const;

  private:
    static constexpr size_t kMaxBlock = 1 << 20;
    void tag_block(std::string_view text, size_t offset, std::vector<Mention>& mentions) const;

    std::shared_ptr<const ner::NerModel> m_model;
};

}  // namespace news

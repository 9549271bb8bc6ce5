#include "tagger.hpp"

#include <cstdlib>

#include "perceptron.hpp"
#include "rules.hpp"
#include "tokenizer.hpp"

#ifndef NEWS_MODEL_DIR
#define NEWS_MODEL_DIR "models"
#endif

namespace news {

EntityTagger EntityTagger::load(const std::string& path) {
    EntityTagger tagger;
    tagger.m_model = std::make_shared<const ner::NerModel>(ner::NerModel::load(path));
    return tagger;
}

std::string EntityTagger::default_model_path() {
    const char* dir = std::getenv("NEWS_MODEL_DIR");
    std::string base = dir != nullptr && *dir != '\0' ? dir : NEWS_MODEL_DIR;
    return base + "/ner-en.bin";
}

std::vector<Mention> EntityTagger::tag(std::string_view text) const {
    // A huge text (a 50 MB page) is tagged a block of lines at a time, so memory stays bounded;
    // document-level features then see one block, which is plenty of context.
    std::vector<Mention> mentions;
    if (!m_model) return mentions;
    size_t at = 0;
    while (at < text.size()) {
        size_t end = text.size();
        if (end - at > kMaxBlock) {
            end = text.rfind('\n', at + kMaxBlock);
            if (end == std::string_view::npos || end <= at) end = text.rfind(' ', at + kMaxBlock);
            if (end == std::string_view::npos || end <= at) end = at + kMaxBlock;
            // Never cut a UTF-8 sequence.
            while (end > at + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
                --end;
        }
        tag_block(text.substr(at, end - at), at, mentions);
        at = end;
    }
    return mentions;
}

void EntityTagger::tag_block(std::string_view text, size_t offset,
                             std::vector<Mention>& mentions) const {
    using namespace ner;
    Tokenized tokens = tokenize(text);
    if (tokens.tokens.empty()) return;
    DocumentView doc;
    doc.words.reserve(tokens.tokens.size());
    for (const Token& t : tokens.tokens)
        doc.words.push_back(text.substr(t.start, t.end - t.start));
    doc.sentences = std::move(tokens.sentences);

    FeatureExtractor fx(m_model->lexicon, m_model->gazetteer);
    fx.prepare(doc);
    std::vector<int> tags;
    decode_beam(fx, doc.sentences, m_model->tags, m_model->weights, m_model->beam, tags);
    std::vector<Span> spans = tags_to_spans(m_model->tags, tags);

    std::vector<std::string_view> forms(doc.words.size());
    std::vector<bool> caps(doc.words.size());
    for (size_t i = 0; i < forms.size(); ++i) {
        forms[i] = fx.form(i);
        caps[i] = fx.in_caps_sentence(i);
    }
    apply_rules(forms, doc.sentences, caps, spans);

    for (const Span& s : spans) {
        EntityType type;
        switch (s.kind) {
            case Kind::Person:
                type = EntityType::Person;
                break;
            case Kind::Organization:
                type = EntityType::Organization;
                break;
            case Kind::Location:
                type = EntityType::Place;
                break;
            default:
                continue;
        }
        mentions.push_back(
            {type, offset + tokens.tokens[s.begin].start, offset + tokens.tokens[s.end - 1].end});
    }
}

}  // namespace news

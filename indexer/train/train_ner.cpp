// news-train-ner: trains the entity tagger's model on CoNLL-2003 files and tags folders of text
// for scoring. Training builds the lexicon and the gazetteers from the training split, runs the
// averaged perceptron for a number of epochs (documents shuffled by a seeded generator, so a
// seed gives the same model byte for byte), keeps the epoch that scores best on the validation
// split, and writes the model file. `--tag DIR` runs the real tagger (tokenizer, model, rules)
// on DIR/doc-N.txt, the files `eval-ner prepare` writes, and prints one JSON line per document.
// Not installed: scripts/train-ner and scripts/eval-ner drive it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "extract/ner/perceptron.hpp"
#include "extract/ner/rules.hpp"
#include "extract/ner/tagger.hpp"
#include "extract/ner/tokenizer.hpp"

namespace fs = std::filesystem;
using namespace news::ner;
using news::mix64;

namespace {

constexpr const char* kUsage =
    "usage: news-train-ner --train FILE --valid FILE --out MODEL [--epochs N] [--seed S]\n"
    "                      [--beam W] [--scheme bio|bilou] [--folds K]\n"
    "       news-train-ner --tag DIR [--model MODEL]\n"
    "       news-train-ner --check-tokenizer FILE\n"
    "FILE: a CoNLL-2003 file, uncompressed (\"WORD POS CHUNK NER\" lines).\n"
    "Training: at most N epochs (15); stops after 5 without gain on the valid split and keeps\n"
    "the best. --beam W: beam width of training and tagging (4); 1 trains a greedy tagger\n"
    "token by token. --folds K: gazetteer and lexicon folds (10). --seed: document order (1).\n"
    "--tag: tags DIR/doc-N.txt and prints {\"id\": \"doc-N\", \"entities\": [...]} lines.\n"
    "--check-tokenizer: share of sentences the tokenizer splits exactly as FILE does.\n";

struct Document {
    std::vector<std::string> words;
    std::vector<Sentence> sentences;
    std::vector<Span> entities;  // gold, MISC included
};

Kind kind_of(std::string_view label) {
    if (label == "PER") return Kind::Person;
    if (label == "ORG") return Kind::Organization;
    if (label == "LOC") return Kind::Location;
    if (label == "MISC") return Kind::Misc;
    throw news::Error("unknown entity label " + std::string(label));
}

std::vector<Document> read_conll(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw news::Error("cannot read " + path);
    std::vector<Document> docs;
    std::string line;
    size_t sentence_begin = 0;
    bool open = false;  // an entity is open at the end of the current document's tokens
    auto end_sentence = [&] {
        if (docs.empty()) return;
        Document& d = docs.back();
        if (d.words.size() > sentence_begin)
            d.sentences.push_back({sentence_begin, d.words.size()});
        sentence_begin = d.words.size();
        open = false;
    };
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            end_sentence();
            continue;
        }
        if (line.rfind("-DOCSTART-", 0) == 0) {
            end_sentence();
            docs.emplace_back();
            sentence_begin = 0;
            continue;
        }
        if (docs.empty()) docs.emplace_back();
        size_t space = line.find(' ');
        size_t last = line.rfind(' ');
        if (space == std::string::npos) throw news::Error(path + ": bad line: " + line);
        Document& d = docs.back();
        std::string tag = line.substr(last + 1);
        size_t i = d.words.size();
        d.words.push_back(line.substr(0, space));
        if (tag == "O") {
            open = false;
        } else if (tag.size() > 2 && tag[1] == '-') {
            Kind k = kind_of(std::string_view(tag).substr(2));
            if (tag[0] == 'I' && open && d.entities.back().kind == k) {
                d.entities.back().end = i + 1;
            } else {
                d.entities.push_back({i, i + 1, k});
            }
            open = true;
        } else {
            throw news::Error(path + ": bad tag " + tag);
        }
    }
    end_sentence();
    std::erase_if(docs, [](const Document& d) { return d.words.empty(); });
    return docs;
}

DocumentView view_of(const Document& d) {
    DocumentView v;
    v.words.assign(d.words.begin(), d.words.end());
    v.sentences = d.sentences;
    return v;
}

bool is_caps(const Document& d, const Sentence& s) {
    std::vector<std::string_view> w(d.words.begin() + s.begin, d.words.begin() + s.end);
    return caps_sentence(w.data(), w.size());
}

// Case classes and usual forms of the words the training text writes in mid-sentence, from the
// documents whose index modulo `folds` is not `skip` (all when skip < 0): as with gazetteers,
// training features must come from a lexicon that has not seen the document, or every name
// in training is "known" while half the names at run time are not.
Lexicon build_lexicon(const std::vector<Document>& all, int folds, int skip) {
    struct Counts {
        size_t lower = 0, capitalised = 0, upper = 0, other = 0;
        std::map<std::string, size_t> forms;
    };
    std::map<std::string, Counts> words;
    std::string lower;
    for (size_t k = 0; k < all.size(); ++k) {
        if (skip >= 0 && static_cast<int>(k % folds) == skip) continue;
        const Document& d = all[k];
        for (const Sentence& s : d.sentences) {
            if (is_caps(d, s)) continue;
            for (size_t i = s.begin + 1; i < s.end; ++i) {
                const std::string& w = d.words[i];
                bool has_upper = false, has_lower = false, first_upper = false;
                for (size_t k = 0; k < w.size(); ++k) {
                    bool u = w[k] >= 'A' && w[k] <= 'Z', l = w[k] >= 'a' && w[k] <= 'z';
                    has_upper |= u;
                    has_lower |= l;
                    if (k == 0) first_upper = u;
                }
                if (!has_upper && !has_lower) continue;
                lower_utf8(w, lower);
                Counts& c = words[lower];
                if (!has_upper)
                    ++c.lower;
                else if (!has_lower && w.size() > 1)
                    ++c.upper;
                else if (first_upper)
                    ++c.capitalised;
                else
                    ++c.other;
                ++c.forms[w];
            }
        }
    }
    Lexicon lexicon;
    for (const auto& [word, c] : words) {
        double total = static_cast<double>(c.lower + c.capitalised + c.upper + c.other);
        CaseClass cls = CaseClass::Mixed;
        if (c.lower >= 0.9 * total)
            cls = CaseClass::Lower;
        else if (c.capitalised >= 0.9 * total)
            cls = CaseClass::Capitalised;
        else if (c.upper >= 0.9 * total)
            cls = CaseClass::Upper;
        // The most frequent form; std::map order breaks ties the same way every run.
        const std::string* best = nullptr;
        size_t best_n = 0;
        for (const auto& [form, n] : c.forms)
            if (n > best_n) {
                best = &form;
                best_n = n;
            }
        lexicon.add(word, cls, *best);
    }
    return lexicon;
}

uint64_t entity_key(const Document& d, const Span& e) {
    uint64_t h = 0;
    for (size_t i = e.begin; i < e.end; ++i)
        h = ngram_hash(h, news::ner::hash_bytes(d.words[i]));
    return h;
}

// The entity lists of the documents whose index modulo `folds` is not `skip` (all of them when
// skip < 0). Training features come from lists that leave the document's own fold out, so the
// model learns how far to trust a list that, as at run time, misses many names.
Gazetteer build_gazetteer(const std::vector<Document>& docs, int folds, int skip) {
    Gazetteer g;
    for (size_t k = 0; k < docs.size(); ++k) {
        if (skip >= 0 && static_cast<int>(k % folds) == skip) continue;
        const Document& d = docs[k];
        std::vector<bool> caps(d.words.size(), false);
        for (const Sentence& s : d.sentences)
            if (is_caps(d, s))
                for (size_t i = s.begin; i < s.end; ++i)
                    caps[i] = true;
        for (const Span& e : d.entities) {
            if (e.end - e.begin > kMaxGazetteerWords || caps[e.begin]) continue;
            g[entity_key(d, e)] |= static_cast<uint8_t>(1u << static_cast<int>(e.kind));
        }
    }
    return g;
}

// SplitMix64: a small generator whose sequence is the same on every platform and library,
// unlike std::shuffle's use of a distribution.
class Random {
  public:
    explicit Random(uint64_t seed) : m_state(seed) {}
    uint64_t next() { return mix64(m_state += 0x9e3779b97f4a7c15ULL); }
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[next() % i]);
    }

  private:
    uint64_t m_state;
};

struct Counts {
    size_t tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
    double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
    double f1() const {
        double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
};

// Entity-level exact match over PER, ORG and LOC, as eval-ner counts on gold tokens.
struct Score {
    Counts kinds[kKinds];
    Counts micro() const {
        Counts m;
        for (int k = 1; k <= 3; ++k) {
            m.tp += kinds[k].tp;
            m.fp += kinds[k].fp;
            m.fn += kinds[k].fn;
        }
        return m;
    }
    void add(const std::vector<Span>& gold, const std::vector<Span>& predicted) {
        auto key = [](const Span& s) { return std::tuple(s.begin, s.end, s.kind); };
        std::set<std::tuple<size_t, size_t, Kind>> g, p;
        for (const Span& s : gold)
            if (s.kind != Kind::Misc) g.insert(key(s));
        for (const Span& s : predicted)
            if (s.kind != Kind::Misc) p.insert(key(s));
        for (const auto& s : p)
            (g.count(s) ? kinds[int(std::get<2>(s))].tp : kinds[int(std::get<2>(s))].fp)++;
        for (const auto& s : g)
            if (!p.count(s)) kinds[int(std::get<2>(s))].fn++;
    }
    std::string line() const {
        char buf[256];
        Counts m = micro();
        std::snprintf(buf, sizeof buf, "F1 %.4f (P %.4f R %.4f)  PER %.4f  ORG %.4f  LOC %.4f",
                      m.f1(), m.precision(), m.recall(), kinds[1].f1(), kinds[2].f1(),
                      kinds[3].f1());
        return buf;
    }
};

template <class Weights>
Score evaluate(const std::vector<Document>& docs, const Lexicon& lexicon, const Gazetteer& gaz,
               const TagSet& tags, const Weights& weights, size_t beam, bool rules) {
    FeatureExtractor fx(lexicon, gaz);
    Score score;
    std::vector<int> predicted;
    for (const Document& d : docs) {
        DocumentView v = view_of(d);
        fx.prepare(v);
        decode_beam(fx, v.sentences, tags, weights, beam, predicted);
        std::vector<Span> spans = tags_to_spans(tags, predicted);
        if (rules) {
            std::vector<std::string_view> forms(d.words.size());
            std::vector<bool> caps(d.words.size());
            for (size_t i = 0; i < forms.size(); ++i) {
                forms[i] = fx.form(i);
                caps[i] = fx.in_caps_sentence(i);
            }
            apply_rules(forms, v.sentences, caps, spans);
        }
        score.add(d.entities, spans);
    }
    return score;
}

// One pass of the structured perceptron over a document's sentences: beam search with the
// current weights; where the gold sequence falls out of the beam (or loses at the end), the
// weights move towards the gold prefix's features and away from the best prefix's. Returns
// the number of sentences that needed an update.
size_t train_beam(FeatureExtractor& fx, const std::vector<Sentence>& sentences, const TagSet& tags,
                  PerceptronTrainer& trainer, size_t width, const std::vector<int>& gold,
                  std::vector<int>& predicted, BeamScratch& scratch) {
    predicted.assign(fx.size(), 0);
    size_t updates = 0;
    uint64_t f_gold[FeatureExtractor::kMaxFeatures], f_pred[FeatureExtractor::kMaxFeatures];
    for (const Sentence& s : sentences) {
        size_t stop =
            beam_sentence(fx, s, tags, trainer.current(), width, gold.data(), predicted, scratch);
        bool same = std::equal(predicted.begin() + s.begin, predicted.begin() + stop,
                               gold.begin() + s.begin);
        if (!same) {
            ++updates;
            for (size_t i = s.begin; i < stop; ++i) {
                int gp = i > s.begin ? gold[i - 1] : -1, gp2 = i > s.begin + 1 ? gold[i - 2] : -1;
                int pp = i > s.begin ? predicted[i - 1] : -1;
                int pp2 = i > s.begin + 1 ? predicted[i - 2] : -1;
                if (gold[i] == predicted[i] && gp == pp && gp2 == pp2) continue;
                size_t n = fx.static_features(i, f_gold);
                std::copy(f_gold, f_gold + n, f_pred);
                fx.dynamic_features(i, gp, gp2, f_gold + n);
                fx.dynamic_features(i, pp, pp2, f_pred + n);
                size_t total = n + FeatureExtractor::kDynamicFeatures;
                trainer.update(f_gold, total, gold[i], 1.0f);
                trainer.update(f_pred, total, predicted[i], -1.0f);
            }
        }
        trainer.tick();
        // Later sentences read what the decoder said; past an early stop, the gold tags.
        for (size_t i = s.begin; i < s.end; ++i)
            fx.remember(i, tags.kind(i < stop ? predicted[i] : gold[i]));
    }
    return updates;
}

struct TrainOptions {
    std::string train, valid, out;
    int epochs = 15;
    uint64_t seed = 1;
    int folds = 10;
    size_t beam = 4;
    Scheme scheme = Scheme::Bio;
};

int train(const TrainOptions& o) {
    auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    std::vector<Document> train_docs = read_conll(o.train);
    std::vector<Document> valid_docs = read_conll(o.valid);
    size_t tokens = 0;
    for (const Document& d : train_docs)
        tokens += d.words.size();
    std::fprintf(stderr, "train: %zu documents, %zu tokens; valid: %zu documents\n",
                 train_docs.size(), tokens, valid_docs.size());

    NerModel model;
    model.tags = TagSet(o.scheme);
    model.beam = static_cast<uint16_t>(o.beam);
    model.lexicon = build_lexicon(train_docs, o.folds, -1);
    model.gazetteer = build_gazetteer(train_docs, o.folds, -1);
    std::vector<Lexicon> fold_lexicons;
    std::vector<Gazetteer> fold_gazetteers;
    for (int f = 0; f < o.folds; ++f) {
        fold_lexicons.push_back(build_lexicon(train_docs, o.folds, f));
        fold_gazetteers.push_back(build_gazetteer(train_docs, o.folds, f));
    }
    std::vector<FeatureExtractor> extractors;
    for (int f = 0; f < o.folds; ++f)
        extractors.emplace_back(fold_lexicons[f], fold_gazetteers[f]);
    std::fprintf(stderr, "lexicon %zu words, gazetteer %zu names\n", model.lexicon.size(),
                 model.gazetteer.size());

    const TagSet& tags = model.tags;
    std::vector<std::vector<int>> gold(train_docs.size());
    for (size_t k = 0; k < train_docs.size(); ++k)
        gold[k] = spans_to_tags(tags, train_docs[k].entities, train_docs[k].words.size());

    PerceptronTrainer trainer(tags.size());
    Random random(o.seed);
    std::vector<size_t> order(train_docs.size());
    for (size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    FloatWeights best;
    double best_f1 = -1;
    int best_epoch = 0;
    std::vector<int> predicted;
    BeamScratch scratch;
    for (int epoch = 1; epoch <= o.epochs; ++epoch) {
        random.shuffle(order);
        size_t errors = 0;
        for (size_t k : order) {
            const Document& d = train_docs[k];
            FeatureExtractor& fx = extractors[k % o.folds];
            DocumentView v = view_of(d);
            fx.prepare(v);
            const std::vector<int>& g = gold[k];
            if (o.beam == 1) {
                decode_greedy(fx, v.sentences, tags, trainer.current(), predicted,
                              [&](size_t i, const uint64_t* f, size_t n, int tag) {
                                  if (tag != g[i]) {
                                      trainer.update(f, n, g[i], 1.0f);
                                      trainer.update(f, n, tag, -1.0f);
                                      ++errors;
                                  }
                                  trainer.tick();
                              });
            } else {
                errors += train_beam(fx, v.sentences, tags, trainer, o.beam, g, predicted, scratch);
            }
        }
        FloatWeights averaged = trainer.averaged();
        Score s =
            evaluate(valid_docs, model.lexicon, model.gazetteer, tags, averaged, o.beam, false);
        double f1 = s.micro().f1();
        std::fprintf(stderr, "epoch %2d  errors %6zu  features %8zu  valid %s  (%.0f s)\n", epoch,
                     errors, averaged.size(), s.line().c_str(), elapsed());
        if (f1 > best_f1) {
            best_f1 = f1;
            best_epoch = epoch;
            best = std::move(averaged);
        } else if (epoch - best_epoch >= 5) {
            break;  // five epochs without gain: the valid split says stop
        }
    }
    quantise(best, model);
    model.save(o.out);
    NerModel loaded = NerModel::load(o.out);
    std::fprintf(stderr, "kept epoch %d; model %s: %zu features, %ju bytes; training took %.0f s\n",
                 best_epoch, o.out.c_str(), loaded.weights.size(),
                 static_cast<uintmax_t>(fs::file_size(o.out)), elapsed());
    for (bool rules : {false, true}) {
        Score s = evaluate(valid_docs, loaded.lexicon, loaded.gazetteer, loaded.tags,
                           loaded.weights, loaded.beam, rules);
        std::fprintf(stderr, "valid, gold tokens, %s: %s\n",
                     rules ? "model and rules" : "model alone    ", s.line().c_str());
    }
    return 0;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw news::Error("cannot read " + path.string());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

int tag_folder(const std::string& dir, const std::string& model_path) {
    news::EntityTagger tagger = news::EntityTagger::load(model_path);
    std::vector<std::pair<long, fs::path>> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        std::string name = entry.path().filename().string();
        if (name.rfind("doc-", 0) != 0 || entry.path().extension() != ".txt") continue;
        files.emplace_back(std::stol(name.substr(4)), entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& [n, path] : files) {
        std::string text = read_file(path);
        nlohmann::json entities = nlohmann::json::array();
        for (const news::Mention& m : tagger.tag(text))
            entities.push_back(
                {{"type", news::entity_type_name(m.type)}, {"start", m.start}, {"end", m.end}});
        nlohmann::json line = {{"id", "doc-" + std::to_string(n)}, {"entities", entities}};
        std::cout << line.dump() << '\n';
    }
    return 0;
}

// Share of CoNLL sentences that the tokenizer, given the sentence's words joined by spaces,
// splits into exactly the gold tokens; prints the first disagreements.
int check_tokenizer(const std::string& path) {
    size_t same = 0, total = 0, shown = 0;
    for (const Document& d : read_conll(path))
        for (const Sentence& s : d.sentences) {
            std::string text;
            for (size_t i = s.begin; i < s.end; ++i)
                text += (i > s.begin ? " " : "") + d.words[i];
            Tokenized t = tokenize(text);
            bool ok = t.tokens.size() == s.end - s.begin;
            for (size_t i = 0; ok && i < t.tokens.size(); ++i)
                ok = text.substr(t.tokens[i].start, t.tokens[i].end - t.tokens[i].start) ==
                     d.words[s.begin + i];
            ++total;
            same += ok;
            if (!ok && shown++ < 20) {
                std::cout << "gold: " << text << "\nours:";
                for (const Token& k : t.tokens)
                    std::cout << " [" << text.substr(k.start, k.end - k.start) << "]";
                std::cout << "\n";
            }
            if (ok && t.sentences.size() != 1 && shown++ < 20)
                std::cout << "split into " << t.sentences.size() << ": " << text << "\n";
        }
    std::printf("%zu of %zu sentences tokenized as gold (%.4f)\n", same, total,
                double(same) / double(total));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        TrainOptions o;
        std::string tag_dir, check, model = news::EntityTagger::default_model_path();
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw news::UsageError(a + " needs a value");
                return argv[++i];
            };
            if (a == "--train")
                o.train = value();
            else if (a == "--valid")
                o.valid = value();
            else if (a == "--out")
                o.out = value();
            else if (a == "--epochs")
                o.epochs = std::stoi(value());
            else if (a == "--seed")
                o.seed = std::stoull(value());
            else if (a == "--beam")
                o.beam = std::max(1, std::stoi(value()));
            else if (a == "--folds")
                o.folds = std::max(2, std::stoi(value()));
            else if (a == "--scheme") {
                std::string s = value();
                if (s != "bio" && s != "bilou") throw news::UsageError("--scheme: bio or bilou");
                o.scheme = s == "bio" ? Scheme::Bio : Scheme::Bilou;
            } else if (a == "--tag")
                tag_dir = value();
            else if (a == "--model")
                model = value();
            else if (a == "--check-tokenizer")
                check = value();
            else if (a == "-h" || a == "--help") {
                std::cout << kUsage;
                return 0;
            } else {
                throw news::UsageError("unknown argument " + a);
            }
        }
        if (!check.empty()) return check_tokenizer(check);
        if (!tag_dir.empty()) return tag_folder(tag_dir, model);
        if (o.train.empty() || o.valid.empty() || o.out.empty())
            throw news::UsageError("--train, --valid and --out are required (see --help)");
        return train(o);
    } catch (const news::UsageError& e) {
        std::cerr << "news-train-ner: " << e.what() << '\n' << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "news-train-ner: " << e.what() << '\n';
        return 2;
    }
}

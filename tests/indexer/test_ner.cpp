// Tests for indexer/extract/ner: the tokenizer (offsets, clitics, abbreviations, sentences), the
// rules (honorifics, possessives, all-caps headlines, surnames, company suffixes), the model file
// (round trip, refusal of missing, truncated and damaged files), and the committed model on the
// sentences the issue names.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unistd.h>

#include "error.hpp"
#include "extract/ner/features.hpp"
#include "extract/ner/perceptron.hpp"
#include "extract/ner/rules.hpp"
#include "extract/ner/tagger.hpp"
#include "extract/ner/tokenizer.hpp"

namespace fs = std::filesystem;
using news::EntityTagger;
using news::EntityType;
using news::Mention;
namespace ner = news::ner;

namespace {

// The tokens of `text`, joined by '|'.
std::string joined_tokens(std::string_view text) {
    std::string out;
    for (const ner::Token& t : ner::tokenize(text).tokens) {
        if (!out.empty()) out += '|';
        out += text.substr(t.start, t.end - t.start);
    }
    return out;
}

// The sentences of `text`, each as its tokens joined by ' '.
std::vector<std::string> sentences(std::string_view text) {
    ner::Tokenized t = ner::tokenize(text);
    std::vector<std::string> out;
    for (const ner::Sentence& s : t.sentences) {
        std::string line;
        for (size_t i = s.begin; i < s.end; ++i) {
            if (i > s.begin) line += ' ';
            line += text.substr(t.tokens[i].start, t.tokens[i].end - t.tokens[i].start);
        }
        out.push_back(line);
    }
    return out;
}

// Spans as "kind:first-last" over token indices, for rule tables.
std::string describe(const std::vector<ner::Span>& spans) {
    std::string out;
    for (const ner::Span& s : spans) {
        if (!out.empty()) out += ' ';
        const char* kind = s.kind == ner::Kind::Person         ? "PER"
                           : s.kind == ner::Kind::Organization ? "ORG"
                           : s.kind == ner::Kind::Location     ? "LOC"
                                                               : "MISC";
        out += std::string(kind) + ":" + std::to_string(s.begin) + "-" + std::to_string(s.end);
    }
    return out;
}

// Runs the rules on space-separated words, one sentence per '\n'-separated line.
std::string ruled(const std::string& text, std::vector<ner::Span> spans, bool caps = false) {
    std::vector<std::string> words;
    std::vector<ner::Sentence> sents;
    size_t begin = 0;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) words.push_back(word);
        word.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\n') flush();
        if (c == '\n') {
            sents.push_back({begin, words.size()});
            begin = words.size();
        } else if (c != ' ') {
            word += c;
        }
    }
    flush();
    if (words.size() > begin) sents.push_back({begin, words.size()});
    std::vector<std::string_view> forms(words.begin(), words.end());
    std::vector<bool> caps_flags(words.size(), caps);
    ner::apply_rules(forms, sents, caps_flags, spans);
    return describe(spans);
}

const EntityTagger& tagger() {
    static const EntityTagger t = EntityTagger::load(EntityTagger::default_model_path());
    return t;
}

// The mentions of `text` as "type [text] start-end".
std::vector<std::string> mentions(std::string_view text) {
    std::vector<std::string> out;
    for (const Mention& m : tagger().tag(text))
        out.push_back(std::string(news::entity_type_name(m.type)) + " [" +
                      std::string(text.substr(m.start, m.end - m.start)) + "] " +
                      std::to_string(m.start) + "-" + std::to_string(m.end));
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// A fresh folder under the system's temporary directory, removed with everything in it.
class TempDir {
  public:
    TempDir() {
        static std::atomic<unsigned> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_path =
            fs::temp_directory_path() / ("news-test-ner-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(stamp) + "-" + std::to_string(counter++));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (m_path / name).string(); }

  private:
    fs::path m_path;
};

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// The one-line message EntityTagger::load raises for `path`, or "" when it loads.
std::string load_error(const std::string& path) {
    try {
        EntityTagger::load(path);
    } catch (const news::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("tokenizer splits punctuation and clitics, keeps abbreviations and hyphens") {
    struct Case {
        const char* text;
        const char* tokens;
    };
    const Case cases[] = {
        {"Netanyahu's aides met U.S. officials.", "Netanyahu|'s|aides|met|U.S.|officials|."},
        {"Mr. Smith and Dr. Jones met Gen. Lee at 5 p.m. today.",
         "Mr.|Smith|and|Dr.|Jones|met|Gen.|Lee|at|5|p.m.|today|."},
        {"Antony J. Blinken doesn't know.", "Antony|J.|Blinken|does|n't|know|."},
        {"\"Yes,\" he said (quietly).", "\"|Yes|,|\"|he|said|(|quietly|)|."},
        {"Jean-Claude Juncker's 1996-08-22 visit", "Jean-Claude|Juncker|'s|1996-08-22|visit"},
        {"Netanyahu 's office", "Netanyahu|'s|office"},  // CoNLL text: already split
        {"the Joneses' house", "the|Joneses|'|house"},
        {"Netanyahu\xE2\x80\x94who", "Netanyahu|\xE2\x80\x94|who"},
        {"1. Michael Schumacher", "1.|Michael|Schumacher"},
        {"He won 3.", "He|won|3|."},
        {"Wait...", "Wait|..."},
        {"  ", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(joined_tokens(c.text) == c.tokens);
    }
}

TEST_CASE("tokenizer offsets are byte offsets into UTF-8 text") {
    // "ğ" is two bytes, "’" and "—" three.
    const std::string text =
        "Erdo\xC4\x9F"
        "an\xE2\x80\x99s party \xE2\x80\x94 in Ankara";
    ner::Tokenized t = ner::tokenize(text);
    REQUIRE(t.tokens.size() == 6);
    const size_t expected[][2] = {{0, 8}, {8, 12}, {13, 18}, {19, 22}, {23, 25}, {26, 32}};
    for (size_t i = 0; i < 6; ++i) {
        CAPTURE(i);
        CHECK(t.tokens[i].start == expected[i][0]);
        CHECK(t.tokens[i].end == expected[i][1]);
    }
    CHECK(text.substr(8, 4) == "\xE2\x80\x99s");
}

TEST_CASE("tokenizer ends sentences at line breaks and at final punctuation") {
    std::vector<std::string> s = sentences(
        "He left. Then she came.\nBRUSSELS 1996-08-22\nMr. Smith arrived. \"Good,\" "
        "he said.");
    REQUIRE(s.size() == 5);
    CHECK(s[0] == "He left .");
    CHECK(s[1] == "Then she came .");
    CHECK(s[2] == "BRUSSELS 1996-08-22");
    CHECK(s[3] == "Mr. Smith arrived .");  // "Mr." ends no sentence
    CHECK(s[4] == "\" Good , \" he said .");
}

TEST_CASE("tokenizer stays inside broken UTF-8") {
    const std::string text = "\xC3 abc \xE2\x80 \xFF def\xF0";
    ner::Tokenized t = ner::tokenize(text);
    std::string words;
    for (const ner::Token& k : t.tokens) {
        CHECK(k.start < k.end);
        CHECK(k.end <= text.size());
        words += text.substr(k.start, k.end - k.start) + "|";
    }
    CHECK(words.find("abc|") != std::string::npos);
}

TEST_CASE("rules: all-caps lines and the case of their words") {
    std::vector<std::string_view> headline{"SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"};
    CHECK(ner::caps_sentence(headline.data(), headline.size()));
    std::vector<std::string_view> mixed{"EU", "rejects", "German", "call"};
    CHECK_FALSE(ner::caps_sentence(mixed.data(), mixed.size()));
    std::vector<std::string_view> acronym{"EU"};
    CHECK_FALSE(ner::caps_sentence(acronym.data(), acronym.size()));

    CHECK(ner::title_case("NETANYAHU") == "Netanyahu");
    CHECK(ner::title_case("TEL-AVIV") == "Tel-Aviv");
    CHECK(ner::title_case("O'NEILL") == "O'Neill");
    CHECK(ner::title_case("U.S.") == "U.S.");
    CHECK(ner::title_case("ERDO\xC4\x9E"
                          "AN") ==
          "Erdo\xC4\x9F"
          "an");
}

TEST_CASE("features: an all-caps headline takes the case of the document, then of the lexicon") {
    ner::Lexicon lexicon;
    lexicon.add("meets", ner::CaseClass::Lower, "meets");
    lexicon.add("in", ner::CaseClass::Lower, "in");
    ner::Gazetteer gazetteer;
    ner::FeatureExtractor fx(lexicon, gazetteer);
    ner::DocumentView doc;
    doc.words = {"NETANYAHU", "MEETS", "BLINKEN", "IN",      "JERUSALEM",  // headline
                 "Later",     ",",     "Antony",  "Blinken", "left",      "."};
    doc.sentences = {{0, 5}, {5, 11}};
    fx.prepare(doc);
    CHECK(fx.form(0) == "Netanyahu");  // unknown: guessed a name
    CHECK(fx.form(1) == "meets");      // the lexicon's usual form
    CHECK(fx.form(2) == "Blinken");    // as the document writes it
    CHECK(fx.form(3) == "in");
    CHECK(fx.in_caps_sentence(0));
    CHECK_FALSE(fx.in_caps_sentence(7));
    CHECK(fx.form(7) == "Antony");
}

TEST_CASE("rules: honorifics and titles mark the name after them") {
    std::vector<std::string_view> pm{"Prime", "Minister", "Benjamin", "Netanyahu"};
    CHECK(ner::title_before(pm, 0, 2) == 2);
    std::vector<std::string_view> mr{"Mr.", "Blinken"};
    CHECK(ner::title_before(mr, 0, 1) == 1);
    std::vector<std::string_view> sec{"Secretary", "of", "State", "Antony", "Blinken"};
    CHECK(ner::title_before(sec, 0, 3) == 3);
    std::vector<std::string_view> plain{"the", "minister", "said"};
    CHECK(ner::title_before(plain, 0, 2) == 0);

    using K = ner::Kind;
    // The name after a title becomes a person, whether the model missed it or took the title
    // into the name; days and months are not names.
    CHECK(ruled("Mr. Blinken said", {}) == "PER:1-2");
    CHECK(ruled("Mr. Blinken said", {{0, 2, K::Person}}) == "PER:1-2");
    CHECK(ruled("Prime Minister Benjamin Netanyahu spoke Monday", {}) == "PER:2-4");
    CHECK(ruled("Secretary of State Antony Blinken", {{3, 5, K::Person}}) == "PER:3-5");
    CHECK(ruled("Gen. Herzi Halevi", {{2, 3, K::Location}}) == "PER:1-3");
    // A title inside a span the model found stays there ("Prince Edward Island" is a place).
    CHECK(ruled("King Fahd University said", {{0, 3, K::Organization}}) == "ORG:0-3");
    // In an all-caps line every word is capitalised, so the rule does not run.
    CHECK(ruled("MR. BLINKEN WINS", {}, true) == "");
}

TEST_CASE("rules: possessives, surnames and company names") {
    using K = ner::Kind;
    CHECK(ruled("Netanyahu 's office", {{0, 2, K::Person}}) == "PER:0-1");
    CHECK(ruled("at Lord 's", {{1, 3, K::Location}}) == "LOC:1-3");  // a place keeps its 's
    // A surname alone is the person the document named in full.
    CHECK(ruled("Tiger Woods won .\nLater , Woods said .", {{0, 2, K::Person}}) ==
          "PER:0-2 PER:6-7");
    CHECK(ruled("Tiger Woods won .\nLater , Woods said .",
                {{0, 2, K::Person}, {6, 7, K::Organization}}) == "PER:0-2 PER:6-7");
    // A company suffix names a company, and its short form after is the company too.
    CHECK(ruled("Shares of Pirelli SpA rose .\nThen Pirelli said .", {{7, 8, K::Person}}) ==
          "ORG:2-4 ORG:7-8");
    CHECK(ruled("said Jones Medical Industries Inc .", {{1, 2, K::Person}, {3, 5, K::Person}}) ==
          "ORG:1-5");
}

TEST_CASE("model file: a saved model loads with every table") {
    TempDir dir;
    ner::NerModel model;
    model.lexicon.add("blinken", ner::CaseClass::Capitalised, "Blinken");
    model.gazetteer[ner::ngram_hash(0, ner::hash_bytes("Tel"))] = 1u << 3;
    ner::FloatWeights weights(model.tags.size());
    weights.row(42)[1] = 2.5f;
    weights.row(43)[0] = -1.0f;
    weights.row(44);  // all zero: dropped
    ner::quantise(weights, model);
    model.save(dir.file("m.bin"));

    ner::NerModel loaded = ner::NerModel::load(dir.file("m.bin"));
    CHECK(loaded.weights.size() == 2);
    CHECK(loaded.lexicon.size() == 1);
    CHECK(loaded.gazetteer.size() == 1);
    CHECK(loaded.beam == model.beam);
    const ner::Lexicon::Word* w = loaded.lexicon.find(ner::hash_bytes("blinken"));
    REQUIRE(w != nullptr);
    CHECK(loaded.lexicon.form(*w) == "Blinken");
    CHECK(w->case_class == ner::CaseClass::Capitalised);
    uint64_t f = 42;
    int32_t scores[ner::kMaxTags] = {};
    loaded.weights.add(&f, 1, scores);
    CHECK(scores[1] == 32767);
    CHECK(scores[0] == 0);
    // Saving is deterministic: the same model gives the same bytes.
    loaded.save(dir.file("again.bin"));
    CHECK(read_bytes(dir.file("again.bin")) == read_bytes(dir.file("m.bin")));
}

TEST_CASE("model file: missing, truncated and damaged files are one-line errors") {
    TempDir dir;
    std::string missing = load_error(dir.file("none.bin"));
    CHECK(missing.find("not found") != std::string::npos);
    CHECK(missing.find(dir.file("none.bin")) != std::string::npos);

    std::string real = read_bytes(EntityTagger::default_model_path());
    REQUIRE(real.size() > 1000);

    write_bytes(dir.file("garbage.bin"), "this is not a model at all, just some text\n");
    write_bytes(dir.file("empty.bin"), "");
    write_bytes(dir.file("truncated.bin"), real.substr(0, real.size() / 2));
    std::string damaged = real;
    damaged[damaged.size() / 2] ^= 0x5A;
    write_bytes(dir.file("damaged.bin"), damaged);
    std::string version = real;
    version[8] = 99;
    write_bytes(dir.file("version.bin"), version);

    const std::pair<const char*, const char*> cases[] = {
        {"garbage.bin", "not an entity model"}, {"empty.bin", "not an entity model"},
        {"truncated.bin", "truncated"},         {"damaged.bin", "damaged"},
        {"version.bin", "version 99"},
    };
    for (const auto& [name, why] : cases) {
        CAPTURE(name);
        std::string error = load_error(dir.file(name));
        CHECK(error.find(why) != std::string::npos);
        CHECK(error.find('\n') == std::string::npos);
    }
}

TEST_CASE("tagger: people and a place with exact spans") {
    std::vector<std::string> m =
        mentions("Antony J. Blinken met Benjamin Netanyahu in Tel Aviv on Monday.");
    CHECK(m == std::vector<std::string>{"person [Antony J. Blinken] 0-17",
                                        "person [Benjamin Netanyahu] 22-40",
                                        "place [Tel Aviv] 44-52"});
}

TEST_CASE("tagger: an honorific is not part of the name") {
    std::vector<std::string> m = mentions("Mr. Blinken arrived in Jerusalem on Tuesday.");
    CHECK(contains(m, "person [Blinken] 4-11"));
    CHECK(contains(m, "place [Jerusalem] 23-32"));
    m = mentions("Secretary of State Antony Blinken and Prime Minister Benjamin Netanyahu spoke.");
    CHECK(contains(m, "person [Antony Blinken] 19-33"));
    CHECK(contains(m, "person [Benjamin Netanyahu] 53-71"));
}

TEST_CASE("tagger: an organisation") {
    CHECK(contains(mentions("the International Monetary Fund said"),
                   "organization [International Monetary Fund] 4-31"));
    CHECK(contains(mentions("Officials at the International Monetary Fund said on Friday."),
                   "organization [International Monetary Fund] 17-44"));
}

TEST_CASE("tagger: a possessive is not part of the name") {
    CHECK(mentions("Netanyahu's office said on Monday that talks would resume.") ==
          std::vector<std::string>{"person [Netanyahu] 0-9"});
    CHECK(mentions("Netanyahu\xE2\x80\x99s office said on Monday that talks would resume.") ==
          std::vector<std::string>{"person [Netanyahu] 0-9"});
}

TEST_CASE("tagger: an all-caps headline over its story") {
    std::vector<std::string> m = mentions(
        "NETANYAHU MEETS BLINKEN IN JERUSALEM\n"
        "Benjamin Netanyahu met Antony Blinken in Jerusalem on Monday.");
    CHECK(contains(m, "person [NETANYAHU] 0-9"));
    CHECK(contains(m, "person [BLINKEN] 16-23"));
    CHECK(contains(m, "place [JERUSALEM] 27-36"));
}

TEST_CASE("tagger: empty and odd input gives no mentions and no crash") {
    CHECK(tagger().tag("").empty());
    CHECK(tagger().tag("   \n\n  ").empty());
    CHECK(tagger().tag("... !!! ???").empty());
    static constexpr char kJunk[] = "\xFF\xFE\x00\xC3 Netanyahu \xE2\x80";
    std::string junk(kJunk, sizeof kJunk - 1);  // keeps the NUL inside, not the terminator
    for (const Mention& m : tagger().tag(junk))
        CHECK(m.end <= junk.size());
    std::string long_line(100000, 'A');
    CHECK_NOTHROW(tagger().tag(long_line));
    EntityTagger unloaded;
    CHECK(unloaded.tag("Antony Blinken").empty());
}

TEST_CASE("tagger: a text larger than one block keeps its offsets") {
    const std::string line = "Antony Blinken met Benjamin Netanyahu in Tel Aviv on Monday.\n";
    std::string text;
    while (text.size() < (1u << 20) + 5 * line.size()) text += line;
    std::vector<Mention> found = tagger().tag(text);
    size_t lines = text.size() / line.size();
    CHECK(found.size() == 3 * lines);
    const Mention& last = found.back();
    CHECK(last.type == EntityType::Place);
    CHECK(text.substr(last.start, last.end - last.start) == "Tel Aviv");
    CHECK(last.start == text.size() - line.size() + 41);
}

// Tests for indexer/extract/entities: an article's mentions grouped into entities (persons by
// full name and surname, the two Bidens, typos, possessives; organisations and their acronyms;
// places by key), first on hand-marked mentions, then on the tagger's own.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/entities.hpp"
#include "extract/ner/tagger.hpp"
#include "names.hpp"

using news::ArticleEntities;
using news::EntityType;
using news::Mention;

namespace {

// Text with marked mentions, "[P:Antony J. Blinken] met [O:IDF] in [G:Gaza]", as the plain text
// and the mentions.
struct Marked {
    std::string text;
    std::vector<Mention> mentions;
};

Marked parse_marked(std::string_view marked) {
    Marked out;
    for (size_t i = 0; i < marked.size();) {
        if (marked[i] == '[' && i + 2 < marked.size() && marked[i + 2] == ':') {
            Mention m;
            m.type = marked[i + 1] == 'P'   ? EntityType::Person
                     : marked[i + 1] == 'O' ? EntityType::Organization
                                            : EntityType::Place;
            size_t close = marked.find(']', i);
            m.start = out.text.size();
            out.text += marked.substr(i + 3, close - i - 3);
            m.end = out.text.size();
            out.mentions.push_back(m);
            i = close + 1;
        } else {
            out.text += marked[i++];
        }
    }
    return out;
}

// The entities as "Name = surface | surface", in order, and the acronyms as "acr>long".
std::vector<std::string> describe(const std::string& text, const ArticleEntities& a) {
    std::vector<std::string> out;
    for (const news::Entity& e : a.entities) {
        const char* kind = e.type == EntityType::Person         ? "p"
                           : e.type == EntityType::Organization ? "o"
                                                                : "g";
        std::string line = std::string(kind) + " " + e.name + " =";
        for (size_t k = 0; k < e.mentions.size(); ++k) {
            line += k ? " | " : " ";
            line += text.substr(e.mentions[k].start, e.mentions[k].end - e.mentions[k].start);
        }
        out.push_back(line);
    }
    for (const auto& [acr, long_key] : a.acronyms)
        out.push_back(acr + ">" + long_key);
    return out;
}

}  // namespace

TEST_CASE("group_mentions gathers each entity's mentions under the article's full name") {
    struct Case {
        std::string what;
        std::string marked;
        std::vector<std::string> expected;
    };
    const Case cases[] = {
        {"Blinken's variants",
         "[P:Antony J. Blinken] arrived. [P:Mr. Blinken] said [P:Blinken] would return. "
         "[P:Secretary Blinken] and [P:Anthony Blinken] are one; [P:Blinken's] aides agreed.",
         {"p Antony J. Blinken = Antony J. Blinken | Mr. Blinken | Blinken | Secretary Blinken | "
          "Anthony Blinken | Blinken's"}},
        {"two Bidens in one article: a bare surname goes to the one named most",
         "[P:Joe Biden] spoke. [P:Hunter Biden] listened. [P:Joe Biden] left. [P:Biden] said.",
         {"p Joe Biden = Joe Biden | Joe Biden | Biden", "p Hunter Biden = Hunter Biden"}},
        {"two Bidens, tie: the most recent one",
         "[P:Joe Biden] spoke. [P:Hunter Biden] listened. [P:Mr. Biden] said. [P:Biden] added.",
         {"p Joe Biden = Joe Biden", "p Hunter Biden = Hunter Biden | Mr. Biden | Biden"}},
        {"Jill is not Joe; an initial goes to the most recent on a tie",
         "[P:Jill Biden] and [P:Joe Biden] and [P:J. Biden]. [P:Jill Biden] again; [P:J. Biden].",
         {"p Jill Biden = Jill Biden | Jill Biden | J. Biden",
          "p Joe Biden = Joe Biden | J. Biden"}},
        {"a surname before the full name joins it; the fuller name wins",
         "[P:Netanyahu's] office said [P:Benjamin Netanyahu] and [P:Netanyahu] met "
         "[P:Prime Minister Benjamin Netanyahu].",
         {"p Benjamin Netanyahu = Netanyahu's | Benjamin Netanyahu | Netanyahu | "
          "Prime Minister Benjamin Netanyahu"}},
        {"a first name alone joins the one full name it begins",
         "[P:Lucia Reyes] ruled. [P:Tomas Reyes] is her brother. [P:Lucia] said.",
         {"p Lucia Reyes = Lucia Reyes | Lucia", "p Tomas Reyes = Tomas Reyes"}},
        {"a first name two full names begin stays on its own",
         "[P:Anna Berg] and [P:Anna Holm] met. [P:Anna] left.",
         {"p Anna Berg = Anna Berg", "p Anna Holm = Anna Holm", "p Anna = Anna"}},
        {"a lone surname stays itself, possessive removed",
         "[P:Netanyahu's] office said [P:Netanyahu] would speak.",
         {"p Netanyahu = Netanyahu's | Netanyahu"}},
        {"Erdoğan and Erdogan",
         "[P:Recep Tayyip Erdoğan] and [P:Erdogan] and [P:President Erdoğan].",
         {"p Recep Tayyip Erdoğan = Recep Tayyip Erdoğan | Erdogan | President Erdoğan"}},
        {"a defined acronym joins the long form",
         "The [O:Israel Defense Forces] ([O:IDF]) said. The [O:IDF] later added.",
         {"o Israel Defense Forces = Israel Defense Forces | IDF | IDF",
          "idf>israel defense forces"}},
        {"a definition whose acronym the tagger missed",
         "The [O:Israel Defense Forces] (IDF) said. The [O:IDF] later added.",
         {"o Israel Defense Forces = Israel Defense Forces | IDF", "idf>israel defense forces"}},
        {"an acronym spelling a named organisation's initials",
         "The [O:International Monetary Fund] warned; the [O:IMF] said.",
         {"o International Monetary Fund = International Monetary Fund | IMF",
          "imf>international monetary fund"}},
        {"an acronym before its long form",
         "[O:NATO] met. The [O:North Atlantic Treaty Organization] agreed.",
         {"o North Atlantic Treaty Organization = NATO | North Atlantic Treaty Organization",
          "nato>north atlantic treaty organization"}},
        {"an organisation's possessive joins it, the plain name shown",
         "[O:Hamas's] leaders said [O:Hamas] would reply.",
         {"o Hamas = Hamas's | Hamas"}},
        {"an acronym nobody defined stays itself",
         "The [O:IDF] said [O:Hamas] fired.",
         {"o IDF = IDF", "o Hamas = Hamas"}},
        {"places by key; kinds apart",
         "[G:Gaza] and [G:Tel Aviv] and [G:Zürich], [G:Gaza's] and [G:Zurich]; [P:Washington] "
         "in [G:Washington].",
         {"g Gaza = Gaza | Gaza's", "g Tel Aviv = Tel Aviv", "g Zürich = Zürich | Zurich",
          "p Washington = Washington", "g Washington = Washington"}},
        {"a headline in capitals takes the article's case",
         "[P:JOE BIDEN] WINS\n[P:Joe Biden] won.",
         {"p Joe Biden = JOE BIDEN | Joe Biden"}},
        {"empty and title-only mentions are dropped", "[P:Mr.] said [P:] nothing.", {}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        Marked m = parse_marked(c.marked);
        ArticleEntities a = news::group_mentions(m.text, m.mentions);
        CHECK(describe(m.text, a) == c.expected);
    }
}

TEST_CASE("group_mentions keeps the tagger's offsets and tolerates unordered or bad spans") {
    Marked m = parse_marked("[P:Antony Blinken] met [G:Gaza] officials; [P:Blinken] left.");
    std::vector<Mention> reversed(m.mentions.rbegin(), m.mentions.rend());
    reversed.push_back(Mention{EntityType::Place, 5, 500});  // past the end: ignored
    reversed.push_back(Mention{EntityType::Place, 7, 7});    // empty: ignored
    ArticleEntities a = news::group_mentions(m.text, reversed);
    REQUIRE(a.entities.size() == 2);
    CHECK(a.entities[0].name == "Antony Blinken");
    REQUIRE(a.entities[0].mentions.size() == 2);
    CHECK(a.entities[0].mentions[0].start == m.mentions[0].start);
    CHECK(a.entities[0].mentions[0].end == m.mentions[0].end);
    CHECK(a.entities[0].mentions[1].start == m.mentions[2].start);
    CHECK(a.entities[0].mentions[1].end == m.mentions[2].end);
    CHECK(a.entities[1].name == "Gaza");
    CHECK(news::group_mentions("", {}).entities.empty());
}

TEST_CASE("group_mentions on the tagger's mentions of a news story") {
    static const news::EntityTagger tagger =
        news::EntityTagger::load(news::EntityTagger::default_model_path());
    const std::string text =
        "Secretary of State Antony J. Blinken arrived in Israel on Monday. Mr. Blinken met "
        "Prime Minister Benjamin Netanyahu in Jerusalem, and the Israel Defense Forces (IDF) "
        "briefed both men. Netanyahu's office said Blinken would return. The IDF said it had "
        "struck targets in Gaza.";
    std::vector<Mention> mentions = tagger.tag(text);
    ArticleEntities a = news::group_mentions(text, mentions);
    std::string described;
    for (const std::string& line : describe(text, a))
        described += line + "\n";
    INFO(described);
    // Every mention the tagger gave is kept, offsets unchanged.
    size_t kept = 0;
    for (const news::Entity& e : a.entities)
        for (const news::EntityMention& em : e.mentions) {
            bool found = false;
            for (const Mention& m : mentions)
                found = found || (m.start == em.start && m.end == em.end && m.type == e.type);
            CHECK(found);
            ++kept;
        }
    CHECK(kept == mentions.size());
    auto entity = [&](EntityType type, const std::string& name) -> const news::Entity* {
        for (const news::Entity& e : a.entities)
            if (e.type == type && e.name == name) return &e;
        return nullptr;
    };
    const news::Entity* blinken = entity(EntityType::Person, "Antony J. Blinken");
    REQUIRE(blinken != nullptr);
    CHECK(blinken->mentions.size() == 3);
    const news::Entity* netanyahu = entity(EntityType::Person, "Benjamin Netanyahu");
    REQUIRE(netanyahu != nullptr);
    CHECK(netanyahu->mentions.size() == 2);
    const news::Entity* idf = entity(EntityType::Organization, "Israel Defense Forces");
    REQUIRE(idf != nullptr);
    CHECK(idf->mentions.size() >= 2);
    CHECK(a.acronyms.count("idf") == 1);
}

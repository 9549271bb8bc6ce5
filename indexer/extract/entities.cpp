// Within-article aliasing: the tagger's mentions gathered into the article's entities.
//
// Mentions are read in text order. Persons: a full name ("Antony J. Blinken") joins the entity
// of the same key, else one that names::same_person matches ("Anthony Blinken" after "Antony
// Blinken"), else starts an entity; a surname alone ("Blinken", "Mr. Blinken", "Blinken's")
// joins the full name of that surname with most mentions so far (ties: the one mentioned most
// recently); surnames met before any full name wait to the end of the article and then join the
// full name of their surname with most mentions, or stay an entity of their own. The entity's
// name is the fullest form the article wrote (most words), titles and possessives removed.
// Organisations: "Israel Defense Forces (IDF)" defines an acronym, and the article's "IDF"
// joins the long form (an "IDF" before the definition too); an acronym-looking mention equal to
// the initials of an organisation already named joins it as well. Places: grouped by key.
// Mention offsets are kept exactly as the tagger gave them.
#include "entities.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <optional>

#include "names.hpp"

namespace news {

namespace {

struct Work {
    EntityType type = EntityType::Person;
    std::string key;
    std::string name;
    size_t name_words = 0;
    std::vector<EntityMention> mentions;
    bool alive = true;
    bool full = false;  // a person named with a first name
};

size_t count_words(std::string_view s) {
    size_t n = 0;
    bool in = false;
    for (char c : s) {
        bool space = c == ' ';
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

bool has_lower(std::string_view s) {
    for (char c : s)
        if (c >= 'a' && c <= 'z') return true;
    // Non-ASCII lower case letters: a multi-byte letter counts as lower unless the rest of
    // the name is in capitals; good enough to tell "ERDOĞAN" from "Erdoğan" by its ASCII.
    return false;
}

// An organisation's name as written with a possessive ("Hamas's"), which its key drops.
bool possessive(std::string_view name) {
    return name.ends_with("'s") || name.ends_with("\xE2\x80\x99s");
}

// An acronym as written: 2 to 10 characters without spaces, at least two capitals, starting
// with a capital, letters, digits, "&", "." and "-" only ("IDF", "U.N.", "DoJ", "G7").
bool looks_like_acronym(std::string_view s) {
    if (s.size() < 2 || s.size() > 12) return false;
    if (!(s[0] >= 'A' && s[0] <= 'Z')) return false;
    size_t upper = 0;
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isupper(u)) {
            ++upper;
        } else if (!(std::islower(u) || std::isdigit(u) || c == '&' || c == '.' || c == '-')) {
            return false;
        }
    }
    return upper >= 2;
}

// The acronym an organisation's mention defines right after it: optional spaces, "(", the
// acronym, ")". Empty when there is none.
std::string_view defined_acronym(std::string_view text, size_t end) {
    size_t i = end;
    while (i < text.size() && text[i] == ' ')
        ++i;
    if (i >= text.size() || text[i] != '(') return {};
    size_t close = text.find(')', i + 1);
    if (close == std::string_view::npos || close - i - 1 > 14) return {};
    std::string_view inner = text.substr(i + 1, close - i - 1);
    while (!inner.empty() && inner.front() == ' ')
        inner.remove_prefix(1);
    while (!inner.empty() && inner.back() == ' ')
        inner.remove_suffix(1);
    return looks_like_acronym(inner) ? inner : std::string_view{};
}

class Grouper {
  public:
    explicit Grouper(std::string_view text) : m_text(text) {}

    void add(const Mention& m) {
        if (m.end <= m.start || m.end > m_text.size()) return;
        std::string_view surface = m_text.substr(m.start, m.end - m.start);
        std::string key = names::entity_key(m.type, surface);
        if (key.empty()) return;
        std::string name = names::clean_name(m.type, surface);
        EntityMention em{m.start, m.end};
        switch (m.type) {
            case EntityType::Person:
                add_person(key, name, em);
                break;
            case EntityType::Organization:
                add_org(key, name, surface, em);
                break;
            case EntityType::Place:
                add_simple(m.type, key, name, em);
                break;
        }
    }

    ArticleEntities finish() {
        settle_bare_surnames();
        std::vector<size_t> order;
        for (size_t i = 0; i < m_work.size(); ++i)
            if (m_work[i].alive && !m_work[i].mentions.empty()) order.push_back(i);
        for (size_t i : order) {
            auto& ms = m_work[i].mentions;
            std::stable_sort(ms.begin(), ms.end(), [](const EntityMention& a, const EntityMention& b) {
                return a.start < b.start;
            });
        }
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return m_work[a].mentions.front().start < m_work[b].mentions.front().start;
        });
        ArticleEntities out;
        for (size_t i : order) {
            Work& w = m_work[i];
            out.entities.push_back(Entity{w.type, std::move(w.name), std::move(w.mentions)});
        }
        out.acronyms = std::move(m_acronyms);
        return out;
    }

  private:
    size_t create(EntityType type, const std::string& key, const std::string& name,
                  EntityMention em) {
        Work w;
        w.type = type;
        w.key = key;
        w.name = name;
        w.name_words = count_words(name);
        w.full = type == EntityType::Person && key.find(' ') != std::string::npos;
        w.mentions.push_back(em);
        m_work.push_back(std::move(w));
        return m_work.size() - 1;
    }

    // Adds a mention to an entity, taking its name when it is fuller (more words) or the
    // entity's name is in capitals only (a headline) and this one is not.
    void join(size_t i, const std::string& name, EntityMention em) {
        Work& w = m_work[i];
        w.mentions.push_back(em);
        size_t words = count_words(name);
        bool same_key = words == w.name_words && names::entity_key(w.type, name) == w.key;
        bool better = words > w.name_words ||
                      (same_key && !has_lower(w.name) && has_lower(name)) ||
                      (same_key && possessive(w.name) && !possessive(name));
        if (better && !(w.full && names::entity_key(w.type, name).find(' ') == std::string::npos)) {
            w.name = name;
            w.name_words = words;
        }
    }

    void merge(size_t into, size_t from) {
        if (into == from) return;
        Work& a = m_work[into];
        Work& b = m_work[from];
        a.mentions.insert(a.mentions.end(), b.mentions.begin(), b.mentions.end());
        b.mentions.clear();
        b.alive = false;
    }

    std::optional<size_t> find_key(EntityType type, std::string_view key) const {
        for (size_t i = 0; i < m_work.size(); ++i)
            if (m_work[i].alive && m_work[i].type == type && m_work[i].key == key) return i;
        return std::nullopt;
    }

    // The full-name person entity among those `accept` takes with most mentions; ties go to the
    // one mentioned most recently.
    template <typename Accept>
    std::optional<size_t> best_person(Accept accept) const {
        std::optional<size_t> best;
        for (size_t i = 0; i < m_work.size(); ++i) {
            const Work& w = m_work[i];
            if (!w.alive || w.type != EntityType::Person || !w.full || !accept(w)) continue;
            if (!best) {
                best = i;
                continue;
            }
            const Work& b = m_work[*best];
            if (w.mentions.size() > b.mentions.size() ||
                (w.mentions.size() == b.mentions.size() &&
                 w.mentions.back().start > b.mentions.back().start))
                best = i;
        }
        return best;
    }

    void add_person(const std::string& key, const std::string& name, EntityMention em) {
        bool full = key.find(' ') != std::string::npos;
        if (full) {
            if (auto same = find_key(EntityType::Person, key);
                same && m_work[*same].full) {
                join(*same, name, em);
                return;
            }
            if (auto near = best_person(
                    [&](const Work& w) { return names::same_person(w.key, key); })) {
                join(*near, name, em);
                return;
            }
            create(EntityType::Person, key, name, em);
            return;
        }
        // A surname alone: the full name it continues.
        if (auto owner = best_person(
                [&](const Work& w) { return names::surname_of_key(w.key) == key; })) {
            join(*owner, name, em);
            return;
        }
        if (auto same = find_key(EntityType::Person, key)) {
            join(*same, name, em);
            return;
        }
        create(EntityType::Person, key, name, em);
    }

    // Surnames mentioned before any full name of theirs: given to the full name of that
    // surname with most mentions (ties: the first introduced).
    void settle_bare_surnames() {
        for (size_t i = 0; i < m_work.size(); ++i) {
            Work& w = m_work[i];
            if (!w.alive || w.type != EntityType::Person || w.full) continue;
            std::optional<size_t> best;
            for (size_t k = 0; k < m_work.size(); ++k) {
                const Work& c = m_work[k];
                if (!c.alive || c.type != EntityType::Person || !c.full ||
                    names::surname_of_key(c.key) != w.key)
                    continue;
                if (!best || c.mentions.size() > m_work[*best].mentions.size()) best = k;
            }
            if (!best) {
                // Not a surname: a first name alone ("Lucia", after "Lucia Reyes") joins the one
                // full name it begins; shared by two full names, it stays on its own.
                size_t owners = 0;
                for (size_t k = 0; k < m_work.size(); ++k) {
                    const Work& c = m_work[k];
                    if (!c.alive || c.type != EntityType::Person || !c.full ||
                        c.key.substr(0, c.key.find(' ')) != w.key)
                        continue;
                    ++owners;
                    best = k;
                }
                if (owners != 1) best.reset();
            }
            if (best) merge(*best, i);
        }
    }

    void add_org(const std::string& key, const std::string& name, std::string_view surface,
                 EntityMention em) {
        size_t entity;
        if (auto it = m_acronyms.find(key); it != m_acronyms.end()) {
            if (auto long_form = find_key(EntityType::Organization, it->second)) {
                join(*long_form, name, em);
                return;
            }
        }
        if (auto same = find_key(EntityType::Organization, key)) {
            entity = *same;
            join(entity, name, em);
        } else if (auto owner = acronym_owner(key, surface)) {
            // An acronym of an organisation the article named in full.
            m_acronyms[key] = m_work[*owner].key;
            join(*owner, name, em);
            return;
        } else {
            entity = create(EntityType::Organization, key, name, em);
            // An acronym used before its long form: the long form takes it.
            if (key.find(' ') != std::string::npos)
                for (const std::string& acr : names::acronym_keys(name))
                    if (auto earlier = find_key(EntityType::Organization, acr);
                        earlier && looks_like_acronym(m_work[*earlier].name)) {
                        m_acronyms[acr] = key;
                        merge(entity, *earlier);
                    }
        }
        // "Israel Defense Forces (IDF)".
        std::string_view acr = defined_acronym(m_text, em.end);
        if (acr.empty()) return;
        std::string acr_key = names::entity_key(EntityType::Organization, acr);
        const std::string long_key = m_work[entity].key;
        if (acr_key.empty() || acr_key == long_key || acr_key.find(' ') != std::string::npos)
            return;
        m_acronyms[acr_key] = long_key;
        if (auto earlier = find_key(EntityType::Organization, acr_key); earlier && *earlier != entity)
            merge(entity, *earlier);
    }

    // The organisation whose initials an acronym-looking mention spells.
    std::optional<size_t> acronym_owner(const std::string& key, std::string_view surface) const {
        if (!looks_like_acronym(names::clean_name(EntityType::Organization, surface)))
            return std::nullopt;
        std::optional<size_t> best;
        for (size_t i = 0; i < m_work.size(); ++i) {
            const Work& w = m_work[i];
            if (!w.alive || w.type != EntityType::Organization) continue;
            std::vector<std::string> acrs = names::acronym_keys(w.name);
            if (std::find(acrs.begin(), acrs.end(), key) == acrs.end()) continue;
            if (!best || w.mentions.size() > m_work[*best].mentions.size()) best = i;
        }
        return best;
    }

    void add_simple(EntityType type, const std::string& key, const std::string& name,
                    EntityMention em) {
        if (auto same = find_key(type, key))
            join(*same, name, em);
        else
            create(type, key, name, em);
    }

    std::string_view m_text;
    std::vector<Work> m_work;
    std::map<std::string, std::string> m_acronyms;
};

}  // namespace

ArticleEntities group_mentions(std::string_view text, const std::vector<Mention>& mentions) {
    std::vector<size_t> order(mentions.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return mentions[a].start < mentions[b].start;
    });
    Grouper grouper(text);
    for (size_t i : order)
        grouper.add(mentions[i]);
    return grouper.finish();
}

}  // namespace news

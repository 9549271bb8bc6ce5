#include "byline.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "class_names.hpp"
#include "headline.hpp"
#include "text.hpp"

namespace news {

namespace {

using names::has_substring;
using names::has_word;
using names::lower;

// Text of an element with block boundaries as spaces; scripts and styles left out.
std::string element_text(const GumboNode* node) {
    std::string out;
    walk(node, [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
            n->type == GUMBO_NODE_WHITESPACE) {
            out += n->v.text.text;
            return false;
        }
        if (n->type != GUMBO_NODE_ELEMENT) return true;
        GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
            t == GUMBO_TAG_TEMPLATE)
            return false;
        if (t == GUMBO_TAG_BR || t == GUMBO_TAG_DIV || t == GUMBO_TAG_P || t == GUMBO_TAG_LI)
            out += ' ';
        // Long bylines hold biographies; the name is at their start.
        return out.size() < 400;
    });
    return collapse_whitespace(out);
}

// Words that open a byline before the name, lower case, longest first where one extends another.
constexpr std::string_view kLeadIns[] = {"artikel von:",
                                         "artikel von",
                                         "erstellt von",
                                         "& fotos:",
                                         "und fotos:",
                                         "& photos:",
                                         "und interview:",
                                         "interview:",
                                         "written by",
                                         "posted by",
                                         "published by",
                                         "reported by",
                                         "reporting by",
                                         "story by",
                                         "words by",
                                         "text by",
                                         "post author",
                                         "geschrieben von",
                                         "verfasst von",
                                         "eingestellt von",
                                         "veröffentlicht von",
                                         "ein beitrag von",
                                         "ein kommentar von",
                                         "ein gastbeitrag von",
                                         "publié par",
                                         "escrito por",
                                         "scritto da",
                                         "text von",
                                         "text:",
                                         "autor:",
                                         "autorin:",
                                         "autoren:",
                                         "author:",
                                         "authors:",
                                         "auteur :",
                                         "auteur:",
                                         "redaktion:",
                                         "autor",
                                         "author",
                                         "von",
                                         "by:",
                                         "by",
                                         "par",
                                         "por",
                                         "door",
                                         "di",
                                         "af",
                                         "av",
                                         "from",
                                         "text",
                                         "vom"};

// Roles and titles that follow a name ("Jane Doe, Staff Writer", "Jane Doe | Reporter").
bool is_role(std::string_view text) {
    return has_substring(
        text, {"writer",       "reporter",      "correspondent", "editor",         "redakteur",
               "redaktion",    "korrespondent", "journalist",    "contributor",    "columnist",
               "photographer", "staff",         "chefredakt",    "autor",          "author",
               "rédact",       "journaliste",   "news",          "press",          "agency",
               "agentur",      "published",     "updated",       "veröffentlicht", "aktualisiert",
               "minute",       "min read",      "lesezeit"});
}

// Month and weekday names and their abbreviations in the languages of the news archives.
bool is_date_word(std::string_view word) {
    static constexpr std::string_view kWords[] = {"jan",      "feb",          "mar",
                                                  "apr",      "may",          "jun",
                                                  "jul",      "aug",          "sep",
                                                  "sept",     "oct",          "nov",
                                                  "dec",      "january",      "february",
                                                  "march",    "april",        "june",
                                                  "july",     "august",       "september",
                                                  "october",  "november",     "december",
                                                  "januar",   "februar",      "märz",
                                                  "mai",      "juni",         "juli",
                                                  "okt",      "oktober",      "dez",
                                                  "dezember", "janvier",      "février",
                                                  "mars",     "avril",        "juin",
                                                  "juillet",  "août",         "septembre",
                                                  "octobre",  "novembre",     "décembre",
                                                  "mon",      "tue",          "wed",
                                                  "thu",      "fri",          "sat",
                                                  "sun",      "mo",           "di",
                                                  "mi",       "do",           "fr",
                                                  "sa",       "so",           "le",
                                                  "am",       "on",           "last",
                                                  "updated",  "published",    "posted",
                                                  "stand",    "aktualisiert", "veröffentlicht",
                                                  "erstellt", "created",      "originally"};
    std::string w = lower(word);
    while (!w.empty() && (w.back() == '.' || w.back() == ','))
        w.pop_back();
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool starts_upper_or_nonascii(std::string_view s) {
    if (s.empty()) return false;
    unsigned char c = static_cast<unsigned char>(s[0]);
    return c >= 0x80 || std::isupper(c);
}

std::string trim(std::string_view s, std::string_view chars = " \t,;:|-/·•") {
    size_t b = s.find_first_not_of(chars);
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(chars);
    return std::string(s.substr(b, e - b + 1));
}

// A class or id naming comments, menus, sidebars or teasers, whose names are not the article's
// author; layout wrappers named after what they hold ("sticky-sidebar-parent" on <article>,
// "header-footer-group") are not.
bool is_aside_name(std::string_view value) {
    if (value.empty()) return false;
    return (has_word(value, {"nav", "navbar", "navigation", "menu", "sidebar", "footer", "related",
                             "teaser", "teasers", "widget", "respond", "discussion", "comments",
                             "comment"}) ||
            has_substring(value, {"comment"})) &&
           !has_substring(
               value, {"wrap", "container", "layout", "page", "main", "content", "header", "parent",
                       "meta", "one-sidebar", "no-sidebar", "has-sidebar", "with-sidebar"});
}

}  // namespace

const std::vector<std::string_view>& author_meta_keys() {
    static const std::vector<std::string_view> keys{
        "author",       "article:author",    "parsely-author",
        "dc.creator",   "dcterms.creator",   "sailthru.author",
        "byl",          "og:article:author", "citation_author",
        "twitter:data1"};
    return keys;
}

bool byline_kind(const GumboNode* node, BylineElement::Kind& kind) {
    if (node->type == GUMBO_NODE_TEXT) {
        std::string_view t = node->v.text.text;
        size_t b = t.find_first_not_of(" \t\r\n");
        if (b == std::string_view::npos) return false;
        t = t.substr(b);
        if (t.size() > 120) return false;
        std::string head = lower(t.substr(0, 4));
        if (head.starts_with("by ") || head == "by" || head.starts_with("by:") ||
            head.starts_with("von ")) {
            kind = BylineElement::Kind::ByLine;
            return true;
        }
        return false;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_META ||
        tag == GUMBO_TAG_LINK || tag == GUMBO_TAG_IMG)
        return false;
    if (tag == GUMBO_TAG_A && has_word(attribute(node, "rel"), {"author"})) {
        kind = BylineElement::Kind::RelAuthor;
        return true;
    }
    if (lower(attribute(node, "itemprop")) == "author") {
        kind = BylineElement::Kind::ItempropAuthor;
        return true;
    }
    std::string_view cls = attribute(node, "class");
    std::string_view id = attribute(node, "id");
    if (has_substring(cls, {"byline", "author"}) || has_substring(id, {"byline", "author"})) {
        kind = BylineElement::Kind::AuthorClass;
        return true;
    }
    return false;
}

BylineElement read_byline(const GumboNode* node, BylineElement::Kind kind) {
    BylineElement b;
    b.kind = kind;
    const GumboNode* element = node;
    if (kind == BylineElement::Kind::ByLine) {
        // "By " then a link or a <span> with the name: the line is the parent's text.
        element = node->parent;
        b.text =
            element && element->type == GUMBO_NODE_ELEMENT ? element_text(element) : std::string();
        if (b.text.empty()) b.text = collapse_whitespace(node->v.text.text);
    } else if (kind == BylineElement::Kind::ItempropAuthor) {
        // <div itemprop=author itemscope><span itemprop=name>Jane Doe</span>...</div>
        walk(node, [&](const GumboNode* n) {
            if (!b.text.empty() || n->type != GUMBO_NODE_ELEMENT) return false;
            if (n != node && lower(attribute(n, "itemprop")) == "name") {
                std::string_view content = attribute(n, "content");
                b.text = content.empty() ? element_text(n) : collapse_whitespace(content);
                return false;
            }
            return true;
        });
        if (b.text.empty()) b.text = element_text(node);
    } else {
        b.text = element_text(node);
    }
    std::string_view own_cls =
        attribute(node->type == GUMBO_NODE_ELEMENT ? node : node->parent, "class");
    if (has_substring(own_cls, {"comment", "more-from"})) b.aside = true;
    for (const GumboNode* p = element ? element->parent : nullptr; p; p = p->parent) {
        if (p->type != GUMBO_NODE_ELEMENT) continue;
        GumboTag t = p->v.element.tag;
        if (t == GUMBO_TAG_BODY) break;
        std::string_view cls = attribute(p, "class");
        std::string_view id = attribute(p, "id");
        if (t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE ||
            is_aside_name(std::string(cls) + ' ' + std::string(id))) {
            b.aside = true;
        } else if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN ||
                   has_substring(cls, {"article", "entry", "story", "post"}) ||
                   has_word(cls, {"content", "main"}) || has_word(id, {"content", "main"})) {
            b.in_article = true;
        }
    }
    return b;
}

std::string clean_byline(std::string_view raw) {
    // Photo credits and sources are not bylines.
    if (has_substring(raw.substr(0, 12), {"bild", "foto", "photo", "image", "quelle", "source",
                                          "credit", "\xC2\xA9"}) &&
        !has_substring(raw.substr(0, 12), {"text"}))
        return {};
    // "Jane sagt: 5. Mai 2020 um 14:04" heads a comment.
    if (has_substring(raw.substr(0, 80), {" sagt:", " says:", " said:", " schreibt:", " meint:",
                                          " sagt:", " said,", " dice:", " dit :"}))
        return {};
    std::string s = trim(collapse_whitespace(raw), " \t,;:|-/~*'\"\xC2\xB7");
    // "Posted in Politics by jane on May 5": the name follows the last "by" of a short line.
    for (std::string_view by : {" by "}) {
        std::string l = lower(s);
        size_t pos = l.rfind(by);
        if (pos != std::string::npos &&
            std::count(l.begin(), l.begin() + static_cast<long>(pos), ' ') < 4)
            s = trim(std::string_view(s).substr(pos + by.size()));
    }
    // Lead-ins: "By Jane Doe", "Von Jane Doe", "Author: Jane Doe", "AutorJane Doe" (a label and
    // the name in two elements without space between them).
    for (bool again = true; again;) {
        again = false;
        std::string l = lower(s);
        for (std::string_view lead : kLeadIns) {
            if (!l.starts_with(lead)) continue;
            unsigned char next =
                l.size() > lead.size() ? static_cast<unsigned char>(s[lead.size()]) : ' ';
            bool glued = lead.size() >= 5 && std::isupper(next) &&
                         std::isalpha(static_cast<unsigned char>(lead.back()));
            if (next == ' ' || next == ':' || lead.back() == ':' || glued) {
                s = trim(std::string_view(s).substr(lead.size()), " \t,;:|-/~*");
                again = !s.empty();
                break;
            }
        }
    }
    // Pieces after a bar, a bullet, a dash or a bracket are roles, dates or the outlet.
    for (std::string_view sep : {"|", "\xC2\xB7", "\xE2\x80\xA2", " - ", " \xE2\x80\x93 ",
                                 " \xE2\x80\x94 ", "(", "/ ", " /"}) {
        size_t pos = s.find(sep);
        if (pos != std::string::npos && pos > 0) s = trim(std::string_view(s).substr(0, pos));
    }
    // A date glued to the name: "Jane Doe am 5. März", "jane on May 5, 2020", "Jane Doe 8 May".
    {
        std::vector<std::string> words;
        size_t i = 0;
        while (i < s.size()) {
            size_t j = s.find(' ', i);
            if (j == std::string::npos) j = s.size();
            words.push_back(s.substr(i, j - i));
            i = j + 1;
        }
        size_t keep = words.size();
        for (size_t k = 1; k < words.size(); ++k) {
            std::string w = lower(words[k]);
            bool glue = w == "am" || w == "on" || w == "le" || w == "el" || w == "il" ||
                        w == "den" || w == "at" || w == "um" || w == "à" || w == "vom" ||
                        w == "updated" || w == "published" || w == "veröffentlicht";
            bool later_digit = false;
            for (size_t m = k; m < words.size() && m < k + 3; ++m)
                later_digit = later_digit || has_digit(words[m]);
            if ((glue && later_digit) || (has_digit(words[k]) && !has_digit(words[0]))) {
                keep = k;
                // "Jane Doe Feb 21, 2020", "Jane Doe Stand: 5. Mai", "Jane Doe Do 9 Apr".
                while (keep > 1 &&
                       (is_date_word(words[keep - 1]) || words[keep - 1].ends_with(':')))
                    --keep;
                break;
            }
        }
        std::string joined;
        for (size_t k = 0; k < keep; ++k)
            joined += (k ? " " : "") + words[k];
        s = trim(joined);
    }
    // Comma-separated pieces: names stay, roles and dates end the byline.
    std::string out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        std::string piece = trim(std::string_view(s).substr(start, comma - start));
        if (!piece.empty()) {
            if (!out.empty() &&
                (has_digit(piece) || is_role(piece) || !starts_upper_or_nonascii(piece)))
                break;
            if (!out.empty()) out += ", ";
            out += piece;
        }
        start = comma + 1;
    }
    // What is left must look like names: no addresses, links, sentences, form labels or the
    // "X says:" of a comment.
    std::string l = lower(out);
    if (out.find('@') != std::string::npos || out.find("[at]") != std::string::npos ||
        out.find(": ") != std::string::npos || out.find("://") != std::string::npos ||
        l.starts_with("www.") || out.size() > 80)
        return {};
    for (std::string_view bad : {"name", "name *", "anonymous", "anonym", "admin", "no author",
                                 "gast", "guest", "unknown", "publisher", "author", "courtesy",
                                 "cortes\xC3\xAD"
                                 "a"})
        if (l == bad) return {};
    // Names: every word capitalised but particles ("Christoph von Ritter") and joins; a single
    // word may be a user name ("gnaddrig"). "Von dieser Regel gibt es Ausnahmen" is no byline.
    size_t word_count = 0;
    bool lowercase_word = false;
    for (size_t i = 0; i < out.size();) {
        size_t j = out.find(' ', i);
        if (j == std::string::npos) j = out.size();
        std::string_view w(out.data() + i, j - i);
        ++word_count;
        static constexpr std::string_view kParticles[] = {
            "von", "van", "de",  "der", "den", "la", "le",  "di",  "da", "del", "dos",
            "du",  "ten", "ter", "zu",  "y",   "e",  "and", "und", "et", "&",   "bin"};
        if (!w.empty() && !starts_upper_or_nonascii(w) &&
            !std::isdigit(static_cast<unsigned char>(w[0])) &&
            std::find(std::begin(kParticles), std::end(kParticles), lower(w)) ==
                std::end(kParticles))
            lowercase_word = true;
        i = j + 1;
    }
    if (word_count > 1 && lowercase_word) return {};
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])) || is_date_word(out))
        return {};
    for (std::string_view bad :
         {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "monday",
          "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "alle beiträge",
          "all posts", "more"})
        if (l == bad) return {};
    for (std::string_view tail : {" sagt", " says", " said", " schreibt", " wrote", " meint"})
        if (l.ends_with(tail)) return {};
    if (has_substring(l, {"publiziert", "veröffentlicht", "published", "posted", "updated",
                          "kommentar", "comment", "datum", "date", "©"}))
        return {};
    size_t words = static_cast<size_t>(std::count(out.begin(), out.end(), ' ')) + 1;
    if (words > 10) return {};
    return out;
}

namespace {

// Names compared as a set, lower case, however they are joined: "Jane Doe and John Roe" and
// "John Roe, Jane Doe" are one byline.
std::string names_key(const std::string& byline) {
    std::vector<std::string> names;
    std::string lowered = to_lower(byline), l;
    for (size_t i = 0; i < lowered.size();) {
        size_t skip = 0;
        for (std::string_view join : {" and ", " und ", " et ", " y ", " e ", " & ", ";"})
            if (lowered.compare(i, join.size(), join) == 0) skip = join.size();
        if (skip) {
            l += ',';
            i += skip;
        } else {
            l += lowered[i++];
        }
    }
    size_t i = 0;
    while (i <= l.size()) {
        size_t j = l.find(',', i);
        if (j == std::string::npos) j = l.size();
        std::string n = trim(std::string_view(l).substr(i, j - i));
        if (!n.empty()) names.push_back(n);
        i = j + 1;
    }
    std::sort(names.begin(), names.end());
    std::string key;
    for (const std::string& n : names)
        key += n + '\n';
    return key;
}

}  // namespace

std::string choose_author(const BylineSources& s) {
    // Votes: each kind of place that names someone backs the name once, surer kinds more, so a
    // list of teasers or comments repeating other names does not outvote the byline. The page's
    // first byline, next to the headline, counts extra. The name shown is the page's wording.
    SiteNames site(s.site_name, s.host);
    struct Vote {
        std::string key, shown;
        int weight = 0;
        unsigned kinds = 0;  // bit per source kind already counted
        bool on_page = false;
    };
    std::vector<Vote> votes;
    auto add = [&](std::string_view raw, int weight, unsigned kind, bool on_page) {
        // "Site - Jane Doe" in meta tags: the piece that is not the site.
        std::string text(raw);
        if (!on_page) {
            for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 "}) {
                size_t pos = text.find(sep);
                if (pos == std::string::npos) continue;
                std::string first = text.substr(0, pos), rest = text.substr(pos + sep.size());
                if (site.is_site(first))
                    text = rest;
                else if (site.is_site(rest))
                    text = first;
            }
        }
        std::string name = clean_byline(text);
        // "Rob Picheta, CNN": the outlet after the name goes.
        if (size_t comma = name.rfind(", ");
            comma != std::string::npos && site.is_site(name.substr(comma + 2)))
            name.erase(comma);
        // Publishers in the author field of JSON-LD and meta tags are no author; a page that
        // signs with the site's name ("By Wikimedia Foundation") may mean it, where nothing
        // else is named.
        if (name.empty() || (!on_page && site.is_site(name))) return;
        if (site.is_site(name)) weight = 1;
        std::string key = names_key(name);
        for (Vote& v : votes)
            if (v.key == key) {
                if (!(v.kinds & (1u << kind))) v.weight += weight;
                v.kinds |= 1u << kind;
                if (on_page && !v.on_page) {
                    v.shown = name;
                    v.on_page = true;
                }
                return;
            }
        votes.push_back({key, name, weight, 1u << kind, on_page});
    };
    add(s.json_ld, 3, 0, false);
    for (size_t i = 0; i < s.meta.size(); ++i)
        add(s.meta[i], i == 0 ? 2 : 1, 1, false);
    bool first = true;
    for (const BylineElement& e : s.elements) {
        if (e.aside) continue;
        int weight = (e.kind == BylineElement::Kind::AuthorClass ? 1 : 2) + (e.in_article ? 1 : 0);
        size_t before = votes.size();
        add(e.text, weight + (first && e.in_article ? 1 : 0), 2 + static_cast<unsigned>(e.kind),
            true);
        if (votes.size() != before || !clean_byline(e.text).empty()) first = false;
    }
    const Vote* best = nullptr;
    for (const Vote& v : votes)
        if (!best || v.weight > best->weight) best = &v;
    return best && best->weight >= 2 ? best->shown : std::string();
}

}  // namespace news

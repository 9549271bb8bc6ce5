#include "boilerplate.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "date.hpp"

namespace news {

namespace {

// The most frequent function words of each language (common knowledge, the kind of list every
// stop-word resource holds). Short lists suffice: they are counted, not used to filter.
constexpr std::string_view kStopwords[kStopwordLanguages] = {
    // en
    "a about above after again against all also am an and any are as at be because been before "
    "being below between both but by can could did do does doing down during each few for from "
    "further had has have having he her here hers herself him himself his how i if in into is it "
    "its itself just may me might more most must my myself no nor not now of off on once only or "
    "other our ours out over own said same says she should so some such than that the their "
    "theirs them themselves then there these they this those through to too under until up upon "
    "us very was we were what when where which while who whom why will with would you your yours",
    // de
    "aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim bereits "
    "bin bis bist da damit dann das dass daß dem den denn der des dessen dich die dies diese "
    "diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines er es "
    "etwas euch euer für gegen gewesen habe haben hat hatte hatten hier ich ihm ihn ihnen ihr ihre "
    "ihrem ihren ihrer im immer in indem ins ist jede jedem jeden jeder jedes jetzt kann kein "
    "keine "
    "keinen können könnte man mehr mein meine mich mir mit muss nach nicht nichts noch nun nur ob "
    "oder ohne schon sehr sei sein seine seinem seinen seiner seit sich sie sind so soll sollte "
    "sondern über um und uns unser unter viel vom von vor war waren was weil wenn wer werden wie "
    "wieder will wir wird wo wurde wurden würde zu zum zur zwar zwischen",
    // fr
    "a ai aient alors après as au aussi aux avant avec avez avoir avons bien c car ce ces cette "
    "ceux chez comme d dans de depuis des donc dont du elle elles en encore entre est et été être "
    "eux fait il ils j je l la le les leur leurs lui m ma mais me même mes moi mon n ne ni nos "
    "notre nous on ont ou où par pas plus pour puis qu que qui s sa sans se sera ses si son sont "
    "sous sur t ta te tes toi ton tous tout toute toutes tu un une vos votre vous y était étaient",
    // es
    "a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante "
    "e el ella ellas ellos en entre era es esa esas ese eso esos esta estaba estado están este "
    "esto estos está fue fueron ha había han hasta hay la las le les lo los me mi mis mucho muy "
    "más nada ni no nos o otra otro para pero poco por porque que quien se ser si sido sin sobre "
    "son su sus también tanto te tiene tienen todo todos tu un una uno unos y ya yo él",
    // it
    "a ad agli ai al alla alle allo anche ancora che chi ci come con contro così cui da dal dalla "
    "dalle dei del della delle dello di dove e ed era erano essere fra già gli ha hanno ho i il in "
    "io la le lei lo loro lui ma mi molto ne nei nel nella nelle noi non o per perché più poi "
    "quale quando quella quelle quello questa queste questi questo se si sia sono stata stato su "
    "sua sue sui sul sulla suo suoi tra tutti tutto un una uno vi è",
    // pt
    "a ao aos as até com como da das de dela dele deles do dos e ela elas ele eles em entre era "
    "essa esse esta este está estão eu foi foram há isso isto já lhe mais mas me mesmo muito na "
    "nas nem no nos não o os ou para pela pelas pelo pelos por qual quando que quem se sem ser seu "
    "seus sobre sua suas também te tem ter têm um uma umas uns você à às é",
    // nl
    "aan al als bij dan dat de der deze die dit door een en er haar had heb heeft hem het hij hoe "
    "hun ik in is je kan maar me meer met mij mijn na naar niet nog nu of om ons onze ook op over "
    "te tegen toen tot u uit van veel voor want was wat we wel werd wie wij wordt worden zal ze "
    "zich zij zijn zo zou",
    // pl
    "a aby ale bardzo bez by być był była było były będzie co czy dla do gdy go i ich im jak jako "
    "jednak jego jej jest jeszcze już która które który których lub ma mi mnie może na nad nie "
    "nich niż o od oraz po pod przez przy również się są ta tak tam te tego tej ten to tu tylko "
    "też w we więc z za ze że żeby",
};

using StopwordTable = std::unordered_map<std::string_view, uint16_t>;

const StopwordTable& stopword_table() {
    static const StopwordTable table = [] {
        StopwordTable t;
        for (size_t lang = 0; lang < kStopwordLanguages; ++lang) {
            std::string_view list = kStopwords[lang];
            size_t i = 0;
            while (i < list.size()) {
                size_t j = list.find(' ', i);
                if (j == std::string_view::npos) j = list.size();
                t[list.substr(i, j - i)] |= static_cast<uint16_t>(1u << lang);
                i = j + 1;
            }
        }
        return t;
    }();
    return table;
}

// Code points that separate words although they are not ASCII: U+00A0..U+00BF (no-break space,
// guillemets, inverted marks, middle dot), U+2000..U+206F (dashes, curly quotes, ellipsis) and
// U+3000..U+303F (CJK punctuation), U+FF01..U+FF20 (full-width marks). `len` is the sequence's
// length; returns false for letters.
bool is_separator(const unsigned char* p, size_t len) {
    if (len == 2) return p[0] == 0xC2 && p[1] >= 0xA0;
    if (len == 3) {
        if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81)) return true;
        if (p[0] == 0xE3 && p[1] == 0x80) return true;
        if (p[0] == 0xEF && p[1] == 0xBC && p[2] <= 0xA0) return true;
    }
    return false;
}

// CJK sentence marks: 。 ， ！ ？ ； ： (U+3002, U+FF0C, U+FF01, U+FF1F, U+FF1B, U+FF1A).
bool is_cjk_mark(const unsigned char* p, size_t len) {
    if (len != 3) return false;
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x82) return true;
    return p[0] == 0xEF && p[1] == 0xBC &&
           (p[2] == 0x8C || p[2] == 0x81 || p[2] == 0x9F || p[2] == 0x9B || p[2] == 0x9A);
}

size_t sequence_length(unsigned char c) {
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// Lower case of ASCII and of the Latin-1 capitals (À..Þ, U+00C0..U+00DE except ×), which is all
// the stop words and furniture phrases need; other bytes are copied.
void append_lower(std::string& out, std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c + 32);
        } else if (c == 0xC3 && i + 1 < s.size()) {
            unsigned char d = static_cast<unsigned char>(s[i + 1]);
            out += static_cast<char>(c);
            out += static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 32 : d);
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
}

bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// The start of `text` in lower case, for phrase tests (phrases are short).
std::string lower_prefix(std::string_view text, size_t max_bytes) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n'))
        text.remove_prefix(1);
    std::string out;
    append_lower(out, text.substr(0, std::min(text.size(), max_bytes)));
    return out;
}

// Phrases that furniture lines start with. A phrase ending in a letter must be followed by a
// non-letter, so "share" does not match "shareholders".
constexpr std::string_view kFurniturePrefixes[] = {
    // en
    "read more",
    "read also",
    "read next",
    "continue reading",
    "share this",
    "share on",
    "share:",
    "tweet this",
    "tags:",
    "tagged:",
    "tagged with",
    "filed under",
    "posted in",
    "categories:",
    "category:",
    "advertisement",
    "sponsored",
    "related stories",
    "related articles",
    "related posts",
    "you may also like",
    "you might also like",
    "recommended for you",
    "more from",
    "click here",
    "sign up",
    "subscribe",
    "follow us",
    "leave a comment",
    "leave a reply",
    "photo:",
    "photos:",
    "image:",
    "picture:",
    "credit:",
    "image credit",
    "photo credit",
    "image copyright",
    "image caption",
    "media caption",
    "copyright",
    "\xC2\xA9",
    "all rights reserved",
    "back to top",
    "previous post",
    "next post",
    "previous article",
    "next article",
    "skip to",
    "log in",
    "we use cookies",
    "accept cookies",
    "print this",
    "email this",
    "about the author",
    "please enable javascript",
    "you need to enable javascript",
    "javascript is disabled",
    "this site requires javascript",
    "your browser does not support",
    "this slideshow requires javascript",
    "you are using an outdated browser",
    "you are using a browser version",
    "we've detected you",
    "we have detected that you",
    "please update your browser",
    "please upgrade your browser",
    "your browser is out of date",
    // de
    "weiterlesen",
    "mehr lesen",
    "mehr zum thema",
    "lesen sie auch",
    "lesen sie mehr",
    "auch interessant",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "artikel teilen",
    "beitrag teilen",
    "jetzt teilen",
    "teilen:",
    "anzeige",
    "werbung",
    "schlagwörter",
    "schlagworte",
    "stichworte:",
    "stichwörter:",
    "kategorien:",
    "kategorie:",
    "kommentar verfassen",
    "kommentar schreiben",
    "schreibe einen kommentar",
    "hinterlasse einen kommentar",
    "foto:",
    "fotos:",
    "bild:",
    "bildquelle",
    "titelbild",
    "beitragsbild",
    "jetzt abonnieren",
    "newsletter abonnieren",
    "über den autor",
    "zum seitenanfang",
    "nach oben",
    "verwandte beiträge",
    "ähnliche beiträge",
    "alle rechte vorbehalten",
    "bitte aktivieren sie javascript",
    "javascript ist deaktiviert",
    // fr
    "lire aussi",
    "à lire aussi",
    "lire la suite",
    "voir aussi",
    "partager",
    "publicité",
    "laisser un commentaire",
    "crédits photo",
    "crédit photo",
    "abonnez-vous",
    "articles similaires",
    "sur le même sujet",
    "tous droits réservés",
    // es
    "leer más",
    "lee también",
    "ver también",
    "compartir",
    "publicidad",
    "deja un comentario",
    "noticias relacionadas",
    "artículos relacionados",
    "todos los derechos reservados",
    "suscríbete",
    // it
    "leggi anche",
    "leggi di più",
    "condividi",
    "pubblicità",
    "lascia un commento",
    "articoli correlati",
    "tutti i diritti riservati",
    "iscriviti",
    // pt
    "leia também",
    "leia mais",
    "compartilhe",
    "compartilhar",
    "publicidade",
    "deixe um comentário",
    "notícias relacionadas",
    "todos os direitos reservados",
    // nl
    "lees ook",
    "lees meer",
    "advertentie",
    "gerelateerde artikelen",
    // pl
    "czytaj także",
    "czytaj też",
    "czytaj więcej",
    "zobacz też",
    "zobacz także",
    "udostępnij",
    "reklama",
};

constexpr std::string_view kFurnitureHeadings[] = {
    // en
    "related",
    "related stories",
    "related articles",
    "related posts",
    "related content",
    "related news",
    "related topics",
    "more stories",
    "more news",
    "more from",
    "more on this",
    "more on this story",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "read next",
    "read more",
    "latest news",
    "latest stories",
    "top stories",
    "popular posts",
    "recent posts",
    "comments",
    "leave a comment",
    "leave a reply",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tags",
    "topics",
    "categories",
    "about the author",
    "newsletter",
    "sponsored",
    "sponsored content",
    "advertisement",
    "advert",
    "ad",
    "ads",
    "from around the web",
    "follow us",
    "sign up",
    "subscribe",
    "print",
    "email",
    "share on facebook",
    "share on twitter",
    // de
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "auch interessant",
    "mehr zum thema",
    "weitere artikel",
    "weitere beiträge",
    "weitere themen",
    "ähnliche beiträge",
    "ähnliche artikel",
    "verwandte beiträge",
    "verwandte artikel",
    "meistgelesen",
    "meistgelesene artikel",
    "meistgelesene",
    "beliebte beiträge",
    "neueste beiträge",
    "neue beiträge",
    "kommentare",
    "kommentar",
    "schreibe einen kommentar",
    "kommentar verfassen",
    "über den autor",
    "empfehlungen",
    "lesen sie auch",
    "teilen",
    "diesen artikel teilen",
    "beitrag teilen",
    "schlagwörter",
    "schlagworte",
    "themen",
    "kategorien",
    "anzeige",
    "werbung",
    "newsletter abonnieren",
    // fr
    "à lire aussi",
    "lire aussi",
    "sur le même sujet",
    "articles similaires",
    "les plus lus",
    "commentaires",
    "partager",
    "dans la même rubrique",
    "à voir aussi",
    // es
    "noticias relacionadas",
    "artículos relacionados",
    "lo más leído",
    "te puede interesar",
    "comentarios",
    "compartir",
    "también te puede interesar",
    // it
    "articoli correlati",
    "potrebbe interessarti",
    "i più letti",
    "commenti",
    "condividi",
    "leggi anche",
    // pt
    "leia também",
    "notícias relacionadas",
    "mais lidas",
    "comentários",
    "compartilhe",
    // nl
    "gerelateerde artikelen",
    "lees ook",
    "meest gelezen",
    "reacties",
    "delen",
    // pl
    "czytaj także",
    "zobacz także",
    "zobacz też",
    "najczęściej czytane",
    "polecane",
    "komentarze",
};

}  // namespace

ProseStats prose_stats(std::string_view text) {
    const StopwordTable& table = stopword_table();
    ProseStats st;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    char word[32];
    size_t wlen = 0;
    bool in_word = false;
    bool overlong = false;
    auto finish = [&] {
        if (!in_word) return;
        ++st.words;
        if (!overlong) {
            auto it = table.find(std::string_view(word, wlen));
            if (it != table.end()) {
                for (size_t l = 0; l < kStopwordLanguages; ++l)
                    if (it->second & (1u << l)) ++st.stopwords[l];
            }
        }
        in_word = false;
        wlen = 0;
        overlong = false;
    };
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        size_t len = sequence_length(c);
        if (i + len > n) len = n - i;
        bool letter;
        if (len == 1) {
            letter = is_word_byte(c) && c < 0x80;
            if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?')
                ++st.sentence_marks;
        } else {
            letter = !is_separator(p + i, len);
            if (is_cjk_mark(p + i, len)) ++st.sentence_marks;
        }
        if (!letter) {
            finish();
            i += len;
            continue;
        }
        in_word = true;
        if (wlen + len > sizeof word) {
            overlong = true;
        } else if (len == 1) {
            word[wlen++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else {
            for (size_t k = 0; k < len; ++k)
                word[wlen++] = static_cast<char>(p[i + k]);
            // Latin-1 capitals (Ä, É, Ü ...) to lower case: stop words are listed in lower case.
            if (len == 2 && p[i] == 0xC3 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9E &&
                p[i + 1] != 0x97)
                word[wlen - 1] = static_cast<char>(p[i + 1] + 32);
        }
        i += len;
    }
    finish();
    return st;
}

int dominant_language(const ProseStats& totals) {
    int best = -1;
    uint32_t best_count = 0;
    for (size_t l = 0; l < kStopwordLanguages; ++l) {
        if (totals.stopwords[l] > best_count) {
            best_count = totals.stopwords[l];
            best = static_cast<int>(l);
        }
    }
    // Prose of a listed language has a stop word in every four or five words; a share far
    // below that is chance hits of short words in another language.
    if (best < 0 || best_count < 3 || best_count * 12 < totals.words) return -1;
    return best;
}

double stopword_density(const ProseStats& stats, int language) {
    if (language < 0 || stats.words == 0) return 0.0;
    return static_cast<double>(stats.stopwords[static_cast<size_t>(language)]) / stats.words;
}

double best_stopword_density(const ProseStats& stats) {
    if (stats.words == 0) return 0.0;
    uint16_t best = *std::max_element(stats.stopwords.begin(), stats.stopwords.end());
    return static_cast<double>(best) / stats.words;
}

bool starts_with_furniture_phrase(std::string_view text) {
    std::string l = lower_prefix(text, 48);
    for (std::string_view p : kFurniturePrefixes) {
        if (!l.starts_with(p)) continue;
        if (p.size() == l.size()) return true;
        unsigned char last = static_cast<unsigned char>(p.back());
        unsigned char next = static_cast<unsigned char>(l[p.size()]);
        // A phrase that ends in a letter must end a word: "share" is not "shareholders".
        if (last >= 0x80 || !is_word_byte(last) || !is_word_byte(next)) return true;
    }
    return false;
}

void judged_neighbours(const std::vector<BlockClass>& cls, const std::vector<uint32_t>& chars,
                       bool skip_near, BlockClass edge, std::vector<BlockClass>& before,
                       std::vector<BlockClass>& after) {
    const size_t n = cls.size();
    std::vector<char> decisive(n, 0);
    for (size_t k = 0; k < n;) {
        if (cls[k] != BlockClass::Bad) {
            ++k;
            continue;
        }
        size_t end = k;
        uint32_t count = 0, total = 0;
        while (end < n && cls[end] != BlockClass::Good && cls[end] != BlockClass::NearGood) {
            if (cls[end] == BlockClass::Bad) ++count, total += chars[end];
            ++end;
        }
        const char d = count >= 3 || total >= 120;
        for (size_t j = k; j < end; ++j)
            if (cls[j] == BlockClass::Bad) decisive[j] = d;
        k = end;
    }
    auto judged = [&](size_t j) {
        return cls[j] == BlockClass::Good || (cls[j] == BlockClass::NearGood && !skip_near) ||
               (cls[j] == BlockClass::Bad && decisive[j]);
    };
    before.assign(n, edge);
    after.assign(n, edge);
    BlockClass last = edge;
    for (size_t i = 0; i < n; ++i) {
        before[i] = last;
        if (judged(i)) last = cls[i];
    }
    last = edge;
    for (size_t i = n; i-- > 0;) {
        after[i] = last;
        if (judged(i)) last = cls[i];
    }
}

namespace {

// "05.10.2018", "5/10/18", "2018-10-05": three numbers joined by one kind of separator.
bool has_numeric_date(std::string_view s) {
    auto digits = [&](size_t& i) {
        size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        return i - start;
    };
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
        size_t j = i;
        size_t a = digits(j);
        if (a == 0 || a > 4 || j >= s.size()) continue;
        char sep = s[j];
        if (sep != '.' && sep != '/' && sep != '-') continue;
        ++j;
        size_t b = digits(j);
        if (b == 0 || b > 2 || j >= s.size() || s[j] != sep) continue;
        ++j;
        size_t c = digits(j);
        if (c >= 2 && c <= 4) return true;
    }
    return false;
}

}  // namespace

bool is_date_line(std::string_view text) {
    if (text.size() > 90) return false;
    // Words that label a date or join its parts, in the languages above.
    static constexpr std::string_view kGlue[] = {"published",
                                                 "updated",
                                                 "posted",
                                                 "on",
                                                 "at",
                                                 "am",
                                                 "pm",
                                                 "by",
                                                 "veröffentlicht",
                                                 "aktualisiert",
                                                 "stand",
                                                 "um",
                                                 "uhr",
                                                 "publié",
                                                 "le",
                                                 "à",
                                                 "publicado",
                                                 "de",
                                                 "del",
                                                 "a",
                                                 "las",
                                                 "às",
                                                 "pubblicato",
                                                 "il",
                                                 "alle",
                                                 "gepubliceerd",
                                                 "op",
                                                 "opublikowano",
                                                 "th",
                                                 "st",
                                                 "nd",
                                                 "rd",
                                                 "gmt",
                                                 "utc",
                                                 "h",
                                                 "min",
                                                 "ago",
                                                 "und",
                                                 "and",
                                                 "y",
                                                 "e"};
    int dated = 0, month = 0, other = 0;
    size_t i = 0;
    while (i < text.size()) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80 && !is_word_byte(c)) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < text.size()) {
            unsigned char d = static_cast<unsigned char>(text[j]);
            if (d < 0x80 && !is_word_byte(d)) break;
            if (d >= 0x80) {
                // Dashes, no-break spaces and other punctuation separate words.
                size_t len = sequence_length(d);
                if (j + len <= text.size() &&
                    is_separator(reinterpret_cast<const unsigned char*>(text.data()) + j, len))
                    break;
                j += len;
            } else {
                ++j;
            }
        }
        if (j == i) {
            i += sequence_length(c);
            continue;
        }
        std::string_view word = text.substr(i, j - i);
        const bool digits = word.find_first_of("0123456789") != std::string_view::npos;
        std::string lower;
        append_lower(lower, word);
        if (digits) {
            ++dated;
        } else if (month_from_name(word) != 0) {
            ++month, ++dated;
        } else if (is_weekday_name(word) || is_zone_abbreviation(word)) {
            ++dated;
        } else if (std::find(std::begin(kGlue), std::end(kGlue), lower) == std::end(kGlue)) {
            ++other;
        }
        i = j;
    }
    // A day needs a number and a month, by name or as a number in "05.10.2018", "2018-10-05".
    return dated >= 2 && other <= 1 && (month > 0 || has_numeric_date(text));
}

bool is_furniture_heading(std::string_view text) {
    if (text.size() > 64) return false;
    std::string l = lower_prefix(text, 64);
    while (!l.empty() && (l.back() == ':' || l.back() == ' ' || l.back() == '.'))
        l.pop_back();
    for (std::string_view h : kFurnitureHeadings)
        if (l == h) return true;
    return false;
}

}  // namespace news

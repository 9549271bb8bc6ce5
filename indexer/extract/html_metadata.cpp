#include "html_metadata.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "byline.hpp"
#include "language.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace news {

namespace {

bool is_article_type(const nlohmann::json& type) {
    auto one = [](const std::string& t) {
        return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" ||
               t == "LiveBlogPosting" || t == "SocialMediaPosting";
    };
    if (type.is_string()) return one(type.get<std::string>());
    if (type.is_array())
        for (const auto& t : type)
            if (t.is_string() && one(t.get<std::string>())) return true;
    return false;
}

std::string json_name(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object()) {
        if (auto it = v.find("name"); it != v.end() && it->is_string())
            return it->get<std::string>();
    }
    if (v.is_array()) {
        std::string all;
        for (const auto& e : v) {
            std::string n = json_name(e);
            if (n.empty()) continue;
            if (!all.empty()) all += ", ";
            all += n;
        }
        return all;
    }
    return {};
}

// JSON-LD strings are JSON, yet many sites write them HTML-escaped ("&#8211;", "&amp;").
std::string decode_entities(std::string_view s) {
    static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
        {"amp", "&"},
        {"lt", "<"},
        {"gt", ">"},
        {"quot", "\""},
        {"apos", "'"},
        {"nbsp", " "},
        {"ndash", "\xE2\x80\x93"},
        {"mdash", "\xE2\x80\x94"},
        {"hellip", "\xE2\x80\xA6"},
        {"lsquo", "\xE2\x80\x98"},
        {"rsquo", "\xE2\x80\x99"},
        {"ldquo", "\xE2\x80\x9C"},
        {"rdquo", "\xE2\x80\x9D"},
        {"bdquo", "\xE2\x80\x9E"},
        {"laquo", "\xC2\xAB"},
        {"raquo", "\xC2\xBB"},
    };
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
        if (semi == std::string_view::npos || semi - i > 10) {
            out += s[i];
            continue;
        }
        std::string_view name = s.substr(i + 1, semi - i - 1);
        bool done = false;
        if (name.size() > 1 && name[0] == '#') {
            bool hex = name[1] == 'x' || name[1] == 'X';
            uint32_t cp = 0;
            bool ok = name.size() > (hex ? 2u : 1u);
            for (char c : name.substr(hex ? 2 : 1)) {
                int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                        : hex && std::isxdigit(static_cast<unsigned char>(c))
                            ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                            : -1;
                if (d < 0 || cp > 0x10FFFF) {
                    ok = false;
                    break;
                }
                cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
            }
            if (ok && cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                append_utf8(out, cp);
                done = true;
            }
        } else {
            for (auto [n, v] : kNamed)
                if (name == n) {
                    out += v;
                    done = true;
                    break;
                }
        }
        if (done) {
            i = semi;
        } else {
            out += s[i];
        }
    }
    return out;
}

struct JsonLd {
    std::string headline, date_published, date_modified, author, publisher;
    bool from_article = false;
};

// Collects the fields of the first article-typed object (or the first object that has them),
// looking through arrays and @graph.
void scan_json_ld(const nlohmann::json& j, JsonLd& out) {
    std::vector<const nlohmann::json*> stack{&j};
    while (!stack.empty()) {
        const nlohmann::json* v = stack.back();
        stack.pop_back();
        if (v->is_array()) {
            for (auto it = v->rbegin(); it != v->rend(); ++it)
                stack.push_back(&*it);
            continue;
        }
        if (!v->is_object()) continue;
        bool article = v->contains("@type") && is_article_type((*v)["@type"]);
        if (article && !out.from_article) {
            // An article object overrides fields taken from a non-article (WebPage) object.
            out = JsonLd{};
            out.from_article = true;
        }
        if (article || !out.from_article) {
            auto str = [&](const char* key) {
                auto it = v->find(key);
                return it != v->end() && it->is_string() ? it->get<std::string>() : std::string();
            };
            if (out.headline.empty()) out.headline = str("headline");
            if (out.date_published.empty()) out.date_published = str("datePublished");
            if (out.date_modified.empty()) out.date_modified = str("dateModified");
            if (out.author.empty() && v->contains("author")) out.author = json_name((*v)["author"]);
            if (out.publisher.empty() && v->contains("publisher"))
                out.publisher = json_name((*v)["publisher"]);
        }
        if (auto it = v->find("@graph"); it != v->end()) stack.push_back(&*it);
    }
}

}  // namespace

HtmlMetadata extract_html_metadata(const HtmlDocument& doc, const std::string& page_url) {
    HtmlMetadata out;
    std::unordered_map<std::string, std::string> meta;  // first value wins
    JsonLd ld;
    std::string title_tag, canonical;
    TitleSources titles;
    BylineSources bylines;
    size_t h2_seen = 0;
    // The page's host tells a logo link from a headline; a saved page only names it in its
    // canonical link or og:url, both in the head, before any heading.
    // An archived copy names the archive; the host is that of the page inside.
    auto page_host = [&] {
        std::string h = schema::host_of_url(unarchived_url(page_url));
        if (h.empty()) h = schema::host_of_url(unarchived_url(canonical));
        if (auto it = meta.find("og:url"); h.empty() && it != meta.end())
            h = schema::host_of_url(unarchived_url(it->second));
        return h;
    };
    std::string broken_ld_published;  // datePublished of JSON-LD that does not parse

    walk(doc.root(), [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_DOCUMENT) return true;
        BylineElement::Kind byline;
        if (bylines.elements.size() < kMaxBylineElements && byline_kind(n, byline))
            bylines.elements.push_back(read_byline(n, byline));
        if (n->type != GUMBO_NODE_ELEMENT) return false;
        GumboTag t = n->v.element.tag;
        switch (t) {
            case GUMBO_TAG_HTML: {
                std::string_view lang = attribute(n, "lang");
                if (lang.empty()) lang = attribute(n, "xml:lang");
                out.language = normalise_language_tag(lang);
                return true;
            }
            case GUMBO_TAG_META: {
                std::string key = ascii_lower(attribute(n, "property"));
                if (key.empty()) key = ascii_lower(attribute(n, "name"));
                if (key.empty()) key = ascii_lower(attribute(n, "itemprop"));
                if (key.empty() && !attribute(n, "http-equiv").empty())
                    key = "http-equiv:" + ascii_lower(attribute(n, "http-equiv"));
                std::string_view content = attribute(n, "content");
                if (!key.empty() && !content.empty()) meta.emplace(key, std::string(content));
                return false;
            }
            case GUMBO_TAG_LINK:
                if (ascii_lower(attribute(n, "rel")) == "canonical" && canonical.empty())
                    canonical = std::string(attribute(n, "href"));
                return false;
            case GUMBO_TAG_TITLE:
                if (title_tag.empty()) title_tag = inner_text(n);
                return false;
            case GUMBO_TAG_SCRIPT:
                if (ascii_lower(attribute(n, "type")) == "application/ld+json" &&
                    n->v.element.children.length > 0) {
                    const auto* child =
                        static_cast<const GumboNode*>(n->v.element.children.data[0]);
                    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
                        child->type == GUMBO_NODE_CDATA) {
                        auto j = nlohmann::json::parse(child->v.text.text, nullptr, false);
                        if (!j.is_discarded())
                            scan_json_ld(j, ld);
                        else if (broken_ld_published.empty())
                            broken_ld_published =
                                find_json_string(child->v.text.text, "datePublished");
                    }
                }
                return false;
            case GUMBO_TAG_STYLE:
            case GUMBO_TAG_NOSCRIPT:
                return false;
            case GUMBO_TAG_H1:
            case GUMBO_TAG_H2:
                // Pages put dozens of h2 on teasers; an h2 headline is among the first few.
                if (titles.headings.size() < kMaxHeadings &&
                    (t == GUMBO_TAG_H1 || ++h2_seen <= kMaxH2))
                    titles.headings.push_back(
                        read_heading(n, t == GUMBO_TAG_H1 ? 1 : 2, page_host()));
                return false;
            default: {
                if (titles.headings.size() < kMaxHeadings &&
                    ascii_lower(attribute(n, "itemprop")) == "headline") {
                    titles.headings.push_back(read_heading(n, 0, page_host()));
                    return false;
                }
                // Microdata on ordinary elements: <span itemprop="datePublished" content=...>
                if (std::string_view prop = attribute(n, "itemprop");
                    prop == "datePublished" || prop == "dateModified") {
                    std::string_view v = attribute(n, "content");
                    if (v.empty()) v = attribute(n, "datetime");
                    if (!v.empty())
                        meta.emplace(prop == "datePublished" ? "itemprop:datepublished"
                                                             : "itemprop:datemodified",
                                     std::string(v));
                }
                return true;
            }
        }
    });

    auto get = [&](std::string_view key) -> std::string {
        auto it = meta.find(std::string(key));
        return it == meta.end() ? std::string() : collapse_whitespace(it->second);
    };

    out.url = canonical;
    if (out.url.empty()) out.url = get("og:url");
    if (!out.url.empty() && out.url.find("://") == std::string::npos) out.url.clear();
    if (out.url.empty()) out.url = page_url;

    // Site name: declared names first; some sites fill og:site_name with the page's title,
    // which names no site. Else the piece of <title> that is the host's name ("… - La Vie des
    // idées" on laviedesidees.fr); the caller falls back to the host itself.
    const std::string host = schema::host_of_url(unarchived_url(out.url));
    for (const std::string& name :
         {get("og:site_name"), collapse_whitespace(decode_entities(ld.publisher)),
          get("application-name")}) {
        if (name.empty() || title_key(name) == title_key(get("og:title")) ||
            title_key(name) == title_key(title_tag))
            continue;
        out.site_name = name;
        break;
    }
    if (out.site_name.empty())
        out.site_name = site_name_in_title(collapse_whitespace(title_tag), host);

    // Declared language: <html lang>, else the Content-Language header, og:locale, meta tags.
    for (std::string_view key : {"http-equiv:content-language", "og:locale", "content-language",
                                 "language", "dc.language", "dcterms.language"})
        if (out.language.empty()) out.language = normalise_language_tag(get(key));

    titles.og_title = get("og:title");
    if (titles.og_title.empty()) titles.og_title = get("twitter:title");
    titles.ld_headline = collapse_whitespace(decode_entities(ld.headline));
    titles.title_tag = collapse_whitespace(title_tag);
    titles.site_name = out.site_name;
    titles.host = host;
    out.title = choose_title(titles);

    bylines.json_ld = decode_entities(ld.author);
    for (std::string_view key : author_meta_keys())
        if (std::string v = get(key); !v.empty()) bylines.meta.push_back(std::move(v));
    bylines.site_name = out.site_name;
    bylines.host = host;
    out.author = choose_author(bylines);

    // Publication date: the declarations collected above, weighed in dates.cpp with the dates the
    // page shows and its URL's.
    DateEvidence dates;
    if (!ld.date_published.empty()) dates.published.push_back(ld.date_published);
    for (std::string_view key : published_meta_keys())
        if (std::string v = get(key); !v.empty()) dates.published.push_back(v);
    if (!broken_ld_published.empty()) dates.published.push_back(broken_ld_published);
    if (!ld.date_modified.empty()) dates.modified.push_back(ld.date_modified);
    for (std::string_view key : modified_meta_keys())
        if (std::string v = get(key); !v.empty()) dates.modified.push_back(v);
    dates.title = out.title;
    dates.language = out.language;
    std::string_view date_url = out.url;
    if (url_date_parts(date_url).year == 0) date_url = page_url;
    out.published = find_publication_date(doc, dates, date_url);
    return out;
}

}  // namespace news

#include "html_metadata.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "text.hpp"

namespace news {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

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

struct JsonLd {
    std::string headline, date_published, author, publisher;
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
            if (out.author.empty() && v->contains("author")) out.author = json_name((*v)["author"]);
            if (out.publisher.empty() && v->contains("publisher"))
                out.publisher = json_name((*v)["publisher"]);
        }
        if (auto it = v->find("@graph"); it != v->end()) stack.push_back(&*it);
    }
}

bool inside_furniture(const GumboNode* n) {
    for (n = n->parent; n; n = n->parent) {
        if (n->type != GUMBO_NODE_ELEMENT) continue;
        GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE) return true;
    }
    return false;
}

}  // namespace

std::optional<Date> date_from_url(std::string_view url) {
    // Scan path segments for year/month/day in a row, or one segment holding all three.
    size_t start = url.find("://");
    start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
    if (start == std::string_view::npos) return std::nullopt;
    std::vector<std::string_view> segs;
    std::string_view path = url.substr(start);
    path = path.substr(0, path.find_first_of("?#"));
    size_t i = 0;
    while (i < path.size()) {
        size_t j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        if (j > i) segs.push_back(path.substr(i, j - i));
        i = j + 1;
    }
    auto number = [](std::string_view s, size_t len, int& v) {
        if (s.size() != len) return false;
        v = 0;
        for (char c : s) {
            if (c < '0' || c > '9') return false;
            v = v * 10 + (c - '0');
        }
        return true;
    };
    for (size_t k = 0; k < segs.size(); ++k) {
        int y, m, d;
        if (k + 2 < segs.size() && number(segs[k], 4, y) && number(segs[k + 1], 2, m) &&
            number(segs[k + 2], 2, d) && is_valid_day(y, m, d)) {
            Date out;
            out.year = y, out.month = m, out.day = d;
            return out;
        }
        std::string_view s = segs[k];
        if (s.size() >= 10 && number(s.substr(0, 4), 4, y) && s[4] == '-' &&
            number(s.substr(5, 2), 2, m) && s[7] == '-' && number(s.substr(8, 2), 2, d) &&
            is_valid_day(y, m, d) &&
            (s.size() == 10 || !std::isdigit(static_cast<unsigned char>(s[10])))) {
            Date out;
            out.year = y, out.month = m, out.day = d;
            return out;
        }
    }
    return std::nullopt;
}

std::string strip_site_suffix(const std::string& title, const std::string& site_name) {
    static constexpr std::array<std::string_view, 5> kSeparators{" | ", " - ", " – ", " — ",
                                                                 " :: "};
    for (std::string_view sep : kSeparators) {
        size_t pos = title.rfind(sep);
        if (pos != std::string::npos && pos > 0) {
            std::string tail = title.substr(pos + sep.size());
            bool is_site = !site_name.empty() && lower(tail) == lower(site_name);
            // Without a known site name, a short tail after the last separator is a site name.
            if (is_site || (site_name.empty() && tail.size() <= 30 && pos > tail.size()))
                return title.substr(0, pos);
        }
        pos = title.find(sep);
        if (pos != std::string::npos && !site_name.empty() &&
            lower(title.substr(0, pos)) == lower(site_name))
            return title.substr(pos + sep.size());
    }
    return title;
}

HtmlMetadata extract_html_metadata(const HtmlDocument& doc, const std::string& page_url) {
    HtmlMetadata out;
    std::unordered_map<std::string, std::string> meta;  // first value wins
    JsonLd ld;
    std::string title_tag, first_h1, canonical;
    std::optional<Date> time_date;

    walk(doc.root(), [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_DOCUMENT) return true;
        if (n->type != GUMBO_NODE_ELEMENT) return false;
        GumboTag t = n->v.element.tag;
        switch (t) {
            case GUMBO_TAG_HTML: {
                std::string lang = lower(attribute(n, "lang"));
                out.language = lang.substr(0, lang.find_first_of("-_"));
                return true;
            }
            case GUMBO_TAG_META: {
                std::string key = lower(attribute(n, "property"));
                if (key.empty()) key = lower(attribute(n, "name"));
                if (key.empty()) key = lower(attribute(n, "itemprop"));
                std::string_view content = attribute(n, "content");
                if (!key.empty() && !content.empty()) meta.emplace(key, std::string(content));
                return false;
            }
            case GUMBO_TAG_LINK:
                if (lower(attribute(n, "rel")) == "canonical" && canonical.empty())
                    canonical = std::string(attribute(n, "href"));
                return false;
            case GUMBO_TAG_TITLE:
                if (title_tag.empty()) title_tag = inner_text(n);
                return false;
            case GUMBO_TAG_SCRIPT:
                if (lower(attribute(n, "type")) == "application/ld+json" &&
                    n->v.element.children.length > 0) {
                    const auto* child =
                        static_cast<const GumboNode*>(n->v.element.children.data[0]);
                    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
                        child->type == GUMBO_NODE_CDATA) {
                        auto j = nlohmann::json::parse(child->v.text.text, nullptr, false);
                        if (!j.is_discarded()) scan_json_ld(j, ld);
                    }
                }
                return false;
            case GUMBO_TAG_STYLE:
            case GUMBO_TAG_NOSCRIPT:
                return false;
            case GUMBO_TAG_H1:
                if (first_h1.empty() && !inside_furniture(n)) first_h1 = inner_text(n);
                return false;
            case GUMBO_TAG_TIME: {
                if (!time_date && !inside_furniture(n)) {
                    std::string_view dt = attribute(n, "datetime");
                    if (!dt.empty()) time_date = parse_date(dt);
                    if (!time_date && !attribute(n, "pubdate").empty())
                        time_date = parse_date(inner_text(n));
                }
                return false;
            }
            default: {
                // Microdata on ordinary elements: <span itemprop="datePublished" content=...>
                if (attribute(n, "itemprop") == "datePublished") {
                    std::string_view v = attribute(n, "content");
                    if (v.empty()) v = attribute(n, "datetime");
                    if (!v.empty()) meta.emplace("itemprop:datepublished", std::string(v));
                }
                return true;
            }
        }
    });

    auto get = [&](std::string_view key) -> std::string {
        auto it = meta.find(std::string(key));
        return it == meta.end() ? std::string() : collapse_whitespace(it->second);
    };

    out.site_name = get("og:site_name");
    if (out.site_name.empty()) out.site_name = collapse_whitespace(ld.publisher);
    if (out.site_name.empty()) out.site_name = get("application-name");

    out.url = canonical;
    if (out.url.empty()) out.url = get("og:url");
    if (!out.url.empty() && out.url.find("://") == std::string::npos) out.url.clear();
    if (out.url.empty()) out.url = page_url;

    // Title: the declared headline first; the <title> tag carries the site's name.
    std::string og = get("og:title");
    std::string headline = collapse_whitespace(ld.headline);
    std::string tag = strip_site_suffix(title_tag, out.site_name);
    if (!og.empty())
        out.title = strip_site_suffix(og, out.site_name);
    else if (!headline.empty())
        out.title = headline;
    else if (!first_h1.empty())
        out.title = first_h1;
    else
        out.title = tag;

    out.author = collapse_whitespace(ld.author);
    if (out.author.empty()) out.author = get("author");
    if (out.author.empty()) out.author = get("article:author");
    if (out.author.find("://") != std::string::npos) out.author.clear();

    // Publication date: declared article dates first, then generic meta, then <time>, then URL.
    static constexpr std::array<std::string_view, 22> kDateKeys{"article:published_time",
                                                                "og:article:published_time",
                                                                "og:published_time",
                                                                "itemprop:datepublished",
                                                                "datepublished",
                                                                "article.published",
                                                                "publishdate",
                                                                "publish-date",
                                                                "pubdate",
                                                                "publication_date",
                                                                "sailthru.date",
                                                                "parsely-pub-date",
                                                                "dc.date.issued",
                                                                "dcterms.issued",
                                                                "dc.date",
                                                                "dcterms.date",
                                                                "dcterms.created",
                                                                "citation_publication_date",
                                                                "date",
                                                                "original-publish-date",
                                                                "article_date_original",
                                                                "cxenseparse:recs:publishtime"};
    if (!ld.date_published.empty()) out.published = parse_date(ld.date_published);
    for (size_t i = 0; !out.published && i < kDateKeys.size(); ++i) {
        std::string v = get(kDateKeys[i]);
        if (!v.empty()) out.published = parse_date(v);
    }
    if (!out.published) out.published = time_date;
    if (!out.published && !out.url.empty()) out.published = date_from_url(out.url);
    return out;
}

}  // namespace news

#include "schema.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "text.hpp"

namespace news::schema {

namespace {

// Xapian refuses terms longer than 245 bytes; keys beyond this are hashed.
constexpr size_t kMaxKeyBytes = 200;

std::string bounded(std::string_view prefix, std::string key) {
    if (key.size() > kMaxKeyBytes) key = key.substr(0, 64) + "#" + hash_hex(key);
    return std::string(prefix) + key;
}

}  // namespace

std::string_view entity_prefix(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return kPerson;
        case EntityType::Organization:
            return kOrganization;
        case EntityType::Place:
            return kPlace;
    }
    return kPerson;
}

Xapian::valueno entity_slot(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return kSlotPersons;
        case EntityType::Organization:
            return kSlotOrganizations;
        case EntityType::Place:
            return kSlotPlaces;
    }
    return kSlotPersons;
}

std::string entity_term(EntityType type, std::string_view key) {
    return bounded(entity_prefix(type), std::string(key));
}

std::uint64_t hash64(std::string_view bytes) {
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

std::string hash_hex(std::string_view bytes) {
    std::uint64_t h = hash64(bytes);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

namespace {

std::string hex(std::uint64_t v, int digits) {
    static const char* const kDigits = "0123456789abcdef";
    std::string out(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, v >>= 4)
        out[static_cast<std::size_t>(i)] = kDigits[v & 0xF];
    return out;
}

}  // namespace

std::string simhash_band_term(int band, std::uint16_t bits) {
    return std::string(kSimhashBand) + static_cast<char>('0' + band) + hex(bits, 4);
}

std::string sketch_anchor_term(std::uint32_t hash) {
    return std::string(kSketchAnchor) + hex(hash, 8);
}

std::string exact_text_term(std::uint64_t hash) {
    return std::string(kExactText) + hex(hash, 16);
}

std::string story_term(std::string_view story_id) {
    return bounded(kStory, std::string(story_id));
}

std::string story_id_for(std::string_view unique_id_term) {
    return hash_hex(unique_id_term);
}

std::string encode_simhash(std::uint64_t simhash) {
    return hex(simhash, 16);
}

std::optional<std::uint64_t> decode_simhash(std::string_view value) {
    if (value.size() != 16) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : value) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else
            return std::nullopt;
        v = (v << 4) | static_cast<std::uint64_t>(d);
    }
    return v;
}

std::string host_of_url(std::string_view url) {
    size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return "";
    std::string_view rest = url.substr(scheme + 3);
    size_t end = rest.find_first_of("/?#");
    std::string_view host = rest.substr(0, end);
    if (size_t at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
    if (size_t colon = host.find(':'); colon != std::string_view::npos)
        host = host.substr(0, colon);
    std::string h = ascii_lower(host);
    if (h.starts_with("www.")) h.erase(0, 4);
    return h;
}

std::string canonical_url(std::string_view url) {
    size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return std::string(url);
    std::string scheme = ascii_lower(url.substr(0, scheme_end));
    std::string_view rest = url.substr(scheme_end + 3);
    size_t host_end = rest.find_first_of("/?#");
    std::string host = ascii_lower(rest.substr(0, host_end));
    if ((scheme == "http" && host.ends_with(":80")) ||
        (scheme == "https" && host.ends_with(":443")))
        host.erase(host.rfind(':'));
    std::string_view tail = host_end == std::string_view::npos ? "" : rest.substr(host_end);
    if (size_t hash = tail.find('#'); hash != std::string_view::npos) tail = tail.substr(0, hash);
    std::string path(tail.substr(0, tail.find('?')));
    if (path.empty()) path = "/";
    std::string query;
    if (size_t q = tail.find('?'); q != std::string_view::npos) {
        std::string_view params = tail.substr(q + 1);
        while (!params.empty()) {
            size_t amp = params.find('&');
            std::string_view p = params.substr(0, amp);
            std::string key = ascii_lower(p.substr(0, p.find('=')));
            bool tracking = key.starts_with("utm_") || key == "fbclid" || key == "gclid" ||
                            key == "mc_cid" || key == "mc_eid";
            if (!p.empty() && !tracking) {
                query += query.empty() ? "?" : "&";
                query += p;
            }
            if (amp == std::string_view::npos) break;
            params = params.substr(amp + 1);
        }
    }
    return scheme + "://" + host + path + query;
}

std::string unique_id_term(const Article& article) {
    if (!article.url.empty()) return bounded(kUniqueId, "url:" + canonical_url(article.url));
    // No URL: identity is the content, so the same text read again replaces itself.
    return std::string(kUniqueId) + "sha:" + hash_hex(article.title + '\n' + article.text);
}

std::string source_term(std::string_view source) {
    // Unicode lower case: what a user types must meet outlets named "Le Temps ÉCO".
    std::string key = to_lower(source);
    std::replace(key.begin(), key.end(), ' ', '-');
    return bounded(kSource, key);
}

std::string host_term(std::string_view host) {
    return bounded(kHost, ascii_lower(host));
}

std::string language_term(std::string_view lang) {
    return std::string(kLanguage) + ascii_lower(lang);
}

std::string date_terms_day(const Date& d) {
    return std::string(kDay) + d.compact();
}
std::string date_terms_month(const Date& d) {
    return std::string(kMonth) + d.compact().substr(0, 6);
}
std::string date_terms_year(const Date& d) {
    return std::string(kYear) + d.compact().substr(0, 4);
}

std::string encode_document_data(const Article& a) {
    nlohmann::json j;
    j["title"] = a.title;
    if (!a.url.empty()) j["url"] = a.url;
    if (!a.path.empty()) j["path"] = a.path;
    if (a.published) j["date"] = a.published->iso();
    if (!a.source.empty()) j["source"] = a.source;
    if (!a.author.empty()) j["author"] = a.author;
    j["lang"] = a.language;
    j["format"] = a.format;
    j["text"] = a.text;
    // The article's entities by name (their mentions are not kept): what a hit shows.
    if (!a.entities.empty()) {
        nlohmann::json entities = nlohmann::json::array();
        for (const Entity& e : a.entities)
            entities.push_back({std::string(entity_type_name(e.type)), e.name});
        j["entities"] = std::move(entities);
    }
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Article decode_document_data(const std::string& data) {
    Article a;
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    if (!j.is_object()) return a;
    auto str = [&](const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    a.title = str("title");
    a.url = str("url");
    a.path = str("path");
    a.source = str("source");
    a.author = str("author");
    a.language = str("lang");
    a.format = str("format");
    a.text = str("text");
    if (std::string date = str("date"); !date.empty()) a.published = parse_date(date);
    if (auto it = j.find("entities"); it != j.end() && it->is_array()) {
        for (const auto& pair : *it) {
            if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() ||
                !pair[1].is_string())
                continue;
            Entity e;
            std::string type = pair[0].get<std::string>();
            if (type == "person")
                e.type = EntityType::Person;
            else if (type == "organization")
                e.type = EntityType::Organization;
            else if (type == "place")
                e.type = EntityType::Place;
            else
                continue;
            e.name = pair[1].get<std::string>();
            a.entities.push_back(std::move(e));
        }
    }
    return a;
}

}  // namespace news::schema

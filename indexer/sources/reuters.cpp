#include "reuters.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

#include "date.hpp"
#include "text.hpp"

namespace news {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool iequals_at(std::string_view s, size_t pos, std::string_view word) {
    if (pos + word.size() > s.size()) return false;
    for (size_t i = 0; i < word.size(); ++i)
        if (lower(s[pos + i]) != lower(word[i])) return false;
    return true;
}

// Where `<NAME` (followed by '>' or a space) opens a tag at or after `from`; SGML names are
// case-insensitive.
size_t find_open_tag(std::string_view s, std::string_view name, size_t from) {
    for (size_t pos = s.find('<', from); pos != std::string_view::npos;
         pos = s.find('<', pos + 1)) {
        if (!iequals_at(s, pos + 1, name)) continue;
        size_t after = pos + 1 + name.size();
        if (after < s.size() && (s[after] == '>' || is_space(s[after]))) return pos;
    }
    return std::string_view::npos;
}

size_t find_close_tag(std::string_view s, std::string_view name, size_t from) {
    for (size_t pos = s.find("</", from); pos != std::string_view::npos;
         pos = s.find("</", pos + 1)) {
        if (iequals_at(s, pos + 2, name) && pos + 2 + name.size() < s.size() &&
            s[pos + 2 + name.size()] == '>')
            return pos;
    }
    return std::string_view::npos;
}

struct Element {
    bool found = false;
    bool closed = false;
    size_t begin = 0;  // of the open tag
    size_t end = 0;    // past the close tag (or the end of the text when unclosed)
    std::string_view attributes;
    std::string_view inner;
};

// The first <NAME ...>...</NAME> in `s`.
Element find_element(std::string_view s, std::string_view name) {
    Element e;
    size_t open = find_open_tag(s, name, 0);
    if (open == std::string_view::npos) return e;
    size_t open_end = s.find('>', open);
    if (open_end == std::string_view::npos) return e;
    e.found = true;
    e.begin = open;
    e.attributes = s.substr(open + 1 + name.size(), open_end - open - 1 - name.size());
    size_t close = find_close_tag(s, name, open_end + 1);
    e.closed = close != std::string_view::npos;
    size_t inner_end = e.closed ? close : s.size();
    e.inner = s.substr(open_end + 1, inner_end - open_end - 1);
    e.end = e.closed ? close + name.size() + 3 : s.size();
    return e;
}

// The value of NAME="value" (or NAME=value) among a tag's attributes.
std::string attribute(std::string_view attrs, std::string_view name) {
    for (size_t pos = 0; pos < attrs.size(); ++pos) {
        if (!iequals_at(attrs, pos, name) || (pos > 0 && !is_space(attrs[pos - 1]))) continue;
        size_t p = pos + name.size();
        while (p < attrs.size() && is_space(attrs[p]))
            ++p;
        if (p >= attrs.size() || attrs[p] != '=') continue;
        ++p;
        while (p < attrs.size() && is_space(attrs[p]))
            ++p;
        if (p < attrs.size() && (attrs[p] == '"' || attrs[p] == '\'')) {
            size_t end = attrs.find(attrs[p], p + 1);
            if (end == std::string_view::npos) end = attrs.size();
            return std::string(attrs.substr(p + 1, end - p - 1));
        }
        size_t end = p;
        while (end < attrs.size() && !is_space(attrs[end]))
            ++end;
        return std::string(attrs.substr(p, end - p));
    }
    return {};
}

std::string latin1_to_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 64);
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += ch;
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

bool is_tabular(std::string_view line) {
    line = trim_space(line);
    if (line.find('\t') != std::string_view::npos) return true;
    if (line.find(".....") != std::string_view::npos) return true;  // leaders: "Float.....511"
    // Columns: a run of three or more spaces between words.
    size_t run = 0;
    for (char c : line) {
        if (c == ' ') {
            if (++run >= 3) return true;
        } else {
            run = 0;
        }
    }
    return false;
}

bool ends_sentence(std::string_view line) {
    line = trim_space(line);
    while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')'))
        line.remove_suffix(1);
    return !line.empty() &&
           (line.back() == '.' || line.back() == '!' || line.back() == '?' || line.back() == ':');
}

// The wire's signature line: "Reuter", "REUTER...", "Reuters", "REUTE", "REUTER TAW" (with the
// desk's initials); "More" (more to come).
bool is_signature_line(std::string_view line) {
    line = trim_space(line);
    if (line.size() > 16) return false;
    return iequals_at(line, 0, "reute") || (line.size() == 4 && iequals_at(line, 0, "more"));
}

// "... NIL. REUTER", "(33.7).        REUTER", "17 REUTER": a signature at the end of the last
// line. In capitals it is always one; "Reuters" after a sentence too, but not "told Reuters.".
std::string_view strip_inline_signature(std::string_view line) {
    std::string_view t = trim_space(line);
    size_t space = t.find_last_of(" \t");
    if (space == std::string_view::npos || !iequals_at(t, space + 1, "reuter")) return line;
    std::string_view before = trim_space(t.substr(0, space));
    if (before.empty()) return line;
    if (t.substr(space + 1).starts_with("REUTER")) return before;
    char last = before.back();
    if (last != '.' && last != ')' && last != '"' && last != '\'') return line;
    return before;
}

}  // namespace

std::string decode_sgml_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c != '&') {
            unsigned char u = static_cast<unsigned char>(c);
            // Raw control characters go the way of their entities.
            if ((u < 0x20 && c != '\n' && c != '\t' && c != '\r') || u == 0x7F) continue;
            out += c;
            continue;
        }
        size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out += c;
            continue;
        }
        std::string_view name = s.substr(i + 1, semi - i - 1);
        if (name.starts_with('#')) {
            uint32_t cp = 0;
            bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            std::string_view digits = name.substr(hex ? 2 : 1);
            bool ok = !digits.empty();
            for (char d : digits) {
                int v = std::isdigit(static_cast<unsigned char>(d))           ? d - '0'
                        : hex && std::isxdigit(static_cast<unsigned char>(d)) ? lower(d) - 'a' + 10
                                                                              : -1;
                if (v < 0 || cp > 0x10FFFF) {
                    ok = false;
                    break;
                }
                cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
            }
            if (!ok || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out += c;
                continue;
            }
            i = semi;
            if (cp == '\n' || cp == '\t' || cp == '\r') {
                out += static_cast<char>(cp);
            } else if (cp >= 0x20 && !(cp >= 0x7F && cp < 0xA0)) {
                append_utf8(out, cp);
            }  // else a control character of the wire (&#2; &#3; &#5; &#22; &#31; &#127;): dropped
            continue;
        }
        static constexpr std::array<std::pair<std::string_view, char>, 5> kNamed{
            {{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}}};
        bool named = false;
        for (const auto& [n, ch] : kNamed) {
            if (name == n) {
                out += ch;
                i = semi;
                named = true;
                break;
            }
        }
        if (!named) out += c;
    }
    return out;
}

std::string reuters_iso_date(std::string_view text) {
    std::string_view s = trim_space(text);
    size_t p = 0;
    auto number = [&](size_t min_digits, size_t max_digits, int& value) {
        size_t start = p;
        value = 0;
        while (p < s.size() && p - start < max_digits &&
               std::isdigit(static_cast<unsigned char>(s[p])))
            value = value * 10 + (s[p++] - '0');
        return p - start >= min_digits;
    };
    int day = 0, year = 0, hour = 0, minute = 0, second = 0;
    if (!number(1, 2, day) || p >= s.size() || s[p++] != '-') return {};
    static constexpr std::array<std::string_view, 12> kMonths{
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    int month = 0;
    for (size_t m = 0; m < kMonths.size(); ++m)
        if (iequals_at(s, p, kMonths[m])) month = static_cast<int>(m) + 1;
    if (month == 0) return {};
    p += 3;
    if (p >= s.size() || s[p++] != '-' || !number(4, 4, year)) return {};
    if (!is_valid_day(year, month, day)) return {};
    std::string iso;
    auto append = [&iso](int v, size_t width, char before) {
        if (before) iso += before;
        std::string d = std::to_string(v);
        if (d.size() < width) iso.append(width - d.size(), '0');
        iso += d;
    };
    append(year, 4, 0);
    append(month, 2, '-');
    append(day, 2, '-');
    while (p < s.size() && s[p] == ' ')
        ++p;
    if (number(1, 2, hour) && p < s.size() && s[p++] == ':' && number(2, 2, minute) &&
        p < s.size() && s[p++] == ':' && number(2, 2, second) && hour < 24 && minute < 60 &&
        second < 61) {
        append(hour, 2, 'T');
        append(minute, 2, ':');
        append(std::min(second, 59), 2, ':');
    }
    return iso;
}

std::string reuters_author(std::string_view text) {
    std::string_view s = trim_space(text);
    if (iequals_at(s, 0, "by ")) s = trim_space(s.substr(3));
    auto strip_end = [&] {
        while (!s.empty() && (is_space(s.back()) || s.back() == ',' || s.back() == '.'))
            s.remove_suffix(1);
    };
    strip_end();
    // ", Reuters", " Reuter", ", REUTERS", ", Reutersd": the agency, not the writer.
    size_t cut = s.find_last_of(" ,");
    if (cut != std::string_view::npos && iequals_at(s, cut + 1, "reuter")) {
        s = s.substr(0, cut);
        strip_end();
    }
    std::string out = collapse_whitespace(s);
    // Names the wire set in capitals: "TED D'AFFLISIO" -> "Ted D'Afflisio".
    bool has_lower = false;
    for (char c : out)
        if (std::islower(static_cast<unsigned char>(c))) has_lower = true;
    if (!has_lower) {
        bool start = true;
        for (char& c : out) {
            if (std::isalpha(static_cast<unsigned char>(c))) {
                c = start ? c : lower(c);
                start = false;
            } else {
                start = true;
            }
        }
    }
    return out;
}

std::string reuters_body_text(std::string_view text) {
    std::vector<std::string_view> lines;
    for (size_t pos = 0; pos <= text.size();) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        while (!line.empty() && is_space(line.back()))
            line.remove_suffix(1);
        if (line.ends_with("^M")) line.remove_suffix(2);  // a carriage return, spelt out
        lines.push_back(line);
        pos = end + 1;
    }
    auto drop_blank_tail = [&] {
        while (!lines.empty() && trim_space(lines.back()).empty())
            lines.pop_back();
    };
    drop_blank_tail();
    for (int i = 0; i < 2 && !lines.empty() && is_signature_line(lines.back()); ++i) {
        lines.pop_back();
        drop_blank_tail();
    }
    if (!lines.empty()) lines.back() = strip_inline_signature(lines.back());

    std::string out;
    std::string paragraph;
    auto flush = [&] {
        std::string p = collapse_whitespace(paragraph);
        paragraph.clear();
        if (p.empty()) return;
        if (!out.empty()) out += "\n\n";
        out += p;
    };
    std::string_view prev;
    for (std::string_view line : lines) {
        if (trim_space(line).empty()) {
            flush();
            prev = {};
            continue;
        }
        // Paragraphs open with an indented line; table rows stand alone; a short line that
        // ends a sentence was the last of its paragraph. Anything else is a wrapped line.
        bool starts_paragraph = prev.empty() || is_space(line.front()) || is_tabular(line) ||
                                is_tabular(prev) || (trim_space(prev).size() < 40 && ends_sentence(prev));
        if (starts_paragraph) flush();
        if (!paragraph.empty()) paragraph += ' ';
        paragraph += line;
        prev = line;
    }
    flush();
    return out;
}

void ReutersReader::read(InputFile&& input, const RecordSink& emit, const SkipSink& skip) const {
    // 7-bit SGML in principle; the odd 8-bit byte of the wire is Latin-1.
    std::string text =
        is_valid_utf8(input.bytes) ? std::move(input.bytes) : latin1_to_utf8(input.bytes);
    const std::string& path = input.path;
    const std::string_view all = text;
    size_t ordinal = 0;
    size_t pos = find_open_tag(all, "REUTERS", 0);
    if (pos == std::string_view::npos) {
        skip(path, "bad-sgml", "no <REUTERS> element in the file");
        return;
    }
    while (pos != std::string_view::npos) {
        ++ordinal;
        const size_t next = find_open_tag(all, "REUTERS", pos + 1);
        const size_t open_end = all.find('>', pos);
        const size_t close = find_close_tag(all, "REUTERS", pos);
        std::string newid;
        if (open_end != std::string_view::npos && open_end < next)
            newid = attribute(all.substr(pos + 8, open_end - pos - 8), "NEWID");
        const std::string where =
            path + ":" + (newid.empty() ? "#" + std::to_string(ordinal) : newid);
        if (open_end == std::string_view::npos || open_end > next ||
            close == std::string_view::npos || close > next) {
            skip(where, "bad-sgml", "unterminated <REUTERS> element");
            pos = next;
            continue;
        }
        const std::string_view content = all.substr(open_end + 1, close - open_end - 1);
        pos = next;

        RawRecord r;
        r.structured = true;
        r.format = Format::Reuters;
        r.path = where;
        r.source = "Reuters";
        r.language = "en";
        if (Element date = find_element(content, "DATE"); date.found) {
            std::string raw = decode_sgml_text(date.inner);
            r.date = reuters_iso_date(raw);
            if (r.date.empty()) r.date = collapse_whitespace(raw);
        }
        Element body_text = find_element(content, "TEXT");
        std::string type = ascii_lower(attribute(body_text.attributes, "TYPE"));
        std::string_view inside = body_text.inner;
        Element title = find_element(inside, "TITLE");
        Element author = find_element(inside, "AUTHOR");
        Element dateline = find_element(inside, "DATELINE");
        Element body = find_element(inside, "BODY");
        if (title.found) r.title = collapse_whitespace(decode_sgml_text(title.inner));
        if (author.found) r.author = reuters_author(decode_sgml_text(author.inner));
        if (type == "brief") {
            // A headline only; the "Blah blah blah." under it is a placeholder.
        } else if (body.found) {
            std::string wire = decode_sgml_text(dateline.inner);
            wire += decode_sgml_text(body.inner);
            r.bytes = reuters_body_text(wire);
        } else if (body_text.found) {
            // Unprocessed text: straight inside <TEXT>, the first line its headline.
            std::vector<const Element*> parts;
            for (const Element* e : {&title, &author, &dateline})
                if (e->found) parts.push_back(e);
            std::sort(parts.begin(), parts.end(),
                      [](const Element* a, const Element* b) { return a->begin < b->begin; });
            std::string rest;
            size_t from = 0;
            for (const Element* e : parts) {
                if (e->begin < from) continue;
                rest += inside.substr(from, e->begin - from);
                from = e->end;
            }
            rest += inside.substr(std::min(from, inside.size()));
            std::string wire = decode_sgml_text(rest);
            std::string_view w = wire;
            size_t start = w.find_first_not_of(" \t\r\n");
            if (r.title.empty() && start != std::string_view::npos) {
                size_t line_start = w.rfind('\n', start);
                line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
                size_t end = w.find('\n', start);
                if (end == std::string_view::npos) end = w.size();
                std::string_view first = w.substr(line_start, end - line_start);
                if (!is_space(first.front()) && trim_space(first).size() <= 100 && !is_tabular(first)) {
                    r.title = collapse_whitespace(first);
                    w.remove_prefix(end);
                }
            }
            r.bytes = reuters_body_text(w);
        }
        // A headline-only item (a brief) is its own text.
        if (r.bytes.empty()) r.bytes = r.title;
        if (r.bytes.empty()) {
            if (body_text.found)
                skip(where, "empty", "<REUTERS> element with neither title nor body");
            else
                skip(where, "bad-sgml", "<REUTERS> element without <TEXT>");
            continue;
        }
        emit(std::move(r));
    }
}

}  // namespace news

// The readers of the formats news-index understands, and the factory that maps a sniffed format
// to its reader. A new input format is a new Reader class registered in reader_for().
#include <nlohmann/json.hpp>

#include "reader.hpp"
#include "reuters.hpp"

namespace news {

namespace {

// A file that is one document: an HTML page or a plain-text scrape.
class DocumentReader : public Reader {
  public:
    explicit DocumentReader(Format format) : m_format(format) {}
    void read(InputFile&& input, const RecordSink& emit, const SkipSink&) const override {
        RawRecord r;
        r.bytes = std::move(input.bytes);
        r.path = std::move(input.path);
        r.format = m_format;
        r.url = std::move(input.url);
        r.fallback_date = std::move(input.fallback_date);
        emit(std::move(r));
    }

  private:
    Format m_format;
};

// JSON Lines: one article per line with url, title, text or html, date, source, author.
// Unknown fields are ignored; a line that is not a JSON object is skipped and reported.
class JsonlReader : public Reader {
  public:
    void read(InputFile&& input, const RecordSink& emit, const SkipSink& skip) const override {
        std::string_view all = input.bytes;
        if (all.starts_with("\xEF\xBB\xBF")) all.remove_prefix(3);
        size_t line_no = 0;
        size_t pos = 0;
        while (pos < all.size()) {
            size_t end = all.find('\n', pos);
            if (end == std::string_view::npos) end = all.size();
            std::string_view line = all.substr(pos, end - pos);
            pos = end + 1;
            ++line_no;
            while (!line.empty() &&
                   (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
                line.remove_suffix(1);
            if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
            std::string where = input.path + ":" + std::to_string(line_no);
            nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_discarded() || !j.is_object()) {
                skip(where, "bad-json", "not a JSON object");
                continue;
            }
            auto str = [&](const char* key) {
                auto it = j.find(key);
                if (it == j.end() || it->is_null()) return std::string();
                if (it->is_string()) return it->get<std::string>();
                if (it->is_number()) return it->dump();
                return std::string();
            };
            RawRecord r;
            r.structured = true;
            r.path = where;
            r.url = str("url");
            r.title = str("title");
            r.date = str("date");
            r.source = str("source");
            r.author = str("author");
            std::string text = str("text");
            if (!text.empty()) {
                r.bytes = std::move(text);
                r.format = Format::Text;
            } else {
                r.bytes = str("html");
                r.format = Format::Html;
            }
            if (r.bytes.empty()) {
                skip(where, "empty", "record has neither text nor html");
                continue;
            }
            emit(std::move(r));
        }
    }
};

}  // namespace

const Reader* reader_for(Format format) {
    static const DocumentReader html(Format::Html);
    static const DocumentReader text(Format::Text);
    static const JsonlReader jsonl;
    static const ReutersReader reuters;
    switch (format) {
        case Format::Html:
            return &html;
        case Format::Text:
            return &text;
        case Format::Jsonl:
            return &jsonl;
        case Format::Reuters:
            return &reuters;
        case Format::Binary:
        case Format::Unknown:
            break;
    }
    return nullptr;
}

}  // namespace news

#include "options.hpp"

#include <sstream>

#include <xapian.h>
#include <boost/program_options.hpp>

#include "error.hpp"
#include "query.hpp"

namespace news::searcher {

namespace po = boost::program_options;

namespace {

constexpr const char* kQuery = "query";
constexpr long long kMaxCount = 1'000'000'000;  // fits Xapian::doccount with room to spare
constexpr long long kMaxFacetLimit = 10'000;

po::options_description visible_options() {
    po::options_description d("Options", 100, 50);
    // clang-format off
    d.add_options()
        ("help,h", "show this help and exit")
        ("version,V", "show the version and exit")
        ("db", po::value<std::string>()->value_name("PATH"),
         "database to search (default: $NEWS_DB, else $XDG_DATA_HOME/news-search/db)")
        ("limit,n", po::value<long long>()->default_value(10)->value_name("N"),
         "show at most N hits")
        ("offset", po::value<long long>()->default_value(0)->value_name("N"),
         "skip the first N hits (paging: --offset 10 shows hits 11-20)")
        ("since", po::value<std::string>()->value_name("DATE"),
         "only articles published on or after DATE: 2024-03-05, 2024-03, 2024, 20240305, "
         "05.03.2024, \"March 5 2024\", today, yesterday, 7d, \"2 weeks ago\"")
        ("until", po::value<std::string>()->value_name("DATE"),
         "only articles published on or before DATE (inclusive; a month or a year means up to "
         "its last day)")
        ("sort", po::value<std::string>()->default_value("relevance")->value_name("ORDER"),
         "relevance (best first, newest first among equals) or date (newest first)")
        ("lang", po::value<std::string>()->default_value("en")->value_name("LANG"),
         "stemming language of the query words: en, de, fr, es, ... (to filter articles by "
         "language, use lang:xx in the query)")
        ("json", "print JSON Lines: one {\"type\":\"hit\"} object per hit, then a "
         "{\"type\":\"summary\"} object")
        ("color", po::value<std::string>()->default_value("auto")->value_name("WHEN"),
         "highlight matches in bold: never, always, or auto (when stdout is a terminal and "
         "NO_COLOR is not set)")
        ("person", po::value<std::vector<std::string>>()->composing()->value_name("NAME"),
         "only articles naming this person (\"Antony Blinken\", \"Blinken\"); repeat to "
         "require several")
        ("org", po::value<std::vector<std::string>>()->composing()->value_name("NAME"),
         "only articles naming this organisation (\"IMF\"); repeatable")
        ("place", po::value<std::vector<std::string>>()->composing()->value_name("NAME"),
         "only articles naming this place; repeatable")
        ("source", po::value<std::vector<std::string>>()->composing()->value_name("NAME"),
         "only articles from this source; repeat for any of several")
        ("facets", po::value<std::vector<std::string>>()->composing()->value_name("LIST"),
         "count all matches by person, org, place, source and date (a comma-separated list, "
         "or all)")
        ("facet-limit", po::value<long long>()->default_value(10)->value_name("N"),
         "show the N most frequent of each facet")
        ("by", po::value<std::string>()->value_name("UNIT"),
         "date facet by day, month or year (default: from the span of the matches); implies "
         "the date facet")
        ("all-copies", "show every copy of a syndicated story (by default copies fold into "
         "their best hit, shown with \"+N copies\")")
        ("copies", po::value<long long>()->value_name("DOCID"),
         "list every copy of the story of article DOCID (the docid of --json), newest first");
    // clang-format on
    return d;
}

po::options_description hidden_options() {
    po::options_description d;
    d.add_options()(kQuery, po::value<std::vector<std::string>>(), "query words");
    return d;
}

// The short flags; any other word starting with a single dash is a query word ("-sport").
bool is_short_flag(const std::string& token) {
    if (token == "-h" || token == "-V" || token == "-n") return true;
    if (token.size() > 2 && token.starts_with("-n")) {
        return token.find_first_not_of("0123456789", 2) == std::string::npos;
    }
    return false;
}

std::vector<po::option> dash_word_parser(std::vector<std::string>& args) {
    const std::string& token = args.front();
    if (token.size() < 2 || token[0] != '-' || token[1] == '-' || is_short_flag(token)) return {};
    po::option opt(kQuery, {token});
    opt.original_tokens.push_back(token);
    args.erase(args.begin());
    return {opt};
}

std::size_t count_flag(const po::variables_map& vm, const char* name) {
    long long v = vm[name].as<long long>();
    if (v < 0 || v > kMaxCount) {
        throw UsageError(std::string("--") + name + " must be a number from 0 to " +
                         std::to_string(kMaxCount) + ", not " + std::to_string(v));
    }
    return static_cast<std::size_t>(v);
}

}  // namespace

Options parse_options(const std::vector<std::string>& args) {
    po::options_description all;
    all.add(visible_options()).add(hidden_options());
    po::positional_options_description positional;
    positional.add(kQuery, -1);

    po::variables_map vm;
    std::vector<po::option> parsed_options;
    try {
        po::parsed_options parsed = po::command_line_parser(args)
                                        .options(all)
                                        .positional(positional)
                                        .extra_style_parser(&dash_word_parser)
                                        .run();
        parsed_options = parsed.options;
        po::store(parsed, vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(std::string(e.what()) + " (see news-search --help)");
    }

    Options o;
    o.help = vm.count("help") > 0;
    o.version = vm.count("version") > 0;
    if (vm.count(kQuery)) {
        for (const std::string& word : vm[kQuery].as<std::vector<std::string>>()) {
            if (!o.query.empty()) o.query += ' ';
            o.query += word;
        }
    }
    if (vm.count("db")) o.db = vm["db"].as<std::string>();
    if (vm.count("since")) o.since = vm["since"].as<std::string>();
    if (vm.count("until")) o.until = vm["until"].as<std::string>();
    o.limit = count_flag(vm, "limit");
    o.offset = count_flag(vm, "offset");
    o.lang = vm["lang"].as<std::string>();
    o.json = vm.count("json") > 0;
    o.all_copies = vm.count("all-copies") > 0;
    if (vm.count("copies")) {
        long long id = vm["copies"].as<long long>();
        if (id < 1 || id > 0xFFFFFFFFLL)
            throw UsageError("--copies needs a document id (the docid of a hit), not " +
                             std::to_string(id));
        o.copies_of = static_cast<Xapian::docid>(id);
    }

    // Entity flags in the order given, across kinds (messages name the first problem).
    for (const po::option& opt : parsed_options) {
        EntityType type;
        if (opt.string_key == "person") {
            type = EntityType::Person;
        } else if (opt.string_key == "org") {
            type = EntityType::Organization;
        } else if (opt.string_key == "place") {
            type = EntityType::Place;
        } else {
            continue;
        }
        for (const std::string& v : opt.value)
            o.entities.push_back({type, v});
    }
    if (vm.count("source")) o.sources = vm["source"].as<std::vector<std::string>>();
    if (vm.count("facets")) {
        FacetRequest all;
        for (const std::string& list : vm["facets"].as<std::vector<std::string>>()) {
            FacetRequest f = parse_facet_list(list);
            all.person |= f.person;
            all.org |= f.org;
            all.place |= f.place;
            all.source |= f.source;
            all.date |= f.date;
        }
        o.facets = all;
    }
    {
        long long n = vm["facet-limit"].as<long long>();
        if (n < 1 || n > kMaxFacetLimit) {
            throw UsageError("--facet-limit must be a number from 1 to " +
                             std::to_string(kMaxFacetLimit) + ", not " + std::to_string(n));
        }
        o.facets.limit = static_cast<std::size_t>(n);
    }
    if (vm.count("by")) {
        const std::string by = vm["by"].as<std::string>();
        o.facets.by = parse_granularity(by);
        if (!o.facets.by) {
            std::string shown = by.size() > 40 ? by.substr(0, 40) + "…" : by;
            for (char& c : shown) {
                if (static_cast<unsigned char>(c) < 0x20) c = ' ';
            }
            throw UsageError("--by must be day, month or year, not '" + shown + "'");
        }
        o.facets.date = true;
    }

    const std::string sort = vm["sort"].as<std::string>();
    if (sort == "relevance") {
        o.sort = SortOrder::Relevance;
    } else if (sort == "date") {
        o.sort = SortOrder::Date;
    } else {
        throw UsageError("--sort must be relevance or date, not '" + sort + "'");
    }
    const std::string color = vm["color"].as<std::string>();
    if (color == "auto") {
        o.color = ColorMode::Auto;
    } else if (color == "always") {
        o.color = ColorMode::Always;
    } else if (color == "never") {
        o.color = ColorMode::Never;
    } else {
        throw UsageError("--color must be never, always or auto, not '" + color + "'");
    }
    return o;
}

Options parse_options(int argc, const char* const* argv) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i)
        args.emplace_back(argv[i]);
    return parse_options(args);
}

std::string help_text() {
    std::ostringstream out;
    out << "Usage: news-search [OPTIONS] QUERY...\n"
           "\n"
           "Search a news archive built by news-index. Every word of the query must match (the\n"
           "default operator is AND: a news search is narrowed by each word you add); words are\n"
           "stemmed, so \"elections\" also finds \"election\". Results show the best passage of\n"
           "each article with the matched words highlighted.\n"
           "\n"
           "Query syntax:\n"
           "  climate change               both words\n"
           "  climate OR weather           either word (AND, OR, NOT and XOR in capitals)\n"
           "  climate NOT sport            also: climate -sport; +word insists on a word\n"
           "  \"sea level rise\"             the exact phrase\n"
           "  flood NEAR dam               within 10 words of each other (NEAR/5: within 5)\n"
           "  elect*                       words starting with \"elect\"\n"
           "  title:budget                 the word in the title\n"
           "  site:example.com             from that host (scheme and www. are ignored)\n"
           "  source:\"Coastline Herald\"    from that source\n"
           "  lang:de                      articles in that language\n"
           "  author:\"Jane Doe\"            by that author\n"
           "  date:2024-01-01..2024-03-31  published in that range; also date:20240101..20240331,\n"
           "                               date:2024-01..2024-03, date:2024.. and date:..2023\n"
           "  person:\"Antony Blinken\"      articles naming that person (also org:, place:);\n"
           "                               a name several people share lists them to choose from\n"
           "With no query words, --since/--until, a date: range or a filter (--person, --org,\n"
           "--place, --source, person:...) list articles, newest first.\n"
           "Facets: --facets all counts every match by person, org, place, source and date (a bar\n"
           "chart by day, month or year).\n"
           "Copies: a wire story that several sites published is one hit, \"+N copies\" under it\n"
           "naming the other sources; --all-copies shows each, --copies DOCID lists one story's.\n"
           "\n"
        << visible_options()
        << "\n"
           "Environment: NEWS_DB (database path), NO_COLOR (no colour with --color auto).\n"
           "Exit status: 0 when something matched, 1 when nothing did, 2 on an error.\n";
    return out.str();
}

std::string version_text() {
    return std::string("news-search ") + NEWS_VERSION + " (Xapian " + Xapian::version_string() +
           ")";
}

SearchRequest make_request(const Options& options, const Date& today) {
    SearchRequest request;
    request.query.text = options.query;
    request.query.dates = parse_date_flags(options.since, options.until, today);
    request.query.today = today;
    request.limit = options.limit;
    request.offset = options.offset;
    request.sort = options.sort;
    request.language = options.lang;
    request.query.entities = options.entities;
    request.query.sources = options.sources;
    request.facets = options.facets;
    request.collapse = !options.all_copies;
    request.copies_of = options.copies_of;
    return request;
}

}  // namespace news::searcher

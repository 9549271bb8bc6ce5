#include "options.hpp"

#include <iostream>

#include <boost/program_options.hpp>

#include "error.hpp"
#include "stemmer.hpp"
#include "text.hpp"

namespace po = boost::program_options;

namespace news {

std::optional<IndexOptions> parse_index_options(int argc, const char* const argv[]) {
    IndexOptions o;
    bool compact_always = false, compact_never = false;
    po::options_description visible(
        "Usage: news-index [options] PATH...\n"
        "Index news articles from files and folders (recursively) into a search database.\n"
        "PATH may be an HTML page, a plain-text scrape, a JSON Lines file, a Reuters-21578 SGML\n"
        "file, any of them compressed (.gz, .zst, .bz2, .xz), a folder of them, or - for\n"
        "standard input. Formats are recognised by content. Indexing the same input again\n"
        "replaces changed documents and leaves unchanged ones, never adding copies; an\n"
        "interrupted run (Ctrl-C commits what is done) is resumed by running it again.\n\nOptions");
    // clang-format off
    visible.add_options()
        ("db", po::value(&o.db)->value_name("PATH"),
         "database to write (default: $NEWS_DB, else $XDG_DATA_HOME/news-search/db)")
        ("dry-run", po::bool_switch(&o.dry_run), "extract only; write nothing")
        ("json", po::bool_switch(&o.json),
         "with --dry-run: print each extracted record as one JSON object per line")
        ("compact", po::bool_switch(&compact_always),
         "compact the database at the end of the run (done by default when the run wrote a "
         "quarter or more of its documents): about half the size on disk")
        ("no-compact", po::bool_switch(&compact_never), "never compact the database")
        ("batch", po::value(&o.batch)->value_name("N")->default_value(1000),
         "documents per commit")
        ("max-doc-size", po::value(&o.max_document_mb)->value_name("MB")->default_value(32),
         "skip documents larger than this")
        ("url-map", po::value(&o.url_map)->value_name("FILE"),
         "tab-separated list of input files and their original URLs, as crawlers save "
         "beside their dumps: rows of PATH<TAB>URL or ID<TAB>PATH<TAB>URL (relative paths "
         "from FILE's folder; a header row is skipped). The URL becomes the document's URL "
         "and dates it when its path holds a date (/2023/11/07/)")
        ("no-entities", "do not tag people, organisations and places (faster)")
        ("verbatim-text", po::bool_switch(&o.verbatim_text),
         "index plain-text files exactly as they are: no title line, no boilerplate removal, "
         "lines kept (for text that is clean already)")
        ("language", po::value(&o.language)->value_name("CODE"),
         "the language of every document (ISO 639-1, e.g. en, de), instead of detecting it")
        ("jobs,j", po::value(&o.jobs)->value_name("N"),
         "threads cleaning and extracting documents (default: one per core); reading and "
         "writing have one thread each, and the output keeps the input's order")
        ("progress", po::bool_switch(&o.progress),
         "show the progress line even when standard error is not a terminal")
        ("log", po::value(&o.log_file)->value_name("FILE"),
         "write every skipped input and its reason to FILE, one tab-separated line each")
        ("quiet,q", po::bool_switch(&o.quiet),
         "print only errors and the summary (no progress line, no skip messages)")
        ("help,h", "show this help")
        ("version", "show the version");
    // clang-format on
    po::options_description hidden;
    hidden.add_options()("input", po::value(&o.inputs));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("input", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    if (vm.count("help")) {
        std::cout << visible << '\n';
        return std::nullopt;
    }
    if (vm.count("version")) {
        std::cout << "news-index " << NEWS_VERSION << '\n';
        return std::nullopt;
    }
    if (o.inputs.empty()) throw UsageError("no input given (try: news-index FOLDER, or --help)");
    if (o.json && !o.dry_run) throw UsageError("--json goes with --dry-run");
    if (o.batch == 0) throw UsageError("--batch must be at least 1");
    if (compact_always && compact_never)
        throw UsageError("--compact and --no-compact say opposite things: give one");
    if (compact_always) o.compact = IndexOptions::Compact::Always;
    if (compact_never) o.compact = IndexOptions::Compact::Never;
    if (vm.count("jobs") && o.jobs == 0) throw UsageError("--jobs must be at least 1");
    if (o.jobs > 256) throw UsageError("--jobs must be at most 256");
    o.entities = vm.count("no-entities") == 0;
    if (!o.language.empty()) {
        o.language = ascii_lower(o.language);
        if (!has_stemmer(o.language) && o.language.size() != 2)
            throw UsageError("--language: \"" + o.language + "\" is not an ISO 639-1 code");
    }
    return o;
}

}  // namespace news

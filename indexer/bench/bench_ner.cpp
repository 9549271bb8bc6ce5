// Entity tagging speed: tags every doc-N.txt of a folder (the text `eval-ner prepare` writes for
// a CoNLL split) in memory, one thread, and prints tokens per second for the fastest of three
// passes. Tokens are the tagger's own tokens, the unit the target is stated in. Also
// prints how long loading the model took, which every indexing run pays once.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "error.hpp"
#include "extract/ner/tagger.hpp"
#include "extract/ner/tokenizer.hpp"

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: bench-ner FOLDER [MODEL]\n");
        return 2;
    }
    try {
        std::vector<std::string> docs;
        for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
            if (entry.path().extension() != ".txt") continue;
            std::ifstream in(entry.path(), std::ios::binary);
            docs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        std::sort(docs.begin(), docs.end());
        size_t tokens = 0, bytes = 0;
        for (const std::string& d : docs) {
            tokens += news::ner::tokenize(d).tokens.size();
            bytes += d.size();
        }
        std::string model = argc == 3 ? argv[2] : news::EntityTagger::default_model_path();
        auto t0 = std::chrono::steady_clock::now();
        news::EntityTagger tagger = news::EntityTagger::load(model);
        std::chrono::duration<double> load = std::chrono::steady_clock::now() - t0;

        double best = 1e300;
        size_t mentions = 0;
        for (int run = 0; run < 3; ++run) {
            auto start = std::chrono::steady_clock::now();
            mentions = 0;
            for (const std::string& d : docs)
                mentions += tagger.tag(d).size();
            std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
            best = std::min(best, took.count());
        }
        std::printf("model load: %.1f ms\n", load.count() * 1000);
        std::printf("%zu documents, %zu tokens, %.1f MB, %zu mentions\n", docs.size(), tokens,
                    bytes / 1e6, mentions);
        std::printf("tagging, best of 3: %.3f s = %.0f tokens/s (%.1f MB/s), one thread\n", best,
                    tokens / best, bytes / 1e6 / best);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench-ner: %s\n", e.what());
        return 2;
    }
    return 0;
}

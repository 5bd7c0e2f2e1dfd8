#pragma once
// A synthetic news corpus for benchmarks: JSONL articles in Arabic and
// English built from sentence templates (data/bench/templates.yaml) filled
// with catalog names, invented names, dates and numbers. Deterministic for a
// seed, so a benchmark can be rerun on the same bytes.

#include <cstdint>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "bench/random.hpp"
#include "kb/catalog.hpp"

namespace aikg::bench {

struct GeneratorOptions {
    std::uint64_t bytes = 20'000'000;  // article text to write, at least
    std::uint64_t seed = 1;
    double english_share = 0.4;   // articles in English; the rest are Arabic
    // Sentences that state no relation. 0.8 gives about 3 facts per KB of
    // text, the density aikg finds in the sample corpus of real articles
    // (145 facts in 50 KB); with fewer fillers the corpus would be denser
    // in relations than any news site.
    double filler_share = 0.8;
    double diacritics = 0.03;     // Arabic words given a short vowel, as some sites write them
    // Words (Arabic of three letters or more, lowercase Latin of four or
    // more) given an ending no other word has, so that this share of the
    // text's words is met for the first time. Templates repeat their words;
    // real news keeps bringing new ones (a few in a hundred over millions of
    // words), each of which aikg learns on first sight.
    double new_words = 0;
};

struct GeneratedCorpus {
    std::uint64_t articles = 0;
    std::uint64_t text_bytes = 0;  // article texts (what MB/s figures count)
    std::uint64_t file_bytes = 0;  // the JSONL written
};

class CorpusGenerator {
public:
    // Throws kb::DataError naming file:line for a template file that is not
    // as documented in its header.
    CorpusGenerator(const kb::Catalog& catalog, const std::filesystem::path& templates);

    GeneratedCorpus write(std::ostream& out, const GeneratorOptions& options) const;

private:
    struct Template {
        std::string id;
        std::string text;
    };
    struct Language {
        std::string code;
        std::string list_joiner, last_joiner, pair_joiner;
        std::vector<Template> relations;
        std::vector<std::string> filler;
        std::vector<std::string> titles;
        std::vector<std::string> months;
    };
    struct Name {
        std::string latin;                // the canonical name or a Latin alias
        std::vector<std::string> arabic;  // Arabic aliases
        std::vector<std::string> latin_aliases;
    };

    std::string fill(const std::string& text, const Language& lang, Random& random) const;
    std::string pick_name(const std::string& type, const Language& lang, const std::string& word_before, Random& random,
                          std::vector<const Name*>& used) const;
    std::string invented(const std::string& type, const Language& lang, Random& random) const;
    // `new_words` counts the endings given so far (GeneratorOptions::new_words).
    std::string article(const Language& lang, const GeneratorOptions& options, Random& random, std::uint64_t& new_words) const;

    std::map<std::string, Language> languages_;
    std::map<std::string, std::vector<Name>> names_by_type_;
};

}  // namespace aikg::bench

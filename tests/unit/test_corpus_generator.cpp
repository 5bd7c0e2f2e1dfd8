#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "bench/corpus_generator.hpp"
#include "kb/catalog.hpp"
#include "project_files.hpp"
#include "text/utf8.hpp"

namespace {

std::string generate(const aikg::bench::GeneratorOptions& options) {
    static const auto catalog = aikg::kb::Catalog::load(kSource / "graph", project_ontology());
    static const aikg::bench::CorpusGenerator generator(catalog, kSource / "data" / "bench" / "templates.yaml");
    std::stringstream out;
    generator.write(out, options);
    return out.str();
}

// How often each word of the articles' texts occurs, read by code points:
// runs of lowercase Latin letters (four or more) and of Arabic letters and
// marks (three or more), the words the generator may give new endings.
std::map<std::string, int> word_counts(const std::string& jsonl) {
    enum class Script { None, Latin, Arabic };
    auto script_of = [](char32_t c) {
        if (c >= U'a' && c <= U'z') return Script::Latin;
        if (c >= 0x0600 && c <= 0x06FF) return Script::Arabic;
        return Script::None;
    };
    std::map<std::string, int> counts;
    std::istringstream lines(jsonl);
    for (std::string line; std::getline(lines, line);) {
        const std::string text = nlohmann::json::parse(line)["text"];
        std::string word;
        std::size_t letters = 0;
        Script current = Script::None;
        auto close_word = [&] {
            if (letters >= (current == Script::Arabic ? 3u : 4u)) ++counts[word];
            word.clear();
            letters = 0;
        };
        for (std::size_t pos = 0; pos < text.size();) {
            const std::size_t at = pos;
            const Script script = script_of(aikg::text::decode_next(text, pos));
            if (script != current) close_word();
            current = script;
            if (script == Script::None) continue;
            word.append(text, at, pos - at);
            ++letters;
        }
        close_word();
    }
    return counts;
}

}  // namespace

TEST_CASE("a corpus with new words brings the asked share of words met once, the same for a seed") {
    const std::string plain = generate({.bytes = 300'000, .seed = 3});
    CHECK(plain == generate({.bytes = 300'000, .seed = 3, .new_words = 0}));  // the default corpus is unchanged
    const std::string with_new = generate({.bytes = 300'000, .seed = 3, .new_words = 0.07});
    CHECK(with_new == generate({.bytes = 300'000, .seed = 3, .new_words = 0.07}));

    auto met_once_share = [](const std::map<std::string, int>& counts) {
        int words = 0, once = 0;
        for (const auto& [word, n] : counts) {
            words += n;
            once += n == 1 ? 1 : 0;
        }
        return static_cast<double>(once) / words;
    };
    const double plain_share = met_once_share(word_counts(plain));
    const double new_share = met_once_share(word_counts(with_new));
    CAPTURE(plain_share);
    CAPTURE(new_share);
    CHECK(plain_share < 0.03);  // templates repeat their words (invented names are the ones met once)
    CHECK(new_share > plain_share + 0.05);
    CHECK(new_share < plain_share + 0.09);
}

#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "bench/corpus_generator.hpp"
#include "kb/catalog.hpp"
#include "project_files.hpp"

namespace {

std::string generate(const aikg::bench::GeneratorOptions& options) {
    static const auto catalog = aikg::kb::Catalog::load(kSource / "graph", project_ontology());
    static const aikg::bench::CorpusGenerator generator(catalog, kSource / "data" / "bench" / "templates.yaml");
    std::stringstream out;
    generator.write(out, options);
    return out.str();
}

// How often each word of the articles' texts occurs: runs of lowercase
// Latin letters (four or more) and of Arabic letters (three or more),
// the words the generator may give new endings.
std::map<std::string, int> word_counts(const std::string& jsonl) {
    std::map<std::string, int> counts;
    std::istringstream lines(jsonl);
    for (std::string line; std::getline(lines, line);) {
        const std::string text = nlohmann::json::parse(line)["text"];
        std::size_t i = 0;
        while (i < text.size()) {
            const auto b = static_cast<unsigned char>(text[i]);
            const bool arabic = b == 0xD8 || b == 0xD9, latin = b >= 'a' && b <= 'z';
            if (!arabic && !latin) {
                ++i;
                continue;
            }
            std::size_t end = i, letters = 0;
            while (end < text.size()) {
                const auto c = static_cast<unsigned char>(text[end]);
                if (arabic && (c == 0xD8 || c == 0xD9) && end + 1 < text.size()) end += 2;
                else if (latin && c >= 'a' && c <= 'z') end += 1;
                else break;
                ++letters;
            }
            if (letters >= (arabic ? 3u : 4u)) ++counts[text.substr(i, end - i)];
            i = end;
        }
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

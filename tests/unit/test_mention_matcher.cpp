#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "extract/mention_matcher.hpp"
#include "kb/catalog.hpp"
#include "project_files.hpp"
#include "text/clitics.hpp"

TEST_CASE("a name's first word is a root, and no other word is, however the catalog trie turns others down early") {
    const auto catalog = aikg::kb::Catalog::load(kSource / "graph", project_ontology());
    const aikg::extract::MentionMatcher names(catalog);
    std::set<std::string, std::less<>> first_words;
    for (const auto& [key, id] : catalog.ids_by_key()) first_words.insert(key.substr(0, key.find(' ')));
    REQUIRE(first_words.size() > 500);
    std::vector<std::string> stems{"", "x", "\xD9\x85\xD8\xB2\xD9\x8A\xD8\xAF"};
    for (const std::string& w : first_words) {
        stems.push_back(w);
        stems.push_back("\xD8\xA7\xD9\x84" + w);  // with the article, which root_of takes off
        stems.push_back(w + "s");
        for (std::size_t cut = 1; cut < w.size(); ++cut) stems.push_back(w.substr(0, cut));
        if (!w.empty()) stems.push_back(static_cast<char>(w[0] ^ 1) + w.substr(1));
    }
    std::size_t roots = 0;
    for (const std::string& stem : stems) {
        CAPTURE(stem);
        const bool is_first_word = first_words.contains(aikg::text::strip_article(stem));
        const std::uint32_t root = names.root_of(stem);
        CHECK((root != aikg::extract::MentionMatcher::kNoNode) == is_first_word);
        if (is_first_word) CHECK(root < names.node_count());
        roots += is_first_word ? 1 : 0;
    }
    CHECK(roots >= first_words.size());
}

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "extract/rules.hpp"
#include "project_files.hpp"

namespace {

using aikg::extract::Phrase;
using aikg::extract::PhraseList;
using aikg::extract::RuleSet;
using aikg::extract::WordPattern;

// Every numbered word of a rule set: (bytes, written with '*') by number.
std::map<std::uint32_t, std::pair<std::string, bool>> words_of(const RuleSet& rules) {
    std::map<std::uint32_t, std::pair<std::string, bool>> words;
    auto phrase = [&words](const Phrase& p) {
        for (const WordPattern& w : p.words)
            if (w.id != aikg::extract::kNoWordId) words[w.id] = {w.word, w.prefix};
    };
    auto list = [&phrase](const PhraseList& l) {
        for (const Phrase& p : l) phrase(p);
    };
    for (const auto& rule : rules.rules)
        for (const auto& e : rule.pattern) list(e.phrases);
    for (const auto& c : rules.categories)
        for (const auto& e : c.rule.pattern) list(e.phrases);
    for (const auto& a : rules.anaphora) phrase(a.phrase);
    for (const auto& [p, month] : rules.attributes.months) phrase(p);
    for (const auto& [level, phrases] : rules.attributes.openness) list(phrases);
    for (const auto& [p, unit] : rules.attributes.parameter_units) phrase(p);
    list(rules.attributes.parameter_nouns);
    for (const PhraseList* l : {&rules.negation, &rules.negation_exceptions, &rules.hedge, &rules.list_separators, &rules.barriers,
                                &rules.not_a_name, &rules.name_stopwords, &rules.type_cue_stops})
        list(*l);
    for (const auto& [name, phrases] : rules.lexicons) list(phrases);
    for (const auto& [type, phrases] : rules.type_cues) list(phrases);
    return words;
}

// What lookup() must give, worked out from the words themselves: the prefix
// words the stem starts with, shortest first, then the word it is.
std::vector<std::uint32_t> expected(const std::map<std::uint32_t, std::pair<std::string, bool>>& words, const std::string& stem) {
    std::vector<std::uint32_t> out;
    for (std::size_t length = 1; length <= stem.size(); ++length)
        for (const auto& [id, word] : words)
            if (word.second && word.first.size() == length && stem.starts_with(word.first)) out.push_back(id);
    for (const auto& [id, word] : words)
        if (!word.second && word.first == stem) out.push_back(id);
    return out;
}

}  // namespace

TEST_CASE("a word index finds exactly the words a stem is or starts with, however it turns others down early") {
    const auto sets = aikg::extract::load_rules(kSource / "schemas" / "rules", project_ontology());
    REQUIRE(sets.size() >= 2);
    for (const RuleSet& rules : sets) {
        CAPTURE(rules.language);
        const auto words = words_of(rules);
        REQUIRE(words.size() == rules.words.size());  // every numbered word was found above
        // The words, and stems near them: longer, cut short at every byte,
        // with another first or last byte, and run together.
        std::vector<std::string> stems{"", "x", "zzzz", "\xD9\x85\xD8\xB2\xD9\x8A\xD8\xAF"};
        for (const auto& [id, word] : words) {
            const std::string& w = word.first;
            stems.push_back(w);
            stems.push_back(w + "s");
            stems.push_back(w + "\xD8\xAA");
            stems.push_back(w + "ing" + w);
            for (std::size_t cut = 1; cut < w.size(); ++cut) stems.push_back(w.substr(0, cut));
            if (!w.empty()) {
                stems.push_back(static_cast<char>(w[0] ^ 1) + w.substr(1));
                stems.push_back(w.substr(0, w.size() - 1) + static_cast<char>(w.back() ^ 1));
            }
        }
        std::size_t found = 0;
        for (const std::string& stem : stems) {
            CAPTURE(stem);
            std::vector<std::uint32_t> got;
            rules.words.lookup(stem, got);
            CHECK(got == expected(words, stem));
            found += got.empty() ? 0 : 1;
        }
        CHECK(found > words.size());  // not a test of an index that finds nothing
    }
}

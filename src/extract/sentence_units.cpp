#include "extract/sentence_units.hpp"

#include <cassert>

namespace aikg::extract {
namespace {

constexpr std::uint32_t kMaxSeparatorTokens = 2;  // ", and" / "، و"

bool starts_with_conjunction(const Mention& m) {
    return m.proclitic.starts_with("\xD9\x88") || m.proclitic.starts_with("\xD9\x81");  // و ف
}

}  // namespace

void build_units(const AnalyzedText& text, const SentenceTokens& sentence, const std::vector<Mention>& mentions,
                 const RuleSet& rules, const CompoundTest& compound, const ListTest& listable, std::vector<Unit>& merged) {
    merged.clear();
    merged.reserve(sentence.end_token - sentence.first_token);
    // Each unit in turn; a name after a name and up to two separator words
    // joins it in one list unit, left to right.
    auto take = [&](const Unit& unit) {
        if (!unit.is_name() || merged.empty()) {
            merged.push_back(unit);
            return;
        }
        // Look back over up to two separator words to the previous name.
        std::size_t back = merged.size();
        std::uint32_t separators = 0;
        bool ok = true;
        while (back > 0 && !merged[back - 1].is_name()) {
            const Unit& word = merged[back - 1];
            if (separators == kMaxSeparatorTokens || match_any(rules.list_separators, text, word.first_token, word.end_token) == 0) {
                ok = false;
                break;
            }
            ++separators;
            --back;
        }
        const bool joined = ok && back > 0 && merged[back - 1].is_name() &&
                            (((separators > 0 || starts_with_conjunction(*unit.members.front())) &&
                              listable(*merged[back - 1].members.back(), *unit.members.front())) ||
                             (separators == 0 && compound(*merged[back - 1].members.back(), *unit.members.front())));
        if (!joined) {
            merged.push_back(unit);
            return;
        }
        merged.resize(back);
        Unit& list = merged.back();
        list.end_token = unit.end_token;
        // Only separator words stood between: the next mention follows the list's last.
        assert(list.members.back() + 1 == unit.members.front());
        list.members = UnitMembers(list.members.front(), unit.members.back() + 1);
    };
    std::size_t m = 0;
    for (std::uint32_t t = sentence.first_token; t < sentence.end_token;) {
        if (m < mentions.size() && mentions[m].first_token == t) {
            take(Unit{t, mentions[m].end_token, {&mentions[m], &mentions[m] + 1}});
            t = mentions[m].end_token;
            ++m;
        } else {
            Unit word{t, t + 1, {}};
            word.barrier = match_any(rules.barriers, text, t, t + 1) > 0;
            take(word);
            ++t;
        }
    }
}

}  // namespace aikg::extract

#include "extract/word_index.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>

#include "extract/rules.hpp"
#include "text/word_hash.hpp"

namespace aikg::extract {

std::uint32_t WordIndex::intern(std::string_view word, bool prefix) {
    std::uint32_t node = 0;
    for (const char c : word) {
        const auto byte = static_cast<unsigned char>(c);
        auto& children = building_.children[node];
        auto it = std::find_if(children.begin(), children.end(), [byte](const auto& child) { return child.first == byte; });
        if (it != children.end()) {
            node = it->second;
            continue;
        }
        const auto created = static_cast<std::uint32_t>(building_.children.size());
        children.emplace_back(byte, created);
        building_.children.emplace_back();
        building_.exact.push_back(kNoWordId);
        building_.prefix.push_back(kNoWordId);
        node = created;
    }
    std::uint32_t& id = prefix ? building_.prefix[node] : building_.exact[node];
    if (id == kNoWordId) id = word_count_++;
    return id;
}

void WordIndex::index_phrases(PhraseList& phrases) {
    phrases.by_first_word.clear();
    phrases.fully_indexed = true;
    for (std::uint32_t i = 0; i < phrases.size(); ++i) {
        for (WordPattern& word : phrases[i].words) word.id = intern(word.word, word.prefix);
        if (phrases[i].words.empty()) phrases.fully_indexed = false;
        else phrases.by_first_word.emplace_back(phrases[i].words.front().id, i);
    }
    std::sort(phrases.by_first_word.begin(), phrases.by_first_word.end());
    phrases.first_words.clear();
    for (const auto& [id, index] : phrases.by_first_word) {
        if (id / 64 >= phrases.first_words.size()) phrases.first_words.resize(id / 64 + 1, 0);
        phrases.first_words[id / 64] |= std::uint64_t{1} << (id % 64);
    }
}

void WordIndex::freeze() {
    const std::size_t count = building_.children.size();
    nodes_.assign(count, {});
    child_bytes_.clear();
    child_nodes_.clear();
    for (std::size_t n = 0; n < count; ++n) {
        auto children = building_.children[n];
        std::sort(children.begin(), children.end());
        nodes_[n].first_child = static_cast<std::uint32_t>(child_bytes_.size());
        nodes_[n].child_count = static_cast<std::uint32_t>(children.size());
        nodes_[n].exact_id = building_.exact[n];
        nodes_[n].prefix_id = building_.prefix[n];
        for (const auto& [byte, node] : children) {
            child_bytes_.push_back(byte);
            child_nodes_.push_back(node);
        }
    }
    building_ = {};
    build_filters();
}

namespace {
constexpr std::size_t kWholeWord = SIZE_MAX;
constexpr std::size_t kMaxPrefixDepth = 8;
}  // namespace

std::uint64_t WordIndex::Filter::hash(std::string_view opening) {
    const std::size_t n = opening.size();
    if (n > 8) return text::word_hash(opening);
    // Short openings without a copy of variable length (a call), and with
    // their length: no two of them share the number hashed.
    const std::uint64_t bytes = text::short_bytes(reinterpret_cast<const unsigned char*>(opening.data()), n);
    return (bytes ^ (bytes >> 29) ^ (std::uint64_t{n} << 59)) * 0x9E3779B97F4A7C15ULL;
}

void WordIndex::build_filters() {
    // Every word with its bytes from the root, depth first.
    std::vector<std::pair<std::string, bool>> words;  // (word, is a prefix word)
    std::vector<std::pair<std::uint32_t, std::string>> stack{{0, {}}};
    while (!stack.empty()) {
        auto [node, path] = std::move(stack.back());
        stack.pop_back();
        if (nodes_[node].exact_id != kNoWordId) words.emplace_back(path, false);
        if (nodes_[node].prefix_id != kNoWordId) words.emplace_back(path, true);
        for (std::uint32_t i = 0; i < nodes_[node].child_count; ++i)
            stack.emplace_back(child_nodes_[nodes_[node].first_child + i], path + static_cast<char>(child_bytes_[nodes_[node].first_child + i]));
    }
    exact_filter_ = {{}, kWholeWord};
    prefix_filter_ = {{}, kMaxPrefixDepth};
    for (const auto& [word, prefix] : words)
        if (prefix) prefix_filter_.depth = std::min(prefix_filter_.depth, word.size());
    // A prefix word of no bytes starts every stem: no filter then.
    if (prefix_filter_.depth == 0) {
        exact_filter_.depth = 0;
        return;
    }
    for (const auto& [word, prefix] : words) (prefix ? prefix_filter_ : exact_filter_).add(word);
}

std::uint64_t next_generation() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

WordIndex WordIndex::build(RuleSet& rules) {
    WordIndex index;
    index.generation_ = next_generation();
    for (Rule& rule : rules.rules)
        for (PatternElement& e : rule.pattern) index.index_phrases(e.phrases);
    for (CategoryPattern& c : rules.categories)
        for (PatternElement& e : c.rule.pattern) index.index_phrases(e.phrases);
    for (Anaphor& a : rules.anaphora)
        for (WordPattern& w : a.phrase.words) w.id = index.intern(w.word, w.prefix);
    rules.anaphor_phrases.clear();
    for (const Anaphor& a : rules.anaphora) rules.anaphor_phrases.push_back(a.phrase);
    index.index_phrases(rules.anaphor_phrases);
    auto index_one = [&index](Phrase& p) {
        for (WordPattern& w : p.words) w.id = index.intern(w.word, w.prefix);
    };
    for (auto& [phrase, month] : rules.attributes.months) index_one(phrase);
    rules.attributes.month_phrases.clear();
    for (const auto& [phrase, month] : rules.attributes.months) rules.attributes.month_phrases.push_back(phrase);
    index.index_phrases(rules.attributes.month_phrases);
    for (auto& [openness, phrases] : rules.attributes.openness) index.index_phrases(phrases);
    rules.attributes.openness_phrases.clear();
    for (const auto& [openness, phrases] : rules.attributes.openness)
        rules.attributes.openness_phrases.insert(rules.attributes.openness_phrases.end(), phrases.begin(), phrases.end());
    index.index_phrases(rules.attributes.openness_phrases);
    for (auto& [phrase, unit] : rules.attributes.parameter_units) index_one(phrase);
    index.index_phrases(rules.attributes.parameter_nouns);
    for (auto* list : {&rules.negation, &rules.negation_exceptions, &rules.hedge, &rules.list_separators, &rules.barriers,
                       &rules.not_a_name, &rules.name_stopwords, &rules.type_cue_stops})
        index.index_phrases(*list);
    for (auto& [name, phrases] : rules.lexicons) index.index_phrases(phrases);
    for (auto& [type, phrases] : rules.type_cues) index.index_phrases(phrases);
    rules.type_cue_phrases.clear();
    for (const auto& [type, phrases] : rules.type_cues) rules.type_cue_phrases.insert(rules.type_cue_phrases.end(), phrases.begin(), phrases.end());
    index.index_phrases(rules.type_cue_phrases);
    index.freeze();
    // Sets the rule's required masks; returns its first required element's
    // words (its triggers), none when it requires no word.
    auto require = [](Rule& rule) {
        std::vector<std::uint32_t> triggers;
        rule.required_masks.clear();
        for (const PatternElement& e : rule.pattern) {
            if (e.kind != PatternElement::Kind::Words || e.optional || e.phrases.empty()) continue;
            std::vector<std::uint32_t> firsts;
            bool all_indexed = true;
            for (const Phrase& p : e.phrases) {
                if (p.words.empty() || p.words.front().id == kNoWordId) all_indexed = false;
                else firsts.push_back(p.words.front().id);
            }
            if (!all_indexed) continue;
            std::sort(firsts.begin(), firsts.end());
            firsts.erase(std::unique(firsts.begin(), firsts.end()), firsts.end());
            for (const std::uint32_t id : firsts) {
                if (rule.required_masks.empty() || rule.required_masks.back().ends_element || rule.required_masks.back().slot != id / 64)
                    rule.required_masks.push_back({id / 64, false, 0});
                rule.required_masks.back().mask |= std::uint64_t{1} << (id % 64);
            }
            if (!firsts.empty()) rule.required_masks.back().ends_element = true;
            if (triggers.empty()) triggers = std::move(firsts);
        }
        return triggers;
    };
    std::vector<std::vector<std::uint32_t>> by_trigger(index.size());
    rules.rules_without_trigger.clear();
    for (std::uint32_t r = 0; r < rules.rules.size(); ++r) {
        const std::vector<std::uint32_t> triggers = require(rules.rules[r]);
        if (triggers.empty()) rules.rules_without_trigger.push_back(r);
        for (const std::uint32_t word : triggers) by_trigger[word].push_back(r);
    }
    rules.trigger_begin.assign(1, 0);
    rules.trigger_rules.clear();
    rules.trigger_words.assign((by_trigger.size() + 63) / 64, 0);
    for (std::size_t word = 0; word < by_trigger.size(); ++word)
        if (!by_trigger[word].empty()) rules.trigger_words[word / 64] |= std::uint64_t{1} << (word % 64);
    for (const auto& word_rules : by_trigger) {
        rules.trigger_rules.insert(rules.trigger_rules.end(), word_rules.begin(), word_rules.end());
        rules.trigger_begin.push_back(static_cast<std::uint32_t>(rules.trigger_rules.size()));
    }
    rules.slot_counts.clear();
    for (const Rule& rule : rules.rules) rules.slot_counts.push_back(rule.slot_count);
    for (CategoryPattern& c : rules.categories) require(c.rule);
    return index;
}

void WordIndex::lookup(std::string_view stem, std::vector<std::uint32_t>& out) const {
    if (nodes_.empty()) return;
    // A stem shorter than every prefix word can start none of them.
    const bool may_start_prefix = stem.size() >= prefix_filter_.depth && prefix_filter_.may_hold(stem);
    if (!may_start_prefix && !exact_filter_.may_hold(stem)) return;
    std::uint32_t node = 0;
    for (const char c : stem) {
        const Node& n = nodes_[node];
        const auto byte = static_cast<unsigned char>(c);
        const unsigned char* first = child_bytes_.data() + n.first_child;
        const unsigned char* last = first + n.child_count;
        const unsigned char* found = std::lower_bound(first, last, byte);
        if (found == last || *found != byte) return;
        node = child_nodes_[n.first_child + static_cast<std::uint32_t>(found - first)];
        // A prefix word ends here: the stem starts with it ("أطلق*" in "أطلقت").
        if (nodes_[node].prefix_id != kNoWordId) out.push_back(nodes_[node].prefix_id);
    }
    if (nodes_[node].exact_id != kNoWordId) out.push_back(nodes_[node].exact_id);
}

}  // namespace aikg::extract

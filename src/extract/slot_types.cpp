#include "extract/slot_types.hpp"

#include <algorithm>

namespace aikg::extract {

TypeBits::TypeBits(const kb::Ontology& ontology, const std::vector<RuleSet>& rules) {
    sorted_ = ontology.node_types();
    for (const RuleSet& set : rules) {
        for (const Rule& rule : set.rules) {
            sorted_.insert(sorted_.end(), rule.subject_types.begin(), rule.subject_types.end());
            sorted_.insert(sorted_.end(), rule.object_types.begin(), rule.object_types.end());
        }
    }
    std::sort(sorted_.begin(), sorted_.end());
    sorted_.erase(std::unique(sorted_.begin(), sorted_.end()), sorted_.end());
    exact_ = sorted_.size() <= 64;
}

std::uint64_t TypeBits::bit(std::string_view type) const noexcept {
    // Asked for every name of every sentence with a rule to try: a scan that
    // compares lengths first beat the binary search's string comparisons
    // (a dozen types, most of different lengths).
    const std::size_t count = std::min<std::size_t>(sorted_.size(), 64);
    for (std::size_t i = 0; i < count; ++i)
        if (sorted_[i].size() == type.size() && sorted_[i] == type) return std::uint64_t{1} << i;
    return 0;
}

std::uint64_t TypeBits::bits(const std::vector<std::string>& types) const noexcept {
    std::uint64_t out = 0;
    for (const std::string& type : types) out |= bit(type);
    return out;
}

}  // namespace aikg::extract

#pragma once
// Entity types as bits, so that whether a name may fill a relation slot is a
// mask test. Rules ask it for every name at every place they try a slot, and
// comparing type names there cost a tenth of rule matching.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/rules.hpp"
#include "kb/ontology.hpp"

namespace aikg::extract {

class TypeBits {
public:
    // Numbers every type a slot can ask for: the ontology's node types and
    // every type a rule's subject or object lists.
    TypeBits(const kb::Ontology& ontology, const std::vector<RuleSet>& rules);

    // False when there are more types than bits: callers then compare names.
    bool exact() const noexcept { return exact_; }
    // The type's bit, or 0 for a type no slot asks for (it fits no slot).
    std::uint64_t bit(std::string_view type) const noexcept;
    std::uint64_t bits(const std::vector<std::string>& types) const noexcept;

private:
    std::vector<std::string> sorted_;
    bool exact_ = true;
};

}  // namespace aikg::extract

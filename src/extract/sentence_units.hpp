#pragma once
// A sentence as the pattern matcher sees it: plain words, and names, where a
// coordinated list of names ("Zoom وSpotify وInfosys", "AWS, Azure and GCP")
// is one unit so that a relation applies to each member.

#include <cstddef>
#include <functional>
#include <iterator>
#include <vector>

#include "extract/analyzed_text.hpp"
#include "extract/mention.hpp"
#include "extract/rules.hpp"

namespace aikg::extract {

// The names of a unit: consecutive mentions of the sentence, since a list
// never skips one (only separator words stand between its members). A view,
// not a vector: a vector per name was the most frequent allocation in extraction.
class UnitMembers {
public:
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = const Mention*;
        using difference_type = std::ptrdiff_t;
        using pointer = const Mention* const*;
        using reference = const Mention*;
        iterator() = default;
        explicit iterator(const Mention* at) : at_(at) {}
        const Mention* operator*() const { return at_; }
        iterator& operator++() {
            ++at_;
            return *this;
        }
        iterator operator++(int) { return iterator(at_++); }
        bool operator==(const iterator&) const = default;

    private:
        const Mention* at_ = nullptr;
    };
    UnitMembers() = default;
    UnitMembers(const Mention* first, const Mention* end) : first_(first), end_(end) {}
    std::size_t size() const { return static_cast<std::size_t>(end_ - first_); }
    bool empty() const { return first_ == end_; }
    const Mention* operator[](std::size_t i) const { return first_ + i; }
    const Mention* front() const { return first_; }
    const Mention* back() const { return end_ - 1; }
    iterator begin() const { return iterator(first_); }
    iterator end() const { return iterator(end_); }

private:
    const Mention* first_ = nullptr;
    const Mention* end_ = nullptr;
};

struct Unit {
    std::uint32_t first_token = 0;
    std::uint32_t end_token = 0;           // exclusive
    UnitMembers members;                   // empty for a plain word
    bool transparent = false;              // a name that gaps may pass over
    bool barrier = false;                  // a word gaps never cross (":", "؛")

    bool is_name() const noexcept { return !members.empty(); }
};

// Whether two names written side by side with nothing between them form one
// unit (a company and its lab: "Meta FAIR").
using CompoundTest = std::function<bool(const Mention& left, const Mention& right)>;
// Whether two names may be members of one list ("Zoom وSpotify" yes; an
// organisation and the person named after it, "Forrester، روان كيرنان", no).
using ListTest = std::function<bool(const Mention& left, const Mention& right)>;

// `mentions` are the sentence's mentions in token order, not overlapping.
// The units are written into `merged` (cleared first), which callers keep
// between sentences.
void build_units(const AnalyzedText& text, const SentenceTokens& sentence, const std::vector<Mention>& mentions,
                 const RuleSet& rules, const CompoundTest& compound, const ListTest& listable, std::vector<Unit>& merged);

}  // namespace aikg::extract

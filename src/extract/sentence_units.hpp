#pragma once
// A sentence as the pattern matcher sees it: plain words, and names, where a
// coordinated list of names ("Zoom وSpotify وInfosys", "AWS, Azure and GCP")
// is one unit so that a relation applies to each member.

#include <functional>
#include <vector>

#include "extract/analyzed_text.hpp"
#include "extract/mention.hpp"
#include "extract/rules.hpp"

namespace aikg::extract {

struct Unit {
    std::uint32_t first_token = 0;
    std::uint32_t end_token = 0;           // exclusive
    std::vector<const Mention*> members;   // empty for a plain word
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
std::vector<Unit> build_units(const AnalyzedText& text, const SentenceTokens& sentence,
                              const std::vector<Mention>& mentions, const RuleSet& rules, const CompoundTest& compound,
                              const ListTest& listable);

}  // namespace aikg::extract

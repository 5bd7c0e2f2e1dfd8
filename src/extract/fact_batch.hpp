#pragma once
// An article's facts kept past the extraction that found them (the build's
// writer stores them later, on another thread): their texts copied into one
// buffer. A vector of Fact was a dozen strings and two maps per fact, and
// making, moving and freeing them was 5% of a build.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "extract/fact.hpp"

namespace aikg::extract {

class FactBatch {
public:
    void add(const FactView& fact);
    std::size_t size() const noexcept { return facts_.size(); }
    bool empty() const noexcept { return facts_.empty(); }
    // Valid while the batch lives and nothing is added.
    std::vector<FactView> views() const;

private:
    struct Text {
        std::uint32_t begin = 0, size = 0;
    };
    struct Stored {
        Text article, subject, subject_type, relation, object, object_type, sentence, rule, lang, article_date, date;
        std::uint32_t start = 0, end = 0;
        double confidence = 0.0;
        std::int32_t subject_attributes = -1;  // in attributes_; -1 for none
        std::int32_t object_attributes = -1;
    };
    // A field equal to the previous fact's (the article, its date and
    // language, often the sentence) is kept once.
    Text keep(std::string_view text, Text previous);
    std::int32_t keep(const std::map<std::string, std::string>* attributes);

    std::string text_;
    std::vector<Stored> facts_;
    std::vector<std::map<std::string, std::string>> attributes_;
};

}  // namespace aikg::extract

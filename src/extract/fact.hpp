#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace aikg::extract {

// One relation stated by one sentence of one article, with its evidence.
struct Fact {
    std::string article;
    std::string subject;
    std::string subject_type;
    std::string relation;
    std::string object;
    std::string object_type;
    std::string sentence;
    std::uint32_t start = 0;  // byte offsets of the sentence in the original text
    std::uint32_t end = 0;
    std::string rule;         // ids of the rules that produced it, joined by '+'
    double confidence = 0.0;
    std::string lang;
    std::string article_date;  // the article's own date, when known (for first/last seen)
    // Stated in the same sentence: when (resolved against the article date),
    // and the subject's and object's openness and parameter count.
    std::string date;
    std::map<std::string, std::string> subject_attributes;
    std::map<std::string, std::string> object_attributes;
};

}  // namespace aikg::extract

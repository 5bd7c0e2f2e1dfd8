#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

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

// A fact as the extractor holds it before it is printed or stored: the same
// fields, read from the article, the entities and the rules in place.
// Writing facts from views copies no text (the evidence sentence is most of
// a fact's bytes); a Fact is materialised only for callers that keep it.
struct FactView {
    std::string_view article;
    std::string_view subject;
    std::string_view subject_type;
    std::string_view relation;
    std::string_view object;
    std::string_view object_type;
    std::string_view sentence;
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::string_view rule;
    double confidence = 0.0;
    std::string_view lang;
    std::string_view article_date;
    std::string_view date;
    const std::map<std::string, std::string>* subject_attributes = nullptr;  // none when null
    const std::map<std::string, std::string>* object_attributes = nullptr;

    static FactView of(const Fact& f) {
        return {f.article, f.subject, f.subject_type, f.relation, f.object, f.object_type, f.sentence, f.start, f.end, f.rule,
                f.confidence, f.lang, f.article_date, f.date, &f.subject_attributes, &f.object_attributes};
    }
    Fact materialise() const {
        static const std::map<std::string, std::string> kNoAttributes;
        return {std::string(article), std::string(subject), std::string(subject_type), std::string(relation), std::string(object),
                std::string(object_type), std::string(sentence), start, end, std::string(rule), confidence, std::string(lang),
                std::string(article_date), std::string(date), subject_attributes ? *subject_attributes : kNoAttributes,
                object_attributes ? *object_attributes : kNoAttributes};
    }
};

}  // namespace aikg::extract

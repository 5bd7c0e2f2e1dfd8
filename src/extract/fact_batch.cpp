#include "extract/fact_batch.hpp"

namespace aikg::extract {

FactBatch::Text FactBatch::keep(std::string_view text, Text previous) {
    if (std::string_view(text_).substr(previous.begin, previous.size) == text) return previous;
    const Text kept{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(text.size())};
    text_.append(text);
    return kept;
}

std::int32_t FactBatch::keep(const std::map<std::string, std::string>* attributes) {
    if (!attributes || attributes->empty()) return -1;
    attributes_.push_back(*attributes);
    return static_cast<std::int32_t>(attributes_.size() - 1);
}

void FactBatch::add(const FactView& f) {
    if (facts_.empty()) {
        // An article states a handful of facts, each a sentence and some names:
        // one allocation each instead of a vector doubling from one.
        facts_.reserve(8);
        text_.reserve(1024);
    }
    const Stored previous = facts_.empty() ? Stored{} : facts_.back();
    Stored s;
    s.article = keep(f.article, previous.article);
    s.subject = keep(f.subject, previous.subject);
    s.subject_type = keep(f.subject_type, previous.subject_type);
    s.relation = keep(f.relation, previous.relation);
    s.object = keep(f.object, previous.object);
    s.object_type = keep(f.object_type, previous.object_type);
    s.sentence = keep(f.sentence, previous.sentence);
    s.rule = keep(f.rule, previous.rule);
    s.lang = keep(f.lang, previous.lang);
    s.article_date = keep(f.article_date, previous.article_date);
    s.date = keep(f.date, previous.date);
    s.start = f.start;
    s.end = f.end;
    s.confidence = f.confidence;
    s.subject_attributes = keep(f.subject_attributes);
    s.object_attributes = keep(f.object_attributes);
    facts_.push_back(s);
}

std::vector<FactView> FactBatch::views() const {
    const std::string_view all(text_);
    auto text = [&all](Text t) { return all.substr(t.begin, t.size); };
    auto attributes = [this](std::int32_t i) { return i < 0 ? nullptr : &attributes_[static_cast<std::size_t>(i)]; };
    std::vector<FactView> out;
    out.reserve(facts_.size());
    for (const Stored& s : facts_)
        out.push_back({text(s.article), text(s.subject), text(s.subject_type), text(s.relation), text(s.object), text(s.object_type),
                       text(s.sentence), s.start, s.end, text(s.rule), s.confidence, text(s.lang), text(s.article_date), text(s.date),
                       attributes(s.subject_attributes), attributes(s.object_attributes)});
    return out;
}

}  // namespace aikg::extract

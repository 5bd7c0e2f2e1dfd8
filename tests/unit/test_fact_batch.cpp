#include <doctest/doctest.h>

#include "extract/fact_batch.hpp"
#include "extract/fact_writer.hpp"

using aikg::extract::Fact;
using aikg::extract::FactBatch;
using aikg::extract::FactView;

namespace {

std::string line_of(const FactView& f) {
    std::string line;
    aikg::extract::write_jsonl(line, f);
    return line;
}

Fact fact(std::string subject, std::string relation, std::string object, std::string sentence) {
    Fact f;
    f.article = "a-1";
    f.subject = std::move(subject);
    f.subject_type = "Organization";
    f.relation = std::move(relation);
    f.object = std::move(object);
    f.object_type = "Model";
    f.sentence = std::move(sentence);
    f.start = 10;
    f.end = 10 + static_cast<std::uint32_t>(f.sentence.size());
    f.rule = "en-released";
    f.confidence = 0.85;
    f.lang = "en";
    f.article_date = "2024-07-23";
    return f;
}

}  // namespace

TEST_CASE("a batch gives back every fact it was given, field for field") {
    std::vector<Fact> given;
    given.push_back(fact("Meta", "released", "Llama 3.1", "Meta released Llama 3.1 and Llama Guard."));
    given.push_back(fact("Meta", "released", "Llama Guard", "Meta released Llama 3.1 and Llama Guard."));  // the same sentence
    // Texts of the same length, one after the other, are still two texts.
    given.push_back(fact("Meta", "released", "Llama 2", "Meta released Llama 2 and Llama 3."));
    given.push_back(fact("Meta", "released", "Llama 3", "Meta released Llama 2 and Llama 3."));
    given.push_back(fact("Mistral AI", "released", "", "Mistral AI released it."));                       // an empty field
    given.back().subject_attributes = {{"openness", "open"}};
    given.back().object_attributes = {{"parameters", "7B"}, {"openness", "open"}};
    given.back().date = "2024-07";
    FactBatch batch;
    for (const Fact& f : given) batch.add(FactView::of(f));
    const std::vector<FactView> views = batch.views();
    REQUIRE(views.size() == given.size());
    CHECK(batch.size() == given.size());
    for (std::size_t i = 0; i < given.size(); ++i) {
        CAPTURE(i);
        // The line `aikg extract` prints holds every field, attributes included.
        CHECK(line_of(views[i]) == line_of(FactView::of(given[i])));
        const Fact back = views[i].materialise();
        CHECK(back.subject_attributes == given[i].subject_attributes);
        CHECK(back.object_attributes == given[i].object_attributes);
        CHECK(back.start == given[i].start);
        CHECK(back.end == given[i].end);
        CHECK(back.confidence == given[i].confidence);
    }
    // Views outlive the facts they were made from.
    given.clear();
    CHECK(views.back().subject == "Mistral AI");
    CHECK(views[0].sentence == views[1].sentence);
}

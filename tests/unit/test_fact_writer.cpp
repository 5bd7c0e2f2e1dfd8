#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <sstream>
#include <string>

#include "extract/fact_writer.hpp"

using aikg::extract::Fact;

namespace {

Fact fact_with_sentence(const std::string& sentence) {
    Fact f;
    f.article = "a\"1";
    f.subject = "Meta";
    f.subject_type = "Organization";
    f.relation = "released";
    f.object = "Llama \\ 3";
    f.object_type = "Model";
    f.sentence = sentence;
    f.start = 3;
    f.end = 3 + static_cast<std::uint32_t>(sentence.size());
    f.rule = "en.released";
    f.confidence = 0.8;
    f.lang = "en";
    f.subject_attributes = {{"openness", "open \"weights\""}};
    return f;
}

}  // namespace

TEST_CASE("a fact line escapes strings exactly as nlohmann::json dumps them, and reads back whole") {
    std::string every_control;
    for (char c = 1; c < 0x20; ++c) every_control += c;
    for (const std::string& sentence : {std::string("plain text, no escapes"), std::string("أطلقت \"ميتا\" نموذج Llama\\3"),
                                        "tab\there, newline\nthere" + every_control + "end", std::string("\"") , std::string("")}) {
        std::ostringstream out;
        aikg::extract::write_jsonl(out, fact_with_sentence(sentence));
        const std::string line = out.str();
        REQUIRE(!line.empty());
        CHECK(line.back() == '\n');
        CHECK(line.find(",\"sentence\":" + nlohmann::json(sentence).dump() + ",") != std::string::npos);
        const auto parsed = nlohmann::json::parse(line);
        CHECK(parsed["sentence"] == sentence);
        CHECK(parsed["article"] == "a\"1");
        CHECK(parsed["object"] == "Llama \\ 3");
        CHECK(parsed["subject_attributes"]["openness"] == "open \"weights\"");
        CHECK(parsed["confidence"] == 0.8);
    }
}

TEST_CASE("an escape is written wherever it falls in the writer's sixteen-byte steps") {
    for (const char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
        for (std::size_t at = 0; at < 40; ++at) {
            const std::string sentence = std::string(at, 'a') + "م" + special + "tail ذيل";
            std::ostringstream out;
            aikg::extract::write_jsonl(out, fact_with_sentence(sentence));
            CHECK_MESSAGE(out.str().find(",\"sentence\":" + nlohmann::json(sentence).dump() + ",") != std::string::npos, at);
        }
    }
}

TEST_CASE("a confidence is written rounded to three decimals, as nlohmann::json prints the rounded number") {
    for (const double confidence : {0.0, 0.0004, 0.0005, 0.1, 0.2, 0.3, 0.48, 0.5, 0.6, 0.6665, 0.7, 0.8, 0.85, 0.9, 0.936, 0.9995, 1.0, 1.5}) {
        std::ostringstream out;
        Fact f = fact_with_sentence("s");
        f.confidence = confidence;
        aikg::extract::write_jsonl(out, f);
        const std::string expected = nlohmann::json(std::round(confidence * 1000.0) / 1000.0).dump();
        CHECK_MESSAGE(out.str().find(",\"confidence\":" + expected + ",") != std::string::npos, confidence);
    }
}

TEST_CASE("a line whose every text escapes at full length fits and reads back whole") {
    // Each control byte becomes six ("\\u0001"): the line's longest form, in every field at once.
    const std::string worst(300, '\x01');
    Fact f;
    f.article = f.subject = f.subject_type = f.relation = f.object = f.object_type = f.sentence = f.rule = f.lang = worst;
    f.article_date = f.date = worst;
    f.start = 4'000'000'000U;
    f.end = 4'000'000'001U;
    f.confidence = 0.123456;
    f.subject_attributes = {{worst, worst}, {"a" + worst, worst}};
    f.object_attributes = {{worst, worst}};
    std::ostringstream out;
    aikg::extract::write_jsonl(out, f);
    const auto parsed = nlohmann::json::parse(out.str());
    for (const char* key : {"article", "subject", "subject_type", "relation", "object", "object_type", "sentence", "rule", "lang",
                            "article_date", "date"})
        CHECK(parsed[key] == worst);
    CHECK(parsed["start"] == 4'000'000'000U);
    CHECK(parsed["end"] == 4'000'000'001U);
    CHECK(parsed["subject_attributes"].size() == 2);
    CHECK(parsed["object_attributes"][worst] == worst);
    CHECK(parsed["confidence"] == 0.123);
}

TEST_CASE("lines appended to a string are the lines the stream gets, one after the other") {
    std::ostringstream stream;
    std::string appended = "earlier lines\n";
    for (const std::string& sentence : {std::string("first"), std::string(5000, 'x'), std::string("أطلقت \"ميتا\"")}) {
        aikg::extract::write_jsonl(stream, fact_with_sentence(sentence));
        aikg::extract::write_jsonl(appended, fact_with_sentence(sentence));
    }
    CHECK(appended == "earlier lines\n" + stream.str());
}

TEST_CASE("a fact written from a view is the line of the fact itself, and a view materialises to the same fact") {
    Fact f = fact_with_sentence("أطلقت \"ميتا\" نموذج Llama 3.1 في يوليو");
    f.article_date = "2024-07-23";
    f.date = "2024-07";
    f.object_attributes = {{"parameters", "405B"}};
    std::string from_fact, from_view, from_materialised;
    aikg::extract::write_jsonl(from_fact, f);
    const auto view = aikg::extract::FactView::of(f);
    aikg::extract::write_jsonl(from_view, view);
    aikg::extract::write_jsonl(from_materialised, view.materialise());
    CHECK(from_view == from_fact);
    CHECK(from_materialised == from_fact);
    // No attribute map at all writes as an empty one does: the key is left out.
    aikg::extract::FactView bare = view;
    bare.subject_attributes = nullptr;
    bare.object_attributes = nullptr;
    std::string from_bare;
    aikg::extract::write_jsonl(from_bare, bare);
    CHECK(from_bare.find("attributes") == std::string::npos);
    CHECK(bare.materialise().subject_attributes.empty());
}

TEST_CASE("a fact's attributes as JSON are what nlohmann::json dumps for them") {
    const std::map<std::string, std::string> attributes = {
        {"openness", "open-weights"}, {"parameters", "8x7B"}, {"note\"", "a\\b\n\x01 \xD9\x85\xD9\x81\xD8\xAA\xD9\x88\xD8\xAD"}};
    CHECK(aikg::extract::attributes_json(attributes) == nlohmann::json(attributes).dump());
    CHECK(aikg::extract::attributes_json({{"openness", "closed"}}) == R"({"openness":"closed"})");
}

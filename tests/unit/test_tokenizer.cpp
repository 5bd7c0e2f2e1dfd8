#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/normalizer.hpp"
#include "text/tokenizer.hpp"

using aikg::text::TokenKind;

namespace {
std::vector<std::string> words(const std::string& surface) {
    const std::string n = aikg::text::normalize(surface);
    std::vector<std::string> out;
    for (const auto& t : aikg::text::tokenize(n)) out.emplace_back(t.view(n));
    return out;
}
}  // namespace

TEST_CASE("a proclitic glued to a Latin name is split at the script change") {
    CHECK(words("وSpotify") == std::vector<std::string>{"و", "spotify"});
    CHECK(words("بـLlama 2") == std::vector<std::string>{"ب", "llama", "2"});
    CHECK(words("لـ Llama") == std::vector<std::string>{"ل", "llama"});
}

TEST_CASE("numbers keep their decimal point; letters and digits split") {
    CHECK(words("Llama 3.1") == std::vector<std::string>{"llama", "3.1"});
    CHECK(words("Llama3.1") == std::vector<std::string>{"llama", "3.1"});
    CHECK(words("8x7B") == std::vector<std::string>{"8", "x", "7", "b"});
    CHECK(words("350,000 تنزيل") == std::vector<std::string>{"350,000", "تنزيل"});
    CHECK(words("3.") == std::vector<std::string>{"3", "."});
}

TEST_CASE("token kinds and spacing are recorded") {
    const std::string n = aikg::text::normalize("Meta، أطلقت");
    const auto tokens = aikg::text::tokenize(n);
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[0].kind == TokenKind::Latin);
    CHECK(tokens[1].kind == TokenKind::Punct);
    CHECK_FALSE(tokens[1].space_before);
    CHECK(tokens[2].kind == TokenKind::Arabic);
    CHECK(tokens[2].space_before);
}

TEST_CASE("spelling variants of a versioned name share one matching key") {
    using aikg::text::matching_key;
    CHECK(matching_key("Llama 2") == "llama 2");
    CHECK(matching_key("LLaMA-2") == "llama 2");
    CHECK(matching_key("Llama2") == "llama 2");
    CHECK(matching_key("GPT-4o") == matching_key("gpt 4o"));
    CHECK(matching_key("Llama 2") != matching_key("Llama 3"));
    CHECK(matching_key("النماذج المفتوحة") == matching_key("نماذج مفتوحة"));
}

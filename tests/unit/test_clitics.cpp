#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text/clitics.hpp"
#include "text/normalizer.hpp"

namespace {
std::vector<std::string> stems(const std::string& word) {
    const std::string n = aikg::text::normalize(word);
    std::vector<std::string> out;
    for (const auto& r : aikg::text::proclitic_readings(n)) out.emplace_back(r.stem);
    return out;
}
bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), aikg::text::normalize(s)) != v.end();
}
}  // namespace

TEST_CASE("conjunctions, prepositions and the article are split off") {
    CHECK(has(stems("وميتا"), "ميتا"));
    CHECK(has(stems("فميتا"), "ميتا"));
    CHECK(has(stems("بميتا"), "ميتا"));
    CHECK(has(stems("كالنموذج"), "نموذج"));
    CHECK(has(stems("والنماذج"), "نماذج"));
    CHECK(has(stems("وبالنماذج"), "نماذج"));
    CHECK(has(stems("للشركة"), "شركة"));
    CHECK(has(stems("وللشركة"), "شركة"));
}

TEST_CASE("the word as written comes first and is kept") {
    const auto s = stems("لاما");
    REQUIRE_FALSE(s.empty());
    CHECK(s.front() == aikg::text::normalize("لاما"));
}

TEST_CASE("stems keep at least two letters") {
    CHECK_FALSE(has(stems("وب"), "ب"));
    CHECK(stems("ول").size() == 1);
}

TEST_CASE("Latin words are not stripped") {
    CHECK(stems("llama") == std::vector<std::string>{"llama"});
}

TEST_CASE("bare proclitic tokens are recognised") {
    using aikg::text::is_bare_proclitic;
    CHECK(is_bare_proclitic(aikg::text::normalize("و")));
    CHECK(is_bare_proclitic(aikg::text::normalize("لـ")));
    CHECK_FALSE(is_bare_proclitic(aikg::text::normalize("ميتا")));
}

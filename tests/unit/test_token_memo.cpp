#include <doctest/doctest.h>

#include <string>

#include "extract/token_memo.hpp"

using aikg::extract::TokenMemo;

namespace {

TokenMemo::Facts facts_of(std::uint8_t prefix, std::uint32_t root, std::uint32_t word) {
    return TokenMemo::Facts{{0, prefix}, {7, root}, {word}};
}

// What the memo gives back for `token`, in the shape it was remembered.
bool find(const TokenMemo& memo, std::string_view token, TokenMemo::Facts& out) {
    std::vector<aikg::text::CliticSplit> readings;
    TokenMemo::Ids roots, word_ids;
    out = {};
    if (!memo.append(token, readings, &roots, &word_ids)) return false;
    out.roots.assign(roots.begin(), roots.end());
    out.word_ids.assign(word_ids.begin(), word_ids.end());
    for (const auto& r : readings) {
        REQUIRE(std::string(r.prefix) + std::string(r.stem) == std::string(token));
        out.prefix_bytes.push_back(static_cast<std::uint8_t>(r.prefix.size()));
    }
    return true;
}

}  // namespace

TEST_CASE("a remembered token gives back its readings, roots and words; others are unknown") {
    TokenMemo memo(1, 2);
    memo.remember("والشركة", facts_of(2, 11, 5));
    memo.remember("Meta", TokenMemo::Facts{{0}, {}, {}});
    TokenMemo::Facts got;
    REQUIRE(find(memo, "والشركة", got));
    CHECK(got.prefix_bytes == std::vector<std::uint8_t>{0, 2});
    CHECK(got.roots == std::vector<std::uint32_t>{7, 11});
    CHECK(got.word_ids == std::vector<std::uint32_t>{5});
    REQUIRE(find(memo, "Meta", got));
    CHECK(got.prefix_bytes == std::vector<std::uint8_t>{0});
    CHECK(got.roots.empty());
    CHECK(got.word_ids.empty());
    CHECK_FALSE(find(memo, "meta", got));
    CHECK_FALSE(find(memo, "الشركة", got));
}

TEST_CASE("the memo starts over when full and keeps answering right") {
    TokenMemo memo(1, 1);
    TokenMemo::Facts got;
    // Far more distinct tokens than it keeps: every answer it gives must still be the token's own.
    for (std::uint32_t i = 0; i < 100000; ++i) {
        const std::string token = "w" + std::to_string(i);
        memo.remember(token, facts_of(1, i, i * 3));
        REQUIRE(find(memo, token, got));
        CHECK(got.word_ids.front() == i * 3);
    }
    CHECK_FALSE(find(memo, "w0", got));  // forgotten at a restart
    REQUIRE(find(memo, "w99999", got));
    CHECK(got.roots.back() == 99999);
}

TEST_CASE("tokens too long to be worth keeping are not kept") {
    TokenMemo memo(1, 1);
    const std::string url(200, 'x');
    memo.remember(url, facts_of(0, 1, 1));
    TokenMemo::Facts got;
    CHECK_FALSE(find(memo, url, got));
}

TEST_CASE("each rule set and catalog has its own memo on a thread") {
    TokenMemo& arabic = TokenMemo::of_thread(101, 7);
    TokenMemo& english = TokenMemo::of_thread(102, 7);
    CHECK(&arabic != &english);
    CHECK(&TokenMemo::of_thread(101, 7) == &arabic);
    arabic.remember("in", facts_of(0, 1, 42));
    TokenMemo::Facts got;
    CHECK_FALSE(find(english, "in", got));
    CHECK(arabic.is_for(101, 7));
    CHECK_FALSE(arabic.is_for(101, 8));
}

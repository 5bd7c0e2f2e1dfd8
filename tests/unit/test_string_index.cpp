#include <doctest/doctest.h>

#include <string>

#include "text/string_index.hpp"

using aikg::text::StringIndex;
using aikg::text::word_hash;

TEST_CASE("strings keep the numbers given with them through growth, and none once cleared") {
    StringIndex index(4);
    auto add = [&index](const std::string& s, std::uint32_t number) { index.add(s, word_hash(s), number); };
    auto find = [&index](const std::string& s) { return index.find(s, word_hash(s)); };
    for (std::uint32_t i = 0; i < 1000; ++i) add("w" + std::to_string(i), i * 3);
    add(std::string(70'000, 'x'), 7);  // long strings too
    CHECK(index.size() == 1001);
    CHECK(find("w0") == 0);
    CHECK(find("w999") == 2997);
    CHECK(find(std::string(70'000, 'x')) == 7);
    CHECK(find(std::string(69'999, 'x')) == StringIndex::kNone);
    CHECK(find("w1000") == StringIndex::kNone);
    CHECK(find("w") == StringIndex::kNone);  // a prefix of kept strings
    index.clear();
    CHECK(index.size() == 0);
    CHECK(find("w0") == StringIndex::kNone);
    add("w0", 42);
    CHECK(find("w0") == 42);
}

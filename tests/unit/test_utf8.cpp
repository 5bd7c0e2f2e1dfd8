#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "bench/random.hpp"

#include "text/utf8.hpp"

using aikg::text::find_invalid_utf8;

TEST_CASE("valid UTF-8 in Latin and Arabic passes") {
    CHECK_FALSE(find_invalid_utf8("Meta أطلقت Llama 3.1 😀").has_value());
    CHECK_FALSE(find_invalid_utf8("").has_value());
}

TEST_CASE("the first bad byte is reported by offset") {
    CHECK(find_invalid_utf8("abc\xFFxyz") == 3u);              // never valid
    CHECK(find_invalid_utf8("ab\xC3") == 2u);                  // truncated sequence at the end
    CHECK(find_invalid_utf8("a\xC0\xAF") == 1u);               // overlong '/'
    CHECK(find_invalid_utf8("ok \xED\xA0\x80 surrogate") == 3u);  // UTF-16 surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);        // above U+10FFFF
    CHECK(find_invalid_utf8("\xD9\x85\xD9") == 2u);            // Arabic letter then half of one
}

TEST_CASE("a bad byte is found at any offset within and after ASCII runs") {
    for (std::size_t before = 0; before < 40; ++before) {
        for (std::size_t after = 0; after < 12; ++after) {
            const std::string text = std::string(before, 'a') + "\xFF" + std::string(after, 'b');
            CHECK(find_invalid_utf8(text) == before);
            CHECK_FALSE(find_invalid_utf8(std::string(before, 'a') + "\xD9\x85" + std::string(after, 'b')));
        }
    }
}

namespace {

// The first offset where `bytes` stops being UTF-8, by Unicode's table of
// well-formed byte sequences, one character at a time: the reference the
// block-wise validator must agree with.
std::optional<std::size_t> first_invalid_by_the_table(const std::string& bytes) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    for (std::size_t i = 0; i < bytes.size();) {
        const unsigned c = s[i];
        std::size_t len = 1;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) len = 1;
        else if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        else return i;
        if (i + len > bytes.size()) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned b = s[i + k];
            if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return i;
        }
        i += len;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("mixed scripts with a broken byte anywhere: the first bad offset, as Unicode's table gives it") {
    aikg::bench::Random random(2026);
    const std::vector<std::string> pieces = {"a", " ", "Meta ", "م", "ميتا ", "é", "€", "😀", "\xC2\x85", "\xDF\xBF", "ab"};
    const std::vector<std::string> breaks = {"\xFF", "\xC0\xAF", "\xC1", "\xD9", "\x85", "\xE0\x80\x80", "\xED\xA0\x80",
                                             "\xF4\x90\x80\x80", "\xF5", "\xE2\x82", "\xD9\xD9"};
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const auto length = random.below(24);
        for (std::uint64_t i = 0; i < length; ++i) text += pieces[random.below(pieces.size())];
        if (random.chance(0.7)) text.insert(random.below(text.size() + 1), breaks[random.below(breaks.size())]);
        CAPTURE(text);
        CHECK(find_invalid_utf8(text) == first_invalid_by_the_table(text));
    }
}

TEST_CASE("binary data is told apart from text") {
    CHECK(aikg::text::looks_binary(std::string("PK\x03\x04\0\0", 6)));
    CHECK_FALSE(aikg::text::looks_binary("plain text\nwith lines\tand tabs"));
    CHECK_FALSE(aikg::text::looks_binary("نص عربي"));
}

TEST_CASE("a NUL or a share of control bytes anywhere in the probe makes binary, wherever it falls in a block") {
    for (std::size_t at = 0; at < 40; ++at) {
        std::string text(1000, 'x');
        text[at] = '\0';
        CHECK(aikg::text::looks_binary(text));
        text[at] = '\n';  // line breaks are text
        CHECK_FALSE(aikg::text::looks_binary(text));
    }
    std::string mostly_controls(1000, 'x');
    for (std::size_t i = 3; i < mostly_controls.size(); i += 10) mostly_controls[i] = '\x01';  // 10%
    CHECK(aikg::text::looks_binary(mostly_controls));
    std::string few_controls(1000, 'x');
    for (std::size_t i = 7; i < few_controls.size(); i += 40) few_controls[i] = '\x1B';  // 2.5%: escape codes in a log
    CHECK_FALSE(aikg::text::looks_binary(few_controls));
}

TEST_CASE("control bytes are counted exactly, in whole blocks and in the tail: binary past one in twenty") {
    // 1,000 bytes: 62 blocks of sixteen and a tail of eight.
    for (const std::size_t first : {std::size_t{0}, std::size_t{3}, std::size_t{995}}) {
        std::string text(1000, 'x');
        std::size_t placed = 0;
        for (std::size_t i = first; placed < 50; i = (i + 19) % 1000) {
            if (text[i] == '\x02') continue;
            text[i] = '\x02';
            ++placed;
        }
        CAPTURE(first);
        CHECK_FALSE(aikg::text::looks_binary(text));  // 50 of 1,000: exactly one in twenty
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] != 'x') continue;
            text[i] = '\x7F' - 0x70;  // 0x0F, another control
            break;
        }
        CHECK(aikg::text::looks_binary(text));  // 51
    }
    std::string tail_nul(1000, 'x');
    tail_nul[997] = '\0';
    CHECK(aikg::text::looks_binary(tail_nul));
    std::string late_controls(10000, 'x');
    for (std::size_t i = 8192; i < 10000; ++i) late_controls[i] = '\x01';  // past the probe
    CHECK_FALSE(aikg::text::looks_binary(late_controls));
}

TEST_CASE("decode and encode round-trip") {
    const std::string s = "aم😀";
    std::size_t pos = 0;
    std::string back;
    while (pos < s.size()) aikg::text::append_utf8(back, aikg::text::decode_next(s, pos));
    CHECK(back == s);
}

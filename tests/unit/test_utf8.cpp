#include <doctest/doctest.h>

#include <string>

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

TEST_CASE("decode and encode round-trip") {
    const std::string s = "aم😀";
    std::size_t pos = 0;
    std::string back;
    while (pos < s.size()) aikg::text::append_utf8(back, aikg::text::decode_next(s, pos));
    CHECK(back == s);
}

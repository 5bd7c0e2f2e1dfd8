#pragma once
// UTF-8 validation and code point stepping shared by every text stage.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace aikg::text {

// Thrown when input bytes are not UTF-8; carries the offset of the first bad byte
// so the caller can say exactly where the file is broken.
class InvalidUtf8 : public std::runtime_error {
public:
    explicit InvalidUtf8(std::size_t byte_offset);
    std::size_t byte_offset() const noexcept { return byte_offset_; }

private:
    std::size_t byte_offset_;
};

// Offset of the first byte that breaks UTF-8 (overlongs, surrogates and code
// points above U+10FFFF included), or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) noexcept;

// Decodes the code point starting at `pos` of valid UTF-8 and advances `pos`.
// Inline: the tokenizer and the sentence splitter call it for every character.
inline char32_t decode_next(std::string_view utf8, std::size_t& pos) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
    const unsigned char c = s[pos];
    if (c < 0x80) {
        ++pos;
        return c;
    }
    if (c < 0xE0) {
        const char32_t cp = (char32_t(c & 0x1F) << 6) | (s[pos + 1] & 0x3F);
        pos += 2;
        return cp;
    }
    if (c < 0xF0) {
        const char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(s[pos + 1] & 0x3F) << 6) | (s[pos + 2] & 0x3F);
        pos += 3;
        return cp;
    }
    const char32_t cp = (char32_t(c & 0x07) << 18) | (char32_t(s[pos + 1] & 0x3F) << 12) |
                        (char32_t(s[pos + 2] & 0x3F) << 6) | (s[pos + 3] & 0x3F);
    pos += 4;
    return cp;
}

void append_utf8(std::string& out, char32_t code_point);

// True when the bytes look like a binary file rather than text (NUL bytes or a
// high share of control characters), judged on a prefix.
bool looks_binary(std::string_view bytes) noexcept;

}  // namespace aikg::text

#pragma once
// A cursor over one line of JSON for the fast paths that read flat records
// (articles, facts) without building a JSON tree. It only recognises; a
// caller that meets anything it does not expect gives the line to the full
// parser, which also words the error.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace aikg::corpus {

// The length of the run at the start of `s` with no quote, backslash or
// control byte (below 0x20): what a JSON string holds as it is, and what a
// JSON writer copies without escaping. Sixteen bytes a step.
std::size_t plain_json_run(std::string_view s) noexcept;
// Whether a string of at most sixteen bytes is all plain, read in two
// overlapping loads within it: the names, types and ids of a fact line are
// that short, and a scan byte by byte missed its exit on each.
bool is_short_plain_json(std::string_view s) noexcept;

class JsonScanner {
public:
    explicit JsonScanner(std::string_view s) : s_(s) {}

    void skip_space() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
    }
    bool eat(char c) {
        skip_space();
        if (pos_ < s_.size() && s_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    bool at_end() {
        skip_space();
        return pos_ == s_.size();
    }
    char peek() {
        skip_space();
        return pos_ < s_.size() ? s_[pos_] : '\0';
    }

    // A JSON string at the cursor, unescaped into `out`.
    bool string(std::string& out);
    // A number, true, false or null at the cursor, checked but not kept.
    bool literal(bool& is_null);
    // A JSON number at the cursor: its text.
    bool number(std::string_view& text);
    // Whether a string read so far held a control character other than a
    // line break, tab or form feed. JSON writes every control as an escape,
    // so without one the decoded text cannot look binary (text::looks_binary).
    bool unescaped_controls() const { return unescaped_controls_; }

private:
    bool digits();
    bool number();
    bool hex4(std::uint32_t& value);
    bool escape(std::string& out);

    std::string_view s_;
    std::size_t pos_ = 0;
    bool unescaped_controls_ = false;
};

}  // namespace aikg::corpus

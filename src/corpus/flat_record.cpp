#include "corpus/flat_record.hpp"

#include <cstdint>
#include <cstring>

namespace aikg::corpus {
namespace {

constexpr std::uint64_t kEachByte = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// Whether any of eight bytes ends a plain run of a JSON string: a quote, a
// backslash or a control byte (below 0x20). Exact, by the usual
// has-zero-byte test on the bytes xor the value sought.
bool ends_plain_run(std::uint64_t bytes) {
    auto has = [bytes](unsigned char value) {
        const std::uint64_t x = bytes ^ (kEachByte * value);
        return (x - kEachByte) & ~x & kHighBits;
    };
    const std::uint64_t control = (bytes - kEachByte * 0x20) & ~bytes & kHighBits;
    return (has('"') | has('\\') | control) != 0;
}

class Scanner {
public:
    explicit Scanner(std::string_view s) : s_(s) {}

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
    bool string(std::string& out) {
        if (!eat('"')) return false;
        out.clear();
        while (pos_ < s_.size()) {
            const std::size_t run = pos_;
            // Article text is long plain runs: eight bytes a step, then byte by byte to the end of the run.
            for (std::uint64_t bytes = 0; pos_ + 8 <= s_.size(); pos_ += 8) {
                std::memcpy(&bytes, s_.data() + pos_, 8);
                if (ends_plain_run(bytes)) break;
            }
            while (pos_ < s_.size() && s_[pos_] != '"' && s_[pos_] != '\\' && static_cast<unsigned char>(s_[pos_]) >= 0x20) ++pos_;
            out.append(s_.data() + run, pos_ - run);
            if (pos_ == s_.size() || static_cast<unsigned char>(s_[pos_]) < 0x20) return false;
            if (s_[pos_++] == '"') return true;
            if (!escape(out)) return false;
        }
        return false;
    }

    // A number, true, false or null at the cursor, checked but not kept.
    bool literal(bool& is_null) {
        skip_space();
        is_null = false;
        for (std::string_view word : {"true", "false", "null"}) {
            if (s_.substr(pos_, word.size()) == word) {
                pos_ += word.size();
                is_null = word == "null";
                return true;
            }
        }
        return number();
    }

private:
    bool digits() {
        const std::size_t start = pos_;
        while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
        return pos_ > start;
    }
    bool number() {
        if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
        if (pos_ < s_.size() && s_[pos_] == '0') ++pos_;
        else if (!digits()) return false;
        if (pos_ < s_.size() && s_[pos_] == '.' && (++pos_, !digits())) return false;
        if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
            if (!digits()) return false;
        }
        return true;
    }
    bool hex4(std::uint32_t& value) {
        if (pos_ + 4 > s_.size()) return false;
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = s_[pos_++];
            value <<= 4;
            if (c >= '0' && c <= '9') value |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') value |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') value |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return false;
        }
        return true;
    }
    bool escape(std::string& out) {
        if (pos_ == s_.size()) return false;
        switch (s_[pos_++]) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': break;
            default: return false;
        }
        std::uint32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (s_.substr(pos_, 2) != "\\u") return false;
            pos_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(cp, out);
        return true;
    }
    static void append_utf8(std::uint32_t cp, std::string& out) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::string_view s_;
    std::size_t pos_ = 0;
};

struct Field {
    std::optional<std::string>* value = nullptr;
    unsigned bit = 0;
};

Field field_of(FlatRecord& record, std::string_view key) {
    if (key == "id") return {&record.id, 1U};
    if (key == "text") return {&record.text, 2U};
    if (key == "title") return {&record.title, 4U};
    if (key == "date") return {&record.date, 8U};
    if (key == "url") return {&record.url, 16U};
    if (key == "lang") return {&record.lang, 32U};
    return {};
}

}  // namespace

std::optional<FlatRecord> parse_flat_record(std::string_view line) {
    Scanner in(line);
    FlatRecord record;
    if (!in.eat('{')) return std::nullopt;
    std::string key, value;
    // Which fields were present, null included: a repeated one goes to the full parser.
    unsigned seen = 0;
    if (!in.eat('}')) {
        do {
            if (!in.string(key) || !in.eat(':')) return std::nullopt;
            const Field field = field_of(record, key);
            if (seen & field.bit) return std::nullopt;
            seen |= field.bit;
            if (in.peek() == '"') {
                if (!in.string(value)) return std::nullopt;
                if (field.value) *field.value = std::move(value);
            } else {
                bool is_null = false;
                if (!in.literal(is_null)) return std::nullopt;
                // aikg reads a number or boolean in its own fields as its JSON text; the full parser prints those.
                if (field.value && !is_null) return std::nullopt;
            }
        } while (in.eat(','));
        if (!in.eat('}')) return std::nullopt;
    }
    if (!in.at_end()) return std::nullopt;
    return record;
}

}  // namespace aikg::corpus

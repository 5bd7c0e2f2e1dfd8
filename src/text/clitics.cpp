#include "text/clitics.hpp"

#include <array>

namespace aikg::text {
namespace {

constexpr std::string_view kWaw = "\xD9\x88";     // و
constexpr std::string_view kFa = "\xD9\x81";      // ف
constexpr std::string_view kBa = "\xD8\xA8";      // ب
constexpr std::string_view kKaf = "\xD9\x83";     // ك
constexpr std::string_view kLam = "\xD9\x84";     // ل
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
constexpr std::size_t kArabicLetterBytes = 2;
constexpr std::size_t kMinStemBytes = 2 * kArabicLetterBytes;

bool starts_arabic(std::string_view w) noexcept {
    return w.size() >= 2 && (static_cast<unsigned char>(w[0]) == 0xD8 || static_cast<unsigned char>(w[0]) == 0xD9 ||
                             static_cast<unsigned char>(w[0]) == 0xDA || static_cast<unsigned char>(w[0]) == 0xDB);
}

}  // namespace

std::string_view strip_article(std::string_view word) noexcept {
    if (word.starts_with(kArticle) && word.size() >= kArticle.size() + kMinStemBytes) return word.substr(kArticle.size());
    return word;
}

std::vector<CliticSplit> proclitic_readings(std::string_view word) {
    std::vector<CliticSplit> readings;
    append_proclitic_readings(word, readings);
    return readings;
}

void append_proclitic_readings(std::string_view word, std::vector<CliticSplit>& readings) {
    const std::size_t first = readings.size();
    readings.push_back({word.substr(0, 0), word});
    if (!starts_arabic(word)) return;

    auto add = [&](std::size_t prefix_bytes) {
        if (prefix_bytes == 0 || word.size() < prefix_bytes + kMinStemBytes) return;
        for (std::size_t r = first; r < readings.size(); ++r)
            if (readings[r].prefix.size() == prefix_bytes) return;
        readings.push_back({word.substr(0, prefix_bytes), word.substr(prefix_bytes)});
    };
    const bool has_conj = word.starts_with(kWaw) || word.starts_with(kFa);
    for (const std::size_t conj : {std::size_t{0}, has_conj ? kArabicLetterBytes : std::size_t{0}}) {
        const std::string_view rest = word.substr(conj);
        add(conj);
        const bool has_prep = rest.starts_with(kBa) || rest.starts_with(kKaf) || rest.starts_with(kLam);
        const std::size_t prep = has_prep ? kArabicLetterBytes : 0;
        add(conj + prep);
        if (rest.substr(prep).starts_with(kArticle)) add(conj + prep + kArticle.size());
        // ل + ال is written لل (للشركة): the stem loses its article with it.
        if (rest.starts_with(kLam) && rest.substr(kArabicLetterBytes).starts_with(kLam)) add(conj + 2 * kArabicLetterBytes);
    }
}

bool is_bare_proclitic(std::string_view word) noexcept {
    static constexpr std::array<std::string_view, 10> kBare{
        kWaw, kFa, kBa, kKaf, kLam, "\xD9\x84\xD9\x84" /* لل */, "\xD9\x88\xD9\x84" /* ول */,
        "\xD9\x88\xD8\xA8" /* وب */, "\xD9\x81\xD9\x84" /* فل */, "\xD8\xA8\xD8\xA7\xD9\x84" /* بال */};
    for (auto b : kBare)
        if (word == b) return true;
    return false;
}

}  // namespace aikg::text

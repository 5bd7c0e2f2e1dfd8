#include "bench/corpus_generator.hpp"

#include <array>
#include <cstdint>
#include <iterator>
#include <string>
#include <nlohmann/json.hpp>

#include "kb/diagnostics.hpp"
#include "kb/yaml_util.hpp"

namespace aikg::bench {
namespace {

constexpr std::array<const char*, 12> kArabicMonths{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
                                                     "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
constexpr std::array<const char*, 12> kEnglishMonths{"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};
// Invented names: syllables and words no catalog entry is made of, so the
// unknown-name stages get work to do.
constexpr std::array<const char*, 16> kSyllables{"Zen", "Kor", "Vala", "Mira", "Tess", "Nuro", "Qua", "Lum",
                                                 "Dax", "Orin", "Sela", "Voro", "Tal", "Ryn", "Esk", "Bri"};
constexpr std::array<const char*, 8> kOrgSuffixes{"Labs", "AI", "Robotics", "Systems", "Analytics", "Cloud", "Data", "Works"};
constexpr std::array<const char*, 12> kArabicGiven{"سامر", "ليلى", "كريم", "هالة", "طارق", "نادين",
                                                   "يوسف", "رنا", "مازن", "سلمى", "عمر", "دينا"};
constexpr std::array<const char*, 10> kArabicFamily{"الحسيني", "العطار", "منصور", "الخطيب", "حداد",
                                                    "السعدي", "نجار", "القاسم", "الشامي", "عبد الله"};
constexpr std::array<const char*, 10> kEnglishGiven{"Nadia", "Victor", "Helena", "Omar", "Priya", "Lucas", "Mei", "Tobias", "Sara", "Jonas"};
constexpr std::array<const char*, 10> kEnglishFamily{"Okafor", "Lindqvist", "Moreau", "Haddad", "Tanaka",
                                                      "Brennan", "Castillo", "Novak", "Iyer", "Keller"};

bool has_arabic(std::string_view s) {
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0xD8 && b <= 0xDB) return true;
    }
    return false;
}

template <class Array>
const char* pick(const Array& a, Random& random) {
    return a[random.below(a.size())];
}

// The last whitespace-separated word of `s`.
std::string_view last_word(std::string_view s) {
    const auto space = s.find_last_of(' ');
    return space == std::string_view::npos ? s : s.substr(space + 1);
}

// A fatha after the first letter of some Arabic words: the normaliser must fold it away.
std::string sprinkle_diacritics(const std::string& sentence, double share, Random& random) {
    if (share <= 0) return sentence;
    std::string out;
    out.reserve(sentence.size() + 16);
    bool word_start = true;
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        const auto b = static_cast<unsigned char>(sentence[i]);
        out += sentence[i];
        const bool arabic_letter = b >= 0xD8 && b <= 0xD9 && i + 1 < sentence.size();
        if (arabic_letter) {
            out += sentence[++i];
            if (word_start && random.chance(share)) out += "\xD9\x8E";  // fatha
        }
        word_start = b == ' ';
    }
    return out;
}

// Gives words an ending made of the next number of `counter`, three letters
// of the word's own script, so that no two endings are alike.
std::string give_new_endings(const std::string& sentence, double share, Random& random, std::uint64_t& counter) {
    static const char* const kArabicLetters[] = {"\xD8\xA8", "\xD8\xAA", "\xD8\xAB", "\xD8\xAC", "\xD8\xAD", "\xD8\xAE",
                                                 "\xD8\xAF", "\xD8\xB1", "\xD8\xB2", "\xD8\xB3", "\xD8\xB4", "\xD8\xB5",
                                                 "\xD8\xB6", "\xD8\xB7", "\xD8\xB8", "\xD8\xB9", "\xD8\xBA", "\xD9\x81",
                                                 "\xD9\x82", "\xD9\x83", "\xD9\x84", "\xD9\x85", "\xD9\x86", "\xD9\x87"};
    constexpr std::size_t kArabic = std::size(kArabicLetters);
    auto ending = [&counter](bool arabic) {
        std::string e;
        std::uint64_t n = counter++;
        for (int k = 0; k < 3; ++k, n /= (arabic ? kArabic : 26)) {
            if (arabic) e += kArabicLetters[n % kArabic];
            else e += static_cast<char>('a' + n % 26);
        }
        return e;
    };
    std::string out;
    out.reserve(sentence.size() + 32);
    std::size_t i = 0;
    while (i < sentence.size()) {
        const auto b = static_cast<unsigned char>(sentence[i]);
        const bool arabic = (b == 0xD8 || b == 0xD9) && i + 1 < sentence.size();
        const bool latin = b >= 'a' && b <= 'z';
        if (!arabic && !latin) {
            out += sentence[i++];
            continue;
        }
        std::size_t letters = 0, end = i;
        while (end < sentence.size()) {
            const auto c = static_cast<unsigned char>(sentence[end]);
            if (arabic && (c == 0xD8 || c == 0xD9) && end + 1 < sentence.size()) end += 2;
            else if (latin && c >= 'a' && c <= 'z') end += 1;
            else break;
            ++letters;
        }
        out.append(sentence, i, end - i);
        if (letters >= (arabic ? 3u : 4u) && random.chance(share)) out += ending(arabic);
        i = end;
    }
    return out;
}

}  // namespace

CorpusGenerator::CorpusGenerator(const kb::Catalog& catalog, const std::filesystem::path& templates) {
    for (const kb::Entity& e : catalog.entities()) {
        // "Databricks Inc.": a full stop ends the sentence for the segmenter, as in real text.
        if (e.category || e.name.ends_with(".")) continue;
        Name n{e.name, {}, {}};
        for (const auto& alias : e.aliases) (has_arabic(alias) ? n.arabic : n.latin_aliases).push_back(alias);
        names_by_type_[e.type].push_back(std::move(n));
    }
    kb::DiagnosticSink sink;
    const std::string file = templates.string();
    const auto root = kb::load_yaml_file(templates, sink);
    if (root) {
        const YAML::Node langs = (*root)["languages"];
        if (!langs || !langs.IsMap()) sink.error(file, kb::line_of(*root), "'languages' must map language codes to templates");
        else {
            for (const auto& kv : langs) {
                Language lang;
                lang.code = kv.first.Scalar();
                const YAML::Node body = kv.second;
                const YAML::Node joiners = body["joiners"];
                if (!joiners || !joiners["list"] || !joiners["last"] || !joiners["pair"]) {
                    sink.error(file, kb::line_of(body), "language '" + lang.code + "' needs joiners: {list, last, pair}");
                    continue;
                }
                lang.list_joiner = joiners["list"].Scalar();
                lang.last_joiner = joiners["last"].Scalar();
                lang.pair_joiner = joiners["pair"].Scalar();
                for (const auto& r : body["relations"]) {
                    if (!r["id"] || !r["text"]) {
                        sink.error(file, kb::line_of(r), "a relation template needs 'id' and 'text'");
                        continue;
                    }
                    lang.relations.push_back({r["id"].Scalar(), r["text"].Scalar()});
                }
                for (const auto& f : body["filler"]) lang.filler.push_back(f.Scalar());
                for (const auto& t : body["titles"]) lang.titles.push_back(t.Scalar());
                if (lang.relations.empty() || lang.filler.empty() || lang.titles.empty())
                    sink.error(file, kb::line_of(body), "language '" + lang.code + "' needs relations, filler and titles");
                if (lang.code == "ar") lang.months.assign(kArabicMonths.begin(), kArabicMonths.end());
                else lang.months.assign(kEnglishMonths.begin(), kEnglishMonths.end());
                languages_[lang.code] = std::move(lang);
            }
        }
    }
    if (root && (!languages_.count("ar") || !languages_.count("en")))
        sink.error(file, 1, "templates for both 'ar' and 'en' are needed");
    sink.throw_if_any();
}

std::string CorpusGenerator::invented(const std::string& type, const Language& lang, Random& random) const {
    if (type == "Person") {
        if (lang.code == "ar") return std::string(pick(kArabicGiven, random)) + " " + pick(kArabicFamily, random);
        return std::string(pick(kEnglishGiven, random)) + " " + pick(kEnglishFamily, random);
    }
    return std::string(pick(kSyllables, random)) + pick(kSyllables, random) + " " + pick(kOrgSuffixes, random);
}

std::string CorpusGenerator::pick_name(const std::string& type, const Language& lang, const std::string& word_before,
                                       Random& random, std::vector<const Name*>& used) const {
    const auto it = names_by_type_.find(type);
    if (it == names_by_type_.end() || it->second.empty()) return invented("Organization", lang, random);
    const Name* name = nullptr;
    for (int attempt = 0; attempt < 8; ++attempt) {
        name = &it->second[random.below(it->second.size())];
        if (std::find(used.begin(), used.end(), name) == used.end()) break;
    }
    used.push_back(name);
    std::string surface = name->latin;
    if (lang.code == "ar" && !name->arabic.empty() && random.chance(0.5)) surface = name->arabic[random.below(name->arabic.size())];
    else if (!name->latin_aliases.empty() && random.chance(0.25))
        surface = name->latin_aliases[random.below(name->latin_aliases.size())];
    // "نموذج نموذج جيس": an alias that starts with the word already written before it.
    if (!word_before.empty() && surface.starts_with(word_before + " ")) surface = name->latin;
    return surface;
}

std::string CorpusGenerator::fill(const std::string& text, const Language& lang, Random& random) const {
    std::string out;
    std::vector<const Name*> used;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto open = text.find('{', i);
        if (open == std::string::npos) {
            out.append(text, i);
            break;
        }
        const auto close = text.find('}', open);
        if (close == std::string::npos) {
            out.append(text, i);
            break;
        }
        out.append(text, i, open - i);
        std::string slot = text.substr(open + 1, close - open - 1);
        i = close + 1;
        const std::string before(last_word(out));
        if (slot == "Year") out += std::to_string(2019 + random.below(8));
        else if (slot == "Month") out += lang.months[random.below(lang.months.size())];
        else if (slot == "Number") out += std::to_string(2 + random.below(500));
        else if (slot.starts_with("new:")) out += invented(slot.substr(4), lang, random);
        else if (slot.ends_with("+")) {
            const std::string type = slot.substr(0, slot.size() - 1);
            const std::size_t count = 2 + random.below(3);
            for (std::size_t k = 0; k < count; ++k) {
                if (k > 0) out += count == 2 ? lang.pair_joiner : k + 1 == count ? lang.last_joiner : lang.list_joiner;
                out += pick_name(type, lang, k == 0 ? before : std::string(), random, used);
            }
        } else {
            out += pick_name(slot, lang, before, random, used);
        }
    }
    return out;
}

std::string CorpusGenerator::article(const Language& lang, const GeneratorOptions& options, Random& random,
                                     std::uint64_t& new_words) const {
    std::string text;
    const std::size_t sentences = 12 + random.below(30);
    for (std::size_t s = 0; s < sentences; ++s) {
        if (s > 0) text += (s % 4 == 0) ? "\n" : " ";
        const bool filler = random.chance(options.filler_share);
        const std::string& t = filler ? lang.filler[random.below(lang.filler.size())]
                                      : lang.relations[random.below(lang.relations.size())].text;
        std::string sentence = fill(t, lang, random);
        if (lang.code == "ar") sentence = sprinkle_diacritics(sentence, options.diacritics, random);
        // Drawn only when asked for: the corpus of a seed stays the same bytes.
        if (options.new_words > 0) sentence = give_new_endings(sentence, options.new_words, random, new_words);
        text += sentence;
    }
    return text;
}

GeneratedCorpus CorpusGenerator::write(std::ostream& out, const GeneratorOptions& options) const {
    Random random(options.seed);
    GeneratedCorpus corpus;
    std::uint64_t new_words = 0;
    const Language& arabic = languages_.at("ar");
    const Language& english = languages_.at("en");
    while (corpus.text_bytes < options.bytes) {
        const Language& lang = random.chance(options.english_share) ? english : arabic;
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2019 + static_cast<int>(random.below(8)),
                      1 + static_cast<int>(random.below(12)), 1 + static_cast<int>(random.below(28)));
        char id[32];
        std::snprintf(id, sizeof id, "bench-%08llu", static_cast<unsigned long long>(corpus.articles + 1));
        nlohmann::ordered_json record;
        record["id"] = id;
        record["lang"] = lang.code;
        record["date"] = date;
        record["title"] = fill(lang.titles[random.below(lang.titles.size())], lang, random);
        std::string text = article(lang, options, random, new_words);
        corpus.text_bytes += text.size();
        record["text"] = std::move(text);
        const std::string line = record.dump() + "\n";
        out << line;
        corpus.file_bytes += line.size();
        ++corpus.articles;
    }
    return corpus;
}

}  // namespace aikg::bench

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <sstream>

#include "extract/rules.hpp"
#include "kb/yaml_util.hpp"

namespace aikg::extract {
namespace {

using kb::DiagnosticSink;
using kb::line_of;

constexpr std::uint32_t kDefaultGap = 6;
constexpr std::uint32_t kMaxGap = 30;

struct Context {
    const std::string& file;
    DiagnosticSink& sink;
    const std::map<std::string, PhraseList>& lexicons;
};

PhraseList phrase_list(const YAML::Node& node, const std::string& file, const std::string& what, DiagnosticSink& sink) {
    PhraseList phrases;
    for (const auto& written : kb::string_list(node, file, what, sink)) {
        Phrase p = compile_phrase(written);
        if (p.words.empty()) {
            sink.error(file, line_of(node), what + ": '" + written + "' has no letters or digits");
            continue;
        }
        phrases.push_back(std::move(p));
    }
    return phrases;
}

std::uint32_t count_slots(const std::vector<PatternElement>& pattern) {
    return static_cast<std::uint32_t>(std::count_if(pattern.begin(), pattern.end(), [](const PatternElement& e) {
        return e.kind == PatternElement::Kind::Subject || e.kind == PatternElement::Kind::Object;
    }));
}

// Parses one pattern string; reports each bad piece at the rule's line.
enum class Slots { Both, ObjectOnly, SubjectOnly, None };

std::vector<PatternElement> parse_pattern(const std::string& pattern, int line, const std::string& rule_id, Slots slots,
                                          const Context& ctx) {
    std::vector<PatternElement> elements;
    std::istringstream pieces(pattern);
    std::string piece;
    int subjects = 0, objects = 0;
    auto fail = [&](const std::string& message) { ctx.sink.error(ctx.file, line, "rule '" + rule_id + "': " + message); };
    while (pieces >> piece) {
        PatternElement e;
        if (piece == "{subject}") {
            e.kind = PatternElement::Kind::Subject;
            ++subjects;
        } else if (piece == "{object}") {
            e.kind = PatternElement::Kind::Object;
            ++objects;
        } else if (piece.front() == '{') {
            fail("unknown slot '" + piece + "' (slots are {subject} and {object})");
            continue;
        } else if (piece.starts_with("...") || piece.starts_with("~")) {
            e.kind = PatternElement::Kind::Gap;
            e.max_gap = kDefaultGap;
            e.gap_crosses_names = piece.front() == '~';
            const std::string digits = piece.substr(e.gap_crosses_names ? 1 : 3);
            if (!digits.empty()) {
                unsigned value = 0;
                auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
                if (ec != std::errc() || ptr != digits.data() + digits.size() || value == 0 || value > kMaxGap) {
                    fail("bad gap '" + piece + "' (write ... or ...N, ~ or ~N, with N from 1 to " + std::to_string(kMaxGap) + ")");
                    continue;
                }
                e.max_gap = value;
            }
        } else {
            if (piece.size() > 1 && piece.back() == '?') {
                e.optional = true;
                piece.pop_back();
            }
            if (piece.front() == '@') {
                const auto it = ctx.lexicons.find(piece.substr(1));
                if (it == ctx.lexicons.end()) {
                    fail("unknown lexicon '" + piece + "'");
                    continue;
                }
                e.phrases = it->second;
            } else {
                Phrase p = compile_phrase(piece);
                if (p.words.empty()) {
                    fail("'" + piece + "' has no letters or digits to match");
                    continue;
                }
                e.phrases.push_back(std::move(p));
            }
        }
        elements.push_back(std::move(e));
    }
    switch (slots) {
        case Slots::Both:
            if (subjects != 1 || objects != 1) fail("a pattern needs exactly one {subject} and one {object}");
            break;
        case Slots::ObjectOnly:
            if (subjects != 0 || objects != 1) fail("with implicit_subject the pattern names only one {object}");
            break;
        case Slots::SubjectOnly:
            if (subjects != 1 || objects != 0) fail("a reciprocal pattern names only one {subject}");
            break;
        case Slots::None:
            if (subjects != 0 || objects != 0) fail("a category pattern has no slots");
            break;
    }
    if (!elements.empty() && (elements.front().kind == PatternElement::Kind::Gap || elements.back().kind == PatternElement::Kind::Gap))
        fail("a pattern cannot start or end with a gap");
    return elements;
}

std::vector<std::string> narrowed_types(const YAML::Node& node, const std::vector<std::string>& allowed,
                                        const std::string& what, const Context& ctx) {
    if (!node) return allowed;
    auto types = kb::string_list(node, ctx.file, what, ctx.sink);
    for (const auto& t : types) {
        if (!kb::contains(allowed, t))
            ctx.sink.error(ctx.file, line_of(node), what + ": type '" + t + "' is outside what the relation allows in the ontology");
    }
    return types;
}

void load_file(const std::filesystem::path& path, const kb::Ontology& ontology, std::vector<RuleSet>& sets,
               std::set<std::string>& rule_ids, DiagnosticSink& sink) {
    const std::string file = path.string();
    const auto root = kb::load_yaml_file(path, sink);
    if (!root) return;
    if (!root->IsMap()) {
        sink.error(file, line_of(*root), "a rule file must be a mapping with language, lexicons, cues, anaphora and rules");
        return;
    }
    kb::check_keys(*root, {"language", "lexicons", "cues", "type_cues", "guess_unknown_types", "anaphora", "categories", "attributes", "rules"}, file,
                   "a rule file", sink);
    RuleSet set;
    set.language = kb::required_scalar(*root, "language", file, "the rule file", sink).value_or("");
    if (const YAML::Node guess = (*root)["guess_unknown_types"]) {
        if (guess.Scalar() != "true" && guess.Scalar() != "false")
            sink.error(file, line_of(guess), "'guess_unknown_types' must be true or false");
        set.guess_unknown_types = guess.Scalar() == "true";
    }

    std::map<std::string, PhraseList> lexicons;
    if (const YAML::Node lex = (*root)["lexicons"]) {
        if (!lex.IsMap()) sink.error(file, line_of(lex), "'lexicons' must map names to lists of words");
        else
            for (const auto& kv : lex)
                lexicons[kv.first.Scalar()] = phrase_list(kv.second, file, "lexicon '" + kv.first.Scalar() + "'", sink);
    }
    if (const YAML::Node cues = (*root)["cues"]) {
        kb::check_keys(cues, {"negation", "negation_exceptions", "hedge", "list_separator", "barrier", "not_a_name", "name_stopwords",
                              "type_cue_stops"},
                       file, "'cues'", sink);
        set.not_a_name = phrase_list(cues["not_a_name"], file, "cue list 'not_a_name'", sink);
        set.type_cue_stops = phrase_list(cues["type_cue_stops"], file, "cue list 'type_cue_stops'", sink);
        set.name_stopwords = phrase_list(cues["name_stopwords"], file, "cue list 'name_stopwords'", sink);
        set.negation = phrase_list(cues["negation"], file, "cue list 'negation'", sink);
        set.negation_exceptions = phrase_list(cues["negation_exceptions"], file, "cue list 'negation_exceptions'", sink);
        set.hedge = phrase_list(cues["hedge"], file, "cue list 'hedge'", sink);
        set.list_separators = phrase_list(cues["list_separator"], file, "cue list 'list_separator'", sink);
        set.barriers = phrase_list(cues["barrier"], file, "cue list 'barrier'", sink);
    }
    if (const YAML::Node cues = (*root)["type_cues"]) {
        if (!cues.IsMap()) sink.error(file, line_of(cues), "'type_cues' must map node types to lists of words");
        else
            for (const auto& kv : cues) {
                const std::string type = kv.first.Scalar();
                if (!ontology.has_node_type(type)) sink.error(file, line_of(kv.first), "type_cues: unknown node type '" + type + "'");
                set.type_cues.emplace_back(type, phrase_list(kv.second, file, "type cues of '" + type + "'", sink));
            }
    }
    if (const YAML::Node attributes = (*root)["attributes"]) {
        kb::check_keys(attributes, {"months", "openness", "parameter_units", "parameter_nouns"}, file, "'attributes'", sink);
        if (const YAML::Node months = attributes["months"]) {
            for (const auto& kv : months) {
                int month = 0;
                try {
                    month = kv.second.as<int>();
                } catch (const YAML::Exception&) {
                }
                if (month < 1 || month > 12) sink.error(file, line_of(kv.second), "month '" + kv.first.Scalar() + "' must map to 1..12");
                set.attributes.months.emplace_back(compile_phrase(kv.first.Scalar()), month);
            }
        }
        if (const YAML::Node openness = attributes["openness"]) {
            for (const auto& kv : openness) {
                const std::string level = kv.first.Scalar();
                if (!ontology.is_openness(level)) sink.error(file, line_of(kv.first), "attributes: unknown openness '" + level + "'");
                set.attributes.openness.emplace_back(level, phrase_list(kv.second, file, "openness cues of '" + level + "'", sink));
            }
        }
        if (const YAML::Node units = attributes["parameter_units"])
            for (const auto& kv : units) set.attributes.parameter_units.emplace_back(compile_phrase(kv.first.Scalar()), kv.second.Scalar());
        set.attributes.parameter_nouns = phrase_list(attributes["parameter_nouns"], file, "'parameter_nouns'", sink);
    }
    if (const YAML::Node anaphora = (*root)["anaphora"]) {
        for (const auto& item : anaphora) {
            kb::check_keys(item, {"phrase", "type"}, file, "an anaphor", sink);
            auto phrase = kb::required_scalar(item, "phrase", file, "an anaphor", sink);
            auto type = kb::required_scalar(item, "type", file, "an anaphor", sink);
            if (!phrase || !type) continue;
            if (!ontology.has_node_type(*type)) sink.error(file, line_of(item), "anaphor '" + *phrase + "' has unknown type '" + *type + "'");
            set.anaphora.push_back({compile_phrase(*phrase), *type});
        }
    }

    set.lexicons = lexicons;
    const Context ctx{file, sink, lexicons};
    if (const YAML::Node categories = (*root)["categories"]) {
        for (const auto& item : categories) {
            kb::check_keys(item, {"entity", "pattern", "note"}, file, "a category pattern", sink);
            auto entity = kb::required_scalar(item, "entity", file, "a category pattern", sink);
            auto pattern = kb::required_scalar(item, "pattern", file, "a category pattern", sink);
            if (!entity || !pattern) continue;
            CategoryPattern category{*entity, {}};
            category.rule.id = "category:" + *entity;
            category.rule.file = file;
            category.rule.line = line_of(item);
            category.rule.pattern = parse_pattern(*pattern, line_of(item["pattern"]), category.rule.id, Slots::None, ctx);
            set.categories.push_back(std::move(category));
        }
    }
    const YAML::Node rules = (*root)["rules"];
    if (!rules || !rules.IsSequence()) {
        sink.error(file, line_of(*root), "'rules' must be a list");
    } else {
        for (const auto& item : rules) {
            if (!item.IsMap()) {
                sink.error(file, line_of(item), "a rule must be a mapping with id, relation and pattern");
                continue;
            }
            kb::check_keys(item, {"id", "relation", "pattern", "confidence", "subject_types", "object_types", "implicit_subject", "merge", "reciprocal", "note"}, file,
                           "a rule", sink);
            Rule rule;
            rule.file = file;
            rule.line = line_of(item);
            auto id = kb::required_scalar(item, "id", file, "a rule", sink);
            auto relation = kb::required_scalar(item, "relation", file, "rule '" + id.value_or("?") + "'", sink);
            auto pattern = kb::required_scalar(item, "pattern", file, "rule '" + id.value_or("?") + "'", sink);
            if (!id || !relation || !pattern) continue;
            rule.id = *id;
            if (!rule_ids.insert(rule.id).second) sink.error(file, rule.line, "rule id '" + rule.id + "' is used twice");
            rule.relation = ontology.edge_type(*relation);
            if (!rule.relation) {
                sink.error(file, line_of(item["relation"]), "rule '" + rule.id + "': unknown relation '" + *relation + "'");
                continue;
            }
            if (const YAML::Node implicit = item["implicit_subject"]) {
                if (implicit.Scalar() != "maker")
                    sink.error(file, line_of(implicit), "rule '" + rule.id + "': implicit_subject can only be 'maker'");
                else if (rule.relation->name != "released")
                    sink.error(file, line_of(implicit), "rule '" + rule.id + "': implicit_subject maker needs relation released");
                rule.implicit_maker = true;
            }
            if (const YAML::Node merge = item["merge"]) {
                if (merge.Scalar() != "true" && merge.Scalar() != "false")
                    sink.error(file, line_of(merge), "rule '" + rule.id + "': merge must be true or false");
                rule.merge = merge.Scalar() == "true";
            }
            if (const YAML::Node reciprocal = item["reciprocal"]) {
                if (reciprocal.Scalar() != "true" && reciprocal.Scalar() != "false")
                    sink.error(file, line_of(reciprocal), "rule '" + rule.id + "': reciprocal must be true or false");
                rule.reciprocal = reciprocal.Scalar() == "true";
                if (rule.reciprocal && !rule.relation->symmetric)
                    sink.error(file, line_of(reciprocal), "rule '" + rule.id + "': reciprocal needs a symmetric relation");
            }
            const Slots slots = rule.implicit_maker ? Slots::ObjectOnly : rule.reciprocal ? Slots::SubjectOnly : Slots::Both;
            rule.pattern = parse_pattern(*pattern, line_of(item["pattern"]), rule.id, slots, ctx);
            rule.slot_count = count_slots(rule.pattern);
            rule.subject_types = narrowed_types(item["subject_types"], rule.relation->domain, "rule '" + rule.id + "' subject_types", ctx);
            rule.object_types = narrowed_types(item["object_types"], rule.relation->range, "rule '" + rule.id + "' object_types", ctx);
            if (const YAML::Node c = item["confidence"]) {
                try {
                    rule.confidence = c.as<double>();
                } catch (const YAML::Exception&) {
                    rule.confidence = -1;
                }
                if (!(rule.confidence > 0.0 && rule.confidence <= 1.0))
                    sink.error(file, line_of(c), "rule '" + rule.id + "': confidence must be a number in (0, 1]");
            }
            set.rules.push_back(std::move(rule));
        }
    }
    set.words = WordIndex::build(set);
    sets.push_back(std::move(set));
}

}  // namespace

std::vector<RuleSet> load_rules(const std::filesystem::path& dir, const kb::Ontology& ontology) {
    DiagnosticSink sink;
    std::vector<RuleSet> sets;
    std::set<std::string> rule_ids;
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        sink.error(dir.string(), 0, "rules folder not found (give the schemas folder with --schemas DIR)");
    } else {
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
            if (entry.is_regular_file() && (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml"))
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        if (files.empty()) sink.error(dir.string(), 0, "no .yaml rule files");
    }
    for (const auto& f : files) load_file(f, ontology, sets, rule_ids, sink);
    sink.throw_if_any();
    return sets;
}

}  // namespace aikg::extract

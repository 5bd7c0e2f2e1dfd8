#pragma once
// Relation rules as data: one YAML file per language in schemas/rules/.
//
//   language: ar
//   lexicons:  {release_verb: [أطلق*, تطلق*, إصدار*]}
//   cues:      {negation, negation_exceptions, hedge, list_separator, barrier, not_a_name, name_stopwords: [...]}
//   type_cues: {Dataset: [مجموعة بيانات, dataset], Model: [نموذج, model]}
//   anaphora:  [{phrase: الشركة, type: Organization}]
//   categories: [{entity: closed models, pattern: "@model_plural ...2 @closed"}]
//   rules:
//     - id: ar.released.verb-subject-object
//       relation: released
//       pattern: "@release_verb ...3 {subject} ...6 {object}"
//       confidence: 0.8
//
// A pattern is a sequence of: {subject} and {object} (a mention or a list of
// mentions whose type the relation allows), @lexicon (any of its phrases),
// literal words (a trailing * makes a prefix), `...N` (up to N words that are
// neither names nor barriers; `...` is up to 6), `~N` (like `...N` but it may
// also skip names), and `?` after a word or @lexicon to make it optional.

#include <filesystem>
#include <map>
#include <utility>
#include <string>
#include <vector>

#include "extract/phrase.hpp"
#include "kb/ontology.hpp"

namespace aikg::extract {

struct PatternElement {
    enum class Kind { Subject, Object, Words, Gap } kind = Kind::Words;
    PhraseList phrases;  // Words: any of these
    std::uint32_t max_gap = 0;    // Gap
    bool gap_crosses_names = false;  // `~N`: the gap may skip names too (long enumerations)
    bool optional = false;
};

struct Rule {
    std::string id;
    const kb::EdgeType* relation = nullptr;
    std::vector<PatternElement> pattern;
    std::vector<std::string> subject_types;  // the relation's domain unless narrowed
    std::vector<std::string> object_types;   // the relation's range unless narrowed
    // The same as TypeBits (slot_types.hpp), set by the Extractor.
    std::uint64_t subject_type_bits = 0;
    std::uint64_t object_type_bits = 0;
    double confidence = 0.7;
    // The pattern names only the object; the subject is the object's maker
    // from the catalog, when the article names that maker ("the launch of
    // Llama 3.1" in an article about Meta).
    bool implicit_maker = false;
    // Once matched, the subject and object become one name whose members are
    // the object's: "نموذج Hugging Face StarCoder" is one model, made by Hugging Face.
    bool merge = false;
    // The pattern names only {subject}, a list whose members relate to each
    // other pairwise ("the competition between Linux and Unix"); symmetric relations only.
    bool reciprocal = false;
    // How many of the pattern's elements are {subject} or {object}: a
    // sentence with fewer names than that cannot match.
    std::uint32_t slot_count = 0;
    std::string file;
    int line = 0;
    // Words the sentence must contain for the pattern to have a chance: per
    // required word element, the first words of its phrases (any one will
    // do), as masks over a sentence's word bits, all in one array (a vector
    // per element cost a cache miss each, for every sentence a rule's trigger
    // word was in). An element is satisfied when any of its masks meets the
    // sentence's bits; `ends_element` marks an element's last mask. Filled by
    // WordIndex::build; sentences without them skip the rule.
    struct WordMask {
        std::uint32_t slot = 0;
        bool ends_element = false;
        std::uint64_t mask = 0;
    };
    std::vector<WordMask> required_masks;
};

// A category node ("closed models") recognised from words rather than a fixed
// alias: "النماذج الرائدة مغلقة المصدر". The pattern has words and gaps only.
struct CategoryPattern {
    std::string entity;
    Rule rule;
};

struct Anaphor {
    Phrase phrase;
    std::string type;  // refers back to the latest mention of this type
};

// How the text states attributes: months for dates, words for openness, units
// for parameter counts.
struct AttributeCues {
    std::vector<std::pair<Phrase, int>> months;                          // يوليو → 7
    PhraseList month_phrases;  // the months' phrases, indexed: which tokens can start one
    std::vector<std::pair<std::string, PhraseList>> openness;   // open-weights → [مفتوح المصدر, open source]
    PhraseList openness_phrases;  // every level's phrases in one list, indexed: which tokens can start one
    std::vector<std::pair<Phrase, std::string>> parameter_units;         // مليار → B
    PhraseList parameter_nouns;                                        // معلمة, parameters
};

struct RuleSet {
    std::string language;
    std::vector<Rule> rules;
    std::vector<Anaphor> anaphora;
    PhraseList anaphor_phrases;  // the anaphora's phrases, indexed: which tokens can start one
    std::vector<CategoryPattern> categories;
    AttributeCues attributes;
    PhraseList negation;
    PhraseList negation_exceptions;  // "not only": a negation followed by these is none
    PhraseList hedge;
    PhraseList list_separators;
    PhraseList barriers;
    PhraseList not_a_name;             // Latin words that are not names (LLM, API; The, In)
    PhraseList name_stopwords;  // Arabic words that cannot be part of a person's name (قال، وفقا)
    std::map<std::string, PhraseList> lexicons;  // by name, for stages that need one (roles)
    // Words that type the names after them ("مجموعات بيانات مثل X": X is a Dataset here).
    std::vector<std::pair<std::string, PhraseList>> type_cues;
    PhraseList type_cue_phrases;  // every type's cues in one list, indexed: which tokens can start one
    PhraseList type_cue_stops;  // words a type cue does not reach over (prepositions)
    // Whether a name found without any cue may take the type a relation asks
    // for: yes in Arabic, where Latin script marks names; no in English, where
    // capitalised words are also places and sentence openers.
    bool guess_unknown_types = false;
    WordIndex words;  // every word above, numbered (built by load_rules)
    // Rules by a word their first required element starts with, and rules
    // that require none (filled by WordIndex::build): a sentence's words name
    // the few rules worth trying.
    // In compressed rows: the rules of word w are trigger_rules[trigger_begin[w]
    // .. trigger_begin[w + 1]), contiguous rather than a vector per word.
    std::vector<std::uint32_t> trigger_begin;
    std::vector<std::uint32_t> trigger_rules;
    // A bit per word that triggers any rule: a sentence's other words (most
    // of its rule words are cues and separators) are passed over a mask at a time.
    std::vector<std::uint64_t> trigger_words;
    std::vector<std::uint32_t> rules_without_trigger;
    // Each rule's slot_count, side by side: a sentence with one name rules out
    // most triggered rules on this alone, without a cache miss on each rule.
    std::vector<std::uint32_t> slot_counts;
};

// Loads every *.yaml file of `dir` (one language each); throws kb::DataError
// listing every problem with file:line.
std::vector<RuleSet> load_rules(const std::filesystem::path& dir, const kb::Ontology& ontology);

}  // namespace aikg::extract

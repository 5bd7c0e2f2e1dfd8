#include "query/pattern.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace aikg::query {
namespace {

std::vector<std::vector<std::string>> split_clauses(const std::string& text) {
    std::vector<std::vector<std::string>> clauses(1);
    std::string token;
    bool quoted = false, has_token = false;
    auto flush = [&] {
        if (has_token) clauses.back().push_back(token);
        token.clear();
        has_token = false;
    };
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;
            has_token = true;
        } else if (!quoted && (c == ' ' || c == '\t' || c == '\n')) {
            flush();
        } else if (!quoted && c == ';') {
            flush();
            clauses.emplace_back();
        } else {
            token.push_back(c);
            has_token = true;
        }
    }
    if (quoted) throw PatternError("a double quote is not closed");
    flush();
    clauses.erase(std::remove_if(clauses.begin(), clauses.end(), [](const auto& c) { return c.empty(); }), clauses.end());
    return clauses;
}

Term term(const std::string& token) {
    if (token.size() > 1 && token[0] == '?') return {true, token.substr(1)};
    return {false, token};
}

}  // namespace

Pattern parse_pattern(const std::string& text, const kb::Ontology& ontology) {
    Pattern p;
    auto note_variable = [&p](const std::string& v) {
        if (std::find(p.variables.begin(), p.variables.end(), v) == p.variables.end()) p.variables.push_back(v);
    };
    const auto clauses = split_clauses(text);
    if (clauses.empty()) throw PatternError("the pattern is empty; write e.g. '?org uses ?m ; ?m:Model openness=open'");
    for (std::size_t i = 0; i < clauses.size(); ++i) {
        const auto& tokens = clauses[i];
        const std::string where = "clause " + std::to_string(i + 1);
        Clause c;
        const bool constraint = tokens[0].size() > 1 && tokens[0][0] == '?' &&
                                (tokens.size() == 1 || tokens[0].find(':') != std::string::npos || tokens[1].find('=') != std::string::npos);
        if (constraint) {
            c.triple = false;
            const auto colon = tokens[0].find(':');
            c.variable = tokens[0].substr(1, colon == std::string::npos ? std::string::npos : colon - 1);
            if (c.variable.empty()) throw PatternError(where + ": a variable needs a name, e.g. ?m");
            if (colon != std::string::npos) {
                const std::string type = tokens[0].substr(colon + 1);
                if (!ontology.has_node_type(type)) throw PatternError(where + ": unknown node type '" + type + "'");
                c.tests.emplace_back("type", type);
            }
            for (std::size_t t = 1; t < tokens.size(); ++t) {
                const auto eq = tokens[t].find('=');
                if (eq == std::string::npos) throw PatternError(where + ": '" + tokens[t] + "' is not key=value");
                const std::string key = tokens[t].substr(0, eq), value = tokens[t].substr(eq + 1);
                if (key != "type" && key != "openness" && key != "side" && key != "name")
                    throw PatternError(where + ": unknown key '" + key + "' (type, openness, side, name)");
                c.tests.emplace_back(key, value);
            }
            note_variable(c.variable);
        } else {
            if (tokens.size() != 3)
                throw PatternError(where + ": write SUBJECT RELATION OBJECT (quote names with spaces), not " + std::to_string(tokens.size()) +
                                   " words");
            c.subject = term(tokens[0]);
            c.relation = tokens[1];
            c.object = term(tokens[2]);
            if (!ontology.edge_type(c.relation)) throw PatternError(where + ": unknown relation '" + c.relation + "'");
            for (const Term* t : {&c.subject, &c.object})
                if (t->variable) note_variable(t->text);
        }
        p.clauses.push_back(std::move(c));
    }
    return p;
}

namespace {

using Triple = std::tuple<std::int64_t, std::string, std::int64_t>;

struct Matcher {
    const Pattern& pattern;
    const NameResolver& names;
    const kb::Ontology& ontology;
    std::vector<Triple> triples;
    std::vector<std::int64_t> all_entities;
    std::map<std::string, std::int64_t> fixed;  // resolved names
    std::set<std::vector<std::int64_t>> results;

    bool passes(const Clause& c, std::int64_t id) const {
        const EntityRef& e = names.entity(id);
        for (const auto& [key, value] : c.tests) {
            if (key == "type" && e.type != value) return false;
            if (key == "openness" && (e.openness.empty() ? "unknown" : e.openness) != value) return false;
            if (key == "name" && e.name != value) return false;
            if (key == "side") {
                const bool open = e.openness == "open" || e.openness == "open-weights" || e.openness == "restricted";
                const bool closed = e.openness == "closed";
                if ((value == "open" && !open) || (value == "closed" && !closed) || (value != "open" && value != "closed")) return false;
            }
        }
        return true;
    }

    std::optional<std::int64_t> value_of(const Term& t, const std::map<std::string, std::int64_t>& binding) const {
        if (!t.variable) return fixed.at(t.text);
        const auto it = binding.find(t.text);
        if (it == binding.end()) return std::nullopt;
        return it->second;
    }

    void step(std::size_t i, std::map<std::string, std::int64_t>& binding) {
        if (i == pattern.clauses.size()) {
            std::vector<std::int64_t> row;
            for (const auto& v : pattern.variables) row.push_back(binding.at(v));
            results.insert(row);
            return;
        }
        const Clause& c = pattern.clauses[i];
        if (!c.triple) {
            if (const auto it = binding.find(c.variable); it != binding.end()) {
                if (passes(c, it->second)) step(i + 1, binding);
                return;
            }
            for (const std::int64_t id : all_entities) {
                if (!passes(c, id)) continue;
                binding[c.variable] = id;
                step(i + 1, binding);
                binding.erase(c.variable);
            }
            return;
        }
        const kb::EdgeType* type = ontology.edge_type(c.relation);
        const bool symmetric = type && type->symmetric;
        for (const auto& [s, relation, o] : triples) {
            if (relation != c.relation) continue;
            for (int flip = 0; flip < (symmetric ? 2 : 1); ++flip) {
                const std::int64_t subject = flip ? o : s, object = flip ? s : o;
                const auto want_s = value_of(c.subject, binding), want_o = value_of(c.object, binding);
                if ((want_s && *want_s != subject) || (want_o && *want_o != object)) continue;
                if (c.subject.variable && c.object.variable && c.subject.text == c.object.text && subject != object) continue;
                std::vector<std::string> added;
                if (c.subject.variable && !want_s) {
                    binding[c.subject.text] = subject;
                    added.push_back(c.subject.text);
                }
                if (c.object.variable && !binding.count(c.object.text)) {
                    binding[c.object.text] = object;
                    added.push_back(c.object.text);
                }
                step(i + 1, binding);
                for (const auto& v : added) binding.erase(v);
            }
        }
    }
};

}  // namespace

MatchResult match(const Pattern& pattern, store::Store& store, const NameResolver& names, const kb::Ontology& ontology) {
    Matcher m{pattern, names, ontology, {}, {}, {}, {}};
    for (const Clause& c : pattern.clauses)
        for (const Term* t : {&c.subject, &c.object})
            if (c.triple && !t->variable) m.fixed[t->text] = names.resolve(t->text).id;
    auto q = store.db().prepare("SELECT DISTINCT subject_id, relation, object_id FROM facts");
    while (q.step()) m.triples.emplace_back(q.integer(0), q.text(1), q.integer(2));
    for (const auto& e : store.entities()) m.all_entities.push_back(e.id);
    std::map<std::string, std::int64_t> binding;
    m.step(0, binding);
    MatchResult result;
    result.variables = pattern.variables;
    for (const auto& row : m.results) {
        std::vector<EntityRef> refs;
        for (const std::int64_t id : row) refs.push_back(names.entity(id));
        result.rows.push_back(std::move(refs));
    }
    std::sort(result.rows.begin(), result.rows.end(), [](const auto& a, const auto& b) {
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].name != b[i].name) return a[i].name < b[i].name;
        return false;
    });
    return result;
}

}  // namespace aikg::query

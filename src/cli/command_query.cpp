// aikg query: relationships from the store (entity card, neighbours, paths, patterns).

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <map>
#include <iostream>
#include <optional>

#include "cli/command.hpp"
#include "cli/knowledge.hpp"
#include "graph/knowledge_graph.hpp"
#include "query/name_resolver.hpp"
#include "query/neighbours.hpp"
#include "query/path.hpp"
#include "query/pattern.hpp"

namespace aikg::cli {
namespace {

using nlohmann::ordered_json;

constexpr const char* kHelp =
    "usage: aikg query entity NAME [--format table|json]\n"
    "       aikg query neighbors NAME [--relation R] [--direction in|out|both] [--type T] [--format table|json]\n"
    "       aikg query path A B [--max-hops N] [--format table|json]\n"
    "       aikg query match PATTERN [--format table|json|csv]\n\n"
    "Answers from the store (run 'aikg build' first). Names are found through\n"
    "every alias, whatever the case or script: 'llama 2', 'لاما 2' and 'LLaMA-2'\n"
    "are one model. An unknown name exits 2 with close names to try.\n\n"
    "  entity     the entity's card: type, openness, aliases, every fact in and out\n"
    "             with the sentence and article that state it\n"
    "  neighbors  the entities linked to NAME, grouped by relation and direction\n"
    "  path       the shortest chain of facts between A and B (edges taken both ways)\n"
    "  match      triple patterns joined on variables, e.g.\n"
    "             '?org uses ?m ; ?m:Model openness=open-weights'\n"
    "             constraint keys: type, openness, side (open|closed), name\n\n"
    "options:\n";

constexpr const char* kExamples =
    "\nexamples:\n"
    "  aikg query entity \"Llama 2\"\n"
    "  aikg query neighbors \"Llama 2\" --relation uses --direction in\n"
    "  aikg query path Shopify OpenAI --max-hops 4\n"
    "  aikg query match '?org uses ?m ; ?m:Model side=open' --format csv\n";

ordered_json evidence_json(const graph::Evidence& e) {
    ordered_json j;
    j["article"] = e.article;
    if (!e.article_date.empty()) j["article_date"] = e.article_date;
    j["sentence"] = e.sentence;
    j["start"] = e.start;
    j["end"] = e.end;
    j["rule"] = e.rule;
    j["confidence"] = e.confidence;
    return j;
}

ordered_json link_json(const query::Link& l) {
    ordered_json j;
    j["direction"] = query::direction_name(l.direction);
    j["relation"] = l.relation;
    j["neighbor"] = l.other.name;
    j["type"] = l.other.type;
    // The edge's aggregate over its evidence: how many articles, when, how sure.
    std::map<std::string, double> best_per_article;
    std::string first_seen, last_seen;
    double max_confidence = 0.0;
    for (const auto& e : l.evidence) {
        double& best = best_per_article[e.article];
        best = std::max(best, e.confidence);
        max_confidence = std::max(max_confidence, e.confidence);
        if (!e.article_date.empty() && (first_seen.empty() || e.article_date < first_seen)) first_seen = e.article_date;
        if (!e.article_date.empty() && e.article_date > last_seen) last_seen = e.article_date;
    }
    double miss = 1.0;
    for (const auto& [article, best] : best_per_article) miss *= 1.0 - best;
    j["articles"] = best_per_article.size();
    if (!first_seen.empty()) j["first_seen"] = first_seen;
    if (!last_seen.empty()) j["last_seen"] = last_seen;
    j["max_confidence"] = max_confidence;
    j["confidence"] = std::round((1.0 - miss) * 1000.0) / 1000.0;
    j["evidence"] = ordered_json::array();
    for (const auto& e : l.evidence) j["evidence"].push_back(evidence_json(e));
    return j;
}

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    return s;
}

void print_link(const query::Link& l) {
    std::cout << "  " << query::direction_name(l.direction) << "\t" << l.relation << "\t" << l.other.name << " (" << l.other.type << ")\t"
              << l.evidence.size() << " evidence\n";
    for (const auto& e : l.evidence) std::cout << "      " << e.article << ": " << one_line(e.sentence) << "\n";
}

query::Direction parse_direction(const std::string& d) {
    if (d == "in") return query::Direction::In;
    if (d == "out") return query::Direction::Out;
    if (d == "both" || d.empty()) return query::Direction::Both;
    throw UsageError("--direction must be in, out or both, not '" + d + "'");
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

int run_query(const std::vector<std::string>& args) {
    CommonOptions common;
    std::vector<std::string> positionals;
    std::string format = "table", relation, direction, type, max_hops = "6";
    ArgParser parser;
    parser.positionals(&positionals, "WHAT ARGS");
    parser.option("--format", &format, "table|json|csv", "output format (default: table; csv for match)");
    parser.option("--relation", &relation, "R", "neighbors: only this relation");
    parser.option("--direction", &direction, "in|out|both", "neighbors: edges into NAME, out of it, or both (default)");
    parser.option("--type", &type, "T", "neighbors: only neighbours of this node type");
    parser.option("--max-hops", &max_hops, "N", "path: longest chain to look for (default: 6)");
    common.declare(parser);
    if (!parser.parse(args)) {
        std::cout << kHelp << parser.options_help() << kExamples;
        return kSuccess;
    }
    if (positionals.empty()) throw UsageError("say what to query: entity, neighbors, path or match (see --help)");
    const std::string what = positionals.front();
    const std::vector<std::string> rest(positionals.begin() + 1, positionals.end());
    if (format != "table" && format != "json" && !(format == "csv" && what == "match"))
        throw UsageError("--format must be table or json" + std::string(what == "match" ? " or csv" : "") + ", not '" + format + "'");
    auto need = [&](std::size_t n, const char* shape) {
        if (rest.size() != n) throw UsageError(std::string("write: aikg query ") + what + " " + shape);
    };
    if (what != "entity" && what != "neighbors" && what != "path" && what != "match")
        throw UsageError("unknown query '" + what + "' (entity, neighbors, path, match)");
    const ProjectPaths paths = common.paths();
    // The catalog (hundreds of YAML entries) is read only if a name is not in the store.
    std::optional<kb::Catalog> catalog;
    store::Store store(paths.store.string(), store::Store::Mode::Read);
    const kb::Ontology ontology = load_ontology(paths, store);
    const query::NameResolver names(store, [&]() -> const kb::Catalog& {
        if (!catalog) catalog = kb::Catalog::load(paths.catalog_dir, ontology);
        return *catalog;
    });

    try {
        if (what == "entity" || what == "neighbors") {
            need(1, "NAME");
            const query::EntityRef e = names.resolve(rest[0]);
            query::NeighbourQuery q;
            if (what == "neighbors") {
                if (!relation.empty() && !ontology.edge_type(relation)) throw UsageError("--relation: unknown relation '" + relation + "'");
                if (!type.empty() && !ontology.has_node_type(type)) throw UsageError("--type: unknown node type '" + type + "'");
                q = {relation, parse_direction(direction), type};
            }
            const auto links = query::neighbours(store, names, ontology, e.id, q);
            if (format == "json") {
                ordered_json j;
                j["name"] = e.name;
                j["type"] = e.type;
                j["openness"] = e.openness.empty() ? "unknown" : e.openness;
                if (what == "entity") j["aliases"] = store.aliases(e.id);
                j["links"] = ordered_json::array();
                for (const auto& l : links) j["links"].push_back(link_json(l));
                std::cout << j.dump(2) << '\n';
            } else {
                std::cout << e.name << " (" << e.type << (e.openness.empty() ? "" : ", " + e.openness) << ")\n";
                if (what == "entity") {
                    std::cout << "aliases:";
                    for (const auto& a : store.aliases(e.id)) std::cout << " " << a << ";";
                    std::cout << "\n";
                }
                if (links.empty()) std::cout << "  (no facts" << (what == "neighbors" ? " match these filters" : "") << ")\n";
                for (const auto& l : links) print_link(l);
            }
            return kSuccess;
        }
        if (what == "path") {
            need(2, "A B");
            std::size_t hops = 0;
            auto [ptr, ec] = std::from_chars(max_hops.data(), max_hops.data() + max_hops.size(), hops);
            if (ec != std::errc() || ptr != max_hops.data() + max_hops.size() || hops == 0) throw UsageError("--max-hops must be a positive number");
            const query::EntityRef a = names.resolve(rest[0]);
            const query::EntityRef b = names.resolve(rest[1]);
            const auto path = query::shortest_path(store, a.id, b.id, hops);
            auto evidence_of = [](const store::FactRow& f) {
                return graph::Evidence{f.article, f.article_date, f.sentence, f.start, f.end, f.rule, f.confidence};
            };
            if (format == "json") {
                ordered_json j;
                j["from"] = a.name;
                j["to"] = b.name;
                j["found"] = path.has_value();
                j["hops"] = ordered_json::array();
                if (path)
                    for (const auto& h : *path) {
                        ordered_json hop;
                        hop["subject"] = names.entity(h.fact.subject).name;
                        hop["relation"] = h.fact.relation;
                        hop["object"] = names.entity(h.fact.object).name;
                        hop["evidence"] = evidence_json(evidence_of(h.fact));
                        j["hops"].push_back(hop);
                    }
                std::cout << j.dump(2) << '\n';
            } else if (!path) {
                std::cout << "no connection between " << a.name << " and " << b.name << " within " << hops << " hops\n";
            } else {
                std::cout << a.name << " -> " << b.name << ": " << path->size() << " hop(s)\n";
                for (const auto& h : *path) {
                    std::cout << "  " << names.entity(h.fact.subject).name << " -" << h.fact.relation << "-> " << names.entity(h.fact.object).name
                              << "\n      " << h.fact.article << ": " << one_line(h.fact.sentence) << "\n";
                }
            }
            return kSuccess;
        }
        need(1, "'PATTERN'");
        query::Pattern pattern;
        try {
            pattern = query::parse_pattern(rest[0], ontology);
        } catch (const query::PatternError& e) {
            throw UsageError(std::string("pattern: ") + e.what());
        }
        const auto result = query::match(pattern, store, names, ontology);
        if (format == "json") {
            ordered_json rows = ordered_json::array();
            for (const auto& row : result.rows) {
                ordered_json r;
                for (std::size_t i = 0; i < row.size(); ++i) r[result.variables[i]] = row[i].name;
                rows.push_back(r);
            }
            std::cout << rows.dump(2) << '\n';
        } else {
            const char* separator = format == "csv" ? "," : "\t";
            for (std::size_t i = 0; i < result.variables.size(); ++i) std::cout << (i ? separator : "") << result.variables[i];
            std::cout << '\n';
            for (const auto& row : result.rows) {
                for (std::size_t i = 0; i < row.size(); ++i)
                    std::cout << (i ? separator : "") << (format == "csv" ? csv_field(row[i].name) : row[i].name);
                std::cout << '\n';
            }
        }
        return kSuccess;
    } catch (const query::UnknownName& e) {
        std::cerr << "aikg query: " << e.what() << '\n';
        return kUsage;
    }
}

}  // namespace aikg::cli

// aikg build: articles (or facts from `aikg extract`) into the store.

#include <iostream>

#include "cli/command.hpp"
#include "cli/graph_options.hpp"
#include "cli/knowledge.hpp"
#include "cli/output.hpp"
#include "corpus/document_reader.hpp"
#include "extract/extractor.hpp"
#include "store/fact_loader.hpp"
#include "store/store.hpp"

namespace aikg::cli {
namespace {

constexpr const char* kHelp =
    "usage: aikg build [INPUT...] [--store PATH] [--min-confidence X]\n"
    "       aikg build --facts FILE... [--store PATH]\n\n"
    "Ingests articles into the store (default output/aikg.db): extracts their facts\n"
    "and keeps them with their evidence. INPUT is as for 'aikg extract' (files,\n"
    "folders, .jsonl, - for stdin); with no INPUT, the sample corpus data/corpus.\n"
    "Re-running is safe: an article whose content is unchanged is skipped; a\n"
    "changed one has its facts replaced in one transaction.\n\n"
    "With --facts, the inputs are JSONL files written by 'aikg extract' (on this\n"
    "or other machines): loading shards one by one gives the same store as one\n"
    "build of all the articles.\n\n"
    "options:\n";

constexpr const char* kExamples =
    "\nexamples:\n"
    "  aikg build                                   # the sample corpus into output/aikg.db\n"
    "  aikg build news/ dump.jsonl --store news.db\n"
    "  aikg extract shard1/ > f1.jsonl && aikg build --facts f1.jsonl f2.jsonl\n";

struct Counts {
    std::size_t added = 0, replaced = 0, unchanged = 0, facts = 0, problems = 0;
};

void record(store::Store& store, const store::ArticleRecord& article, const std::vector<extract::Fact>& facts,
            const kb::Catalog& catalog, Counts& counts) {
    const auto state = store.article_state(article.id, article.content_hash);
    if (state == store::ArticleState::Unchanged) {
        ++counts.unchanged;
        return;
    }
    store.put_article(article, facts, catalog);
    ++(state == store::ArticleState::New ? counts.added : counts.replaced);
    counts.facts += facts.size();
}

}  // namespace

int run_build(const std::vector<std::string>& args) {
    CommonOptions common;
    std::vector<std::string> inputs;
    bool facts_mode = false;
    std::string min_confidence = "0.5";
    ArgParser parser;
    parser.positionals(&inputs, "INPUT");
    parser.flag("--facts", &facts_mode, "the inputs are facts JSONL from 'aikg extract' (the reduce step)");
    parser.option("--min-confidence", &min_confidence, "X", "keep facts at least this confident (default: 0.5)");
    common.declare(parser);
    if (!parser.parse(args)) {
        std::cout << kHelp << parser.options_help() << kExamples;
        return kSuccess;
    }
    const double threshold = parse_fraction(min_confidence, "--min-confidence");
    const ProjectPaths paths = common.paths();
    if (facts_mode && inputs.empty()) throw UsageError("--facts needs at least one JSONL file (or - for stdin)");
    if (inputs.empty()) inputs.push_back(paths.sample_corpus.string());

    const auto knowledge = load_knowledge(paths);
    store::Store store(paths.store.string(), store::Store::Mode::Write);
    Counts counts;
    auto problem = [&counts](const corpus::InputProblem& p) {
        ++counts.problems;
        std::cerr << p.where << ": " << p.reason << ", skipped\n";
    };
    Progress progress("build");
    if (facts_mode) {
        store::read_fact_files(
            inputs,
            [&](store::ArticleFacts&& a) {
                record(store, a.article, a.facts, knowledge->catalog, counts);
                progress.update(counts.added + counts.replaced + counts.unchanged, 0);
            },
            problem);
    } else {
        const extract::Extractor extractor(knowledge->catalog, knowledge->ontology, knowledge->rules, {threshold});
        std::size_t bytes = 0;
        corpus::read_documents(
            inputs,
            [&](corpus::Document&& doc) {
                bytes += doc.text.size();
                if (!extractor.rules_for(doc.lang)) {
                    problem({doc.source, "no extraction rules for language '" + doc.lang + "'"});
                    return;
                }
                store::ArticleRecord article{doc.id, store::content_hash(doc.text), doc.source, doc.title, doc.date, doc.url, doc.lang};
                // An unchanged article is not even extracted again.
                if (store.article_state(article.id, article.content_hash) == store::ArticleState::Unchanged) {
                    ++counts.unchanged;
                } else {
                    record(store, article, extractor.extract(doc), knowledge->catalog, counts);
                }
                progress.update(counts.added + counts.replaced + counts.unchanged, bytes);
            },
            problem);
    }
    store.remove_orphans();
    progress.finish();
    std::cerr << "aikg build: " << counts.added << " added, " << counts.replaced << " replaced, " << counts.unchanged
              << " unchanged article(s); " << counts.facts << " facts written";
    if (counts.problems) std::cerr << "; " << counts.problems << " input(s) skipped";
    std::cerr << " (" << paths.store.string() << ")\n";
    return counts.problems ? kPartial : kSuccess;
}

}  // namespace aikg::cli

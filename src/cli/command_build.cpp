// aikg build: articles (or facts from `aikg extract`) into the store.

#include <csignal>
#include <iostream>
#include <optional>

#include "cli/command.hpp"
#include "cli/graph_options.hpp"
#include "cli/jobs_option.hpp"
#include "cli/knowledge.hpp"
#include "cli/output.hpp"
#include "corpus/document_reader.hpp"
#include "extract/extractor.hpp"
#include "extract/fact_batch.hpp"
#include "pipeline/ordered_workers.hpp"
#include "store/batched_writes.hpp"
#include "store/fact_loader.hpp"
#include "store/store.hpp"
#include "store/store_file.hpp"

namespace aikg::cli {
namespace {

constexpr const char* kHelp =
    "usage: aikg build [INPUT...] [--store PATH] [--min-confidence X] [--jobs N] [--stats]\n"
    "       aikg build --facts FILE... [--store PATH]\n\n"
    "Ingests articles into the store (default output/aikg.db): extracts their facts\n"
    "and keeps them with their evidence. INPUT is as for 'aikg extract' (files,\n"
    "folders, .jsonl, - for stdin); with no INPUT, the sample corpus data/corpus.\n"
    "Re-running is safe: an article whose content is unchanged is skipped; a\n"
    "changed one has its facts replaced in one transaction.\n\n"
    "With --facts, the inputs are JSONL files written by 'aikg extract' (on this\n"
    "or other machines): loading shards one by one gives the same store as one\n"
    "build of all the articles.\n\n"
    "Bad inputs (missing, empty, binary, invalid UTF-8, over 16 MiB, malformed JSON\n"
    "lines, a language without rules) are named on stderr, recorded in the store's\n"
    "rejections table and skipped; the exit code is then 1. HTML bodies are\n"
    "stripped to text. Articles are committed whole (in batches): an\n"
    "interrupted build (Ctrl-C stops after the current article; even a kill) leaves\n"
    "whole articles only, and running it again completes the job. A new store is\n"
    "written to a hidden file beside PATH and moved to PATH when the build ends\n"
    "(Ctrl-C too), with the query indexes built once at the end: a killed first\n"
    "build leaves no store, and running it again starts over.\n\n"
    "options:\n";

constexpr const char* kExamples =
    "\nexamples:\n"
    "  aikg build                                   # the sample corpus into output/aikg.db\n"
    "  aikg build news/ dump.jsonl --store news.db\n"
    "  aikg extract shard1/ > f1.jsonl && aikg build --facts f1.jsonl f2.jsonl\n";

// Ctrl-C asks the build to stop after the article in hand.
volatile std::sig_atomic_t interrupt_requested = 0;
extern "C" void on_interrupt(int) { interrupt_requested = 1; }

struct Interrupted {};
struct StrictStop {
    std::string message;
};

struct Counts {
    std::size_t added = 0, replaced = 0, unchanged = 0, facts = 0, problems = 0;
};

void record(store::Store& store, const store::ArticleRecord& article, std::span<const extract::FactView> facts,
            const kb::Catalog& catalog, Counts& counts) {
    const auto state = store.article_state(article.id, article.content_hash);
    if (state == store::ArticleState::Unchanged) {
        ++counts.unchanged;
        return;
    }
    store.put_article(article, state, facts, catalog);
    ++(state == store::ArticleState::New ? counts.added : counts.replaced);
    counts.facts += facts.size();
}

struct BuildJob {
    const ProjectPaths& paths;
    Knowledge& knowledge;  // its rules are moved into the extractor
    const std::vector<std::string>& inputs;
    bool facts_mode = false;
    bool strict = false;
    bool stats = false;
    bool fresh_store = false;  // a new store, written to a side file (StoreFile)
    double min_confidence = 0.5;
    std::size_t jobs = 1;
};

struct Outcome {
    int code = kSuccess;
    bool keep = true;  // false: nothing may be written (--strict stopped)
    std::string summary;
};

Outcome build_into(store::Store& store, const BuildJob& job) {
    Outcome outcome;
    remember_ontology(job.paths, job.knowledge.ontology, store);
    Counts counts;
    auto problem = [&](const corpus::InputProblem& p) {
        if (job.strict) throw StrictStop{p.where + ": " + p.reason};
        ++counts.problems;
        std::cerr << p.where << ": " << p.reason << ", skipped\n";
        store.record_rejection(p.where, p.reason);
    };
    Progress progress("build", job.stats);
    std::size_t bytes = 0;  // article text read (none when loading facts)
    auto check_interrupt = [] {
        if (interrupt_requested) throw Interrupted{};
    };
    // --strict: one transaction around everything, rolled back at the first
    // problem; a new store is simply not published.
    std::optional<store::Transaction> all_or_nothing;
    if (job.strict && !job.fresh_store) all_or_nothing.emplace(store.db());
    store::BulkLoad bulk(store);
    store::BatchedWrites batches(store.db());
    try {
    if (job.facts_mode) {
        store::read_fact_files(
            job.inputs,
            [&](store::ArticleFacts&& a) {
                check_interrupt();
                std::vector<extract::FactView> views;
                views.reserve(a.facts.size());
                for (const extract::Fact& f : a.facts) views.push_back(extract::FactView::of(f));
                batches.open_if_needed();
                record(store, a.article, views, job.knowledge.catalog, counts);
                batches.article_written();
                progress.update(counts.added + counts.replaced + counts.unchanged, 0);
            },
            problem);
    } else {
        const extract::Extractor extractor(job.knowledge.catalog, job.knowledge.ontology, std::move(job.knowledge.rules), {job.min_confidence});
        struct Pending {
            corpus::Document doc;
            std::string hash;
        };
        auto store_article = [&](const store::ArticleRecord& article, const std::string& source, std::span<const extract::FactView> facts) {
            batches.open_if_needed();
            record(store, article, facts, job.knowledge.catalog, counts);
            store.clear_rejection(source);
            batches.article_written();
            progress.update(counts.added + counts.replaced + counts.unchanged, bytes);
        };
        // Workers extract; this thread reads, checks the store and writes, in input order.
        pipeline::OrderedWorkers<Pending, extract::FactBatch> workers(
            job.jobs,
            [&](const Pending& p) {
                extract::FactBatch facts;
                extractor.for_each_fact(p.doc, [&facts](const extract::FactView& f) { facts.add(f); });
                return facts;
            },
            [&](Pending&& p, extract::FactBatch&& facts) {
                // The batch holds its own copies of the texts: the article's
                // fields move into its record instead of being copied.
                corpus::Document& doc = p.doc;
                const store::ArticleRecord article{std::move(doc.id),    std::move(p.hash), doc.source,         std::move(doc.title),
                                                   std::move(doc.date), std::move(doc.url), std::move(doc.lang)};
                store_article(article, doc.source, facts.views());
            });
        // One job: the facts are stored as the extractor hands them over,
        // without a copy into a batch (the views point into the article,
        // whose fields are therefore copied into its record).
        auto extract_and_store = [&](corpus::Document&& doc, std::string&& hash) {
            extractor.with_facts(doc, [&](std::span<const extract::FactView> facts) {
                const store::ArticleRecord article{doc.id, std::move(hash), doc.source, doc.title, doc.date, doc.url, doc.lang};
                store_article(article, doc.source, facts);
            });
        };
        corpus::read_documents(
            job.inputs,
            [&](corpus::Document&& doc) {
                check_interrupt();
                bytes += doc.text.size();
                if (!extractor.rules_for(doc.lang)) {
                    problem({doc.source, "no extraction rules for language '" + doc.lang + "'"});
                    return;
                }
                // An unchanged article is not even extracted again.
                std::string hash = store::content_hash(doc.text);
                if (store.article_state(doc.id, hash) == store::ArticleState::Unchanged) {
                    ++counts.unchanged;
                    batches.open_if_needed();
                    store.clear_rejection(doc.source);
                    batches.article_written();
                    return;
                }
                if (job.jobs == 1) {
                    extract_and_store(std::move(doc), std::move(hash));
                    return;
                }
                const std::size_t weight = doc.text.size();
                workers.push(Pending{std::move(doc), std::move(hash)}, weight);
            },
            problem);
        workers.finish();
    }
    } catch (const Interrupted&) {
        progress.finish();
        batches.commit();
        bulk.finish();
        if (job.strict) {
            std::cerr << "aikg build: interrupted; --strict: nothing was written\n";
            outcome.keep = false;
        } else {
            store.remove_orphans();
            std::cerr << "aikg build: interrupted after " << counts.added + counts.replaced + counts.unchanged
                      << " article(s); the store holds whole articles only, run the same command again to continue\n";
        }
        outcome.code = kPartial;
        return outcome;
    } catch (const StrictStop& stop) {
        progress.finish();
        std::cerr << stop.message << "\naikg build: --strict: stopped at the first bad input; nothing was written\n";
        outcome.code = kPartial;
        outcome.keep = false;
        return outcome;
    }
    batches.commit();
    bulk.finish();
    store.remove_orphans();
    if (all_or_nothing) all_or_nothing->commit();
    progress.finish();
    outcome.summary = "aikg build: " + std::to_string(counts.added) + " added, " + std::to_string(counts.replaced) + " replaced, " +
                      std::to_string(counts.unchanged) + " unchanged article(s); " + std::to_string(counts.facts) + " facts written" +
                      progress.took(bytes);
    if (counts.problems) outcome.summary += "; " + std::to_string(counts.problems) + " input(s) skipped";
    outcome.summary += " (" + job.paths.store.string() + ")\n";
    outcome.code = counts.problems ? kPartial : kSuccess;
    return outcome;
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
    bool strict = false;
    parser.flag("--strict", &strict, "stop at the first bad input and write nothing at all");
    bool stats = false;
    parser.flag("--stats", &stats, "the closing line also gives the MB read, the time since start-up and MB/s, even when stderr is no terminal");
    std::string jobs_text;
    parser.option("--jobs", &jobs_text, "N", kJobsHelp);
    common.declare(parser);
    if (!parser.parse(args)) {
        std::cout << kHelp << parser.options_help() << kExamples;
        return kSuccess;
    }
    const double threshold = parse_fraction(min_confidence, "--min-confidence");
    const std::size_t jobs = parse_jobs(jobs_text);
    // From here on Ctrl-C asks for a clean stop, even during start-up (loading
    // the catalog and rules takes longer than extracting a small corpus).
    std::signal(SIGINT, on_interrupt);
    const ProjectPaths paths = common.paths();
    if (facts_mode && inputs.empty()) throw UsageError("--facts needs at least one JSONL file (or - for stdin)");
    if (inputs.empty()) inputs.push_back(paths.sample_corpus.string());

    // Loading facts needs the catalog, not the rules: a reduce step of many shards does not compile them.
    const auto knowledge = load_knowledge(paths, facts_mode ? WithRules::No : WithRules::Yes);
    // Declared before the store: the store's connection is closed before the file is published or removed.
    store::StoreFile file(paths.store.string());
    const BuildJob job{paths, *knowledge, inputs, facts_mode, strict, stats, file.fresh(), threshold, jobs};
    Outcome outcome;
    {
        store::Store store(file.write_path(), file.mode());
        outcome = build_into(store, job);
    }
    if (outcome.keep) file.publish();
    std::cerr << outcome.summary;
    return outcome.code;
}

}  // namespace aikg::cli

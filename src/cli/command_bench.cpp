// aikg bench: generates a corpus and graphs, and prints throughput per stage,
// end to end and against peer tools measured in the same run.

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>
#include <functional>
#include <iostream>
#include <sstream>

#include "analysis/centrality.hpp"
#include "analysis/louvain.hpp"
#include "analysis/structure.hpp"
#include "bench/corpus_generator.hpp"
#include "bench/graph_generator.hpp"
#include "bench/measure.hpp"
#include "bench/random.hpp"
#include "cli/command.hpp"
#include "cli/jobs_option.hpp"
#include "cli/knowledge.hpp"
#include "corpus/document_reader.hpp"
#include "extract/analyzed_text.hpp"
#include "extract/extractor.hpp"
#include "extract/fact_batch.hpp"
#include "pipeline/ordered_workers.hpp"
#include "store/batched_writes.hpp"
#include "store/store.hpp"
#include "store/store_file.hpp"
#include "text/normalized_tokens.hpp"

namespace aikg::cli {
namespace {

namespace fs = std::filesystem;
using bench::fixed;

constexpr const char* kHelp =
    "usage: aikg bench [--mb N] [--seed S] [--jobs N] [--only LIST] [--corpus FILE] [--repeat N] [--no-peers]\n"
    "       aikg bench --generate FILE [--mb N] [--seed S]\n\n"
    "Measures aikg on generated data and prints the figures (stdout; progress on\n"
    "stderr). The corpus is synthetic news in Arabic and English built from\n"
    "data/bench/templates.yaml and the catalog: every relation construction,\n"
    "lists, clitics, diacritics, invented names and relation-free prose. It is\n"
    "deterministic for a seed and cached in the work folder.\n\n"
    "sections (--only text,graph,query,render; default all):\n"
    "  text    MB/s per stage on one core (read, normalise, segment, mentions,\n"
    "          relations, store; medians of --repeat passes, each up to its\n"
    "          stage), then 'aikg extract' and 'aikg build' end to end with\n"
    "          1 and N jobs: seconds, MB/s, facts/s, peak RSS; and the peers on\n"
    "          the same file: a Python pipeline (PyICU + pyahocorasick + regex\n"
    "          triggers, tests/bench/python_pipeline.py; timed by its own clock and\n"
    "          as a whole process, as 'aikg extract' is, whose own clock is its\n"
    "          --stats line) and LC_ALL=C grep -F -f over all catalog names\n"
    "          (tests/bench/grep_baseline.sh). Each runs --repeat times, in\n"
    "          rounds through all of them; medians shown.\n"
    "          With N > 1 jobs, N one-job extractions also run side by side:\n"
    "          what the machine's cores give, to judge --jobs N against.\n"
    "  graph   load, PageRank, weak components, betweenness (exact on the small\n"
    "          graph, sampled from --pivots sources), Louvain communities on\n"
    "          random digraphs (--graphs), with igraph on the same graph as peer\n"
    "          (tests/bench/graph_baseline.py).\n"
    "  query   a store of --query-facts facts: 'aikg build --facts' rate, then\n"
    "          'aikg query entity|neighbors|path' wall time (median of 5 runs).\n"
    "  render  'aikg render' of a 500-entity diagram to SVG.\n\n"
    "First and last it times a pointer chase through 4 MB: the latency of the\n"
    "cache that other tenants of a virtual machine share. Compare runs taken\n"
    "at similar latencies; a busy hour slows the text figures by a third.\n\n"
    "options:\n";

constexpr const char* kExamples =
    "\nexamples:\n"
    "  aikg bench                                   # everything, 20 MB corpus\n"
    "  aikg bench --only text --mb 100 --jobs 2\n"
    "  aikg bench --only text --new-words 7         # 7% of the words new, as in news with a real vocabulary\n"
    "  aikg bench --only graph --graphs 10000:50000,100000:1000000 --pivots 100\n"
    "  aikg bench --generate corpus.jsonl --mb 1000 # a 1 GB corpus for your own runs\n";

struct BenchArgs {
    CommonOptions common;
    std::string mb = "20", seed = "1", jobs, only = "text,graph,query,render", corpus, generate, work_dir;
    std::string graphs = "10000:50000,100000:1000000", pivots = "100", query_facts = "1000000", repeat = "3", new_words = "0";
    bool no_peers = false;
};

std::uint64_t parse_count(const std::string& text, const std::string& option) {
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value == 0)
        throw UsageError(option + " must be a positive whole number, not '" + text + "'");
    return value;
}

struct Settings {
    std::uint64_t bytes = 0, seed = 1, pivots = 100, query_facts = 0;
    double new_words_percent = 0;
    std::size_t jobs = 1, repeat = 3;
    bool text = false, graph = false, query = false, render = false, peers = true;
    std::vector<std::pair<std::uint32_t, std::uint64_t>> graphs;
    fs::path corpus, work_dir, root, self;
    ProjectPaths paths;
};

Settings validate(const BenchArgs& a) {
    Settings s;
    s.bytes = parse_count(a.mb, "--mb") * 1'000'000;
    s.seed = parse_count(a.seed, "--seed");
    s.pivots = parse_count(a.pivots, "--pivots");
    s.query_facts = parse_count(a.query_facts, "--query-facts");
    s.repeat = parse_count(a.repeat, "--repeat");
    {
        const char* first = a.new_words.data();
        const char* last = first + a.new_words.size();
        const auto [ptr, ec] = std::from_chars(first, last, s.new_words_percent);
        if (ec != std::errc() || ptr != last || s.new_words_percent < 0 || s.new_words_percent > 100)
            throw UsageError("--new-words must be a percentage from 0 to 100, not '" + a.new_words + "'");
    }
    s.jobs = parse_jobs(a.jobs);
    s.peers = !a.no_peers;
    std::stringstream sections(a.only);
    for (std::string part; std::getline(sections, part, ',');) {
        if (part == "text") s.text = true;
        else if (part == "graph") s.graph = true;
        else if (part == "query") s.query = true;
        else if (part == "render") s.render = true;
        else throw UsageError("--only takes text, graph, query and render, not '" + part + "'");
    }
    std::stringstream sizes(a.graphs);
    for (std::string part; std::getline(sizes, part, ',');) {
        const auto colon = part.find(':');
        if (colon == std::string::npos) throw UsageError("--graphs takes NODES:EDGES pairs, not '" + part + "'");
        const auto nodes = parse_count(part.substr(0, colon), "--graphs nodes");
        const auto edges = parse_count(part.substr(colon + 1), "--graphs edges");
        if (nodes < 2 || nodes > UINT32_MAX || edges > nodes * (nodes - 1)) throw UsageError("--graphs: no simple digraph " + part);
        s.graphs.emplace_back(static_cast<std::uint32_t>(nodes), edges);
    }
    s.paths = a.common.paths();
    s.root = s.paths.root;
    s.work_dir = a.work_dir.empty() ? s.root / "output" / "bench" : fs::path(a.work_dir);
    s.corpus = a.corpus;
    if (!s.corpus.empty() && !fs::exists(s.corpus)) throw UsageError("--corpus: no such file: " + s.corpus.string());
    s.self = fs::read_symlink("/proc/self/exe");
    return s;
}

std::string mb_per_s(std::uint64_t bytes, double seconds) {
    return seconds > 0 ? fixed(static_cast<double>(bytes) / 1e6 / seconds, 1) : "-";
}

// The seconds in the closing line of `aikg extract --stats` ("... in 262 ms
// (76.4 MB/s)" or "in 20.9 s"), from its stderr.
std::optional<double> stats_seconds(const std::string& err) {
    const std::size_t line = err.rfind("aikg extract: ");
    if (line == std::string::npos) return std::nullopt;
    const std::size_t at = err.find(" in ", line);
    if (at == std::string::npos) return std::nullopt;
    const char* first = err.data() + at + 4;
    const char* last = err.data() + err.size();
    double value = 0;
    const auto [end, error] = std::from_chars(first, last, value);
    if (error != std::errc()) return std::nullopt;
    const std::string_view unit(end, static_cast<std::size_t>(last - end));
    if (unit.starts_with(" ms")) return value / 1e3;
    if (unit.starts_with(" s")) return value;
    return std::nullopt;
}

void note(const std::string& what) { std::cerr << "aikg bench: " << what << "\n"; }

// A table whose columns line up in a terminal and in a Markdown README.
class Table {
public:
    explicit Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    void print() const {
        std::vector<std::size_t> width(rows_.front().size(), 3);
        for (const auto& r : rows_)
            for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
        for (std::size_t k = 0; k < rows_.size(); ++k) {
            std::cout << "|";
            for (std::size_t i = 0; i < rows_[k].size(); ++i)
                std::cout << " " << rows_[k][i] << std::string(width[i] - display_width(rows_[k][i]), ' ') << " |";
            std::cout << "\n";
            if (k == 0) {
                std::cout << "|";
                for (std::size_t i = 0; i < width.size(); ++i) std::cout << std::string(width[i] + 2, '-') << "|";
                std::cout << "\n";
            }
        }
        std::cout << "\n";
    }

private:
    static std::size_t display_width(const std::string& s) {
        std::size_t n = 0;
        for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return n;
    }
    std::vector<std::vector<std::string>> rows_;
};

bench::GeneratorOptions generator_options(const Settings& s) {
    bench::GeneratorOptions options;
    options.bytes = s.bytes;
    options.seed = s.seed;
    options.new_words = s.new_words_percent / 100;
    return options;
}

fs::path ensure_corpus(const Settings& s, const Knowledge& knowledge) {
    if (!s.corpus.empty()) return s.corpus;
    fs::create_directories(s.work_dir);
    std::string name = "corpus-" + std::to_string(s.bytes / 1'000'000) + "mb-seed" + std::to_string(s.seed);
    if (s.new_words_percent > 0) name += "-new" + fixed(s.new_words_percent, 2);
    const fs::path file = s.work_dir / (name + ".jsonl");
    if (fs::exists(file)) return file;
    note("generating " + file.string());
    const bench::CorpusGenerator generator(knowledge.catalog, s.root / "data" / "bench" / "templates.yaml");
    const fs::path partial = file.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::binary);
        generator.write(out, generator_options(s));
        if (!out) throw std::runtime_error("cannot write " + partial.string());
    }
    fs::rename(partial, file);
    return file;
}

// Runs one pass over the corpus with `work` per article; returns seconds.
template <class Work>
double corpus_pass(const fs::path& corpus, Work&& work) {
    const bench::Stopwatch clock;
    corpus::read_documents({corpus.string()}, [&](corpus::Document&& doc) { work(doc); }, [](const corpus::InputProblem&) {});
    return clock.seconds();
}

// Everything up to relations, then the facts written as `aikg build` writes
// them into a new store: content hash, batched transactions, the lookup
// indexes built once at the end.
double store_pass(const fs::path& corpus, const fs::path& file, const extract::Extractor& extractor, const kb::Catalog& catalog) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
    const bench::Stopwatch clock;
    store::StoreFile target(file.string());
    {
        store::Store db(target.write_path(), target.mode());
        store::BulkLoad bulk(db);
        store::BatchedWrites batches(db.db());
        corpus::read_documents(
            {corpus.string()},
            [&](corpus::Document&& d) {
                const store::ArticleRecord article{d.id, store::content_hash(d.text), d.source, d.title, d.date, d.url, d.lang};
                const store::ArticleState state = db.article_state(article.id, article.content_hash);
                if (state == store::ArticleState::Unchanged) return;
                extract::FactBatch facts;
                extractor.for_each_fact(d, [&facts](const extract::FactView& f) { facts.add(f); });
                batches.open_if_needed();
                db.put_article(article, state, facts.views(), catalog);
                batches.article_written();
            },
            [](const corpus::InputProblem&) {});
        batches.commit();
        bulk.finish();
        db.remove_orphans();
    }
    target.publish();
    return clock.seconds();
}

std::optional<nlohmann::json> peer_json(const bench::ChildRun& run) {
    if (run.exit_code != 0) return std::nullopt;
    const auto last = run.out.find_last_of('{');
    if (last == std::string::npos) return std::nullopt;
    try {
        return nlohmann::json::parse(run.out.substr(last));
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

bool python_with(const std::string& module) {
    return fs::exists("/usr/bin/python3") &&
           bench::run_child({"/usr/bin/python3", "-c", "import " + module}, "/dev/null").exit_code == 0;
}

void text_section(const Settings& s, const Knowledge& knowledge) {
    const fs::path corpus = ensure_corpus(s, knowledge);
    const extract::Extractor extractor(knowledge.catalog, knowledge.ontology, knowledge.rules, {0.5});
    std::uint64_t bytes = 0, articles = 0, arabic = 0;
    note("stages, one core");
    // A first pass untimed: the first read of the corpus pays for page cache
    // and heap growth that every later pass (and stage) would not, which made
    // reading look like a fifth of the work and normalising nearly free.
    corpus_pass(corpus, [&](const corpus::Document& d) {
        bytes += d.text.size();
        ++articles;
        arabic += d.lang == "ar";
    });
    std::cout << "## text: " << corpus.string() << "\n\n" << articles << " articles, " << fixed(static_cast<double>(bytes) / 1e6, 1)
              << " MB of text (" << fixed(100.0 * static_cast<double>(arabic) / static_cast<double>(std::max<std::uint64_t>(articles, 1)), 0)
              << "% Arabic)\n\n";
    std::size_t sink = 0;
    std::size_t facts = 0;
    // Each pass does everything up to its stage; a stage's time is the
    // difference between two passes, so each pass runs `repeat` times, in
    // rounds, and its median is used: single passes on a shared machine
    // could put a stage below zero.
    std::vector<std::function<double()>> passes{
        [&] { return corpus_pass(corpus, [](const corpus::Document&) {}); },
        // As extraction runs it: whitespace chunks normalised and tokenized once, then remembered.
        [&] { return corpus_pass(corpus, [&](const corpus::Document& d) { sink += text::normalize_and_tokenize(d.text).tokens.size(); }); },
        [&] {
            return corpus_pass(corpus, [&](const corpus::Document& d) {
                const auto* rules = extractor.rules_for(d.lang);
                sink += extract::analyze(d.text, rules ? &rules->words : nullptr).tokens.size();
            });
        },
        [&] { return corpus_pass(corpus, [&](const corpus::Document& d) { sink += extractor.mentions(d).size(); }); },
        [&] {
            facts = 0;
            return corpus_pass(corpus, [&](const corpus::Document& d) { facts += extractor.extract(d).size(); });
        },
        [&] { return store_pass(corpus, s.work_dir / "bench-stages.db", extractor, knowledge.catalog); },
    };
    std::vector<std::vector<double>> pass_seconds(passes.size());
    for (std::size_t round = 0; round < s.repeat; ++round)
        for (std::size_t i = 0; i < passes.size(); ++i) pass_seconds[i].push_back(passes[i]());
    std::vector<double> medians;
    for (auto& seconds : pass_seconds) {
        std::sort(seconds.begin(), seconds.end());
        medians.push_back(seconds[seconds.size() / 2]);
    }
    const double read = medians[0], normalise = medians[1], segment = medians[2], mentions = medians[3], relations = medians[4],
                 stored = medians[5];
    Table stages({"stage (one core, in process)", "seconds", "MB/s (stage alone)", "MB/s (up to here)"});
    auto stage = [&](const std::string& name, double alone, double cumulative) {
        // Still within the noise of the passes around it: shown as such, not as a time.
        if (alone <= 0) stages.add({name, "< noise", "-", mb_per_s(bytes, cumulative)});
        else stages.add({name, fixed(alone, 2), mb_per_s(bytes, alone), mb_per_s(bytes, cumulative)});
    };
    stage("read JSONL", read, read);
    stage("normalise and tokenize (NFKC_Casefold, Arabic folding; by chunks)", normalise - read, normalise);
    stage("segment (clitics, rule words, sentences)", segment - normalise, segment);
    stage("mentions (names, categories, unknown names, anaphora)", mentions - segment, mentions);
    stage("relations (rules, catalog facts, attributes)", relations - mentions, relations);
    stage("store (SQLite, as 'aikg build' writes: batched, indexes at the end)", stored - relations, stored);
    stages.print();
    if (sink == 0) note("nothing was found in the corpus");

    // Each command runs `repeat` times, in rounds through all of them, and
    // the median is shown: on a shared machine one run of each can land in
    // a busy second and another in a quiet one.
    using Reading = std::optional<std::pair<double, std::string>>;  // seconds, facts or matches
    struct Row {
        Row(std::string label_, std::string jobs_, std::function<bench::ChildRun()> run_,
            std::function<Reading(const bench::ChildRun&)> read_, bool peer_ = false)
            : label(std::move(label_)), jobs(std::move(jobs_)), run(std::move(run_)), read(std::move(read_)), peer(peer_) {}
        std::string label, jobs;
        std::function<bench::ChildRun()> run;
        std::function<Reading(const bench::ChildRun&)> read;
        bool peer;  // counts candidates or matches, not facts
        // Files the previous run left, removed before the next one starts,
        // untimed: truncating 21 MB of facts was done by the spawned child
        // before exec, 10-40 ms of the kernel's that were counted as aikg's.
        std::vector<fs::path> outputs;
        bool own_memory = true;  // false when a shell wraps the measured tool
        // A peer's whole process as well as its own timer: aikg's rows count
        // its start-up and loading, the Python pipeline's timer does not.
        bool whole_process_too = false;
        std::vector<double> whole_process_seconds;
        // aikg's own clock as well (--stats: from the end of its start-up),
        // to set beside the Python pipeline's own timer.
        bool reports_own_clock = false;
        std::vector<double> own_seconds;
        std::size_t copies = 1;  // runs of the corpus side by side: MB/s counts them all
        std::vector<double> seconds;
        std::string count = "-";
        double peak_rss_mb = 0;
    };
    // A peer reports its own seconds and what it counted, as JSON on stdout.
    auto peer_reading = [](const char* counted) {
        return [counted](const bench::ChildRun& run) -> Reading {
            const auto j = peer_json(run);
            if (!j) return std::nullopt;
            return std::pair<double, std::string>{(*j)["seconds"].get<double>(), std::to_string((*j)[counted].get<long>())};
        };
    };
    std::vector<Row> rows;
    const fs::path facts_file = s.work_dir / "facts.jsonl";
    auto copy_file = [&s](std::size_t i) { return s.work_dir / ("facts-copy-" + std::to_string(i) + ".jsonl"); };
    std::vector<std::size_t> job_counts{1};
    if (s.jobs > 1) job_counts.push_back(s.jobs);
    for (const std::size_t jobs : job_counts) {
        rows.push_back({"aikg extract", std::to_string(jobs),
                        [&s, &corpus, &facts_file, jobs] {
                            return bench::run_child({s.self.string(), "extract", corpus.string(), "--jobs", std::to_string(jobs), "--stats",
                                                     "--catalog", s.paths.catalog_dir.string(), "--schemas", s.paths.schemas_dir.string()},
                                                    facts_file.string(), /*capture_errors=*/true);
                        },
                        [&facts_file](const bench::ChildRun& run) {
                            std::size_t lines = 0;
                            std::ifstream in(facts_file);
                            for (std::string line; std::getline(in, line);) ++lines;
                            return Reading({run.seconds, std::to_string(lines)});
                        }});
        rows.back().outputs = {facts_file};
        rows.back().reports_own_clock = true;
    }
    // What the cores give at best: N independent one-job runs at once. On a
    // virtual machine two "cores" can share one physical core or its caches;
    // --jobs N is judged against this, not against N.
    if (s.jobs > 1) {
        rows.push_back({std::to_string(s.jobs) + " x aikg extract --jobs 1 at once (the machine's ceiling)", std::to_string(s.jobs),
                        [&s, &corpus, &copy_file] {
                            std::vector<bench::ChildRun> runs(s.jobs);
                            std::vector<std::thread> threads;
                            // Each writes its facts to a file of its own, as the rows it is
                            // held against do: writing 21 MB to a file is part of their time.
                            for (std::size_t i = 0; i < s.jobs; ++i)
                                threads.emplace_back([&, i] {
                                    runs[i] = bench::run_child({s.self.string(), "extract", corpus.string(), "--jobs", "1", "--catalog",
                                                                s.paths.catalog_dir.string(), "--schemas", s.paths.schemas_dir.string()},
                                                               copy_file(i).string());
                                });
                            for (auto& t : threads) t.join();
                            bench::ChildRun slowest = runs.front();
                            for (const auto& r : runs) {
                                if (r.exit_code != 0) slowest.exit_code = r.exit_code;
                                slowest.seconds = std::max(slowest.seconds, r.seconds);
                                slowest.peak_rss_mb = std::max(slowest.peak_rss_mb, r.peak_rss_mb);
                            }
                            return slowest;
                        },
                        [&copy_file](const bench::ChildRun& run) -> Reading {
                            if (run.exit_code != 0) return std::nullopt;
                            std::size_t lines = 0;
                            std::ifstream in(copy_file(0));
                            for (std::string line; std::getline(in, line);) ++lines;
                            return Reading({run.seconds, std::to_string(lines)});
                        }});
        rows.back().copies = s.jobs;
        for (std::size_t i = 0; i < s.jobs; ++i) rows.back().outputs.push_back(copy_file(i));
    }
    const fs::path build_store = s.work_dir / "bench-build.db";
    for (const std::size_t jobs : job_counts) {
        rows.push_back({"aikg build (with the store)", std::to_string(jobs),
                        [&s, &corpus, &build_store, jobs] {
                            return bench::run_child({s.self.string(), "build", corpus.string(), "--jobs", std::to_string(jobs), "--store",
                                                     build_store.string(), "--catalog", s.paths.catalog_dir.string(), "--schemas",
                                                     s.paths.schemas_dir.string()},
                                                    "/dev/null");
                        },
                        [facts](const bench::ChildRun& run) { return Reading({run.seconds, std::to_string(facts)}); }});
        for (const char* suffix : {"", "-wal", "-shm"}) rows.back().outputs.emplace_back(build_store.string() + suffix);
    }
    if (s.peers) {
        const fs::path scripts = s.root / "tests" / "bench";
        if (python_with("icu, ahocorasick, yaml")) {
            // It writes what it finds to a file, as the extract rows do.
            const fs::path candidates = s.work_dir / "python-candidates.jsonl";
            rows.push_back({"peer: Python pipeline (PyICU, pyahocorasick, regex)", "1",
                            [&s, &corpus, scripts, candidates] {
                                return bench::run_child({"/usr/bin/python3", (scripts / "python_pipeline.py").string(), "--catalog",
                                                         s.paths.catalog_dir.string(), "--out", candidates.string(), corpus.string()},
                                                        "");
                            },
                            peer_reading("candidates"),
                            true});
            rows.back().outputs = {candidates};
            rows.back().whole_process_too = true;
        } else {
            note("peer skipped: /usr/bin/python3 lacks PyICU or pyahocorasick (python3-icu, python3-ahocorasick)");
        }
        rows.push_back({"peer: LC_ALL=C grep -o -F -f names.txt", "1",
                        [&s, &corpus, scripts] {
                            return bench::run_child({"/bin/bash", (scripts / "grep_baseline.sh").string(), s.paths.catalog_dir.string(),
                                                     corpus.string()},
                                                    "");
                        },
                        peer_reading("matches"),
                        true});
        rows.back().own_memory = false;
    }
    for (std::size_t round = 1; round <= s.repeat; ++round) {
        for (Row& row : rows) {
            note(row.label + (row.jobs == "1" ? "" : " --jobs " + row.jobs) + " (run " + std::to_string(round) + " of " +
                 std::to_string(s.repeat) + ")");
            // The previous run's output (21 MB of facts, a store) removed and
            // the disk brought up to date before this run starts, untimed: the
            // kernel's writeback otherwise took a core from whatever ran next.
            for (const fs::path& output : row.outputs) fs::remove(output);
            ::sync();
            const bench::ChildRun run = row.run();
            const auto measured = row.read(run);
            if (!measured) continue;
            row.seconds.push_back(measured->first);
            row.whole_process_seconds.push_back(run.seconds);
            if (row.reports_own_clock) {
                const auto own = stats_seconds(run.err);
                if (!own) throw std::runtime_error("aikg extract --stats said no time in the benchmark: " + run.err);
                row.own_seconds.push_back(*own);
            }
            row.count = measured->second;
            row.peak_rss_mb = std::max(row.peak_rss_mb, run.peak_rss_mb);
        }
    }
    for (std::size_t i = 0; i < s.jobs; ++i) fs::remove(copy_file(i));
    for (const Row& row : rows)
        for (const fs::path& output : row.outputs) fs::remove(output);
    auto median_seconds = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    Table end_to_end({"command (end to end)", "jobs", "seconds (median)", "MB/s", "facts", "facts/s", "peak RSS MB"});
    std::map<std::string, double> median_of;  // label and jobs -> seconds
    for (Row& row : rows) {
        if (row.seconds.empty()) continue;
        std::sort(row.seconds.begin(), row.seconds.end());
        const double median = row.seconds[row.seconds.size() / 2];
        median_of[row.label + "|" + row.jobs] = median;
        const double copies = static_cast<double>(row.copies);
        const std::string per_second = row.peer ? "-" : fixed(copies * std::stod(row.count) / median, 0);
        const std::string label = row.whole_process_too ? row.label + ", its own timer (reading and matching)" : row.label;
        end_to_end.add({label, row.jobs, fixed(median, 2), mb_per_s(static_cast<std::uintmax_t>(copies * static_cast<double>(bytes)), median),
                        row.count, per_second, row.own_memory ? fixed(row.peak_rss_mb, 0) : "-"});
        if (row.reports_own_clock && !row.own_seconds.empty()) {
            const double own = median_seconds(row.own_seconds);
            median_of[row.label + ", own clock|" + row.jobs] = own;
            end_to_end.add({row.label + ", its own clock (from the end of start-up; --stats)", row.jobs, fixed(own, 2),
                            mb_per_s(bytes, own), row.count, fixed(std::stod(row.count) / own, 0), "-"});
        }
        if (row.whole_process_too) {
            const double whole = median_seconds(row.whole_process_seconds);
            median_of[row.label + ", whole process|" + row.jobs] = whole;
            end_to_end.add({row.label + ", whole process (interpreter, imports, catalog load)", row.jobs, fixed(whole, 2),
                            mb_per_s(bytes, whole), row.count, per_second, fixed(row.peak_rss_mb, 0)});
        }
    }
    end_to_end.print();
    const auto extract_one = median_of.find("aikg extract|1");
    const auto python_own = median_of.find("peer: Python pipeline (PyICU, pyahocorasick, regex)|1");
    const auto python_whole = median_of.find("peer: Python pipeline (PyICU, pyahocorasick, regex), whole process|1");
    const auto extract_own = median_of.find("aikg extract, own clock|1");
    if (extract_one != median_of.end() && python_own != median_of.end() && python_whole != median_of.end() &&
        extract_own != median_of.end())
        std::cout << "against the Python pipeline: extract --jobs 1 runs " << fixed(python_whole->second / extract_one->second, 2)
                  << "x as fast, both timed from process start to exit; " << fixed(python_own->second / extract_own->second, 2)
                  << "x both by their own clocks, which leave out start-up (the pipeline's interpreter, imports and catalog load; "
                     "aikg's snapshots), the ratio a long corpus tends to; "
                  << fixed(python_own->second / extract_one->second, 2) << "x aikg's whole process against the pipeline's own timer.\n";
    if (s.jobs > 1) {
        const std::string n = std::to_string(s.jobs);
        const auto one = median_of.find("aikg extract|1");
        const auto many = median_of.find("aikg extract|" + n);
        const auto ceiling = median_of.find(n + " x aikg extract --jobs 1 at once (the machine's ceiling)|" + n);
        if (one != median_of.end() && many != median_of.end() && ceiling != median_of.end())
            std::cout << "scaling: extract --jobs " << n << " runs " << fixed(one->second / many->second, 2) << "x as fast as --jobs 1; " << n
                      << " one-job runs side by side get " << fixed(static_cast<double>(s.jobs) * one->second / ceiling->second, 2)
                      << "x the work of one done in the same time (what the cores give).\n";
    }
    std::cout << "(MB/s counts article text bytes, " << fixed(static_cast<double>(bytes) / 1e6, 1) << " MB; the JSONL file is "
              << fixed(static_cast<double>(fs::file_size(corpus)) / 1e6, 1) << " MB. Peers report the same text bytes.)\n\n";
}

analysis::SimpleDigraph digraph_of(std::uint32_t nodes, const std::vector<bench::Arc>& arcs) {
    analysis::SimpleDigraph g;
    g.vertices.resize(nodes);
    g.out.resize(nodes);
    for (const auto& [u, v] : arcs) g.out[u].push_back(v);
    for (auto& list : g.out) std::sort(list.begin(), list.end());
    return g;
}

void graph_section(const Settings& s) {
    std::cout << "## graph algorithms (one core, seconds)\n\n";
    const bool igraph = s.peers && python_with("igraph");
    if (s.peers && !igraph) note("peer skipped: /usr/bin/python3 lacks igraph (python3-igraph)");
    for (const auto& [nodes, edges] : s.graphs) {
        note("graph " + std::to_string(nodes) + " nodes, " + std::to_string(edges) + " edges");
        const auto arcs = bench::random_digraph(nodes, edges, s.seed);
        Table table({"algorithm", "aikg", "igraph (same graph)"});
        std::optional<nlohmann::json> peer;
        if (igraph) {
            note("peer: igraph");
            peer = peer_json(bench::run_child({"/usr/bin/python3", (s.root / "tests" / "bench" / "graph_baseline.py").string(), "--nodes",
                                               std::to_string(nodes), "--edges", std::to_string(edges), "--seed", std::to_string(s.seed),
                                               "--pivots", std::to_string(s.pivots)}, ""));
        }
        auto theirs = [&peer](const char* key) {
            if (!peer || !peer->contains(key) || (*peer)[key].is_null()) return std::string("-");
            return fixed((*peer)[key].get<double>(), 3);
        };
        bench::Stopwatch clock;
        const auto g = digraph_of(nodes, arcs);
        table.add({"load (adjacency from the arc list)", fixed(clock.seconds(), 3), theirs("load_s")});
        clock = {};
        const auto rank = analysis::pagerank(g);
        table.add({"PageRank", fixed(clock.seconds(), 3), theirs("pagerank_s")});
        clock = {};
        const auto components = analysis::weak_components(g);
        table.add({"weakly connected components", fixed(clock.seconds(), 3), theirs("components_s")});
        if (edges <= 100'000) {
            clock = {};
            const auto exact = analysis::betweenness(g);
            table.add({"betweenness, exact", fixed(clock.seconds(), 3), theirs("betweenness_exact_s")});
        }
        clock = {};
        const auto sampled = analysis::betweenness_sampled(g, s.pivots, s.seed);
        table.add({"betweenness, " + std::to_string(s.pivots) + " sampled pivots", fixed(clock.seconds(), 3), theirs("betweenness_estimate_s")});
        clock = {};
        const auto communities = analysis::louvain(analysis::undirected_neighbours(g));
        table.add({"communities (Louvain)", fixed(clock.seconds(), 3), theirs("communities_s")});
        std::cout << "### " << nodes << " nodes, " << edges << " edges\n\n";
        table.print();
        if (rank.empty() || components.empty() || sampled.empty() || communities.of.empty()) note("empty result");
    }
}

// Facts JSONL as 'aikg extract' writes them, over synthetic organisations and models.
void write_synthetic_facts(const fs::path& file, std::uint64_t facts, std::uint32_t organisations, std::uint32_t models, std::uint64_t seed) {
    bench::Random random(seed);
    std::ofstream out(file, std::ios::binary);
    constexpr std::uint64_t kFactsPerArticle = 50;
    for (std::uint64_t i = 0; i < facts; ++i) {
        const std::uint64_t article = i / kFactsPerArticle;
        char subject[32], object[32];
        std::snprintf(subject, sizeof subject, "Org %06u", static_cast<unsigned>(random.below(organisations)));
        const bool derived = random.chance(0.2);
        if (derived) std::snprintf(subject, sizeof subject, "Model %06u", static_cast<unsigned>(random.below(models)));
        std::snprintf(object, sizeof object, "Model %06u", static_cast<unsigned>(random.below(models)));
        const char* relation = derived ? "derived_from" : random.chance(0.5) ? "released" : "uses";
        if (std::string_view(subject) == object) continue;
        nlohmann::ordered_json f;
        f["article"] = "synthetic-" + std::to_string(article);
        f["subject"] = subject;
        f["subject_type"] = derived ? "Model" : "Organization";
        f["relation"] = relation;
        f["object"] = object;
        f["object_type"] = "Model";
        f["sentence"] = std::string(subject) + " " + relation + " " + object + ".";
        f["start"] = (i % kFactsPerArticle) * 40;
        f["end"] = (i % kFactsPerArticle) * 40 + 39;
        f["rule"] = "bench.synthetic";
        f["confidence"] = 0.9;
        f["lang"] = "en";
        out << f.dump() << '\n';
    }
}

fs::path ensure_store(const Settings& s, std::uint64_t facts, std::uint32_t organisations, std::uint32_t models, Table* table) {
    fs::create_directories(s.work_dir);
    const fs::path store = s.work_dir / ("store-" + std::to_string(facts) + "-facts-seed" + std::to_string(s.seed) + ".db");
    if (fs::exists(store) && !table) return store;
    const fs::path facts_file = s.work_dir / "synthetic-facts.jsonl";
    write_synthetic_facts(facts_file, facts, organisations, models, s.seed);
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(store.string() + suffix);
    note("aikg build --facts: " + std::to_string(facts) + " facts");
    const auto run = bench::run_child({s.self.string(), "build", "--facts", facts_file.string(), "--store", store.string(), "--catalog",
                                       s.paths.catalog_dir.string(), "--schemas", s.paths.schemas_dir.string()}, "/dev/null", true);
    if (run.exit_code != 0) throw std::runtime_error("building the benchmark store failed (exit " + std::to_string(run.exit_code) + ")");
    if (table)
        table->add({"aikg build --facts (" + std::to_string(facts) + " facts)", fixed(run.seconds, 2),
                    fixed(static_cast<double>(facts) / run.seconds, 0) + " facts/s"});
    fs::remove(facts_file);
    return store;
}

double median_run(const std::vector<std::string>& argv) {
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) {
        const auto run = bench::run_child(argv, "/dev/null");
        if (run.exit_code != 0) throw std::runtime_error(argv[1] + " " + argv[2] + " failed in the benchmark (exit " + std::to_string(run.exit_code) + ")");
        times.push_back(run.seconds);
    }
    std::sort(times.begin(), times.end());
    return times[2];
}

void query_section(const Settings& s) {
    std::cout << "## queries on a store of " << s.query_facts << " facts (wall time of the whole command)\n\n";
    Table table({"command", "seconds", "rate"});
    const auto organisations = static_cast<std::uint32_t>(std::max<std::uint64_t>(100, s.query_facts / 50));
    const auto models = static_cast<std::uint32_t>(std::max<std::uint64_t>(400, s.query_facts / 12));
    const fs::path store = ensure_store(s, s.query_facts, organisations, models, &table);
    const std::vector<std::string> common{"--store", store.string(), "--catalog", s.paths.catalog_dir.string(), "--schemas",
                                          s.paths.schemas_dir.string()};
    auto with = [&common](std::vector<std::string> argv) {
        argv.insert(argv.end(), common.begin(), common.end());
        return argv;
    };
    const std::string exe = s.self.string();
    table.add({"aikg query entity \"Org 000001\"", fixed(median_run(with({exe, "query", "entity", "Org 000001"})), 4), "median of 5"});
    table.add({"aikg query neighbors \"Model 000002\"", fixed(median_run(with({exe, "query", "neighbors", "Model 000002"})), 4), "median of 5"});
    table.add({"aikg query path \"Org 000001\" \"Org 000002\"", fixed(median_run(with({exe, "query", "path", "Org 000001", "Org 000002"})), 4),
               "median of 5"});
    table.print();
}

void render_section(const Settings& s) {
    std::cout << "## render\n\n";
    Table table({"command", "seconds"});
    const fs::path store = ensure_store(s, 2000, 100, 400, nullptr);
    const fs::path svg = s.work_dir / "render-500.svg";
    note("aikg render");
    const auto run = bench::run_child({s.self.string(), "render", "-o", svg.string(), "--store", store.string(), "--catalog",
                                       s.paths.catalog_dir.string(), "--schemas", s.paths.schemas_dir.string()}, "/dev/null");
    if (run.exit_code != 0) throw std::runtime_error("aikg render failed in the benchmark (exit " + std::to_string(run.exit_code) + ")");
    table.add({"aikg render -o render-500.svg (500 entities, 2,000 facts, sfdp)", fixed(run.seconds, 2)});
    table.print();
}

// Larger than a core's own caches, smaller than the last one, which other
// tenants of a virtual machine share: what the text stages' memos compete for.
constexpr std::size_t kLatencyProbeBytes = std::size_t{4} << 20;

double memory_latency_ns() {
    note("memory latency");
    return bench::memory_round_trip_ns(kLatencyProbeBytes, 20'000'000);
}

int run(const Settings& s, const std::string& generate_to) {
    const auto knowledge = load_knowledge(s.paths);
    if (!generate_to.empty()) {
        const bench::CorpusGenerator generator(knowledge->catalog, s.root / "data" / "bench" / "templates.yaml");
        std::ofstream out(generate_to, std::ios::binary);
        if (!out) throw std::runtime_error("cannot write " + generate_to);
        const auto corpus = generator.write(out, generator_options(s));
        std::cerr << "aikg bench: " << corpus.articles << " articles, " << fixed(static_cast<double>(corpus.text_bytes) / 1e6, 1)
                  << " MB of text in " << generate_to << "\n";
        return kSuccess;
    }
    std::cout << "# aikg bench (seed " << s.seed << ", " << s.jobs << " jobs, " << pipeline::default_jobs() << " cores)\n\n";
    const double latency_before = memory_latency_ns();
    std::cout << "memory: " << fixed(latency_before, 1) << " ns a load in a " << (kLatencyProbeBytes >> 20)
              << " MB pointer chase (the shared cache's latency: on a busier machine it is higher and every figure below lower)\n\n";
    if (s.text) text_section(s, *knowledge);
    if (s.graph) graph_section(s);
    if (s.query) query_section(s);
    if (s.render) render_section(s);
    // Measured before the line is begun: its progress note would otherwise
    // land inside the line when stdout and stderr share a pipe.
    const double latency_after = memory_latency_ns();
    std::cout << "memory at the end: " << fixed(latency_after, 1) << " ns a load (" << fixed(latency_before, 1) << " at the start)\n";
    std::cout << "peak RSS of the benchmark process: " << fixed(bench::peak_rss_mb(), 0) << " MB\n";
    return kSuccess;
}

}  // namespace

int run_bench(const std::vector<std::string>& args) {
    BenchArgs a;
    ArgParser parser;
    parser.option("--mb", &a.mb, "N", "corpus size in MB of article text (default: 20)");
    parser.option("--seed", &a.seed, "S", "seed for the corpus, graphs and facts (default: 1)");
    parser.option("--jobs", &a.jobs, "N", "threads for the parallel runs (default: every core)");
    parser.option("--only", &a.only, "LIST", "sections to run: text,graph,query,render (default: all)");
    parser.option("--corpus", &a.corpus, "FILE", "measure this JSONL corpus instead of a generated one");
    parser.option("--generate", &a.generate, "FILE", "only write the generated corpus to FILE");
    parser.option("--new-words", &a.new_words, "PERCENT",
                  "words of the generated corpus given an ending no other word has, as in text with a real vocabulary (default: 0)");
    parser.option("--graphs", &a.graphs, "LIST", "graph sizes as NODES:EDGES (default: 10000:50000,100000:1000000)");
    parser.option("--pivots", &a.pivots, "K", "sources for sampled betweenness (default: 100)");
    parser.option("--query-facts", &a.query_facts, "N", "facts in the query benchmark's store (default: 1000000)");
    parser.option("--repeat", &a.repeat, "N", "runs of each end-to-end text command, median shown (default: 3)");
    parser.option("--work-dir", &a.work_dir, "DIR", "where corpora and stores are cached (default: output/bench)");
    parser.flag("--no-peers", &a.no_peers, "skip the Python, grep and igraph peers");
    a.common.declare(parser);
    if (!parser.parse(args)) {
        std::cout << kHelp << parser.options_help() << kExamples;
        return kSuccess;
    }
    return run(validate(a), a.generate);
}

}  // namespace aikg::cli

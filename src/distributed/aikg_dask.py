#!/usr/bin/python3
"""aikg on a Dask cluster: `aikg extract` is the map, `aikg build --facts` the reduce.

Runs with Debian's Python and its python3-distributed package (the dask and
distributed modules); the aikg binary does the extraction. See --help and
src/distributed/README.md.
"""
import argparse
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid

PROG = "aikg_dask.py"
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
MAX_ARTICLE_BYTES = 16 * 1024 * 1024      # aikg's article limit (corpus::kMaxArticleBytes)
ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl")  # what aikg picks up in a folder
BLANK = b" \t\n\v\f\r"
REDUCE_BATCH = 500                        # facts files per 'aikg build --facts' call

DESCRIPTION = """\
Builds an aikg store on a Dask cluster when one machine is not enough.

The inputs are split into shards of about --shard-mb megabytes (JSONL, one
article per line, at article boundaries, in input order). Every shard is one
Dask task that runs 'aikg extract SHARD --format jsonl' on a worker (the map);
the facts files are then loaded here, in shard order, with
'aikg build --facts F1 F2 ... --store PATH' (the reduce). The store holds
what one 'aikg build INPUT... --store PATH' would: the same facts with the
same evidence, entities and aliases, and the same rejections. As with any
'aikg build --facts', an article row keeps what facts carry (id, date,
language): not its source path, title or url, and an article in which
nothing was found has no row. An id given twice is resolved as one build
does: a later copy with another text wins.

INPUT is what 'aikg build' takes: .jsonl files ({"id","text"} per line;
"title","date","url","lang" optional), .txt/.md files (the file name is the
article id, the language is detected), folders (searched recursively) or -
for standard input.

Without --scheduler, a LocalCluster of --workers processes (1 thread each)
is started on this machine. With --scheduler, the tasks go to that cluster
('dask scheduler' and 'dask worker' from python3-distributed). Workers on
other machines need: the aikg binary, and --catalog/--schemas when given, at
the same paths as here, and the work folder on a file system they share
with this machine (NFS or the like), since shards and facts are passed as
files. Give such a folder with --work-dir.

Bad inputs are named on stderr as aikg names them (file, or file:line for
JSONL) and skipped, and recorded in the store's rejections table; a shard
whose extraction fails is named with the inputs it held and its facts are
not loaded.

exit codes: 0 everything processed; 1 some input or shard failed (named on
stderr), or the cluster or the store failed; 2 bad command line, aikg binary,
catalog or rules (nothing done).
"""

EXAMPLES = """\
examples:
  # 4 local worker processes, shards of 8 MB, into news.db
  %(prog)s dump.jsonl news/ --store news.db --workers 4

  # an existing cluster; the work folder is on NFS, seen by every worker
  dask scheduler &                                # on the scheduler host
  dask worker tcp://sched:8786 --nthreads 1       # on each worker host
  %(prog)s /nfs/news/*.jsonl --store news.db --scheduler tcp://sched:8786 \\
      --work-dir /nfs/tmp --aikg /opt/aikg/build/aikg

  # keep the shards and their facts files to look at them
  %(prog)s data/corpus --store kg.db --shard-mb 0.02 --keep-shards --work-dir /tmp/kg

Progress goes to stderr when it is a terminal; a one-line summary always.
"""


# --------------------------------------------------------------------------
# The map task: runs on a worker. Self-contained (it is pickled by value).

def extract_shard(aikg, shard, facts, options):
    """Runs `aikg extract SHARD --format jsonl OPTIONS > FACTS` on this worker.

    Returns (exit code or None when aikg could not run, stderr text, host)."""
    import os
    import socket
    import subprocess
    host = socket.gethostname()
    if not os.path.isfile(shard):
        return None, (f"shard {shard} is not visible on worker {host}: the work folder must be on a file system "
                      "shared with the workers (--work-dir)"), host
    partial = facts + ".part"
    try:
        with open(partial, "wb") as out:
            proc = subprocess.run([aikg, "extract", shard, "--format", "jsonl", *options],
                                  stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    except OSError as e:
        return None, f"cannot run {aikg} on worker {host}: {e.strerror or e}", host
    if proc.returncode in (0, 1):
        os.replace(partial, facts)
    return proc.returncode, proc.stderr.decode("utf-8", "replace"), host


# --------------------------------------------------------------------------
# Reading the inputs as aikg does, into shards.

def is_blank(data):
    return all(c in BLANK for c in data)


def looks_binary(data):
    """aikg's text::looks_binary: a NUL, or over 5% C0 controls in the first 8 KiB."""
    probe = data[:8192]
    if b"\0" in probe:
        return True
    control = sum(1 for c in probe if c < 0x20 and c not in (0x0A, 0x0D, 0x09, 0x0C))
    return len(probe) > 0 and control * 20 > len(probe)


def text_problem(data):
    """aikg's corpus::text_problem: why these bytes are not an article, or None."""
    if is_blank(data):
        return "file is empty"
    if len(data) > MAX_ARTICLE_BYTES:
        return f"larger than the {MAX_ARTICLE_BYTES >> 20} MiB article limit ({len(data)} bytes)"
    if looks_binary(data):
        return "binary data, not text"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"invalid UTF-8 at byte {e.start}"
    return None


def strip_bom(data):
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def json_field(record, key):
    """nlohmann's view of a field as aikg reads it: strings as they are, other values dumped."""
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def digest(text):
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Occurrence:
    """One article record as placed in a shard."""
    __slots__ = ("seq", "shard", "line", "where", "id", "digest")

    def __init__(self, seq, shard, line, where, article_id, text_digest):
        self.seq, self.shard, self.line, self.where = seq, shard, line, where
        self.id, self.digest = article_id, text_digest


class Shard:
    def __init__(self, index, path):
        self.index = index
        self.path = path
        self.facts = path[: -len(".jsonl")] + ".facts.jsonl"
        self.occurrences = []   # one per line, in order
        self.ids = set()
        self.size = 0


class Sharder:
    """Writes article records into shards of about `limit` bytes, in order.

    Two records with the same id never share a shard, so that the facts of
    each copy can be told apart when the later copy must win (as it does in
    one 'aikg build')."""

    def __init__(self, folder, limit):
        self.shard_dir = folder
        self.limit = limit
        self.shards = []
        self.problems = []      # (order, where, reason) found here, before any extraction
        self.count = 0          # records placed so far
        self._out = None

    def _shard_for(self, size, article_id):
        cur = self.shards[-1] if self.shards else None
        if cur is None or (cur.occurrences and (cur.size + size > self.limit or article_id in cur.ids)):
            if self._out:
                self._out.close()
            cur = Shard(len(self.shards), os.path.join(self.shard_dir, f"shard-{len(self.shards) + 1:05d}.jsonl"))
            self.shards.append(cur)
            self._out = open(cur.path, "wb")
        return cur

    def add(self, line, where, article_id, text_digest):
        if not line.endswith(b"\n"):
            line += b"\n"
        shard = self._shard_for(len(line), article_id)
        self._out.write(line)
        shard.size += len(line)
        shard.occurrences.append(Occurrence(self.count, shard.index, len(shard.occurrences) + 1, where, article_id,
                                            text_digest))
        self.count += 1
        if article_id is not None:
            shard.ids.add(article_id)

    def close(self):
        if self._out:
            self._out.close()
            self._out = None

    def problem(self, where, reason):
        self.problems.append(((self.count, 0), where, reason))

    # -- the kinds of input, as corpus::Reader reads them --

    def input(self, arg):
        if arg == "-":
            data = strip_bom(sys.stdin.buffer.read())
            stripped = data.lstrip(b" \t\r\n")
            if stripped.startswith(b"{"):
                self.jsonl(data.split(b"\n"), "<stdin>")
            else:
                self.text_article(data, "stdin", "<stdin>")
            return
        if not os.path.exists(arg):
            return self.problem(arg, "no such file or folder")
        if os.path.isdir(arg):
            return self.folder(arg)
        self.file(arg, arg)

    def folder(self, folder):
        files = []
        for root, _dirs, names in os.walk(folder):
            for name in names:
                path = os.path.join(root, name)
                if os.path.splitext(name)[1] in ARTICLE_SUFFIXES and os.path.isfile(path):
                    files.append(path)
        # std::sort over std::filesystem::path: element by element, bytewise.
        files.sort(key=lambda p: [os.fsencode(part) for part in p.split(os.sep)])
        if not files:
            self.problem(folder, "folder holds no .txt, .md or .jsonl articles")
        for path in files:
            self.file(path, path)

    def file(self, path, shown):
        try:
            f = open(path, "rb")
        except OSError:
            return self.problem(shown, "cannot open file (permission denied or not a regular file)")
        with f:
            if os.path.splitext(path)[1] == ".jsonl":
                return self.jsonl(f, shown)
            size = os.fstat(f.fileno()).st_size
            if size > MAX_ARTICLE_BYTES:
                return self.problem(shown, f"larger than the {MAX_ARTICLE_BYTES >> 20} MiB article limit ({size} bytes)")
            try:
                data = f.read()
            except OSError:
                return self.problem(shown, "read error")
        self.text_article(strip_bom(data), os.path.basename(path), shown)

    def text_article(self, data, article_id, shown):
        reason = text_problem(data)
        if reason:
            return self.problem(shown, reason)
        text = data.decode("utf-8")
        line = json.dumps({"id": article_id, "text": text}, ensure_ascii=False).encode("utf-8", "surrogateescape")
        self.add(line, shown, article_id, digest(text))

    def jsonl(self, lines, shown):
        records = 0
        for number, line in enumerate(lines, 1):
            if is_blank(line):
                continue
            records += 1
            # Lines go to the shard as they are: aikg judges them there, and its
            # messages are mapped back to this file and line.
            article_id = text_digest = None
            try:
                record = json.loads(line)
                if isinstance(record, dict) and isinstance(record.get("text"), str):
                    article_id = json_field(record, "id") or None
                    text_digest = digest(record["text"])
            except ValueError:
                pass
            self.add(line, f"{shown}:{number}", article_id, text_digest)
        if records == 0:
            self.problem(shown, "file is empty (no JSON lines)")


# --------------------------------------------------------------------------
# The driver.

def positive_float(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, not '{text}'")
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be above 0, not '{text}'")
    return value


def positive_int(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not '{text}'")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not '{text}'")
    return value


def fraction(text):
    try:
        value = float(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, not '{text}'")
    return text


def default_aikg():
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.normpath(os.path.join(here, "..", "..", "build", "aikg"))
    if os.path.isfile(built) and os.access(built, os.X_OK):
        return built
    return shutil.which("aikg") or built


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog=PROG, description=DESCRIPTION, epilog=EXAMPLES,
        usage="%(prog)s INPUT... --store PATH [--scheduler ADDRESS | --workers N] [options]",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl, .txt/.md files, folders, or - for stdin")
    p.add_argument("--store", required=True, metavar="PATH", help="SQLite store to build or update (required)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="a running Dask scheduler, e.g. tcp://host:8786 (needs a shared --work-dir)")
    where.add_argument("--workers", type=positive_int, default=None, metavar="N",
                       help="start a LocalCluster of N worker processes, 1 thread each (default: 2)")
    p.add_argument("--shard-mb", type=positive_float, default=8.0, metavar="MB",
                   help="shard size in megabytes of JSONL, split at article boundaries (default: 8)")
    p.add_argument("--aikg", metavar="PATH", default=None,
                   help="the aikg binary, same path on every worker (default: build/aikg of this project, "
                        "else aikg on PATH)")
    p.add_argument("--catalog", metavar="DIR", help="entity catalog folder (default: aikg's, the project's graph/)")
    p.add_argument("--schemas", metavar="DIR", help="ontology and rules folder (default: aikg's, the project's schemas/)")
    p.add_argument("--min-confidence", type=fraction, default="0.5", metavar="X",
                   help="drop facts below this confidence, 0 to 1 (default: 0.5)")
    p.add_argument("--work-dir", metavar="DIR",
                   help="where shards and facts files go, in a new subfolder (default: a temporary folder; "
                        "with --scheduler it must be shared with the workers)")
    p.add_argument("--keep-shards", action="store_true",
                   help="keep the shards and facts files (their folder is printed)")
    args = p.parse_args(argv)
    if args.workers is None and not args.scheduler:
        args.workers = 2

    args.aikg = os.path.abspath(args.aikg) if args.aikg else default_aikg()
    if not (os.path.isfile(args.aikg) and os.access(args.aikg, os.X_OK)):
        p.error(f"aikg binary not found or not executable: {args.aikg} (give one with --aikg PATH)")
    for name in ("catalog", "schemas"):
        value = getattr(args, name)
        if value is not None:
            if not os.path.isdir(value):
                p.error(f"--{name}: no such folder: {value}")
            setattr(args, name, os.path.abspath(value))
    if args.work_dir is not None:
        if not os.path.isdir(args.work_dir):
            p.error(f"--work-dir: no such folder: {args.work_dir}")
        args.work_dir = os.path.abspath(args.work_dir)
    return args


def knowledge_options(args):
    options = []
    if args.catalog:
        options += ["--catalog", args.catalog]
    if args.schemas:
        options += ["--schemas", args.schemas]
    return options


class Progress:
    """A status line on stderr when it is a terminal; nothing otherwise."""

    def __init__(self):
        self.on = sys.stderr.isatty()
        self.shown = False

    def say(self, text):
        if self.on:
            sys.stderr.write("\r\033[K" + PROG + ": " + text)
            sys.stderr.flush()
            self.shown = True

    def done(self):
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self.shown = False


def run_cluster(args, shards, progress):
    """Submits one extract task per shard; returns the results in shard order.

    A result is (exit code or None, stderr text, host); an exception object
    when the task itself failed."""
    logging.getLogger("distributed").setLevel(logging.ERROR)
    from distributed import Client, LocalCluster, as_completed

    options = ["--min-confidence", args.min_confidence, *args.extract_options, *knowledge_options(args)]
    cluster = None
    scratch = tempfile.TemporaryDirectory(prefix="aikg-dask-workers-")  # the local workers' spill space
    try:
        if args.scheduler:
            progress.say(f"connecting to {args.scheduler}")
            client = Client(args.scheduler, timeout="30s")
        else:
            args.workers = min(args.workers, len(shards))  # no idle workers to start
            progress.say(f"starting a LocalCluster of {args.workers} worker(s)")
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR,
                                   local_directory=scratch.name)
            client = Client(cluster)
        with client:
            run = uuid.uuid4().hex[:8]
            futures = {}
            for shard in shards:
                future = client.submit(extract_shard, args.aikg, shard.path, shard.facts, options,
                                       key=f"aikg-extract-{run}-{shard.index + 1:05d}", pure=False)
                futures[future] = shard.index
            results = [None] * len(shards)
            done = 0
            progress.say(f"0/{len(shards)} shards extracted")
            for future in as_completed(futures):
                index = futures[future]
                try:
                    results[index] = future.result()
                except Exception as e:  # the task raised or its worker died too often
                    results[index] = e
                done += 1
                progress.say(f"{done}/{len(shards)} shards extracted")
            return results
    finally:
        if cluster is not None:
            cluster.close()
        scratch.cleanup()


def map_messages(shard, stderr, problems, bad_lines):
    """Rewrites aikg's 'SHARD:LINE: reason, skipped' as 'INPUT[:LINE]: reason, skipped'."""
    pattern = re.compile(re.escape(shard.path) + r":(\d+): (.*)")
    for line in stderr.splitlines():
        m = pattern.fullmatch(line)
        if m and 1 <= int(m.group(1)) <= len(shard.occurrences):
            occurrence = shard.occurrences[int(m.group(1)) - 1]
            reason = m.group(2)
            if reason.endswith(", skipped"):
                reason = reason[: -len(", skipped")]
            problems.append(((occurrence.seq, 1), occurrence.where, reason))
            bad_lines.add(occurrence.line)
        elif line.startswith("aikg extract: "):
            continue  # its own summary; ours follows
        elif line.strip():
            print(f"{PROG}: shard {shard.index + 1}: {line}", file=sys.stderr)


def superseded(shards, good):
    """Which (shard, id) copies one 'aikg build' would not keep.

    A build keeps the first copy of an id, replaces it with a later copy of
    another text and keeps it for a later copy of the same text (unchanged)."""
    copies = {}
    for shard in shards:
        for occ in shard.occurrences:
            if occ.id is not None and good(occ):
                copies.setdefault(occ.id, []).append(occ)
    drop = {}
    for article_id, occs in copies.items():
        if len(occs) < 2:
            continue
        kept = occs[0]
        for occ in occs[1:]:
            if occ.digest != kept.digest:
                kept = occ
        for occ in occs:
            if occ is not kept:
                drop.setdefault(occ.shard, set()).add(article_id)
    return drop


def drop_articles(path, ids):
    """Removes the facts of these article ids from a facts file."""
    kept = path + ".kept"
    with open(path, "rb") as src, open(kept, "wb") as dst:
        for line in src:
            try:
                if json.loads(line).get("article") in ids:
                    continue
            except (ValueError, AttributeError):
                pass
            dst.write(line)
    os.replace(kept, path)


def record_rejections(store, rejected, accepted):
    """What 'aikg build' does with the sources it reads: a row in rejections per
    bad one, a row cleared per good one. The reduce step only sees facts."""
    try:
        con = sqlite3.connect(store, timeout=30)
    except sqlite3.Error as e:
        return f"cannot open the store to record rejections: {e}"
    try:
        columns = {row[1] for row in con.execute("PRAGMA table_info(rejections)")}
        if not {"source", "reason"} <= columns:
            return None  # a store without rejections
        with con:
            con.executemany("DELETE FROM rejections WHERE source = ?", [(s,) for s in accepted])
            con.executemany("INSERT OR REPLACE INTO rejections(source, reason) VALUES(?, ?)", rejected)
        return None
    except sqlite3.Error as e:
        return f"cannot record rejections in the store: {e}"
    finally:
        con.close()


def main(argv=None):
    started = time.monotonic()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    progress = Progress()

    # The catalog and rules are checked once here, before any cluster is started.
    check = subprocess.run([args.aikg, "validate", *knowledge_options(args)], capture_output=True, text=True,
                           errors="replace", stdin=subprocess.DEVNULL)
    if check.returncode != 0:
        sys.stderr.write(check.stderr or check.stdout)
        print(f"{PROG}: the catalog or rules have problems (aikg validate); nothing done", file=sys.stderr)
        return EXIT_USAGE

    # One extraction thread per task: the cluster's workers are the parallelism.
    helptext = subprocess.run([args.aikg, "extract", "--help"], capture_output=True, text=True, errors="replace",
                              stdin=subprocess.DEVNULL).stdout
    args.extract_options = ["--jobs", "1"] if "--jobs" in helptext else []

    args.run_dir = tempfile.mkdtemp(prefix="aikg-dask-", dir=args.work_dir)
    try:
        return run(args, progress, started)
    except KeyboardInterrupt:
        progress.done()
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_PARTIAL
    finally:
        progress.done()
        if args.keep_shards:
            print(f"{PROG}: shards and facts kept in {args.run_dir}", file=sys.stderr)
        else:
            shutil.rmtree(args.run_dir, ignore_errors=True)


def run(args, progress, started):
    progress.say("splitting the inputs into shards")
    sharder = Sharder(args.run_dir, max(1, int(args.shard_mb * 1e6)))
    try:
        for arg in args.inputs:
            sharder.input(arg)
    finally:
        sharder.close()
    shards = sharder.shards
    problems = list(sharder.problems)
    failed_shards = []
    bad_lines = {shard.index: set() for shard in shards}

    try:
        results = run_cluster(args, shards, progress) if shards else []
    except Exception as e:  # no scheduler there, a cluster that would not start, ...
        progress.done()
        where = args.scheduler or f"a LocalCluster of {args.workers} worker(s)"
        print(f"{PROG}: {where}: {type(e).__name__}: {e}; nothing was loaded into {args.store}", file=sys.stderr)
        return EXIT_PARTIAL
    progress.done()

    for shard, result in zip(shards, results):
        if isinstance(result, BaseException):
            code, stderr, host = None, f"{type(result).__name__}: {result}", "?"
        else:
            code, stderr, host = result
        if code in (0, 1):
            map_messages(shard, stderr, problems, bad_lines[shard.index])
            continue
        failed_shards.append(shard)
        held = shard.occurrences[0].where
        if len(shard.occurrences) > 1:
            held += " .. " + shard.occurrences[-1].where
        reason = "not run" if code is None else f"killed by signal {-code}" if code < 0 else f"exit code {code}"
        detail = "; ".join(line for line in stderr.splitlines() if line.strip())[-2000:]
        print(f"{PROG}: shard {shard.index + 1} ({held}) failed on {host}: {reason}"
              + (f": {detail}" if detail else "") + "; its articles were not loaded", file=sys.stderr)

    problems = [(where, reason) for _order, where, reason in sorted(problems, key=lambda p: p[0])]
    for where, reason in problems:  # in input order, as aikg names them
        print(f"{where}: {reason}, skipped", file=sys.stderr)
    failed = {shard.index for shard in failed_shards}

    def good(occ):
        return occ.shard not in failed and occ.line not in bad_lines[occ.shard]

    for index, ids in superseded(shards, good).items():
        drop_articles(shards[index].facts, ids)

    facts_files = [shard.facts for shard in shards if shard.index not in failed]
    if not facts_files:  # still create the store and record the rejections, as 'aikg build' would
        empty = os.path.join(args.run_dir, "none.facts.jsonl")
        open(empty, "wb").close()
        facts_files = [empty]
    facts = 0
    for path in facts_files:
        with open(path, "rb") as f:
            facts += sum(1 for line in f if line.strip())

    # Every article id is in one facts file only (copies were dropped above), so
    # loading the files in batches gives the store one call would.
    progress.say(f"loading {facts} facts from {len(facts_files)} file(s) into {args.store}")
    reduce_code = 0
    added = [0, 0, 0]
    for start in range(0, len(facts_files), REDUCE_BATCH):
        reduce = subprocess.run([args.aikg, "build", "--facts", *facts_files[start:start + REDUCE_BATCH],
                                 "--store", args.store, *knowledge_options(args)],
                                capture_output=True, text=True, errors="replace", stdin=subprocess.DEVNULL)
        for line in reduce.stderr.splitlines():
            m = re.match(r"aikg build: (\d+) added, (\d+) replaced, (\d+) unchanged article", line)
            if m:
                added = [a + int(b) for a, b in zip(added, m.groups())]
            elif line.strip():
                print(line, file=sys.stderr)
        if reduce.returncode not in (0, 1):
            reduce_code = reduce.returncode
            break
        reduce_code = max(reduce_code, reduce.returncode)
    progress.done()
    counts = "{} added, {} replaced, {} unchanged".format(*added)

    if reduce_code in (0, 1) and os.path.exists(args.store):
        accepted = [occ.where for shard in shards for occ in shard.occurrences if good(occ)]
        trouble = record_rejections(args.store, problems, accepted)
        if trouble:
            print(f"{PROG}: {trouble}", file=sys.stderr)
            reduce_code = reduce_code or EXIT_PARTIAL

    articles = sum(1 for shard in shards for occ in shard.occurrences if good(occ))
    summary = (f"{PROG}: {len(shards)} shard(s), {articles} article(s), {facts} facts in "
               f"{time.monotonic() - started:.1f} s")
    summary += f" on {args.scheduler}" if args.scheduler else f" on {args.workers} local worker(s)"
    summary += f"; {counts} in {args.store}"
    if problems:
        summary += f"; {len(problems)} input(s) skipped"
    if failed_shards:
        summary += f"; {len(failed_shards)} shard(s) failed"
    if reduce_code not in (0, 1):
        summary += f"; aikg build --facts failed (exit code {reduce_code})"
    print(summary, file=sys.stderr)

    if reduce_code == EXIT_USAGE:
        return EXIT_USAGE
    if problems or failed_shards or reduce_code != 0:
        return EXIT_PARTIAL
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

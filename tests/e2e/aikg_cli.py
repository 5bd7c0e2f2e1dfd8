"""Runs the aikg binary for end-to-end tests (paths come from CTest's environment)."""
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

AIKG = os.environ.get("AIKG_BIN", str(Path(__file__).resolve().parents[2] / "build" / "aikg"))
ROOT = Path(os.environ.get("AIKG_ROOT", Path(__file__).resolve().parents[2]))
SHARED = Path(os.environ.get("AIKG_SHARED", ROOT.parent / "shared"))
TEST_DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "data" / "corpus"


def run(*args, stdin=None, cwd=None):
    """Runs aikg; returns (exit code, stdout, stderr) as text."""
    proc = subprocess.run([AIKG, *map(str, args)], input=stdin, capture_output=True, cwd=cwd,
                          text=True, encoding="utf-8", timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def facts(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def triples(stdout):
    return {(f["subject"], f["relation"], f["object"]) for f in facts(stdout)}


class ScratchDir:
    def __enter__(self):
        self.path = Path(tempfile.mkdtemp(prefix="aikg-e2e-"))
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)

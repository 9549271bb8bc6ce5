"""Shared helpers of the end-to-end tests: run the two binaries and read their JSON output."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import unittest

ARGS = None


def parse_args():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--index", required=True)
    p.add_argument("--search", required=True)
    p.add_argument("--corpus", required=True)
    ARGS, rest = p.parse_known_args()
    return [sys.argv[0]] + rest


class Run:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json_lines(self):
        return [json.loads(line) for line in self.out.decode("utf-8").splitlines() if line.strip()]

    def hits(self):
        return [o for o in self.json_lines() if o.get("type") == "hit"]

    def summary(self):
        s = [o for o in self.json_lines() if o.get("type") == "summary"]
        return s[-1] if s else None

    def err_text(self):
        return self.err.decode("utf-8", "replace")


def run(binary, *args, env=None, stdin=None, timeout=300):
    e = dict(os.environ)
    e.pop("NEWS_DB", None)
    if env:
        e.update(env)
    proc = subprocess.run([binary, *args], input=stdin, capture_output=True, env=e, timeout=timeout)
    return Run(proc)


def index(*args, **kw):
    return run(ARGS.index, *args, **kw)


def search(*args, **kw):
    return run(ARGS.search, *args, **kw)


class TempDirTest(unittest.TestCase):
    """A test case with a fresh temporary folder in self.tmp."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="news-e2e-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def assertNoCrash(self, r, what):
        # A negative return code is death by a signal (segfault, abort); 2 is a handled error.
        self.assertGreaterEqual(r.code, 0, f"{what} crashed: {r.err_text()[-2000:]}")
        self.assertNotIn("terminate called", r.err_text(), what)


def main():
    argv = parse_args()
    unittest.main(argv=argv, verbosity=2)

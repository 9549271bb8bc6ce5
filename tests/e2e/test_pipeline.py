"""news-index on a dump it is left running on: kill -9 in the middle and run again, and the
database holds every document exactly once; a third run writes nothing and says so; SIGINT
commits what was done and exits 130; the dry run's output does not depend on --jobs."""

import os
import re
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import TempDirTest, index, search  # noqa: E402

COUNT = 3000
PEOPLE = ["Anna Schmidt", "Jonas Weber", "Maria Lopez", "Peter Novak", "Sara Lind"]
PLACES = ["Hamburg", "Madrid", "Prague", "Lisbon", "Oslo"]
SUMMARY = re.compile(r"indexed (\d+) new, (\d+) changed, (\d+) unchanged, skipped (\d+)")


def make_dump(folder, count=COUNT):
    for i in range(count):
        person, place = PEOPLE[i % 5], PLACES[(i // 5) % 5]
        sub = os.path.join(folder, f"d{i // 500:02d}")
        os.makedirs(sub, exist_ok=True)
        body = (f"{person}, the mayor of {place}, said on Tuesday that works order {i} for the "
                f"harbour district would be signed before the summer, after the council voted "
                f"{i % 40 + 20} to 11 for the budget. Residents had asked for quieter building "
                f"sites and more cycle lanes, and the city promised both in plan {i * 7}.")
        if i % 2:
            with open(os.path.join(sub, f"s{i:05d}.txt"), "w", encoding="utf-8") as f:
                f.write(f"Works order {i} signed in {place}\n\nMarch {i % 28 + 1}, 2024\n\n{body}\n")
        else:
            with open(os.path.join(sub, f"p{i:05d}.html"), "w", encoding="utf-8") as f:
                f.write(f'<!doctype html><html lang="en"><head><title>Works order {i}</title>'
                        f'<link rel="canonical" href="https://example.com/2024/03/05/order-{i}">'
                        f'<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
                        f"</head><body><article><h1>Works order {i} signed</h1><p>{body}</p>"
                        f"<p>The plan goes to the regional government next, {person} said.</p>"
                        f"</article></body></html>")


def doc_count(db):
    delve = shutil.which("xapian-delve")
    if delve:
        out = subprocess.run([delve, db], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"number of documents = (\d+)", out).group(1))
    r = search("--db", db, "--json", "--since", "1900-01-01", "-n", "1")
    return r.summary()["estimated_total"]


def summary(run):
    lines = [l for l in run.err_text().splitlines() if "indexed " in l]
    m = SUMMARY.search(lines[-1]) if lines else None
    assert m, run.err_text()[-2000:]
    return tuple(int(g) for g in m.groups())


def start_index(*args):
    env = dict(os.environ)
    env.pop("NEWS_DB", None)
    return subprocess.Popen([harness.ARGS.index, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env)


def wait_for_documents(proc, db, timeout=120):
    """Polls until the run has committed some documents; False when it ended before."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            return False
        if os.path.exists(os.path.join(db, "iamglass")):
            try:
                if doc_count(db) > 0:
                    return True
            except Exception:
                pass  # the database is being created
        time.sleep(0.05)
    return False


class PipelineTest(TempDirTest):
    def test_kill_and_resume(self):
        dump = os.path.join(self.tmp, "dump")
        make_dump(dump)
        db = os.path.join(self.tmp, "db")
        args = ["--db", db, "--batch", "50", "--jobs", "1", dump]

        proc = start_index(*args)
        self.assertTrue(wait_for_documents(proc, db), "the run ended before it could be killed")
        proc.kill()  # SIGKILL: no chance to commit anything more
        proc.communicate()
        self.assertEqual(proc.returncode, -signal.SIGKILL)
        partial = doc_count(db)
        self.assertGreater(partial, 0)
        self.assertLess(partial, COUNT)
        self.assertEqual(partial % 50, 0, "only whole batches are committed")

        r = index(*args[:-3], "--jobs", "2", dump, timeout=600)
        self.assertEqual(r.code, 0, r.err_text()[-2000:])
        new, changed, unchanged, skipped = summary(r)
        self.assertEqual((new + unchanged, changed, skipped), (COUNT, 0, 0), r.err_text()[-500:])
        self.assertEqual(unchanged, partial)
        self.assertEqual(doc_count(db), COUNT)

        r = index(*args, timeout=600)
        self.assertEqual(r.code, 0, r.err_text()[-2000:])
        self.assertEqual(summary(r), (0, 0, COUNT, 0))
        self.assertIn(f"indexed 0 new, 0 changed, {COUNT} unchanged", r.err_text())
        self.assertEqual(doc_count(db), COUNT)

    def test_sigint_commits_what_was_done(self):
        dump = os.path.join(self.tmp, "dump")
        make_dump(dump)
        db = os.path.join(self.tmp, "db")
        log = os.path.join(self.tmp, "skips.log")
        proc = start_index("--db", db, "--batch", "50", "--jobs", "1", "--log", log, dump)
        self.assertTrue(wait_for_documents(proc, db), "the run ended before it could be stopped")
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        err = err.decode("utf-8", "replace")
        self.assertEqual(proc.returncode, 130, err[-2000:])
        m = SUMMARY.search(err)
        self.assertTrue(m, err[-2000:])
        new = int(m.group(1))
        self.assertGreater(new, 0)
        self.assertLess(new, COUNT)
        self.assertIn("interrupted by SIGINT", err)
        self.assertEqual(doc_count(db), new, "what was indexed is committed")

    def test_dry_run_output_does_not_depend_on_jobs(self):
        dump = os.path.join(self.tmp, "dump")
        make_dump(dump, 300)
        with open(os.path.join(dump, "empty.txt"), "w") as f:
            f.write("\n")
        one = index("--dry-run", "--json", "--jobs", "1", dump)
        four = index("--dry-run", "--json", "--jobs", "4", dump)
        self.assertEqual(one.code, 0, one.err_text())
        self.assertEqual(four.code, 0, four.err_text())
        self.assertEqual(len(one.json_lines()), 300)
        self.assertEqual(one.out, four.out)
        strip = lambda t: re.sub(r" in [0-9.]+ s", "", t)  # noqa: E731
        self.assertEqual(strip(one.err_text()), strip(four.err_text()))

    def test_progress_line_when_asked(self):
        dump = os.path.join(self.tmp, "dump")
        make_dump(dump, 400)
        db = os.path.join(self.tmp, "db")
        r = index("--db", db, "--progress", "--jobs", "1", dump)
        self.assertEqual(r.code, 0, r.err_text())
        quiet = index("--db", os.path.join(self.tmp, "db2"), dump)
        self.assertNotIn("\r", quiet.err_text(), "no progress line when stderr is no terminal")
        self.assertEqual(len(quiet.err_text().strip().splitlines()), 1)


if __name__ == "__main__":
    harness.main()

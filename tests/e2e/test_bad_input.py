"""Bad input fed to both programs: each bad file is named in one message and counted, nothing
crashes, and every good document around the bad ones is still indexed and found."""

import os
import random

import harness
from harness import index, search

GOOD_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Test Gazette</title><meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-02-0{n}T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>The {word} committee met on Tuesday to review the budget for the coming year, officials said.</p>
<p>Members argued for several hours about the cost of repairs to the old harbour wall and the pier.</p>
<p>A final decision on the {word} proposal is expected before the end of the month, the chair said.</p>
</article><footer>Copyright Test Gazette</footer></body></html>
"""


class BadInputTest(harness.TempDirTest):
    def write(self, name, data):
        path = os.path.join(self.tmp, "dump", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def make_dump(self):
        for n, word in enumerate(["walrus", "pelican", "marmot"], start=1):
            self.write(f"good-{n}.html", GOOD_HTML.format(title=f"Good story {word}", n=n, word=word).encode())
        # Invalid UTF-8 in a text scrape: kept, repaired, indexed.
        self.write("latin1.txt", b"Caf\xe9 owners protest new rules\n\nThe caf\xe9 owners of the old town "
                   b"protested on Monday against the new licensing rules for terraces \xff\xfe.\n")
        rnd = random.Random(7)
        self.write("junk.html", bytes(rnd.getrandbits(8) for _ in range(20000)))
        self.write("empty.html", b"")
        self.write("blank.txt", b"\n\n   \n")
        self.write("truncated.html", GOOD_HTML.format(title="Truncated story ocelot", n=4,
                                                      word="ocelot").encode()[:700])
        deep = "<html><body>" + "<div>" * 10000 + "<p>The deeply nested narwhal report said the pier " \
            "needed repairs before the winter storms arrived.</p>" + "</div>" * 10000 + "</body></html>"
        self.write("deep.html", deep.encode())
        big = ("<html><body><article>" + "<p>The enormous page about the capybara festival ran on and on "
               "with more words than anyone would read in one sitting.</p>\n" * 440000 + "</article></body></html>")
        self.write("huge.html", big.encode())
        self.assertGreater(os.path.getsize(os.path.join(self.tmp, "dump", "huge.html")), 50 << 20)
        lines = [
            '{"url": "https://example.org/a", "title": "Jsonl story gazelle", "text": "The gazelle herd '
            'crossed the river on Sunday, rangers said.", "date": "2024-03-01", "source": "Example"}',
            '{"url": "https://example.org/b", "title": "Broken record", "text": "unterminated',
            '{"url": "https://example.org/c", "title": "Jsonl story heron", "text": "A heron nested on the '
            'roof of the town hall this spring.", "date": "2024-03-02", "source": "Example", "extra": [1, 2]}',
        ]
        self.write("feed.jsonl", ("\n".join(lines) + "\n").encode())
        return os.path.join(self.tmp, "dump")

    def test_index_survives_bad_input_and_keeps_good_documents(self):
        dump = self.make_dump()
        db = os.path.join(self.tmp, "db")
        r = index("--db", db, dump)
        self.assertNoCrash(r, "news-index")
        self.assertEqual(r.code, 0, r.err_text())
        err = r.err_text()
        # Each bad input named once, with a reason.
        for name in ["junk.html", "empty.html", "blank.txt", "huge.html", "feed.jsonl:2"]:
            lines = [l for l in err.splitlines() if name in l]
            self.assertEqual(len(lines), 1, f"{name} should be reported once:\n{err}")
        summary = err.strip().splitlines()[-1]
        self.assertIn("skipped 5", summary)
        self.assertIn("binary: 1", summary)
        self.assertIn("empty: 2", summary)
        self.assertIn("too-large: 1", summary)
        self.assertIn("bad-json: 1", summary)
        # Good documents: 3 pages, the Latin-1 scrape, the truncated and the deep page, 2 records.
        self.assertIn("indexed 8 new, 0 changed, 0 unchanged", summary)
        for word in ["walrus", "pelican", "marmot", "ocelot", "narwhal", "gazelle", "heron", "café"]:
            s = search("--db", db, "--json", word)
            self.assertEqual(s.code, 0, f"{word}: {s.err_text()}")
            self.assertEqual(len(s.hits()), 1, word)

    def test_large_page_indexed_when_limit_raised(self):
        dump = self.make_dump()
        db = os.path.join(self.tmp, "db")
        r = index("--db", db, "--max-doc-size", "64", os.path.join(dump, "huge.html"))
        self.assertNoCrash(r, "news-index on a 50 MB page")
        self.assertEqual(r.code, 0, r.err_text())
        s = search("--db", db, "--json", "capybara")
        self.assertEqual(len(s.hits()), 1)

    def test_stdin_input(self):
        db = os.path.join(self.tmp, "db")
        page = GOOD_HTML.format(title="Stdin story okapi", n=5, word="okapi").encode()
        r = index("--db", db, "-", stdin=page)
        self.assertEqual(r.code, 0, r.err_text())
        s = search("--db", db, "--json", "okapi")
        self.assertEqual([h["title"] for h in s.hits()], ["Stdin story okapi"])

    def test_missing_path_is_reported_not_fatal(self):
        db = os.path.join(self.tmp, "db")
        good = self.write("one.html", GOOD_HTML.format(title="Only story", n=1, word="lemur").encode())
        r = index("--db", db, os.path.join(self.tmp, "nope"), good)
        self.assertEqual(r.code, 0)
        self.assertIn("nope", r.err_text())
        self.assertEqual(len(search("--db", db, "--json", "lemur").hits()), 1)

    def test_bad_command_lines(self):
        r = index("--no-such-flag", self.tmp)
        self.assertEqual(r.code, 2)
        self.assertEqual(len(r.err_text().strip().splitlines()), 1)
        r = index()
        self.assertEqual(r.code, 2)
        r = index("--compact", "--no-compact", self.tmp)
        self.assertEqual(r.code, 2)
        self.assertIn("--no-compact", r.err_text())

    def test_odd_queries_never_crash(self):
        db = os.path.join(self.tmp, "db")
        self.write("one.html", GOOD_HTML.format(title="Only story", n=1, word="lemur").encode())
        self.assertEqual(index("--db", db, os.path.join(self.tmp, "dump")).code, 0)
        queries = [b"", b"   ", b"\"", b"\"unterminated phrase", b"((((", b"AND", b"OR OR OR", b"NOT",
                   b"-", b"+", b"title:", b"site:", b"*", b"lem*", b"NEAR", b"a NEAR/3", b"\xff\xfe\xfd",
                   b"x" * 10000, b"lemur " * 2000, b"date:..", b"date:2024..garbage", b"\x00lemur"]
        for q in queries:
            r = search("--db", db, "--json", os.fsdecode(q.replace(b"\x00", b"")))
            self.assertNoCrash(r, f"query {q[:40]!r}")
            self.assertIn(r.code, (0, 1, 2), q[:40])
            if r.code == 2:
                self.assertEqual(len(r.err_text().strip().splitlines()), 1, f"{q[:40]!r}: {r.err_text()}")
        for flags in [["--since", "garbage", "lemur"], ["--limit", "-1", "lemur"], ["--sort", "sideways", "lemur"],
                      ["--color", "purple", "lemur"], ["--until", "2024-13-45", "lemur"]]:
            r = search("--db", db, *flags)
            self.assertEqual(r.code, 2, flags)
            self.assertEqual(len(r.err_text().strip().splitlines()), 1, f"{flags}: {r.err_text()}")

    def test_missing_database_says_how_to_create_one(self):
        r = search("--db", os.path.join(self.tmp, "none"), "lemur")
        self.assertEqual(r.code, 2)
        self.assertIn("news-index", r.err_text())
        self.assertEqual(len(r.err_text().strip().splitlines()), 1)


class ArchiveAndWarcInputTest(harness.TempDirTest):
    """Archives (tar.gz with a nested zip) and WARC files are read member by member and record by
    record; a truncated archive and a lying WARC record are reported once, the rest kept."""

    @staticmethod
    def warc_record(uri, html, lie=0):
        import gzip as gz
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n\r\n"
        http += gz.compress(html.encode())
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
                f"WARC-Date: 2024-02-01T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http) + lie}\r\n\r\n").encode()
        return gz.compress(head + http + b"\r\n\r\n")

    def test_archives_and_warc_files(self):
        import io
        import tarfile
        import zipfile
        dump = os.path.join(self.tmp, "dump")
        os.makedirs(dump)
        page = lambda word, n: GOOD_HTML.format(title=f"Archived story {word}", n=n, word=word)
        zbuf = io.BytesIO()
        with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("inner/zebu.html", page("zebu", 2))
        with tarfile.open(os.path.join(dump, "a.tar.gz"), "w:gz") as t:
            for name, data in [("site/yak.html", page("yak", 1).encode()), ("site/more.zip", zbuf.getvalue())]:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
        tbuf = io.BytesIO()
        with tarfile.open(fileobj=tbuf, mode="w:gz") as t:
            for word in ["ibex", "eland"]:
                data = (page(word, 3) + "<!-- " + "x" * 300000 + " -->").encode()
                info = tarfile.TarInfo(f"{word}.html")
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
        with open(os.path.join(dump, "b-cut.tar.gz"), "wb") as f:
            f.write(tbuf.getvalue()[: len(tbuf.getvalue()) * 3 // 4])
        with open(os.path.join(dump, "c.warc.gz"), "wb") as f:
            f.write(self.warc_record("https://example.org/kudu", page("kudu", 4)))
            f.write(self.warc_record("https://example.org/lie", page("liar", 5), lie=30))
            f.write(self.warc_record("https://example.org/oryx", page("oryx", 6)))
        r = index("--dry-run", "--json", "--no-entities", dump)
        self.assertNoCrash(r, "news-index on archives")
        self.assertEqual(r.code, 0, r.err_text())
        records = {o["path"][len(dump) + 1:]: o for o in r.json_lines() if "path" in o}
        self.assertIn("a.tar.gz!site/yak.html", records)
        self.assertIn("a.tar.gz!site/more.zip!inner/zebu.html", records)
        self.assertIn("b-cut.tar.gz!ibex.html", records)
        self.assertEqual(records["c.warc.gz#1"]["url"], "https://example.org/kudu")
        self.assertEqual(records["c.warc.gz#3"]["url"], "https://example.org/oryx")
        self.assertNotIn("c.warc.gz#2", records)
        err = r.err_text()
        self.assertEqual(len([l for l in err.splitlines() if "b-cut.tar.gz" in l]), 1, err)
        self.assertEqual(len([l for l in err.splitlines() if "c.warc.gz#2" in l]), 1, err)


if __name__ == "__main__":
    harness.main()

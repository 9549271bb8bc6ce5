"""Both programs on corpus/: exact hits for phrases, boolean queries, fields and date filters,
idempotent re-indexing, the dry-run record of a known page, and the two output formats."""

import os
import re
import unittest

import harness
from harness import index, search

STATE = {}


def corpus_inputs():
    c = harness.ARGS.corpus
    return [os.path.join(c, "html"), os.path.join(c, "text"), os.path.join(c, "jsonl")]


def setUpModule():
    import tempfile
    STATE["tmp"] = tempfile.TemporaryDirectory(prefix="news-e2e-corpus-")
    STATE["db"] = os.path.join(STATE["tmp"].name, "db")
    r = index("--db", STATE["db"], *corpus_inputs())
    assert r.code == 0, r.err_text()
    STATE["index_summary"] = r.err_text().strip().splitlines()[-1]
    d = index("--dry-run", "--json", *corpus_inputs())
    assert d.code == 0, d.err_text()
    STATE["records"] = d.json_lines()


def tearDownModule():
    STATE["tmp"].cleanup()


def q(*args, **kw):
    return search("--db", STATE["db"], "--json", "--limit", "100", *args, **kw)


def name(hit):
    """The corpus-relative name of a hit: html/x.html, text/y.txt, or the JSONL record's URL."""
    path = hit.get("path", "")
    if ".jsonl:" in path:
        return hit["url"]
    return "/".join(path.split("/")[-2:])


def names(run):
    return sorted(name(h) for h in run.hits())


def record_names(pred):
    out = []
    for r in STATE["records"]:
        if pred(r):
            out.append(r["url"] if ".jsonl:" in r["path"] else "/".join(r["path"].split("/")[-2:]))
    return sorted(out)


class CorpusTest(unittest.TestCase):
    def test_every_article_indexed(self):
        self.assertIn("indexed 40 new, 0 changed, 0 unchanged, skipped 0", STATE["index_summary"])
        self.assertEqual(len(STATE["records"]), 40)

    def test_indexing_twice_keeps_the_same_documents(self):
        r = index("--db", STATE["db"], *corpus_inputs())
        self.assertEqual(r.code, 0, r.err_text())
        self.assertIn("indexed 0 new, 0 changed, 40 unchanged", r.err_text())
        everything = q("--since", "1900-01-01", "--all-copies")
        self.assertEqual(everything.code, 0, everything.err_text())
        self.assertEqual(len(everything.hits()), 40)
        self.assertEqual(everything.summary()["estimated_total"], 40)
        # By default the three copies of the port-strike wire story are one hit.
        folded = q("--since", "1900-01-01")
        self.assertEqual(len(folded.hits()), 38)
        self.assertEqual(folded.summary()["estimated_total"], 38)

    def test_phrase_finds_only_the_article_with_the_phrase(self):
        r = q('"emergency grain reserve"')
        self.assertEqual(r.code, 0, r.err_text())
        self.assertEqual(names(r), ["html/flood-farms-reserve-release.html"])
        # The same words anywhere: both articles.
        r = q("emergency grain reserve")
        self.assertEqual(names(r), ["html/flood-farms-reserve-release.html", "text/port-silo-contract.txt"])

    def test_phrase_is_highlighted_whole(self):
        hit = q('"emergency grain reserve"').hits()[0]
        text = hit["snippet"]["text"].encode("utf-8")
        spans = [text[s:e].decode("utf-8").lower() for s, e in hit["snippet"]["highlights"]]
        self.assertIn("emergency grain reserve", spans)
        self.assertTrue(all(s == "emergency grain reserve" for s in spans), spans)

    def test_separate_words_are_highlighted_separately(self):
        hit = [h for h in q("grain reserve").hits() if name(h) == "text/port-silo-contract.txt"][0]
        text = hit["snippet"]["text"].encode("utf-8")
        spans = {text[s:e].decode("utf-8").lower() for s, e in hit["snippet"]["highlights"]}
        self.assertEqual(spans, {"grain", "reserve"})

    def test_date_filters(self):
        self.assertEqual(names(q("lighthouse")),
                         ["html/storm-ilsa-merrow-coast.html",
                          "https://baysidedispatch.example/story/cape-merrow-tower-reopens"])
        self.assertEqual(names(q("lighthouse", "--until", "2024-01-31")), ["html/storm-ilsa-merrow-coast.html"])
        self.assertEqual(names(q("lighthouse", "--until", "2024-03")), ["html/storm-ilsa-merrow-coast.html"])
        self.assertEqual(names(q("lighthouse", "--since", "2024-04-01")),
                         ["https://baysidedispatch.example/story/cape-merrow-tower-reopens"])
        self.assertEqual(names(q("lighthouse", "--since", "April 1, 2024")),
                         ["https://baysidedispatch.example/story/cape-merrow-tower-reopens"])
        none = q("lighthouse", "--since", "2024-02-01", "--until", "2024-03-31")
        self.assertEqual(none.code, 1)
        self.assertEqual(none.hits(), [])
        in_query = q("lighthouse date:2024-04-01..2024-04-30")
        self.assertEqual(names(in_query), ["https://baysidedispatch.example/story/cape-merrow-tower-reopens"])

    def test_date_filter_alone_lists_newest_first(self):
        r = q("--since", "2024-04-01")
        expected = record_names(lambda rec: rec["published"] and rec["published"][:10] >= "2024-04-01")
        self.assertEqual(names(r), expected)
        dates = [h["date"][:10] for h in r.hits()]
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_boolean_operators(self):
        self.assertEqual(names(q("grain AND NOT flood")), ["text/port-silo-contract.txt"])
        self.assertEqual(names(q("grain -flood")), ["text/port-silo-contract.txt"])
        self.assertEqual(names(q("lighthouse OR grain")),
                         sorted(["html/storm-ilsa-merrow-coast.html",
                                 "https://baysidedispatch.example/story/cape-merrow-tower-reopens",
                                 "html/flood-farms-reserve-release.html", "text/port-silo-contract.txt"]))

    def test_near(self):
        self.assertEqual(names(q("emergency NEAR/2 reserve")), ["html/flood-farms-reserve-release.html"])

    def test_title_field(self):
        expected = record_names(lambda rec: re.search(r"\btunnel\b", rec["title"], re.I))
        self.assertGreaterEqual(len(expected), 1)
        self.assertEqual(names(q("title:tunnel")), expected)

    def test_site_field(self):
        expected = record_names(lambda rec: "coastlineherald.example" in rec["url"])
        self.assertGreaterEqual(len(expected), 2)
        self.assertEqual(names(q("site:coastlineherald.example", "--since", "1900")), expected)
        # Every copy: which copy of a folded story is shown depends on the query.
        self.assertEqual(names(q("port site:coastlineherald.example", "--all-copies")),
                         sorted(n for n in expected if n in names(q("port", "--all-copies"))))

    def test_sort_by_date(self):
        r = q("port", "--sort", "date")
        dates = [h["date"][:10] for h in r.hits()]
        self.assertGreater(len(dates), 3)
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_limit_and_offset(self):
        full = [h["docid"] for h in q("port").hits()]
        self.assertGreater(len(full), 4)
        page = search("--db", STATE["db"], "--json", "port", "--limit", "2", "--offset", "1").hits()
        self.assertEqual([h["docid"] for h in page], full[1:3])
        self.assertEqual([h["rank"] for h in page], [2, 3])

    def test_no_hits_exits_1(self):
        r = q("zyzzogeton")
        self.assertEqual(r.code, 1)
        self.assertEqual(r.summary()["estimated_total"], 0)

    def test_json_summary(self):
        s = q('"harbour tunnel"').summary()
        self.assertIn("query", s)
        self.assertIn("elapsed_ms", s)
        self.assertGreaterEqual(s["estimated_total"], 1)

    def test_known_page_dry_run_record(self):
        rec = [r for r in STATE["records"] if r["path"].endswith("html/harbour-tunnel-vote.html")][0]
        self.assertEqual(rec["title"], "Council approves harbour tunnel after marathon vote")
        self.assertEqual(rec["published"][:10], "2024-02-07")
        self.assertEqual(rec["source"], "The Coastline Herald")
        self.assertTrue(rec["text"].startswith("The city council approved the long-delayed harbour tunnel on "
                                               "Wednesday night after a vote that ran past midnight."),
                        rec["text"][:200])
        for furniture in ["Advertisement", "Please enter your comment", "Related stories", "cookies",
                          "Friday, February 9, 2024"]:
            self.assertNotIn(furniture, rec["text"])

    def test_text_scrape_record(self):
        rec = [r for r in STATE["records"] if r["path"].endswith("text/port-silo-contract.txt")][0]
        self.assertEqual(rec["title"], "Port Aurel awards contract to rebuild ageing quayside silos")
        self.assertEqual(rec["published"][:10], "2024-01-26")
        for furniture in ["Related stories", "Sponsored Articles", "Please enter your", "Share this article"]:
            self.assertNotIn(furniture, rec["text"])

    def test_every_record_has_a_date_in_2024(self):
        for rec in STATE["records"]:
            self.assertTrue(rec["published"] and rec["published"].startswith("2024-0"), rec["path"])

    def test_text_output_and_colour(self):
        plain = search("--db", STATE["db"], "--color", "never", '"harbour tunnel"')
        self.assertEqual(plain.code, 0, plain.err_text())
        out = plain.out.decode("utf-8")
        self.assertIn("Council approves harbour tunnel after marathon vote", out)
        self.assertIn("2024-02-07", out)
        self.assertNotIn("\x1b[", out)
        coloured = search("--db", STATE["db"], "--color", "always", '"harbour tunnel"').out.decode("utf-8")
        self.assertIn("\x1b[", coloured)
        no_color = search("--db", STATE["db"], "--color", "auto", '"harbour tunnel"', env={"NO_COLOR": "1"})
        self.assertNotIn("\x1b[", no_color.out.decode("utf-8"))
        env_db = search('"harbour tunnel"', "--color", "never", env={"NEWS_DB": STATE["db"]})
        self.assertEqual(env_db.out, plain.out)


WIRE = sorted(["html/wire-northgate-observer-port-strike.html",
               "html/wire-coastline-herald-port-strike.html",
               "html/wire-evening-courier-port-strike.html"])


class StoryDedupTest(unittest.TestCase):
    def test_wire_copies_fold_into_one_hit(self):
        r = q("dockworkers automation")
        self.assertEqual(r.code, 0, r.err_text())
        hits = r.hits()
        shown = [h for h in hits if name(h) in WIRE]
        self.assertEqual(len(shown), 1, names(r))
        hit = shown[0]
        self.assertEqual(hit["copies"], 2)
        sources = {"The Coastline Herald", "Northgate Observer", "The Evening Courier"}
        self.assertEqual(set(hit["copy_sources"]), sources - {hit["source"]})
        self.assertTrue(hit["story"])
        for other in hits:
            if other is not hit:
                self.assertNotEqual(other.get("story"), hit["story"])

    def test_text_mode_names_the_copies(self):
        r = search("--db", STATE["db"], "--color", "never", "dockworkers automation")
        self.assertEqual(r.code, 0, r.err_text())
        lines = [l.strip() for l in r.out.decode("utf-8").splitlines()]
        copies = [l for l in lines if l.startswith("+2 copies: ")]
        self.assertEqual(len(copies), 1, lines)

    def test_all_copies_shows_each(self):
        r = q("dockworkers automation", "--all-copies")
        self.assertEqual([n for n in names(r) if n in WIRE], WIRE)
        self.assertTrue(all(h["copies"] == 0 for h in r.hits()))

    def test_copies_lists_the_story(self):
        hit = [h for h in q("dockworkers automation").hits() if name(h) in WIRE][0]
        r = q("--copies", str(hit["docid"]))
        self.assertEqual(r.code, 0, r.err_text())
        self.assertEqual(names(r), WIRE)
        dates = [h["date"] for h in r.hits()]
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_unrelated_articles_are_their_own_stories(self):
        hits = q("--since", "1900-01-01", "--all-copies").hits()
        stories = {}
        for h in hits:
            stories.setdefault(h["story"], []).append(name(h))
        groups = sorted(sorted(v) for v in stories.values() if len(v) > 1)
        self.assertEqual(groups, [WIRE])


if __name__ == "__main__":
    harness.main()

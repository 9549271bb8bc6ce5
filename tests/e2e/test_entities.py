"""People, organisations and places on corpus/: the dry-run record's entities, one person under
every spelling the archive uses, two people who share a surname kept apart, facet counts that
agree with the hits, and the date facet."""

import collections
import os
import tempfile
import unittest

import harness
from harness import index, search

STATE = {}


def corpus_inputs():
    c = harness.ARGS.corpus
    return [os.path.join(c, "html"), os.path.join(c, "text"), os.path.join(c, "jsonl")]


def setUpModule():
    STATE["tmp"] = tempfile.TemporaryDirectory(prefix="news-e2e-entities-")
    STATE["db"] = os.path.join(STATE["tmp"].name, "db")
    r = index("--db", STATE["db"], *corpus_inputs())
    assert r.code == 0, r.err_text()
    d = index("--dry-run", "--json", *corpus_inputs())
    assert d.code == 0, d.err_text()
    STATE["records"] = d.json_lines()


def tearDownModule():
    STATE["tmp"].cleanup()


def q(*args):
    # Every copy of a syndicated story: these tests compare hit lists and counts with facets,
    # which count articles.
    return search("--db", STATE["db"], "--json", "--limit", "1000", "--all-copies", *args)


def short(hit):
    path = hit.get("path", "")
    return hit["url"] if ".jsonl:" in path else "/".join(path.split("/")[-2:])


def hit_names(run):
    return sorted(short(h) for h in run.hits())


def record(suffix):
    return [r for r in STATE["records"] if r["path"].endswith(suffix)][0]


class DryRunEntitiesTest(unittest.TestCase):
    def test_mentions_point_into_the_text(self):
        rec = record("html/castellanos-kovrania-talks.html")
        people = {e["name"]: e for e in rec["entities"] if e["type"] == "person"}
        self.assertIn("Daniel R. Castellanos", people, sorted(people))
        castellanos = people["Daniel R. Castellanos"]
        self.assertGreaterEqual(len(castellanos["mentions"]), 2)
        text = rec["text"].encode("utf-8")
        for start, end in castellanos["mentions"]:
            self.assertIn(b"Castellanos", text[start:end])

    def test_honorific_and_possessive_join_the_full_name(self):
        rec = record("html/castellanos-sao-paulo-visit.html")
        people = [e["name"] for e in rec["entities"] if e["type"] == "person"]
        self.assertIn("Daniel R. Castellanos", people)
        for name in people:
            self.assertFalse(name.startswith("Mr"), name)
            self.assertFalse(name.endswith("'s"), name)

    def test_two_people_with_one_surname_stay_apart_in_an_article(self):
        rec = record("html/judge-reyes-recusal.html")
        people = [e["name"] for e in rec["entities"] if e["type"] == "person"]
        self.assertIn("Lucia Reyes", people)
        self.assertIn("Tomas Reyes", people)

    def test_every_record_carries_an_entity_list(self):
        for rec in STATE["records"]:
            self.assertIsInstance(rec.get("entities"), list, rec["path"])


class PersonFilterTest(unittest.TestCase):
    def test_every_spelling_finds_the_same_articles(self):
        variants = ["Daniel R. Castellanos", "Daniel Castellanos", "Danial Castellanos",
                    "Castellanos", "Mr. Castellanos", "daniel castellanos"]
        results = {}
        for v in variants:
            r = q("--person", v)
            self.assertEqual(r.code, 0, f"{v}: {r.err_text()}")
            results[v] = hit_names(r)
        expected = sorted(["html/castellanos-kovrania-talks.html",
                           "html/castellanos-sao-paulo-visit.html",
                           "text/lisbon-ceasefire-envoys.txt",
                           "text/castellanos-demining-appeal.txt"])
        for v in variants:
            for name in expected:
                self.assertIn(name, results[v], v)
            self.assertEqual(results[v], results[variants[0]], v)

    def test_query_syntax_equals_the_flag(self):
        flag = hit_names(q("--person", "Helena Varga"))
        syntax = hit_names(q('person:"Helena Varga"'))
        self.assertEqual(flag, syntax)
        self.assertGreaterEqual(len(flag), 4)

    def test_shared_surname_lists_the_candidates(self):
        r = q("--person", "Reyes")
        self.assertEqual(r.code, 2, r.err_text())
        err = r.err_text()
        self.assertIn("Tomas Reyes", err)
        self.assertIn("Lucia Reyes", err)

    def test_full_names_of_a_shared_surname_are_apart(self):
        judge = hit_names(q("--person", "Lucia Reyes"))
        mayor = hit_names(q("--person", "Tomas Reyes"))
        self.assertIn("html/judge-reyes-recusal.html", judge)
        self.assertIn("html/harbour-tunnel-vote.html", mayor)
        self.assertNotIn("html/harbour-tunnel-vote.html", judge)

    def test_two_people_and_together(self):
        both = set(hit_names(q("--person", "Helena Varga", "--person", "Marco Dellavalle")))
        varga = set(hit_names(q("--person", "Helena Varga")))
        self.assertTrue(both)
        self.assertLessEqual(both, varga)
        self.assertNotIn("html/port-dredging-plan.html", both)

    def test_filter_with_words(self):
        both = set(hit_names(q("strike", "--person", "Helena Varga")))
        self.assertTrue(both)
        self.assertEqual(both, set(hit_names(q("strike"))) & set(hit_names(q("--person", "Helena Varga"))))

    def test_filter_alone_lists_newest_first(self):
        dates = [h["date"] for h in q("--person", "Helena Varga").hits()]
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_unknown_person_matches_nothing(self):
        r = q("--person", "Nobody Atall")
        self.assertEqual(r.code, 1, r.err_text())
        self.assertEqual(r.hits(), [])


class FacetTest(unittest.TestCase):
    def facets(self, *args):
        r = q(*args, "--facets", "person,org,place,source,date", "--facet-limit", "1000")
        self.assertEqual(r.code, 0, r.err_text())
        return r, r.summary()["facets"]

    def test_person_facet_counts_equal_the_filtered_hits(self):
        _, facets = self.facets("port")
        self.assertTrue(facets["person"])
        for entry in facets["person"][:8]:
            filtered = q("port", "--person", entry["name"])
            self.assertEqual(len(filtered.hits()), entry["count"], entry["name"])

    def test_source_facet_counts_equal_a_count_of_the_hits(self):
        r, facets = self.facets("port")
        counted = collections.Counter(h["source"] for h in r.hits() if h.get("source"))
        self.assertEqual({e["name"]: e["count"] for e in facets["source"]}, dict(counted))

    def test_date_facet_counts_equal_a_count_of_the_hits(self):
        r, facets = self.facets("port")
        date = facets["date"]
        self.assertIn(date["by"], ("day", "month", "year"))
        width = {"day": 10, "month": 7, "year": 4}[date["by"]]
        counted = collections.Counter(h["date"][:width] for h in r.hits() if h.get("date"))
        buckets = {b["bucket"]: b["count"] for b in date["buckets"] if b["count"]}
        self.assertEqual(buckets, dict(counted))

    def test_date_facet_by_month_over_the_corpus(self):
        r = q("--since", "2024-01-01", "--until", "2024-12-31", "--facets", "date", "--by", "month")
        self.assertEqual(r.code, 0, r.err_text())
        buckets = {b["bucket"]: b["count"] for b in r.summary()["facets"]["date"]["buckets"]}
        counted = collections.Counter(h["date"][:7] for h in r.hits())
        self.assertEqual({k: v for k, v in buckets.items() if v}, dict(counted))
        self.assertEqual(sum(buckets.values()), len(r.hits()))

    def test_text_mode_draws_the_date_bars(self):
        r = search("--db", STATE["db"], "--color", "never", "port", "--facets", "date")
        self.assertEqual(r.code, 0, r.err_text())
        out = r.out.decode("utf-8")
        self.assertTrue(any(ch in out for ch in "\u2588\u2589\u258a\u258b\u258c\u258d\u258e\u258f"), out)


if __name__ == "__main__":
    harness.main()

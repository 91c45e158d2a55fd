"""read -> analyze -> store with the real model and a real SQLite file: idempotence, re-analysis,
failures in a batch, interruption."""

from __future__ import annotations

import json
import sqlite3

import pytest

from newsevents.analyze import Analyzer, PipelineConfig
from newsevents.ingest import ingest, stored_articles
from newsevents.model import Article
from newsevents.nlp import MAX_CHARS
from newsevents.read import ReadError, read_inputs
from newsevents.store import open_store
from tests.test_store import dump

# Invented short news items (never texts from the gold data).
ITEMS = [
    {"id": "t1", "published": "2025-03-04", "outlet": "Example Wire", "title": "Talks in Geneva",
     "text": "Foreign Minister Anna Berg met her Kenyan counterpart in Geneva on Monday. Berg said the talks "
             "were \"useful and frank\"."},
    {"id": "t2", "published": "2025-03-05", "title": "Flooding in Bavaria",
     "text": "Heavy rain flooded parts of Munich on Tuesday, and at least two people were injured, police said."},
    {"id": "t3", "published": "2025-03-06", "title": "Strike on Odesa port",
     "text": "Russian drones struck the port of Odesa overnight, killing three workers, the regional governor "
             "said on Wednesday."},
    {"id": "t4", "published": "2025-03-07", "title": "Parliament vote",
     "text": "Lawmakers in Warsaw approved the budget on Thursday after a long debate."},
    {"id": "t5", "published": "2025-03-08", "title": "Protest in Lima",
     "text": "Thousands of teachers marched through Lima on Friday to demand higher pay."},
]


@pytest.fixture
def inputs(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(item) + "\n" for item in ITEMS), encoding="utf-8")
    return path


def articles() -> list[Article]:
    return [Article(text=i["text"], published=i["published"], title=i["title"], outlet=i.get("outlet"),
                    external_id=i["id"], source=f"items.jsonl:{n}") for n, i in enumerate(ITEMS, 1)]


def consistent(path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                and conn.execute("PRAGMA foreign_key_check").fetchall() == [])
    finally:
        conn.close()


def test_ingesting_the_same_input_twice_changes_no_row(tmp_path, inputs, analyzer):
    db = tmp_path / "events.db"
    with open_store(db) as store:
        first = ingest(store, read_inputs([str(inputs)]), analyzer=analyzer, batch_size=2)
    assert (first.read, first.new, first.unchanged, first.failed) == (5, 5, 0, [])
    before = dump(db)
    assert len(before["articles"]) == 5 and before["actors"]
    with open_store(db) as store:
        second = ingest(store, read_inputs([str(inputs)]), analyzer=analyzer)
    assert (second.read, second.new, second.unchanged, second.failed) == (5, 0, 5, [])
    assert dump(db) == before


def test_the_same_article_twice_in_one_run_is_stored_once(tmp_path, analyzer):
    with open_store(tmp_path / "events.db") as store:
        report = ingest(store, articles()[:2] + articles()[:1], analyzer=analyzer)
        assert (report.read, report.new, report.unchanged) == (3, 2, 1)
        assert store.counts()["articles"] == 2


def test_stored_analysis_equals_a_fresh_one(tmp_path, analyzer):
    [article] = articles()[:1]
    with open_store(tmp_path / "events.db") as store:
        ingest(store, [article], analyzer=analyzer)
        assert store.get_analysis(article.id).to_dict() == analyzer.analyze(article).to_dict()


def test_reanalyze_replaces_the_extractions_of_stored_articles(tmp_path, analyzer):
    db = tmp_path / "events.db"
    actors_only = Analyzer(PipelineConfig(extractors=("actors",)), nlp=analyzer.nlp)
    with open_store(db) as store:
        ingest(store, articles(), analyzer=analyzer)
        full = store.counts()
        assert full["places"] > 0 and full["times"] > 0

        # Without --reanalyze a changed pipeline does nothing to stored articles...
        report = ingest(store, articles(), analyzer=actors_only)
        assert (report.unchanged, report.reanalyzed) == (5, 0)
        assert store.counts() == full

        # ...with it, every stored article's extractions are replaced by the new pipeline's.
        report = ingest(store, stored_articles(store), analyzer=actors_only, reanalyze=True)
        assert (report.read, report.reanalyzed, report.new, report.failed) == (5, 5, 0, [])
        after = store.counts()
        assert after["articles"] == 5
        assert after["actors"] == sum(len(actors_only.analyze(a).actors) for a in articles())
        assert after["places"] == after["times"] == 0
        versions = {v for (v,) in store.db.execute("SELECT analyzer_version FROM articles")}
        assert len(versions) == 1 and versions.pop().split("; ")[2] == "actors"
        assert all(a.places == [] and a.times == [] for a in store.iter_analyses())
    assert consistent(db)


def test_bad_items_are_reported_and_stored_data_kept(tmp_path, analyzer):
    db = tmp_path / "events.db"
    good = articles()
    with open_store(db) as store:
        ingest(store, good[:2], analyzer=analyzer)
        stored_before = {k: v for k, v in dump(db).items() if k != "schema_migrations"}

        too_long = Article(text="word " * (MAX_CHARS // 4), source="huge.txt")
        mixed = [ReadError("broken.jsonl:3", "malformed JSON (Expecting value)"), good[2], too_long,
                 ReadError("missing.txt", "no such file"), good[3], good[0]]
        report = ingest(store, mixed, analyzer=analyzer, batch_size=2)

    assert (report.read, report.new, report.unchanged) == (4, 2, 1)
    assert [str(f) for f in report.failed] == [
        "broken.jsonl:3: malformed JSON (Expecting value)",
        f"huge.txt: analysis failed: article is too long to analyze ({len(too_long.text):,} characters; "
        f"the limit is {MAX_CHARS:,})",
        "missing.txt: no such file",
    ]
    after = dump(db)
    for table, rows in stored_before.items():
        assert set(rows) <= set(after[table]), f"rows of {table} were lost"
    assert len(after["articles"]) == 4
    assert consistent(db)


def test_an_analysis_the_store_refuses_fails_alone(tmp_path, analyzer):
    class DanglingEvents(Analyzer):
        """Writes an event naming an actor that is not there (an extractor bug) for one article."""

        def analyze_many(self, items):
            for article, result in super().analyze_many(items):
                if article.external_id == "t2" and not isinstance(result, Exception):
                    from newsevents.model import Event, Evidence

                    result.events.append(Event("e99", "ASSAULT", Evidence((0, 5)), actors=["nobody"]))
                yield article, result

    buggy = DanglingEvents(analyzer.config, nlp=analyzer.nlp)
    with open_store(tmp_path / "events.db") as store:
        report = ingest(store, articles()[:3], analyzer=buggy, batch_size=10)
        assert report.new == 2
        [failure] = report.failed
        assert failure.input == "items.jsonl:2"
        assert "not stored" in failure.problem and "'nobody'" in failure.problem
        assert store.counts()["articles"] == 2
    assert consistent(tmp_path / "events.db")


def test_interruption_keeps_committed_batches_and_rolls_back_the_rest(tmp_path, analyzer):
    def interrupted_after(n: int):
        yield from articles()[:n]
        raise KeyboardInterrupt

    db = tmp_path / "events.db"
    with open_store(db) as store:
        # Each article analysed alone (chunk_size=1), committed in pairs: 1-2 and 3-4 are committed,
        # 5 is stored in the open transaction when reading the sixth item is interrupted.
        report = ingest(store, interrupted_after(5), analyzer=analyzer, batch_size=2, chunk_size=1)
    assert report.interrupted and not report.ok
    assert (report.read, report.new, report.rolled_back) == (5, 4, 1)
    assert consistent(db)
    with open_store(db) as store:
        assert store.counts()["articles"] == store.counts()["analyses"] == 4
        stored = {a.article.external_id for a in store.iter_analyses()}
        assert stored == {"t1", "t2", "t3", "t4"}
        # Running again completes the job: the rolled-back article is new, the rest unchanged.
        again = ingest(store, articles(), analyzer=analyzer)
    assert (again.new, again.unchanged) == (1, 4)


def test_nothing_is_stored_from_an_interrupted_first_batch(tmp_path, analyzer):
    def interrupted():
        yield articles()[0]
        raise KeyboardInterrupt

    with open_store(tmp_path / "events.db") as store:
        report = ingest(store, interrupted(), analyzer=analyzer, batch_size=10, chunk_size=1)
        assert report.interrupted and report.new == 0 and report.rolled_back == 1
        assert store.counts()["articles"] == 0


def test_progress_is_reported_per_article(tmp_path, analyzer):
    seen = []
    with open_store(tmp_path / "events.db") as store:
        ingest(store, [ReadError("x", "bad"), *articles()[:2]], analyzer=analyzer,
               on_progress=lambda r: seen.append(r.processed))
    assert sorted(set(seen)) == [1, 2, 3]


@pytest.mark.slow
def test_worker_processes_store_what_one_process_stores(tmp_path, analyzer):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    items = articles() + [ReadError("bad.txt", "empty file")]
    with open_store(one) as store:
        serial = ingest(store, items, analyzer=analyzer)
    with open_store(two) as store:
        parallel = ingest(store, items, workers=2, batch_size=2)
    assert (parallel.new, [str(f) for f in parallel.failed]) == (serial.new, [str(f) for f in serial.failed])
    with open_store(one) as a, open_store(two) as b:
        assert [x.to_dict() for x in a.iter_analyses(article_ids=a.article_ids())] == \
               [x.to_dict() for x in b.iter_analyses(article_ids=a.article_ids())]


def test_a_locked_database_stops_the_run_cleanly(tmp_path, analyzer):
    db = tmp_path / "events.db"
    with open_store(db) as store:
        ingest(store, articles()[:2], analyzer=analyzer)
    other_writer = sqlite3.connect(db, isolation_level=None)
    other_writer.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        with open_store(db, timeout=0.1) as store:
            report = ingest(store, articles(), analyzer=analyzer)
    finally:
        other_writer.execute("ROLLBACK")
        other_writer.close()
    assert report.aborted and "locked" in report.aborted and not report.ok
    assert report.new == 0 and report.unchanged == 2
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
    assert consistent(db)

"""The SQLite store: exact round trip, normalised tables, atomic replacement, migrations, bad files."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from newsevents.model import Analysis, Event, Evidence
from newsevents.store import (
    LATEST_VERSION,
    InconsistentAnalysis,
    Saved,
    SchemaTooNew,
    SQLiteDatabase,
    StoreError,
    applied_version,
    migrate,
    open_store,
)
from tests.test_store_sample import clash_and_protest, samples, strike_on_kyiv

VERSION = "test-analyzer 1"


def dump(path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: what 'nothing changed' is checked against."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "events.db") as s:
        yield s


def test_saved_analysis_rebuilds_exactly(store):
    for analysis in samples():
        assert store.save_analysis(analysis, analyzer_version=VERSION) is Saved.NEW
    for analysis in samples():
        rebuilt = store.get_analysis(analysis.article.id)
        assert rebuilt == analysis
        assert rebuilt.to_dict() == analysis.to_dict()
    assert [a.article.id for a in store.iter_analyses()] == [a.article.id for a in samples()]


def test_iter_analyses_filters_by_time_and_ids(store):
    first, second, *_ = samples()
    store.save_analysis(first, analyzer_version=VERSION, analyzed_at="2025-01-01T00:00:00+00:00")
    store.save_analysis(second, analyzer_version=VERSION, analyzed_at="2025-03-01T00:00:00+00:00")
    assert [a.article.id for a in store.iter_analyses(since="2025-02-01")] == [second.article.id]
    assert [a.article.id for a in store.iter_analyses(article_ids=[first.article.id])] == [first.article.id]
    assert list(store.iter_analyses(since="2025-02-01", article_ids=[first.article.id])) == []


def test_extractions_are_normalised_with_spans_and_links(store):
    analysis = strike_on_kyiv()
    store.save_analysis(analysis, analyzer_version=VERSION)
    q = store.db.execute
    aid = analysis.article.id
    article = q("SELECT external_id, outlet, published, content_hash, analyzer_version FROM articles")[0]
    assert article == ("kyiv-1", "Kyiv Independent", "2025-06-02", analysis.article.content_hash, VERSION)
    assert q("SELECT id, name, country, sector FROM actors ORDER BY ord") == [
        ("a1", "Russian forces", "RUS", "MIL"), ("a2", "civilians", None, "CVL"),
        ("a3", "Ukrainian Air Force", "UKR", "MIL")]
    text = analysis.article.text
    mentions = q("SELECT span_start, span_end FROM place_mentions WHERE place_id = 'p1' ORDER BY ord")
    assert [text[s:e] for s, e in mentions] == ["Kyiv", "the capital"]
    assert q("SELECT geonameid, feature, country, admin1, lat, lon FROM places") == [
        (703448, "city", "UA", "Kyiv City", 50.4547, 30.5238)]
    assert q("SELECT role, actor_id FROM event_actors ORDER BY role") == [("actor", "a1"), ("recipient", "a2")]
    assert q("SELECT event_id, ord, place_id FROM event_places") == [("e1", 0, "p1")]
    event = q("SELECT type, acled_sub_event_type, date_start, date_end, fatalities_min, evidence_start, "
              "trigger_start, trigger_end, mode FROM events")[0]
    assert event[:5] == ("ASSAULT", "Air/drone strike", "2025-06-01", "2025-06-01", 3)
    assert text[event[6]:event[7]] == "struck"
    assert json.loads(event[8]) == ["aerial"]
    assert q("SELECT speaker_id, cue, cue_start FROM quotes") == [("a3", "said", text.index("said"))]
    assert q("SELECT value_min, event_id FROM quantities") == [(3, "e1")]
    assert q("SELECT text, value, value_precision FROM times") == [("June 1", "2025-06-01", "day")]
    assert all(row[0] == aid for row in q("SELECT article_id FROM actor_mentions"))


def test_quote_reporters_and_attribution_are_stored(store):
    analysis = clash_and_protest()
    analysis.quotes = []
    store.save_analysis(analysis, analyzer_version=VERSION)
    assert store.db.execute("SELECT event_id, actor_id FROM event_actors WHERE role = 'attributed_to'") == [
        ("e2", "a4")]


def test_same_content_is_unchanged_and_replace_swaps_extractions(store, tmp_path):
    analysis = clash_and_protest()
    store.save_analysis(analysis, analyzer_version=VERSION)
    before = dump(tmp_path / "events.db")
    assert store.save_analysis(analysis, analyzer_version="other") is Saved.UNCHANGED
    assert dump(tmp_path / "events.db") == before

    fewer = replace(analysis, events=analysis.events[:1])
    assert store.save_analysis(fewer, analyzer_version="v2", replace=True) is Saved.REANALYZED
    assert store.db.execute("SELECT id FROM events") == [("e1",)]
    assert store.db.execute("SELECT analyzer_version FROM articles") == [("v2",)]
    assert store.get_analysis(analysis.article.id) == fewer


def test_changed_metadata_counts_as_updated(store):
    analysis = strike_on_kyiv()
    store.save_analysis(analysis, analyzer_version=VERSION)
    retitled = replace(analysis, article=replace(analysis.article, title="A new title", external_id=None))
    assert retitled.article.id == analysis.article.id
    assert store.save_analysis(retitled, analyzer_version=VERSION) is Saved.UPDATED
    # A value the new input lacks (its external id) is kept from the stored article.
    assert store.db.execute("SELECT title, external_id FROM articles") == [("A new title", "kyiv-1")]


def test_inconsistent_analysis_is_refused_and_the_stored_one_kept(store, tmp_path):
    analysis = strike_on_kyiv()
    store.save_analysis(analysis, analyzer_version=VERSION)
    before = dump(tmp_path / "events.db")
    broken = replace(analysis, events=[Event("e1", "ASSAULT", Evidence((0, 5)), actors=["a99"])])
    with pytest.raises(InconsistentAnalysis, match="event e1 .*actor id 'a99'"):
        store.save_analysis(broken, analyzer_version=VERSION, replace=True)
    assert dump(tmp_path / "events.db") == before


def test_duplicate_ids_roll_back_only_that_article(store):
    good, bad = strike_on_kyiv(), clash_and_protest()
    bad.places = bad.places + [bad.places[0]]  # the same place id twice: a primary-key violation
    with store.transaction():
        store.save_analysis(good, analyzer_version=VERSION)
        with pytest.raises(sqlite3.IntegrityError):
            store.save_analysis(bad, analyzer_version=VERSION)
    assert store.db.execute("SELECT id FROM articles") == [(good.article.id,)]
    assert store.db.execute("SELECT COUNT(*) FROM places") == [(1,)]


def test_delete_article_removes_everything_it_owns(store):
    for analysis in samples():
        store.save_analysis(analysis, analyzer_version=VERSION)
    assert store.delete_article(strike_on_kyiv().article.id)
    counts = store.counts()
    assert counts["articles"] == len(samples()) - 1
    assert store.db.execute("SELECT COUNT(*) FROM quotes") == [(0,)]


def test_find_article_by_id_prefix_and_external_id(store):
    analysis = strike_on_kyiv()
    store.save_analysis(analysis, analyzer_version=VERSION)
    aid = analysis.article.id
    assert store.find_article(aid) == aid
    assert store.find_article("kyiv-1") == aid
    assert store.find_article(aid[:6]) == aid
    assert store.find_article("nope") is None


def test_database_is_wal_with_foreign_keys(store):
    assert store.db.execute("PRAGMA journal_mode") == [("wal",)]
    assert store.db.execute("PRAGMA foreign_keys") == [(1,)]
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.db.execute("INSERT INTO actors (article_id, id, ord, name, kind) VALUES ('x', 'a1', 0, 'n', 'k')")


def test_old_database_is_migrated_in_place(tmp_path):
    path = tmp_path / "old.db"
    db = SQLiteDatabase(path)
    assert migrate(db, target=1) == [1]
    analysis = strike_on_kyiv()
    a = analysis.article
    db.execute("INSERT INTO articles (id, text, language, content_hash, analyzed_at, analyzer_version) "
               "VALUES (?, ?, ?, ?, ?, ?)", (a.id, a.text, a.language, a.content_hash, "2025-01-01", "old"))
    db.execute("INSERT INTO analyses (article_id, schema_version, analysis) VALUES (?, ?, ?)",
               (a.id, "1", json.dumps(analysis.to_dict())))
    assert "events_date" not in db.index_names()
    db.close()

    with open_store(path) as store:
        assert applied_version(store.db) == LATEST_VERSION
        assert "events_date" in store.db.index_names()
        assert store.get_analysis(a.id) == Analysis.from_dict(analysis.to_dict())
        versions = store.db.execute("SELECT version FROM schema_migrations ORDER BY version")
        assert [v for (v,) in versions] == list(range(1, LATEST_VERSION + 1))


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', '2099-01-01')", (LATEST_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer"):
        open_store(path)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(path)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing" / "x.db")

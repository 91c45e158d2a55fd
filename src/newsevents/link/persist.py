"""Reading and writing the linking tables (see ``schema.py``): reports, canonical events, stories, runs.

Portable SQL only (``?`` placeholders, ``ON CONFLICT``), through the store's ``Database``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from newsevents.link.canonical import Canonical
from newsevents.link.reports import Report, iso, report_from_row
from newsevents.link.scoring import Vocabulary
from newsevents.store import Database
from newsevents.store.dates import day_range

_CHUNK = 500

REPORT_COLUMNS = ("article_id", "report_key", "event_id", "kind", "ord", "canonical_id", "score", "outlet",
                  "published", "external_id", "type", "acled_type", "status", "date_value", "date_precision",
                  "day_start", "day_end", "fatalities_min", "fatalities_max", "injured_min", "injured_max", "data")

CANONICAL_COLUMNS = ("id", "story_id", "type", "acled_type", "acled_sub_type", "status", "date_value",
                     "date_precision", "day_start", "day_end", "place_name", "place_feature", "geonameid",
                     "country", "admin1", "lat", "lon", "fatalities_min", "fatalities_max", "injured_min",
                     "injured_max", "disputes", "first_published", "last_published", "n_reports", "n_articles",
                     "n_outlets", "outlets", "title", "created_run")

STORY_COLUMNS = ("id", "title", "date_start", "date_end", "n_events", "n_articles", "n_reports", "outlets",
                 "countries", "created_run")


def chunks(items: list[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


# -- reports ---------------------------------------------------------------------------------------------
def report_row(report: Report, canonical_id: str | None, score: float | None) -> tuple[Any, ...]:
    f, i = report.fatalities, report.injured
    return (report.article_id, report.key[1], report.event_id, report.kind, report.ord, canonical_id,
            None if score is None else round(score, 4), report.outlet, report.published, report.external_id,
            report.type, report.acled_type, report.status, report.date_value, report.date_precision,
            iso(report.day_start), iso(report.day_end), f.min if f else None, f.max if f else None,
            i.min if i else None, i.max if i else None, report.data_json())


def insert_reports(db: Database, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        db.executemany(f"INSERT INTO link_reports ({', '.join(REPORT_COLUMNS)}) VALUES ({_marks(len(REPORT_COLUMNS))})",
                       rows)


def _report_dicts(rows: Iterable[tuple[Any, ...]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield dict(zip(REPORT_COLUMNS, row))


def members_of(db: Database, canonical_ids: list[str]) -> dict[str, list[Report]]:
    """The reports of each canonical event, in publication order."""
    out: dict[str, list[Report]] = {c: [] for c in canonical_ids}
    for chunk in chunks(canonical_ids):
        rows = db.execute(f"SELECT {', '.join(REPORT_COLUMNS)} FROM link_reports WHERE canonical_id IN "
                          f"({_marks(len(chunk))}) ORDER BY published, article_id, ord", chunk)
        for d in _report_dicts(rows):
            out[d["canonical_id"]].append(report_from_row(d))
    return out


def report_dicts(db: Database, where: str, params: list[Any]) -> list[dict[str, Any]]:
    """Raw link_reports rows (as dicts) matching a WHERE clause."""
    return list(_report_dicts(db.execute(f"SELECT {', '.join(REPORT_COLUMNS)} FROM link_reports WHERE {where}",
                                         params)))


# -- canonical events ------------------------------------------------------------------------------------
def canonical_ids_between(db: Database, first_day: str, last_day: str) -> list[tuple[str, str]]:
    """(id, story_id) of the canonical events whose days meet [first_day, last_day]."""
    rows = db.execute("SELECT id, story_id FROM canonical_events WHERE day_end >= ? AND day_start <= ?",
                      (first_day, last_day))
    return [(r[0], r[1]) for r in rows]


def load_canonicals(db: Database, ids: list[str]) -> dict[str, Canonical]:
    found: dict[str, Canonical] = {}
    for chunk in chunks(ids):
        for cid, story, run in db.execute(f"SELECT id, story_id, created_run FROM canonical_events WHERE id IN "
                                          f"({_marks(len(chunk))})", chunk):
            found[cid] = Canonical(cid, story, created_run=run)
    for cid, members in members_of(db, list(found)).items():
        found[cid].members = members
    return found


def write_canonical(db: Database, canonical: Canonical) -> None:
    s = canonical.summary()
    values = {"id": canonical.id, "story_id": canonical.story_id, "created_run": canonical.created_run, **s,
              "disputes": json.dumps(s["disputes"]), "outlets": json.dumps(s["outlets"], ensure_ascii=False)}
    updates = ", ".join(f"{c} = excluded.{c}" for c in CANONICAL_COLUMNS if c not in ("id", "created_run"))
    db.execute(f"INSERT INTO canonical_events ({', '.join(CANONICAL_COLUMNS)}) VALUES "
               f"({_marks(len(CANONICAL_COLUMNS))}) ON CONFLICT (id) DO UPDATE SET {updates}",
               [values[c] for c in CANONICAL_COLUMNS])


def delete_canonical(db: Database, canonical_id: str) -> None:
    db.execute("UPDATE link_reports SET canonical_id = NULL, score = NULL WHERE canonical_id = ?", (canonical_id,))
    db.execute("DELETE FROM canonical_events WHERE id = ?", (canonical_id,))


def move_story(db: Database, absorbed: str, survivor: str) -> None:
    db.execute("UPDATE canonical_events SET story_id = ? WHERE story_id = ?", (survivor, absorbed))


# -- stories ---------------------------------------------------------------------------------------------
def story_spans(db: Database, story_ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    spans: dict[str, tuple[str | None, str | None]] = {}
    for chunk in chunks(story_ids):
        for sid, start, end in db.execute(
                f"SELECT story_id, MIN(day_start), MAX(day_end) FROM canonical_events WHERE story_id IN "
                f"({_marks(len(chunk))}) GROUP BY story_id", chunk):
            spans[sid] = (start, end)
    return spans


# An event dated further than this from its first report is history the report recalls ("the 1972 law"):
# the story's days are then the report's.
_RECALLED_DAYS = 31


def _event_day(date_value: str | None, first_published: str | None) -> str | None:
    start = day_range(date_value)[0] if date_value else None
    published = first_published[:10] if first_published else None
    if start and published:
        try:
            gap = abs((date.fromisoformat(start) - date.fromisoformat(published)).days)
        except ValueError:
            return start
        return start if gap <= _RECALLED_DAYS else published
    return start or published


def refresh_story(db: Database, story_id: str, run_id: int) -> None:
    """Recomputes a story's row from its canonical events; removes it when it has none left."""
    rows = db.execute("SELECT id, title, n_reports, first_published, date_value, day_start, day_end, outlets, "
                      "country FROM canonical_events WHERE story_id = ? ORDER BY first_published, id", (story_id,))
    if not rows:
        db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        return
    lead = max(enumerate(rows), key=lambda t: (t[1][2], -t[0]))[1]
    # The story's days are its events' days: the agreed date where sources give one, else when it was
    # first reported.
    days = [d for r in rows if (d := _event_day(r[4], r[3]))]
    outlets: list[str] = []
    for r in rows:
        outlets.extend(o for o in json.loads(r[7]) if o not in outlets)
    countries = sorted({r[8] for r in rows if r[8]})
    n_articles, n_reports = db.execute(
        "SELECT COUNT(DISTINCT r.article_id), COUNT(*) FROM link_reports r JOIN canonical_events c "
        "ON c.id = r.canonical_id WHERE c.story_id = ?", (story_id,))[0]
    # Titled after its most reported event: the headline of the first article that reported it.
    first = db.execute("SELECT data FROM link_reports WHERE canonical_id = ? ORDER BY published, article_id, ord "
                       "LIMIT 1", (lead[0],))
    title = (json.loads(first[0][0]).get("title") if first else None) or lead[1]
    values = (story_id, title, min(days) if days else None, max(days) if days else None, len(rows), n_articles,
              n_reports, json.dumps(outlets, ensure_ascii=False), json.dumps(countries), run_id)
    updates = ", ".join(f"{c} = excluded.{c}" for c in STORY_COLUMNS if c not in ("id", "created_run"))
    db.execute(f"INSERT INTO stories ({', '.join(STORY_COLUMNS)}) VALUES ({_marks(len(STORY_COLUMNS))}) "
               f"ON CONFLICT (id) DO UPDATE SET {updates}", values)


# -- vocabulary -----------------------------------------------------------------------------------------
def load_vocabulary(db: Database) -> Vocabulary:
    rows = db.execute("SELECT value FROM link_meta WHERE key = 'reports'")
    return Vocabulary({w: df for w, df in db.execute("SELECT word, df FROM link_words")},
                      int(rows[0][0]) if rows else 0)


def save_vocabulary(db: Database, vocabulary: Vocabulary, words: set[str]) -> None:
    """Writes the document frequencies of ``words`` (the ones that changed) and the report count."""
    changed = sorted(words)
    gone = [w for w in changed if w not in vocabulary.df]
    for chunk in chunks(gone):
        db.execute(f"DELETE FROM link_words WHERE word IN ({_marks(len(chunk))})", chunk)
    db.executemany("INSERT INTO link_words (word, df) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET df = excluded.df",
                   [(w, vocabulary.df[w]) for w in changed if w in vocabulary.df])
    db.execute("INSERT INTO link_meta (key, value) VALUES ('reports', ?) ON CONFLICT (key) DO UPDATE SET "
               "value = excluded.value", (str(vocabulary.reports),))


# -- articles and runs -----------------------------------------------------------------------------------
def pending_articles(db: Database) -> list[tuple[str, str | None, str]]:
    """(id, published, analyzed_at) of stored articles not linked yet, or re-analysed since they were."""
    return [tuple(r) for r in db.execute(  # type: ignore[misc]
        "SELECT a.id, a.published, a.analyzed_at FROM articles a JOIN analyses n ON n.article_id = a.id "
        "LEFT JOIN link_articles l ON l.article_id = a.id "
        "WHERE l.article_id IS NULL OR l.analyzed_at <> a.analyzed_at")]


def stale_articles(db: Database) -> list[str]:
    """Linked articles that must be unlinked first: deleted from the store, or re-analysed since."""
    rows = db.execute("SELECT l.article_id FROM link_articles l LEFT JOIN articles a ON a.id = l.article_id "
                      "WHERE a.id IS NULL OR a.analyzed_at <> l.analyzed_at")
    return [r[0] for r in rows]


def start_run(db: Database, started_at: str, window_days: int) -> int:
    row = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM link_runs")[0]
    run_id = int(row[0])
    db.execute("INSERT INTO link_runs (id, started_at, window_days, articles, removed, reports, canonical_created, "
               "status) VALUES (?, ?, ?, 0, 0, 0, 0, 'running')", (run_id, started_at, window_days))
    return run_id


def finish_run(db: Database, run_id: int, finished_at: str, articles: int, removed: int, reports: int,
               created: int, status: str) -> None:
    db.execute("UPDATE link_runs SET finished_at = ?, articles = ?, removed = ?, reports = ?, canonical_created = ?, "
               "status = ? WHERE id = ?", (finished_at, articles, removed, reports, created, status, run_id))

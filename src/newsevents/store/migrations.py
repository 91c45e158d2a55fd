"""Numbered schema migrations, applied in order, each in its own transaction.

The applied versions are recorded in ``schema_migrations``; opening a database applies whatever is
missing, so a file written by an older newsevents is brought up to date in place. Never edit a
migration that has shipped: add the next number instead.

The DDL is kept portable (TEXT, INTEGER, BIGINT, DOUBLE PRECISION, composite keys, no AUTOINCREMENT)
so a PostgreSQL backend can run the same statements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from newsevents.store.backend import Database, StoreError, transaction


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


def _article_child(name: str, columns: str, key: str, *foreign: str) -> str:
    fks = "".join(f",\n  FOREIGN KEY {fk}" for fk in foreign)
    return (
        f"CREATE TABLE {name} (\n  article_id TEXT NOT NULL,\n  {columns},\n  PRIMARY KEY ({key}),\n"
        f"  FOREIGN KEY (article_id) REFERENCES articles (id){fks}\n)"
    )


_SPAN = "span_start INTEGER NOT NULL, span_end INTEGER NOT NULL"

INITIAL = Migration(1, "articles, analyses and normalised extractions", (
    """CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  external_id TEXT,
  url TEXT,
  outlet TEXT,
  published TEXT,
  title TEXT,
  text TEXT NOT NULL,
  language TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  source TEXT,
  analyzed_at TEXT NOT NULL,
  analyzer_version TEXT NOT NULL
)""",
    # The full Analysis JSON, so an analysis is rebuilt exactly (linking reads it) without re-parsing.
    """CREATE TABLE analyses (
  article_id TEXT PRIMARY KEY,
  schema_version TEXT NOT NULL,
  analysis TEXT NOT NULL,
  FOREIGN KEY (article_id) REFERENCES articles (id)
)""",
    _article_child("actors", "id TEXT NOT NULL, ord INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, "
                   "country TEXT, sector TEXT, role TEXT", "article_id, id"),
    _article_child("actor_mentions", f"actor_id TEXT NOT NULL, ord INTEGER NOT NULL, {_SPAN}",
                   "article_id, actor_id, ord", "(article_id, actor_id) REFERENCES actors (article_id, id)"),
    _article_child("places", "id TEXT NOT NULL, ord INTEGER NOT NULL, name TEXT NOT NULL, feature TEXT NOT NULL, "
                   "country TEXT, admin1 TEXT, geonameid BIGINT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, "
                   "confidence DOUBLE PRECISION", "article_id, id"),
    _article_child("place_mentions", f"place_id TEXT NOT NULL, ord INTEGER NOT NULL, {_SPAN}",
                   "article_id, place_id, ord", "(article_id, place_id) REFERENCES places (article_id, id)"),
    _article_child("times", f"ord INTEGER NOT NULL, id TEXT, text TEXT NOT NULL, kind TEXT NOT NULL, value TEXT, "
                   f"value_precision TEXT, {_SPAN}", "article_id, ord"),
    _article_child(
        "events",
        "id TEXT NOT NULL, ord INTEGER NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL, mode TEXT NOT NULL, "
        "context TEXT NOT NULL, acled_event_type TEXT, acled_sub_event_type TEXT, recipient_sector TEXT, "
        "place_precision TEXT NOT NULL, date_value TEXT, date_precision TEXT NOT NULL, "
        # date_start/date_end: the day range date_value covers, so --since/--until compare plain days.
        "date_start TEXT, date_end TEXT, "
        "fatalities_min INTEGER, fatalities_max INTEGER, fatalities_qualifier TEXT, "
        "injured_min INTEGER, injured_max INTEGER, injured_qualifier TEXT, confidence DOUBLE PRECISION, "
        "evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, trigger_start INTEGER, trigger_end INTEGER",
        "article_id, id"),
    _article_child("event_actors", "event_id TEXT NOT NULL, role TEXT NOT NULL, ord INTEGER NOT NULL, "
                   "actor_id TEXT NOT NULL", "article_id, event_id, role, ord",
                   "(article_id, event_id) REFERENCES events (article_id, id)",
                   "(article_id, actor_id) REFERENCES actors (article_id, id)"),
    _article_child("event_places", "event_id TEXT NOT NULL, ord INTEGER NOT NULL, place_id TEXT NOT NULL",
                   "article_id, event_id, ord",
                   "(article_id, event_id) REFERENCES events (article_id, id)",
                   "(article_id, place_id) REFERENCES places (article_id, id)"),
    _article_child("quotes", f"ord INTEGER NOT NULL, id TEXT, text TEXT NOT NULL, kind TEXT NOT NULL, "
                   f"speaker_id TEXT, cue TEXT, {_SPAN}, cue_start INTEGER, cue_end INTEGER, "
                   "speaker_start INTEGER, speaker_end INTEGER", "article_id, ord",
                   "(article_id, speaker_id) REFERENCES actors (article_id, id)"),
    _article_child("quote_reporters", "quote_ord INTEGER NOT NULL, ord INTEGER NOT NULL, actor_id TEXT NOT NULL",
                   "article_id, quote_ord, ord",
                   "(article_id, quote_ord) REFERENCES quotes (article_id, ord)",
                   "(article_id, actor_id) REFERENCES actors (article_id, id)"),
    _article_child("quantities", f"ord INTEGER NOT NULL, id TEXT, what TEXT NOT NULL, value_min INTEGER, "
                   f"value_max INTEGER, qualifier TEXT, event_id TEXT, {_SPAN}", "article_id, ord",
                   "(article_id, event_id) REFERENCES events (article_id, id)"),
))

QUERY_INDEXES = Migration(2, "indexes for event queries and article look-ups", (
    "CREATE INDEX articles_external_id ON articles (external_id)",
    "CREATE INDEX articles_published ON articles (published)",
    "CREATE INDEX events_date ON events (date_start)",
    "CREATE INDEX events_type ON events (type)",
    "CREATE INDEX events_acled_type ON events (acled_event_type)",
    "CREATE INDEX places_country ON places (country)",
    "CREATE INDEX places_lat_lon ON places (lat, lon)",
    "CREATE INDEX places_geonameid ON places (geonameid)",
    "CREATE INDEX event_places_place ON event_places (article_id, place_id)",
    "CREATE INDEX event_actors_actor ON event_actors (article_id, actor_id)",
))

MIGRATIONS: tuple[Migration, ...] = (INITIAL, QUERY_INDEXES)
LATEST_VERSION = MIGRATIONS[-1].version


class SchemaTooNew(StoreError):
    pass


def applied_version(db: Database, ledger: str = "schema_migrations") -> int:
    """The highest migration recorded in ``ledger``; 0 for a database without it."""
    if ledger not in db.table_names():
        return 0
    row = db.execute(f"SELECT MAX(version) FROM {ledger}")[0]
    return int(row[0] or 0)


def migrate(db: Database, target: int | None = None, *, migrations: tuple[Migration, ...] = MIGRATIONS,
            ledger: str = "schema_migrations", what: str = "the database") -> list[int]:
    """Applies the missing ``migrations`` up to ``target`` (default: the latest); returns the versions applied.

    Another stage that keeps tables in the same database (linking) passes its own migrations and its own
    ``ledger`` table, so each stage's schema is versioned on its own by the same mechanism.
    """
    latest = migrations[-1].version
    target = latest if target is None else target
    if ledger not in db.table_names():
        with transaction(db):
            db.execute(f"CREATE TABLE {ledger} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at TEXT NOT NULL)")
    current = applied_version(db, ledger)
    if current > latest:
        raise SchemaTooNew(
            f"{db.name}: {what} has schema version {current}, newer than this newsevents knows "
            f"({latest}); upgrade newsevents to use it"
        )
    applied = []
    for migration in migrations:
        if current < migration.version <= target:
            with transaction(db):
                for statement in migration.statements:
                    db.execute(statement)
                db.execute(f"INSERT INTO {ledger} (version, name, applied_at) VALUES (?, ?, ?)",
                           (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")))
            applied.append(migration.version)
    return applied

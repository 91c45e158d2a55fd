"""The linking tables, with their own numbered migrations beside the store's.

Linking adds tables to the store's database but not to the store's migration list (a separate stage
owns its own schema): ``ensure_schema(db)`` applies whatever of ``LINK_MIGRATIONS`` is missing and
records it in ``link_schema``. The rules are the store's: never edit a shipped migration, add the next
number; portable DDL only. The tables refer to articles by id without foreign keys, so deleting or
re-analysing an article through the store is never blocked by links; the next ``link`` run notices
and re-links (see ``linker.py``).
"""

from __future__ import annotations

from newsevents.store import Database
from newsevents.store.migrations import Migration, applied_version, migrate

LEDGER = "link_schema"


_FIGURES = ("fatalities_min INTEGER, fatalities_max INTEGER, injured_min INTEGER, injured_max INTEGER")

INITIAL = Migration(1, "linked articles, reports, canonical events, stories, runs", (
    # Which analysis of each article is linked: a re-analysed article (new analyzed_at) is linked again.
    """CREATE TABLE link_articles (
  article_id TEXT PRIMARY KEY,
  analyzed_at TEXT NOT NULL,
  published TEXT,
  run_id INTEGER NOT NULL
)""",
    # One row per report (an extracted event, or an article's implicit/mention report): the features
    # linking compares, so stored canonical events are matched without reading their analyses again.
    f"""CREATE TABLE link_reports (
  article_id TEXT NOT NULL,
  report_key TEXT NOT NULL,
  event_id TEXT,
  kind TEXT NOT NULL,
  ord INTEGER NOT NULL,
  canonical_id TEXT,
  score DOUBLE PRECISION,
  outlet TEXT,
  published TEXT,
  external_id TEXT,
  type TEXT,
  acled_type TEXT,
  status TEXT NOT NULL,
  date_value TEXT,
  date_precision TEXT NOT NULL,
  day_start TEXT,
  day_end TEXT,
  {_FIGURES},
  data TEXT NOT NULL,
  PRIMARY KEY (article_id, report_key)
)""",
    "CREATE INDEX link_reports_canonical ON link_reports (canonical_id)",
    f"""CREATE TABLE canonical_events (
  id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL,
  type TEXT,
  acled_type TEXT,
  acled_sub_type TEXT,
  status TEXT,
  date_value TEXT,
  date_precision TEXT,
  day_start TEXT,
  day_end TEXT,
  place_name TEXT,
  place_feature TEXT,
  geonameid BIGINT,
  country TEXT,
  admin1 TEXT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  {_FIGURES},
  disputes TEXT NOT NULL,
  first_published TEXT,
  last_published TEXT,
  n_reports INTEGER NOT NULL,
  n_articles INTEGER NOT NULL,
  n_outlets INTEGER NOT NULL,
  outlets TEXT NOT NULL,
  title TEXT,
  created_run INTEGER NOT NULL
)""",
    "CREATE INDEX canonical_events_days ON canonical_events (day_end, day_start)",
    "CREATE INDEX canonical_events_story ON canonical_events (story_id)",
    """CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT,
  date_start TEXT,
  date_end TEXT,
  n_events INTEGER NOT NULL,
  n_articles INTEGER NOT NULL,
  n_reports INTEGER NOT NULL,
  outlets TEXT NOT NULL,
  countries TEXT NOT NULL,
  created_run INTEGER NOT NULL
)""",
    "CREATE INDEX stories_dates ON stories (date_end, date_start)",
    # How many reports use each word (rare shared words weigh more) and how many reports there are.
    "CREATE TABLE link_words (word TEXT PRIMARY KEY, df INTEGER NOT NULL)",
    "CREATE TABLE link_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE link_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  window_days INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  reports INTEGER NOT NULL,
  canonical_created INTEGER NOT NULL,
  status TEXT NOT NULL
)""",
))

LINK_MIGRATIONS: tuple[Migration, ...] = (INITIAL,)
LINK_LATEST = LINK_MIGRATIONS[-1].version

LINK_TABLES = ("link_articles", "link_reports", "canonical_events", "stories", "link_words", "link_meta",
               "link_runs")


def link_version(db: Database) -> int:
    return applied_version(db, LEDGER)


def has_link_tables(db: Database) -> bool:
    return link_version(db) > 0


def ensure_schema(db: Database) -> list[int]:
    """Applies the missing linking migrations; returns the versions applied."""
    return migrate(db, migrations=LINK_MIGRATIONS, ledger=LEDGER, what="the linking tables")

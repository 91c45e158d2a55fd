"""Storage: articles, analyses and normalised extractions in SQLite (the default), and queries over them.

    from newsevents.store import open_store, EventQuery
    with open_store("newsevents.db") as store:
        for analysis in store.iter_analyses(since="2025-01-01"):
            ...
        for record in store.iter_events(EventQuery(country="UA", types=("ASSAULT",), limit=20)):
            ...

The SQL is portable; ``backend.Database`` is the seam where a PostgreSQL backend would plug in.
"""

from newsevents.store.backend import Database, DatabaseUnavailable, SQLiteDatabase, StoreError
from newsevents.store.countries import Country, find_country
from newsevents.store.migrations import LATEST_VERSION, MIGRATIONS, SchemaTooNew, applied_version, migrate
from newsevents.store.queries import EventQuery, EventRecord, Near, QueryError, haversine_km
from newsevents.store.rows import InconsistentAnalysis
from newsevents.store.store import DEFAULT_DB, Saved, Store, StoredArticle, open_store

__all__ = [
    "DEFAULT_DB",
    "LATEST_VERSION",
    "MIGRATIONS",
    "Country",
    "Database",
    "DatabaseUnavailable",
    "EventQuery",
    "EventRecord",
    "InconsistentAnalysis",
    "Near",
    "QueryError",
    "SQLiteDatabase",
    "Saved",
    "SchemaTooNew",
    "Store",
    "StoreError",
    "StoredArticle",
    "applied_version",
    "find_country",
    "haversine_km",
    "migrate",
    "open_store",
]

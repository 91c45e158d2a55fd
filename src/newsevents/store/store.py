"""The store: articles, their full analyses and the normalised extractions, behind one interface.

Writes are per article and atomic (a savepoint inside the caller's batch transaction), so one bad
analysis never takes its batch down. Reads rebuild ``Analysis`` objects from the stored JSON exactly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from newsevents.model import Analysis, Article
from newsevents.store.backend import Database, SQLiteDatabase, StoreError, transaction
from newsevents.store.migrations import migrate
from newsevents.store.queries import EventQuery, EventRecord, event_keys_sql
from newsevents.store.rows import TABLES, analysis_rows, insert_sql

DEFAULT_DB = "newsevents.db"
# Parameters per IN (...) list: well under SQLite's and PostgreSQL's limits.
_CHUNK = 500

_ARTICLE_COLUMNS = ("id", "external_id", "url", "outlet", "published", "title", "text", "language",
                    "content_hash", "source", "analyzed_at", "analyzer_version")


class Saved(Enum):
    NEW = "new"
    UPDATED = "updated"  # same text, changed metadata that the analysis depends on (title, date)
    REANALYZED = "reanalyzed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class StoredArticle:
    id: str
    external_id: str | None
    content_hash: str
    analyzed_at: str
    analyzer_version: str


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _chunks(items: list[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class Store:
    """Use ``open_store(path)``; the store owns its connection (close it, or use it as a context manager)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        migrate(db)
        self._savepoints = 0

    # -- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with transaction(self.db):
            yield

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        """One article's write: a savepoint inside an open transaction, else a transaction of its own."""
        if not self.db.in_transaction:
            with transaction(self.db):
                yield
            return
        self._savepoints += 1
        name = f"article_{self._savepoints}"
        self.db.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.db.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self.db.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.db.execute(f"RELEASE SAVEPOINT {name}")

    # -- writing ---------------------------------------------------------------------------------
    def stored(self, article_id: str) -> StoredArticle | None:
        rows = self.db.execute(
            "SELECT id, external_id, content_hash, analyzed_at, analyzer_version FROM articles WHERE id = ?",
            (article_id,))
        return StoredArticle(*rows[0]) if rows else None

    def save_analysis(self, analysis: Analysis, *, analyzer_version: str, replace: bool = False,
                      analyzed_at: str | None = None, source: str | None = None) -> Saved:
        """Stores one analysis with its article; idempotent by content hash.

        An article stored with the same content hash is left untouched unless ``replace`` (re-analysis),
        in which case its extractions are replaced as one unit. Raises on an inconsistent analysis,
        leaving what was stored before intact.
        """
        article = analysis.article
        rows = analysis_rows(analysis)  # validates ids before anything is written
        previous = self.stored(article.id)
        if previous and previous.content_hash == article.content_hash and not replace:
            return Saved.UNCHANGED
        analyzed_at = analyzed_at or now_utc()
        with self._atomic():
            if previous:
                self._delete_extractions(article.id)
                self._update_article(article, analyzed_at, analyzer_version, source)
            else:
                self._insert_article(article, analyzed_at, analyzer_version, source)
            self.db.execute("INSERT INTO analyses (article_id, schema_version, analysis) VALUES (?, ?, ?)",
                            (article.id, analysis.schema_version,
                             json.dumps(analysis.to_dict(), ensure_ascii=False, sort_keys=True)))
            for table, table_rows in rows.items():
                if table_rows:
                    self.db.executemany(insert_sql(table), table_rows)
        if previous is None:
            return Saved.NEW
        return Saved.REANALYZED if previous.content_hash == article.content_hash else Saved.UPDATED

    def _insert_article(self, article: Article, analyzed_at: str, version: str, source: str | None) -> None:
        values = (article.id, article.external_id, article.url, article.outlet, article.published, article.title,
                  article.text, article.language, article.content_hash, source or article.source, analyzed_at,
                  version)
        self.db.execute(f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
                        f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})", values)

    def _update_article(self, article: Article, analyzed_at: str, version: str, source: str | None) -> None:
        # Metadata the new input lacks (an external id, a URL) is kept from what was stored.
        self.db.execute(
            "UPDATE articles SET external_id = COALESCE(?, external_id), url = COALESCE(?, url), "
            "outlet = COALESCE(?, outlet), published = ?, title = ?, language = ?, content_hash = ?, "
            "source = COALESCE(?, source), analyzed_at = ?, analyzer_version = ? WHERE id = ?",
            (article.external_id, article.url, article.outlet, article.published, article.title,
             article.language, article.content_hash, source or article.source, analyzed_at, version, article.id))

    def _delete_extractions(self, article_id: str) -> None:
        for table in reversed(TABLES):
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))

    def delete_article(self, article_id: str) -> bool:
        with self._atomic():
            self._delete_extractions(article_id)
            found = bool(self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)))
            self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return found

    # -- reading ---------------------------------------------------------------------------------
    def find_article(self, ref: str) -> str | None:
        """An article id from its id, its external id, or an unambiguous id prefix (4+ characters)."""
        ref = ref.strip()
        for sql in ("SELECT id FROM articles WHERE id = ?", "SELECT id FROM articles WHERE external_id = ?"):
            rows = self.db.execute(sql, (ref,))
            if len(rows) == 1:
                return rows[0][0]
        if len(ref) >= 4 and all(c in "0123456789abcdef" for c in ref):
            rows = self.db.execute("SELECT id FROM articles WHERE id LIKE ? LIMIT 2", (ref + "%",))
            if len(rows) == 1:
                return rows[0][0]
        return None

    def get_analysis(self, article_id: str) -> Analysis | None:
        rows = self.db.execute("SELECT analysis FROM analyses WHERE article_id = ?", (article_id,))
        return Analysis.from_dict(json.loads(rows[0][0])) if rows else None

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY analyzed_at, id")]

    def iter_analyses(self, since: str | datetime | None = None,
                      article_ids: Iterable[str] | None = None) -> Iterator[Analysis]:
        """Stored analyses, oldest analysis first; ``since`` keeps those (re)analysed at or after it.

        This is what linking reads: incremental runs pass the time of their previous run.
        """
        where, params = [], []
        if since is not None:
            where.append("a.analyzed_at >= ?")
            params.append(since.astimezone(UTC).isoformat() if isinstance(since, datetime) else since)
        base = ("SELECT n.analysis FROM analyses n JOIN articles a ON a.id = n.article_id"
                + (" WHERE " + " AND ".join(where) if where else ""))
        order = " ORDER BY a.analyzed_at, a.id"
        if article_ids is None:
            for (text,) in self.db.iterate(base + order, params):
                yield Analysis.from_dict(json.loads(text))
            return
        for chunk in _chunks(list(dict.fromkeys(article_ids))):
            clause = ("AND" if where else "WHERE") + f" a.id IN ({', '.join('?' * len(chunk))})"
            for (text,) in self.db.execute(f"{base} {clause}{order}", [*params, *chunk]):
                yield Analysis.from_dict(json.loads(text))

    def counts(self) -> dict[str, int]:
        """Rows per table (articles, analyses and every extraction table)."""
        return {t: self.db.execute(f"SELECT COUNT(*) FROM {t}")[0][0] for t in ("articles", "analyses", *TABLES)}

    def iter_events(self, query: EventQuery | None = None) -> Iterator[EventRecord]:
        """The events matching ``query``, newest first, with their article, actors and places resolved."""
        query = query or EventQuery()
        sql, params = event_keys_sql(query)
        keys = [(r[0], r[1]) for r in self.db.execute(sql, params)]
        produced = 0
        for chunk in _chunks(keys):
            meta = self._article_meta({a for a, _ in chunk})
            analyses = {a.article.id: a for a in self.iter_analyses(article_ids=[a for a, _ in chunk])}
            for article_id, event_id in chunk:
                record = _event_record(analyses[article_id], event_id, meta[article_id])
                if query.near and not any(query.near.contains(p.lat, p.lon) for p in record.places):
                    continue
                yield record
                produced += 1
                if query.limit is not None and produced >= query.limit:
                    return

    def _article_meta(self, ids: set[str]) -> dict[str, dict[str, Any]]:
        ids_list = sorted(ids)
        rows = self.db.execute(f"SELECT id, analyzed_at, source FROM articles WHERE id IN "
                               f"({', '.join('?' * len(ids_list))})", ids_list)
        return {r[0]: {"analyzed_at": r[1], "source": r[2]} for r in rows}


def _event_record(analysis: Analysis, event_id: str, meta: dict[str, Any]) -> EventRecord:
    article = analysis.article
    event = next(e for e in analysis.events if e.id == event_id)
    actors = {a.id: a for a in analysis.actors}
    places = {p.id: p for p in analysis.places}
    trigger = event.evidence.trigger
    return EventRecord(
        article_id=article.id, external_id=article.external_id, outlet=article.outlet, url=article.url,
        published=article.published, title=article.title, analyzed_at=meta["analyzed_at"], event=event,
        evidence_text=article.text[slice(*event.evidence.span)],
        trigger_text=article.text[slice(*trigger)] if trigger else None,
        actors=[actors[i] for i in event.actors if i in actors],
        recipients=[actors[i] for i in event.recipients if i in actors],
        attributed_to=[actors[i] for i in event.attributed_to if i in actors],
        places=[places[i] for i in event.places if i in places],
    )


def open_store(path: str | Path = DEFAULT_DB, *, timeout: float = 30.0) -> Store:
    """Opens (creating if needed) a SQLite store and brings its schema up to date.

    ``timeout``: seconds to wait for another process's write lock before giving up.
    """
    db = SQLiteDatabase(path, timeout=timeout)
    try:
        return Store(db)
    except Exception as exc:
        db.close()
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"{path}: cannot use the database ({exc})") from exc

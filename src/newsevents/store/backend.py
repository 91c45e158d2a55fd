"""Database connections behind one small interface, so the store's SQL runs on more than SQLite.

The store writes portable SQL: ``?`` placeholders, ``ON CONFLICT DO NOTHING``, no AUTOINCREMENT, no
SQLite-only functions in queries. A backend turns that into its driver's dialect (a PostgreSQL backend
would rewrite ``?`` as ``%s``) and owns the connection settings that are specific to it (PRAGMAs here).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

Row = tuple[Any, ...]


class StoreError(Exception):
    """A database that cannot be opened or used, with the path and the reason."""


class DatabaseUnavailable(StoreError):
    """The database itself failed (locked, read-only, disk full, corrupt): no later write can succeed either.

    Distinct from a constraint violation by one record (the driver's IntegrityError), which concerns that
    record alone.
    """


class Database(Protocol):
    """What the store needs from a connection. Transactions are explicit: nothing autocommits inside one."""

    name: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]: ...

    def begin(self) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    @property
    def in_transaction(self) -> bool: ...

    def table_names(self) -> list[str]: ...

    def index_names(self) -> list[str]: ...

    def close(self) -> None: ...


class SQLiteDatabase:
    """One SQLite file in WAL mode with foreign keys enforced; transactions begin only when asked."""

    def __init__(self, path: str | Path, timeout: float = 30.0) -> None:
        self.name = str(path)
        if str(path) != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"{path}: cannot create the database: folder {parent} does not exist")
        try:
            # isolation_level=None: the driver never opens transactions behind our back; we BEGIN/COMMIT.
            self._conn = sqlite3.connect(str(path), isolation_level=None, timeout=timeout)
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable across application crashes in WAL mode and much faster than FULL.
            self._conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable SQLite database ({exc})") from exc

    @contextmanager
    def _failures(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.IntegrityError:
            raise
        except (sqlite3.OperationalError, sqlite3.DatabaseError) as exc:
            raise DatabaseUnavailable(f"{self.name}: database error: {exc}") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._failures():
            return self._conn.execute(sql, tuple(params)).fetchall()

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._failures():
            self._conn.executemany(sql, rows)

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        with self._failures():
            yield from self._conn.execute(sql, tuple(params))

    def begin(self) -> None:
        # IMMEDIATE takes the write lock up front, so a concurrent writer fails here, not mid-batch.
        with self._failures():
            self._conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        with self._failures():
            self._conn.execute("COMMIT")

    def rollback(self) -> None:
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                # A failed database (I/O error, full disk) has rolled the transaction back itself.
                pass

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    def table_names(self) -> list[str]:
        rows = self.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        return [r[0] for r in rows if not r[0].startswith("sqlite_")]

    def index_names(self) -> list[str]:
        rows = self.execute("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
        return [r[0] for r in rows if not r[0].startswith("sqlite_")]

    def close(self) -> None:
        self._conn.close()


@contextmanager
def transaction(db: Database) -> Iterator[None]:
    """Everything inside commits together or not at all (including on KeyboardInterrupt)."""
    db.begin()
    try:
        yield
    except BaseException:
        db.rollback()
        raise
    db.commit()

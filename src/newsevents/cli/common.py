"""What several commands share: the console tables are printed on, and the store they open."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console

from newsevents.store import Store, StoreError, open_store


def stdout_console() -> Console:
    """A console for tables: the terminal's width, or a readable 140 columns when piped or logged
    (rich's fallback of 80 folds every name), unless COLUMNS says otherwise."""
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return Console()
    return Console(width=140)


@contextmanager
def opened_store(path: str, must_exist: bool = False) -> Iterator[Store]:
    """The store at ``path``, closed afterwards; a missing file (when it must exist) or a database that
    cannot be opened becomes a one-line error naming the file."""
    if must_exist and not Path(path).is_file():
        raise click.ClickException(f"{path}: no such database (create it with `newsevents ingest --db {path} ...`)")
    try:
        store = open_store(path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield store
    finally:
        store.close()

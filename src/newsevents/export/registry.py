"""Registry of export formats, in the manner of the extractor registry.

An exporter is a function ``write(store, out, query) -> int`` that writes the stored data matching
``query`` to the binary stream ``out`` and returns how many records it wrote. Register it by name::

    # src/newsevents/export/links.py  (a new module here is discovered automatically)
    from newsevents.export.registry import register_exporter, text_output

    @register_exporter("links-jsonl", suffix=".jsonl", description="story links, one per line")
    def write_links(store, out, query):
        with text_output(out) as text:
            ...
        return count

Every module in ``newsevents.export`` is imported when the registry is first used, so adding a format
means adding a module: no list to edit, and ``newsevents export --format`` offers it at once.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, TextIO

if TYPE_CHECKING:
    from newsevents.store import EventQuery, Store

ExportFunction = Callable[["Store", BinaryIO, "EventQuery"], int]


@dataclass(frozen=True)
class Exporter:
    name: str
    write: ExportFunction
    suffix: str  # the usual file name ending, e.g. ".csv"
    description: str
    binary: bool = False  # binary formats are never written to a terminal


_EXPORTERS: dict[str, Exporter] = {}


def register_exporter(name: str, *, suffix: str, description: str,
                      binary: bool = False) -> Callable[[ExportFunction], ExportFunction]:
    """Decorator: ``@register_exporter("geojson", suffix=".geojson", description=...)``."""

    def wrap(write: ExportFunction) -> ExportFunction:
        _EXPORTERS[name] = Exporter(name, write, suffix, description, binary)
        return write

    return wrap


def get_exporter(name: str) -> Exporter:
    _discover()
    try:
        return _EXPORTERS[name]
    except KeyError:
        raise KeyError(f"no export format named {name!r}; known: {', '.join(registered_exporters())}") from None


def registered_exporters() -> list[str]:
    _discover()
    return sorted(_EXPORTERS)


def _discover() -> None:
    import newsevents.export as package

    for module in pkgutil.iter_modules(package.__path__):
        if not module.name.startswith("_") and module.name != "registry":
            importlib.import_module(f"{package.__name__}.{module.name}")


@contextmanager
def text_output(out: BinaryIO) -> Iterator[TextIO]:
    """A UTF-8 text view of ``out`` that is flushed, not closed, at the end (the caller owns ``out``)."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        yield text
    finally:
        text.flush()
        text.detach()

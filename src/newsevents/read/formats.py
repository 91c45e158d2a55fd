"""The registry of input formats, and how an input's format is recognised.

Each format module registers a reader with the file extensions it owns and a sniffer that recognises
its content. An input's format is decided by its extension where that is unambiguous, by content
otherwise: among the formats claiming the extension (all formats for stdin or an unknown extension),
the first in ``SNIFF_ORDER`` whose sniffer accepts the first kilobytes wins; if none does, the most
permissive format claiming the extension (the last in ``SNIFF_ORDER``: ``.txt`` is text unless it
starts like the seed format), or plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newsevents.model import Article
from newsevents.read.errors import ReadError
from newsevents.read.source import Source

Reader = Callable[[Source], Iterator[Article | ReadError]]
Sniffer = Callable[[str], bool]


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    read: Reader
    sniff: Sniffer


FORMATS: dict[str, Format] = {}
# Most specific first: plain text accepts anything, so it is last.
SNIFF_ORDER = ("seed", "feed", "html", "json", "text")
FALLBACK = "text"


def register_format(name: str, extensions: tuple[str, ...], sniff: Sniffer) -> Callable[[Reader], Reader]:
    def register(read: Reader) -> Reader:
        FORMATS[name] = Format(name, extensions, read, sniff)
        return read

    return register


def formats_for_extension(suffix: str) -> list[Format]:
    suffix = suffix.lower()
    return [f for f in FORMATS.values() if suffix in f.extensions]


def detect_format(source: Source) -> Format:
    suffix = source.path.suffix if source.path is not None else ""
    claimed = formats_for_extension(suffix) if suffix else []
    candidates = claimed or list(FORMATS.values())
    head = source.head_text().lstrip()
    for name in SNIFF_ORDER:
        fmt = FORMATS.get(name)
        if fmt in candidates and fmt.sniff(head):
            return fmt
    if claimed:
        return max(claimed, key=lambda f: SNIFF_ORDER.index(f.name) if f.name in SNIFF_ORDER else -1)
    return FORMATS[FALLBACK]

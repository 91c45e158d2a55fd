"""Readers: every input becomes ``Article`` records; every bad input becomes one ``ReadError``.

``read_inputs(["seed.txt", "corpus/", "feeds/*.xml", "-"])`` yields articles and errors in input
order and never raises for a bad input: the error names the input (``path``, ``path:LINE`` for a
JSON line, ``path[I]`` for an element of a JSON array, ``path#N`` for a feed entry) and the problem,
and reading goes on with the rest.

Formats (one module each, registered in ``formats.FORMATS``): the seed format (``seed.py``), plain
text (``text.py``), JSON Lines and JSON (``jsonl.py``), HTML pages (``html.py``), RSS/Atom feeds
(``feed.py``); ``files.py`` turns paths, folders, globs and ``-`` into sources. An input's format
comes from its extension, else from its content (``formats.detect_format``). Bytes are
decoded by ``decode`` (byte-order marks, UTF-8, legacy encodings), texts are normalised by ``Article``
(so every offset refers to the stored text, and the same text gets the same id from any format), and
a wire byline at the start of a body fills a missing ``outlet`` (``byline``). Warnings that do not
cost an article (a date that is not a date) go to the ``newsevents.read`` logger.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from newsevents.model import Article

# Imported for their side effect of registering their format.
from newsevents.read import feed, html, jsonl, seed, text  # noqa: F401
from newsevents.read.errors import MAX_CHARS, ReadError
from newsevents.read.files import STDIN, expand_inputs
from newsevents.read.formats import FORMATS, detect_format
from newsevents.read.source import Source

__all__ = ["FORMATS", "MAX_CHARS", "STDIN", "ReadError", "Source", "read_inputs", "read_source"]


def read_inputs(inputs: Iterable[str], *, stdin: BinaryIO | None = None,
                exclude: Iterable[str] = ()) -> Iterator[Article | ReadError]:
    """Articles from files, folders, glob patterns and ``-`` (``stdin``, default: the process's).

    Files named in ``exclude`` are never read, even inside a folder being read (the output file).
    """
    for item in expand_inputs(inputs, stdin=stdin, exclude=exclude):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from read_source(item)


def read_source(source: Source) -> Iterator[Article | ReadError]:
    """The articles in one source, in its detected format."""
    try:
        source.check_text_like()
        yield from detect_format(source).read(source)
    except ReadError as exc:
        yield exc
    except Exception as exc:  # a reader's bug on one odd input must not end the batch
        yield ReadError(source.name, f"could not be read ({type(exc).__name__}: {exc})")

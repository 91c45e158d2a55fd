"""Plain text: the whole file is the body, with no metadata of its own.

Nothing is taken out of the text (no guessed headline), so every offset refers to the file's text as
written, after Unicode normalisation. The outlet may still come from a wire byline at its start.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsevents.model import Article
from newsevents.read.build import make_article
from newsevents.read.errors import ReadError
from newsevents.read.formats import register_format
from newsevents.read.source import Source


@register_format("text", (".txt", ".text", ".md", ".story"), lambda head: True)
def read_text(source: Source) -> Iterator[Article | ReadError]:
    yield make_article(source.name, source.read_text(), empty_problem="empty file (only whitespace)")

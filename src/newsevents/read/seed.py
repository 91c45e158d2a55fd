"""The seed format: a first line `` date YYYY-MM-DD N``, the title on the second line, then the body.

The number after the date is not needed and is ignored. A header whose date is not a real date keeps
the article without a date (with a warning), like any other unusable date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsevents.model import Article
from newsevents.read.build import make_article
from newsevents.read.errors import ReadError
from newsevents.read.formats import register_format
from newsevents.read.source import Source

_HEADER = re.compile(r"^ ?date (\S+)(?: +\S+)* *$")


def looks_like_seed(head: str) -> bool:
    first = head.split("\n", 1)[0].rstrip("\r")
    return bool(re.match(r"^ ?date \d{4}-\d{2}-\d{2}\b", first))


@register_format("seed", (".txt", ".text", ".seed"), looks_like_seed)
def read_seed(source: Source) -> Iterator[Article | ReadError]:
    text = source.read_text().lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    header, _, rest = text.partition("\n")
    match = _HEADER.match(header)
    if not match:
        raise ReadError(source.name, "the first line is not a ' date YYYY-MM-DD N' header")
    title, _, body = rest.partition("\n")
    yield make_article(source.name, body, title=title, published=match.group(1),
                       empty_problem="no article text after the header and the title")

"""HTML pages: the main text and its metadata (title, date, site name, canonical URL, language).

Extraction is trafilatura's, which separates an article from navigation, adverts and comments. A page
from which no prose comes out (a login form, an index of links) is an error: "no article text found".
The page's headline, when trafilatura keeps it as the first line of the body, goes to ``title`` only,
so the body is the same text a JSON Lines record of the same article would carry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import trafilatura

from newsevents.model import Article
from newsevents.read.build import make_article
from newsevents.read.errors import ReadError
from newsevents.read.formats import register_format
from newsevents.read.source import Source

_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.IGNORECASE)
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
# A line of prose: a navigation bar or a form never has a line this long.
_PROSE_WORDS = 12


def looks_like_html(head: str) -> bool:
    if _HTML_START.match(head):
        return True
    return head.startswith("<") and bool(re.search(r"<(?:html|body)\b", head[:2048], re.IGNORECASE))


@register_format("html", (".html", ".htm", ".xhtml", ".shtml"), looks_like_html)
def read_html(source: Source) -> Iterator[Article | ReadError]:
    charset = _CHARSET.search(source.head())
    markup = source.read_text(declared_encoding=charset.group(1).decode("ascii") if charset else None)
    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Only dates the page states in its markup or URL, never one guessed from the text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # the extractor's failure on one odd page must not stop the batch
        raise ReadError(source.name, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    text = (doc.text or "") if doc is not None else ""
    if not any(len(line.split()) >= _PROSE_WORDS for line in text.split("\n")):
        raise ReadError(source.name, "no article text found in the HTML page")
    title = doc.title
    text = _without_headline(text, title)
    lang = _LANG.search(markup[:4096])
    yield make_article(
        source.name, text,
        title=title,
        published=doc.date,
        url=doc.url,
        outlet=doc.sitename,
        language=(doc.language or (lang.group(1) if lang else None)),
    )


def _without_headline(text: str, title: str | None) -> str:
    first, _, rest = text.partition("\n")
    if title and rest and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text

"""RSS and Atom feeds: one article per entry, from the entry's content (or its summary if that is all).

HTML in the content is reduced to text, one line per paragraph. The entry's guid/id becomes
``external_id``, its link ``url``, its published (or updated) time ``published``, and the feed's title
(or the entry's own source title) ``outlet``. An entry with no text is its own error, named
``path#N`` (N counts entries from 1); the other entries are still read.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from newsevents.model import Article
from newsevents.read.build import make_article
from newsevents.read.dates import normalise_published
from newsevents.read.errors import ReadError
from newsevents.read.formats import register_format
from newsevents.read.htmltext import html_to_text
from newsevents.read.source import Source

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)


def looks_like_feed(head: str) -> bool:
    return head.startswith("<") and bool(_FEED_ROOT.search(head[:4096]))


@register_format("feed", (".rss", ".atom", ".xml", ".rdf"), looks_like_feed)
def read_feed(source: Source) -> Iterator[Article | ReadError]:
    source.check_text_like()
    # Bytes, never a string: feedparser treats a string as a URL or a file name to open.
    parsed = feedparser.parse(io.BytesIO(source.read_bytes()), sanitize_html=False, resolve_relative_uris=False)
    if not parsed.version and not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo_exception") else ""
        raise ReadError(source.name, f"not an RSS or Atom feed{reason}")
    if not parsed.entries:
        raise ReadError(source.name, "the feed has no entries")
    feed = parsed.feed
    for n, entry in enumerate(parsed.entries, 1):
        input = f"{source.name}#{n}"
        try:
            yield _entry_article(input, entry, feed)
        except ReadError as exc:
            yield exc


def _entry_article(input: str, entry: Any, feed: Any) -> Article:
    text = _entry_text(entry)
    source_title = (entry.get("source") or {}).get("title")
    return make_article(
        input, text,
        title=html_to_text(entry.get("title", "")) or None,
        published=_entry_date(entry),
        url=entry.get("link"),
        outlet=source_title or feed.get("title"),
        language=entry.get("language") or feed.get("language"),
        external_id=entry.get("id"),
        empty_problem=f"feed entry{_titled(entry)} has no text",
    )


def _entry_text(entry: Any) -> str:
    # Full content beats the summary; of several content parts take the longest.
    candidates = [html_to_text(part.get("value", "")) for part in entry.get("content", [])]
    text = max(candidates, key=len, default="")
    return text or html_to_text(entry.get("summary", ""))


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return normalise_published(raw)
        except ValueError:
            parsed = entry.get(f"{key}_parsed")  # feedparser's own reading, in UTC
            if parsed:
                return datetime(*parsed[:6], tzinfo=UTC).isoformat(timespec="seconds")
    return None


def _titled(entry: Any) -> str:
    title = entry.get("title")
    return f" {title!r}" if title else ""

"""The last step of every reader: checks and fills shared by all formats, then the ``Article``."""

from __future__ import annotations

import logging
import re

from newsevents.model import Article, normalise_text
from newsevents.read.byline import outlet_from_byline
from newsevents.read.dates import normalise_published
from newsevents.read.errors import MAX_CHARS, ReadError

log = logging.getLogger("newsevents.read")

_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*")


def make_article(
    input: str,
    text: str,
    *,
    title: str | None = None,
    published: object = None,
    url: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    external_id: object = None,
    empty_problem: str = "no article text",
) -> Article:
    """An ``Article`` for ``input``, or ``ReadError`` when the text is empty or too long to analyze.

    Metadata that is present but unusable does not cost the article: a ``published`` that is not a
    date is dropped with a warning (the events keep their own dates from the text; a wrong document
    date would mislead every relative date, a missing one only leaves them unresolved).
    """
    body = normalise_text(text)
    if not body:
        raise ReadError(input, empty_problem)
    if len(body) > MAX_CHARS:
        raise ReadError(input, f"article is too long ({len(body):,} characters; the limit is {MAX_CHARS:,})")
    try:
        published_iso = normalise_published(published)
    except ValueError as exc:
        log.warning("%s: published date dropped: %s", input, exc)
        published_iso = None
    return Article(
        text=body,
        title=_clean(title),
        published=published_iso,
        url=_clean(url),
        outlet=_clean(outlet) or outlet_from_byline(body),
        language=_language(language, input),
        external_id=None if external_id is None or external_id == "" else str(external_id),
        source=input,
    )


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _language(value: object, input: str) -> str:
    """ISO 639-1 code: "en-US" -> "en"; English when absent or unreadable (the model is English)."""
    if value is None or value == "":
        return "en"
    match = _LANGUAGE.fullmatch(str(value).strip())
    if not match:
        log.warning("%s: language %r is not a language code; assuming English", input, value)
        return "en"
    return match.group(1).lower()

"""Quotes and attributions: who said what, and who relayed it. (First version: finds nothing yet.)"""

from __future__ import annotations

from typing import Any

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor


@register_extractor("quotes")
def make_quotes_extractor(config: dict[str, Any]) -> QuoteExtractor:
    return QuoteExtractor()


class QuoteExtractor:
    def __call__(self, ex: Extraction) -> None:
        return None


def attribution_for_span(ex: Extraction, start: int, end: int) -> tuple[list[str], str | None]:
    """Who asserts an event read from [start, end), and the status that implies.

    Returns (actor ids of the sources, nearest first; ``"claimed"``, ``"denied"`` or None).
    First version: the speaker of a quote that contains the span.
    """
    for q in ex.quotes:
        if q.span[0] <= start and end <= q.span[1] and q.speaker:
            return [q.speaker, *q.reported_by], "claimed"
    return [], None

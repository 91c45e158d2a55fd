"""Time expressions, normalised against the publication date. (First version: NER dates, unresolved.)"""

from __future__ import annotations

from typing import Any

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor
from newsevents.model import TimeRef, When


@register_extractor("times")
def make_time_extractor(config: dict[str, Any]) -> TimeExtractor:
    return TimeExtractor()


class TimeExtractor:
    def __call__(self, ex: Extraction) -> None:
        for ent in ex.doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                ex.times.append(TimeRef(text=ent.text, span=(ent.start_char, ent.end_char),
                                        kind="date" if ent.label_ == "DATE" else "time",
                                        value=None, precision="unknown", id=ex.new_id("t")))


def date_for_span(ex: Extraction, start: int, end: int) -> When:
    """The date of an event read from [start, end): the governing time expression, else the publication
    date with precision ``unknown`` (never silently).

    First version: the first resolved expression inside the span.
    """
    for t in ex.times:
        if start <= t.span[0] and t.span[1] <= end and t.value and t.kind == "date":
            return When(t.value, t.precision or "unknown")
    return When(ex.article.published[:10] if ex.article.published else None, "unknown")

"""Time expressions, normalised against the publication date. (First version: NER dates, unresolved.)"""

from __future__ import annotations

from typing import Any

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor
from newsevents.model import TimeRef


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

"""Events: PLOVER and ACLED coding with actors, status, place, date and evidence. (First version: finds nothing yet.)"""

from __future__ import annotations

from typing import Any

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor


@register_extractor("events")
def make_events_extractor(config: dict[str, Any]) -> EventExtractor:
    return EventExtractor()


class EventExtractor:
    def __call__(self, ex: Extraction) -> None:
        return None

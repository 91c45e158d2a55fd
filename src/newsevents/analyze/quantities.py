"""Quantities: counts of killed, injured, detained and counted things. (First version: finds nothing yet.)"""

from __future__ import annotations

from typing import Any

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor
from newsevents.model import Quantity, Range


@register_extractor("quantities")
def make_quantities_extractor(config: dict[str, Any]) -> QuantityExtractor:
    return QuantityExtractor()


class QuantityExtractor:
    def __call__(self, ex: Extraction) -> None:
        return None


def casualties_for_span(ex: Extraction, start: int, end: int) -> tuple[Range | None, Range | None, list[Quantity]]:
    """Fatalities and injured reported in [start, end), and the quantities they came from.

    The events extractor calls this and then sets ``Quantity.event`` on the quantities it uses.
    First version: killed/injured quantities inside the span.
    """
    used = [q for q in ex.quantities if start <= q.span[0] and q.span[1] <= end]
    killed = next((q.value for q in used if q.what == "killed"), None)
    injured = next((q.value for q in used if q.what == "injured"), None)
    return killed, injured, [q for q in used if q.what in ("killed", "injured")]

"""Quantities: counts of killed, injured, detained and counted things. (First version: finds nothing yet.)"""

from __future__ import annotations

from typing import Any

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor


@register_extractor("quantities")
def make_quantities_extractor(config: dict[str, Any]) -> QuantityExtractor:
    return QuantityExtractor()


class QuantityExtractor:
    def __call__(self, ex: Extraction) -> None:
        return None

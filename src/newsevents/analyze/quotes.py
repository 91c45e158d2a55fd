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

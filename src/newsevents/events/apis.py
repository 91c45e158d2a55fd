"""The other extractors' functions events read, looked up when called.

Looked up at call time (not import time) so that the events module keeps working while a sibling
module is being reworked; if one is missing, a minimal stand-in keeps the pipeline running and says so
nowhere in the output but in these functions' behaviour (an event simply gets no place, say).
"""

from __future__ import annotations

import importlib
import inspect
from functools import cache, lru_cache
from typing import Any

from newsevents.analyze.context import Extraction
from newsevents.model import Actor, Place, Quantity, Range, When


@cache
def _function(module: str, name: str) -> Any:
    mod = importlib.import_module(f"newsevents.analyze.{module}")
    return getattr(mod, name, None)


def actor_for_span(ex: Extraction, start: int, end: int) -> Actor | None:
    fn = _function("actors", "actor_for_span")
    return fn(ex, start, end) if fn else ex.actor_at(start, end)


def places_for_span(ex: Extraction, start: int, end: int) -> list[Place]:
    fn = _function("places", "places_for_span")
    if fn:
        return list(fn(ex, start, end))
    return [p for p in ex.places if any(start <= s and e <= end for s, e in p.mentions)]


_PRECISION = {"site": "site", "city": "city", "admin2": "admin2", "admin1": "admin1", "region": "region",
              "country": "country"}


def place_precision(places: list[Place]) -> str:
    fn = _function("places", "place_precision")
    if fn:
        return fn(places)
    return _PRECISION.get(places[0].feature, "unknown") if places else "unknown"


@lru_cache(maxsize=1)
def _date_takes_trigger() -> bool:
    fn = _function("times", "date_for_span")
    return bool(fn) and "trigger" in inspect.signature(fn).parameters


def date_for_span(ex: Extraction, start: int, end: int, trigger: tuple[int, int] | None = None) -> When:
    fn = _function("times", "date_for_span")
    if fn is None:
        published = ex.article.published[:10] if ex.article.published else None
        return When(published, "unknown")
    if trigger is not None and _date_takes_trigger():
        return fn(ex, start, end, trigger=trigger)
    return fn(ex, start, end)


def casualties_for_span(ex: Extraction, start: int, end: int) -> tuple[Range | None, Range | None, list[Quantity]]:
    fn = _function("quantities", "casualties_for_span")
    return fn(ex, start, end) if fn else (None, None, [])


def attribution_for_span(ex: Extraction, start: int, end: int) -> tuple[list[str], str | None]:
    fn = _function("quotes", "attribution_for_span")
    return fn(ex, start, end) if fn else ([], None)

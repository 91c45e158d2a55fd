"""Places: toponyms recognised and resolved to GeoNames. (First version: NER only, unresolved.)"""

from __future__ import annotations

from typing import Any

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor
from newsevents.model import Place


@register_extractor("places")
def make_place_extractor(config: dict[str, Any]) -> PlaceExtractor:
    return PlaceExtractor()


class PlaceExtractor:
    def __call__(self, ex: Extraction) -> None:
        by_name: dict[str, Place] = {}
        for ent in ex.doc.ents:
            if ent.label_ not in ("GPE", "LOC"):
                continue
            place = by_name.get(ent.text)
            if place is None:
                place = by_name[ent.text] = Place(id=ex.new_id("p"), name=ent.text, feature="other")
                ex.places.append(place)
            place.mentions.append((ent.start_char, ent.end_char))


def places_for_span(ex: Extraction, start: int, end: int) -> list[Place]:
    """The places an event read from [start, end) happened at, most specific first.

    First version: every place mentioned inside the span.
    """
    return [p for p in ex.places if any(start <= s and e <= end for s, e in p.mentions)]


_PRECISION_BY_FEATURE = {"site": "site", "city": "city", "admin2": "admin2", "admin1": "admin1",
                         "region": "region", "country": "country"}


def place_precision(places: list[Place]) -> str:
    """Event place precision from its most specific place: site ... country, else unknown."""
    if not places or places[0].geonameid is None and places[0].feature not in ("region",):
        return "unknown"
    return _PRECISION_BY_FEATURE.get(places[0].feature, "unknown")

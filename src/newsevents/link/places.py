"""Whether two reports' places can be the same event's place: the same, nearby, or one inside the other.

Works from what every stored place carries (GeoNames id, feature, country, admin1 name, coordinates),
so it needs neither the gazetteer nor a parse. A city lies inside the first-order division named in its
``admin1``; a named region (Donbas) covers the places of its country within a few hundred kilometres of
its representative point; a country covers everything in it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from newsevents.gazetteer.normalize import close_spelling
from newsevents.link.text import ascii_lower
from newsevents.model import Place

# Places within this distance are one place for linking (a city and its airport, a district and its city).
SAME_KM = 15.0
# Two localities this close can be one event's place in different reports (a village and the nearby town).
NEAR_KM = 50.0
# How far from its centre a first-order division reaches, for places whose division is not recorded.
ADMIN1_KM = 150.0
# How far from its representative point a named region, or a sea, reaches.
AREA_KM = {"region": 400.0, "water": 700.0}

_POINT_FEATURES = frozenset({"city", "site", "admin2", "other"})
# Areas known by a representative point only: a named region, a sea or a river.
_AREA_FEATURES = frozenset({"region", "water"})

# Words that say what kind of division a name is, not which: "Donetsk Oblast" and "Donetsk" are one key.
_DIVISION_WORDS = frozenset("""
oblast oblasti region province governorate state krai kray okrug autonomous republic republican special city
municipality district county prefecture department territory federal of the
""".split())


def admin1_key(name: str | None) -> str:
    if not name:
        return ""
    words = re.findall(r"[a-z0-9]+", ascii_lower(name).replace("'", ""))
    kept = [w for w in words if w not in _DIVISION_WORDS] or words
    return "".join(kept)


@dataclass(frozen=True)
class PlaceRef:
    name: str
    feature: str  # country | admin1 | admin2 | city | region | site | water | other
    country: str | None  # ISO2
    admin1: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None

    @classmethod
    def of(cls, place: Place) -> PlaceRef:
        return cls(place.name, place.feature, place.country, place.admin1, place.geonameid, place.lat, place.lon)

    def to_list(self) -> list[Any]:
        return [self.name, self.feature, self.country, self.admin1, self.geonameid, self.lat, self.lon]

    @classmethod
    def from_list(cls, v: list[Any]) -> PlaceRef:
        return cls(*v)

    @property
    def is_country(self) -> bool:
        return self.feature == "country"

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def division_key(self) -> str:
        """The first-order division this place is in (or is)."""
        return admin1_key(self.name) if self.feature == "admin1" else admin1_key(self.admin1)

    @property
    def specificity(self) -> int:
        """Higher is finer: a site over a city over admin2 over admin1 over a region over a country."""
        return {"site": 6, "city": 5, "admin2": 4, "other": 4, "admin1": 3, "region": 2, "water": 2,
                "country": 1}.get(self.feature, 0)


class Relation(IntEnum):
    """How two sets of places relate, from incompatible to the same place."""

    CONFLICT = -1  # different places: not one event
    UNKNOWN = 0  # one side has no place
    COUNTRY = 1  # only a shared country
    CONTAINS = 2  # one inside the other (a city in its admin1, a place in a named region)
    NEAR = 3  # two localities close together
    SAME = 4


def km(a: PlaceRef, b: PlaceRef) -> float | None:
    if not (a.has_point and b.has_point):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)  # type: ignore[arg-type]
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)  # type: ignore[operator]
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _same_name(a: PlaceRef, b: PlaceRef) -> bool:
    return admin1_key(a.name) == admin1_key(b.name) and a.country == b.country


def _may_be_one_name(a: str, b: str) -> bool:
    ka, kb = admin1_key(a), admin1_key(b)
    if not ka or not kb or ka in kb or kb in ka:
        return True
    return close_spelling(ka, kb)


def _reach(a: PlaceRef, b: PlaceRef) -> float:
    return max(AREA_KM.get(a.feature, 0.0), AREA_KM.get(b.feature, 0.0))


def relate(a: PlaceRef, b: PlaceRef) -> Relation:
    """Two sub-country places."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return Relation.SAME
    if a.country and b.country and a.country != b.country:
        return Relation.CONFLICT
    distance = km(a, b)
    if a.feature == b.feature and _same_name(a, b):
        return Relation.SAME
    if a.feature in _POINT_FEATURES and b.feature in _POINT_FEATURES:
        if distance is None:
            if a.division_key and b.division_key:
                return Relation.CONTAINS if a.division_key == b.division_key else Relation.CONFLICT
            if not _may_be_one_name(a.name, b.name):
                # Two localities named differently, one the gazetteer could not place: different places,
                # unless one spelling is a variant of the other ("Avdeevka", "Avdiivka").
                return Relation.CONFLICT
            return Relation.UNKNOWN
        if distance <= SAME_KM:
            return Relation.SAME
        return Relation.NEAR if distance <= NEAR_KM else Relation.CONFLICT
    if a.feature == "admin1" or b.feature == "admin1":
        if a.division_key and a.division_key == b.division_key:
            return Relation.SAME if a.feature == b.feature else Relation.CONTAINS
        is_area = a.feature in _AREA_FEATURES or b.feature in _AREA_FEATURES
        if not (a.division_key and b.division_key) and not is_area:
            # A place whose division is not known: its distance from the division's centre decides.
            if distance is None:
                return Relation.UNKNOWN
            return Relation.CONTAINS if distance <= ADMIN1_KM else Relation.CONFLICT
        if is_area:
            return Relation.CONTAINS if distance is not None and distance <= _reach(a, b) else Relation.CONFLICT
        return Relation.CONFLICT
    if a.feature in _AREA_FEATURES or b.feature in _AREA_FEATURES:
        if distance is None:
            return Relation.CONTAINS if not (a.country and b.country) or a.country == b.country else Relation.CONFLICT
        return Relation.CONTAINS if distance <= _reach(a, b) else Relation.CONFLICT
    return Relation.CONFLICT


def relate_sets(a: tuple[PlaceRef, ...], b: tuple[PlaceRef, ...]) -> Relation:
    """The best relation between any specific places, else what their countries say."""
    return best_relation(a, b)[0]


def best_relation(a: tuple[PlaceRef, ...], b: tuple[PlaceRef, ...]) -> tuple[Relation, int]:
    """The best relation between two reports' places, and how fine the coarser place of that pair is
    (``PlaceRef.specificity``): "the same admin1" says less than "the same town"."""
    if not a or not b:
        return Relation.UNKNOWN, 0
    specific_a = [p for p in a if not p.is_country]
    specific_b = [p for p in b if not p.is_country]
    if specific_a and specific_b:
        return max(((relate(x, y), min(x.specificity, y.specificity)) for x in specific_a for y in specific_b),
                   key=lambda t: (t[0], t[1]))
    countries_a = {p.country for p in a if p.country}
    countries_b = {p.country for p in b if p.country}
    if not countries_a or not countries_b:
        return Relation.UNKNOWN, 0
    return (Relation.COUNTRY if countries_a & countries_b else Relation.CONFLICT), 1

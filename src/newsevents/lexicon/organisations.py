"""Organisations: known bodies by name, and canonical names for state bodies by pattern.

"Russian Defense Ministry", "Russia's Ministry of Defence" and "Ministry of Defense of Russia" are one
body, "Ministry of Defence of Russia"; "Russia's Investigative Committee" is "Investigative Committee of
Russia"; "US State Department" is "United States Department of State". The tables are ours:
``organisations.tsv`` (bodies known by name), ``ministries.tsv`` (kinds of ministry and their sectors)
and ``org_heads.tsv`` (what the last words of a name say about the body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsevents.lexicon._tsv import FormIndex, read_rows, split_list
from newsevents.lexicon.countries import Country, country_by_iso, fold


@dataclass(frozen=True)
class OrgInfo:
    name: str  # canonical
    country: str | None  # ISO3
    sector: str | None
    state: bool = False  # a body of a state (ministry, parliament, army), named "<X> of <Country>"
    known: bool = False  # from the table of bodies known by name


@dataclass(frozen=True)
class MinistryKind:
    subject: str  # "Foreign Affairs", as in "Ministry of Foreign Affairs"
    sector: str
    us_department: str | None  # "State", as in "United States Department of State"


@dataclass(frozen=True)
class OrgHead:
    head: str
    sector: str
    state: bool


# Country names that read with an article: "Ministry of Defence of the United Kingdom".
_WITH_THE = re.compile(r"^(United|Republic|Democratic|Central African|Czech|Dominican|Netherlands|Philippines|"
                       r"Gambia|Bahamas|Maldives|Comoros|Seychelles|Solomon|Marshall|Holy See|Vatican)")


@lru_cache(maxsize=1)
def _known() -> FormIndex:
    index = FormIndex()
    for row in read_rows("organisations.tsv"):
        info = OrgInfo(row["name"], row["country"] or None, row["sector"] or None, known=True)
        for form in (row["name"], *split_list(row["forms"])):
            index.add(form, info)
    return index


@lru_cache(maxsize=1)
def _ministries() -> FormIndex:
    index = FormIndex()
    for row in read_rows("ministries.tsv"):
        kind = MinistryKind(row["subject"], row["sector"], row["us_department"] or None)
        for form in (row["subject"], *split_list(row["forms"])):
            index.add(form, kind)
    return index


@lru_cache(maxsize=1)
def _heads() -> dict[tuple[str, ...], OrgHead]:
    heads = {}
    for row in read_rows("org_heads.tsv"):
        heads[tuple(fold(row["head"]).split())] = OrgHead(row["head"], row["sector"], row["state"] == "y")
    return heads


@lru_cache(maxsize=1 << 16)
def known_org(text: str) -> OrgInfo | None:
    """A body known by name or abbreviation: "UN", "NATO", "the Kremlin", "US State Department"."""
    hit = _known().get(text)
    return hit if isinstance(hit, OrgInfo) else None


def known_org_max_words() -> int:
    return _known().max_words


@lru_cache(maxsize=1 << 16)
def known_org_may_start(word: str) -> bool:
    """Whether any known body's name begins with this word."""
    return _known().may_start(word)


@lru_cache(maxsize=1 << 16)
def known_org_may_continue(text: str) -> bool:
    """Whether some known body's name begins with this text ("People's Liberation" for the PLA)."""
    return _known().may_continue(text)


def ministry_kind(subject: str) -> MinistryKind | None:
    """The kind of ministry a subject names: "Foreign" and "foreign affairs" -> Foreign Affairs."""
    hit = _ministries().get(subject)
    return hit if isinstance(hit, MinistryKind) else None


@lru_cache(maxsize=1 << 16)
def org_head(name: str) -> OrgHead | None:
    """What the last words of a name say: "Investigative Committee" -> Committee (GOV, a state body)."""
    words = tuple(fold(name).split())
    for n in range(min(len(words), 4), 0, -1):
        head = _heads().get(words[-n:])
        if head is not None:
            return head
    return None


def country_phrase(country: Country) -> str:
    """The country as it reads after "of": "Russia", "the United States"."""
    return f"the {country.name}" if _WITH_THE.match(country.name) else country.name


# Abbreviations of ministries, as written (lower-case "mod" or "moi" are other words).
_MINISTRY_ABBREVIATIONS = {"MoD": "Defence", "MOD": "Defence", "MFA": "Foreign Affairs", "MoFA": "Foreign Affairs",
                           "MOFA": "Foreign Affairs", "MoI": "Internal Affairs", "MVD": "Internal Affairs",
                           "MoH": "Health", "MoJ": "Justice"}

_MINISTRY = re.compile(r"^(?:(?P<before>.+?)\s+)?ministry(?:\s+(?:of|for)\s+(?P<after>.+))?$", re.IGNORECASE)
_DEPARTMENT = re.compile(r"^(?:(?P<before>.+?)\s+)?department(?:\s+(?:of|for)\s+(?P<after>.+))?$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def canonical_org(core: str, country: Country | None, full: str | None = None) -> OrgInfo | None:
    """The canonical body a name denotes.

    ``core`` is the name without the words that named its country ("Defense Ministry" for "the Russian
    Defense Ministry"), ``country`` the country those words named, ``full`` the whole name as written
    (used for bodies whose country adjective is part of their proper name, "Russian Railways").
    Returns None when nothing marks the text as an organisation.
    """
    core = " ".join(core.split())
    if not core:
        return None
    iso3 = country.iso3 if country else None
    known = known_org(core)
    if known is not None and (known.country is None or iso3 is None or known.country == iso3):
        # An international body keeps no country; a national one known by name keeps its own.
        return known
    if full and (hit := known_org(full)) is not None:
        return hit
    if core in _MINISTRY_ABBREVIATIONS:  # "the Russian MoD"
        core = f"Ministry of {_MINISTRY_ABBREVIATIONS[core]}"
    if (info := _ministry(core, country)) is not None:
        return info
    if (info := _department(core, country)) is not None:
        return info
    head_words = re.split(r"\s+(?:of|for)\s+", core, maxsplit=1)[0]  # "Department of Transportation"
    head = org_head(core) or org_head(head_words)
    if head is None or not head_words.split()[-1][:1].isupper():
        # Generic heads count only as written in a name: "the Assembly", not "assembly locations".
        return None
    if head.state and country is not None:
        return OrgInfo(f"{_title(core)} of {country_phrase(country)}", iso3, head.sector, state=True)
    return OrgInfo(_title(full or core), iso3, head.sector, state=head.state)


def _ministry(core: str, country: Country | None) -> OrgInfo | None:
    m = _MINISTRY.match(core)
    if not m:
        return None
    if m.group("before") and m.group("after") and ministry_kind(m.group("before")) is None:
        return None  # "Bavarian State Ministry of Finance": a named body, kept as written
    subject = m.group("after") or m.group("before")
    if not subject:
        return None
    subject = re.sub(r"\s+of\s+the$", "", subject)
    kind = ministry_kind(subject)
    if kind is None:
        return None
    name = f"Ministry of {kind.subject}"
    if country is not None:
        name += f" of {country_phrase(country)}"
    return OrgInfo(name, country.iso3 if country else None, kind.sector, state=True)


def _department(core: str, country: Country | None) -> OrgInfo | None:
    m = _DEPARTMENT.match(core)
    if not m:
        return None
    if m.group("before") and m.group("after") and ministry_kind(m.group("before")) is None:
        return None  # "Florida Department of Transportation": a named body, kept as written
    subject = m.group("after") or m.group("before")
    kind = ministry_kind(subject) if subject else None
    if kind is None:
        return None
    usa = country_by_iso("USA")
    if country is not None and country == usa and kind.us_department:
        return OrgInfo(f"United States Department of {kind.us_department}", "USA", kind.sector, state=True)
    name = f"Department of {kind.subject}"
    if country is not None:
        name += f" of {country_phrase(country)}"
    return OrgInfo(name, country.iso3 if country else None, kind.sector, state=True)


def _title(text: str) -> str:
    """Capitalise the words of a name written in lower case; leave written capitals alone."""
    small = {"of", "the", "and", "for", "on", "in", "de", "al"}
    words = text.split()
    return " ".join(w if (w[:1].isupper() or (i and w.lower() in small)) else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))

"""Prominent political figures, so a bare surname ("Trump") gets a full name, country and sector."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsevents.lexicon._tsv import FormIndex, read_rows, split_list


@dataclass(frozen=True)
class KnownPerson:
    name: str
    country: str | None  # ISO3; None for international officials
    role: str | None  # used only when the article names no role
    sector: str | None


@lru_cache(maxsize=1)
def _index() -> FormIndex:
    index = FormIndex()
    for row in read_rows("people.tsv"):
        person = KnownPerson(row["name"], row["country"] or None, row["role"] or None, row["sector"] or None)
        for form in (row["name"], *split_list(row["aliases"])):
            index.add(form, person)
    return index


@lru_cache(maxsize=1 << 16)
def known_person(text: str) -> KnownPerson | None:
    """A figure by full name or alias: "Sergei Lavrov", "Lavrov", "Zelenskyy"."""
    hit = _index().get(text)
    return hit if isinstance(hit, KnownPerson) else None


def all_known_people() -> list[KnownPerson]:
    return list(dict.fromkeys(v for v in _index().folded.values() if isinstance(v, KnownPerson)))

"""Group nouns ("troops", "rebels", "civilians", "media") and the PLOVER sector they code to."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsevents.lexicon._tsv import FormIndex, read_rows, split_list


@dataclass(frozen=True)
class GroupNoun:
    head: str  # canonical head used in names: "forces" for troops, drones, the army...
    sector: str
    # Weapons and attacks ("drones", "shelling") stand for an actor only when a country is named.
    needs_country: bool = False


@lru_cache(maxsize=1)
def _index() -> FormIndex:
    index = FormIndex()
    for row in read_rows("groups.tsv"):
        group = GroupNoun(row["head"], row["sector"], row["needs_country"] == "y")
        for form in split_list(row["forms"]):
            index.add(form, group)
    return index


@lru_cache(maxsize=1 << 16)
def group_by_text(text: str) -> GroupNoun | None:
    hit = _index().get(text)
    return hit if isinstance(hit, GroupNoun) else None


def group_max_words() -> int:
    return _index().max_words


@lru_cache(maxsize=1 << 16)
def group_may_end(word: str) -> bool:
    """False when no group noun ends with this word."""
    return _index().may_end(word)

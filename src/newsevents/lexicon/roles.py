"""Roles and titles of people ("Foreign Minister", "spokesperson") with the PLOVER sector they code to."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsevents.lexicon._tsv import FormIndex, read_rows, split_list


@dataclass(frozen=True)
class Role:
    name: str  # canonical: "Foreign Minister"
    sector: str | None
    # True when an organisation named with the role decides the sector ("Gazprom spokesperson" is BUS).
    inherits: bool = False


# Words that qualify a role without changing it: "Deputy Foreign Minister" keeps its own row, but
# "acting Foreign Minister" or "former President" are the role with a prefix.
ROLE_PREFIXES = ("acting", "former", "interim", "outgoing", "incoming", "then", "ex", "newly appointed", "new",
                 "first", "top", "senior", "chief", "deputy", "vice", "assistant", "principal")
# Prefixes that are kept in the role's name (the others describe, but are not part of the office).
KEPT_PREFIXES = frozenset({"acting", "former", "interim", "deputy", "vice", "first", "assistant"})


@lru_cache(maxsize=1)
def _index() -> FormIndex:
    index = FormIndex()
    for row in read_rows("roles.tsv"):
        role = Role(row["role"], row["sector"] or None, row["inherits"] == "org")
        for form in (row["role"], *split_list(row["forms"])):
            index.add(form, role)
        for form in split_list(row["forms"]):
            # "Senators Rubio and Lee", "Generals": titles in the plural.
            index.add(_plural(form), role)
    return index


def _plural(form: str) -> str:
    if form.endswith("man"):
        return form[:-3] + "men"
    if form.endswith("person"):
        return form[:-6] + "people"
    if form.endswith("y") and form[-2:-1] not in "aeiou":
        return form[:-1] + "ies"
    if form.endswith(("s", "x", "ch", "sh")):
        return form + "es"
    return form + "s"


@lru_cache(maxsize=1 << 16)
def role_by_text(text: str) -> Role | None:
    """The role a title denotes: "foreign minister", "Minister of Foreign Affairs", "spokeswoman"."""
    hit = _index().get(text)
    return hit if isinstance(hit, Role) else None


def role_max_words() -> int:
    return _index().max_words


@lru_cache(maxsize=1 << 16)
def role_may_start(word: str) -> bool:
    """False when no role's form begins with this word."""
    return _index().may_start(word)


@lru_cache(maxsize=1 << 16)
def role_may_end(word: str) -> bool:
    """False when no role's form (or its plural) ends with this word."""
    return _index().may_end(word)

"""Reading the numbers news prose uses: "1,200", "2.5 million", "twenty-one", "a dozen", "two-thirds".

Pure functions over token texts, no parse needed, so the quantities extractor can call them on any
run of tokens and tests can check them directly. Anything that is not a plausible count of things
(infinities, exponents, more digits than any count needs) reads as ``None`` rather than raising.
"""

from __future__ import annotations

import math
import re

UNITS: dict[str, int] = {
    "zero": 0, "nil": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
# Words that multiply what comes before them ("2.5 million", "three hundred").
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
    "k": 1_000,
}
# Counting nouns that stand for a number ("a dozen", "a couple of", "a score of").
GROUPS: dict[str, int] = {"dozen": 12, "couple": 2, "pair": 2, "score": 20, "handful": 3}
# Plural round numbers that report an order of magnitude, read as their unit: ACLED codes "dozens" as
# 12, "tens" as 10, "hundreds" as 100 (the most conservative reading; see docs/quantities.md).
VAGUE_PLURALS: dict[str, int] = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
    "billions": 1_000_000_000,
}
# Vague amounts with no number at all: the count is unknown, only that there were some.
VAGUE_WORDS = frozenset({"several", "numerous", "many", "multiple", "few", "some", "countless",
                         "scores", "dozens", "hundreds", "thousands", "tens", "millions"})
FRACTIONS: dict[str, tuple[int, int]] = {
    "half": (1, 2), "halves": (1, 2), "third": (1, 3), "thirds": (1, 3), "quarter": (1, 4),
    "quarters": (1, 4), "fourth": (1, 4), "fourths": (1, 4), "fifth": (1, 5), "fifths": (1, 5),
    "sixth": (1, 6), "sixths": (1, 6), "tenth": (1, 10), "tenths": (1, 10),
}

# No count in the news exceeds this; anything larger is a typo, an identifier or an attack on the parser.
MAX_COUNT = 10**12

_DIGITS = re.compile(r"^[+]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_DIGITS_WITH_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(m|mn|bn|k)$", re.IGNORECASE)


def is_number_word(word: str) -> bool:
    w = word.lower()
    return w in UNITS or w in TENS or w in SCALES and w not in ("m", "mn", "bn", "k")


def parse_digits(text: str) -> float | None:
    """ "1,200" -> 1200, "2.5" -> 2.5, "5bn" -> 5e9; anything else (1e309, 12:30, 3/4) -> None."""
    t = text.strip()
    m = _DIGITS_WITH_SCALE.match(t)
    if m:
        value = float(m.group(1)) * SCALES[m.group(2).lower()]
        return value if value <= MAX_COUNT else None
    m = _DIGITS.match(t)
    if not m:
        return None
    whole = m.group(1).replace(",", "")
    if len(whole) > 13:  # more digits than MAX_COUNT: not a count (and keeps float() exact)
        return None
    value = float(whole + ("." + m.group(2) if m.group(2) else ""))
    if not math.isfinite(value) or value > MAX_COUNT:
        return None
    return value


def parse_number_words(words: list[str]) -> float | None:
    """ "twenty one" / "one hundred and twenty" / "2.5 million" / "a dozen" -> the value; else None.

    ``words`` are the tokens of one number with hyphens already split off ("twenty-one" -> twenty, one).
    """
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        w = raw.lower()
        if w in ("and", "a", "an", "-", "of"):
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in GROUPS:
            current = (current or 1) * GROUPS[w]
        elif w in SCALES:
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0
        else:
            digits = parse_digits(w)
            if digits is None:
                return None
            current += digits
        seen = True
    if not seen:
        return None
    value = total + current
    if not math.isfinite(value) or value > MAX_COUNT:
        return None
    return value


def as_count(value: float | None) -> int | None:
    """A whole, plausible count, or None ("2.5 people" is not a count; 2.5 million is)."""
    if value is None or not math.isfinite(value) or value < 0 or value > MAX_COUNT:
        return None
    if abs(value - round(value)) > 1e-9:
        return None
    return int(round(value))


def plural(lemma: str) -> str:
    """English plural of a noun lemma, enough for the counted nouns of news ("bridge" -> "bridges")."""
    irregular = {"person": "people", "man": "men", "woman": "women", "child": "children",
                 "policeman": "policemen", "gunman": "gunmen", "fisherman": "fishermen",
                 "people": "people", "police": "police", "personnel": "personnel", "staff": "staff",
                 "aircraft": "aircraft", "sheep": "sheep", "militia": "militias", "militaman": "militiamen",
                 "militiaman": "militiamen", "serviceman": "servicemen", "crew": "crew", "series": "series",
                 "species": "species", "means": "means", "basis": "bases", "crisis": "crises",
                 "analysis": "analyses", "thesis": "theses", "index": "indices", "headquarters": "headquarters"}
    w = lemma.lower()
    if w in irregular:
        return irregular[w]
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", w):
        return w + "es"
    return w + "s"

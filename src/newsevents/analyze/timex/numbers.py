"""Numbers as written in time expressions: "18", "1,200", "2 1/2", "twenty-four", "a couple of", "several"."""

from __future__ import annotations

import re
from fractions import Fraction

from newsevents.analyze.timex.lexicon import ORDINALS, SCALE_WORDS, TENS_WORDS, UNITS_WORDS

# Quantities that name no number: the duration gets an "X" amount (PXY, "several years").
VAGUE = {"several", "a few", "few", "many", "some", "numerous", "a number of", "dozens of", "hundreds of"}
# "a couple of" is two, give or take; TimeML writes it as 2.
APPROXIMATE = {"a couple of": 2, "couple of": 2, "a dozen": 12}


def parse_amount(text: str) -> Fraction | None:
    """The number a quantity of time names, or None when it is vague ("several") or not a number."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in VAGUE:
        return None
    if t in APPROXIMATE:
        return Fraction(APPROXIMATE[t])
    if t in ("a", "an", "one"):
        return Fraction(1)
    if t in ("a half", "half a", "half an"):
        return Fraction(1, 2)
    half = re.fullmatch(r"(.+?)[- ]and[- ]a[- ]half", t)
    if half:
        whole = parse_amount(half.group(1))
        return None if whole is None else whole + Fraction(1, 2)
    mixed = re.fullmatch(r"(\d+)\s+(\d)/(\d)", t)
    if mixed:
        if int(mixed.group(3)) == 0:
            return None
        return Fraction(int(mixed.group(1))) + Fraction(int(mixed.group(2)), int(mixed.group(3)))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return Fraction(int(t.replace(",", "")))
    if re.fullmatch(r"\d+\.\d+", t):
        return Fraction(t)
    n = words_to_int(t)
    return None if n is None else Fraction(n)


def words_to_int(text: str) -> int | None:
    """ "twenty-four" -> 24, "a hundred and fifty" -> 150, "two thousand" -> 2000; None if not a number."""
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an") and not seen:
            current, seen = 1, True
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
            seen = True
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
            seen = True
        elif word in SCALE_WORDS:
            current = max(current, 1) * SCALE_WORDS[word]
            if SCALE_WORDS[word] >= 1000:
                total, current = total + current, 0
            seen = True
        else:
            return None
    return total + current if seen else None


def ordinal_to_int(text: str) -> int | None:
    """ "third" -> 3, "3rd" -> 3, "twenty-first" -> 21, "last" -> -1."""
    t = text.lower().strip()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    if t in ORDINALS:
        return ORDINALS[t]
    parts = re.split(r"[\s-]+", t)
    if len(parts) == 2 and parts[0] in TENS_WORDS and parts[1] in ORDINALS:
        return TENS_WORDS[parts[0]] + ORDINALS[parts[1]]
    return None


def spoken_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001, "the year two thousand" handled by caller."""
    t = re.sub(r"[\s-]+", " ", text.lower()).strip()
    m = re.fullmatch(r"(nineteen|eighteen|seventeen|twenty) (hundred(?: and)?(?: (.+))?|(.+))", t)
    if m:
        century = UNITS_WORDS.get(m.group(1)) or TENS_WORDS.get(m.group(1))
        if century is None:
            return None
        rest = m.group(3) if m.group(2).startswith("hundred") else m.group(4)
        if rest is None:
            return century * 100
        if rest.startswith("oh "):
            n = words_to_int(rest[3:])
        else:
            n = words_to_int(rest)
        if n is None or n >= 100:
            return None
        return century * 100 + n
    n = words_to_int(t)
    if n is not None and 1000 <= n <= 2199 and "thousand" in t:
        return n
    return None

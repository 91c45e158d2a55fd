"""The grammar's frame: a rule is a pattern over the text and a builder saying what a match means.

Shared fragments (word edges, time zones) and helpers the rule families use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from newsevents.analyze.timex.lexicon import (
    MONTHS,
    UNIT_MULTIPLIER,
    UNITS,
    WEEKDAYS,
)
from newsevents.analyze.timex.numbers import ordinal_to_int
from newsevents.analyze.timex.spec import Spec

FLAGS = re.IGNORECASE | re.VERBOSE
B = r"(?<![\w$£€¥@#])"  # left edge: not inside a word, a price or a handle
E = r"(?![\w])"  # right edge
TZ = (r"(?:GMT|UTC|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT|HKT|SGT|WIB"
      r"|PKT|local\s+time|(?-i:[A-Z][a-z]+)\s+time)")
AMPM = r"(?:a\.\s?m\.?|p\.\s?m\.?|am|pm)(?!\w)"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Callable[[re.Match[str]], Spec | None]
    priority: int = 0  # among atoms of the same length, the lower wins


RULES: list[Rule] = []


def rule(name: str, pattern: str, priority: int = 0) -> Callable[[Callable[[re.Match[str]], Spec | None]], Callable]:
    compiled = re.compile(pattern, FLAGS)

    def register(build: Callable[[re.Match[str]], Spec | None]) -> Callable:
        RULES.append(Rule(name, compiled, build, priority))
        return build

    return register


def month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def weekday_number(text: str) -> int:
    return WEEKDAYS[text.lower().rstrip(".")]


def day_number(text: str) -> int | None:
    n = ordinal_to_int(re.sub(r"(?<=\d)(st|nd|rd|th)$", "", text.lower()))
    return n if n is not None and 1 <= n <= 31 else None


def year_number(text: str | None) -> int | None:
    if not text:
        return None
    t = text.strip("'’")
    if len(t) == 2:  # '98: the nearest century is a guess the resolver cannot improve
        n = int(t)
        return 2000 + n if n < 50 else 1900 + n
    return int(t)


def relative_word(word: str | None) -> tuple[int | None, bool, bool]:
    """(offset or direction, anaphoric, strict) for "last", "next", "the following", "that"..."""
    if not word:
        return None, False, False
    w = re.sub(r"\s+", " ", word.lower())
    if w in ("the following", "the next", "the ensuing", "the subsequent"):
        return 1, True, True
    if w in ("the previous", "the preceding", "the prior"):
        return -1, True, True
    if w in ("that", "the same", "that same", "the very same", "that very"):
        return 0, True, False
    if w in ("last", "past", "previous", "prior", "this past", "the past", "the last", "the latest",
             "the most recent", "most recent", "latest"):
        return -1, False, True
    if w in ("next", "coming", "the coming", "this coming", "upcoming", "the upcoming"):
        return 1, False, True
    if w in ("this", "current", "the current", "the present", "present"):
        return 0, False, False
    return None, False, False



def unit_name(word: str) -> str:
    w = word.lower().rstrip("s")
    w = {"centurie": "century", "millennia": "millennium", "millenium": "millennium", "hr": "hour", "min": "minute",
         "sec": "second"}.get(w, w)
    return w


def whole_steps(amount: Fraction, unit: str) -> tuple[int, str] | None:
    """An amount of a unit as a whole number of calendar steps: 1.5 years -> 18 months."""
    if unit in UNIT_MULTIPLIER:
        amount, unit = amount * UNIT_MULTIPLIER[unit], {"fortnight": "week"}.get(unit, "year")
    if amount.denominator == 1:
        return int(amount), unit
    finer = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24)}
    if unit in finer:
        sub, k = finer[unit]
        return whole_steps(amount * k, sub)
    return None




def duration_value(amount: Fraction | None, unit: str) -> str:
    letter, timed = UNITS[unit]
    multiplier = UNIT_MULTIPLIER.get(unit, 1)
    if unit == "weekend":
        letter, multiplier = "D", 2
    if letter in ("DE", "CE", "ML"):
        letter = "Y"
    if letter == "Q":
        letter, multiplier = "M", 3
    prefix = "PT" if timed else "P"
    if amount is None:
        return f"{prefix}X{'Q' if unit == 'quarter' else letter}"
    amount = amount * multiplier
    if amount.denominator == 1:
        return f"{prefix}{amount.numerator}{letter}"
    # A fraction: whole part plus the rest in the next smaller unit where that is exact.
    whole = amount.numerator // amount.denominator
    rest = amount - whole
    finer = {("Y", False): ("M", 12, False), ("M", False): ("D", 30, False), ("W", False): ("D", 7, False),
             ("D", False): ("H", 24, True), ("H", True): ("M", 60, True), ("M", True): ("S", 60, True)}
    if (letter, timed) in finer:
        sub, k, sub_timed = finer[(letter, timed)]
        part = rest * k
        if part.denominator == 1:
            head = f"{whole}{letter}" if whole else ""
            if sub_timed and not timed:
                return f"P{head}T{part.numerator}{sub}"
            return f"{prefix}{head}{part.numerator}{sub}"
    return f"{prefix}{float(amount):g}{letter}"

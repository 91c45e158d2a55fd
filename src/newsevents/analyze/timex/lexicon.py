"""Words of the time grammar: calendar names, units, number words, and the regex fragments built from them.

Everything here is data. The patterns that use it are in ``grammar.py``; the arithmetic in ``calendar.py``.
Fragments are written for ``re.IGNORECASE | re.VERBOSE``; names that are also ordinary words ("May",
"March", "Sun") are matched case-sensitively with a scoped ``(?-i:...)`` group.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {  # ISO: Monday = 1
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4,
    "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# Part of day: TIMEX3 codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "dawn": "MO", "daybreak": "MO", "dusk": "EV", "nightfall": "EV", "midday": "MI", "noon": "MI",
}

# Units: the TIMEX3 duration letter and whether it is written after a "T".
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True),
    "hour": ("H", True), "hr": ("H", True), "day": ("D", False), "night": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False), "millennium": ("ML", False),
    "weekend": ("WE", False),
}
# How many of the base unit one unit is (fortnight = 2 weeks, decade = 10 years...).
UNIT_MULTIPLIER: dict[str, int] = {"fortnight": 2, "decade": 10, "century": 100, "millennium": 1000}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "last": -1, "final": -1,
}

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Fixed-date holidays (month, day) and those computed per year (see calendar.holiday).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24), "christmas day": (12, 25),
    "christmas": (12, 25), "boxing day": (12, 26), "valentine's day": (2, 14), "halloween": (10, 31),
    "independence day": (7, 4), "bastille day": (7, 14), "victory day": (5, 9), "armistice day": (11, 11),
    "veterans day": (11, 11), "may day": (5, 1), "labour day": (5, 1), "st. patrick's day": (3, 17),
    "all saints' day": (11, 1), "epiphany": (1, 6),
}
MOVABLE_HOLIDAYS = ("easter sunday", "easter monday", "good friday", "easter", "thanksgiving day", "thanksgiving",
                    "election day", "memorial day", "labor day", "mother's day", "father's day")


def _alt(words: list[str]) -> str:
    # Longest first so that the regex prefers "September" to "Sep".
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _cap(word: str) -> str:
    """``Word`` or ``WORD``, never ``word``: for names that are also common words."""
    return f"{word[0].upper()}(?:{re.escape(word[1:].lower())}|{re.escape(word[1:].upper())})"


# Month names: capitalised (or all caps). Abbreviations may carry a period.
_MONTH_FULL = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"]
MONTH_FULL = "(?-i:" + "|".join(_cap(m) for m in sorted(_MONTH_FULL, key=len, reverse=True)) + ")"
MONTH_ABBR = "(?-i:" + "|".join(_cap(m) for m in ("sept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                                                    "oct", "nov", "dec")) + r")\.?"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
# A month name on its own is ambiguous for May/March ("may", "march" are words; "Theresa May").
MONTH_SAFE_ALONE = "(?-i:" + "|".join(_cap(m) for m in ("january", "february", "april", "june", "july", "august",
                                                        "september", "october", "november", "december")) + ")"

WEEKDAY_FULL = "(?-i:" + "|".join(_cap(w) for w in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                                    "saturday", "sunday")) + ")"
WEEKDAY_ABBR = "(?-i:" + "|".join(_cap(w) for w in ("tues", "thurs", "thur", "mon", "tue", "wed", "thu", "fri",
                                                    "sat", "sun")) + r")\."
WEEKDAY = rf"(?:{WEEKDAY_FULL}|{WEEKDAY_ABBR})"

SEASON = _alt(list(SEASONS))
POD = "morning|afternoon|evening|night"

DAY_NUM = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
DAY_ORD_WORD = ("(?:" + _alt([w for w, n in ORDINALS.items() if 0 < n <= 20])
                + r"|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[- ]first)")
# Years 1000-2199 as digits; two-digit years only with an apostrophe ('98).
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})(?!\d|[,.]\d)"
YEAR_APOS = r"['’][0-9]{2}(?!\d)"

_UNIT_NAMES = ["second", "sec", "minute", "min", "hour", "hr", "day", "night", "week", "fortnight", "month",
               "quarter", "year", "decade", "weekend"]
UNIT_SG = _alt(_UNIT_NAMES + ["century", "millennium"])
UNIT_PL = _alt([u + "s" for u in _UNIT_NAMES] + ["centuries", "millennia", "millenniums"])
UNIT_ANY = rf"(?:{UNIT_PL}|{UNIT_SG})"
# Calendar units that "last/this/next" apply to.
CAL_UNIT = _alt(["week", "month", "year", "quarter", "decade", "century", "weekend", "fortnight"])

_UNITS_W = _alt(list(UNITS_WORDS))
_TENS_W = _alt(list(TENS_WORDS))
# A number in words, up to the thousands: "seven", "twenty-four", "a hundred and fifty", "two thousand".
NUM_WORDS = (rf"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten)[- ]+(?:hundred|thousand)(?:[- ]+(?:and[- ]+)?)?)?"
             rf"(?:(?:{_TENS_W})(?:[- ](?:{_UNITS_W}))?|{_UNITS_W})"
             rf"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten)[- ]+(?:hundred|thousand)")
NUM_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:\s+\d/\d)?"
# A quantity of units: numbers, fractions, "a", "a couple of", vague quantities.
AMOUNT = (rf"(?:(?:{NUM_DIGITS})|(?:{NUM_WORDS})(?:[- ]and[- ]a[- ]half)?|a[- ]half|half[- ]an?|an?|one[- ]and[- ]a[- ]half"
          r"|(?:a\s+)?couple\s+of|a\s+few|several|a\s+number\s+of|a\s+dozen|dozens\s+of|hundreds\s+of|many|few"
          r"|some|numerous)")

# Modifiers written before a quantity of time ("at least 30 days") and the TIMEX3 mod they give.
QUANT_MODS: dict[str, str] = {
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "not less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "not more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS", "more than": "MORE_THAN", "over": "MORE_THAN",
    "upwards of": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "nearly": "APPROX", "almost": "APPROX", "about": "APPROX", "around": "APPROX", "approximately": "APPROX",
    "roughly": "APPROX", "some": "APPROX", "just over": "MORE_THAN", "just under": "LESS_THAN",
    "close to": "APPROX", "an estimated": "APPROX", "another": None, "an additional": None, "a further": None,
}
# "over", "under" and "some" are prepositions or determiners unless a number follows ("over 18 months"
# but "over the next few days", "over several years").
_LOOSE_MODS = ("over", "under", "some", "just over", "just under")
QUANT_MOD = (_alt([m for m in QUANT_MODS if m not in _LOOSE_MODS]) + "|(?:" + _alt(list(_LOOSE_MODS))
             + rf")(?=\s+(?:\d|a\s|an\s|half\b|(?:{_UNITS_W}|{_TENS_W})\b))")

# Modifiers of a point in time: "early June", "late on Friday", "mid-1990s".
POINT_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "the turn of": "START", "late": "END", "later": "END", "the end of": "END", "the close of": "END",
    "mid": "MID", "the middle of": "MID", "the mid": "MID", "the height of": "MID",
}

"""The grammar's atoms: regular patterns over the text, each with a builder that says what it means.

An atom is the smallest expression the grammar recognises on its own ("June 2", "Sunday", "last week",
"18 months", "3 p.m."). ``compose.py`` then joins neighbouring atoms ("Sunday" + "morning", "9 a.m." +
"Tuesday", "June" + "last year", "between 3" + "5 May") and adds modifiers ("early", "the end of").

Extents follow TimeML/TIMEX3: no leading preposition ("on Sunday" -> "Sunday"); determiners and
modifiers that change the meaning stay in ("the past two months", "last week", "over 18 months").
A pattern may match context it does not keep: the group ``x``, when present, is the extent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from newsevents.analyze.timex.lexicon import (
    AMOUNT,
    DAY_NUM,
    DAY_ORD_WORD,
    FIXED_HOLIDAYS,
    MONTH,
    MONTH_FULL,
    MONTH_SAFE_ALONE,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NUM_WORDS,
    PARTS_OF_DAY,
    QUANT_MOD,
    QUANT_MODS,
    SEASONS,
    UNIT_ANY,
    UNIT_MULTIPLIER,
    UNIT_PL,
    UNIT_SG,
    UNITS,
    WEEKDAY,
    WEEKDAY_FULL,
    WEEKDAYS,
    YEAR4,
    YEAR_APOS,
)
from newsevents.analyze.timex.numbers import ordinal_to_int, parse_amount, spoken_year
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


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _weekday(text: str) -> int:
    return WEEKDAYS[text.lower().rstrip(".")]


def _day(text: str) -> int | None:
    n = ordinal_to_int(re.sub(r"(?<=\d)(st|nd|rd|th)$", "", text.lower()))
    return n if n is not None and 1 <= n <= 31 else None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    t = text.strip("'’")
    if len(t) == 2:  # '98: the nearest century is a guess the resolver cannot improve
        n = int(t)
        return 2000 + n if n < 50 else 1900 + n
    return int(t)


def _rel(word: str | None) -> tuple[int | None, bool, bool]:
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


# ------------------------------------------------------------------ calendar dates


@rule("iso_date", rf"""{B}(?P<y>\d{{4}})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])
      (?:[T\ ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?{E}""")
def _iso_date(m: re.Match[str]) -> Spec:
    s = Spec(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))
    if m["h"]:
        s.kind, s.hour, s.minute = "time", int(m["h"]), int(m["mi"])
    return s


@rule("slash_date", rf"{B}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})(?![\d/])")
def _slash_date(m: re.Match[str]) -> Spec | None:
    a, b = int(m["a"]), int(m["b"])
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first number cannot be a month
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Spec(year=_year(m["y"]), month=month, day=day)


_RANGE = r"\s*(?:-|–|—|to|and|through|until|till)\s*"


@rule("month_day", rf"""{B}(?:(?P<wd>{WEEKDAY})\s*,?\s+)?(?P<mon>{MONTH})\s+(?:the\s+)?
      (?P<d>{DAY_NUM}|{DAY_ORD_WORD})(?:{_RANGE}(?P<d2>{DAY_NUM}))?
      (?:\s*,?\s*(?P<y>{YEAR4})|\s+(?P<ya>{YEAR_APOS}))?{E}""")
def _month_day(m: re.Match[str]) -> Spec | None:
    return _day_month_spec(m)


@rule("day_month", rf"""{B}(?:(?P<wd>{WEEKDAY})\s*,?\s+)?(?:the\s+)?(?P<d>{DAY_NUM}|{DAY_ORD_WORD})
      (?:{_RANGE}(?P<d2>{DAY_NUM}))?\s+(?:of\s+)?(?P<mon>{MONTH})(?:\s*,?\s*(?P<y>{YEAR4}))?{E}""")
def _day_month(m: re.Match[str]) -> Spec | None:
    return _day_month_spec(m)


@rule("between_days", rf"""{B}(?P<pre>between|from)\s+(?:the\s+)?(?P<d>{DAY_NUM})\s+(?:and|to|until|till|through)\s+
      (?:the\s+)?(?P<d2>{DAY_NUM})\s+(?:of\s+)?(?P<mon>{MONTH})(?:\s*,?\s*(?P<y>{YEAR4}))?{E}""")
def _between_days(m: re.Match[str]) -> Spec | None:
    return _day_month_spec(m)


def _day_month_spec(m: re.Match[str]) -> Spec | None:
    day = _day(m["d"])
    if day is None:
        return None
    groups = m.groupdict()
    year = _year(groups.get("y") or groups.get("ya"))
    s = Spec(year=year, month=_month(m["mon"]), day=day)
    if groups.get("wd"):
        s.weekday = _weekday(m["wd"])
    if groups.get("d2"):
        d2 = _day(m["d2"])
        if d2 is None or d2 <= day:
            return None
        s.end = Spec(year=year, month=s.month, day=d2)
        if m.start("mon") < m.start("d"):  # "April 24 and 25"
            s.part_spans = ((m.start(), m.end("d")), (m.start("d2"), m.end()))
        else:  # "3-5 May", "between 3 and 5 May"
            s.part_spans = ((m.start("d"), m.end("d")), (m.start("d2"), m.end()))
    return s


@rule("month_year", rf"{B}(?P<mon>{MONTH})(?:\s+of)?\s*,?\s+(?P<y>{YEAR4}|{YEAR_APOS}){E}")
def _month_year(m: re.Match[str]) -> Spec:
    return Spec(year=_year(m["y"]), month=_month(m["mon"]))


_MONTH_REL = r"this\s+past|this\s+coming|last|next|this|that|the\s+following|the\s+previous|every|each"


@rule("month", rf"""{B}(?:(?P<rel>{_MONTH_REL})\s+)?(?P<mon>{MONTH_SAFE_ALONE})(?P<pl>s)?(?![\w-])""")
def _month_alone(m: re.Match[str]) -> Spec | None:
    return _month_spec(m)


# "May" and "March" are also words: alone they need a word before them that only a month takes.
_MAY_CUE = (r"in|since|until|till|by|from|to|through|during|before|after|of|early|late|mid"
            r"|between|and|or|throughout|around|end|beginning|middle")


@rule("month_cued", rf"""(?<![\w])(?P<cue>{_MAY_CUE})[\s-]+(?P<x>(?P<mon>(?-i:May|March|MAY|MARCH)))(?![\w-])""")
def _month_cued(m: re.Match[str]) -> Spec | None:
    return _month_spec(m)


@rule("month_rel", rf"""{B}(?P<rel>{_MONTH_REL})\s+(?P<mon>(?-i:May|March|MAY|MARCH))(?![\w-])""")
def _month_rel(m: re.Match[str]) -> Spec | None:
    return _month_spec(m)


def _month_spec(m: re.Match[str]) -> Spec | None:
    month = _month(m["mon"])
    rel = (m.groupdict().get("rel") or "").lower()
    if rel in ("every", "each") or m.groupdict().get("pl"):
        return Spec(kind="set", value=f"XXXX-{month:02d}")
    offset, anaphoric, strict = _rel(rel)
    return Spec(month=month, direction=offset, anaphoric=anaphoric, strict=strict)


@rule("year", rf"""{B}(?:(?P<fy>fiscal(?:\s+year)?|FY|the\s+year|calendar(?:\s+year)?|the\s+fiscal\s+year)[\s-]*)?
      (?P<y>{YEAR4})(?![\w%])(?!\s*(?:%|percent|per\s*cent))""")
def _year_alone(m: re.Match[str]) -> Spec:
    return Spec(year=int(m["y"]), rule="year_bare" if not m["fy"] else "year")


@rule("year_range", rf"""{B}(?:(?P<pre>between|from)\s+)?(?P<y1>{YEAR4})\s*(?:-|–|—|to|and|through|until)\s*
      (?P<y2>{YEAR4}|\d{{2}})(?![\w%])""")
def _year_range(m: re.Match[str]) -> Spec | None:
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 - y1 % 100 + int(m["y2"])
    if y2 <= y1 or y2 - y1 > 200:
        return None
    if m["pre"] is None and re.search(r"\s(?:and|to|through|until)\s", m.group(0)):
        return None  # "1990 to 1995" alone is often two numbers; the range needs "between"/"from"
    return Spec(year=y1, end=Spec(year=y2), part_spans=(m.span("y1"), m.span("y2")))


_TENS_YEARS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_SMALL = r"(?:one|two|three|four|five|six|seven|eight|nine)"


@rule("spoken_year", rf"""{B}(?:the\s+year\s+)?(?P<w>(?:nineteen|eighteen|seventeen)[-\s]+(?:hundred(?:[-\s]+and)?[-\s]+)?
      (?:{_TENS_YEARS}|{_TEENS}|oh[-\s]{_SMALL})|twenty[-\s]+(?:{_TENS_YEARS}|{_TEENS})){E}
      |(?P<yt>the\s+year\s+two\s+thousand(?:[-\s]+and)?(?:[-\s]+(?:{_SMALL}|{_TEENS}))?)""")
def _spoken_year(m: re.Match[str]) -> Spec | None:
    text = m["w"] or re.sub(r"^the\s+year\s+", "", m["yt"], flags=re.I)
    y = spoken_year(text)
    return Spec(year=y) if y else None


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


@rule("decade", rf"""{B}(?:(?P<the>the)\s+)?(?:(?P<y>1\d{{2}}|20\d)0(?P<apos>['’])?s|['’](?P<yy>\d)0['’]?s
      |(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)){E}""")
def _decade(m: re.Match[str]) -> Spec | None:
    if m["y"]:
        before = m.string[max(0, m.start() - 8):m.start()].lower()
        if m["apos"] and not m["the"] and not re.search(r"(?:early|late|mid)[\s-]*\Z", before):
            return None  # "2000's Meet the Parents": a year's, not the 2000s
        return Spec(value=m["y"])
    if m["yy"]:
        return Spec(value=f"19{m['yy']}")
    if not m["the"]:
        return None  # "in his nineties" is an age
    return Spec(value=f"19{_DECADE_WORDS[m['w'].lower()]}")


_ERA = r"(?-i:(?P<era>BC|B\.C\.|BCE|B\.C\.E\.|AD|A\.D\.|CE|C\.E\.))"


@rule("century", rf"""{B}(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{DAY_ORD_WORD})[-\s]+century(?![\w-])
      (?:\s+{_ERA}(?!\w))?""")
def _century(m: re.Match[str]) -> Spec | None:
    n = ordinal_to_int(re.sub(r"(?<=\d)(st|nd|rd|th)$", "", m["n"].lower()))
    if n is None or not 1 <= n <= 99:
        return None
    if m["era"] and m["era"].upper().startswith("B"):
        return Spec(value=f"BC{n - 1:02d}")
    return Spec(value=f"{n - 1:02d}")


@rule("era_year", rf"""{B}(?:(?P<y>\d{{1,4}})\s*{_ERA}(?!\w)|(?-i:AD|A\.D\.)\s*(?P<y2>\d{{1,4}}){E})""")
def _era_year(m: re.Match[str]) -> Spec | None:
    if m["y2"]:
        return Spec(year=int(m["y2"])) if int(m["y2"]) > 0 else None
    y = int(m["y"])
    if y == 0:
        return None
    if m["era"].upper().startswith("B"):
        return Spec(value=f"BC{y:04d}")
    return Spec(year=y)


# ------------------------------------------------------------------ days of the week and relative days


@rule("weekday", rf"""{B}(?:(?P<rel>this\s+coming|this\s+past|last|next|this|coming|past|previous|the\s+previous
      |the\s+following|the\s+next|that|the\s+same)\s+)?(?P<wd>{WEEKDAY})(?P<pl>s(?!['’]))?(?!\w)""")
def _weekday_atom(m: re.Match[str]) -> Spec | None:
    wd = _weekday(m["wd"])
    if m["pl"]:
        return Spec(kind="set", value=f"XXXX-WXX-{wd}", rule="weekday_set")
    offset, anaphoric, strict = _rel(m["rel"])
    return Spec(weekday=wd, direction=offset, anaphoric=anaphoric, strict=strict)


@rule("relative_day", rf"""{B}(?:the\s+day\s+(?P<db>before\s+yesterday|after\s+tomorrow)
      |(?P<w>today|tonight|tonite|tomorrow|yesterday|overnight)){E}""")
def _relative_day(m: re.Match[str]) -> Spec:
    if m["db"]:
        return Spec(unit="day", offset=-2 if m["db"].lower().startswith("before") else 2)
    w = m["w"].lower()
    if w in ("tonight", "tonite"):
        return Spec(kind="time", unit="day", offset=0, pod="NI")
    if w == "overnight":
        return Spec(kind="time", unit="day", offset=-1, pod="NI")
    return Spec(unit="day", offset={"today": 0, "yesterday": -1, "tomorrow": 1}[w])


_REL_WORDS = (r"this\s+past|this\s+coming|the\s+very\s+same|that\s+same|that\s+very|the\s+same|the\s+following"
              r"|the\s+next|the\s+previous|the\s+preceding|the\s+prior|the\s+past|the\s+last|the\s+coming"
              r"|the\s+upcoming|the\s+current|the\s+present|the\s+latest|the\s+most\s+recent|the\s+ensuing"
              r"|last|next|this|past|coming|previous|current|prior|that|upcoming|the")


@rule("relative_unit", rf"""{B}(?P<rel>{_REL_WORDS})\s+(?:(?:fiscal|full|calendar|financial|entire|whole)[\s-]+)?(?P<u>week|month|year|quarter|decade|century|weekend
      |fortnight|day|night|morning|afternoon|evening)(?![\w-])""")
def _relative_unit(m: re.Match[str]) -> Spec | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["u"].lower()
    pod = PARTS_OF_DAY.get(unit) if unit in ("night", "morning", "afternoon", "evening") else None
    if rel == "the":
        if unit in ("day", "night", "morning", "afternoon", "evening"):
            return Spec(kind="time" if pod else "date", unit="day", offset=0, anaphoric=True, pod=pod,
                        standalone=False, rule="the_day")  # only with a preposition before it (compose)
        if unit == "weekend":
            return Spec(weekend=True, rule="the_weekend")
        if unit in ("year", "quarter", "month", "week") and re.match(r"\s+(?:that\s+)?(?:ended|ending|ends)\b",
                                                                       m.string[m.end():m.end() + 16]):
            # "for the year ended Aug. 31": a length of time (a fiscal period), dated by its end
            return Spec(kind="duration", value=_duration_value(Fraction(1), unit))
        return Spec(unit=unit, offset=0, anaphoric=True, notes=["the_unit"])
    offset, anaphoric, _strict = _rel(rel)
    if offset is None:
        return None
    if unit == "fortnight":
        unit, offset = "week", offset * 2
    if pod:
        if rel in ("last", "past") and unit == "night":  # "last night" is yesterday's
            return Spec(kind="time", unit="day", offset=-1, pod=pod)
        if rel in ("this", "the current") and unit != "night" or rel == "this" and unit == "night":
            return Spec(kind="time", unit="day", offset=0, pod=pod)
        if rel in ("last", "past"):
            return Spec(kind="time", unit="day", offset=-1, pod=pod)
        if anaphoric or rel in ("next", "the next", "the following", "the previous"):
            return Spec(kind="time", unit="day", offset=offset, anaphoric=anaphoric, pod=pod)
        return None
    if rel in ("the latest", "the most recent") and unit not in ("quarter", "week", "month"):
        return None
    return Spec(unit=unit, offset=offset, anaphoric=anaphoric)


@rule("day_before", rf"""{B}(?P<x>the\s+(?P<u>day|night|week|month|year|weekend)\s+(?P<dir>before|after|earlier|later|prior))
      (?=\s*(?:[,.;:!?)"”’]|$|\n|and\b|but\b|when\b|as\b))""")
def _day_before(m: re.Match[str]) -> Spec:
    unit = m["u"].lower()
    offset = -1 if m["dir"].lower() in ("before", "earlier", "prior") else 1
    if unit == "night":
        return Spec(kind="time", unit="day", offset=offset, anaphoric=True, pod="NI")
    return Spec(unit=unit, offset=offset, anaphoric=True)


@rule("ago", rf"""{B}(?:(?P<qm>{QUANT_MOD})\s+)?(?P<amt>{AMOUNT})[\s-]+(?P<u>{UNIT_ANY})\s+
      (?P<dir>ago|earlier|later|back|from\s+now|hence|previously
      |(?:before|after|prior)(?=\s*(?:[,.;:!?)"”’\n]|$|and\b|but\b|when\b|as\b)))(?![\w-])""")
def _ago(m: re.Match[str]) -> Spec | None:
    amount = parse_amount(m["amt"])
    unit = _unit_name(m["u"])
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "back", "before", "previously", "prior") else 1
    mod = QUANT_MODS.get(m["qm"].lower()) if m["qm"] else None
    anaphoric = direction not in ("ago", "back", "from now", "hence")
    if amount is None:
        return Spec(value="PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod, anaphoric=anaphoric)
    steps = _whole_steps(amount, unit)
    if steps is None:
        return None
    n, step_unit = steps
    if step_unit in ("hour", "minute", "second"):
        # "three hours later": the same day as the time it counts from (clock arithmetic is not kept).
        return Spec(unit="day", offset=0, anaphoric=anaphoric, mod=mod or "APPROX")
    s = Spec(unit=step_unit, offset=sign * n, anaphoric=anaphoric, mod=mod)
    if anaphoric:
        s.notes.append("keep_gran")
    elif step_unit == "year" and n == 1:
        s.notes.append("comparison")  # "up from $10 million a year ago": the same period last year
    return s


def _unit_name(word: str) -> str:
    w = word.lower().rstrip("s")
    w = {"centurie": "century", "millennia": "millennium", "millenium": "millennium", "hr": "hour", "min": "minute",
         "sec": "second"}.get(w, w)
    return w


def _whole_steps(amount: Fraction, unit: str) -> tuple[int, str] | None:
    """An amount of a unit as a whole number of calendar steps: 1.5 years -> 18 months."""
    if unit in UNIT_MULTIPLIER:
        amount, unit = amount * UNIT_MULTIPLIER[unit], {"fortnight": "week"}.get(unit, "year")
    if amount.denominator == 1:
        return int(amount), unit
    finer = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24)}
    if unit in finer:
        sub, k = finer[unit]
        return _whole_steps(amount * k, sub)
    return None


# ------------------------------------------------------------------ quarters, halves, seasons, holidays

_ORD_Q = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
_YEAR_ADJ = (rf"(?P<yq>{YEAR4}|year-ago|year-earlier|year-before|prior-year|previous-year|this\s+year['’]s"
             r"|last\s+year['’]s|next\s+year['’]s|the\s+year['’]s)")


@rule("quarter", rf"""{B}(?:(?P<det>the|its|their|this|that|a|an)\s+)?(?P<q>(?:(?:latest|current|comparable|same|corresponding)\s+)?
      (?:{_YEAR_ADJ}\s+)?(?:(?:fiscal|calendar)[-\s]+)?{_ORD_Q}(?P<hy>[-\s]+)(?:fiscal[-\s]+)?(?P<u>quarter|half)(?P<pl>s)?
      (?:\s+of\s+(?:(?:the\s+)?(?:fiscal|calendar)\s+)?(?:year\s+)?(?:(?P<y>{YEAR4})|(?P<yrel>this|last|next|the\s+current|the\s+previous)\s+year)
      |\s+(?P<y2>{YEAR4}))?)(?![\w-])""")
def _quarter(m: re.Match[str]) -> Spec | tuple[Spec, tuple[int, int]] | None:
    spec = _quarter_spec(m)
    det = (m["det"] or "").lower()
    # "its fourth quarter" -> "fourth quarter"; "a third-quarter loss" -> "third-quarter" (an adjective).
    if spec is not None and (det in ("its", "their") or det and m["hy"] == "-" and det != "this"):
        return spec, m.span("q")
    return spec


def _quarter_spec(m: re.Match[str]) -> Spec | None:
    n = ordinal_to_int(m["ord"].lower())
    unit = m["u"].lower()
    limit = 4 if unit == "quarter" else 2
    if n is None or n == 0 or n > limit:
        return None
    if n == -1:
        n = limit
    field = "quarter" if unit == "quarter" else "half"
    if m["pl"]:
        return Spec(kind="set", value=f"XXXX-{'Q' if field == 'quarter' else 'H'}{n}")
    s = Spec(**{field: n})
    yq = (m["yq"] or "").lower()
    year = m["y"] or m["y2"] or (yq if yq[:1].isdigit() else None)
    if year:
        s.year = int(year)
        return s
    rel = (m["yrel"] or "").lower() or yq
    if rel.startswith("this") or rel in ("the current", "the year's"):
        s.unit, s.offset = "year", 0
    elif rel.startswith("last") or rel == "the previous":
        s.unit, s.offset = "year", -1
    elif rel.startswith("next"):
        s.unit, s.offset = "year", 1
    elif rel:  # year-ago, year-earlier: the same quarter a year before the one the text is about
        s.unit, s.offset, s.anaphoric = "year", -1, True
    return s


@rule("quarter_code", rf"""(?<![\w$£€])(?-i:Q)(?P<q>[1-4])(?:\s*(?P<y>{YEAR4})|\s*['’](?P<yy>\d\d)|\s*FY(?P<fy>\d\d|{YEAR4}))?{E}""")
def _quarter_code(m: re.Match[str]) -> Spec:
    year = _year(m["y"] or m["yy"] or m["fy"])
    return Spec(quarter=int(m["q"]), year=year)


@rule("year_ago", rf"""{B}(?:the\s+)?(?:(?:comparable|same|corresponding)\s+)?(?P<ya>year-ago|year-earlier|year-before|year\s+ago|year\s+earlier)
      (?:\s+(?P<u>quarter|period|month|week|year|level|levels|figure|figures|results|season))?(?![\w-])""")
def _year_ago(m: re.Match[str]) -> Spec | None:
    noun = (m["u"] or "").lower()
    if noun and noun not in ("quarter", "period", "month", "week", "year"):
        return None  # "the year-ago level": the time is in "year-ago", the noun is not part of it
    notes = ["keep_gran"] + ([f"gran={noun}"] if noun in ("quarter", "month", "week", "year") else [])
    return Spec(unit="year", offset=-1, anaphoric=True, notes=notes)


@rule("year_ago_adj", rf"""{B}(?P<x>(?P<ya>year-ago|year-earlier))(?=\s+(?:level|levels|figure|figures|results|profit|earnings|net|loss|sales)\b)""")
def _year_ago_adj(m: re.Match[str]) -> Spec:
    return Spec(unit="year", offset=-1, anaphoric=True, notes=["keep_gran"])


@rule("year_period", rf"""{B}the\s+(?P<y>{YEAR4})\s+(?:fiscal\s+)?(?P<u>period|quarter|first\s+half|second\s+half|season)(?![\w-])""")
def _year_period(m: re.Match[str]) -> Spec:
    # "the 1988 period" in a text about a quarter: that quarter of 1988.
    return Spec(year=int(m["y"]), notes=["period_of_ref"])


_SEASON_REL = r"this\s+past|this\s+coming|last|next|this|that|the|every|each"


@rule("season", rf"""{B}(?:(?P<rel>{_SEASON_REL})\s+)?(?P<s>spring|summer|autumn|winter|fall)(?P<pl>s)?
      (?:\s+(?:of\s+)?(?P<y>{YEAR4})|\s+(?P<yw>(?:nineteen|eighteen)[-\s]+\w+(?:[-\s]\w+)?))?(?![\w-])""")
def _season(m: re.Match[str]) -> Spec | None:
    season = SEASONS[m["s"].lower()]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    year = int(m["y"]) if m["y"] else (spoken_year(m["yw"]) if m["yw"] else None)
    if m["yw"] and year is None:
        return None
    if rel in ("every", "each") or m["pl"]:
        return Spec(kind="set", value=f"XXXX-{season}") if rel in ("every", "each") else None
    if year is not None:
        return Spec(year=year, season=season)
    if not rel:
        return Spec(season=season, standalone=False, rule="bare_season")  # needs "in"/"during" (compose)
    if m["s"].lower() == "fall" and rel == "the":
        return Spec(season=season, standalone=False, rule="bare_season")
    if rel == "the":
        return Spec(season=season)
    offset, anaphoric, strict = _rel(rel)
    return Spec(season=season, direction=offset, anaphoric=anaphoric, strict=strict)


_HOLIDAY_NAMES = sorted(list(FIXED_HOLIDAYS) + list(MOVABLE_HOLIDAYS), key=len, reverse=True)
_HOLIDAY_ALT = "|".join(re.escape(h).replace(r"\ ", r"\s+").replace("'", "['’]") for h in _HOLIDAY_NAMES)


@rule("holiday", rf"""{B}(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?(?P<h>{_HOLIDAY_ALT})
      (?:\s+(?P<y>{YEAR4}))?(?:\s+(?P<wk>week|weekend))?{E}""")
def _holiday(m: re.Match[str]) -> Spec | None:
    if not m["h"][0].isupper():
        return None
    name = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    offset, anaphoric, strict = _rel(m["rel"])
    s = Spec(holiday=name, year=int(m["y"]) if m["y"] else None, direction=offset, strict=strict)
    if m["wk"]:
        s.week_of = True
        if m["wk"].lower() == "weekend":
            s.notes.append("weekend of")
    return s


# ------------------------------------------------------------------ clock times and parts of day


@rule("clock_ampm", rf"""{B}(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})(?:\s+(?P<tz>{TZ}){E})?""")
def _clock_ampm(m: re.Match[str]) -> Spec:
    h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    return Spec(kind="time", hour=h, minute=int(m["mi"] or 0))


_CLOCK_CUE = r"at|around|about|by|from|until|till|before|after|since|to|between|and|approximately|roughly|circa"


@rule("clock_24", rf"""(?:(?<![\w])(?P<cue>{_CLOCK_CUE})\s+)?(?P<x>(?P<h>[01]?\d|2[0-3])(?::|h)(?P<mi>[0-5]\d)
      (?P<hrs>\s*(?:hrs|hours|h)(?!\w))?(?:\s+(?P<tz>{TZ}){E})?)(?![\d:.,]\d)(?!\s*{AMPM})""")
def _clock_24(m: re.Match[str]) -> Spec | None:
    if not (m["cue"] or m["tz"] or m["hrs"]):
        return None  # "3:16" alone is a score, a ratio or a verse
    return Spec(kind="time", hour=int(m["h"]), minute=int(m["mi"]))


@rule("clock_military", rf"""{B}(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:hrs|hours|h)?\s+(?P<tz>{TZ}){E}""")
def _clock_military(m: re.Match[str]) -> Spec:
    return Spec(kind="time", hour=int(m["h"]), minute=int(m["mi"]))


_HOUR_WORDS = {w: i for i, w in enumerate(["twelve", "one", "two", "three", "four", "five", "six", "seven",
                                            "eight", "nine", "ten", "eleven"])}


@rule("clock_words", rf"""{B}(?P<h>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)
      (?::(?P<mi>[0-5]\d))?(?:\s+o['’]clock)?\s+(?:in\s+the\s+(?P<pod>morning|afternoon|evening)|(?P<night>at\s+night))""")
def _clock_words(m: re.Match[str]) -> Spec:
    h = int(m["h"]) if m["h"].isdigit() else (_HOUR_WORDS[m["h"].lower()] or 12)
    pod = (m["pod"] or "").lower()
    if pod in ("afternoon", "evening") or m["night"] and h >= 6:
        h = h % 12 + 12
    elif h == 12 and pod == "morning":
        h = 0
    return Spec(kind="time", hour=h, minute=int(m["mi"] or 0))


@rule("oclock", rf"""{B}(?P<h>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock{E}""")
def _oclock(m: re.Match[str]) -> Spec:
    h = int(m["h"]) if m["h"].isdigit() else (_HOUR_WORDS[m["h"].lower()] or 12)
    return Spec(kind="time", hour=h, minute=0)


@rule("noon", rf"""{B}(?<!high\s)(?<!High\s)(?P<w>noon|midday|mid-day|midnight|mid-morning|mid-afternoon|mid\s+afternoon|mid-evening
      |dawn|daybreak|dusk|nightfall|sunrise|sunset)(?!\w)""")
def _noon(m: re.Match[str]) -> Spec:
    w = re.sub(r"[\s-]+", "", m["w"].lower())
    if w in ("noon", "midday"):
        return Spec(kind="time", hour=12, minute=0)
    if w == "midnight":
        return Spec(kind="time", hour=24, minute=0)
    pod = {"midmorning": "MO", "midafternoon": "AF", "midevening": "EV", "dawn": "MO", "daybreak": "MO",
           "sunrise": "MO", "dusk": "EV", "nightfall": "EV", "sunset": "EV"}[w]
    standalone = w.startswith("mid")
    return Spec(kind="time", pod=pod, mod="MID" if w.startswith("mid") else None, standalone=standalone,
                rule="noon" if standalone else "pod")


@rule("pod", rf"""{B}(?:(?P<the>the)\s+)?(?:(?P<early>early|late)\s+)?(?P<p>morning|afternoon|evening|night)(?P<pl>s)?(?![\w-])""")
def _pod(m: re.Match[str]) -> Spec:
    # Alone, "morning" is only a time next to a day ("Sunday morning") or after "in the" (compose).
    return Spec(kind="time", pod=PARTS_OF_DAY[m["p"].lower()], standalone=False, rule="pod_the" if m["the"] else "pod",
                mod={"early": "START", "late": "END"}.get((m["early"] or "").lower()),
                notes=["plural"] if m["pl"] else [])


@rule("early_hours", rf"""{B}the\s+(?:early|small|wee)\s+hours(?![\w-])""")
def _early_hours(m: re.Match[str]) -> Spec:
    return Spec(kind="time", pod="NI", mod="END", standalone=False, rule="pod_the")


# ------------------------------------------------------------------ durations


def _duration_value(amount: Fraction | None, unit: str) -> str:
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


_DUR_REL = r"the\s+(?:past|last|next|first|final|coming|previous|following|latest|remaining|initial|ensuing|preceding|same|full|entire)"
_DUR_ADJ = r"more|additional|full|straight|consecutive|long|short|trading|business|working|calendar|successive|further|extra|whole|entire"


@rule("duration", rf"""{B}(?:(?P<qm>{QUANT_MOD})\s+)?(?:(?P<rel>{_DUR_REL})\s+)?(?:(?P<the>the)\s+)?
      (?:(?P<amt0>\d+|{NUM_WORDS})\s*(?:to|-|–|or)\s*)?(?P<amt>{AMOUNT})
      [-\s]+(?:(?P<adj>{_DUR_ADJ})[-\s]+)?(?P<u>{UNIT_ANY})(?P<tail>[-\s]+(?:long|old)(?![\w-]))?(?![\w])(?!-old)
      (?P<orso>\s+or\s+so(?!\w))?""")
def _duration(m: re.Match[str]) -> Spec | None:
    if m["tail"] and m["tail"].strip(" -").lower() == "old":
        return None  # ages are not time expressions in TimeML
    unit = _unit_name(m["u"])
    if unit not in UNITS:
        return None
    amt_text = m["amt"].lower()
    if re.fullmatch(r"1\d{3}|20\d\d", amt_text) and not m["u"].lower().endswith("s"):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    if unit == "second" and amt_text in ("a", "an"):
        return None  # "a second betrayal"
    if m["u"][:1].isupper() and not m["u"].isupper() and m["amt"][:1].isdigit():
        return None  # "60 Minutes", "Seven Years in Tibet": a title
    if re.search(r"\b(?:aged|age\s+of|ages\s+of)\s+\Z", m.string[max(0, m.start() - 12):m.start()], re.I):
        return None  # "aged 84 years": an age
    if unit == "quarter" and amt_text in ("a", "one", "two", "three", "1", "2", "3") \
            and re.match(r"\s+of\b", m.string[m.end():m.end() + 4]):
        return None  # "three-quarters of its food" is a fraction
    if m["amt0"]:
        low = parse_amount(m["amt0"])
        if low is None:
            return None
        return Spec(kind="duration", value=_duration_value(low, unit), mod="EQUAL_OR_MORE")
    amount = parse_amount(amt_text)
    if amount is None and amt_text not in ("several", "a few", "few", "many", "some", "numerous", "a number of",
                                           "dozens of", "hundreds of"):
        return None
    plural = m["u"].lower().endswith("s") and unit not in ("hrs",)
    if amount == 1 and plural and amt_text not in ("one",):
        return None
    if amt_text == "some" and not plural:
        return None  # "some day", "some time"
    if unit == "night" and not plural and amount is not None and amount <= 1:
        return None  # "a night", "one night" are more often a point than a length
    mod = QUANT_MODS.get(m["qm"].lower().replace("\n", " ")) if m["qm"] else None
    if m["qm"] and re.fullmatch(r"over|under|some", m["qm"], re.I) and amount is None:
        return None  # "over several years" -> leave "over" out: the shorter match is found by rule "duration_bare"
    if amt_text in ("a couple of", "couple of") or m["orso"]:
        mod = mod or "APPROX"
    return Spec(kind="duration", value=_duration_value(amount, unit), mod=mod)


# "$2 million a year", "four flights a week", "24 hours a day": a rate, i.e. a set, not a length.
@rule("set_rate", r"""(?:\d|\b(?:million|billion|thousand|hundred|percent|dollars?|cents?|euros?|pounds?|times|once|twice))
      (?:\s+[a-z]+){0,3}?\s+(?P<x>(?:a|per)\s+(?P<u>year|month|week|day|hour|minute|quarter))(?![\w-])
      (?!\s+(?:ago|earlier|later|before|after|of|or|and)\b)""", priority=-1)
def _set_rate(m: re.Match[str]) -> Spec:
    return Spec(kind="set", value=_duration_value(Fraction(1), _unit_name(m["u"])))


@rule("duration_half", rf"""{B}(?:(?P<qm>{QUANT_MOD})\s+)?(?P<amt>{AMOUNT})\s+(?P<u>{UNIT_SG})\s+and\s+a\s+half{E}""")
def _duration_half(m: re.Match[str]) -> Spec | None:
    amount = parse_amount(m["amt"])
    unit = _unit_name(m["u"])
    if amount is None or unit not in UNITS:
        return None
    mod = QUANT_MODS.get(m["qm"].lower()) if m["qm"] else None
    return Spec(kind="duration", value=_duration_value(amount + Fraction(1, 2), unit), mod=mod)


_BARE_REL = (r"recent|coming|past|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+following|the\s+previous"
             r"|the\s+first|the\s+early|the\s+final|the\s+ensuing|the\s+intervening|the\s+remaining|the")


@rule("duration_bare", rf"""(?:(?<![\w])(?P<cue>for|over|within|after|in|during|throughout|from)\s+)?
      (?P<x>(?:(?P<rel>{_BARE_REL})\s+)?(?<![\w-])(?P<u>{UNIT_PL})(?P<tail>[-\s]+long(?![\w-])|\s+ahead(?!\w)|\s+to\s+come(?!\w))?)(?![\w-])""")
def _duration_bare(m: re.Match[str]) -> Spec | None:
    rel = (m["rel"] or "").lower()
    cue = (m["cue"] or "").lower()
    unit = _unit_name(m["u"])
    if unit not in UNITS or unit in ("second", "minute", "hour", "night"):
        return None
    if m["u"][:1].isupper() and not m["u"].isupper():
        return None  # "The Last Days of Dolwyn": a title
    if rel == "the" and not (cue == "over" or m["tail"]):
        return None
    after = m.string[m.end():m.end() + 12]
    loose = cue in ("for", "over", "within") or cue == "in" and re.match(r"\s*(?:[,.;:!?)]|$)", after)
    if not rel and not m["tail"] and not loose:
        # "months of twists and turns", "years of war": a length, unless counted or determined before
        before = m.string[max(0, m.start() - 12):m.start()]
        if not re.match(r"\s+of\s+[a-z]", after) or re.search(r"\b(?:the|these|those|of|many|\d+)\s+\Z", before):
            return None
    if rel in ("recent", "past"):
        return Spec(value="PAST_REF")  # "in recent years": a vague past, as TimeML annotates it
    if rel == "coming":
        return Spec(value="FUTURE_REF")
    return Spec(kind="duration", value=_duration_value(None, unit))


@rule("vague_ago", rf"""{B}(?P<u>{UNIT_PL})\s+(?P<dir>ago|earlier|later|from\s+now)(?![\w-])""")
def _vague_ago(m: re.Match[str]) -> Spec | None:
    if _unit_name(m["u"]) not in UNITS:
        return None
    return Spec(value="PAST_REF" if m["dir"].lower() in ("ago", "earlier") else "FUTURE_REF")


@rule("vague_duration", r"""(?<![\w])(?:for|in|after|within|over)\s+(?P<x>(?:quite\s+)?(?:a\s+(?:long\s+|short\s+|little\s+)?while
      |some\s+time|a\s+(?:long|short)\s+time|a\s+long\s+period|a\s+short\s+period))(?![\w-])""")
def _vague_duration(m: re.Match[str]) -> Spec:
    return Spec(kind="duration", value="PXX")


@rule("year_end", r"""(?<![\w])(?:by|at|until|till|before|after|since|around|through|near|toward|towards)\s+
      (?P<x>(?:the\s+)?(?:year[-\s]end|year['’]s\s+end|end[-\s]of[-\s]year))(?![\w-])""")
def _year_end(m: re.Match[str]) -> Spec:
    return Spec(unit="year", offset=0, mod="END")


# ------------------------------------------------------------------ sets


@rule("set_every", rf"""{B}(?P<q>every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?P<amt>{AMOUNT})\s+)?
      (?P<u>{UNIT_ANY}|{WEEKDAY_FULL}|{MONTH_FULL}|morning|afternoon|evening|night)(?![\w-])""")
def _set_every(m: re.Match[str]) -> Spec | None:
    word = m["u"]
    low = word.lower()
    if low in WEEKDAYS:
        return Spec(kind="set", value=f"XXXX-WXX-{WEEKDAYS[low]}")
    if low in MONTHS and word[0].isupper():
        return Spec(kind="set", value=f"XXXX-{MONTHS[low]:02d}")
    if low in ("morning", "afternoon", "evening", "night"):
        return Spec(kind="set", value=f"XXXX-XX-XXT{PARTS_OF_DAY[low]}")
    unit = _unit_name(word)
    if unit not in UNITS:
        return None
    amount = parse_amount(m["amt"]) if m["amt"] else Fraction(1)
    if amount is None:
        return None
    if m["other"]:
        amount *= 2
    if m["q"].lower() == "per" and m["amt"]:
        return None
    return Spec(kind="set", value=_duration_value(amount, unit))


_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
                "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W", "fortnightly": "P2W",
                "semiannually": "P6M", "biannually": "P6M", "bimonthly": "P2M"}


@rule("set_adverb", rf"""{B}(?P<w>{'|'.join(_ADVERB_SETS)})(?![\w-])""")
def _set_adverb(m: re.Match[str]) -> Spec | None:
    word = m["w"].lower()
    if word == "quarterly" and re.match(r"\s+[a-z]", m.string[m.end():m.end() + 2]):
        return None  # "quarterly dividend", "quarterly results": a kind of report, not a time
    return Spec(kind="set", value=_ADVERB_SETS[word])


@rule("set_times", rf"""{B}(?P<f>once|twice|thrice|(?:{AMOUNT})\s+times)\s+(?:a|an|per|each|every)\s+(?P<u>{UNIT_SG}){E}""")
def _set_times(m: re.Match[str]) -> Spec | None:
    unit = _unit_name(m["u"])
    if unit not in UNITS:
        return None
    return Spec(kind="set", value=_duration_value(Fraction(1), unit))


# ------------------------------------------------------------------ TIMEX3 reference words


@rule("present_ref", rf"""{B}(?P<w>right\s+now|just\s+now|now|currently|nowadays|presently|these\s+days|the\s+present\s+day
      |the\s+present|present-day|current(?=\s+[a-z]))(?![\w-])""")
def _present_ref(m: re.Match[str]) -> Spec:
    return Spec(value="PRESENT_REF")


@rule("past_ref", rf"""{B}(?P<w>recently|lately|the\s+past(?!\s+(?:\d|{NUM_WORDS}|few|several|many|couple)\b)
      |recent(?=\s+[a-z]))(?![\w-])""")
def _past_ref(m: re.Match[str]) -> Spec:
    return Spec(value="PAST_REF")


@rule("future_ref", rf"""{B}(?P<w>the\s+(?:near|distant|foreseeable|immediate|not-too-distant|not\s+too\s+distant)\s+future
      |the\s+future|the\s+(?:near|short|long|medium)\s+term|a\s+later\s+date)(?![\w-])""")
def _future_ref(m: re.Match[str]) -> Spec:
    return Spec(value="FUTURE_REF")


# ------------------------------------------------------------------ anchors: where each rule can match

# Every match of a rule contains one of its anchor words, and lies within a few dozen characters of it.
# One pass over the text's words finds the anchors; the rules then scan only the stretches around them
# instead of the whole text (most of an article holds no month, weekday or unit word at all).
_WORD = re.compile(r"[^\W\d_]+|\d+")
_UNIT_WORDS = ("second sec minute min hour hr day night week fortnight month quarter year decade century centurie "
               "millennium millennia millennium weekend").split()
_ANCHOR_WORDS: dict[str, str] = {
    "month": "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
             "oct october nov november dec december",
    "weekday": "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays "
               "fridays saturdays sundays mon tue tues wed thu thur thurs fri sat sun",
    "unit": " ".join(_UNIT_WORDS + [u + "s" for u in _UNIT_WORDS] + ["hrs", "mins", "secs"]),
    "pod": "morning afternoon evening night nights mornings evenings afternoons",
    "spoken": "nineteen eighteen seventeen twenty thousand",
    "decade": "twenties thirties forties fifties sixties seventies eighties nineties",
    "century": "century centuries",
    "relative_day": "today tonight tonite tomorrow yesterday overnight",
    "quarter": "quarter quarters half",
    "q": "q",
    "year": "year years",
    "season": "spring summer autumn winter fall",
    "holiday": "year christmas boxing valentine halloween independence bastille victory armistice veterans day "
               "labour labor patrick saints epiphany easter thanksgiving election memorial mother father",
    "oclock": "clock",
    "noon": "noon midday midnight mid dawn daybreak dusk nightfall sunrise sunset",
    "hours": "hours",
    "vague": "while time period",
    "end": "end",
    "every": "every each per",
    "adverb": " ".join(_ADVERB_SETS),
    "times": "once twice thrice times",
    "present": "now current currently present presently nowadays days",
    "past": "recent recently lately past",
    "future": "future term later",
}
_WORD_ANCHORS: dict[str, tuple[str, ...]] = {}
for _key, _words in _ANCHOR_WORDS.items():
    for _w in _words.split():
        _WORD_ANCHORS[_w] = (*_WORD_ANCHORS.get(_w, ()), _key)
# How far a match reaches before and after its anchor word (durations end in their unit: "at least the
# past twenty-five consecutive years"; a date starts near its month name).
_REACH = {"unit": (90, 40), "month": (40, 40), "digit": (45, 45)}
_DEFAULT_REACH = (70, 50)
RULE_ANCHOR: dict[str, tuple[str, ...]] = {
    "iso_date": ("digit",), "slash_date": ("digit",), "month_day": ("month",), "day_month": ("month",),
    "between_days": ("month",), "month_year": ("month",), "month": ("month",), "month_cued": ("month",),
    "month_rel": ("month",), "year": ("digit",), "year_range": ("digit",), "spoken_year": ("spoken",),
    "decade": ("digit", "decade"), "century": ("century",), "era_year": ("digit",), "weekday": ("weekday",),
    "relative_day": ("relative_day",), "relative_unit": ("unit", "pod"), "day_before": ("unit",), "ago": ("unit",),
    "quarter": ("quarter",), "quarter_code": ("q",), "year_ago": ("year",), "year_ago_adj": ("year",),
    "year_period": ("digit",), "season": ("season",), "holiday": ("holiday",), "clock_ampm": ("digit",),
    "clock_24": ("digit",), "clock_military": ("digit",), "clock_words": ("pod",), "oclock": ("oclock",),
    "noon": ("noon",), "pod": ("pod",), "early_hours": ("hours",), "duration": ("unit",), "set_rate": ("unit",),
    "duration_half": ("unit",), "duration_bare": ("unit",), "vague_ago": ("unit",), "vague_duration": ("vague",),
    "year_end": ("end",), "set_every": ("every",), "set_adverb": ("adverb",), "set_times": ("times",),
    "present_ref": ("present",), "past_ref": ("past",), "future_ref": ("future",),
}


def anchor_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each anchor kind, the stretches of ``text`` around its words where its rules may match, merged."""
    n = len(text)
    windows: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD.finditer(text):
        word = m.group()
        keys = ("digit",) if word[0].isdigit() else _WORD_ANCHORS.get(word.lower())
        if not keys:
            continue
        for key in keys:
            left, right = _REACH.get(key, _DEFAULT_REACH)
            start, end = max(0, m.start() - left), min(n, m.end() + right)
            spans = windows.setdefault(key, [])
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], end))
            else:
                spans.append((start, end))
    return windows


def _rule_windows(keys: tuple[str, ...], windows: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    if len(keys) == 1:
        return windows.get(keys[0], [])
    merged: list[tuple[int, int]] = []
    for a, b in sorted(w for k in keys for w in windows.get(k, [])):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def find_atoms(text: str) -> list[tuple[int, int, Spec]]:
    """Every atom any rule finds, overlapping ones included, as (start, end, spec), preferred rules first."""
    found = []
    windows = anchor_windows(text)
    for r in RULES_BY_PRIORITY:
        for a, b in _rule_windows(RULE_ANCHOR[r.name], windows):
            found.extend(_build(r, m) for m in r.pattern.finditer(text, a, b))
    return [atom for atom in found if atom is not None]


def _build(r: Rule, m: re.Match[str]) -> tuple[int, int, Spec] | None:
    start, end = m.span("x") if "x" in r.pattern.groupindex and m.group("x") else m.span()
    if start == end:
        return None
    spec = r.build(m)
    if isinstance(spec, tuple):  # the builder narrowed the extent
        spec, (start, end) = spec
    if spec is None:
        return None
    if not spec.rule:
        spec.rule = r.name
    return start, end, spec



RULES_BY_PRIORITY = sorted(RULES, key=lambda r: r.priority)

"""Rules for calendar dates: numeric and written dates, months, years, decades, centuries, weekdays, days
and units relative to the publication date or to the text, quarters, halves, seasons, holidays.
"""

from __future__ import annotations

import re
from fractions import Fraction

from newsevents.analyze.timex.grammar.base import (
    B,
    E,
    day_number,
    duration_value,
    month_number,
    relative_word,
    rule,
    unit_name,
    weekday_number,
    whole_steps,
    year_number,
)
from newsevents.analyze.timex.lexicon import (
    AMOUNT,
    DAY_NUM,
    DAY_ORD_WORD,
    FIXED_HOLIDAYS,
    MONTH,
    MONTH_SAFE_ALONE,
    MOVABLE_HOLIDAYS,
    PARTS_OF_DAY,
    QUANT_MOD,
    QUANT_MODS,
    SEASONS,
    UNIT_ANY,
    WEEKDAY,
    YEAR4,
    YEAR_APOS,
)
from newsevents.analyze.timex.numbers import ordinal_to_int, parse_amount, spoken_year
from newsevents.analyze.timex.spec import Spec

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
    return Spec(year=year_number(m["y"]), month=month, day=day)


@rule("dotted_date", rf"{B}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})(?![\d.]\d)")
def _dotted_date(m: re.Match[str]) -> Spec | None:
    day, month = int(m["d"]), int(m["m"])  # 02.06.2025: day first, as written where dots are used
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Spec(year=int(m["y"]), month=month, day=day)


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
    day = day_number(m["d"])
    if day is None:
        return None
    groups = m.groupdict()
    year = year_number(groups.get("y") or groups.get("ya"))
    s = Spec(year=year, month=month_number(m["mon"]), day=day)
    if groups.get("wd"):
        s.weekday = weekday_number(m["wd"])
    if groups.get("d2"):
        d2 = day_number(m["d2"])
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
    return Spec(year=year_number(m["y"]), month=month_number(m["mon"]))


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
    month = month_number(m["mon"])
    rel = (m.groupdict().get("rel") or "").lower()
    if rel in ("every", "each") or m.groupdict().get("pl"):
        return Spec(kind="set", value=f"XXXX-{month:02d}")
    offset, anaphoric, strict = relative_word(rel)
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
    wd = weekday_number(m["wd"])
    if m["pl"]:
        return Spec(kind="set", value=f"XXXX-WXX-{wd}", rule="weekday_set")
    offset, anaphoric, strict = relative_word(m["rel"])
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
            return Spec(kind="duration", value=duration_value(Fraction(1), unit))
        return Spec(unit=unit, offset=0, anaphoric=True, notes=["the_unit"])
    offset, anaphoric, _strict = relative_word(rel)
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
    unit = unit_name(m["u"])
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "back", "before", "previously", "prior") else 1
    mod = QUANT_MODS.get(m["qm"].lower()) if m["qm"] else None
    anaphoric = direction not in ("ago", "back", "from now", "hence")
    if amount is None:
        return Spec(value="PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod, anaphoric=anaphoric)
    steps = whole_steps(amount, unit)
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
    year = year_number(m["y"] or m["yy"] or m["fy"])
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
    offset, anaphoric, strict = relative_word(rel)
    return Spec(season=season, direction=offset, anaphoric=anaphoric, strict=strict)


_HOLIDAY_NAMES = sorted(list(FIXED_HOLIDAYS) + list(MOVABLE_HOLIDAYS), key=len, reverse=True)
_HOLIDAY_ALT = "|".join(re.escape(h).replace(r"\ ", r"\s+").replace("'", "['’]") for h in _HOLIDAY_NAMES)


@rule("holiday", rf"""{B}(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?(?P<h>{_HOLIDAY_ALT})
      (?:\s+(?P<y>{YEAR4}))?(?:\s+(?P<wk>week|weekend))?{E}""")
def _holiday(m: re.Match[str]) -> Spec | None:
    if not m["h"][0].isupper():
        return None
    name = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    offset, anaphoric, strict = relative_word(m["rel"])
    s = Spec(holiday=name, year=int(m["y"]) if m["y"] else None, direction=offset, strict=strict)
    if m["wk"]:
        s.week_of = True
        if m["wk"].lower() == "weekend":
            s.notes.append("weekend of")
    return s

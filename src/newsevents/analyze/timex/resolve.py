"""Anchoring a ``Spec`` to the calendar: the publication date, the last mentioned time, the tense.

The rules, in the order they apply:

- A spec that fixes its own value (a duration, a set, a decade, PRESENT_REF) keeps it.
- An interval resolves both ends ("between 3 and 5 May" -> 2025-05-03/2025-05-05).
- A relative spec moves from its anchor by whole units and takes the unit's granularity ("last week"
  -> the ISO week before the publication week). Anaphoric specs ("the next day", "a year earlier") are
  counted from the last time the text mentioned; "N units earlier/later" keep that time's granularity
  ("a year earlier" after "the third quarter" -> the third quarter a year before).
- A spec with a year is absolute. An impossible day ("30 February 2024") falls back to its month.
- A spec with calendar fields but no year ("June 2", "Sunday", "the fourth quarter") takes the
  occurrence the clause's tense points to: past -> the last one on or before the anchor, future -> the
  next one on or after it, otherwise the nearest one.
- A clock time or part of day without a date takes the day the text is talking about (a day mentioned
  nearby), else the publication date.

Whatever cannot be anchored raises ``Unresolvable``; the caller gives it no value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from newsevents.analyze.timex.calendar import (
    RANK,
    Point,
    Unresolvable,
    make_date,
    movable_holiday,
    shift,
    start_of,
    weekday_near,
)
from newsevents.analyze.timex.lexicon import FIXED_HOLIDAYS
from newsevents.analyze.timex.spec import Spec

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# Which way "the weekend" points for each tense of its clause.
TENSE_DIRECTION = {-2: -1, -1: -1, 0: 0, 1: 1, 2: 1, None: -1}


@dataclass
class Anchors:
    dct: date | None
    # The times the text has mentioned so far, latest last: anaphora count from them ("the next day").
    refs: list[Point] = field(default_factory=list)
    near_day: Point | None = None  # a day mentioned close by, for bare clock times ("at 3 p.m.")
    # Whether the latest reference was mentioned in the current or the previous sentence: only then does
    # it say which year "the year" is, or which quarter "a year ago" compares with.
    ref_recent: bool = False

    @property
    def ref(self) -> Point | None:
        return self.refs[-1] if self.refs else None

    def dct_point(self) -> Point:
        if self.dct is None:
            raise Unresolvable("relative expression and no publication date")
        return Point(self.dct, "day")

    def ref_point(self, unit: str | None = None) -> Point:
        """The time an anaphor of ``unit`` refers back to: the latest one mentioned at least that precisely
        ("that day" skips "by 2025" back to "on Tuesday"), else the publication date, else the latest one."""
        if unit is not None and unit in RANK:
            for p in reversed(self.refs[-20:]):
                if RANK[p.gran] <= RANK[unit]:
                    return p
            if self.dct is not None:
                return self.dct_point()  # "the previous month" after only "in 2020": the publication's
        return self.ref if self.ref is not None else self.dct_point()


def resolve(spec: Spec, anchors: Anchors, tense: Callable[[], int | None]) -> str:
    """The TIMEX3 value of ``spec``; raises Unresolvable when it cannot be anchored."""
    if spec.end is not None:
        return _interval(spec, anchors, tense)
    if spec.value is not None and not spec.has_calendar and spec.unit is None:
        return spec.value
    return point(spec, anchors, tense).value


def _interval(spec: Spec, anchors: Anchors, tense: Callable[[], int | None]) -> str:
    end_spec = spec.end
    assert end_spec is not None
    start_spec = replace(spec, end=None)
    # "June 2-3", "3 and 5 May 2025": the start borrows what only the end says.
    for f in ("year", "month"):
        if getattr(start_spec, f) is None and getattr(end_spec, f) is not None and start_spec.unit is None:
            start_spec = replace(start_spec, **{f: getattr(end_spec, f)})
    end = point(end_spec, anchors, tense)
    start = point(start_spec, anchors, tense)
    if start.day > end.day and start_spec.year is None and end_spec.year is not None:
        start = Point(shift(start.day, "year", -1), start.gran, start.season)  # "30 December to 2 January 2025"
    if start.day > end.day:
        raise Unresolvable("interval ends before it starts")
    return f"{start.value}/{end.value}"


def point(spec: Spec, anchors: Anchors, tense: Callable[[], int | None]) -> Point:
    if spec.unit is not None:
        p = _relative(spec, anchors, tense)
    elif spec.year is not None:
        p = _absolute(spec, anchors)
    elif spec.has_calendar:
        p = _cyclic(spec, anchors, tense)
    elif spec.weekend:
        p = _weekend(anchors.dct_point().day, TENSE_DIRECTION[tense()])
    elif spec.has_clock:
        p = anchors.near_day or anchors.dct_point()
    else:
        raise Unresolvable("nothing to anchor")
    return _with_clock(spec, p)


def _weekend(anchor: date, direction: int) -> Point:
    """ "the weekend": the one just past (past tense), the coming one (future), else the nearer."""
    wd = anchor.isoweekday()
    if wd >= 6:
        saturday = anchor - timedelta(days=wd - 6)
    elif direction < 0 or direction == 0 and wd <= 3:
        saturday = anchor - timedelta(days=wd + 1)
    else:
        saturday = anchor + timedelta(days=6 - wd)
    return Point(saturday, "weekend")


def _with_clock(spec: Spec, p: Point) -> Point:
    if not spec.has_clock:
        return p
    if p.gran not in ("day", "pod", "hour", "minute"):
        return p  # "the morning of June 2025" is not more precise than June
    if spec.hour is not None:
        if spec.minute is None:
            return Point(p.day, "hour", hour=spec.hour)
        return Point(p.day, "minute", hour=spec.hour, minute=spec.minute)
    return Point(p.day, "pod", pod=spec.pod)


def _relative(spec: Spec, anchors: Anchors, tense: Callable[[], int | None]) -> Point:
    unit, offset = spec.unit, spec.offset or 0
    assert unit is not None
    if "the_unit" in spec.notes:
        return _the_unit(unit, anchors)
    ref = anchors.ref
    if "comparison" in spec.notes and anchors.ref_recent and ref is not None and ref.gran in _PERIODS:
        # "sales in the third quarter rose from a year ago": the third quarter a year before.
        return Point(start_of(shift(ref.day, unit, offset), ref.gran), ref.gran, ref.season)
    if spec.anaphoric:
        gran = next((n[5:] for n in spec.notes if n.startswith("gran=")), None)
        if "keep_gran" in spec.notes:
            ref = anchors.ref_point()
            if gran is not None and RANK[ref.gran] <= RANK[gran]:
                ref = ref.truncate(gran)  # "the year-ago quarter" after "Sept. 30": a quarter
            if gran is not None or ref is anchors.ref and anchors.ref_recent and ref.gran in _PERIODS:
                # "a year earlier" after "the third quarter": the same kind of period, a year before.
                return Point(start_of(shift(ref.day, unit, offset), ref.gran), ref.gran, ref.season)
            if unit in ("day", "week") and ref.gran in ("day", "pod", "hour", "minute"):
                return Point(shift(ref.day, unit, offset), "day")  # "two days later", "a week later"
            # "ten years later" after "March 18, 1965": 1975
            return Point(shift(start_of(ref.day, unit), unit, offset), unit)
        ref = anchors.ref_point(unit)
        if RANK[unit] < RANK[ref.gran] and ref.gran not in ("pod", "hour", "minute"):
            return ref  # "the next day" after "in June": June is all we know
        base = ref.day
    else:
        base = anchors.dct_point().day
    gran = unit
    if unit == "weekend":
        day = shift(start_of(base, "week"), "week", offset) + timedelta(days=5)
        return Point(day, "weekend")
    day = shift(start_of(base, unit), unit, offset)
    p = Point(day, gran)
    # Finer fields inside the period: "June last year", "Friday next week", "this year's third quarter".
    if spec.weekday is not None and unit == "week":
        return Point(day + timedelta(days=spec.weekday - 1), "day")
    if unit == "year" and (spec.month or spec.quarter or spec.half or spec.season or spec.holiday):
        return _absolute(replace(spec, year=day.year, unit=None, offset=None))
    return p


_PERIODS = ("quarter", "half", "month", "season")


def _the_unit(unit: str, anchors: Anchors) -> Point:
    """ "the year", "the quarter", "the week": the period the text is talking about.

    The one containing the last time mentioned, if that was at least as precise; else the current one
    (for "the quarter", the last whole quarter: news speaks of a quarter once its results are out).
    """
    ref = anchors.ref
    if ref is not None and anchors.ref_recent and (RANK[ref.gran] < RANK[unit] or ref.gran == unit) \
            and ref.gran != "season":
        return ref.truncate(unit)
    base = anchors.dct_point().day
    if unit == "quarter":
        return Point(shift(start_of(base, "quarter"), "quarter", -1), "quarter")
    return Point(start_of(base, unit), unit)


def _absolute(spec: Spec, anchors: Anchors | None = None) -> Point:
    y = spec.year
    assert y is not None
    if anchors is not None and "period_of_ref" in spec.notes and anchors.ref_recent and anchors.ref is not None \
            and anchors.ref.gran in _PERIODS:
        ref = anchors.ref
        try:
            return Point(ref.day.replace(year=y), ref.gran, ref.season)
        except ValueError as exc:
            raise Unresolvable(str(exc)) from exc
    if spec.holiday is not None:
        d = _holiday(spec.holiday, y)
        if d is not None:
            return Point(d, "day")
    if spec.month is not None:
        if spec.day is not None:
            try:
                d = make_date(y, spec.month, spec.day)
            except Unresolvable:
                spec.notes.append("impossible day: month only")
                return Point(make_date(y, spec.month, 1), "month")
            return _week_of(spec, Point(d, "day"))
        return Point(make_date(y, spec.month, 1), "month")
    if spec.quarter is not None:
        return Point(make_date(y, 3 * spec.quarter - 2, 1), "quarter")
    if spec.half is not None:
        return Point(make_date(y, 1 if spec.half == 1 else 7, 1), "half")
    if spec.season is not None:
        return Point(make_date(y, SEASON_START[spec.season], 1), "season", season=spec.season)
    return Point(make_date(y, 1, 1), "year")


def _week_of(spec: Spec, p: Point) -> Point:
    return Point(start_of(p.day, "week"), "week") if spec.week_of else p


def _holiday(name: str, year: int) -> date | None:
    if name in FIXED_HOLIDAYS:
        m, d = FIXED_HOLIDAYS[name]
        return make_date(year, m, d)
    return movable_holiday(name, year)


# How strongly the tense of the clause pulls a name with no year ("June 2", "the third quarter") to the
# past or the future, in days of distance: the occurrence the tense points to wins unless the other one
# is much nearer. A verb the expression hangs on directly ("in December, the company changed...") pulls
# harder than one reached through nouns ("authorized a dividend payable Dec. 7", written in October).
TENSE_PULL_DAYS = {2: 300, 1: 150}
# With no tense to go by, news speaks of the recent past more than of the near future.
UNKNOWN_TENSE_PULL_DAYS = 2


def _cyclic(spec: Spec, anchors: Anchors, tense: Callable[[], int | None]) -> Point:
    anchor = anchors.ref_point("day").day if spec.anaphoric else anchors.dct_point().day
    explicit = spec.direction
    if spec.weekday is not None and spec.month is None and spec.holiday is None:
        return Point(_weekday_for(spec, anchor, explicit, tense), "day")
    # Month, month-day, quarter, half, season, holiday: pick the year.
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            p = _absolute(replace(spec, year=y, notes=[]))
        except Unresolvable:
            continue
        candidates.append(p)
    if not candidates:
        raise Unresolvable("no such date in any year near the anchor")
    if spec.day is not None:
        days = [p for p in candidates if p.gran == "day"]
        if days:
            candidates = days  # "February 29": a leap year's, not the month of a year without one
        else:
            spec.notes.append("impossible day: month only")

    def span(p: Point) -> tuple[date, date]:
        length = {"day": 0, "month": 30, "quarter": 91, "half": 181, "season": 91, "week": 6}.get(p.gran, 0)
        return p.day, p.day + timedelta(days=length)

    if explicit == 0:  # "this June": the anchor's year
        return next((p for p in candidates if p.day.year == anchor.year), candidates[-1])
    if explicit is not None and explicit < 0:
        # The last one that has begun by the anchor ("last June" in June means a year ago: strict).
        ok = [p for p in candidates if (span(p)[1] < anchor if spec.strict else p.day <= anchor)]
        return ok[-1] if ok else candidates[0]
    if explicit is not None and explicit > 0:
        ok = [p for p in candidates if (p.day > anchor if spec.strict else span(p)[1] >= anchor)]
        return ok[0] if ok else candidates[-1]
    t = tense()

    def cost(p: Point) -> int:
        a, b = span(p)
        if a <= anchor <= b:
            return 0
        distance = (a - anchor).days if a > anchor else (anchor - b).days
        future = a > anchor
        if t is not None and t != 0 and (t < 0) == future:
            distance += TENSE_PULL_DAYS[abs(t)]
        elif t is None and future:
            distance += UNKNOWN_TENSE_PULL_DAYS
        return distance

    return min(candidates, key=cost)


def _weekday_for(spec: Spec, anchor: date, explicit: int | None, tense: Callable[[], int | None]) -> date:
    assert spec.weekday is not None
    if explicit == 0:  # "this Friday": the one of the current week
        return start_of(anchor, "week") + timedelta(days=spec.weekday - 1)
    if explicit is not None:
        if spec.strict:
            return weekday_near(anchor + timedelta(days=explicit), spec.weekday, explicit)
        return weekday_near(anchor, spec.weekday, explicit)
    t = tense()
    if t:
        return weekday_near(anchor, spec.weekday, 1 if t > 0 else -1)
    back = weekday_near(anchor, spec.weekday, -1)
    ahead = weekday_near(anchor, spec.weekday, 1)
    pull = UNKNOWN_TENSE_PULL_DAYS if t is None else 0
    return back if (anchor - back).days <= (ahead - anchor).days + pull else ahead

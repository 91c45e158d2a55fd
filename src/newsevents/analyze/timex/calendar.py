"""Calendar arithmetic on TIMEX3 values: shifting by units, ISO weeks, quarters, holidays, precision.

A resolved point in time is a ``Point``: a day (the first day of the period) and a granularity
("day", "week", "month", ...). ``Point.value`` writes it the TIMEX3 way (2025-06-01, 2025-W22, 2025-06,
2025-Q2, 2025-SU, 199 for the 1990s). Arithmetic that leaves the calendar raises ``Unresolvable``:
the caller then leaves the expression's value empty rather than guessing.
"""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta


class Unresolvable(ValueError):
    """The expression names a time that cannot be anchored (no publication date, off the calendar)."""


GRANULARITIES = ("minute", "hour", "pod", "day", "week", "weekend", "month", "season", "quarter", "half",
                 "year", "decade", "century")
# Finer first: the rank lets anaphora keep the coarser of two granularities.
RANK = {g: i for i, g in enumerate(GRANULARITIES)}


@dataclass(frozen=True)
class Point:
    day: date  # the first day of the period
    gran: str = "day"
    season: str | None = None  # SP SU FA WI when gran == "season"
    pod: str | None = None  # MO AF EV NI MI when gran == "pod"
    hour: int | None = None
    minute: int | None = None

    @property
    def value(self) -> str:
        d, g = self.day, self.gran
        y = f"{d.year:04d}"
        if g in ("minute", "hour", "pod"):
            base = f"{y}-{d.month:02d}-{d.day:02d}"
            if g == "pod":
                return f"{base}T{self.pod}"
            if g == "hour":
                return f"{base}T{self.hour:02d}"
            return f"{base}T{self.hour:02d}:{self.minute:02d}"
        if g == "day":
            return f"{y}-{d.month:02d}-{d.day:02d}"
        if g in ("week", "weekend"):
            iso_year, week, _ = d.isocalendar()
            return f"{iso_year:04d}-W{week:02d}" + ("-WE" if g == "weekend" else "")
        if g == "month":
            return f"{y}-{d.month:02d}"
        if g == "season":
            return f"{y}-{self.season}"
        if g == "quarter":
            return f"{y}-Q{(d.month - 1) // 3 + 1}"
        if g == "half":
            return f"{y}-H{1 if d.month <= 6 else 2}"
        if g == "year":
            return y
        if g == "decade":
            return y[:3]
        if g == "century":
            return y[:2]
        raise ValueError(g)

    def truncate(self, gran: str) -> Point:
        """The period of granularity ``gran`` that contains this one ("2025-06-03" to week -> 2025-W23)."""
        return Point(start_of(self.day, gran), gran)


def start_of(d: date, gran: str) -> date:
    if gran in ("day", "pod", "hour", "minute"):
        return d
    if gran in ("week", "weekend"):
        return d - timedelta(days=d.isoweekday() - 1)
    if gran in ("month", "season"):
        return d.replace(day=1)
    if gran == "quarter":
        return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if gran == "half":
        return date(d.year, 1 if d.month <= 6 else 7, 1)
    if gran == "year":
        return date(d.year, 1, 1)
    if gran == "decade":
        return date(max(1, d.year - d.year % 10), 1, 1)
    if gran == "century":
        return date(max(1, d.year - d.year % 100), 1, 1)
    raise ValueError(gran)


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (months clamp to the month's last day). Off the calendar -> Unresolvable."""
    try:
        if unit in ("day", "pod", "hour", "minute"):
            return d + timedelta(days=n)
        if unit in ("week", "weekend"):
            return d + timedelta(weeks=n)
        months = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120,
                  "century": 1200}[unit] * n
        y, m = divmod(d.month - 1 + months, 12)
        year = d.year + y
        day = min(d.day, _cal.monthrange(year, m + 1)[1]) if 1 <= year <= 9999 else d.day
        return date(year, m + 1, day)
    except (OverflowError, ValueError) as exc:
        raise Unresolvable(f"{n} {unit}(s) from {d} is off the calendar") from exc


def make_date(year: int, month: int = 1, day: int = 1) -> date:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError) as exc:
        raise Unresolvable(f"no such date: {year:04d}-{month:02d}-{day:02d}") from exc


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (ISO 1-7) on or before the anchor (direction -1), on or after it (+1), or nearest (0)."""
    back = (anchor.isoweekday() - weekday) % 7
    fwd = (weekday - anchor.isoweekday()) % 7
    if direction < 0:
        return anchor - timedelta(days=back)
    if direction > 0:
        return anchor + timedelta(days=fwd)
    # Nearest; a tie (three and a half days is impossible) cannot happen, but a past day wins if equal.
    return anchor - timedelta(days=back) if back <= fwd else anchor + timedelta(days=fwd)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    r = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * r) // 451
    month, day = divmod(h + r - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ``weekday`` (ISO) of the month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, _cal.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def movable_holiday(name: str, year: int) -> date | None:
    name = name.lower()
    if not 1583 <= year <= 9999:
        return None
    if name in ("easter", "easter sunday"):
        return easter(year)
    if name == "easter monday":
        return easter(year) + timedelta(days=1)
    if name == "good friday":
        return easter(year) - timedelta(days=2)
    if name.startswith("thanksgiving"):
        return nth_weekday(year, 11, 4, 4)  # the US holiday; news in English mostly means it
    if name == "election day":
        return nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    if name == "memorial day":
        return nth_weekday(year, 5, 1, -1)
    if name == "labor day":
        return nth_weekday(year, 9, 1, 1)
    if name == "mother's day":
        return nth_weekday(year, 5, 7, 2)
    if name == "father's day":
        return nth_weekday(year, 6, 7, 3)
    return None


def parse_iso_date(text: str | None) -> date | None:
    """The date part of an ISO 8601 date or date-time ("2025-06-02", "2025-06-02T10:00:00Z"); else None."""
    if not text:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<t>\d{2}(?::\d{2})?|MO|AF|EV|NI|MI))?)?"
    r"|W(?P<w>\d{2})(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?$"
)


def point_from_value(value: str | None) -> Point | None:
    """The inverse of ``Point.value`` for calendar values (None for durations, sets, *_REF, decades)."""
    if not value:
        return None
    m = _VALUE_RE.match(value)
    if not m:
        return None
    try:
        y = int(m["y"])
        if m["d"]:
            day = date(y, int(m["m"]), int(m["d"]))
            t = m["t"]
            if not t:
                return Point(day, "day")
            if t.isalpha():
                return Point(day, "pod", pod=t)
            if ":" in t:
                return Point(day, "minute", hour=int(t[:2]), minute=int(t[3:]))
            return Point(day, "hour", hour=int(t))
        if m["m"]:
            return Point(date(y, int(m["m"]), 1), "month")
        if m["w"]:
            day = date.fromisocalendar(y, int(m["w"]), 1)
            return Point(day, "weekend" if m["we"] else "week")
        if m["q"]:
            return Point(date(y, 3 * int(m["q"]) - 2, 1), "quarter")
        if m["h"]:
            return Point(date(y, 1 if m["h"] == "1" else 7, 1), "half")
        if m["s"]:
            return Point(date(y, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m["s"]], 1), "season", season=m["s"])
        return Point(date(y, 1, 1), "year")
    except ValueError:
        return None


def with_gran(p: Point, gran: str) -> Point:
    return replace(p, gran=gran)


_DURATION_UNIT_PRECISION = {"Y": "year", "DE": "year", "CE": "year", "ML": "year", "Q": "quarter", "W": "week",
                            "WE": "week", "D": "day", "TH": "hour", "TM": "minute", "TS": "minute", "M": "month"}


def precision_of(value: str | None, kind: str) -> str:
    """The schema's precision for a TIMEX3 value: minute, hour, day, week, month, quarter, year or unknown."""
    if not value:
        return "unknown"
    if "/" in value:
        a, b = value.split("/", 1)
        pa, pb = precision_of(a, kind), precision_of(b, kind)
        return pa if RANK.get(pa, 99) >= RANK.get(pb, 99) else pb
    if value.startswith("P"):  # a duration or a set's period: the precision of its smallest unit
        m = re.search(r"(T?)[\dX.]+(DE|CE|ML|WE|[YMWDHSQ])$", value)
        if not m:
            return "unknown"
        unit = m.group(2)
        if m.group(1) or "T" in value:
            unit = "T" + unit if unit in ("H", "M", "S") else unit
        return _DURATION_UNIT_PRECISION.get(unit, "unknown")
    if re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        return "minute"
    if re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}$", value):
        return "hour"
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.match(r"^\d{4}-W\d{2}", value):
        return "week"
    if re.match(r"^\d{4}-\d{2}$", value):
        return "month"
    if re.match(r"^\d{4}-(Q[1-4]|SP|SU|FA|WI)$", value):
        return "quarter"
    if re.match(r"^(BC)?\d{2,4}(-H[12])?$", value):
        return "year"
    return "unknown"

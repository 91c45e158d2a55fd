"""ISO 8601 date values as the day range they cover, so date filters compare plain YYYY-MM-DD strings."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")

DayRange = tuple[str | None, str | None]


def day_range(value: str | None) -> DayRange:
    """``2025-06`` -> (2025-06-01, 2025-06-30); an interval ``a/b`` -> (start of a, end of b).

    Anything that is not a calendar date (durations, unresolved values) gives (None, None).
    """
    if not value:
        return None, None
    if "/" in value:
        first, _, last = value.partition("/")
        start, _ = day_range(first)
        _, end = day_range(last)
        return (start, end) if start and end else (None, None)
    try:
        return _single(value.strip())
    except ValueError:  # e.g. 2025-02-30: not a real day
        return None, None


def _single(value: str) -> DayRange:
    if m := _DAY.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d.isoformat(), d.isoformat()
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        last = calendar.monthrange(y, mo)[1]
        return date(y, mo, 1).isoformat(), date(y, mo, last).isoformat()
    if m := _YEAR.match(value):
        return f"{m[1]}-01-01", f"{m[1]}-12-31"
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    if m := _QUARTER.match(value):
        y, q = int(m[1]), int(m[2])
        first_month = 3 * (q - 1) + 1
        last = calendar.monthrange(y, first_month + 2)[1]
        return date(y, first_month, 1).isoformat(), date(y, first_month + 2, last).isoformat()
    return None, None

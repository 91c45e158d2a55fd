"""Blocking: the canonical events a report can be compared with, found by day and country.

Each canonical event in memory is filed under every day its reports may be about and under each of its
countries (or under "no country"). A report is compared only with the events filed under its own days
(clipped to the linking window around its publication) and its countries, so the work per report
depends on how many events happen in the same place and days, not on how many are stored: linking ten
times the articles costs about ten times the time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from newsevents.link.canonical import Canonical
from newsevents.link.reports import Report

NO_COUNTRY = ""
# An event filed under more days than this (a month-long date range, say) is filed under its ends and
# every seventh day in between: a report still finds it through a day its own range shares.
MAX_FILED_DAYS = 62


def report_days(report: Report, window_days: int) -> range:
    """The days a report's event may be on, within the window around its publication."""
    if report.day_start is None or report.day_end is None:
        return range(0)
    start, end = report.day_start, report.day_end
    pub = report.published_day
    if pub is not None:
        start, end = max(start, pub - window_days), min(end, pub + window_days)
    return range(start, end + 1)


class DayIndex:
    def __init__(self) -> None:
        self._by_day: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._filed: dict[str, set[tuple[int, str]]] = defaultdict(set)

    def __len__(self) -> int:
        return len(self._filed)

    def file(self, canonical: Canonical) -> None:
        """(Re-)files a canonical event under its current days and countries."""
        start, end = canonical.day_start, canonical.day_end
        if start is None or end is None:
            return
        countries = canonical.countries or {NO_COUNTRY}
        days = range(start, end + 1)
        if len(days) > MAX_FILED_DAYS:
            days = sorted({start, end, *range(start, end + 1, 7)})  # type: ignore[assignment]
        wanted = {(d, c) for d in days for c in countries}
        have = self._filed[canonical.id]
        for day, country in wanted - have:
            self._by_day[day][country].add(canonical.id)
        have |= wanted

    def remove(self, canonical_id: str) -> None:
        for day, country in self._filed.pop(canonical_id, set()):
            ids = self._by_day[day][country]
            ids.discard(canonical_id)
            if not ids:
                del self._by_day[day][country]
            if not self._by_day[day]:
                del self._by_day[day]

    def candidates(self, report: Report, days: range) -> Iterator[str]:
        """Canonical event ids filed under any of ``days`` and the report's countries (each once)."""
        countries = report.countries
        seen: set[str] = set()
        for day in days:
            filed = self._by_day.get(day)
            if not filed:
                continue
            groups = filed.values() if not countries else [filed.get(c, ()) for c in (*countries, NO_COUNTRY)]
            for ids in groups:
                for cid in ids:
                    if cid not in seen:
                        seen.add(cid)
                        yield cid

    def ended_before(self, day: int) -> list[str]:
        """Ids of the events filed only under days before ``day`` (to let go of them)."""
        return [cid for cid, filed in self._filed.items() if filed and max(d for d, _ in filed) < day]

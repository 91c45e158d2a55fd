"""Blocking: the canonical events a report can be compared with, found by day and country.

Each canonical event in memory is filed under every day its reports may be about, each of its countries
(or "no country") and each family of compatible types its reports have. A report is compared only with
the events filed under its own days (clipped to the linking window around its publication), countries
and type families (a mention, which has no type, with every family), so the work per report
depends on how many events happen in the same place and days, not on how many are stored: linking ten
times the articles costs about ten times the time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from newsevents.link.canonical import Canonical
from newsevents.link.reports import MENTION, Report
from newsevents.link.scoring import families

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
    """Canonical event ids by day, then by (country, type family)."""

    def __init__(self) -> None:
        self._by_day: dict[int, dict[tuple[str, str], set[str]]] = defaultdict(lambda: defaultdict(set))
        self._filed: dict[str, set[tuple[int, str, str]]] = defaultdict(set)

    def __len__(self) -> int:
        return len(self._filed)

    def file(self, canonical: Canonical) -> None:
        """(Re-)files a canonical event under its current days, countries and type families."""
        start, end = canonical.day_start, canonical.day_end
        if start is None or end is None:
            return
        countries = canonical.countries or {NO_COUNTRY}
        kinds = set().union(*(families(t) for t in canonical.types)) or families(None)
        days = range(start, end + 1)
        if len(days) > MAX_FILED_DAYS:
            days = sorted({start, end, *range(start, end + 1, 7)})  # type: ignore[assignment]
        wanted = {(d, c, f) for d in days for c in countries for f in kinds}
        have = self._filed[canonical.id]
        for day, country, family in wanted - have:
            self._by_day[day][(country, family)].add(canonical.id)
        have |= wanted

    def remove(self, canonical_id: str) -> None:
        for day, country, family in self._filed.pop(canonical_id, set()):
            filed = self._by_day[day]
            ids = filed[(country, family)]
            ids.discard(canonical_id)
            if not ids:
                del filed[(country, family)]
            if not filed:
                del self._by_day[day]

    def candidates(self, report: Report, days: range, any_type: bool = False) -> Iterator[str]:
        """Canonical event ids filed under any of ``days``, the report's countries (or none) and, for a
        report of a known type, that type's families unless ``any_type`` (each id once)."""
        countries = report.countries
        kinds = families(report.type) if report.kind != MENTION and not any_type else None
        seen: set[str] = set()
        for day in days:
            filed = self._by_day.get(day)
            if not filed:
                continue
            for (country, family), ids in filed.items():
                if countries and country != NO_COUNTRY and country not in countries:
                    continue
                if kinds is not None and family not in kinds:
                    continue
                for cid in ids:
                    if cid not in seen:
                        seen.add(cid)
                        yield cid

    def ended_before(self, day: int) -> list[str]:
        """Ids of the events filed only under days before ``day`` (to let go of them)."""
        return [cid for cid, filed in self._filed.items() if filed and max(d for d, _, _ in filed) < day]

"""What each source says about one canonical event, side by side, and where they disagree.

One row per report (source), in publication order, so the same table is the timeline and shows how
a figure evolved; one column per aspect (deaths, injured, who did it, according to whom, status, place,
date). The canonical figures are the range over the rows, never an average.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsevents.link.canonical import disputes, figure_range
from newsevents.link.reports import MENTION, Report


@dataclass
class SourceVersion:
    """One source's account of the event."""

    outlet: str | None
    published: str | None
    article_id: str
    external_id: str | None
    event_id: str | None
    kind: str  # event | implicit | mention
    type: str | None
    fatalities: str
    injured: str
    perpetrators: list[str]
    recipients: list[str]
    attributed_to: list[str]
    status: str
    place: str
    date: str
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Evolution:
    published: str | None
    outlet: str | None
    figure: str
    low: int
    high: int | None


@dataclass
class Disagreements:
    versions: list[SourceVersion]
    disputed: list[str]
    fatalities: tuple[int | None, int | None]
    injured: tuple[int | None, int | None]
    fatalities_over_time: list[Evolution]

    def to_dict(self) -> dict[str, Any]:
        return {
            "disputed": self.disputed,
            "fatalities": {"min": self.fatalities[0], "max": self.fatalities[1]},
            "injured": {"min": self.injured[0], "max": self.injured[1]},
            "fatalities_over_time": [e.__dict__ for e in self.fatalities_over_time],
            "sources": [v.to_dict() for v in self.versions],
        }


def _place(report: Report) -> str:
    if not report.places:
        return ""
    p = max(report.places, key=lambda p: p.specificity)
    where = p.name
    if p.feature not in ("country", "admin1") and p.admin1:
        where += f", {p.admin1}"
    if p.country and p.feature != "country":
        where += f" ({p.country})"
    return where


def _date(report: Report) -> str:
    if report.date_precision == "unknown" or not report.date_value:
        return ""
    return report.date_value if report.date_precision == "day" else f"{report.date_value} ({report.date_precision})"


def version(report: Report) -> SourceVersion:
    return SourceVersion(
        outlet=report.outlet, published=report.published, article_id=report.article_id,
        external_id=report.external_id, event_id=report.event_id, kind=report.kind, type=report.type,
        fatalities=report.fatalities.text() if report.fatalities else "",
        injured=report.injured.text() if report.injured else "",
        perpetrators=list(report.actor_names), recipients=list(report.recipient_names),
        attributed_to=list(report.attributed_to), status="" if report.kind == MENTION else report.status,
        place=_place(report), date=_date(report), evidence=report.evidence)


def disagreements(members: list[Report]) -> Disagreements:
    ordered = sorted(members, key=lambda r: (r.published or "", r.article_id, r.ord))
    over_time = [Evolution(r.published, r.outlet, r.fatalities.text(), r.fatalities.low, r.fatalities.high)
                 for r in ordered if r.fatalities]
    return Disagreements(
        versions=[version(r) for r in ordered], disputed=disputes(ordered),
        fatalities=figure_range([r.fatalities for r in ordered if r.fatalities]),
        injured=figure_range([r.injured for r in ordered if r.injured]),
        fatalities_over_time=over_time)

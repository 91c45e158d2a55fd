"""A canonical event: the reports of one real-world event, and what they say together.

The summary never averages: its figures are the range over the sources (the lowest and the highest any
source gave), its date and place are the ones most sources agree on (the finer one when they tie), and
every aspect on which sources differ is listed in ``disputes`` so an analyst sees it at once.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsevents.link.places import PlaceRef, Relation, relate
from newsevents.link.reports import EVENT, MENTION, Figure, Report, iso

# The aspects on which sources can disagree, in the order tables show them.
ASPECTS = ("fatalities", "injured", "responsibility", "status", "place", "date")


def canonical_id(report: Report) -> str:
    """Stable id from the report that started the canonical event."""
    digest = hashlib.sha1("\x1f".join(report.key).encode("utf-8")).hexdigest()
    return f"ce-{digest[:12]}"


def story_id_for(canonical: str) -> str:
    return "st-" + hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:12]


@dataclass
class Canonical:
    id: str
    story_id: str
    members: list[Report] = field(default_factory=list)
    created_run: int = 0
    dirty: bool = False
    _words: set[str] | None = field(default=None, repr=False)

    @property
    def words(self) -> set[str]:
        """Every word its reports use (for a quick 'nothing in common' check)."""
        if self._words is None:
            self._words = set().union(*(r.words for r in self.members))
        return self._words

    @property
    def day_start(self) -> int | None:
        days = [r.day_start for r in self.members if r.day_start is not None]
        return min(days) if days else None

    @property
    def day_end(self) -> int | None:
        days = [r.day_end for r in self.members if r.day_end is not None]
        return max(days) if days else None

    @property
    def countries(self) -> set[str]:
        return {c for r in self.members for c in r.countries}

    @property
    def types(self) -> set[str | None]:
        """The types its reports give (None for an implicit report); mentions say nothing of the type."""
        return {r.type for r in self.members if r.kind != MENTION}

    def add(self, report: Report) -> None:
        self.members.append(report)
        self.words.update(report.words)
        self.dirty = True

    def summary(self) -> dict[str, Any]:
        """The canonical_events row (without id, story and run)."""
        return summarise(self.members)


def _most_common(values: list[Any]) -> Any:
    """The most frequent value; ties go to the one seen first (members are in publication order)."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def _place_key(p: PlaceRef) -> tuple[Any, ...]:
    return ("gid", p.geonameid) if p.geonameid is not None else ("name", p.name.lower(), p.feature, p.country)


def agreed_place(members: list[Report]) -> PlaceRef | None:
    """The place most reports name; among equally named ones, the finest."""
    counts: Counter = Counter()
    first: dict[tuple[Any, ...], PlaceRef] = {}
    for r in members:
        for p in {_place_key(p): p for p in r.places}.values():
            key = _place_key(p)
            counts[key] += 1
            first.setdefault(key, p)
    if not counts:
        return None
    best = max(counts.values())
    # A place most sources name; a finer place named by at least half as many wins over a coarse one.
    floor = max(1, (best + 1) // 2)
    keys = [k for k in first if counts[k] >= floor]
    return max((first[k] for k in keys), key=lambda p: (p.specificity, counts[_place_key(p)]))


def figure_range(figures: list[Figure]) -> tuple[int | None, int | None]:
    """Lowest and highest figure any source gave (an open 'at least N' contributes N to both ends)."""
    if not figures:
        return None, None
    lows = [f.low for f in figures]
    highs = [f.high if f.high is not None else f.low for f in figures]
    return min(lows), max(highs + lows)


def _distinct_figures(figures: list[Figure]) -> bool:
    return len({(f.low, f.high) for f in figures}) > 1


def disputes(members: list[Report]) -> list[str]:
    """The aspects on which the sources of one event disagree."""
    found = []
    for aspect in ("fatalities", "injured"):
        if _distinct_figures([f for r in members if (f := getattr(r, aspect)) is not None]):
            found.append(aspect)
    events = [r for r in members if r.kind != MENTION]
    # Sources disagree on who did it when two name perpetrators with no name and no country in common
    # ("Russia" and "Russian forces" agree; "Russia" and "Ukrainian forces" do not).
    named = [(set(r.actors), set(r.actor_countries)) for r in events if r.actors]
    clash = any(not (a[0] & b[0]) and not (a[1] & b[1]) for i, a in enumerate(named) for b in named[i + 1:])
    claims = {r.status for r in events} & {"claimed", "denied"}
    if clash or len(claims) > 1:
        found.append("responsibility")
    if len({r.status for r in events}) > 1:
        found.append("status")
    # Each report's own place (its finest) against the others': "Odesa" and "the Black Sea" do not clash.
    main = [max(specific, key=lambda p: p.specificity) for r in members
            if (specific := [p for p in r.places if not p.is_country])]
    if any(relate(a, b) is Relation.CONFLICT for i, a in enumerate(main) for b in main[i + 1:]):
        found.append("place")
    if len({r.exact_day for r in members if r.exact_day is not None}) > 1:
        found.append("date")
    return found


def summarise(members: list[Report]) -> dict[str, Any]:
    typed = [r for r in members if r.type]
    events = [r for r in members if r.kind != MENTION]
    exact = [r.exact_day for r in members if r.exact_day is not None]
    if exact:
        day = _most_common(exact)
        date_value, precision = iso(day), "day"
    else:
        dated = [r for r in members if r.date_precision != "unknown" and r.date_value]
        narrowest = min(dated, key=lambda r: (r.day_end or 0) - (r.day_start or 0), default=None)
        date_value = narrowest.date_value if narrowest else None
        precision = narrowest.date_precision if narrowest else "unknown"
    place = agreed_place(members)
    deaths = figure_range([r.fatalities for r in members if r.fatalities])
    injured = figure_range([r.injured for r in members if r.injured])
    outlets = list(dict.fromkeys(r.outlet for r in members if r.outlet))
    published = sorted(r.published for r in members if r.published)
    lead = next((r for r in members if r.kind == EVENT), members[0])
    # The article's title names its first event; a later event of the article is named by its sentence.
    title = lead.title if lead.title and lead.ord == 0 else lead.evidence
    days_start = [r.day_start for r in members if r.day_start is not None]
    days_end = [r.day_end for r in members if r.day_end is not None]
    return {
        "type": _most_common([r.type for r in typed]),
        "acled_type": _most_common([r.acled_type for r in typed]),
        "acled_sub_type": _most_common([r.acled_sub_type for r in typed]),
        "status": _most_common([r.status for r in events]) or "occurred",
        "date_value": date_value,
        "date_precision": precision,
        "day_start": iso(min(days_start)) if days_start else None,
        "day_end": iso(max(days_end)) if days_end else None,
        "place_name": place.name if place else None,
        "place_feature": place.feature if place else None,
        "geonameid": place.geonameid if place else None,
        "country": place.country if place else None,
        "admin1": (place.name if place.feature == "admin1" else place.admin1) if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "fatalities_min": deaths[0],
        "fatalities_max": deaths[1],
        "injured_min": injured[0],
        "injured_max": injured[1],
        "disputes": disputes(members),
        "first_published": published[0] if published else None,
        "last_published": published[-1] if published else None,
        "n_reports": len(members),
        "n_articles": len({r.article_id for r in members}),
        "n_outlets": len(outlets),
        "outlets": outlets,
        "title": title,
    }

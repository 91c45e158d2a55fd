"""Shared by the ACLED suites: reading rows, turning notes into articles, and scoring the primary event.

For each ACLED row the article is the row's ``notes``, its id ``event_id_cnty``, published the day
after ``event_date``; the *primary event* is the first extracted event that carries an ACLED type.
Scored on it: ACLED event type and sub-event type, the date (rows with time_precision 1), the first
place within 25 and 100 km of the row's point, its admin1, the fatalities (rows whose notes do not say
the toll was split across events) and the first actor's country against actor1's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from evaluation.core import Figure
from evaluation.metrics import distance_km, majority, same_admin1, share, within_km
from newsevents.lexicon.countries import country_by_name
from newsevents.model import Analysis, Article, Event, Place

MAX_ERROR_SAMPLES = 25


@dataclass(frozen=True)
class AcledRow:
    id: str
    notes: str
    event_date: str  # ISO
    time_precision: int
    event_types: tuple[str, ...]  # accepted current event types (an old type may map to two)
    sub_event_type: str | None
    actor1: str
    admin1: str
    lat: float
    lon: float
    fatalities: int
    country: str

    @property
    def published(self) -> str:
        return (date.fromisoformat(self.event_date) + timedelta(days=1)).isoformat()

    @property
    def toll_split(self) -> bool:
        """ACLED notes say so when one reported toll was divided among several coded events."""
        return "split" in self.notes.lower()


def parse_acled_date(value: str) -> str:
    """ACLED's ``dd/mm/yyyy`` (optionally with a time) → ISO date."""
    head = value.strip().split(" ")[0]
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", head)
    if m is None:
        return date.fromisoformat(head[:10]).isoformat()
    return date(int(m[3]), int(m[2]), int(m[1])).isoformat()


def article_for(row: AcledRow) -> Article:
    return Article(text=row.notes, published=row.published, external_id=row.id, source=f"acled:{row.id}")


# --- actor1 → country -----------------------------------------------------------------------------------

# ACLED names state forces "Military Forces of Russia (2000-)", groups "Protesters (Ukraine)".
_OF_COUNTRY = re.compile(r"\b(?:Forces|Government|Militia|Police) of (?:the )?([A-Z][\w' .-]+?)(?: \(|$| [A-Z][a-z]+ )")
_PAREN = re.compile(r"\(([A-Z][\w' .-]+)\)")
# Separatist forces of Donbas are coded in Ukraine, where they operate.
_ACTOR_COUNTRY_OVERRIDES = {"NAF": "UKR", "Novorossiya": "UKR", "Donetsk People's": "UKR", "Luhansk People's": "UKR"}


def actor_country(actor: str) -> str | None:
    """ISO3 of an ACLED actor name, when the name says it; None for "Unidentified Military Forces"."""
    for key, iso3 in _ACTOR_COUNTRY_OVERRIDES.items():
        if key in actor:
            return iso3
    for pattern in (_OF_COUNTRY, _PAREN):
        for m in pattern.finditer(actor):
            country = country_by_name(m.group(1).strip())
            if country is not None:
                return country.iso3
    return None


# --- predictions ------------------------------------------------------------------------------------------

@dataclass
class Prediction:
    event_type: str | None = None
    sub_event_type: str | None = None
    date: str | None = None
    point: tuple[float | None, float | None] | None = None
    admin1: str | None = None
    fatalities: int | None = None
    actor_country: str | None = None
    n_events: int = 0


def primary_event(analysis: Analysis) -> Event | None:
    return next((e for e in analysis.events if e.acled), None)


def _admin1_of(place: Place) -> str | None:
    if place.admin1:
        return place.admin1
    return place.name if place.feature == "admin1" else None


def predict(analysis: Analysis | None) -> Prediction:
    if analysis is None:
        return Prediction()
    ev = primary_event(analysis)
    pred = Prediction(n_events=len(analysis.events))
    if ev is None:
        return pred
    pred.event_type = ev.acled["event_type"]
    pred.sub_event_type = ev.acled["sub_event_type"]
    if ev.date.precision == "day" and ev.date.value:
        pred.date = ev.date.value[:10]
    places = {p.id: p for p in analysis.places}
    located = [places[pid] for pid in ev.places if pid in places]
    if located:
        first = located[0]
        pred.point = (first.lat, first.lon)
        pred.admin1 = _admin1_of(first)
    pred.fatalities = ev.fatalities.min if ev.fatalities and ev.fatalities.min is not None else 0
    actors = {a.id: a for a in analysis.actors}
    first_actor = next((actors[a] for a in ev.actors if a in actors), None)
    pred.actor_country = first_actor.country if first_actor else None
    return pred


# --- scoring ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Targets:
    event_type: float | None = None
    sub_event_type: float | None = None
    date: float | None = None
    fatalities: float | None = None
    actor1_country: float | None = None
    within_25km: float | None = None
    admin1: float | None = None


def _accuracy_figure(name: str, pairs: Sequence[tuple[object, object]], target: float | None,
                     correct: Callable[[object, object], bool] | None = None,
                     baseline_label: object = None) -> Figure:
    correct = correct or (lambda g, p: g == p)
    gold = [g for g, _ in pairs]
    label, _count = majority(gold) if baseline_label is None else (baseline_label, 0)
    base = share(correct(g, label) for g in gold) if pairs else None
    return Figure(name, share(correct(g, p) for g, p in pairs), n=len(pairs), baseline=base,
                  baseline_name=f"always {label}", target=target)


def score(rows: Sequence[AcledRow], preds: Sequence[Prediction], targets: Targets,
          sub_types_known: bool = True) -> tuple[list[Figure], dict]:
    figs: list[Figure] = []
    pairs = list(zip(rows, preds))
    type_pairs = [(r.event_types, p.event_type) for r, p in pairs]
    figs.append(_accuracy_figure("event_type accuracy (primary event)", type_pairs, targets.event_type,
                                 correct=lambda g, p: p in g,
                                 baseline_label=majority(t for r in rows for t in r.event_types[:1])[0]))
    sub_pairs = [(r.sub_event_type, p.sub_event_type) for r, p in pairs if r.sub_event_type]
    if sub_pairs:
        name = "sub_event_type accuracy" + ("" if sub_types_known else " (rows whose old type fixes it)")
        figs.append(_accuracy_figure(name, sub_pairs, targets.sub_event_type))
    dated = [(r, p) for r, p in pairs if r.time_precision == 1]
    figs.append(Figure("date exact (time_precision 1)", share(p.date == r.event_date for r, p in dated),
                       n=len(dated), baseline=share(r.published == r.event_date for r, _ in dated),
                       baseline_name="publication date", target=targets.date))
    gold_points = [(r.lat, r.lon) for r in rows]
    common_point, _ = majority(gold_points)
    for km, target in ((25, targets.within_25km), (100, None)):
        dists = [distance_km(p.point, (r.lat, r.lon)) for r, p in pairs]
        base = within_km([distance_km(common_point, (r.lat, r.lon)) for r in rows], km)  # type: ignore[arg-type]
        figs.append(Figure(f"location within {km} km (first place of the primary event)", within_km(dists, km),
                           n=len(pairs), baseline=base, baseline_name="most frequent point", target=target))
    admin_pairs = [(r.admin1, p.admin1) for r, p in pairs if r.admin1]
    common_admin, _ = majority(r.admin1 for r in rows if r.admin1)
    figs.append(Figure("admin1 correct", share(same_admin1(g, p) for g, p in admin_pairs), n=len(admin_pairs),
                       baseline=share(same_admin1(g, common_admin) for g, _ in admin_pairs),
                       baseline_name=f"always {common_admin}", target=targets.admin1))
    tolls = [(r.fatalities, p.fatalities) for r, p in pairs if not r.toll_split]
    figs.append(_accuracy_figure("fatalities exact (rows without a split toll)", tolls, targets.fatalities))
    actor_pairs = [(actor_country(r.actor1), p.actor_country) for r, p in pairs]
    actor_pairs = [(g, p) for g, p in actor_pairs if g]
    if actor_pairs:
        figs.append(_accuracy_figure("actor1 country (first actor of the primary event)", actor_pairs,
                                     targets.actor1_country))
    details = _diagnostics(pairs)
    return figs, details


def _diagnostics(pairs: list[tuple[AcledRow, Prediction]]) -> dict:
    """Confusions and the ids of rows that went wrong (ids only: no gold text leaves the data folder)."""
    from collections import Counter

    confusion = Counter(f"{r.sub_event_type or '/'.join(r.event_types)} -> {p.sub_event_type}"
                        for r, p in pairs if (p.sub_event_type != r.sub_event_type if r.sub_event_type
                                              else p.event_type not in r.event_types))
    no_event = sum(1 for _, p in pairs if p.event_type is None)
    return {
        "no_acled_event": no_event,
        "confusions": dict(confusion.most_common(20)),
        "wrong_type_ids": [r.id for r, p in pairs if p.event_type not in r.event_types][:MAX_ERROR_SAMPLES],
        "wrong_toll_ids": [r.id for r, p in pairs if not r.toll_split and p.fatalities != r.fatalities
                           ][:MAX_ERROR_SAMPLES],
        "wrong_date_ids": [r.id for r, p in pairs if r.time_precision == 1 and p.date != r.event_date
                           ][:MAX_ERROR_SAMPLES],
    }

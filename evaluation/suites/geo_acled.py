"""ACLED Ukraine (dev share): where the event in each row's notes happened, by the places extractor alone.

Gold: ``events/acled_ukraine_sample/acled-ukraine.dev.csv`` (ACLED; internal evaluation only). Each row's
``notes`` is read as an article published the day after ``event_date``. The predicted location is the
first (most specific) place ``places_for_span`` gives for the notes' first sentence (the one ACLED writes
the event in), falling back to the whole notes. This isolates geoparsing from event coding: the events
suite (``acled_ukraine``) scores the same bars on extracted events.

Measures (issue 7's bars): the place within 25 km of ACLED's point (85%), admin1 correct (95%), each
beside the baseline of always answering the most frequent admin1 / point of the same rows.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from evaluation.core import EvalContext, Figure, SuiteResult
from evaluation.metrics import haversine_km, normalise_admin1, share

NAME = "geo_acled"
TITLE = "ACLED Ukraine: event location from the notes (places extractor)"
GOLD = "events/acled_ukraine_sample/acled-ukraine.dev.csv"
KM = 25.0


def _published(event_date: str) -> str | None:
    try:
        day, month, year = event_date.split()[0].split("/")
        return (date(int(year), int(month), int(day)) + timedelta(days=1)).isoformat()
    except ValueError:
        return None


def load(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("notes")]
    return rows[:limit] if limit else rows


def named_within(gaz, name: str, point: tuple[float, float], km: float) -> bool:
    """Whether some gazetteer entry called ``name`` lies within ``km`` of ``point`` (a coverage oracle)."""
    from newsevents.gazetteer.resolve import lookup_name

    # ACLED names a city district "Kyiv - Desnianskyi": the city's own entry stands for it
    cands = [c for form in {name, name.split(" - ")[0]} for c in lookup_name(gaz, form)[0]]
    return any(c.entry.lat is not None and haversine_km(c.entry.lat, c.entry.lon, *point) <= km for c in cands)


def run(ctx: EvalContext) -> SuiteResult:
    from evaluation.suites.geo import geo_analyzer
    from newsevents.analyze.context import Extraction
    from newsevents.analyze.places import places_for_span
    from newsevents.gazetteer import load_gazetteer
    from newsevents.model import Article

    result = SuiteResult(NAME, TITLE)
    path = ctx.data / GOLD
    if not path.is_file():
        result.notes.append(f"{path} is missing: not scored")
        return result
    rows = load(path, ctx.limit)
    analyzer = geo_analyzer()
    gaz = load_gazetteer()
    near, admin1_ok, precise_rows, errors, coverable = [], [], [], [], []
    for row in rows:
        article = Article(text=row["notes"], published=_published(row["event_date"]))
        ex = Extraction(article=article, doc=analyzer.nlp(article.text))
        for _name, extractor in analyzer.extractors:
            extractor(ex)
        first = next(iter(ex.doc.sents), None)
        places = places_for_span(ex, first.start_char, first.end_char) if first is not None else []
        places = [p for p in places if p.lat is not None] or [
            p for p in places_for_span(ex, 0, len(article.text)) if p.lat is not None]
        place = places[0] if places else None
        gold = (float(row["latitude"]), float(row["longitude"]))
        coverable.append(named_within(gaz, row["location"], gold, KM))
        close = place is not None and haversine_km(place.lat, place.lon, *gold) <= KM
        near.append(close)
        same = place is not None and bool(place.admin1) and normalise_admin1(place.admin1) == normalise_admin1(
            row["admin1"])
        admin1_ok.append(same)
        if row.get("geo_precision") == "1":
            precise_rows.append(close)
        if not (close and same) and len(errors) < 30:
            errors.append({"row": row.get("event_id_cnty") or row.get("id"), "gold_admin1": row["admin1"],
                           "gold_location": row["location"], "geo_precision": row.get("geo_precision"),
                           "got": place.name if place else None, "got_admin1": place.admin1 if place else None})
    top_admin1 = Counter(normalise_admin1(r["admin1"]) for r in rows).most_common(1)
    base_admin1 = share(normalise_admin1(r["admin1"]) == top_admin1[0][0] for r in rows) if top_admin1 else None
    top_point = Counter((r["latitude"], r["longitude"]) for r in rows).most_common(1)
    base_near = share(haversine_km(float(r["latitude"]), float(r["longitude"]), float(top_point[0][0][0]),
                                   float(top_point[0][0][1])) <= KM for r in rows) if top_point else None
    result.figures += [
        Figure(f"place within {KM:.0f} km of ACLED's point", share(near), len(near), base_near,
               "most frequent point", target=0.85),
        Figure("admin1 correct", share(admin1_ok), len(admin1_ok), base_admin1, "most frequent admin1",
               target=0.95),
        Figure(f"place within {KM:.0f} km, rows with geo_precision 1", share(precise_rows), len(precise_rows)),
        Figure(f"coverage: ACLED's location name has a gazetteer entry within {KM:.0f} km (reads gold)",
               share(coverable), len(coverable)),
    ]
    result.notes.append("First (most specific) place of the notes' first sentence via places_for_span; "
                        "ACLED notes as articles published the day after event_date.")
    result.notes.append("Coverage reads ACLED's own `location` name (gold) and asks whether a gazetteer entry of "
                        "that name lies within 25 km of ACLED's point. Where it does not, the place is a village "
                        "below GeoNames cities500's population cut (or spelled otherwise): the system can still "
                        "come within 25 km through another place the notes name, which is why the score can "
                        "exceed it, but a reader cannot name a point the gazetteer lacks.")
    result.details["errors"] = errors
    return result

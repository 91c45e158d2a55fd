"""ACLED Ukraine: event type, sub-type, date, place, admin1, fatalities and actor country from ACLED notes.

Gold: ``events/acled_ukraine_sample/acled-ukraine.dev.csv`` (ACLED data, internal evaluation only). How a
row becomes an article and what is scored on its primary event: see ``_acled``.
"""

from __future__ import annotations

import csv

from evaluation.core import EvalContext, SuiteResult
from evaluation.suites._acled import AcledRow, Targets, article_for, parse_acled_date, predict, score

NAME = "acled_ukraine"
TITLE = "ACLED Ukraine (notes → ACLED type, date, place, fatalities, actor)"
GOLD = "events/acled_ukraine_sample/acled-ukraine.dev.csv"

TARGETS = Targets(event_type=0.95, sub_event_type=0.90, date=0.97, fatalities=0.93, actor1_country=0.90,
                  within_25km=0.85, admin1=0.95)


def load_rows(path) -> list[AcledRow]:
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            try:
                rows.append(AcledRow(
                    id=r["event_id_cnty"], notes=r["notes"].strip(), event_date=parse_acled_date(r["event_date"]),
                    time_precision=int(r["time_precision"]), event_types=(r["event_type"],),
                    sub_event_type=r["sub_event_type"], actor1=r["actor1"], admin1=r["admin1"],
                    lat=float(r["latitude"]), lon=float(r["longitude"]), fatalities=int(r["fatalities"] or 0),
                    country=r["country"]))
            except (KeyError, ValueError):
                continue
    return [row for row in rows if row.notes]


def run(ctx: EvalContext) -> SuiteResult:
    rows = ctx.limited(load_rows(ctx.gold_file(GOLD)))
    analyses = ctx.analyze_all(article_for(r) for r in rows)
    figures, details = score(rows, [predict(a) for a in analyses], TARGETS)
    return SuiteResult(NAME, TITLE, figures, details=details, notes=[
        "Primary event = the first extracted event with an ACLED type; fatalities 0 when none is given.",
        "Date baseline = the publication date (the day after the event, by construction of the suite).",
    ])

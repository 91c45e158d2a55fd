"""``acled-csv``: events in ACLED's column layout, for tools and analysts used to ACLED exports.

Only events that carry an ACLED type are written. How our fields map (ACLED codebook terms):

- ``event_id_cnty`` is ``<article id>:<event id>`` (traceable back to the article, unique in the store);
- ``event_date`` the event's day (the first day of a longer period), else the publication day;
  ``time_precision`` 1 for a day, 2 for a week, 3 for anything coarser or unknown;
- ``geo_precision`` from ``place_precision``: site and city 1; admin2 2; admin1, region and country 3
  (blank when unknown);
- ``inter1``/``inter2`` from the actors' sectors and kinds (1 state forces, 2 rebels, 5 rioters,
  6 protesters, 7 civilians, 8 external/other forces: state actors of another country than the place),
  blank where unknown; ``interaction`` the two codes, lower first (``80`` style when there is no actor 2);
- ``notes`` the evidence sentence; ``source`` the outlet; ``timestamp`` when the article was analysed;
- ``region``, ``admin3``, ``source_scale`` and ``tags`` are left blank: nothing we extract says them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any, BinaryIO, TextIO

from newsevents.export.registry import register_exporter, text_output
from newsevents.model import Actor
from newsevents.store import EventQuery, EventRecord, Store, find_country
from newsevents.store.dates import day_range

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

# "near" is not in schema 1 but the places issue may add it (a place near a named town): ACLED codes it 2.
GEO_PRECISION = {"site": 1, "city": 1, "near": 2, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
TIME_PRECISION = {"day": 1, "week": 2}
VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# Sub-event types whose disorder type differs from their event type's (ACLED codebook).
DISORDER_BY_SUB_EVENT = {
    "Mob violence": "Political violence",
    "Excessive force against protesters": "Political violence; Demonstrations",
}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
CIVILIAN_SECTORS = {"CVL", "MED", "NGO", "HLH", "EDU", "REL", "BUS"}


def inter_code(actor: Actor | None, event_type: str, place_iso3: str | None, first: bool) -> int | None:
    """ACLED's actor category for ``actor``; None when nothing we know decides it."""
    if actor is None:
        return None if first else 0  # ACLED always names actor 1; "no actor 2" is coded 0
    if first and event_type == "Protests":
        return 6
    if first and event_type == "Riots":
        return 5
    if actor.sector in STATE_SECTORS or actor.kind == "country":
        foreign = actor.country is not None and place_iso3 is not None and actor.country != place_iso3
        return 8 if foreign else 1
    if actor.sector == "REB":
        return 2
    if actor.sector == "IGO":
        return 8
    if actor.sector in CIVILIAN_SECTORS:
        return 7
    return None


def interaction(a: int | None, b: int | None) -> str:
    if a is None or b is None:
        return ""
    if b == 0:
        return f"{a}0"
    return f"{min(a, b)}{max(a, b)}"


def acled_row(record: EventRecord) -> dict[str, Any]:
    e = record.event
    acled = e.acled or {}
    event_type, sub_type = acled.get("event_type", ""), acled.get("sub_event_type", "")
    place = record.located_place or record.first_place
    country = find_country(place.country) if place else None
    start, _ = day_range(e.date.value)
    day = start or (record.published[:10] if record.published else "")
    time_precision = TIME_PRECISION.get(e.date.precision, 3) if start else 3
    actor1 = record.actors[0] if record.actors else None
    actor2 = record.recipients[0] if record.recipients else None
    if actor2 is not None and actor2.sector is None and e.recipient_sector:
        actor2 = replace(actor2, sector=e.recipient_sector)
    inter1 = inter_code(actor1, event_type, country.iso3 if country else None, first=True)
    inter2 = inter_code(actor2, event_type, country.iso3 if country else None, first=False)
    civilians = event_type in VIOLENCE and (
        e.recipient_sector == "CVL" or any(a.sector == "CVL" for a in record.recipients))
    fatalities = e.fatalities
    try:
        timestamp = int(datetime.fromisoformat(record.analyzed_at).timestamp())
    except ValueError:
        timestamp = ""
    return {
        "event_id_cnty": f"{record.article_id}:{e.id}",
        "event_date": day,
        "year": day[:4],
        "time_precision": time_precision,
        "disorder_type": DISORDER_BY_SUB_EVENT.get(sub_type, DISORDER.get(event_type, "")),
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": actor1.name if actor1 else "",
        "assoc_actor_1": "; ".join(a.name for a in record.actors[1:]),
        "inter1": "" if inter1 is None else inter1,
        "actor2": actor2.name if actor2 else "",
        "assoc_actor_2": "; ".join(a.name for a in record.recipients[1:]),
        "inter2": "" if inter2 is None else inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": country.numeric if country else "",
        "region": "",
        "country": country.name if country else "",
        "admin1": (place.admin1 or (place.name if place.feature == "admin1" else "")) if place else "",
        "admin2": place.name if place and place.feature == "admin2" else "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": f"{place.lat:.4f}" if place and place.lat is not None else "",
        "longitude": f"{place.lon:.4f}" if place and place.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(e.place_precision, ""),
        "source": record.outlet or "",
        "source_scale": "",
        "notes": " ".join(record.evidence_text.split()),
        "fatalities": next((n for n in (fatalities.min, fatalities.max) if n is not None), 0) if fatalities else 0,
        "tags": "",
        "timestamp": timestamp,
    }


def write_acled_rows(records: Iterable[EventRecord], text: TextIO) -> int:
    writer = csv.DictWriter(text, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(acled_row(record))
        count += 1
    return count


@register_exporter("acled-csv", suffix=".csv", description="ACLED's columns; only events with an ACLED type")
def write_acled_csv(store: Store, out: BinaryIO, query: EventQuery) -> int:
    with text_output(out) as text:
        return write_acled_rows(store.iter_events(replace(query, acled_only=True)), text)

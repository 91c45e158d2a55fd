"""An Analysis as rows of the normalised tables (the inverse lives in the stored JSON, not here).

Order of ``TABLES`` is insertion order: parents before the rows that refer to them. Deleting an article's
extractions goes in reverse.
"""

from __future__ import annotations

import json
from typing import Any

from newsevents.model import Analysis, Range, Span
from newsevents.store.dates import day_range

# table -> columns, in insertion order (every table also starts with article_id).
TABLES: dict[str, tuple[str, ...]] = {
    "actors": ("id", "ord", "name", "kind", "country", "sector", "role"),
    "actor_mentions": ("actor_id", "ord", "span_start", "span_end"),
    "places": ("id", "ord", "name", "feature", "country", "admin1", "geonameid", "lat", "lon", "confidence"),
    "place_mentions": ("place_id", "ord", "span_start", "span_end"),
    "times": ("ord", "id", "text", "kind", "value", "value_precision", "span_start", "span_end"),
    "events": (
        "id", "ord", "type", "status", "mode", "context", "acled_event_type", "acled_sub_event_type",
        "recipient_sector", "place_precision", "date_value", "date_precision", "date_start", "date_end",
        "fatalities_min", "fatalities_max", "fatalities_qualifier", "injured_min", "injured_max",
        "injured_qualifier", "confidence", "evidence_start", "evidence_end", "trigger_start", "trigger_end",
    ),
    "event_actors": ("event_id", "role", "ord", "actor_id"),
    "event_places": ("event_id", "ord", "place_id"),
    "quotes": ("ord", "id", "text", "kind", "speaker_id", "cue", "span_start", "span_end", "cue_start",
               "cue_end", "speaker_start", "speaker_end"),
    "quote_reporters": ("quote_ord", "ord", "actor_id"),
    "quantities": ("ord", "id", "what", "value_min", "value_max", "qualifier", "event_id", "span_start",
                   "span_end"),
}

# Roles of an actor in an event, as stored in event_actors.role.
EVENT_ROLES = ("actor", "recipient", "attributed_to")


class InconsistentAnalysis(ValueError):
    """An analysis whose records refer to ids it does not contain (an extractor bug), named precisely."""


def _span(s: Span | None) -> tuple[int | None, int | None]:
    return (s[0], s[1]) if s else (None, None)


def _range(r: Range | None) -> tuple[int | None, int | None, str | None]:
    return (r.min, r.max, r.qualifier) if r else (None, None, None)


def analysis_rows(analysis: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    """Rows for every extraction table, ``article_id`` first; raises InconsistentAnalysis on dangling ids."""
    aid = analysis.article.id
    actor_ids = {a.id for a in analysis.actors}
    place_ids = {p.id for p in analysis.places}
    event_ids = {e.id for e in analysis.events}

    def need(ids: set[str], ref: str | None, what: str, where: str) -> None:
        if ref is not None and ref not in ids:
            raise InconsistentAnalysis(f"{where} refers to {what} id {ref!r}, which the analysis does not contain")

    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    for i, a in enumerate(analysis.actors):
        rows["actors"].append((aid, a.id, i, a.name, a.kind, a.country, a.sector, a.role))
        rows["actor_mentions"] += [(aid, a.id, j, *m) for j, m in enumerate(a.mentions)]
    for i, p in enumerate(analysis.places):
        rows["places"].append((aid, p.id, i, p.name, p.feature, p.country, p.admin1, p.geonameid, p.lat, p.lon,
                               p.confidence))
        rows["place_mentions"] += [(aid, p.id, j, *m) for j, m in enumerate(p.mentions)]
    for i, t in enumerate(analysis.times):
        rows["times"].append((aid, i, t.id, t.text, t.kind, t.value, t.precision, *t.span))
    for i, e in enumerate(analysis.events):
        where = f"event {e.id}"
        start, end = day_range(e.date.value)
        acled = e.acled or {}
        rows["events"].append((
            aid, e.id, i, e.type, e.status, json.dumps(e.mode), json.dumps(e.context),
            acled.get("event_type"), acled.get("sub_event_type"), e.recipient_sector, e.place_precision,
            e.date.value, e.date.precision, start, end, *_range(e.fatalities), *_range(e.injured),
            e.confidence, *e.evidence.span, *_span(e.evidence.trigger),
        ))
        for role, ids in zip(EVENT_ROLES, (e.actors, e.recipients, e.attributed_to)):
            for j, actor in enumerate(ids):
                need(actor_ids, actor, "actor", f"{where} ({role})")
                rows["event_actors"].append((aid, e.id, role, j, actor))
        for j, place in enumerate(e.places):
            need(place_ids, place, "place", where)
            rows["event_places"].append((aid, e.id, j, place))
    for i, q in enumerate(analysis.quotes):
        need(actor_ids, q.speaker, "actor", f"quote {q.id or i} (speaker)")
        rows["quotes"].append((aid, i, q.id, q.text, q.kind, q.speaker, q.cue, *q.span, *_span(q.cue_span),
                               *_span(q.speaker_span)))
        for j, actor in enumerate(q.reported_by):
            need(actor_ids, actor, "actor", f"quote {q.id or i} (reported_by)")
            rows["quote_reporters"].append((aid, i, j, actor))
    for i, n in enumerate(analysis.quantities):
        need(event_ids, n.event, "event", f"quantity {n.id or i}")
        rows["quantities"].append((aid, i, n.id, n.what, *_range(n.value), n.event, *n.span))
    return rows


def insert_sql(table: str) -> str:
    columns = ("article_id", *TABLES[table])
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

"""Event queries: filters become SQL over the normalised tables; distance is checked exactly in Python.

``--near`` is a bounding-box prefilter on indexed lat/lon in SQL, then the haversine distance on the
rows that pass, so the database never needs a geo extension.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from newsevents.model import Actor, Event, Place
from newsevents.store.countries import find_country
from newsevents.store.dates import day_range

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = 111.32


class QueryError(ValueError):
    """A filter value that cannot be used (unknown country, malformed date or coordinates)."""


@dataclass(frozen=True)
class Near:
    lat: float
    lon: float
    km: float

    @classmethod
    def parse(cls, text: str) -> Near:
        """``"50.45,30.52,25"`` -> 25 km around Kyiv."""
        parts = [p.strip() for p in text.split(",")]
        try:
            lat, lon, km = (float(p) for p in parts)
        except ValueError:
            raise QueryError(f"--near {text!r}: expected LAT,LON,KM, e.g. 50.45,30.52,25") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
            raise QueryError(f"--near {text!r}: latitude must be in [-90, 90], longitude in [-180, 180], km > 0")
        return cls(lat, lon, km)

    def bounding_box(self) -> tuple[float, float, float | None, float | None]:
        """(lat_min, lat_max, lon_min, lon_max); no longitude bounds where the box would wrap or reach a pole."""
        dlat = self.km / KM_PER_DEGREE
        lat_min, lat_max = max(-90.0, self.lat - dlat), min(90.0, self.lat + dlat)
        cos_lat = math.cos(math.radians(max(abs(lat_min), abs(lat_max))))
        if cos_lat < 1e-6:
            return lat_min, lat_max, None, None
        dlon = self.km / (KM_PER_DEGREE * cos_lat)
        lon_min, lon_max = self.lon - dlon, self.lon + dlon
        if lon_min < -180 or lon_max > 180:
            return lat_min, lat_max, None, None
        return lat_min, lat_max, lon_min, lon_max

    def contains(self, lat: float | None, lon: float | None) -> bool:
        return lat is not None and lon is not None and haversine_km(self.lat, self.lon, lat, lon) <= self.km


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class EventQuery:
    """Filters on stored events; every field left empty matches everything. Text matches ignore case."""

    types: tuple[str, ...] = ()  # PLOVER type, ACLED event type or ACLED sub-event type
    country: str | None = None  # ISO2, ISO3 or name; an event is in a country when one of its places is
    actor: str | None = None  # part of an actor's name, in any role
    place: str | None = None  # part of a place's name, or a GeoNames id
    admin1: str | None = None  # part of the first-order division's name
    near: Near | None = None
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD; the event's date, else the publication date
    until: str | None = None
    status: str | None = None
    article_ids: tuple[str, ...] = ()
    acled_only: bool = False  # only events that carry an ACLED type
    limit: int | None = None

    def is_empty(self) -> bool:
        return self == EventQuery(limit=self.limit)


@dataclass
class EventRecord:
    """One stored event with what it refers to resolved: its article, actors and places."""

    article_id: str
    external_id: str | None
    outlet: str | None
    url: str | None
    published: str | None
    title: str | None
    analyzed_at: str
    event: Event
    evidence_text: str
    trigger_text: str | None
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    attributed_to: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    @property
    def first_place(self) -> Place | None:
        return self.places[0] if self.places else None

    @property
    def located_place(self) -> Place | None:
        """The first of the event's places that has coordinates."""
        return next((p for p in self.places if p.lat is not None and p.lon is not None), None)

    @property
    def day(self) -> str | None:
        """The event's date, else the article's publication day."""
        start, _ = day_range(self.event.date.value)
        return start or (self.published[:10] if self.published else None)

    def flat(self) -> dict[str, Any]:
        """One flat row (CSV, Parquet): lists joined with '; ', the first place's details spelled out."""
        e, p = self.event, self.first_place
        acled = e.acled or {}
        return {
            "article_id": self.article_id,
            "event_id": e.id,
            "external_id": self.external_id,
            "date": e.date.value,
            "date_precision": e.date.precision,
            "published": self.published,
            "type": e.type,
            "mode": "; ".join(e.mode),
            "context": "; ".join(e.context),
            "status": e.status,
            "acled_event_type": acled.get("event_type"),
            "acled_sub_event_type": acled.get("sub_event_type"),
            "actors": "; ".join(a.name for a in self.actors),
            "recipients": "; ".join(a.name for a in self.recipients),
            "attributed_to": "; ".join(a.name for a in self.attributed_to),
            "recipient_sector": e.recipient_sector,
            "place": p.name if p else None,
            "places": "; ".join(x.name for x in self.places),
            "place_precision": e.place_precision,
            "geonameid": p.geonameid if p else None,
            "country": p.country if p else None,
            "admin1": p.admin1 if p else None,
            "latitude": p.lat if p else None,
            "longitude": p.lon if p else None,
            "fatalities_min": e.fatalities.min if e.fatalities else None,
            "fatalities_max": e.fatalities.max if e.fatalities else None,
            "injured_min": e.injured.min if e.injured else None,
            "injured_max": e.injured.max if e.injured else None,
            "confidence": e.confidence,
            "evidence": self.evidence_text,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
        }


# The columns of ``EventRecord.flat()``, in order (CSV header, Parquet schema).
FLAT_COLUMNS: tuple[str, ...] = (
    "article_id", "event_id", "external_id", "date", "date_precision", "published", "type", "mode", "context",
    "status", "acled_event_type", "acled_sub_event_type", "actors", "recipients", "attributed_to",
    "recipient_sector", "place", "places", "place_precision", "geonameid", "country", "admin1", "latitude",
    "longitude", "fatalities_min", "fatalities_max", "injured_min", "injured_max", "confidence", "evidence",
    "outlet", "url", "title",
)


def _like(text: str) -> str:
    escaped = text.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_EVENT_PLACE = ("EXISTS (SELECT 1 FROM event_places ep JOIN places p ON p.article_id = ep.article_id "
                "AND p.id = ep.place_id WHERE ep.article_id = e.article_id AND ep.event_id = e.id AND {})")
_EVENT_ACTOR = ("EXISTS (SELECT 1 FROM event_actors ea JOIN actors ac ON ac.article_id = ea.article_id "
                "AND ac.id = ea.actor_id WHERE ea.article_id = e.article_id AND ea.event_id = e.id AND {})")
_EVENT_DAY = "COALESCE(e.date_start, substr(a.published, 1, 10))"


def date_bound(value: str, which: int, flag: str) -> str:
    """The first (``which`` 0) or last (1) day of a YYYY[-MM[-DD]] filter value; ``flag`` names it in
    the error."""
    day = day_range(value.strip())[which]
    if day is None:
        raise QueryError(f"{flag} {value!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return day


def event_keys_sql(q: EventQuery) -> tuple[str, list[Any]]:
    """SQL selecting (article_id, event_id) of the matching events, newest first."""
    where: list[str] = []
    params: list[Any] = []
    if q.types:
        wanted = [t.strip().lower() for t in q.types]
        marks = ", ".join("?" * len(wanted))
        where.append(f"(lower(e.type) IN ({marks}) OR lower(e.acled_event_type) IN ({marks}) "
                     f"OR lower(e.acled_sub_event_type) IN ({marks}))")
        params += wanted * 3
    if q.acled_only:
        where.append("e.acled_event_type IS NOT NULL")
    if q.status:
        where.append("lower(e.status) = ?")
        params.append(q.status.strip().lower())
    if q.since:
        where.append("COALESCE(e.date_end, substr(a.published, 1, 10)) >= ?")
        params.append(date_bound(q.since, 0, "--since"))
    if q.until:
        where.append(f"{_EVENT_DAY} <= ?")
        params.append(date_bound(q.until, 1, "--until"))
    if q.country:
        country = find_country(q.country)
        if country is None:
            raise QueryError(f"--country {q.country!r}: not a country name or ISO 3166 code")
        where.append(_EVENT_PLACE.format("p.country = ?"))
        params.append(country.iso2)
    if q.place:
        if q.place.strip().isdigit():
            where.append(_EVENT_PLACE.format("p.geonameid = ?"))
            params.append(int(q.place))
        else:
            where.append(_EVENT_PLACE.format("lower(p.name) LIKE ? ESCAPE '\\'"))
            params.append(_like(q.place))
    if q.admin1:
        where.append(_EVENT_PLACE.format(
            "(lower(p.admin1) LIKE ? ESCAPE '\\' OR (p.feature = 'admin1' AND lower(p.name) LIKE ? ESCAPE '\\'))"))
        params += [_like(q.admin1)] * 2
    if q.actor:
        where.append(_EVENT_ACTOR.format("lower(ac.name) LIKE ? ESCAPE '\\'"))
        params.append(_like(q.actor))
    if q.near:
        lat_min, lat_max, lon_min, lon_max = q.near.bounding_box()
        box = "p.lat BETWEEN ? AND ?"
        params += [lat_min, lat_max]
        if lon_min is not None:
            box += " AND p.lon BETWEEN ? AND ?"
            params += [lon_min, lon_max]
        where.append(_EVENT_PLACE.format(box))
    if q.article_ids:
        where.append(f"e.article_id IN ({', '.join('?' * len(q.article_ids))})")
        params += list(q.article_ids)
    sql = "SELECT e.article_id, e.id FROM events e JOIN articles a ON a.id = e.article_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    # Undated events last in every database (SQLite and PostgreSQL disagree on where NULLs sort).
    sql += (f" ORDER BY CASE WHEN {_EVENT_DAY} IS NULL THEN 1 ELSE 0 END, {_EVENT_DAY} DESC, "
            "e.article_id, e.ord")
    if q.limit is not None and q.near is None:  # with --near the limit applies after the distance check
        sql += " LIMIT ?"
        params.append(int(q.limit))
    return sql, params

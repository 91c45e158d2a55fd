"""Stored events as JSON-ready dicts and GeoJSON features (shared by ``events --format`` and exports)."""

from __future__ import annotations

from typing import Any

from newsevents.model import Analysis, Article
from newsevents.store import EventRecord


def _contract_dicts(record: EventRecord) -> dict[str, Any]:
    # Serialised through Analysis.to_dict so the records keep the output contract's exact shape.
    article = Article(text="", id=record.article_id)
    actors = {a.id: a for a in (*record.actors, *record.recipients, *record.attributed_to)}
    return Analysis(article, actors=list(actors.values()), places=record.places, events=[record.event]).to_dict()


def event_json(record: EventRecord) -> dict[str, Any]:
    """The event as in the schema, with its article's metadata, actors, places and evidence sentence."""
    d = _contract_dicts(record)
    actors = {a["id"]: a for a in d["actors"]}
    return {
        "article": {
            "id": record.article_id,
            "external_id": record.external_id,
            "outlet": record.outlet,
            "url": record.url,
            "published": record.published,
            "title": record.title,
        },
        "event": d["events"][0],
        "evidence_text": record.evidence_text,
        "actors": [actors[a.id] for a in record.actors],
        "recipients": [actors[a.id] for a in record.recipients],
        "attributed_to": [actors[a.id] for a in record.attributed_to],
        "places": d["places"],
    }


def geojson_feature(record: EventRecord) -> dict[str, Any]:
    """A point at the event's first located place; ``geometry`` is null for an event with no coordinates."""
    place = record.located_place
    geometry = {"type": "Point", "coordinates": [place.lon, place.lat]} if place else None
    props = record.flat()
    props.pop("latitude")
    props.pop("longitude")
    if place is not None:  # describe the place the point is, not merely the first one named
        props.update(place=place.name, geonameid=place.geonameid, country=place.country, admin1=place.admin1,
                     place_feature=place.feature)
    else:
        props["place_feature"] = record.first_place.feature if record.first_place else None
    props["mode"] = record.event.mode
    props["actors"] = [a.name for a in record.actors]
    props["recipients"] = [a.name for a in record.recipients]
    props["places"] = [p.name for p in record.places]
    props["geonameids"] = [p.geonameid for p in record.places]
    return {"type": "Feature", "id": f"{record.article_id}:{record.event.id}", "geometry": geometry,
            "properties": props}


def feature_collection(records: list[EventRecord]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [geojson_feature(r) for r in records]}

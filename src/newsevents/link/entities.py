"""Who and where across articles: one key per real-world actor or place, whatever article names it.

Within an article the extractors already group mentions (an actor's or a place's ``mentions``); across
articles an actor is known by its kind and canonical name ("General Motors", "Vladimir Putin"), a place
by its GeoNames id, and a country by its name whether it acts ("the United States said") or is a place
("in the United States"). Linking compares reports with these keys' ingredients; the MEANTIME suite
scores them as cross-document entity coreference.
"""

from __future__ import annotations

from newsevents.link.text import name_key
from newsevents.model import Actor, Place


def actor_key(actor: Actor) -> str:
    if actor.kind == "country":
        return f"country:{name_key(actor.name)}"
    return f"{actor.kind}:{name_key(actor.name)}"


def place_key(place: Place) -> str:
    if place.feature == "country":
        return f"country:{name_key(place.name)}"
    if place.geonameid is not None:
        return f"geo:{place.geonameid}"
    return f"place:{place.feature}:{name_key(place.name)}"

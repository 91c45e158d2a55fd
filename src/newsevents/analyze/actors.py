"""Actors: people, organisations, countries and groups, with mentions merged. (First version.)"""

from __future__ import annotations

from typing import Any

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor
from newsevents.model import Actor

_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group"}


@register_extractor("actors")
def make_actor_extractor(config: dict[str, Any]) -> ActorExtractor:
    return ActorExtractor()


class ActorExtractor:
    def __call__(self, ex: Extraction) -> None:
        by_name: dict[tuple[str, str], Actor] = {}
        for ent in ex.doc.ents:
            kind = _KINDS.get(ent.label_)
            if kind is None:
                continue
            key = (kind, ent.text)
            actor = by_name.get(key)
            if actor is None:
                actor = by_name[key] = Actor(id=ex.new_id("a"), name=ent.text, kind=kind)
                ex.actors.append(actor)
            actor.mentions.append((ent.start_char, ent.end_char))


def actor_for_span(ex: Extraction, start: int, end: int) -> Actor | None:
    """The actor a noun phrase at [start, end) refers to, found or created (events and quotes call this).

    First version: an existing actor whose mention overlaps the span.
    """
    return ex.actor_at(start, end)

"""The shared state of one article's analysis: the parse and everything extracted from it so far."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from newsevents.model import Actor, Analysis, Article, Event, Incident, Place, Quantity, Quote, TimeRef


@dataclass
class Extraction:
    article: Article
    doc: Doc
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    # Scratch space for extractors to hand richer, non-serialised results to later ones
    # (e.g. token-level links). Keys are namespaced by the extractor's name.
    notes: dict[str, Any] = field(default_factory=dict)
    _counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def new_id(self, prefix: str) -> str:
        """Ids unique within one analysis: a1, a2 for actors, p1 for places, e1 for events..."""
        self._counters[prefix] += 1
        return f"{prefix}{self._counters[prefix]}"

    def char_span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    # Lookups later extractors need: which record covers a character span.
    def actor_at(self, start: int, end: int) -> Actor | None:
        return _covering(self.actors, start, end)

    def place_at(self, start: int, end: int) -> Place | None:
        return _covering(self.places, start, end)

    def actor_by_id(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def place_by_id(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def to_analysis(self) -> Analysis:
        return Analysis(
            article=self.article,
            actors=self.actors,
            places=self.places,
            times=self.times,
            quotes=self.quotes,
            quantities=self.quantities,
            events=self.events,
            incidents=self.incidents,
        )


def _covering(records: list[Any], start: int, end: int) -> Any:
    """The record with a mention overlapping [start, end), preferring the tightest overlap."""
    best, best_overlap = None, 0
    for rec in records:
        for s, e in rec.mentions:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = rec, overlap
    return best

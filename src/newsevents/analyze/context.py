"""The shared state of one article's analysis: the parse and everything extracted from it so far."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
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
    _actor_index: _RecordIndex = field(default_factory=lambda: _RecordIndex(), repr=False, compare=False)
    _place_index: _RecordIndex = field(default_factory=lambda: _RecordIndex(), repr=False, compare=False)

    def new_id(self, prefix: str) -> str:
        """Ids unique within one analysis: a1, a2 for actors, p1 for places, e1 for events..."""
        self._counters[prefix] += 1
        return f"{prefix}{self._counters[prefix]}"

    def char_span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    # Lookups later extractors need: which record covers a character span.
    # Records may be appended, removed or replaced and their mentions changed in place at any time
    # (extractors call each other lazily), so every lookup checks its index against the lists first.
    def actor_at(self, start: int, end: int) -> Actor | None:
        return self._actor_index.covering(self.actors, start, end)

    def place_at(self, start: int, end: int) -> Place | None:
        return self._place_index.covering(self.places, start, end)

    def actor_by_id(self, actor_id: str) -> Actor | None:
        return self._actor_index.by_id(self.actors, actor_id)

    def place_by_id(self, place_id: str) -> Place | None:
        return self._place_index.by_id(self.places, place_id)

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


_ID = attrgetter("id")
_MENTIONS = attrgetter("mentions")


class _RecordIndex:
    """Ids and mention spans of one list of records (actors or places), rebuilt when the list changes.

    Extractors append and remove records and insert or drop mentions on records already listed, so
    neither the list's identity nor its length says whether an index is current. Each lookup instead
    compares a snapshot of what the index was built from (the ids, or every record's mentions) with the
    list as it is now; the comparison runs in C and costs a fraction of a scan in Python. Answers are
    the scan's: the first record with an id; the record with the largest overlap, the first on ties.
    """

    def __init__(self) -> None:
        self._ids: tuple[Any, ...] | None = None
        self._position_of_id: dict[Any, int] = {}
        self._mentions: tuple[tuple[tuple[int, int], ...], ...] | None = None
        self._spans: list[tuple[int, int, int]] = []  # (start, end, record position), sorted
        self._starts: list[int] = []
        self._longest = 0

    def by_id(self, records: list[Any], record_id: str) -> Any:
        ids = tuple(map(_ID, records))
        if ids != self._ids:
            self._ids = ids
            # Filled from the end, so a repeated id keeps its first position.
            self._position_of_id = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1)))
        pos = self._position_of_id.get(record_id)
        return None if pos is None else records[pos]

    def covering(self, records: list[Any], start: int, end: int) -> Any:
        """The record with a mention overlapping [start, end), preferring the tightest overlap."""
        mentions = tuple(map(tuple, map(_MENTIONS, records)))
        if mentions != self._mentions:
            self._build_spans(mentions)
        # Only a mention starting less than the longest mention's length before ``start`` can reach it.
        lo = bisect.bisect_right(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        best_pos, best_overlap = -1, 0
        for s, e, pos in self._spans[lo:hi]:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap or overlap == best_overlap and 0 < overlap and pos < best_pos:
                best_pos, best_overlap = pos, overlap
        return records[best_pos] if best_pos >= 0 else None

    def _build_spans(self, mentions: tuple[tuple[tuple[int, int], ...], ...]) -> None:
        self._mentions = mentions
        self._spans = sorted((s, e, pos) for pos, spans in enumerate(mentions) for s, e in spans)
        self._starts = [s for s, _, _ in self._spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)

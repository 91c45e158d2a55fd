"""Whether two reports tell of the same real-world event, as a score (higher: more evidence) or a veto.

Hard incompatibilities veto a pair whatever else agrees: types from different families, date ranges
that do not meet, places that cannot be one place. Everything else adds evidence: the same type, the
same place (or one inside the other), the same exact day, matching casualty figures, shared actors and
shared words. Figures that disagree a little are expected (tolls rise, sources differ) and only a wild
mismatch counts against a pair. The weights live in ``LinkConfig`` so they can be set, not edited.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsevents.link.places import Relation, best_relation
from newsevents.link.reports import IMPLICIT, MENTION, Figure, Report

# PLOVER types that one event can be coded as by different readers: "troops stormed the building" is an
# ASSAULT to one and a COERCE (seize) to another. Types in no family are compatible only with themselves.
TYPE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"ASSAULT", "COERCE"}),
    frozenset({"AGREE", "CONSULT", "COOPERATE"}),
    frozenset({"ACCUSE", "REJECT", "THREATEN"}),
    frozenset({"AID", "SUPPORT"}),
    frozenset({"RETREAT", "CONCEDE"}),
    frozenset({"MOBILIZE", "THREATEN"}),
)
# What an event-less article counting casualties can be.
VIOLENT = frozenset({"ASSAULT", "COERCE"})


@dataclass(frozen=True)
class LinkConfig:
    """How linking decides; every default is documented in docs/linking.md."""

    window_days: int = 7  # a report links only to events within this many days of its publication
    threshold: float = 1.2  # evidence a report needs to join a canonical event
    mention_threshold: float = 1.4  # a mention (no coded event of its own) needs more
    # evidence weights
    same_type: float = 0.3
    related_type: float = 0.2
    same_sub_type: float = 0.2
    same_day: float = 0.4
    # Reports of one event cluster on the day it happened and the day after; two reports published the same
    # day agree on their date more closely than their day ranges (the publication day and the one before) say,
    # and reports published days apart are mostly different events of a recurring kind.
    same_published_day: float = 0.3
    published_apart: float = -0.2  # per day of publication gap beyond the first
    place_same: float = 1.0
    place_near: float = 0.3
    place_contains: float = 0.0
    place_country: float = 0.1
    figures_equal: float = 0.7
    figures_close: float = 0.35
    figures_apart: float = -0.7
    # Figures within this ratio are close (sources differ, tolls rise: 14 and 19); beyond the other,
    # apart (2 and 7 are two events more often than one toll seen twice).
    figures_close_ratio: float = 1.5
    figures_apart_ratio: float = 2.5
    shared_actor: float = 0.4
    shared_actor_group: float = 0.15
    shared_recipient: float = 0.3
    words: float = 2.0  # times the Dice overlap of the reports' words
    same_article: float = -0.8  # one article coding two events usually means two events
    # An outlet seldom reports one event again on another day except as an update (near-identical words);
    # different days from one outlet are mostly its recurring reports ("N killed in the past day").
    same_outlet_other_day: float = -1.0
    # A periodic tally ("N killed in the past day") sums a period's incidents; a report of one incident is
    # seldom the same event as the tally that counts it among others.
    tally_and_incident: float = -0.4
    # stories
    story_threshold: float = 1.4
    story_days: int = 3  # canonical events this many days apart can still be one story
    max_story_days: int = 21  # a story never spans more than this many days


def families(type_: str | None) -> frozenset[str]:
    """The groups of mutually compatible types a type is in (blocking keys: a report is compared only
    with events of its own families). No type (an implicit report) counts as violent."""
    if type_ is None:
        return frozenset({"ASSAULT"})
    found = {min(f) for f in TYPE_FAMILIES if type_ in f}
    return frozenset(found or {type_})


def type_affinity(a: Report, b: Report, cfg: LinkConfig) -> float | None:
    """Evidence from the two types; None when they cannot be one event."""
    if a.type and b.type:
        if a.type == b.type:
            bonus = cfg.same_sub_type if a.acled_sub_type and a.acled_sub_type == b.acled_sub_type else 0.0
            return cfg.same_type + bonus
        if any(a.type in f and b.type in f for f in TYPE_FAMILIES):
            return cfg.related_type
        return None
    typed = a.type or b.type
    untyped = b if a.type else a
    if untyped.kind == IMPLICIT and (typed is None or typed in VIOLENT):
        return 0.0
    if untyped.kind == MENTION:
        return 0.0
    return None


def dates_meet(a: Report, b: Report) -> bool:
    if a.day_start is None or b.day_start is None:
        return True  # no date at all: the window never brought them together unless something else did
    return a.day_start <= b.day_end and b.day_start <= a.day_end  # type: ignore[operator]


def figure_affinity(a: Figure | None, b: Figure | None, cfg: LinkConfig) -> float:
    """Casualty figures: equal, close (a toll that rose, 'at least 6' vs 7), or far apart."""
    if a is None or b is None:
        return 0.0
    lo_a, lo_b = a.low, b.low
    if lo_a == lo_b:
        return cfg.figures_equal
    hi_a, hi_b = a.high, b.high
    # ranges that meet ("at least 6" and 7; 5–8 and 6)
    if (hi_a is None or lo_b <= hi_a) and (hi_b is None or lo_a <= hi_b):
        return cfg.figures_close
    small, large = sorted((lo_a, lo_b))
    if small > 0 and large / small <= cfg.figures_close_ratio:
        return cfg.figures_close
    if small == 0 or large / small >= cfg.figures_apart_ratio:
        return cfg.figures_apart
    return 0.0


@dataclass
class Vocabulary:
    """How many reports use each word, so a rare shared word ("Yelenovka", "convoy") counts for more than
    one every report of a feed repeats ("destroyed", "forces").

    Weights are read from a snapshot taken by ``freeze()`` (the linker takes one per chunk of articles),
    so comparisons within a chunk use one set of weights and each word's weight is computed once.
    """

    df: dict[str, int] = field(default_factory=dict)
    reports: int = 0
    _idf: dict[str, float] = field(default_factory=dict, repr=False)
    _totals: dict[frozenset[str], float] = field(default_factory=dict, repr=False)
    _frozen_reports: int = field(default=-1, repr=False)

    def freeze(self) -> None:
        self._idf.clear()
        self._totals.clear()
        self._frozen_reports = self.reports

    def idf(self, word: str) -> float:
        weight = self._idf.get(word)
        if weight is None:
            n = self._frozen_reports if self._frozen_reports >= 0 else self.reports
            # No +1 floor: a word in most reports weighs almost nothing; the epsilon keeps sums positive.
            weight = self._idf[word] = math.log((n + 2) / (self.df.get(word, 0) + 1)) + 0.05
        return weight

    def add(self, words: Iterable[str], sign: int = 1) -> None:
        for w in words:
            n = self.df.get(w, 0) + sign
            if n > 0:
                self.df[w] = n
            else:
                self.df.pop(w, None)
        self.reports = max(0, self.reports + sign)

    def _total(self, words: frozenset[str]) -> float:
        total = self._totals.get(words)
        if total is None:
            total = self._totals[words] = sum(self.idf(w) for w in words)
        return total

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Dice coefficient of two word sets, each word weighted by its idf (0 when either is empty)."""
        if not a or not b:
            return 0.0
        shared = a & b
        if not shared:
            return 0.0
        return 2 * sum(self.idf(w) for w in shared) / (self._total(a) + self._total(b))


_PLAIN = Vocabulary()


# How much a shared place says, by how fine the coarser of the two places is: the same town says more
# than the same province, which says more than the same named region.
_GRAIN = {6: 1.0, 5: 1.0, 4: 1.0, 3: 0.5, 2: 0.3, 1: 1.0, 0: 0.0}


def place_evidence(a: Report, b: Report, cfg: LinkConfig) -> float | None:
    relation, grain = best_relation(a.places, b.places)
    if relation is Relation.CONFLICT:
        return None
    base = {Relation.SAME: cfg.place_same, Relation.NEAR: cfg.place_near, Relation.CONTAINS: cfg.place_contains,
            Relation.COUNTRY: cfg.place_country}.get(relation, 0.0)
    return base * _GRAIN.get(grain, 1.0)


def score(a: Report, b: Report, cfg: LinkConfig, vocabulary: Vocabulary = _PLAIN) -> float | None:
    """Evidence that ``a`` and ``b`` report one event; None when they cannot."""
    typed = type_affinity(a, b, cfg)
    if typed is None or not dates_meet(a, b) or different_tallies(a, b):
        return None
    place = place_evidence(a, b, cfg)
    if place is None:
        return None
    total = typed + place
    if a.exact_day is not None and a.exact_day == b.exact_day:
        total += cfg.same_day
    total += publication_affinity(a, b, cfg)
    total += figure_affinity(a.fatalities, b.fatalities, cfg)
    if set(a.actors) & set(b.actors):
        total += cfg.shared_actor
    elif set(a.actor_groups) & set(b.actor_groups):
        total += cfg.shared_actor_group
    if set(a.recipients) & set(b.recipients):
        total += cfg.shared_recipient
    total += cfg.words * vocabulary.overlap(a.words, b.words)
    if a.tally != b.tally:
        total += cfg.tally_and_incident
    if a.article_id == b.article_id:
        total += cfg.same_article
    elif a.outlet and a.outlet == b.outlet and a.published_day != b.published_day:
        total += cfg.same_outlet_other_day
    return total


def different_tallies(a: Report, b: Report) -> bool:
    """Two periodic tallies ("N killed in the past day") published on different days count different
    periods: never one event, however alike their words (a feed's daily summaries all read the same)."""
    return a.tally and b.tally and a.published_day != b.published_day


def publication_affinity(a: Report, b: Report, cfg: LinkConfig) -> float:
    """Evidence from the two publication days."""
    pa, pb = a.published_day, b.published_day
    if pa is None or pb is None:
        return 0.0
    gap = abs(pa - pb)
    if gap == 0:
        return cfg.same_published_day
    return cfg.published_apart * (gap - 1)


def needed(report: Report, cfg: LinkConfig) -> float:
    """The score a report needs to join a canonical event."""
    return cfg.threshold if report.kind != MENTION else cfg.mention_threshold


def canonical_score(report: Report, members: list[Report], cfg: LinkConfig,
                    vocabulary: Vocabulary = _PLAIN) -> float | None:
    """Evidence that ``report`` belongs with these reports of one event: the best evidence with any of
    them, provided its dates meet every one of theirs (so an event never creeps from day to day through
    a chain of reports) and most of them do not rule it out otherwise (one noisy member neither admits
    nor blocks a report alone)."""
    best, vetoes = None, 0
    for member in members:
        if not dates_meet(report, member):
            return None
        s = score(report, member, cfg, vocabulary)
        if s is None:
            vetoes += 1
        elif best is None or s > best:
            best = s
    if best is None or 2 * vetoes > len(members):
        return None
    return best


def story_score(a: Report, b: Report, cfg: LinkConfig, vocabulary: Vocabulary = _PLAIN) -> float | None:
    """Looser evidence that two reports belong to one story (different events, one development)."""
    if a.day_start is not None and b.day_start is not None:
        gap = max(a.day_start - b.day_end, b.day_start - a.day_end)  # type: ignore[operator]
        if gap > cfg.story_days:
            return None
    place = place_evidence(a, b, cfg)
    if place is None:
        return None
    total = place
    if set(a.actors) & set(b.actors):
        total += cfg.shared_actor
    if set(a.recipients) & set(b.recipients):
        total += cfg.shared_recipient
    total += cfg.words * vocabulary.overlap(a.words, b.words)
    return total

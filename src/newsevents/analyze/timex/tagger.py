"""The time expression tagger: atoms -> composed expressions -> values anchored in the text's timeline.

``tag(text, published, doc)`` returns every time expression with its TIMEX3 type, value, mod and the
schema's precision. The parse (``doc``) is optional: it gives the clause tense for weekdays and
month names ("talks on Monday" -> the coming Monday) and filters bare numbers that are counts, not
years ("2000 troops"). Without a publication date, relative expressions keep value None and say why.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Token

from newsevents.analyze.timex.calendar import Point, Unresolvable, point_from_value, precision_of, shift
from newsevents.analyze.timex.compose import Candidate, compose
from newsevents.analyze.timex.grammar import find_atoms
from newsevents.analyze.timex.resolve import Anchors, resolve
from newsevents.analyze.timex.spec import Spec
from newsevents.analyze.timex.tense import clause_tense

TIMEX3_TYPE = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}
_DAY_GRANS = ("day", "pod", "hour", "minute")
# Words before a number that make it a label, not a year: "Resolution 2334", "flight 1549", "No. 1999".
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|numbers|resolution|resolutions|flight|route|article|articles|section|room|highway|chapter"
    r"|page|pages|boeing|airbus|model|apollo|vol|volume|order|decree|law|bill|rule|item|case|code|grade|level"
    r"|station|unit|platform|gate|exit|suite|lot|tu|mig|su|il|an|tank|version|windows|office|psalm|psalms)\.?"
    r"|[#№:/])\s*\Z",
    re.IGNORECASE,
)


@dataclass
class Timex:
    start: int
    end: int
    text: str
    kind: str  # date | time | duration | set
    value: str | None
    precision: str
    mod: str | None
    spec: Spec
    # How the value was anchored: "self" (absolute), "publication" (counted from the publication date),
    # "text" (counted from a time mentioned earlier), or "unresolved".
    anchor: str = "self"
    unresolved: str | None = None  # why value is None
    # An interval's two ends as written ("from Sept. 14 to Thursday"): (start, end, value) each.
    parts: list[tuple[int, int, str | None]] | None = None

    @property
    def timex3_type(self) -> str:
        return TIMEX3_TYPE[self.kind]

    @cached_property
    def point(self) -> Point | None:
        """The value as a calendar point (None for durations, sets, PRESENT_REF, decades, intervals)."""
        return point_from_value(self.value)


def _needs_anchor(spec: Spec) -> str:
    if spec.end is not None:
        return max(_needs_anchor(spec.end), _needs_anchor(Spec(**{**spec.__dict__, "end": None})),
                   key=("self", "publication", "text").index)
    if spec.value is not None and spec.unit is None and not spec.has_calendar:
        return "self"
    if spec.anaphoric:
        return "text"
    if spec.unit is not None or spec.year is None:
        return "publication"
    return "self"


class TimexTagger:
    def tag(self, text: str, published: date | None, doc: Doc | None = None) -> list[Timex]:
        cands = compose(text, find_atoms(text))
        cands = [c for c in cands if self._plausible(text, c, doc)]
        sentences = _sentence_starts(text, doc)
        anchors = Anchors(dct=published)
        out: list[Timex | None] = [None] * len(cands)
        clock_only = []
        ref_sentence = -10
        for i, c in enumerate(cands):
            if c.spec.has_clock and not c.spec.has_calendar and c.spec.unit is None and c.spec.end is None:
                clock_only.append(i)
                continue
            sentence = bisect.bisect_right(sentences, c.start) - 1
            anchors.ref_recent = sentence - ref_sentence <= 1
            t = out[i] = self._resolve(text, c, anchors, doc)
            if c.parts:
                t.parts = [(s, e, self._resolve(text, Candidate(s, e, spec), anchors, doc).value)
                           for s, e, spec in c.parts]
            if _sets_reference(t) and not _COMPARED.search(text, max(0, c.start - 16), c.start):
                anchors.refs.append(t.point)
                ref_sentence = sentence
        for i in clock_only:
            c = cands[i]
            anchors.near_day = _near_day(cands, out, i, sentences)
            out[i] = self._resolve(text, c, anchors, doc)
        found = [t for t in out if t is not None]
        if doc is not None:
            found = [_anchored_to_event(text, doc, t, found) or t for t in found]
        return found

    def _resolve(self, text: str, c: Candidate, anchors: Anchors, doc: Doc | None) -> Timex:
        tense: Callable[[], int | None] = (lambda: clause_tense(doc, c.start, c.end)) if doc is not None \
            else (lambda: None)
        how = _needs_anchor(c.spec)
        if c.spec.has_clock and not c.spec.has_calendar and c.spec.unit is None:
            how = "text" if anchors.near_day is not None else "publication"
        if how == "text" and anchors.ref is None:
            how = "publication"
        value: str | None
        reason = None
        try:
            value = resolve(c.spec, anchors, tense)
        except Unresolvable as exc:
            value, reason, how = None, str(exc), "unresolved"
        except (OverflowError, ValueError) as exc:  # arithmetic at the ends of the calendar
            value, reason, how = None, f"off the calendar: {exc}", "unresolved"
        return Timex(c.start, c.end, text[c.start:c.end], c.spec.kind, value,
                     precision_of(value, c.spec.kind), c.spec.mod, c.spec, how, reason)

    @staticmethod
    def _plausible(text: str, c: Candidate, doc: Doc | None) -> bool:
        """Bare four-digit numbers are years unless they label something or count something."""
        if c.spec.rule != "year_bare":
            return True
        if _LABEL_BEFORE.search(text, max(0, c.start - 16), c.start):
            return False
        if _COUNTED_AFTER.match(text, c.end):
            return False  # "the 2000 km pipeline", "1500 people": a count (edited news writes 1,500)
        year = c.spec.year or 0
        if not 1800 <= year <= 2100 and not _YEAR_CUE.search(text, max(0, c.start - 12), c.start):
            return False  # "1000 megawatt": far from now and no "in", "since"... before it
        if doc is None:
            return True
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            return True
        tok = span.root
        return not (tok.dep_ == "compound" and tok.head.pos_ == "NUM")


# A time after "from", "than", "compared with" is a point of comparison ("sales fell from the previous
# year"): the text does not move to it, so later anaphora do not count from it.
_COMPARED = re.compile(r"\b(?:from|than|compared\s+(?:to|with)|versus|vs\.?)\s+\Z", re.IGNORECASE)
_BEFORE_AFTER = re.compile(r"[ \t]+(?P<w>before|after|prior[ \t]+to|ahead[ \t]+of|following|preceding)[ \t]+", re.I)
_STEP = re.compile(r"^P(\d{1,4})([DWMY])$")


def _anchored_to_event(text: str, doc: Doc, t: Timex, found: list[Timex]) -> Timex | None:
    """ "one day before the scheduled negotiations": a date, when the text dates the negotiations.

    A length of time followed by "before"/"after" and a noun phrase is counted from the event that noun
    phrase names, if another expression in the text dates an event of the same word ("negotiations
    scheduled for June 2", "negotiated on June 2"). The expression then spans the noun phrase's head.
    """
    if t.kind != "duration" or not t.value:
        return None
    step = _STEP.match(t.value)
    m = _BEFORE_AFTER.match(text, t.end)
    if step is None or m is None:
        return None
    prep = doc.char_span(m.start("w"), m.end("w"), alignment_mode="expand")
    if prep is None or len(prep) == 0:
        return None
    objects = [c for c in prep[-1].children if c.dep_ in ("pobj", "dobj")]
    if not objects:
        return None
    head = objects[0]
    for other in found:
        p = other.point
        if other is t or p is None or p.gran not in _DAY_GRANS or other.start < head.idx + len(head) and other.end > t.start:
            continue
        span = doc.char_span(other.start, other.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if not any(g.lemma_.lower() == head.lemma_.lower() for g in governors(span.root)):
            continue
        sign = -1 if m["w"].lower().startswith(("before", "prior", "ahead", "preceding")) else 1
        unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}[step.group(2)]
        try:
            day = shift(p.day, unit, sign * int(step.group(1)))
        except Unresolvable:
            return None
        end = head.idx + len(head)
        value = Point(day, "day").value
        return Timex(t.start, end, text[t.start:end], "date", value, precision_of(value, "date"), t.mod,
                     replace(t.spec, kind="date", value=None), "text")
    return None


def governors(tok: Token, steps: int = 4) -> list[Token]:
    """The words a phrase modifies, nearest first: "June 2" in "negotiations scheduled for June 2" ->
    for, scheduled, negotiations. Stops after the first verb that has a subject of its own (a clause)."""
    out: list[Token] = []
    for _ in range(steps):
        if tok.head is tok:
            break
        tok = tok.head
        out.append(tok)
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break
    return out


def _sets_reference(t: Timex) -> bool:
    """Whether later anaphora ("the next day", "a year earlier", "the same month") count from this one.

    Every calendar point the text names does ("June 2", "Sunday", "last month"), except points of
    comparison ("a year earlier", "the year-ago quarter"): the text does not move to them.
    """
    if t.point is None or t.kind not in ("date", "time") or t.spec.end is not None:
        return False
    return not ("keep_gran" in t.spec.notes or "comparison" in t.spec.notes)


# Words after a four-digit number that make it a quantity, not a year.
_COUNTED_AFTER = re.compile(
    r"[ \t-]+(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m|feet|ft|yards|tons?|tonnes?|kg|kilograms?|pounds|lbs"
    r"|megawatts?|mw|gw|kw|kwh|hectares?|acres?|barrels?|lit(?:re|er)s?|gallons?|euros?|dollars?|yuan|rupees"
    r"|people|persons|troops|soldiers|officers|police(?:men)?|residents|workers|employees|jobs|homes|houses"
    r"|families|students|votes|seats|cases|deaths|casualties|refugees|migrants|prisoners|members|vehicles|cars"
    r"|tanks|aircraft|planes|drones|missiles|rockets|shells|points|words|pages|units|copies|children|women|men)\b",
    re.IGNORECASE,
)
_YEAR_CUE = re.compile(r"\b(?:in|since|from|by|until|till|of|during|before|after|around|circa|c\.|year)\s+\Z",
                       re.IGNORECASE)


def _sentence_starts(text: str, doc: Doc | None) -> list[int]:
    if doc is not None:
        return [s.start_char for s in doc.sents]
    return [0] + [m.end() for m in re.finditer(r"[.!?][\"”’)]?\s+(?=[A-Z\"“])|\n+", text)]


def _near_day(cands: list[Candidate], out: list[Timex | None], i: int, starts: list[int]) -> Point | None:
    """The day a bare clock time belongs to: a day named in its sentence, else one just before it."""
    here = bisect.bisect_right(starts, cands[i].start) - 1
    best: tuple[int, Point] | None = None
    previous: Point | None = None
    for j in range(max(0, i - 40), min(len(out), i + 40)):  # neighbours only: a day is named close by
        t = out[j]
        if t is None or j == i:
            continue
        p = t.point
        if p is None or p.gran not in _DAY_GRANS:
            continue
        sent = bisect.bisect_right(starts, cands[j].start) - 1
        if sent == here:
            dist = abs(cands[j].start - cands[i].start)
            if best is None or dist < best[0]:
                best = (dist, Point(p.day, "day"))
        elif sent in (here - 1, here - 2) and j < i:
            previous = Point(p.day, "day")
    if best is not None:
        return best[1]
    return previous

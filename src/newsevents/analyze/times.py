"""Time expressions, normalised against the publication date (TIMEX3-style values), and event dates.

The extractor ("times") runs the rule grammar of ``newsevents.analyze.timex`` over the article text
with the shared parse and appends a ``TimeRef`` per expression: text, span, kind (date | time |
duration | set), value (ISO 8601 / TIMEX3; intervals as start/end) and precision. Relative expressions
in an article without a publication date keep value None and precision "unknown". The richer
``Timex`` records (TIMEX3 mod, how the value was anchored, why it is unresolved) are left for later
extractors in ``ex.notes["times"]``, keyed by the TimeRef id.

``date_for_span`` gives an event its date; the rule is documented on the function.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor
from newsevents.analyze.timex import Timex, TimexTagger, parse_iso_date
from newsevents.analyze.timex.calendar import precision_of
from newsevents.model import TimeRef, When

NOTES_KEY = "times"


@register_extractor("times")
def make_time_extractor(config: dict[str, Any]) -> TimeExtractor:
    return TimeExtractor()


class TimeExtractor:
    def __init__(self) -> None:
        self.tagger = TimexTagger()

    def __call__(self, ex: Extraction) -> None:
        published = parse_iso_date(ex.article.published)
        notes: dict[str, Timex] = ex.notes.setdefault(NOTES_KEY, {})
        for t in self.tagger.tag(ex.article.text, published, ex.doc):
            ref = TimeRef(text=t.text, span=(t.start, t.end), kind=t.kind, value=t.value,
                          precision=t.precision, id=ex.new_id("t"))
            ex.times.append(ref)
            notes[ref.id] = t


# ---------------------------------------------------------------------------------------------- event dates

# Values an event date can take: calendar points and periods (not durations, sets, PRESENT_REF, decades).
_DATE_VALUE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?")
_WHEN_PRECISIONS = {"day", "week", "month", "quarter", "year"}


def date_for_span(ex: Extraction, start: int, end: int, trigger: tuple[int, int] | None = None) -> When:
    """The date of the event read from ``[start, end)`` (its sentence or clause), by this rule:

    1. **Governing expression**: a date or time expression whose syntactic head is reached by walking up
       the dependency tree from the event's trigger (``trigger``, else the root of the span), or one
       attached to a verb on that path ("Lavrov *held* a conversation *on Sunday*"; "the talks
       *scheduled for June 2*"). The closest on the path wins.
    2. **Nearest in the sentence**: else the date expression in the span's sentence(s) nearest to the
       trigger (expressions before the trigger win ties).
    3. **Carried over**: else the last date expression earlier in the same paragraph, or in the two
       sentences before the span ("That same day, drone strikes..." resolves to the day it refers to
       because the expression itself is anaphoric; a sentence with no date takes the last one named).
    4. **Publication date**: else the article's publication date with precision ``unknown`` (a value
       None if the article has no date) -- never silently: the precision says it was not read.

    Only expressions with a calendar value count (durations, sets, "now", decades do not). A time of day
    gives its day. An interval gives its start/end value with the coarser precision.
    """
    candidates = [(t, n) for t in ex.times if (n := _timex_note(ex, t)) is not None and _dates_an_event(t)]
    if candidates:
        anchor = trigger or (start, end)
        governing = _governing(ex, start, end, anchor, candidates)
        if governing is not None:
            return _when(governing)
        in_span = [t for t, _ in candidates if start <= t.span[0] and t.span[1] <= end]
        if in_span:
            mid = (anchor[0] + anchor[1]) / 2
            return _when(min(in_span, key=lambda t: (abs((t.span[0] + t.span[1]) / 2 - mid), t.span[0] > mid)))
        before = [t for t, _ in candidates if t.span[1] <= start and _same_stretch(ex, t.span[1], start)]
        if before:
            return _when(max(before, key=lambda t: t.span[0]))
    published = parse_iso_date(ex.article.published)
    return When(published.isoformat() if published else None, "unknown")


def _timex_note(ex: Extraction, t: TimeRef) -> Timex | None:
    return ex.notes.get(NOTES_KEY, {}).get(t.id) if t.id else None


def _dates_an_event(t: TimeRef) -> bool:
    return t.kind in ("date", "time") and bool(t.value) and bool(_DATE_VALUE.match(t.value or ""))


def _when(t: TimeRef) -> When:
    value = t.value or ""
    if "/" in value:
        a, b = value.split("/", 1)
        a, b = _date_part(a), _date_part(b)
        value = f"{a}/{b}"
    else:
        value = _date_part(value)
    precision = precision_of(value, "date")
    return When(value, precision if precision in _WHEN_PRECISIONS else "unknown")


def _date_part(value: str) -> str:
    # "2025-06-01T15:00" and "2025-06-01TNI" are events of that day; seasons are quarters of a year.
    m = _DATE_VALUE.match(value)
    return m.group(0) if m else value


def _governing(ex: Extraction, start: int, end: int, anchor: tuple[int, int],
               candidates: list[tuple[TimeRef, Timex]]) -> TimeRef | None:
    span = ex.doc.char_span(anchor[0], anchor[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    heads = _timex_heads(ex, candidates)
    path: list[Token] = []
    tok: Token = span.root
    sent_start = tok.sent.start
    for _ in range(20):
        path.append(tok)
        if tok.head is tok:
            break
        tok = tok.head
    # Attached directly under the trigger or a word on its path ("held ... on Sunday").
    for depth, node in enumerate(path):
        for t, head in heads:
            if head.sent.start != sent_start:
                continue
            if _attached_to(head, node) and _inside(t, start, end, ex):
                return t
        if depth > 0 and node.pos_ in ("VERB", "AUX") and node.dep_ in ("ROOT",):
            break
    return None


def _timex_heads(ex: Extraction, candidates: list[tuple[TimeRef, Timex]]) -> list[tuple[TimeRef, Token]]:
    out = []
    for t, _note in candidates:
        tspan: Span | None = ex.doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        if tspan is not None and len(tspan):
            out.append((t, tspan.root))
    return out


def _attached_to(head: Token, node: Token) -> bool:
    """The time expression modifies ``node``: directly, through a preposition, or as a possessive."""
    up = head.head
    if up is node:
        return True
    return up.dep_ in ("prep", "agent") and up.head is node or (head.dep_ == "poss" and up is node)


def _inside(t: TimeRef, start: int, end: int, ex: Extraction) -> bool:
    # The governing expression may sit just outside the evidence span but in the same sentence.
    tspan = ex.doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    espan = ex.doc.char_span(start, end, alignment_mode="expand")
    if tspan is None or espan is None:
        return start <= t.span[0] < end
    return tspan.sent.start <= espan.start < tspan.sent.end or espan.start <= tspan.start < espan.end


def _same_stretch(ex: Extraction, a: int, b: int) -> bool:
    """Positions a < b are in the same paragraph, or at most two sentences apart."""
    text = ex.article.text[a:b]
    if "\n" not in text:
        return True
    return text.count(". ") + text.count("\n") <= 2

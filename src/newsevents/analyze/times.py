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
from datetime import date
from typing import Any

from spacy.tokens import Span, Token

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor
from newsevents.analyze.timex import Timex, TimexTagger, parse_iso_date
from newsevents.analyze.timex.calendar import point_from_value, precision_of, start_of
from newsevents.analyze.timex.tagger import governors
from newsevents.analyze.timex.tense import FUTURE, verb_tense
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
# Verbs of saying: a date on them is when something was said, not when what was said happened.
_SPEECH = {"say", "tell", "report", "announce", "claim", "add", "state", "confirm", "deny", "note", "write",
           "declare", "insist", "warn", "allege", "acknowledge", "explain", "reveal", "disclose", "accuse"}


def date_for_span(ex: Extraction, start: int, end: int, trigger: tuple[int, int] | None = None) -> When:
    """The date of the event read from ``[start, end)`` (its evidence: a clause or sentence), by this rule:

    1. **Governing expression**: walking up the dependency tree from the event's trigger (``trigger``,
       else the head of the span) to its sentence's root, the first word on the way that a date or time
       expression modifies -- directly ("said Sunday"), through a preposition ("held a conversation *on
       Sunday*"), a possessive ("*Sunday's* attack") or a participle ("negotiations *scheduled for June 2*").
       A date on a verb of saying that the trigger depends on ("officials said on Monday that the bridge
       was destroyed") is when it was said, not when it happened: it is kept for step 4 only.
    2. **Nearest loose one in the sentence**: else the date expression in the trigger's sentence nearest
       to the trigger (the earlier one on a tie) among those that modify no other noun or verb: a date on
       another event's word ("negotiations *scheduled for June 2*") is that event's.
    3. **Carried over**: else the last date expression earlier in the same paragraph (a sentence with no
       date of its own continues the time of the one before it).
    4. **Date of saying**: else the date on the verb of saying from step 1 (the event was reported then,
       so it happened by then).
    5. **Publication date**: else the article's publication date with precision ``unknown`` (value None
       if the article has no date): never silently -- the precision says the date was not read.

    An event still to come (a future-tense verb; a noun marked "upcoming", "imminent", "scheduled"...)
    takes no date before the publication date.

    Anaphoric expressions ("that same day", "the next day", "one day before the scheduled
    negotiations") already carry the date they refer to. Only expressions with a calendar value count:
    not durations, sets, "now" or decades. A time of day gives its day; an interval its start/end.
    """
    dated = [t for t in ex.times if _dates_an_event(t)]
    published = parse_iso_date(ex.article.published)
    fallback = When(published.isoformat() if published else None, "unknown")
    if not dated:
        return fallback
    doc = ex.doc
    anchor = doc.char_span(*(trigger or (start, end)), alignment_mode="expand")
    if anchor is None or len(anchor) == 0:
        return fallback
    head = anchor.root
    sent = head.sent
    if published is not None and _in_future(head):
        # A planned event ("the imminent talks", "will meet") cannot have happened before publication.
        dated = [t for t in dated if _not_before(t.value or "", published)]
        if not dated:
            return fallback
    in_sentence = [(t, root) for t in dated if (root := _root(ex, t)) is not None and root.sent == sent]
    said: TimeRef | None = None
    speech_tokens: set[int] = set()
    # 1. governing
    path = [head, *_ancestors(head)]
    for depth, node in enumerate(path):
        attached = [t for t, root in in_sentence if node in governors(root)[:_reach(root)]]
        is_speech = depth > 0 and node.lemma_.lower() in _SPEECH and node.pos_ == "VERB"
        if is_speech:
            speech_tokens.add(node.i)
            if attached and said is None:
                said = min(attached, key=lambda t: abs(t.span[0] - head.idx))
            continue
        if attached:
            return _when(min(attached, key=lambda t: abs(t.span[0] - head.idx)))
    # 2. nearest in the sentence among those that modify no other word of substance (the parse left them
    #    loose, or they hang on a function word); one on another event's word belongs to that event.
    on_path = {tok.i for tok in path}
    free = [t for t, root in in_sentence
            if not any(g.i in speech_tokens or g.i not in on_path and g.pos_ in ("NOUN", "PROPN", "VERB")
                       for g in governors(root)[:_reach(root)])]
    if free:
        return _when(min(free, key=lambda t: (abs(t.span[0] - head.idx), t.span[0] > head.idx)))
    # 3. carried over from earlier in the paragraph
    paragraph_start = ex.article.text.rfind("\n", 0, sent.start_char) + 1
    before = [t for t in dated if paragraph_start <= t.span[0] and t.span[1] <= sent.start_char]
    if before:
        return _when(max(before, key=lambda t: t.span[0]))
    # 4. when it was said
    if said is not None:
        return _when(said)
    return fallback


_FUTURE_MODIFIERS = {"imminent", "upcoming", "planned", "scheduled", "proposed", "forthcoming", "coming", "future",
                     "next", "expected", "prospective", "impending", "possible", "potential"}


def _in_future(head: Token) -> bool:
    """The trigger names an event still to come: a future-tense verb, or a noun marked as upcoming."""
    if head.pos_ in ("VERB", "AUX"):
        return verb_tense(head) == FUTURE
    return any(c.dep_ in ("amod", "compound", "acl") and c.lemma_.lower() in _FUTURE_MODIFIERS for c in head.children)


def _not_before(value: str, day: date) -> bool:
    """The period ``value`` names (its end, for an interval) reaches ``day`` or later."""
    p = point_from_value(_date_part(value.split("/")[-1]))
    if p is None:
        return True
    gran = "day" if p.gran in ("pod", "hour", "minute") else p.gran
    return p.day >= start_of(day, gran)


def _ancestors(tok: Token) -> list[Token]:
    out = []
    while tok.head is not tok and len(out) < 30:
        tok = tok.head
        out.append(tok)
    return out


def _root(ex: Extraction, t: TimeRef) -> Token | None:
    span: Span | None = ex.doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _reach(root: Token) -> int:
    """How far up a time expression's attachment is followed: through a preposition and a participle
    ("for" -> "scheduled" -> "negotiations"), but only to the next word for a bare one ("said Sunday")."""
    return 3 if root.head.dep_ in ("prep", "agent") or root.dep_ == "pobj" else 1


def _dates_an_event(t: TimeRef) -> bool:
    return t.kind in ("date", "time") and bool(t.value) and bool(_DATE_VALUE.match(t.value or ""))


def _when(t: TimeRef) -> When:
    value = t.value or ""
    if "/" in value:
        a, b = value.split("/", 1)
        value = f"{_date_part(a)}/{_date_part(b)}"
    else:
        value = _date_part(value)
    precision = precision_of(value, "date")
    return When(value, precision if precision in _WHEN_PRECISIONS else "unknown")


def _date_part(value: str) -> str:
    # "2025-06-01T15:00" and "2025-06-01TNI" are events of that day.
    m = _DATE_VALUE.match(value)
    return m.group(0) if m else value

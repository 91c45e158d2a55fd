"""Status of an event from the grammar around its trigger: occurred, planned, threatened, denied, claimed,
hypothetical or negated, and the word of whoever reports it.

The walk starts at the trigger's predicate and climbs the clause chain (complements, adverbial clauses,
conjuncts) to the sentence root; the innermost modality wins ("X said talks will be held" is planned,
reported by X), and a reporting verb on the way makes an otherwise plain event "claimed".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsevents.events.lexicon import (
    DENIAL_WORDS,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    PLAN_WORDS,
    PLANNED_MODIFIERS,
    REFUSAL_WORDS,
    REPORT_WORDS,
)
from newsevents.events.triggers import lemma

_CLIMB = frozenset("xcomp ccomp advcl conj acl relcl pcomp prep pobj dobj nsubj nsubjpass agent attr "
                   "oprd appos dep parataxis npadvmod".split())
_CONDITIONAL_MARKS = frozenset(("if", "unless", "whether"))
_CLAIM_ADVERBS = frozenset(("reportedly", "allegedly", "purportedly", "supposedly", "apparently"))
_THREAT_WORDS = frozenset(("threaten", "vow", "warn"))
_REPORT = REPORT_WORDS | {"assure", "promise", "quote", "cite", "estimate", "accord", "believe", "suspect"}
_MAX_STEPS = 8
_PLANNED_WORDS = PLANNED_MODIFIERS | {"schedule", "plan", "expect"}


@dataclass
class StatusReading:
    status: str = "occurred"
    reporter: Token | None = None  # head of the noun phrase that reports or claims the event
    context: tuple[str, ...] = ()


def read_status(trigger: Token, predicate: Token) -> StatusReading:
    """The status of the event whose trigger word is ``trigger``, governed by ``predicate``."""
    reading = StatusReading()
    if _negated_noun(trigger):
        return StatusReading("negated", context=("negation",))
    if trigger.i != predicate.i:
        # A noun's own modifiers come first: "the imminent talks", "talks scheduled for Monday".
        for c in trigger.children:
            if c.dep_ in ("amod", "acl", "compound") and lemma(c) in _PLANNED_WORDS:
                return StatusReading("planned", context=("future",))
    modality: str | None = None
    node = predicate
    child_dep = trigger.dep_ if trigger.i != predicate.i else None
    for _ in range(_MAX_STEPS):
        found = _modality_at(node, child_dep, reading)
        if found and modality is None:
            modality = found
            if found in ("negated", "denied", "hypothetical"):
                break
        if node.dep_ == "ROOT" or node.head.i == node.i or node.dep_ not in _CLIMB:
            break
        child_dep = node.dep_
        node = node.head
    _according_to(predicate, reading)
    if modality is not None:
        reading.status = modality
    elif reading.reporter is not None or "reported" in reading.context:
        reading.status = "claimed"
    reading.context += _CONTEXT_OF.get(reading.status, ())
    return reading


_CONTEXT_OF = {"planned": ("future",), "hypothetical": ("hypothetical",), "negated": ("negation",)}


def _modality_at(node: Token, child_dep: str | None, reading: StatusReading) -> str | None:
    """The modality a clause node imposes on what it governs (``child_dep``: how we arrived)."""
    lem = lemma(node)
    children = list(node.children)
    # What the node itself says about its complement.
    if child_dep in ("xcomp", "ccomp", "dobj", "prep", "pcomp", "advcl") or child_dep is None:
        if child_dep is not None and lem in REFUSAL_WORDS:
            return "negated"
        if child_dep is not None and lem in DENIAL_WORDS:
            reading.reporter = _subject(node)
            return "denied"
        if child_dep is not None and lem in _THREAT_WORDS:
            return "threatened"
        if child_dep is not None and lem in PLAN_WORDS:
            return "planned"
        if child_dep in ("ccomp", "advcl", "dobj") and lem in _REPORT and reading.reporter is None:
            subject = _subject(node)
            if subject is not None:
                reading.reporter = subject
            else:
                reading.context += ("reported",)
    if child_dep == "nsubjpass" and lem in PLAN_WORDS:
        return "planned"  # "talks are scheduled for Monday"
    for c in children:
        clem = c.lower_
        if c.dep_ == "neg" and child_dep in (None, "xcomp", "conj", "pobj", "dobj", "prep", "advcl", "nsubj",
                                                  "nsubjpass"):
            return "negated"
        if c.dep_ in ("aux", "auxpass"):
            if clem in FUTURE_AUX:
                return "planned"
            if clem in HYPOTHETICAL_AUX:
                # "said the attacks would be investigated": future seen from a past report.
                if clem == "would" and node.dep_ == "ccomp" and lemma(node.head) in _REPORT:
                    return "planned"
                return "hypothetical"
            if lemma(c) == "go" and c.tag_ == "VBG":
                return "planned"
        if c.dep_ == "mark" and clem in _CONDITIONAL_MARKS:
            return "hypothetical"
        if c.dep_ == "advmod" and clem in _CLAIM_ADVERBS:
            reading.context += ("reported",)
        if c.dep_ in ("amod", "acl") and lemma(c) in _PLANNED_WORDS and child_dep is None:
            return "planned"
    # "X is going to attack": the trigger is the complement of "going".
    if lem == "go" and node.tag_ == "VBG" and child_dep == "xcomp":
        return "planned"
    if lem == "be" and child_dep == "xcomp" and any(c.lower_ in ("set", "due") for c in children):
        return "planned"
    return None


def _negated_noun(trigger: Token) -> bool:
    """ "no attacks were reported", "without any fighting" """
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in trigger.children):
        return True
    head = trigger.head
    return trigger.dep_ == "pobj" and head.lower_ == "without"


def _subject(node: Token) -> Token | None:
    for c in node.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def _according_to(predicate: Token, reading: StatusReading) -> None:
    """ "according to X", anywhere in the sentence, names who reports it."""
    if reading.reporter is not None:
        return
    for tok in predicate.sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            pobj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
            if pobj is not None:
                reading.reporter = pobj
                return

"""The tense of the clause a time expression belongs to, read from the dependency parse.

Walk up from the expression's head to the first verb whose tense can be told: "will"/"shall" and
modals -> future; a perfect ("has risen") or a simple past -> past; "scheduled"/"expected"/"due" and
infinitives under "plan", "expect", "agree" -> future; a present tense -> present. Returns -1 (past),
0 (present), +1 (future) or None (no verb, or nothing to tell).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

PAST, PRESENT, FUTURE = -1, 0, 1

# Modals other than "will"/"shall" ("could", "would", "may") say nothing reliable about the time.
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "going"}
# Participles and adjectives that put what they govern in the future: "talks scheduled for June 2".
_FUTURE_PARTICIPLES = {"schedule", "slate", "plan", "expect", "due", "intend", "poise", "likely", "upcoming",
                       "forthcoming", "expected", "scheduled", "planned"}
# Verbs whose infinitive complement is in the future: "agreed to meet on Monday".
_FUTURE_HEADS = {"plan", "expect", "schedule", "intend", "hope", "aim", "prepare", "agree", "want", "seek", "vow",
                 "pledge", "promise", "threaten", "decide", "try", "attempt", "go", "be", "slate", "set", "due",
                 "likely", "ready", "propose", "offer", "wish", "need", "urge", "ask", "call", "invite", "announce"}


def clause_tense(doc: Doc, start: int, end: int) -> int | None:
    """-1 past, 0 present, +1 future, None unknown; doubled (-2, +2) when the expression hangs on the
    verb directly or through a preposition, as opposed to through nouns or adjectives."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok: Token = span.root
    if tok.head.lemma_.lower() in ("until", "till", "pending") and tok.head.dep_ == "prep":
        return FUTURE  # "postponed until Tuesday": a deadline still ahead
    hops = 0
    for _ in range(12):
        if tok.head is tok:
            tense = verb_tense(tok) if _is_verb(tok) else None
            return _strength(tense, hops)
        tok = tok.head
        hops += 0 if tok.pos_ == "ADP" else 1
        if _is_verb(tok):
            tense = verb_tense(tok)
            if tense is not None:
                return _strength(tense, hops)
    return None


def _strength(tense: int | None, hops: int) -> int | None:
    return tense * 2 if tense and hops <= 1 else tense


def _is_verb(tok: Token) -> bool:
    return tok.tag_.startswith("VB") or tok.tag_ == "MD" or (tok.pos_ == "ADJ" and tok.lemma_ in _FUTURE_PARTICIPLES)


def verb_tense(v: Token) -> int | None:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.text.lower() for a in auxes}
    lemmas = {a.lemma_.lower() for a in auxes}
    if words & {"will", "shall", "'ll", "wo"}:
        return FUTURE
    if v.lemma_.lower() in _FUTURE_PARTICIPLES and v.tag_ in ("VBN", "JJ"):
        # "talks scheduled for Friday", "has scheduled a news conference Thursday"; "was/had been
        # scheduled" tells nothing.
        if not any(a.tag_ == "VBD" for a in auxes):
            return FUTURE
        return None
    if "have" in lemmas and v.tag_ == "VBN" or words & {"has", "had", "have", "'ve"}:
        return PAST
    if words & _FUTURE_AUX:
        return FUTURE
    if v.tag_ == "VBD":
        return PAST
    if v.tag_ == "VBN":
        be = [a for a in auxes if a.lemma_ == "be"]
        if be:
            return _tense_of_be(be[0])
        return PAST if v.dep_ in ("acl", "relcl", "advcl", "conj", "ROOT", "ccomp") else None
    if v.tag_ in ("VBZ", "VBP"):
        if v.lemma_ == "be" and any(c.dep_ == "xcomp" and any(a.text.lower() == "to" for a in c.children)
                                    for c in v.children):
            return FUTURE  # "is to meet"
        return PRESENT
    if v.tag_ == "VBG":
        be = [a for a in auxes if a.lemma_ == "be"]
        if be:
            t = _tense_of_be(be[0])
            return FUTURE if t == PRESENT else t  # "are meeting on Monday" is an arrangement
        return None
    if v.tag_ == "VB":
        if "to" in words:
            head = v.head
            if head is not v and head.lemma_.lower() in _FUTURE_HEADS:
                # "agreed to meet on Monday"; but "had been due to expire Friday" was due then.
                head_aux = [a for a in head.children if a.dep_ in ("aux", "auxpass")]
                if any(a.tag_ == "VBD" or a.text.lower() == "had" for a in head_aux):
                    return None
                return FUTURE
        return None
    return None


def _tense_of_be(aux: Token) -> int | None:
    if aux.tag_ == "VBD":
        return PAST
    if aux.tag_ in ("VBZ", "VBP"):
        return PRESENT
    if aux.tag_ == "VB":  # "will be destroyed": the modal sits on the main verb
        return None
    return None

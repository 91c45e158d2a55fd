"""Quotes and attributions: who said what, and who relayed it.

An attribution (PARC 3.0's terms) is a *cue* ("said", "according to", "denied"), a *source* (who says
it) and a *content* (what is said). Contents are read from the parse: the clause a cue governs
("Lavrov said *that the attacks would be investigated*"), a quotation beside the cue ("*“...”* he
added"), the object of a speech act ("denied *involvement*", "expressed *sincere condolences*"), an
infinitive ("vowed *to respond*"), a description ("described *the strikes as part of a “historic”
operation*"), or the rest of the clause around "according to". Each content becomes a ``Quote``:
``direct`` when it is a quotation, ``mixed`` when it contains one, ``indirect`` otherwise.

Attributions nest: when one attribution's cue and source sit inside another's content, the outer
source relayed it ("Rubio expressed condolences, the Foreign Ministry said" -> speaker Rubio,
``reported_by`` the Ministry). ``attribution_for_span`` gives the events extractor the sources behind
an event's clause and whether they claim or deny it (docs/quote-annotation.md, "Claims").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from newsevents.analyze import actors as actors_module
from newsevents.analyze.attribution_cues import (
    ALL_VERBS,
    BELIEF,
    CLAIM,
    DENY,
    DESCRIBE,
    INFINITIVE,
    SPEECH,
    np_object_is_content,
)
from newsevents.analyze.context import Extraction
from newsevents.analyze.quote_marks import Quotation, find_quotations, strip_span
from newsevents.analyze.registry import register_extractor
from newsevents.model import Actor, Quote
from newsevents.nlp import doc_text

NOTES_KEY = "quotes"
# A quotation of fewer words with no cue is a scare quote ("a “historic” operation"), not a quote.
MIN_UNATTRIBUTED_WORDS = 4
PARTY_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "INS", "OPP", "PTY", "SPY", "JUD", "LEG", "PRO"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_OTHER_PRONOUNS = frozenset({"it", "they", "we", "i", "you", "them", "us"})
_ORG_NOUNS = frozenset({"ministry", "company", "department", "government", "agency", "office", "army",
                        "military", "police", "group", "firm", "organisation", "organization", "committee",
                        "council", "service", "authority", "authorities", "administration", "embassy",
                        "commission", "court", "union", "party", "bank", "newspaper", "kremlin",
                        "statement"})


@dataclass
class Attribution:
    """One attribution relation, before it becomes Quote records (kept in ``ex.notes``)."""

    cue: list[int]  # token indices of the cue ("according", "to")
    lemma: str
    contents: list[tuple[int, int]]  # character spans, trimmed
    source: tuple[int, int] | None = None  # token range of the source noun phrase
    source_head: int | None = None
    quotations: list[Quotation] = field(default_factory=list)
    kind: str = "indirect"
    speaker: str | None = None
    reported_by: list[str] = field(default_factory=list)
    negated: bool = False
    quote_ids: list[str] = field(default_factory=list)
    coordinated_with: int | None = None  # token of an earlier cue this one is coordinated with
    cue_start_char: int = -1  # character offset of the cue
    source_char: int | None = None  # character offset of the source's head

    @property
    def cue_start(self) -> int:
        return min(self.cue)


# ------------------------------------------------------------------ extractor


@register_extractor("quotes")
def make_quotes_extractor(config: dict[str, Any]) -> QuoteExtractor:
    return QuoteExtractor(min_unattributed_words=int(config.get("min_unattributed_words",
                                                                 MIN_UNATTRIBUTED_WORDS)))


class QuoteExtractor:
    def __init__(self, min_unattributed_words: int = MIN_UNATTRIBUTED_WORDS) -> None:
        self.min_unattributed_words = min_unattributed_words

    def __call__(self, ex: Extraction) -> None:
        doc = ex.doc
        text = ex.article.text
        quotations = find_quotations(text)
        qindex = _QuotationIndex(quotations)
        attributions = [a for tok in doc if (a := _attribution_at(doc, tok, qindex)) is not None]
        attributions = _dedupe(attributions)
        _cut_coordinated(doc, attributions)
        for a in attributions:
            a.cue_start_char = doc[a.cue_start].idx
            a.source_char = doc[a.source_head].idx if a.source_head is not None else None
        _assign_adjacent_quotations(doc, text, attributions, qindex)
        attributions = [a for a in attributions if a.contents]
        unattributed = _continue_or_leave(doc, text, attributions, qindex)
        attributions.sort(key=lambda a: a.cue_start)
        for a in attributions:
            _classify(text, a, qindex)
            _resolve_speaker(ex, a, attributions)
        _chain(attributions)
        for a in attributions:
            cue_span = (doc[min(a.cue)].idx, doc[max(a.cue)].idx + len(doc[max(a.cue)]))
            cue_text = text[cue_span[0]:cue_span[1]]
            speaker_span = None
            if a.source is not None:
                speaker_span = strip_span(text, doc[a.source[0]].idx,
                                          doc[a.source[1] - 1].idx + len(doc[a.source[1] - 1]))
            for start, end in sorted(a.contents):
                q = Quote(text=text[start:end], span=(start, end), kind=a.kind, speaker=a.speaker, cue=cue_text,
                          reported_by=list(a.reported_by), cue_span=cue_span, speaker_span=speaker_span,
                          id=ex.new_id("qt"))
                a.quote_ids.append(q.id)
                ex.quotes.append(q)
        for qt in unattributed:
            if len(text[qt.start:qt.end].split()) < self.min_unattributed_words:
                continue
            start, end = strip_span(text, qt.start, qt.end)
            if end > start:
                ex.quotes.append(Quote(text=text[start:end], span=(start, end), kind="direct", speaker=None,
                                       id=ex.new_id("qt")))
        ex.quotes.sort(key=lambda q: q.span)
        ex.notes[NOTES_KEY] = attributions


# ------------------------------------------------------------------ quotations and tokens


class _QuotationIndex:
    def __init__(self, quotations: list[Quotation]) -> None:
        self.quotations = quotations
        self.starts = [q.open_mark for q in quotations]

    def at(self, char: int) -> Quotation | None:
        """The quotation (marks included) containing a character."""
        k = bisect.bisect_right(self.starts, char) - 1
        if k >= 0:
            q = self.quotations[k]
            if q.outer[0] <= char < q.outer[1]:
                return q
        return None

    def within(self, start: int, end: int) -> list[Quotation]:
        lo = bisect.bisect_left(self.starts, start)
        out = []
        for q in self.quotations[lo:]:
            if q.open_mark >= end:
                break
            if q.outer[1] <= end or q.start < end:
                out.append(q)
        return out


_text = doc_text
# Lemmas as spaCy writes them (verbs lower-case; "according" for "According to").
_CUE_LEMMAS = ALL_VERBS | {w.capitalize() for w in ALL_VERBS} | {"according", "According", "accord"}


def _char_span(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last])


def _subtree_range(tok: Token, exclude: Iterable[Token] = ()) -> tuple[int, int]:
    """First and last token index of a subtree, leaving out the subtrees of ``exclude``."""
    skip: set[int] = set()
    for t in exclude:
        skip.update(x.i for x in t.subtree)
    idx = [t.i for t in tok.subtree if t.i not in skip]
    return min(idx), max(idx)


def _content(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    # "that" opening a clause is the complementiser, not content
    while first <= last and (doc[first].dep_ == "mark" and doc[first].lower_ in ("that", "whether", "if")
                             or doc[first].is_punct and doc[first].text not in ("“", '"', "«", "‘", "„", "``")):
        first += 1
    if first > last:
        return None
    start, end = strip_span(_text(doc), *_char_span(doc, first, last))
    return (start, end) if end > start else None


# ------------------------------------------------------------------ cues


# Verbs whose object (a statement, a message) speaks for their subject.
_ISSUING = frozenset({"issue", "release", "post", "publish", "send", "put", "make", "give", "deliver", "tweet",
                      "write", "sign", "read", "broadcast", "circulate", "distribute", "file", "submit"})


def _is_passive(verb: Token) -> bool:
    """A passive cue: "is expected to", and the reduced "…, expected to increase to 57%"."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("nsubj", "aux") for c in verb.children)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """Who the cue verb's content belongs to: its subject, the agent of a passive, or its governor's.

    A relative pronoun stands for the noun it hangs from ("the few auto firms that reported"); a passive
    cue's subject is what is attributed, not who says it ("Toyota is expected to report").
    """
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return verb.head
            return c
        if c.dep_ == "agent":
            return next((x for x in c.children if x.dep_ == "pobj"), None)
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            if _is_passive(verb) or c.lower_ in ("it", "this"):
                return None  # "it was reported that...", "names are announced to be changed"
            return c
    if _is_passive(verb) or depth >= 3 or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ == "xcomp" and _is_passive(head):
        # "Toyota is expected to report ...": the raised subject reports
        return next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        if head.head.pos_ in ("VERB", "AUX") and head.head.lemma_.lower() in _ISSUING:
            # "issued a statement saying", "posted a message blaming Iran": the issuer
            return _subject(head.head, depth + 1)
        return head  # "a letter telling them of the decision": the letter
    if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl", "dep"):
        outer = _coordinated_cue(verb)
        if outer is not None:
            return _subject(outer, depth + 1)
        if head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):  # "quoted as saying"
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return _subject(head, depth + 1)
    return None


def _coordinated_cue(verb: Token) -> Token | None:
    """The cue a cue verb is really coordinated with when the parse hung it inside that cue's clause:
    "Lavrov assured that the attacks would be investigated and said, “…”" (said is Lavrov's, not the
    attacks')."""
    if verb.dep_ != "conj" or verb.head.lemma_.lower() in ALL_VERBS:
        return None
    node = verb.head
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in ALL_VERBS and node.head.pos_ in ("VERB", "AUX"):
            return node.head
        if node.dep_ not in ("conj", "ccomp", "advcl") or node.head.i == node.i:
            return None
        node = node.head
    return None


_TRAILING_QUANTIFIERS = frozenset({"both", "all", "each", "alone", "themselves", "itself", "himself",
                                   "herself", "too", "also"})


def _source_range(subj: Token) -> tuple[int, int]:
    """The source noun phrase: the subject with its modifiers, without relative clauses or trailing
    quantifiers ("Chrysler and Toyota both")."""
    drop = [c for c in subj.subtree if c.dep_ in ("relcl", "advcl") or c.dep_ == "acl" and c.head.i == subj.i]
    first, last = _subtree_range(subj, drop)
    doc = subj.doc
    while last > first and (doc[last].is_punct and doc[last].text not in (")", "]")
                            or doc[last].lower_ in _TRAILING_QUANTIFIERS and last != subj.i):
        last -= 1
    while first < last and doc[first].is_punct and doc[first].text not in ("(", "["):
        first += 1
    return first, last + 1


# Cues whose gerund complement is a reported fact: "reported losing $4.8 billion", "denied attacking".
_GERUND_CONTENT = frozenset({"report", "deny", "admit", "describe", "recall", "acknowledge", "claim", "mention",
                             "recount", "confirm", "suggest", "propose", "recommend", "allege", "regret"})
_NEGATIVE_IMPLICATIVE = frozenset({"decline", "refuse", "fail", "hesitate", "neglect"})
# Cues whose content can be the object of "of"/"about": "warned of imminent bankruptcy".
_PREP_CONTENT = frozenset({"warn", "tell", "inform", "notify", "caution", "remind", "assure"})
# Objects that make "declare" a performative act rather than an assertion ("declared bankruptcy").
_PERFORMATIVE_OBJECTS = frozenset({"bankruptcy", "war", "emergency", "independence", "law", "ceasefire",
                                   "truce", "curfew", "mourning", "holiday", "winner", "candidacy"})


def _to_infinitive(tok: Token) -> bool:
    return any(x.dep_ == "aux" and x.lower_ == "to" for x in tok.children)


def _attribution_at(doc: Doc, tok: Token, qindex: _QuotationIndex) -> Attribution | None:
    if tok.lemma_ not in _CUE_LEMMAS:  # cheap test first: this runs on every token
        return None
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        return _according_to(doc, tok)
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in ALL_VERBS:
        return None
    lemma = tok.lemma_.lower()
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return None
    if tok.dep_ == "amod" or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and not any(
            c.dep_ in ("ccomp",) for c in tok.children):
        return None  # "the announced plan", "the reported attack": not an attribution
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _NEGATIVE_IMPLICATIVE:
        return None  # "declined to predict when ...": nothing was asserted
    cue = [tok.i] + [c.i for c in tok.children if c.dep_ == "prt"]
    subj = _subject(tok)
    inside = qindex.at(tok.idx)
    negated = any(c.dep_ == "neg" for c in tok.children)
    if inside is not None:
        # A cue inside a quotation counts only when its subject is outside and the quotation opens on
        # the cue: Rubio “expressed sincere condolences ...” (the writer quoting the predicate).
        if subj is None or inside.start <= subj.idx < inside.end:
            return None
        words_before = _text(doc)[inside.start:tok.idx].split()
        if len(words_before) > 1:
            return None
        a = Attribution(cue, lemma, [strip_span(_text(doc), inside.start, inside.end)], quotations=[inside],
                        negated=negated)
        _set_source(a, subj)
        return a
    contents, quoted = _contents_of(doc, tok, lemma, qindex)
    if not contents and lemma not in SPEECH | BELIEF | {"describe"}:
        return None
    a = Attribution(cue, lemma, contents, quotations=quoted, negated=negated)
    outer = _coordinated_cue(tok)
    if outer is not None:
        a.coordinated_with = outer.i
    p_start = _text(doc).rfind("\n", 0, tok.idx) + 1
    if subj is not None and subj.idx >= p_start:
        _set_source(a, subj)
    elif not _is_passive(tok) and (run := _leading_noun_phrase(doc, tok, p_start)) is not None:
        # the parse lost the subject (a headline run into the first sentence): the noun phrase that
        # opens the sentence before the cue is it
        a.source, a.source_head = run, run[1] - 1
    elif subj is not None:
        _set_source(a, subj)
    _clip_to_paragraph(doc, a, qindex)
    # with no content yet, a speech verb may still take the quotation beside it (assigned later)
    return a


_NP_TAGS = frozenset({"NOUN", "PROPN", "DET", "ADJ", "NUM", "PART", "CCONJ", "PRON"})


def _leading_noun_phrase(doc: Doc, cue: Token, p_start: int) -> tuple[int, int] | None:
    """Tokens from the start of the cue's sentence (within its paragraph) to the cue, when they are all
    nominal ("United States automobile company General Motors announced ...")."""
    first = max(cue.sent.start, next((t.i for t in doc[cue.sent.start:cue.i + 1] if t.idx >= p_start), cue.i))
    last = cue.i - 1
    while last >= first and (doc[last].dep_ in ("aux", "auxpass", "neg", "advmod", "npadvmod") or
                             doc[last].is_space or doc[last].ent_type_ in ("DATE", "TIME")):
        last -= 1
    if last < first or last - first > 12:
        return None
    toks = doc[first:last + 1]
    if not all(t.pos_ in _NP_TAGS or t.text in (",", "(", ")", "-") or t.lower_ == "of" for t in toks):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in toks):
        return None
    return first, last + 1


def _contents_of(doc: Doc, tok: Token, lemma: str,
                 qindex: _QuotationIndex) -> tuple[list[tuple[int, int]], list[Quotation]]:
    """The content spans a cue governs, tried in order of how explicit the construction is."""
    contents: list[tuple[int, int]] = []
    quoted: list[Quotation] = []
    p_start = _text(doc).rfind("\n", 0, tok.idx) + 1
    p_end = _text(doc).find("\n", tok.idx)
    p_end = len(_text(doc)) if p_end < 0 else p_end
    # a complement in another paragraph is the parse running a headline into the text
    children = [c for c in tok.children if p_start <= c.idx < p_end or qindex.at(c.idx) is not None]
    for c in children:
        if c.dep_ == "ccomp" or c.dep_ == "xcomp" and c.tag_ == "VBG" and lemma in _GERUND_CONTENT:
            span = _content(doc, *_subtree_range(c))  # "said that ...", "reported losing $4.8 billion"
            if span:
                span, q = _widen_to_quotation(_text(doc), span, qindex)
                contents.append(span)
                if q is not None:
                    quoted.append(q)
    if contents:
        return contents, quoted
    dobj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
    xcomp = next((c for c in children if c.dep_ == "xcomp" and _to_infinitive(c)), None)
    if _is_passive(tok) and not any(c.dep_ == "agent" for c in children):
        # "Toyota is expected to report ...": the subject and the infinitive are what is attributed
        subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if xcomp is not None:
            if subj is not None and subj.lower_ not in ("it", "this", "there"):
                span = _content(doc, *_subtree_range(subj))
                if span:
                    contents.append(span)
            span = _content(doc, *_subtree_range(xcomp))
            if span:
                contents.append(span)
        return contents, quoted
    if lemma in DESCRIBE and dobj is not None:
        pred = next((c for c in children if c.dep_ in ("oprd", "xcomp", "ccomp") or
                     c.dep_ == "prep" and c.lower_ == "as"), None)
        if pred is None:
            pred = next((c for c in dobj.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if pred is not None:
            first = min(_subtree_range(dobj)[0], _subtree_range(pred)[0])
            last = max(_subtree_range(dobj)[1], _subtree_range(pred)[1])
            span = _content(doc, first, last)
            return ([span] if span else []), quoted
    if lemma in ("accuse", "charge", "blame") and dobj is not None:
        prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        if prep is not None:
            span = _content(doc, _subtree_range(dobj)[0], _subtree_range(prep)[1])
            return ([span] if span else []), quoted
    if dobj is None:
        # "called on the company to halve its dividend": the addressee after "on" opens the content
        on = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and xcomp is not None
                   and c.i < xcomp.i), None)
        dobj = next((x for x in on.children if x.dep_ == "pobj"), None) if on is not None else None
    if xcomp is not None and (dobj is not None and dobj.i < xcomp.i or lemma in INFINITIVE | BELIEF):
        # "urged Moscow to stop", "forecast the losses to be over $6.7 billion", "vowed to respond"
        first = _subtree_range(dobj)[0] if dobj is not None and dobj.i < xcomp.i else _subtree_range(xcomp)[0]
        span = _content(doc, first, _subtree_range(xcomp)[1])
        return ([span] if span else []), quoted
    if dobj is not None:
        # "stressed his view that ...": the clause the noun introduces is the content
        clause = next((c for c in dobj.children if c.dep_ in ("acl", "ccomp") and any(
            x.dep_ == "mark" and x.lower_ == "that" for x in c.children)), None)
        if clause is not None:
            span = _content(doc, *_subtree_range(clause))
            return ([span] if span else []), quoted
        if np_object_is_content(lemma, dobj.lemma_) and not (
                dobj.pos_ == "PRON" and dobj.lower_ in ("it", "this", "that", "them")) and not (
                lemma == "declare" and dobj.lemma_.lower() in _PERFORMATIVE_OBJECTS):
            first, last = _np_content_range(dobj)
            # "announced plans Friday to shut down ...": the infinitive the parse hung on the verb
            tail = next((c for c in children if c.dep_ in ("xcomp", "advcl") and c.i > last and _to_infinitive(c)
                         and c.i - last <= 4), None)
            if tail is not None:
                last = _subtree_range(tail)[1]
            span = _content(doc, first, last)
            return ([span] if span else []), quoted
    if lemma in _PREP_CONTENT:
        prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("of", "about")), None)
        pobj = next((x for x in prep.children if x.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if pobj is not None:
            span = _content(doc, *_subtree_range(pobj))
            return ([span] if span else []), quoted
    if tok.dep_ == "parataxis" and lemma in SPEECH and tok.head.pos_ in ("VERB", "AUX"):
        # "The results, he said, will be published": the governing clause without the parenthetical
        contents.extend(_clause_without(doc, tok.head, tok))
    return contents, quoted


def _np_content_range(np: Token) -> tuple[int, int]:
    """A noun-phrase content without the writer's asides: a relative clause after a comma ("the Magna
    deal, which the government had favoured") or a trailing time phrase ("the move on Wednesday")."""
    doc = np.doc
    drop = []
    for c in np.subtree:
        if c.dep_ == "relcl" and c.i > np.i and doc[_subtree_range(c)[0] - 1].text == ",":
            drop.append(c)
        elif c.dep_ == "prep" and c.head.i == np.i and any(
                x.dep_ == "pobj" and x.ent_type_ in ("DATE", "TIME") for x in c.children):
            drop.append(c)
    first, last = _subtree_range(np, drop)
    while last > first and doc[last].is_punct:
        last -= 1
    return first, last


def _clip_to_paragraph(doc: Doc, a: Attribution, qindex: _QuotationIndex) -> None:
    """Keep the source and the unquoted contents inside the cue's paragraph."""
    text = _text(doc)
    cue_char = doc[a.cue_start].idx
    p_start = text.rfind("\n", 0, cue_char) + 1
    p_end = text.find("\n", cue_char)
    p_end = len(text) if p_end < 0 else p_end
    if a.source is not None:
        first, last = a.source
        while first < last and doc[first].idx < p_start:
            first += 1
        while last > first and doc[last - 1].idx >= p_end:
            last -= 1
        a.source = (first, last) if last > first else None
        if a.source is None:
            a.source_head = None
        elif a.source_head is not None and not first <= a.source_head < last:
            a.source_head = last - 1
    clipped = []
    for s, e in a.contents:
        if any(q.start <= s and e <= q.end for q in a.quotations):
            clipped.append((s, e))
            continue
        s2, e2 = strip_span(text, max(s, p_start), min(e, p_end))
        if e2 > s2:
            clipped.append((s2, e2))
    a.contents = clipped


def _widen_to_quotation(text: str, span: tuple[int, int],
                        qindex: _QuotationIndex) -> tuple[tuple[int, int], Quotation | None]:
    """A clause content that starts inside a quotation is that quotation ("“I dread ... It's not going
    to be a pleasant sight,” Reid said": the parse hangs only the last sentence on "said"); one that
    ends inside a quotation runs to its end."""
    s, e = span
    q = qindex.at(s) or qindex.at(s - 1)
    if q is not None and q.start <= s < q.end + 1:
        whole = strip_span(text, q.start, q.end)
        # a clause that runs on past a long quotation is the parse attaching what follows ("” and left")
        if e <= q.end + 1 or (whole[1] - whole[0]) >= 0.8 * (e - whole[0]):
            return whole, q
        return (whole[0], e), None
    q_end = qindex.at(e - 1)
    if q_end is not None and q_end.start < e <= q_end.end and q_end.start > s:
        return strip_span(text, s, q_end.end), None
    return span, None


def _clause_without(doc: Doc, head: Token, hole: Token) -> list[tuple[int, int]]:
    """The clause of ``head`` with ``hole``'s subtree cut out, as one or two character spans."""
    first, last = _subtree_range(head)
    h_first, h_last = _subtree_range(hole)
    out = []
    for a, b in ((first, h_first - 1), (h_last + 1, last)):
        if b >= a:
            span = _content(doc, a, b)
            if span and len(_text(doc)[span[0]:span[1]].split()) >= 2:
                out.append(span)
    return out


def _according_to(doc: Doc, tok: Token) -> Attribution | None:
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None and tok.i + 2 < len(doc):
        pobj = doc[tok.i + 2]
    if pobj is None:
        return None
    # the clause "according to" attaches to, minus the phrase itself
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head.i != head.i:
        head = head.head
    s_first, s_last = _subtree_range(tok)
    s_last = max(s_last, _subtree_range(pobj)[1])
    first, last = _subtree_range(head)
    sent = tok.sent
    first, last = max(first, sent.start), min(last, sent.end - 1)
    pieces = []
    for a, b in ((first, s_first - 1), (s_last + 1, last)):
        if b >= a:
            span = _content(doc, a, b)
            if span and len(_text(doc)[span[0]:span[1]].split()) >= 2:
                pieces.append(span)
    if not pieces:
        return None
    a = Attribution([tok.i, tok.i + 1], "according to", [max(pieces, key=lambda s: s[1] - s[0])])
    _set_source(a, pobj)
    return a


def _set_source(a: Attribution, subj: Token) -> None:
    a.source = _source_range(subj)
    a.source_head = subj.i


def _cut_coordinated(doc: Doc, attributions: list[Attribution]) -> None:
    """End an outer cue's content before a cue coordinated with it ("... investigated | and said, “…”")."""
    by_cue = {a.cue_start: a for a in attributions}
    for a in attributions:
        outer = by_cue.get(a.coordinated_with) if a.coordinated_with is not None else None
        if outer is None:
            continue
        cue_tok = doc[a.cue_start]
        cut_tok = next((c for c in cue_tok.children if c.dep_ == "cc" and c.i < cue_tok.i), None)
        cut_tok = cut_tok or next((c for c in cue_tok.head.children if c.dep_ == "cc" and c.i < cue_tok.i), None)
        cut = (cut_tok or cue_tok).idx
        for k, (s, e) in enumerate(outer.contents):
            if s < cut < e:
                outer.contents[k] = strip_span(_text(doc), s, cut)


def _dedupe(attributions: list[Attribution]) -> list[Attribution]:
    """One attribution per cue token."""
    seen: set[int] = set()
    out = []
    for a in attributions:
        if a.cue_start in seen:
            continue
        seen.add(a.cue_start)
        out.append(a)
    return out


# ------------------------------------------------------------------ quotations beside cues


_BETWEEN_OK = set(" \t\n,:;—–-")


def _gap_is_light(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    if len(gap) > 12:
        return False
    stripped = "".join(ch for ch in gap if ch not in _BETWEEN_OK)
    return stripped in ("", "that")


def _cue_clause(doc: Doc, a: Attribution) -> tuple[int, int]:
    """Character extent of the cue with its source (the "he said" between or beside quotations)."""
    toks = list(a.cue)
    if a.source is not None:
        toks += [a.source[0], a.source[1] - 1]
    cue_tok = doc[a.cue_start]
    # adverbs and auxiliaries hugging the cue: "he also said", "has told"
    for c in cue_tok.children:
        if c.dep_ in ("aux", "auxpass", "advmod", "neg", "prt", "dative") and abs(c.i - cue_tok.i) <= 3:
            toks.append(c.i)
        if c.dep_ in ("dobj", "iobj", "dative") and c.i > cue_tok.i and cue_tok.lemma_.lower() in ("tell", "ask"):
            toks.extend(_subtree_range(c))  # "told reporters"
        if c.dep_ == "prep" and c.i > cue_tok.i and c.lower_ in ("in", "on", "to", "at", "during", "via") and \
                not a.contents:
            toks.extend(_subtree_range(c))  # "said in a statement", "told the BBC"
    first, last = min(toks), max(toks)
    return doc[first].idx, doc[last].idx + len(doc[last])


def _assign_adjacent_quotations(doc: Doc, text: str, attributions: list[Attribution],
                                qindex: _QuotationIndex) -> None:
    """Give each quotation to the cue right beside it: "“…,” he said", "She added: “…”"."""
    claimed: set[int] = set()
    for a in attributions:
        for q in a.quotations:
            claimed.add(q.open_mark)
    candidates: list[tuple[int, int, Attribution, Quotation]] = []
    for a in attributions:
        if a.lemma == "according to" or doc[a.cue_start].lemma_.lower() not in SPEECH | BELIEF | {"describe"}:
            continue
        c_start, c_end = _cue_clause(doc, a)
        for q in qindex.quotations:
            if q.open_mark in claimed:
                continue
            o_start, o_end = q.outer
            if o_end <= c_start and _gap_is_light(text, o_end, c_start):
                if _ends_sentence(text, q) and not _clause_ends(text, c_end):
                    continue  # “…disappointing.” The UAW issued a statement saying “…”: not the UAW's
                candidates.append((c_start - o_end, 0, a, q))
            elif o_start >= c_end and _gap_is_light(text, c_end, o_start):
                candidates.append((o_start - c_end, 1, a, q))
            elif o_start <= c_start and c_end <= o_end:
                continue
    candidates.sort(key=lambda c: (c[0], c[1]))
    for _dist, side, a, q in candidates:
        if q.open_mark in claimed:
            continue
        # a content clause already covering this quotation makes it part of that content (mixed)
        if any(s <= q.start and q.end <= e for s, e in a.contents):
            claimed.add(q.open_mark)
            continue
        if a.contents and not a.quotations:
            continue  # an indirect attribution does not also take a neighbouring quotation
        _take(text, a, q, claimed)
        if side == 0:
            # “A,” “B.” Mr X said: every quotation in the run before the cue is his
            k = qindex.quotations.index(q) - 1
            while k >= 0:
                prev = qindex.quotations[k]
                if prev.open_mark in claimed or not _gap_is_light(text, prev.outer[1], q.open_mark):
                    break
                _take(text, a, prev, claimed)
                q, k = prev, k - 1


def _ends_sentence(text: str, q: Quotation) -> bool:
    inner = text[q.start:q.end].rstrip()
    return inner.endswith((".", "!", "?"))


def _clause_ends(text: str, end: int) -> bool:
    """Does the cue clause ending at ``end`` end its sentence ("… Mr MacFarlane said.")?"""
    rest = text[end:end + 3].lstrip(" \t")
    return not rest or rest[0] in ".,;\n"


def _take(text: str, a: Attribution, q: Quotation, claimed: set[int]) -> None:
    claimed.add(q.open_mark)
    span = strip_span(text, q.start, q.end)
    if span[1] > span[0]:
        a.contents.append(span)
        a.quotations.append(q)


def _continue_or_leave(doc: Doc, text: str, attributions: list[Attribution],
                       qindex: _QuotationIndex) -> list[Quotation]:
    """Quotations no cue took: a following quotation that opens a sentence continues the previous
    direct quote (same speaker and cue) when no other cue came between; the rest stay unattributed."""
    covered = []
    for a in attributions:
        covered.extend(a.contents)
    by_pos = sorted(attributions, key=lambda a: min(s for s, _ in a.contents))
    left: list[Quotation] = []
    for q in qindex.quotations:
        if any(s <= q.start < e or q.open_mark <= s < q.outer[1] for s, e in covered):
            continue
        prev = [a for a in by_pos if max(e for _, e in a.contents) <= q.open_mark]
        prev_a = prev[-1] if prev else None
        opens_sentence = _opens_sentence(doc, text, q.open_mark)
        if prev_a is not None and opens_sentence:
            last_end = max(e for _, e in prev_a.contents)
            between = text[last_end:q.open_mark]
            cues_between = [a for a in attributions
                            if a is not prev_a and last_end <= a.cue_start_char < q.open_mark]
            # after a direct quote, a following quotation continues it unless another cue came between;
            # after an indirect one, only a quotation that follows it at once ("X denied it. “…”")
            near = between.count("\n") <= 2 and len(between) < 400 if prev_a.quotations else \
                len(between.strip(" \t\n.,;:")) == 0 or between.strip() in (".", ".''", ".”")
            if not cues_between and near:
                span = strip_span(text, q.start, q.end)
                if span[1] > span[0]:
                    prev_a.contents.append(span)
                    prev_a.quotations.append(q)
                    covered.append(span)
                    continue
        left.append(q)
    return left


def _opens_sentence(doc: Doc, text: str, char: int) -> bool:
    k = char - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in ".!?\n”\"'»"


# ------------------------------------------------------------------ kind, speaker, chains


def _classify(text: str, a: Attribution, qindex: _QuotationIndex) -> None:
    direct = 0
    mixed = False
    for s, e in a.contents:
        qs = [q for q in qindex.quotations if q.start < e and s < q.end]
        if any(strip_span(text, q.start, q.end) == (s, e) for q in qs):
            direct += 1
        elif qs:
            mixed = True
    if mixed or direct and direct < len(a.contents):
        a.kind = "mixed"
    elif direct:
        a.kind = "direct"
    else:
        a.kind = "indirect"


def _name_span(doc: Doc, head: Token) -> tuple[int, int]:
    """Character span of the name a source noun phrase refers by: the entity at its head, else the phrase."""
    if head.ent_type_:
        for ent in doc.ents:
            if ent.start <= head.i < ent.end:
                return ent.start_char, ent.end_char
    left = head.i
    while left - 1 >= 0 and doc[left - 1].dep_ in ("compound", "amod", "flat") and doc[left - 1].head.i in range(
            left, head.i + 1):
        left -= 1
    return doc[left].idx, head.idx + len(head)


def _resolve_speaker(ex: Extraction, a: Attribution, attributions: list[Attribution]) -> None:
    """The actor the source phrase refers to, through the actors extractor; pronouns and descriptions it
    cannot resolve fall back on the latest fitting actor or speaker (``_fallback_reference``)."""
    if a.source_head is None or a.source is None:
        return
    doc = ex.doc
    head = doc[a.source_head]
    s, e = _char_span(doc, a.source[0], a.source[1] - 1)
    actor = actors_module.actor_for_span(ex, s, e)
    if actor is None:
        start, end = _name_span(doc, head)
        if (start, end) != (s, e):
            actor = actors_module.actor_for_span(ex, start, end)
    if actor is None:
        lower = head.lower_
        is_pronoun = lower in _PERSON_PRONOUNS or lower in _OTHER_PRONOUNS
        definite = head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                               for c in head.children) and not any(
            c.pos_ == "PROPN" for c in head.subtree)
        if is_pronoun or definite:
            actor = _fallback_reference(ex, head, a, attributions, is_pronoun)
    a.speaker = actor.id if actor is not None else None


def _fallback_reference(ex: Extraction, head: Token, a: Attribution, attributions: list[Attribution],
                        is_pronoun: bool) -> Actor | None:
    """Who "he", "it" or "the minister" is when the actors extractor cannot say.

    A pronoun: the latest fitting actor mentioned in this or the two sentences before, subjects first
    (news refers back to the last person in focus); else the latest fitting earlier speaker. A
    definite description ("the minister"): the latest actor named with that noun.
    """
    if head.lower_ in ("i", "we", "you", "us"):
        return None
    want_person = head.lower_ in _PERSON_PRONOUNS or (not is_pronoun and head.lemma_.lower() not in _ORG_NOUNS)
    doc = ex.doc
    pos = head.idx
    sents = list(doc.sents)
    k = next((n for n, sent in enumerate(sents) if sent.start <= head.i < sent.end), 0)
    window_start = sents[max(0, k - 2)].start_char if is_pronoun else 0
    best: tuple[int, int, Actor] | None = None
    for actor in ex.actors:
        fit = actor
        if want_person and actor.kind != "person":
            fit = _person_named(ex, actor.name) or actor  # "Lavrov" tagged as an organisation
        if (fit.kind == "person") != want_person or not _fits(ex, fit, head, is_pronoun):
            continue
        for s, e in actor.mentions:
            if window_start <= s and e <= pos:
                tok = doc.char_span(s, e, alignment_mode="expand")
                is_subject = tok is not None and tok.root.dep_ in ("nsubj", "nsubjpass")
                key = (int(is_subject) if is_pronoun else 0, e)
                if best is None or key > best[:2]:
                    best = (key[0], key[1], fit)
    if best is not None:
        return best[2]
    earlier = [b for b in attributions if b is not a and b.speaker and b.cue_start_char < pos]
    for b in reversed(earlier[-6:]):
        actor = ex.actor_by_id(b.speaker)
        if actor is not None and want_person and actor.kind != "person":
            actor = _person_named(ex, actor.name) or actor
        if actor is not None and (actor.kind == "person") == want_person:
            return actor
    return None


def _person_named(ex: Extraction, name: str) -> Actor | None:
    """A person actor whose name ends with ``name`` (the surname a later mention uses)."""
    for actor in ex.actors:
        if actor.kind == "person" and actor.name != name and actor.name.endswith(" " + name):
            return actor
    return None


def _fits(ex: Extraction, actor: Actor, head: Token, is_pronoun: bool) -> bool:
    """A definite description fits an actor named with that noun ("the minister" ~ "Foreign Minister X")."""
    if is_pronoun:
        return True
    noun = head.lemma_.lower()
    text = ex.article.text.lower()
    for s, e in actor.mentions:
        window = text[max(0, s - 40):e + 40]
        if noun in window or noun in (actor.role or "").lower() or noun in actor.name.lower():
            return True
    return False


def _chain(attributions: list[Attribution]) -> None:
    """``reported_by``: the sources of the attributions whose content holds this one's cue, nearest first."""
    for a in attributions:
        outer = []
        for b in attributions:
            if b is a:
                continue
            if any(s <= a.cue_start_char < e for s, e in b.contents) and (
                    a.source_char is None or any(s <= a.source_char < e for s, e in b.contents)):
                outer.append(b)
        outer.sort(key=lambda b: sum(e - s for s, e in b.contents))
        chain: list[str] = []
        for b in outer:
            if b.speaker and b.speaker != a.speaker and b.speaker not in chain:
                chain.append(b.speaker)
        a.reported_by = chain


# ------------------------------------------------------------------ claims


def attributions(ex: Extraction) -> list[Attribution]:
    """The attribution relations found (empty before the extractor ran)."""
    return ex.notes.get(NOTES_KEY, [])


# A reporting sentence given whole: its content must make up this much of it to decide for the event.
MIN_CONTENT_SHARE = 0.4


def attribution_for_span(ex: Extraction, start: int, end: int) -> tuple[list[str], str | None]:
    """Who asserts an event read from [start, end), and the status that implies.

    Returns (actor ids of the sources, nearest first, the relay chain after them; ``"claimed"``,
    ``"denied"`` or None). Pass the event's trigger or clause: the span is attributed when it lies
    inside an attribution's content, and the innermost such attribution decides. A whole reporting
    sentence ("Russia said Ukraine attacked the bridge") is also understood: the attribution whose
    content makes up most of it (at least ``MIN_CONTENT_SHARE``) decides, since an event read from
    such a sentence is nearly always the one reported, not the saying. The status:

    - ``"denied"`` when the cue denies (deny, reject, dismiss, refute ...) or is a negated confirm/admit;
    - ``"claimed"`` when the cue marks a contested claim (claim, allege, accuse ...), or when a party to
      a conflict (a country, government, military or armed group) says another party did it;
    - ``None`` otherwise: an event reported by officials, media or witnesses stays as it is coded
      (ACLED and PLOVER code reported events as occurred); the sources are still returned.
    """
    inside: list[tuple[int, Attribution, tuple[int, int]]] = []
    covering: list[tuple[float, Attribution, tuple[int, int]]] = []
    length = max(1, end - start)
    for a in attributions(ex):
        for s, e in a.contents:
            if s <= start and end <= e:
                inside.append((e - s, a, (start, end)))
            elif start <= a.cue_start_char < end and start <= s and e <= end:
                covering.append(((e - s) / length, a, (s, e)))
    if inside:
        _size, chosen, where = min(inside, key=lambda x: x[0])
    elif covering and max(c[0] for c in covering) >= MIN_CONTENT_SHARE:
        _share, chosen, where = max(covering, key=lambda x: x[0])
    else:
        return [], None
    sources = [x for x in [chosen.speaker, *chosen.reported_by] if x]
    return sources, _status(ex, chosen, *where)


def _status(ex: Extraction, a: Attribution, start: int, end: int) -> str | None:
    if a.lemma in DENY or a.negated and a.lemma in ("confirm", "admit", "acknowledge"):
        return "denied"
    if a.lemma in CLAIM:
        return "claimed"
    source = ex.actor_by_id(a.speaker) if a.speaker else None
    if source is None or not _is_party(source):
        return None
    agent = _agent_in(ex, start, end)
    if agent is None or agent.id == source.id or not _is_party(agent):
        return None
    # adversaries only when both sides' countries are known and differ: "its forces" is not a rival
    if not source.country or not agent.country or source.country == agent.country:
        return None
    return "claimed"


def _is_party(actor: Actor) -> bool:
    return actor.kind == "country" or (actor.sector or "") in PARTY_SECTORS or actor.kind == "group" and (
        actor.sector or "") not in ("CVL", "MED", "NGO", "IGO", "BUS", "EDU", "HLH", "REL")


def _agent_in(ex: Extraction, start: int, end: int) -> Actor | None:
    """The actor doing what the span describes: the subject (or "by" agent) of its first verb."""
    span = ex.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        for c in tok.children:
            if c.dep_ in ("nsubj",) or c.dep_ == "agent":
                arg = c if c.dep_ == "nsubj" else next((x for x in c.children if x.dep_ == "pobj"), None)
                if arg is None:
                    continue
                s, e = _name_span(ex.doc, arg)
                actor = actors_module.actor_for_span(ex, s, e)
                if actor is not None:
                    return actor
        break
    return None

"""From a parsed document to event drafts: triggers grouped into events, with frame, mode, status.

Grouping rules, sentence by sentence:

* a verbal act (demand, threat, refusal, promise) takes its complement as content, not as a second event
  ("called for talks" is one REQUEST with mode "meet"); accusations keep the content, as a claim;
* a consequence ("killed", "injured", "destroyed") joins the act that caused it in the same sentence;
  with no act in its sentence it continues the previous sentence's event ("... shelled X. Two civilians
  were killed."), or stands alone when it names who did it;
* two triggers of one type in one clause are one event ("engaged in an offensive ..., clashing with"),
  unless they name different weapons ("carried out drone strikes and shelled");
* a definite noun that refers back to an event already coded ("the attacks") adds nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsevents.events.cues import clause_tokens, contexts_in, modes_in
from newsevents.events.frames import Frame, frame_of, predicate_of
from newsevents.events.incidents import hostile_fire
from newsevents.events.lexicon import (
    CLASH_WORDS,
    CONSULT_MODE_CUES,
    NON_VIOLENT_CAUSES,
    VIOLENT_DEATH_CUES,
    Sense,
)
from newsevents.events.status import StatusReading, read_status
from newsevents.events.triggers import Trigger, find_triggers, lemma

VIOLENT = frozenset(("ASSAULT", "PROTEST", "COERCE"))
_ANAPHORIC_DETS = frozenset(("the", "these", "those", "this", "that", "its", "their", "such"))
_CONTENT_DEPS = frozenset(("xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "advcl", "acl", "conj", "attr",
                           "oprd", "nsubjpass"))
_CLAUSE_BOUNDARY = frozenset(("ccomp", "relcl", "parataxis"))
# Modes that name a weapon; two of these that differ keep two events apart.
_WEAPON_MODES = frozenset(("aerial", "drone", "heavy-weapons", "explosives", "firearms", "suicide-attack",
                           "cbrn", "grenade", "primitive"))
_CASUALTY_WORDS = frozenset("kill killed dead death die injure injured wound wounded casualty casualties "
                            "fatality fatalities hurt toll body".split())
_CONTINUATION_WINDOW = 2
_MERGE_DEPTH = 3  # arcs between two triggers of one event ("engaged in an offensive", "clashing with")  # sentences a casualty report may follow its event by


@dataclass
class Draft:
    trigger: Trigger
    frame: Frame
    sent: Span
    type: str
    modes: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    acled_hint: str | None = None
    status: StatusReading = field(default_factory=StatusReading)
    members: list[Trigger] = field(default_factory=list)  # merged triggers, the main one first
    content: list[Trigger] = field(default_factory=list)  # what a verbal act is about
    continuation: list[Span] = field(default_factory=list)  # later sentences that report its toll
    clause: list[Token] = field(default_factory=list)
    # Words of the sentence that belong to other triggers' phrases (their places are not this event's).
    excluded: set[int] = field(default_factory=set)
    # ... of which those of coordinated clauses ("carried out drone strikes and shelled X"), whose place
    # this event shares when it names none of its own.
    shared: set[int] = field(default_factory=set)

    @property
    def lemmas(self) -> set[str]:
        return {lemma(t) for m in self.members for t in m.tokens}

    @property
    def consequence_only(self) -> bool:
        return all(m.sense.consequence for m in self.members)


class EventCoder:
    """Reads one parsed document into drafts, in text order of their main trigger."""

    def code(self, doc: Doc) -> list[Draft]:
        drafts: list[Draft] = []
        last_violent: tuple[int, Draft] | None = None  # (sentence index, draft)
        for si, sent in enumerate(doc.sents):
            if _is_question(sent):
                continue  # a question asserts no event
            triggers = [t for t in find_triggers(sent) if not _first_or_second_person(t)]
            sentence_drafts, orphans = self._code_sentence(sent, triggers, drafts)
            if not sentence_drafts and last_violent and si - last_violent[0] <= _CONTINUATION_WINDOW:
                if orphans or _mentions_casualties(sent) or _ends_with_colon(last_violent[1], sent):
                    last_violent[1].continuation.append(sent)
                    continue
            toll: Draft | None = None
            for orphan in orphans:  # a toll with nothing before it to belong to: an event of its own
                if orphan.sense.needs_cue and not _violent_death(sent, orphan):
                    continue
                if _non_violent_cause(sent):
                    continue
                if toll is not None and toll.type == orphan.sense.type:
                    toll.members.append(orphan)  # "one soldier killed, three wounded": one toll, one event
                    continue
                toll = self._draft(orphan, sent)
                sentence_drafts.append(toll)
            for draft in sentence_drafts:
                if any(draft.trigger is o for o in orphans):
                    self._finish(draft, sent, {}, [])
            sentence_drafts.sort(key=lambda d: (_in_background_adjunct(d.trigger.token), d.trigger.token.i))
            drafts += sentence_drafts
            violent = [d for d in sentence_drafts if d.type in VIOLENT]
            if violent:
                last_violent = (si, violent[0])
        return drafts

    # ------------------------------------------------------------------------------------------ sentence

    def _code_sentence(self, sent: Span, triggers: list[Trigger],
                       earlier: list[Draft]) -> tuple[list[Draft], list[Trigger]]:
        triggers = sorted(triggers + _obligations(sent, triggers), key=lambda t: t.token.i)
        every = triggers
        triggers = [t for t in triggers if not _refers_back(t, earlier)]
        content_of = _assign_content(triggers)
        kept = [t for t in triggers if id(t) not in content_of or _keeps_content(t, content_of[id(t)])]
        acts = [t for t in kept if not t.sense.consequence]
        consequences = [t for t in kept if t.sense.consequence]
        drafts: list[Draft] = []
        by_trigger: dict[int, Draft] = {}
        for trig in acts:
            host = next((d for d in drafts if _same_event(d, trig)), None)
            if host is not None:
                host.members.append(trig)
                by_trigger[id(trig)] = host
                if host.trigger.kind == "noun" and trig.kind != "noun" and _label_or_governed(host.trigger, trig):
                    # "Interception: ... forces shot down two drones": the verb carries who and where.
                    host.trigger = trig
                    host.frame = frame_of(trig)
                continue
            draft = self._draft(trig, sent)
            drafts.append(draft)
            by_trigger[id(trig)] = draft
        orphans: list[Trigger] = []
        for cons in consequences:
            cause = _cause_of(cons, [d for d in drafts if d.type in VIOLENT])
            if cause is not None:
                cause.members.append(cons)
            elif _names_agent(cons):
                drafts.append(self._draft(cons, sent))
            else:
                orphans.append(cons)
        for trig in triggers:
            owner = content_of.get(id(trig))
            if owner is not None and id(owner) in by_trigger and id(trig) not in by_trigger:
                by_trigger[id(owner)].content.append(trig)
        for draft in drafts:
            self._finish(draft, sent, content_of, every)
        return drafts, orphans

    def _draft(self, trig: Trigger, sent: Span) -> Draft:
        return Draft(trigger=trig, frame=frame_of(trig), sent=sent, type=trig.sense.type, members=[trig])

    def _finish(self, draft: Draft, sent: Span, content_of: dict[int, Trigger], others: list[Trigger]) -> None:
        trig = draft.trigger
        owner = content_of.get(id(trig))
        draft.clause, draft.excluded = _own_clause(draft, sent, others)
        draft.shared = _coordinated_words(draft, others) & draft.excluded
        modes = [m.sense.mode for m in draft.members if m.sense.mode]
        draft.acled_hint = next((m.sense.acled for m in draft.members if m.sense.acled), None)
        if draft.type in ("ASSAULT",):
            cued = modes_in(draft.clause) or modes_in([t for t in sent if t.i not in draft.excluded])
            modes = [m for m in modes if m not in _WEAPON_MODES or not cued] + cued
        elif draft.type in ("THREATEN", "REQUEST", "REJECT"):
            modes += _verbal_mode(draft.type, draft.content)
        elif draft.type == "CONSULT":
            words = {lemma(t) for t in draft.clause} | {t.lower_ for t in draft.clause}
            modes += [mode for mode, cues in CONSULT_MODE_CUES.items() if words & cues]
        draft.modes = list(dict.fromkeys(modes))
        draft.status = read_status(trig.token, draft.frame.predicate)
        if owner is not None and owner.sense.type == "ACCUSE" and draft.status.status == "occurred":
            # "X accused Y of shelling Z": the shelling is X's claim.
            draft.status = StatusReading("claimed", reporter=_first_subject(owner.token))
        _plover_conventions(draft)
        draft.contexts = list(dict.fromkeys(
            [c for m in draft.members for c in m.sense.contexts] + contexts_in(sent) + list(draft.status.context)
        ))


# ---------------------------------------------------------------------------------------------- helpers

COOPERATIVE = frozenset(("SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"))
CONFLICTUAL = frozenset(("ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"))
_WILLING = frozenset(("ready", "willing", "prepared", "offer", "eager", "happy"))
_POISED = frozenset(("prepare", "poise", "gear", "ready", "prepared", "poised"))
_SELF = frozenset(("it", "they", "he", "she", "we", "i"))
_THREAT_MODE_OF = {"ASSAULT": "violence", "COERCE": "arrest", "SANCTION": "relations", "PROTEST": "restrict",
                   "MOBILIZE": "violence", "RETREAT": "relations", "AID": "relations", "COOPERATE": "relations",
                   "SUPPORT": "relations", "CONCEDE": "relations"}


def _plover_conventions(draft: Draft) -> None:
    """The PLOVER manual's rules for what an intention is coded as.

    Cooperation announced for the future is an AGREE ("all cooperative actions reported in future tense
    are ... intentions"); force or restrictions an actor announces it will use, or will use unless
    something happens, are a THREATEN; getting ready to attack is a MOBILIZE.
    """
    pred = draft.frame.predicate
    governor = _governing_attitude(pred)
    head_word = lemma(governor) if governor is not None else ""
    if draft.type == "ASSAULT" and head_word in _POISED:
        draft.type, draft.modes = "MOBILIZE", ["troops"]
        draft.status = StatusReading("occurred", draft.status.reporter, ("future",))
        return
    future = draft.status.status in ("planned", "hypothetical")
    condition = _condition(pred)
    reporter = draft.status.reporter
    self_announced = reporter is not None and any(
        a.lower_ in _SELF or lemma(a) == lemma(reporter) for a in draft.frame.agents)
    if condition == "unless" and future and draft.type in COOPERATIVE | CONFLICTUAL:
        _make_threat(draft, reporter)  # "will withdraw its force unless ...": a threat
        return
    willing = head_word in _WILLING
    if draft.type in COOPERATIVE and (draft.status.status == "planned" or willing) or \
            draft.type == "CONSULT" and (willing or future and (self_announced or condition)):
        draft.type, draft.modes = "AGREE", []
        draft.status = StatusReading("occurred", reporter, ("future",))
        return
    if draft.type in CONFLICTUAL and future and (condition or self_announced):
        _make_threat(draft, reporter)


def _make_threat(draft: Draft, reporter: Token | None) -> None:
    mode = draft.trigger.sense.mode if draft.type == "COERCE" and draft.trigger.sense.mode in (
        "ban", "restrict", "arrest", "curfew") else _THREAT_MODE_OF.get(draft.type, "relations")
    draft.type, draft.modes = "THREATEN", ["restrict" if mode == "curfew" else mode]
    draft.status = StatusReading("occurred", reporter, ("future",))


_ASPECTUAL = frozenset("resume continue begin start keep renew step".split())


def _governing_attitude(pred: Token) -> Token | None:
    """The word whose complement the event is, through aspectual verbs: "prepared to resume shelling"."""
    node = pred
    for _ in range(3):
        if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
            return None
        node = node.head
        if lemma(node) not in _ASPECTUAL:
            return node
    return None


def _condition(pred: Token) -> str | None:
    for c in pred.children:
        if c.dep_ == "advcl":
            for m in c.children:
                if m.dep_ == "mark" and m.lower_ in ("if", "unless"):
                    return m.lower_
    return None


_OBLIGATION = frozenset(("must", "should", "ought"))
_SPEECH = frozenset("say declare announce insist stress tell warn remind state add note write "
                    "reminder warning statement call message".split())
_OBLIGATION_SENSE = Sense("REQUEST", takes_content=True)
_OBLIGED = frozenset("government regime country state rebel militant force forces army party side authority "
                     "authorities leader leadership administration it they he she".split())


def _obligations(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """ "X said Y must cooperate": a demand, made at the speech verb, whatever Y must do."""
    taken = {t.token.i for t in triggers}
    found: list[Trigger] = []
    for tok in sent:
        if not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in tok.children):
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not any(x.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or x.pos_ == "PROPN" or
                   lemma(x) in _OBLIGED for x in subjects):
            continue  # "people must know": a remark, not a demand on an actor
        node = tok
        for _ in range(2):
            if node.dep_ in ("ccomp", "acl", "advcl") and lemma(node.head) in _SPEECH:
                speech = node.head
                if speech.i not in taken:
                    found.append(Trigger(speech, _OBLIGATION_SENSE, "verb", (speech,)))
                    taken.add(speech.i)
                break
            if node.head.i == node.i:
                break
            node = node.head
    return found


def _refers_back(trig: Trigger, earlier: list[Draft]) -> bool:
    """ "the attacks would be investigated", after the attacks were coded: no new event."""
    tok = trig.token
    if trig.kind != "noun":
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETS for c in tok.children):
        return False
    if any(c.dep_ == "acl" for c in tok.children) or any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree):
        return False  # "the negotiations scheduled for June 2": new facts about it
    if tok.dep_ == "dobj" and lemma(tok.head) in ("launch", "carry", "conduct", "stage", "mount", "hold"):
        return False
    return any(d.type == trig.sense.type for d in earlier)


def _assign_content(triggers: list[Trigger]) -> dict[int, Trigger]:
    """Which triggers are the content of a verbal act in the same sentence (trigger id -> the act)."""
    owners = [t for t in triggers if t.sense.takes_content]
    content: dict[int, Trigger] = {}
    for trig in triggers:
        for owner in owners:
            if owner is trig:
                continue
            if _governs(owner.token, trig.token):
                content[id(trig)] = owner
                break
    return content


def _keeps_content(trig: Trigger, owner: Trigger) -> bool:
    # Accusations and condemnations are about events that (are said to) have happened; demands, threats,
    # refusals and promises are about events that have not. What an accuser calls a thing ("labeled the
    # incidents as acts of sabotage") is a characterisation, not another event.
    if owner.sense.type != "ACCUSE":
        return False
    node = trig.token
    for _ in range(6):
        if node.i == owner.token.i or node.head.i == node.i:
            break
        if node.lower_ == "as" and node.dep_ == "prep":
            return False
        node = node.head
    return True


def _own_clause(draft: Draft, sent: Span, others: list[Trigger]) -> tuple[list[Token], set[int]]:
    """The draft's clause words minus what belongs to another trigger of the sentence ("talks in Istanbul"
    inside the clause of a phone call is the talks' place, not the call's); and those excluded words."""
    mine = {t.i for m in draft.members for t in m.tokens}
    ancestors: set[int] = set()
    for m in draft.members:
        node = m.token
        while node.head.i != node.i:
            if node.dep_ != "conj":  # a conjunct's head is a sibling event, not a governor
                ancestors.add(node.head.i)
            node = node.head
    excluded: set[int] = set()
    for other in others:
        tok = other.token
        if tok.i in mine or tok.i in ancestors:
            continue
        theirs = {t.i for t in tok.subtree}
        for m in draft.members:
            if m.token.i in theirs:
                theirs.difference_update(t.i for t in m.token.subtree)
        excluded |= theirs
    words = {t for m in draft.members for t in clause_tokens(predicate_of(m.token), sent)}
    clause = sorted((t for t in words if t.i not in excluded), key=lambda t: t.i) or [draft.trigger.token]
    return clause, excluded


def _governs(head: Token, tok: Token) -> bool:
    """``tok`` sits in ``head``'s complement, within one clause chain (not behind its subject)."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("nsubj", "csubj") and node.head.i == head.i:
            return False
        if node.head.i == head.i:
            return node.dep_ in _CONTENT_DEPS
        node = node.head
    return False


def _same_event(draft: Draft, trig: Trigger) -> bool:
    if draft.type != trig.sense.type:
        return False
    a, b = draft.trigger.token, trig.token
    if not (_within_clause(a, b, _MERGE_DEPTH) or _within_clause(b, a, _MERGE_DEPTH)):
        return False
    if read_status(b, predicate_of(b)).status != read_status(a, predicate_of(a)).status:
        return False  # "exchanged views on ... the upcoming negotiations": two events
    mode_a = {m.sense.mode for m in draft.members} & _WEAPON_MODES
    mode_b = {trig.sense.mode} & _WEAPON_MODES
    if mode_a and mode_b and not mode_a & mode_b:
        return False
    if b.dep_ == "conj" or a.dep_ == "conj":
        # "clashed with Ukrainian forces and shelled X": fighting and shelling are two events;
        # "assaulted and were repulsed" is one.
        lem_a, lem_b = {lemma(m.token) for m in draft.members}, lemma(b)
        clash_a, clash_b = bool(lem_a & CLASH_WORDS), lem_b in CLASH_WORDS
        if clash_a != clash_b or _cued_mode(a) != _cued_mode(b):
            return False
    if b.dep_ == "conj" and trig.kind == "noun" and draft.trigger.kind == "noun":
        return False  # "attacks and kidnappings": two events
    return True


def _cued_mode(tok: Token) -> str | None:
    """The weapon a verb names by itself or its object ("shelled", "launched missiles")."""
    words = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "prep", "compound"))]
    words += [g for c in words[1:] for g in c.children if c.dep_ in ("pobj", "compound")]
    modes = [m for m in modes_in(sorted(words, key=lambda t: t.i)) if m in _WEAPON_MODES]
    return modes[0] if modes else None


def _coordinated_words(draft: Draft, others: list[Trigger]) -> set[int]:
    mine = predicate_of(draft.trigger.token)
    out: set[int] = set()
    for other in others:
        theirs = predicate_of(other.token)
        if theirs.i == mine.i:
            continue
        linked = (theirs.dep_ == "conj" and theirs.head.i == mine.i) or \
                 (mine.dep_ == "conj" and mine.head.i == theirs.i) or \
                 (mine.dep_ == theirs.dep_ == "conj" and mine.head.i == theirs.head.i)
        if linked:
            out.update(t.i for t in theirs.subtree)
    return out


def _label_or_governed(noun: Trigger, verb: Trigger) -> bool:
    """The noun is a heading ("Interception:") or the verb's own argument."""
    tok = noun.token
    return tok.i == tok.sent.start or tok.head.i == verb.token.i or tok.dep_ in ("dep", "npadvmod", "nsubj")


def _within_clause(head: Token, tok: Token, depth: int = 8) -> bool:
    """``tok`` is below ``head`` without crossing into a clause with its own subject or a new sentence."""
    node = tok
    for _ in range(depth):
        if node.i == head.i:
            return True
        if node.head.i == node.i or node.dep_ in _CLAUSE_BOUNDARY:
            return False
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return False
        node = node.head
    return False


def _cause_of(cons: Trigger, acts: list[Draft]) -> Draft | None:
    if not acts:
        return None
    for draft in acts:
        if _within_clause(draft.trigger.token, cons.token) or _within_clause(cons.token, draft.trigger.token):
            return draft
    before = [d for d in acts if d.trigger.token.i < cons.token.i]
    return before[-1] if before else acts[0]


def _names_agent(cons: Trigger) -> bool:
    """ "Gunmen killed two farmers" names who acted; "two farmers were killed" does not."""
    frame = frame_of(cons)
    return any(a.pos_ in ("PROPN", "NOUN") and lemma(a) not in _CASUALTY_WORDS and
               lemma(a) not in NON_VIOLENT_CAUSES for a in frame.agents)


_BACKGROUND_PREPS = frozenset(("following", "after", "amid", "despite", "before", "since", "during"))


def _in_background_adjunct(tok: Token) -> bool:
    """ "Following clashes with ..., forces captured X": the capture is the sentence's news; so is the
    killing in "rebels occupying the area killed a man"."""
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    node = tok
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ in _BACKGROUND_PREPS:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _is_question(sent: Span) -> bool:
    last = [t for t in sent if not t.is_space and t.text not in ('"', "”", "'", "’", ")")]
    return bool(last) and last[-1].text == "?"


_SPEAKERS = frozenset(("i", "you", "me"))


def _first_or_second_person(trig: Trigger) -> bool:
    """ "I met people who...", "you criticise": an interviewee's own doings are not political events."""
    pred = predicate_of(trig.token)
    subjects = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.lower_ in _SPEAKERS for s in subjects)


def _ends_with_colon(draft: Draft, sent: Span) -> bool:
    """The parser often ends a sentence at a colon; what follows ("...: Murmansk, Ivanovo") is its list."""
    last = draft.continuation[-1] if draft.continuation else draft.sent
    return last.end == sent.start and last[-1].text in (":", ";")


def _mentions_casualties(sent: Span) -> bool:
    return any(lemma(t) in _CASUALTY_WORDS or t.lower_ in _CASUALTY_WORDS for t in sent)


def _non_violent_cause(sent: Span) -> bool:
    return any(lemma(t) in NON_VIOLENT_CAUSES and not hostile_fire(t) for t in sent)


def _violent_death(sent: Span, orphan: Trigger) -> bool:
    """A death told with its violent cause ("died of wounds", "died in shelling", "died in the war")."""
    return any(t.i != orphan.token.i and (lemma(t) in VIOLENT_DEATH_CUES or t.lower_ in VIOLENT_DEATH_CUES)
               and not (lemma(t) == "fire" and not hostile_fire(t)) for t in sent)


def _first_subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)


_REQUEST_MODE = {"CONSULT": "meet", "RETREAT": "yield", "CONCEDE": "yield", "AGREE": "yield", "AID": "assist",
                 "COOPERATE": "assist", "SUPPORT": "assist"}
_THREAT_MODE = {"ASSAULT": "violence", "COERCE": "arrest", "SANCTION": "relations", "PROTEST": "restrict"}


def _verbal_mode(kind: str, content: list[Trigger]) -> list[str]:
    table = _THREAT_MODE if kind == "THREATEN" else _REQUEST_MODE
    out = []
    for trig in content:
        mode = table.get(trig.sense.type)
        if kind == "THREATEN" and trig.sense.type == "COERCE" and trig.sense.mode in ("ban", "restrict"):
            mode = trig.sense.mode
        if mode and mode not in out:
            out.append(mode)
    return out

"""Who did it and to whom: the participants of a trigger, read from the dependency parse.

Returns noun-phrase head tokens; the events extractor turns them into actors with ``actor_for_span``.
PLOVER's conventions: compound actors stay one list; in two-sided violence and in meetings every
participant is a source actor; in one-sided violence the victim is the recipient.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsevents.events.lexicon import LIGHT_VERBS
from newsevents.events.triggers import FOUND_DEAD, Trigger, is_verbal, lemma

_AGENT_PREPS = frozenset(("by", "from"))
# "near X" says where, not whom: it is read as a place, not a target.
_PATIENT_PREPS = frozenset(("on", "against", "at", "upon", "toward", "towards", "into", "of", "targeting"))
_PARTNER_PREPS = frozenset(("with", "between", "among"))
_PRONOUN_RELATIVE = frozenset(("who", "which", "that", "whom"))
# Verbs through which a noun trigger gets its actor: "X launched strikes", "X was hit by a strike".
_NOUN_HOSTS = LIGHT_VERBS | frozenset("respond retaliate claim".split())
# "X repelled Y's attack": the attacker is the one whose attack was repelled.
# "the shooting sparked riots": the subject of a causative is a cause, not who rioted
_CAUSATIVE = frozenset("spark cause trigger provoke prompt fuel ignite lead result draw set touch unleash".split())
# Group nouns that name who acts when they modify an event noun: "police shooting", "army offensive"
_OWNER_NOUNS = frozenset("police army military militia rebel militant insurgent government regime troop "
                         "security jihadist terrorist guerrilla".split())
_COMMISSIVE = frozenset(("assure", "promise", "pledge", "vow", "guarantee", "undertake"))
_DEFENSIVE = frozenset(("repel", "repulse", "thwart", "foil", "counter", "stop", "halt", "block"))


@dataclass
class Frame:
    predicate: Token  # the clause head that carries tense, modality and the subject
    agents: list[Token] = field(default_factory=list)
    patients: list[Token] = field(default_factory=list)
    partners: list[Token] = field(default_factory=list)  # "with X", "between X and Y"
    instruments: list[Token] = field(default_factory=list)  # "with artillery", a weapon as subject


def frame_of(trig: Trigger) -> Frame:
    tok = trig.token
    frame = _verb_frame(tok) if trig.kind != "noun" or is_verbal(tok) else _noun_frame(tok)
    if trig.sense.type not in _FORCEFUL:
        _recipients_of_transfers(frame, tok)
    if trig.kind == "noun" and trig.sense.consequence and frame.predicate.i != tok.i:
        # "spokesperson confirms the death of four soldiers", "Ukraine reports casualties": the host verb's
        # subject tells of the toll; only the noun's own "by X" or owner caused it
        frame.agents = [a for a in frame.agents if a.head.i == tok.i or a.head.head.i == tok.i]
    if trig.sense is FOUND_DEAD:
        # "Police found the body of a man": who found the dead did not kill them
        frame.patients = [p for p in frame.patients if lemma(p) not in ("body", "corpse", "remains")] or \
            frame.patients
        frame.agents = []
    return frame


# Types whose "to X" is a place or a direction, not a recipient ("advanced to the river").
_FORCEFUL = frozenset(("ASSAULT", "PROTEST", "COERCE", "MOBILIZE"))
_THINGS_GIVEN = frozenset("aid assistance help grant loan credit money fund funding weapon arm ammunition equipment "
                          "supply food medicine relief troop soldier force forces settlement information "
                          "intelligence support package tranche national prisoner".split())


def _recipients_of_transfers(frame: Frame, tok: Token) -> None:
    """ "send arms to Pakistan", "hand over two nationals to Great Britain": the one who receives is the
    recipient; the things given are not."""
    nodes = [tok, frame.predicate] + [c for c in tok.children if c.dep_ in ("xcomp", "dobj")]
    receivers = [p for node in nodes for c in node.children if c.dep_ in ("prep", "dative") and lemma(c) == "to"
                 for pobj in _pobjs(c) for p in _expand(pobj)]
    receivers += [p for node in nodes for c in node.children if c.dep_ == "dative" and c.pos_ != "ADP"
                  for p in _expand(c)]
    if receivers:
        frame.patients = [p for p in frame.patients if lemma(p) not in _THINGS_GIVEN]
        frame.patients += [r for r in receivers if r.i not in {p.i for p in frame.patients}]


def predicate_of(tok: Token) -> Token:
    """The clause head a noun trigger hangs from (its host verb), or the verb itself."""
    if is_verbal(tok):
        return tok
    node = tok
    for _ in range(4):
        if node.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "agent", "conj", "appos",
                         "compound"):
            node = node.head
            if is_verbal(node):
                return node
        else:
            break
    return tok


def _verb_frame(verb: Token) -> Frame:
    frame = Frame(verb)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            frame.agents += _expand(c)
        elif c.dep_ == "nsubjpass":
            frame.patients += _expand(c)
        elif c.dep_ in ("dobj", "dative"):
            frame.patients += _expand(c)
        elif c.dep_ == "agent":
            frame.agents += [p for pobj in _pobjs(c) for p in _expand(pobj)]
        elif c.dep_ == "prep":
            prep = lemma(c)
            if prep in _PATIENT_PREPS and prep != "of":
                frame.patients += [p for pobj in _pobjs(c) for p in _expand(pobj)]
            elif prep in _PARTNER_PREPS:
                objs = [p for pobj in _pobjs(c) for p in _expand(pobj)]
                if _is_weapon_phrase(objs):
                    frame.instruments += objs
                else:
                    frame.partners += objs
            elif prep == "by" and passive:
                frame.agents += [p for pobj in _pobjs(c) for p in _expand(pobj)]
    if verb.dep_ in ("acl", "ROOT", "relcl") and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") \
            and verb.dep_ != "ROOT" and (any(c.dep_ == "agent" for c in verb.children) or not frame.patients):
        # "three women beaten by unknown attackers", "a man shot dead": the noun is who suffered it
        if any(c.dep_ == "agent" for c in verb.children):
            frame.patients.append(verb.head)
            passive = True
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") \
            and lemma(verb) in _SUFFERED and not frame.patients and not _has_subject(verb):
        # "Civilians killed in eastern Ukraine", "Two dead found": a headline's reduced passive; the noun
        # is who suffered it, never who did it
        frame.patients.append(verb.head)
        passive = True
    if verb.dep_ == "amod" and verb.tag_ == "VBN" and verb.head.i > verb.i and verb.i > verb.sent.start \
            and lemma(verb) in _SUFFERED and verb.doc[verb.i - 1].tag_ in ("NNS", "NNPS"):
        # "..., three soldiers wounded - task force", parsed as a modifier of the next noun
        frame.patients.append(verb.doc[verb.i - 1])
        passive = True
    if not passive and _headline_passive(verb):
        # "one soldier killed, three wounded", "Dead man found hanging": the parser reads the dropped
        # "was" as an active verb whose subject is in fact its patient
        frame.patients += frame.agents
        frame.agents = []
        passive = True
    if lemma(verb) in _UNDERGONE and not passive:
        # "Armed Forces lost 130 servicemen", "the enemy suffered losses": the subject is the side hit
        frame.patients = frame.agents + frame.patients
        frame.agents = []
        passive = True
    if not frame.agents and verb.pos_ == "NOUN":
        # "Russian army shells Kharkiv": the subject of a verb the parser took for a noun is its modifier
        frame.agents = [c for c in verb.children if c.dep_ == "compound" and c.i == verb.i - 1]
    if passive and not frame.agents:
        frame.agents = _stray_agent(verb)
    if not frame.agents and not passive:
        frame.agents = _inherited_subject(verb)
    elif not frame.agents and verb.dep_ == "ccomp" and lemma(verb.head) in _COMMISSIVE:
        # "Lavrov assured that the attacks would be investigated": the one who commits acts.
        frame.agents = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if lemma(verb) in _DEFENSIVE and not passive:
        # The defender is a participant; the attacker (owner of the repelled attack) comes first.
        attackers = [m for p in frame.patients for m in _noun_owners(p)]
        if attackers:
            frame.agents = attackers + frame.agents
            frame.patients = []
    frame.agents = [a for a in frame.agents if not _is_label(a)]
    _split_instruments(frame)
    return frame


def _noun_frame(noun: Token) -> Frame:
    host = predicate_of(noun)
    frame = Frame(host)
    frame.agents += _noun_owners(noun)
    for c in noun.children:
        if c.dep_ == "prep":
            prep = lemma(c)
            objs = [p for pobj in _pobjs(c) for p in _expand(pobj)]
            if prep in _AGENT_PREPS:
                frame.agents += objs
            elif prep in _PATIENT_PREPS:
                frame.patients += objs
            elif prep in _PARTNER_PREPS:
                frame.partners += objs
        elif c.dep_ == "acl":  # "strikes aimed at ...", "attacks targeting ..."
            for cc in c.children:
                if cc.dep_ == "prep" and lemma(cc) in _PATIENT_PREPS:
                    frame.patients += [p for pobj in _pobjs(cc) for p in _expand(pobj)]
                elif cc.dep_ == "dobj":
                    frame.patients += _expand(cc)
    if host.i != noun.i:
        host_frame = _verb_frame(host)
        if (noun.dep_ in ("dobj", "attr") and lemma(host) not in _CAUSATIVE) or lemma(host) in _NOUN_HOSTS:
            # "Russia launched strikes", "Russia responded with counterstrikes"
            if not frame.agents:
                frame.agents = [a for a in host_frame.agents if a.i != noun.i]
            frame.partners += [p for p in host_frame.partners if p.i != noun.i]
            frame.patients += [p for p in host_frame.patients if p.i != noun.i]
        elif noun.dep_ == "pobj" and noun.head.dep_ == "agent" or noun.dep_ in ("nsubj", "pobj"):
            # "bridges were destroyed by bomb attacks", "a strike hit the school", "killed in a raid"
            frame.patients += [p for p in host_frame.patients if p.i != noun.i]
            if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
                pass
            elif noun.dep_ == "pobj":
                frame.agents = frame.agents or [a for a in host_frame.agents if a.i != noun.i]
        frame.instruments += host_frame.instruments
    _split_instruments(frame)
    return frame


def _noun_owners(noun: Token) -> list[Token]:
    """Who a nominal event belongs to: "Russia's attack", "Russian strikes", "Hamas attack"."""
    out = []
    for c in noun.children:
        if c.dep_ == "poss":
            out += _expand(c)
        elif c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG")
                                                          or c.pos_ == "PROPN" or lemma(c) in _OWNER_NOUNS):
            out += _expand(c)
            # "Russia-Ukraine negotiations", "US-China talks": hyphenated pairs of owners
            out += [g for g in c.children if g.dep_ in ("compound", "amod") and
                    (g.ent_type_ in ("NORP", "GPE", "ORG") or g.pos_ == "PROPN")]
    return out


def _inherited_subject(verb: Token) -> list[Token]:
    """ "Russian forces assaulted and were repulsed", "forces engaged ..., clashing with ..." """
    node = verb
    for _ in range(3):
        if node.dep_ not in ("conj", "xcomp", "advcl", "acl", "relcl") or node.head.i == node.i:
            return []
        head = node.head
        if node.dep_ == "relcl":
            return [head] if head.lower_ not in _PRONOUN_RELATIVE else []
        if node.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            # "Russian forces, supported by artillery, clashed with ...": the parser hangs the verb on
            # the noun; without a "by" agent of its own, the noun is who acted.
            if any(c.dep_ == "agent" for c in node.children) or lemma(head) in _NON_AGENT_NOUNS:
                return []
            return [head]
        subj = [c for c in head.children if c.dep_ in ("nsubj",)]
        if subj:
            return [s for x in subj for s in _expand(x)]
        node = head
    return []


# Verbs whose reduced passive ("X killed", "X found") headlines use, so a bare subject is their patient.
_SUFFERED = frozenset("kill injure wound hurt shoot murder execute behead abduct kidnap detain arrest torture beat "
                      "rape capture slay massacre assassinate stab find discover exhume unearth recover".split())
# Verbs whose subject undergoes the event: a side loses people, suffers losses.
_UNDERGONE = frozenset(("lose", "suffer", "sustain", "incur", "die", "perish"))


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _headline_passive(verb: Token) -> bool:
    """A participle with a subject, no object and no auxiliary: "soldier killed", "Dead man found"."""
    if lemma(verb) not in _SUFFERED or verb.tag_ not in ("VBN", "VBD"):
        return False
    children = list(verb.children)
    if any(c.dep_ in ("dobj", "aux", "auxpass", "dative") for c in children):
        return False
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    if verb.tag_ == "VBD":
        if lemma(verb) in _ONLY_TRANSITIVE:
            return True  # "two civilians wounded": these verbs take an object whenever they are active
        # "Dead man found": only a subject that is itself the dead, since "Police found ..." is active
        return lemma(verb) in ("find", "discover") and any(
            lemma(g) == "dead" for s in subjects for g in s.children)
    return True


_ONLY_TRANSITIVE = frozenset("kill wound injure hurt behead murder abduct kidnap detain arrest".split())


_NON_AGENT_NOUNS = frozenset("bridge building house home car vehicle road area village town city region "
                             "operation attack strike".split())


def _stray_agent(verb: Token) -> list[Token]:
    """A passive's "by X" the parser hung lower down ("were fired upon with small arms by NAF forces")."""
    for prep in verb.subtree:
        if prep.lower_ == "by" and prep.dep_ in ("prep", "agent") and prep.head.i != verb.i:
            if prep.head.dep_ in ("pobj", "conj", "dobj") and sum(1 for _ in prep.ancestors) <= \
                    sum(1 for _ in verb.ancestors) + 4:
                objs = [p for pobj in _pobjs(prep) for p in _expand(pobj)]
                if objs and not any(is_weapon(o) or o.ent_type_ in ("DATE", "TIME") for o in objs):
                    return objs
    return []


def _is_label(tok: Token) -> bool:
    """A heading word before a colon at the start of a sentence ("Interception:", "Defusal:")."""
    return tok.i == tok.sent.start and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == ":"


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def _expand(tok: Token) -> list[Token]:
    """A head and its coordinated heads: "Russia and Ukraine" -> [Russia, Ukraine]."""
    if tok.lower_ in _PRONOUN_RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head
    return [tok, *tok.conjuncts]


_WEAPON_LEMMAS = frozenset(
    "artillery mortar missile rocket drone uav shell gun rifle weapon grenade bomb explosive mine ied "
    "launcher aircraft helicopter jet warplane tank cannon howitzer munition mlrs bullet knife machete "
    "small arm firearm".split()
)


def is_weapon(tok: Token) -> bool:
    return lemma(tok) in _WEAPON_LEMMAS


def _is_weapon_phrase(tokens: list[Token]) -> bool:
    return bool(tokens) and all(is_weapon(t) for t in tokens)


def _split_instruments(frame: Frame) -> None:
    """Weapons named as subject or object are instruments; their owner is the agent ("a Russian drone")."""
    weapons = [a for a in frame.agents if is_weapon(a)]
    if weapons:
        frame.agents = [a for a in frame.agents if not is_weapon(a)]
        frame.instruments += weapons
        if not frame.agents:
            owners = [o for w in weapons for o in _noun_owners(w)]
            frame.agents = owners or weapons  # the weapon phrase may still name its owner as a whole
    objs = [p for p in frame.patients if is_weapon(p)]
    if objs and lemma(frame.predicate) in ("fire", "launch", "use", "drop", "hurl", "throw", "detonate"):
        frame.patients = [p for p in frame.patients if not is_weapon(p)]
        frame.instruments += objs

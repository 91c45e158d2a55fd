"""Finding event triggers in a parsed sentence: the verbs, nouns and phrases of the lexicon, disambiguated
by the words the parse attaches to them (particle, preposition, object, subject)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsevents.events.lexicon import (
    ARMED_STRIKE_CUES,
    FINDING_VERBS,
    GENERIC_NOUNS,
    LABOUR_STRIKE_CUES,
    LIGHT_NOUNS,
    LIGHT_VERBS,
    MILITARY_CONTEXT,
    NON_MILITARY_LOSS_CUES,
    NON_VIOLENT_CAUSES,
    NOUN_SENSES,
    PHRASES,
    REMAINS_WORDS,
    VERB_SENSES,
    WORD_CLASSES,
    Sense,
)

_VERB_TAGS = frozenset("VB VBD VBG VBN VBP VBZ".split())
_SUBJ = frozenset(("nsubj", "csubj"))
_OBJ = frozenset(("dobj", "nsubjpass", "attr", "oprd", "dative"))
# Phrases indexed by their first lemma; a phrase's words may have up to this many tokens between them.
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], Sense]]] = {}
for _words, _sense in PHRASES.items():
    _PHRASES_BY_FIRST.setdefault(_words[0], []).append((_words, _sense))
_PHRASE_GAP = 3
_SKIPPABLE_IN_PHRASE = frozenset(("a", "an", "the"))


@dataclass
class Trigger:
    token: Token  # the word that carries the event (a verb, or the head noun)
    sense: Sense
    kind: str  # "verb" | "noun" | "phrase"
    tokens: tuple[Token, ...]  # every word of the trigger (one, or a phrase's words)

    @property
    def char_span(self) -> tuple[int, int]:
        start = min(t.idx for t in self.tokens)
        end = max(t.idx + len(t.text) for t in self.tokens)
        return start, end


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def is_verbal(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX") or token.tag_ in _VERB_TAGS:
        return True
    # The small model tags headline present tense as nouns ("Militiamen rape and beat 3 girls"); a word
    # with a direct object or an auxiliary is a verb whatever its tag.
    return token.pos_ == "NOUN" and any(c.dep_ in ("dobj", "aux", "auxpass", "neg") for c in token.children)


def find_triggers(sent: Span) -> list[Trigger]:
    """Every trigger in the sentence, in text order; a word belongs to at most one trigger."""
    found: list[Trigger] = []
    taken: set[int] = set()
    for tok in sent:
        if tok.i in taken or not tok.is_alpha and "-" not in tok.text:
            continue
        phrase = _match_phrase(tok, sent)
        if phrase is not None:
            words, sense = phrase
            head = next((t for t in words if is_verbal(t)), words[0])
            found.append(Trigger(head, sense, "phrase", words))
            taken.update(t.i for t in words)
            continue
        lem = lemma(tok)
        if is_verbal(tok) and tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN") and \
                not any(x.type == "PROTEST" for x in VERB_SENSES.get(lem, ())) and not _toll_after_victims(tok):
            continue  # "Iran-backed militias", "the shelled village": a modifier, not a clause; but
            # "protesting employees", "rioting residents" say what those people were doing
        if is_verbal(tok):
            senses = VERB_SENSES.get(lem)
            sense = _first_applicable(tok, senses) if senses else None
            if sense is None and lem in FINDING_VERBS and _finds_the_dead(tok):
                sense = FOUND_DEAD
            if sense is not None:
                found.append(Trigger(tok, sense, "verb", (tok,)))
                taken.add(tok.i)
        elif tok.tag_ == "JJ" and lem in NOUN_SENSES and tok.dep_ in ("acomp", "dobj", "oprd", "attr") \
                and lemma(tok.head) in LIGHT_VERBS:
            # "troops continue offensive": the parser makes the event noun an adjective after a light verb
            found.append(Trigger(tok, NOUN_SENSES[lem][0], "noun", (tok,)))
            taken.add(tok.i)
        elif _headline_present(tok):
            sense = _first_applicable(tok, VERB_SENSES[lem])
            if sense is not None and sense.type == "ASSAULT":
                found.append(Trigger(tok, sense, "verb", (tok,)))
                taken.add(tok.i)
        elif tok.pos_ in ("NOUN", "PROPN") and tok.text.islower() or tok.pos_ == "NOUN":
            senses = NOUN_SENSES.get(lem)
            if senses and lem in _WAR_TOLL_NOUNS and not _war_toll(tok):
                continue
            if senses and _noun_names_event(tok) and not _natural_hazard(tok):
                sense = _labour_strike(tok) if lem == "strike" else _exchange(tok) if lem == "exchange" \
                    else senses[0]
                found.append(Trigger(tok, sense, "noun", (tok,)))
                taken.add(tok.i)
    found.sort(key=lambda t: t.token.i)
    return found


# A death discovered ("two bodies found", "dead man found", "mass grave exhumed"): a toll whose act is
# told elsewhere in the sentence ("found after a strike") or not at all.
FOUND_DEAD = Sense("ASSAULT", consequence=True)
_WAR_TOLL_NOUNS = frozenset(("loss", "casualty", "defeat", "toll", "death"))
_TOLL_OF = frozenset(("death", "casualty", "fatality"))
_NOT_A_TOLL = frozenset(("sentence", "condemn", "penalty", "threat", "row", "stare", "beat", "bore", "scare"))


def _finds_the_dead(tok: Token) -> bool:
    """ "found dead", "bodies were found", "Dead man found", "Two dead found": what was found is the dead."""
    near = [c for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "oprd", "acomp", "advmod",
                                                   "xcomp", "attr", "ccomp")]
    if tok.dep_ in ("acl", "relcl"):
        near.append(tok.head)  # "Two dead found", "bodies found in a forest"
    words = {lemma(t) for t in near} | {t.lower_ for t in near}
    words |= {w for t in near for g in t.children if g.dep_ in ("amod", "compound", "advmod", "nummod")
              for w in (lemma(g), g.lower_)}
    return bool(words & REMAINS_WORDS)


_TOLL_PARTICIPLES = frozenset(("kill", "wound", "injure", "hurt"))


def _toll_after_victims(tok: Token) -> bool:
    """ "..., three Ukrainian soldiers wounded - task force": a participle right after its victims is a
    reduced passive even where the parser hangs it on the next noun as a modifier."""
    if tok.tag_ != "VBN" or lemma(tok) not in _TOLL_PARTICIPLES or tok.i == tok.sent.start:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.pos_ in ("NOUN", "PROPN") and prev.tag_ in ("NNS", "NNPS") and tok.head.i > tok.i


def _war_toll(tok: Token) -> bool:
    """ "losses" and "casualties" as people killed or wounded in war: said of armed forces, not of money,
    and not denied ("no casualties")."""
    if any(c.dep_ == "det" and c.lower_ in ("no",) or c.dep_ == "neg" for c in tok.children):
        return False
    if lemma(tok) == "toll":
        return any(c.dep_ in ("compound", "amod") and lemma(c) in _TOLL_OF for c in tok.children)
    if lemma(tok) == "death":
        # "sentenced to death", "death threats": no one died
        node = tok.head.head if tok.dep_ == "pobj" else tok.head
        return lemma(node) not in _NOT_A_TOLL and tok.dep_ not in ("compound", "amod")
    if lemma(tok) == "loss" and tok.tag_ != "NNS" and not any(c.dep_ == "amod" for c in tok.children):
        return False  # "the loss of the city": a plural toll or a described one ("heavy loss") only
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "of") and tok.head.i > 0 and \
            tok.doc[tok.head.i - 1].lower_ in ("due", "owing", "because"):
        return False  # "withdrew due to losses": the reason for another act, told in passing
    words = {lemma(t) for t in tok.sent} | {t.lower_ for t in tok.sent}
    return bool(words & MILITARY_CONTEXT) and not words & NON_MILITARY_LOSS_CUES


_ARMED_GROUP_WORDS = frozenset("army military force forces troop troops militant militants rebel rebels militia "
                                "separatist separatists gunman gunmen police insurgent insurgents".split())


def _headline_present(tok: Token) -> bool:
    """ "Russian army shells Kharkiv": a headline's present-tense verb the parser took for a plural noun,
    between an armed group ("army shells") and a name ("... Kharkiv", "... DPR")."""
    if tok.tag_ not in ("NNS", "NN") or lemma(tok) in NOUN_SENSES or lemma(tok) not in VERB_SENSES:
        return False
    if tok.i == 0 or tok.i + 1 >= len(tok.doc):
        return False
    before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    if before.lower_ not in _ARMED_GROUP_WORDS or after.i >= tok.sent.end:
        return False
    # "... shells Kharkiv", "... forces fire on positions"
    return after.pos_ == "PROPN" or lemma(tok) == "fire" and after.lower_ in ("on", "at", "upon")


_LABOUR_STRIKE = Sense("PROTEST", "strike-lim")
_STRIKE = Sense("ASSAULT")


def _labour_strike(tok: Token) -> Sense:
    """ "a national strike", "went on strike", "teachers' strike" versus "air strikes", "a missile strike"."""
    near = {lemma(c) for c in tok.children} | {lemma(tok.head)}
    near |= {lemma(c) for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")}
    if near & ARMED_STRIKE_CUES:
        return _STRIKE
    if near & LABOUR_STRIKE_CUES or tok.head.lower_ == "on" or any(c.dep_ == "poss" for c in tok.children):
        return _LABOUR_STRIKE
    words = {lemma(t) for t in tok.sent}
    if words & LABOUR_STRIKE_CUES and not words & ARMED_STRIKE_CUES:
        return _LABOUR_STRIKE
    return _STRIKE


_FIRE_EXCHANGE = Sense("ASSAULT", "firearms")


def _exchange(tok: Token) -> Sense:
    """ "a fire exchange", "an exchange of fire" versus "a prisoner exchange"."""
    near = {lemma(c) for c in tok.children if c.dep_ in ("compound", "amod")}
    near |= {lemma(g) for c in tok.children if c.dep_ == "prep" for g in c.children}
    if near & {"fire", "gunfire", "shot", "bullet"}:
        return _FIRE_EXCHANGE
    return NOUN_SENSES["exchange"][0]


def _match_phrase(tok: Token, sent: Span) -> tuple[tuple[Token, ...], Sense] | None:
    candidates = _PHRASES_BY_FIRST.get(lemma(tok))
    if not candidates:
        return None
    for words, sense in candidates:
        matched = [tok]
        pos = tok.i
        ok = True
        for word in words[1:]:
            if word in _SKIPPABLE_IN_PHRASE:
                continue
            nxt = None
            for j in range(pos + 1, min(pos + 2 + _PHRASE_GAP, sent.end)):
                cand = tok.doc[j]
                if lemma(cand) == word or cand.lower_ == word:
                    nxt = cand
                    break
            if nxt is None:
                ok = False
                break
            matched.append(nxt)
            pos = nxt.i
        if ok and _connected(matched):
            return tuple(matched), sense
    return None


def _connected(tokens: list[Token]) -> bool:
    """Words of a phrase must hang together in the parse (each within two arcs of the first)."""
    first = tokens[0]
    near = {first.i, first.head.i, *(c.i for c in first.children)}
    near |= {g.i for c in first.children for g in c.children}
    near |= {c.i for c in first.head.children}
    return all(t.i in near for t in tokens[1:])


def _first_applicable(tok: Token, senses: tuple[Sense, ...]) -> Sense | None:
    for sense in senses:
        if _applies(tok, sense):
            return sense
    return None


def _applies(tok: Token, sense: Sense) -> bool:
    children = list(tok.children)
    if sense.bare and (any(not _in_source_tail(tok, o) for o in objects_of(tok))
                       or any(c.dep_ in ("aux", "auxpass") for c in children)):
        return False
    if sense.prt:
        near = {lemma(c) for c in children if c.dep_ in ("prt", "advmod", "prep", "compound:prt")}
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None:
            near.add(lemma(nxt))
        if not near & sense.prt:
            return False
    if sense.prep and not any(c.dep_ in ("prep", "agent", "dative") and lemma(c) in sense.prep
                              for c in children):
        return False
    if sense.obj or sense.not_obj:
        objs = {lemma(o) for o in objects_of(tok)}
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not sense.bare:
            objs.add(lemma(tok.head))  # a reduced passive: "60 invaders liquidated" were liquidated
        # "lifted a state of emergency", "imposed an information blackout": the object's own nouns count
        objs |= {lemma(g) for o in objects_of(tok) for c in o.children if c.dep_ in ("compound", "prep")
                 for g in ([c] if c.dep_ == "compound" else c.children) if g.pos_ in ("NOUN", "PROPN")}
        if sense.obj and not objs & _word_class(sense.obj):
            return False
        if sense.not_obj and objs & _word_class(sense.not_obj):
            return False
    if sense.subj or sense.not_subj:
        subjs = {lemma(s) for s in subjects_of(tok)}
        if sense.bare and tok.dep_ == "acl" and tok.tag_ == "VBN":
            subjs.add(lemma(tok.head))  # "Russian armored group defeated near X": the noun it happened to
        subjs |= {lemma(c) for s in subjects_of(tok) for c in s.children if c.dep_ == "compound"}
        if sense.subj and not subjs & _word_class(sense.subj) and not (
                sense.subj == "crowd" and any(x.ent_type_ == "NORP" and x.tag_ in ("NNS", "NNPS")
                                              for x in subjects_of(tok))):
            return False
        if sense.not_subj and subjs & _word_class(sense.not_subj):
            return False
    return True


_DASHES = frozenset(("-", "–", "—"))


def _in_source_tail(tok: Token, other: Token) -> bool:
    """ "... lost in X direction - Russian Defense Ministry": a word after a spaced dash that follows the
    verb is the headline's source, whatever the parser made of it."""
    return other.i > tok.i and any(t.text in _DASHES and t.whitespace_ and t.doc[t.i - 1].whitespace_
                                   for t in tok.doc[tok.i + 1:other.i])


def _word_class(name: str) -> frozenset[str]:
    """A named word class, or the single word itself."""
    return WORD_CLASSES.get(name, frozenset((name,)))


def subjects_of(tok: Token) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in _SUBJ]
    node = tok
    for _ in range(2):  # "demonstrators were reported to have gathered": the subject up the chain
        if out or node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            break
        node = node.head
        out = [c for c in node.children if c.dep_ in _SUBJ or c.dep_ == "nsubjpass"]
    return out + [cc for s in out for cc in s.conjuncts]


def objects_of(tok: Token) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in _OBJ]
    return out + [cc for o in out for cc in o.conjuncts]


def _natural_hazard(tok: Token) -> bool:
    """ "a hurricane warning", "flood threat": weather and hazards, not political acts; nor campaign
    rallies, which are electioneering, not protest."""
    if any(c.dep_ in ("compound", "amod") and lemma(c) in NON_VIOLENT_CAUSES for c in tok.children):
        return True
    return lemma(tok) == "rally" and any(lemma(t) in ("campaign", "election", "candidate") for t in tok.sent)


def _noun_names_event(tok: Token) -> bool:
    """A trigger noun names an event here, not a modifier ("protest movement") or a thing ("a call")."""
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        # "attack helicopter", "protest leaders": the noun modifies another noun; but "assault actions",
        # "strike operations" name the event with a generic head.
        return lemma(tok.head) in LIGHT_NOUNS
    if lemma(tok) in GENERIC_NOUNS:
        # Generic nouns need an event frame around them: subject or object of a verb, or a prep object.
        return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT", "conj", "appos")
    return True

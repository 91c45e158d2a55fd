"""Events: PLOVER and ACLED coding with actors, status, place, date, casualties and evidence.

The coder (``newsevents.events.coder``) reads the parse into drafts: trigger, participants as parse
tokens, mode, status. This extractor turns each draft into an ``Event`` with what the earlier
extractors found: actors (``actor_for_span``), places (``places_for_span``), the date (``date_for_span``),
casualties (``casualties_for_span``, whose quantities get ``Quantity.event``), and who asserts it
(``attribution_for_span``); then the ACLED type, which needs the actors' sectors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from newsevents.analyze.actors import actor_for_span
from newsevents.analyze.context import Extraction
from newsevents.analyze.places import is_place_phrase, place_precision, places_for_span
from newsevents.analyze.quantities import casualties_for_span
from newsevents.analyze.quotes import attribution_for_span
from newsevents.analyze.registry import register_extractor
from newsevents.analyze.times import date_for_span
from newsevents.events.acled_rules import AcledInput, Guess, acled_sub_event
from newsevents.events.coder import Draft, EventCoder
from newsevents.events.country_places import country_place
from newsevents.events.frames import frame_of, is_weapon
from newsevents.events.incidents import accidental_explosion, incident_cue
from newsevents.events.lexicon import (
    CIVILIAN_OBJECTS,
    CLASH_WORDS,
    MILITARY_OBJECTS,
    NOUN_SENSES,
    PERSON_WORDS,
    POLICE_OBJECTS,
    WORD_CLASSES,
)
from newsevents.events.taxonomy import acled
from newsevents.events.triggers import lemma
from newsevents.lexicon.countries import country_by_iso
from newsevents.model import Actor, Event, Evidence, Incident, Place, Range, When

Span = tuple[int, int]

_TWO_SIDED = frozenset(("CONSULT", "ASSAULT"))  # partners are co-actors (PLOVER: meetings, clashes)
_WEAPON_MODES = frozenset(("aerial", "drone", "heavy-weapons", "explosives", "firearms", "suicide-attack", "cbrn",
                           "grenade", "primitive"))
_VIOLENT_CAUSES = frozenset("bomb blast explosion fire shell shrapnel bullet vehicle car truck violence fighting fight "
                            "hostility combat surge wave escalation flare-up upsurge device".split())
_PHYSICAL = frozenset(("ASSAULT",))  # where a figurative subject ("his politics clashed with") is common
_SAME_DAY = ("same day", "that day", "the day", "same time", "meanwhile", "simultaneously")


@register_extractor("events")
def make_events_extractor(config: dict[str, Any]) -> EventExtractor:
    return EventExtractor(min_confidence=float(config.get("min_confidence", 0.0)))


@dataclass
class EventExtractor:
    min_confidence: float = 0.0
    coder: EventCoder = field(default_factory=EventCoder)

    def __call__(self, ex: Extraction) -> None:
        drafts = self.coder.code(ex.doc)
        used_quantities: set[int] = set()
        previous: Event | None = None
        for draft in drafts:
            event = _EventBuilder(ex, draft, previous, used_quantities).build()
            if event is None or event.confidence is not None and event.confidence < self.min_confidence:
                continue
            ex.events.append(event)
            if event.date.precision != "unknown":
                previous = event  # the last event whose time the text told
        _date_from_later_mentions(ex.events)
        _home_country_for_groups(ex)
        ex.incidents.extend(_incidents(ex, used_quantities))


_FOREIGN_SECTORS = frozenset(("IGO", "NGO"))
_STATE_SECTORS = frozenset(("GOV", "MIL", "COP", "JUD", "LEG"))


def _home_country_for_groups(ex: Extraction) -> None:
    """A group named without a nationality ("police", "protesters", "unidentified gunmen") is of the
    country where its events happen, when they all happen in one: the convention ACLED codes by
    ("Protesters (Algeria)", "Unidentified Armed Group (Burundi)"). State bodies named without a country
    ("the Police", "the army") likewise."""
    country_of_place = {p.id: c for p in ex.places if (c := _iso3(p.country))}
    in_article = set(country_of_place.values())
    seen: dict[str, set[str]] = {}
    for ev in ex.events:
        # where the event happened; an event placed nowhere resolvable happened in the article's country
        where = {country_of_place[pid] for pid in ev.places if pid in country_of_place} or in_article
        for actor_id in (*ev.actors, *ev.recipients):
            seen.setdefault(actor_id, set()).update(where)
    for actor in ex.actors:
        where = seen.get(actor.id, set())
        if actor.country is not None or len(where) != 1 or actor.sector in _FOREIGN_SECTORS:
            continue
        if actor.kind == "group" or actor.kind == "organization" and actor.sector in _STATE_SECTORS:
            actor.country = next(iter(where))


def _incidents(ex: Extraction, used: set[int]) -> list[Incident]:
    """Disasters and crime, one per sentence that reports one (see ``newsevents.events.incidents``)."""
    out: list[Incident] = []
    for sent in ex.doc.sents:
        cue = incident_cue(sent)
        if cue is None:
            continue
        category, tok = cue
        span = (sent.start_char, sent.end_char)
        places = places_for_span(ex, *span)
        incident = Incident(id=ex.new_id("i"), category=category,
                            evidence=Evidence(span, (tok.idx, tok.idx + len(tok.text))),
                            places=[p.id for p in places], date=date_for_span(ex, *span),
                            confidence=0.6 if tok.pos_ in ("NOUN", "PROPN") else 0.5)
        if category != "crime":
            killed, hurt, quantities = casualties_for_span(ex, *span)
            fresh = [q for q in quantities if id(q) not in used and q.event is None]
            if fresh:
                used.update(id(q) for q in fresh)
                incident.fatalities, incident.injured = killed, hurt
        out.append(incident)
    return out


def _date_from_later_mentions(events: list[Event]) -> None:
    """An undated event takes the date of a later mention of the same act: same type, a shared place
    ("bridges were destroyed by bomb attacks" ... "the bombings ... in the Bryansk region on June 1")."""
    for i, ev in enumerate(events):
        if ev.date.precision != "unknown" or not ev.places:
            continue
        for later in events[i + 1:]:
            if later.type == ev.type and later.date.precision == "day" and set(later.places) & set(ev.places):
                ev.date = When(later.date.value, later.date.precision)
                break


class _EventBuilder:
    def __init__(self, ex: Extraction, draft: Draft, previous: Event | None, used: set[int]) -> None:
        self.ex, self.d, self.previous, self.used = ex, draft, previous, used
        self.actor_spans: list[Span] = []

    def build(self) -> Event | None:
        """The event, or None for a figurative use ("his politics have clashed with the party's stances")."""
        d = self.d
        evidence = _evidence_span(d)
        agents = list(d.frame.agents)
        member_frames = [frame_of(m) for m in d.members[1:]]
        if d.type in _TWO_SIDED:
            # "engaged in an offensive ... and were repelled by Ukrainian forces": both sides act.
            for frame in member_frames:
                agents += [a for a in frame.agents if a.i not in {x.i for x in agents}]
        clash = bool(d.lemmas & CLASH_WORDS)
        for member, frame in zip(d.members[1:], member_frames):
            # "shot and killed a shopkeeper": the victim hangs on the second verb; but the dead of a clash
            # ("18 were killed as soldiers engaged loyalists") are its toll, not its target
            if clash and member.sense.consequence:
                continue
            d.frame.patients += [p for p in frame.patients if p.i not in {x.i for x in d.frame.patients}
                                 and p.i not in {x.i for x in agents}]
        actors = self._actors(agents)
        members = {t.i for m in d.members for t in m.tokens}
        if d.type in _PHYSICAL and agents and not actors and not any(_can_act(a) for a in agents) \
                and not set(d.modes) & _WEAPON_MODES and not any(_holds_trigger(a, members) for a in agents):
            return None
        if d.type == "ASSAULT" and not actors and accidental_explosion(d.sent):
            return None  # a gas explosion or a factory fire: an incident, not an assault
        partners = self._actors(d.frame.partners)
        self.actor_spans = self.actor_spans[: len(agents) + len(d.frame.partners)]
        recipients = self._actors(d.frame.patients)
        # Only who acts is kept out of the places; what is hit ("Ukraine") may well be where it happened.
        self.actor_spans = self.actor_spans[: len(agents) + len(d.frame.partners)]
        if d.type in _TWO_SIDED and not (d.type == "ASSAULT" and d.trigger.sense.mode in ("abduct", "sexual")):
            actors = _unique(actors + partners)
        else:
            recipients = _unique(recipients + partners)
        recipients = [r for r in recipients if r not in actors]
        status, attributed = self._status(evidence)
        event = Event(
            id=self.ex.new_id("e"),
            type=d.type,
            evidence=Evidence(evidence, d.trigger.char_span),
            status=status,
            mode=list(d.modes),
            context=list(d.contexts),
            actors=[a.id for a in actors],
            recipients=[a.id for a in recipients],
            attributed_to=attributed,
        )
        event.recipient_sector = _recipient_sector(recipients, d)
        places = self._places(evidence, recipients)
        event.places = [p.id for p in places]
        event.place_precision = place_precision(places) if places else "unknown"
        event.date = self._date(evidence)
        if event.status == "occurred" and _after_publication(event.date, self.ex.article.published):
            # dated after the article was written: it has not happened yet ("talks on Monday")
            event.status = "planned"
            event.context = list(dict.fromkeys([*event.context, "future"]))
        if d.type in ("ASSAULT", "PROTEST", "COERCE"):
            event.fatalities, event.injured = self._casualties(event)
        sub = acled_sub_event(self._acled_input(event, actors, recipients, partners, places))
        event.acled = acled(sub) if sub else None
        event.confidence = _confidence(d, event, guessed=isinstance(sub, Guess))
        return event

    # ---------------------------------------------------------------------------------- participants

    def _actors(self, heads: list[Token]) -> list[Actor]:
        out: list[Actor] = []
        for head in heads:
            start, end = _np_span(head)
            self.actor_spans.append((start, end))
            actor = actor_for_span(self.ex, start, end)
            if actor is None and (is_weapon(head) or head.pos_ == "NOUN"):
                # "a Russian drone", "Ukrainian positions": the owner is in a modifier
                for mod in head.children:
                    if mod.dep_ in ("amod", "compound", "poss", "nmod") and mod.i < head.i:
                        actor = actor_for_span(self.ex, mod.idx, mod.idx + len(mod.text))
                        if actor is not None:
                            break
            if actor is not None and actor not in out:
                out.append(actor)
        return out

    def _status(self, evidence: Span) -> tuple[str, list[str]]:
        reading = self.d.status
        status = reading.status
        attributed: list[str] = []
        if reading.reporter is not None:
            reporter = self._actors([reading.reporter])
            attributed += [a.id for a in reporter]
        sent = self.d.sent
        ids, claim = attribution_for_span(self.ex, sent.start_char, sent.end_char)
        attributed = _unique(attributed + list(ids))
        if not attributed:
            tail = _source_tail(sent, self.d.trigger.token.i)
            source = actor_for_span(self.ex, *tail) if tail and not _names_a_place(self.ex, tail) else None
            if source is not None:
                attributed = [source.id]
        if claim == "denied" and status in ("occurred", "claimed"):
            status = "denied"
        elif claim == "claimed" and status == "occurred":
            status = "claimed"
        return status, attributed

    # ---------------------------------------------------------------------------------- where, when

    def _places(self, evidence: Span, recipients: list[Actor]) -> list[Place]:
        d = self.d
        start = min(t.idx for t in d.clause)
        end = max(t.idx + len(t.text) for t in d.clause)
        clause = {t.i for t in d.clause}
        found: list[Place] = []
        # Where it happened is best read from what was hit and the locative phrases ("shelled X",
        # "fired at X", "in X"), then from the clause, then from the sentence.
        for first, last in _locative_spans(d):
            for p in places_for_span(self.ex, first, last):
                if p not in found and self._place_is_ours(p, first, last, clause):
                    found.append(p)
        if not found:
            found = [p for p in places_for_span(self.ex, start, end) if self._place_is_ours(p, start, end, clause)]
        if not found:
            found = [p for p in places_for_span(self.ex, *evidence) if self._place_is_ours(p, *evidence, None)]
        if not found and d.shared:
            # "carried out drone strikes and shelled positions in Horlivka": coordinated acts share a place
            found = [p for p in places_for_span(self.ex, *evidence)
                     if self._place_is_ours(p, *evidence, None, d.excluded - d.shared)]
        if not found and d.type == "ASSAULT":
            # "strikes on Ukrainian defense sites": the country of what was hit, at country precision.
            countries = [a.country for a in recipients if a.country and a.kind in ("country", "group")]
            if countries:
                place = country_place(self.ex, countries[0])
                if place is not None:
                    found = [place]
        return found

    def _place_is_ours(self, place: Place, start: int, end: int, clause: set[int] | None,
                       excluded: set[int] | None = None) -> bool:
        """Not named only as who acted ("Russia responded"), nor only inside another event's phrase."""
        inside = [m for m in place.mentions if start <= m[0] and m[1] <= end]
        if not inside:
            return True  # a place the places extractor derived (a demonym on "Ukrainian sites")
        doc = self.ex.doc
        for m in inside:
            if any(s <= m[0] and m[1] <= e and not is_place_phrase(self.ex, s, e) for s, e in self.actor_spans):
                continue
            span = doc.char_span(m[0], m[1], alignment_mode="expand")
            if span is None or span[0].i in (self.d.excluded if excluded is None else excluded):
                continue
            if clause is not None and span[0].i not in clause:
                continue
            return True
        return False

    def _date(self, evidence: Span) -> When:
        when = date_for_span(self.ex, *evidence, trigger=self.d.trigger.char_span)
        if when.precision == "unknown" and self.previous is not None and self.previous.date.precision != "unknown":
            # "that same day", "meanwhile": the time of the events told just before
            text = self.ex.article.text[evidence[0]:evidence[1]].lower()
            if any(cue in text for cue in _SAME_DAY):
                return When(self.previous.date.value, self.previous.date.precision)
        return when

    # ---------------------------------------------------------------------------------- casualties

    def _casualties(self, event: Event) -> tuple[Range | None, Range | None]:
        spans = _casualty_spans(self.d)
        fatalities = injured = None
        for start, end in spans:
            killed, hurt, quantities = casualties_for_span(self.ex, start, end)
            fresh = [q for q in quantities if id(q) not in self.used and q.event is None]
            if quantities and not fresh:
                continue  # already counted for another event: never copy a toll
            for q in fresh:
                q.event = event.id
                self.used.add(id(q))
            fatalities = fatalities or killed
            injured = injured or hurt
        return fatalities, injured

    def _acled_input(self, event: Event, actors: list[Actor], recipients: list[Actor],
                     partners: list[Actor], places: list[Place]) -> AcledInput:
        d = self.d
        patients = list(d.frame.patients)  # partners ("clashed with X") are co-combatants, not victims
        patient_lemmas = {lemma(t) for t in patients}
        patient_lemmas |= {lemma(c) for t in patients for c in t.children if c.dep_ in ("compound", "amod")}
        trigger_lemmas = set(d.lemmas)
        trigger_lemmas |= {lemma(c) for m in d.members for c in m.token.children if c.dep_ in ("compound", "amod")}
        sentence_lemmas = _content_lemmas(d.sent)
        for s in d.continuation:
            sentence_lemmas |= _content_lemmas(s)
        if d.type == "PROTEST":
            # how a protest was met is often the next sentence: "Police fired tear gas to disperse them."
            after = (d.continuation[-1] if d.continuation else d.sent).end
            if after < len(self.ex.doc):
                sentence_lemmas |= _content_lemmas(self.ex.doc[after].sent)
        return AcledInput(
            plover_type=d.type,
            modes=event.mode,
            hint=d.acled_hint,
            status=event.status,
            trigger_lemmas=trigger_lemmas,
            clause_lemmas={lemma(t) for t in d.clause},
            sentence_lemmas=sentence_lemmas,
            patient_lemmas=patient_lemmas,
            agent_sectors=[a.sector for a in actors],
            recipient_sectors=[a.sector for a in recipients] + [event.recipient_sector],
            partner_sectors=[a.sector for a in partners],
            has_partners=bool(d.frame.partners),
            fatalities=event.fatalities.min if event.fatalities else None,
            injured=event.injured.min if event.injured else None,
            agent_countries=[a.country for a in actors if a.country],
            place_countries=[c for c in (_iso3(p.country) for p in places) if c],
            consequence_only=d.consequence_only,
            agent_lemmas={lemma(t) for t in d.frame.agents} | {t.lower_ for t in d.frame.agents},
            patient_is_person=any(_is_person(t) for t in d.frame.patients) or _counted_victims(d),
            future="future" in event.context,
        )


# ---------------------------------------------------------------------------------------------- helpers


def _after_publication(when: When, published: str | None) -> bool:
    """Whether the whole period of an event's date lies after the publication day: "in 2075" in a 2005
    article and "on 3 June" in a 2 June one are, "in June 2025" in a 2 June 2025 one is not."""
    if not when.value or not published or when.precision not in ("day", "month", "year"):
        return False
    start = when.value.split("/")[0]
    if len(start) == 4 and start.isdigit():
        start += "-01-01"
    elif len(start) == 7 and start[:4].isdigit() and start[5:7].isdigit():
        start += "-01"
    if len(start) < 10 or not start[:4].isdigit():
        return False
    return start[:10] > published[:10]


def _content_lemmas(sent: Any) -> set[str]:
    """Lemmas of a sentence outside dates ("10 March" is no march)."""
    return {lemma(t) for t in sent if t.ent_type_ not in ("DATE", "TIME")}


_HARM = frozenset(("kill", "injure", "wound", "abduct", "kidnap", "shoot", "murder", "behead", "execute"))


def _counted_victims(d: Draft) -> bool:
    """ "Militia kill 2 and injure 1": bare numbers as the victims of a killing are people."""
    return any(lemma(m.token) in _HARM and any(p.like_num or p.pos_ == "NUM" for p in d.frame.patients)
               for m in d.members)


_GROUP_NOUNS = frozenset("gunman gunmen militant militia militiaman rebel fighter soldier troop army police policeman "
                         "officer gendarme force attacker assailant bandit jihadist insurgent terrorist mob crowd "
                         "protester demonstrator rioter group youth resident villager student worker supporter "
                         "authority government regime unit guard squad team member".split())


def _can_act(tok: Token) -> bool:
    """Someone or something that can attack, march or arrest: a person, a group, a weapon, a named body."""
    if tok.ent_type_ or tok.pos_ in ("PROPN", "PRON", "NUM", "X"):
        return True
    lem = lemma(tok)
    return _is_person(tok) or lem in _GROUP_NOUNS or lem in WORD_CLASSES["crowd"] or is_weapon(tok) or \
        lem in NOUN_SENSES or \
        lem in _VIOLENT_CAUSES or lem.endswith(("er", "or", "ist", "ian", "man", "men"))


_TAIL_MARKS = frozenset(("-", "–", "—", ":"))
_SOURCE_WORDS = frozenset("ministry police official officials source sources command hq headquarters spokesman "
                          "spokesperson spokeswoman governor mayor administration office service army military "
                          "agency ombudsman prosecutor president minister council staff military delegation "
                          "media report reports witness witnesses doctor doctors medic medics authorities "
                          "commander statement task force".split())
_MAX_TAIL = 8


def _source_tail(sent: Any, trigger_i: int) -> Span | None:
    """A headline's source after a spaced dash or a colon: "... killed in Donbas - army HQ", "...: ministry".

    Only in an article's first sentence, after the event's trigger, and only a short verbless phrase that
    names a source (a ministry, the police, an official, a named organisation or person).
    """
    if sent.start != 0:
        return None
    for tok in reversed(sent):
        if tok.text not in _TAIL_MARKS or tok.i <= trigger_i:
            continue
        if tok.text != ":" and not (tok.whitespace_ and tok.i > 0 and tok.doc[tok.i - 1].whitespace_):
            continue  # "Russia-occupation", "Kyiv-based": a hyphen, not a separator
        words = [t for t in tok.doc[tok.i + 1:sent.end] if not t.is_punct]
        if not words or len(words) > _MAX_TAIL or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in words):
            return None
        if not any(t.lower_ in _SOURCE_WORDS or t.lemma_.lower() in _SOURCE_WORDS or t.ent_type_ in ("ORG", "PERSON")
                   for t in words):
            return None
        return words[0].idx, words[-1].idx + len(words[-1].text)
    return None


def _names_a_place(ex: Extraction, span: Span) -> bool:
    """ "Kyiv - Shevchenkivskyi": a district after a dash is where, not who said so."""
    return any(span[0] <= m[0] and m[1] <= span[1] for p in ex.places for m in p.mentions)


def _holds_trigger(agent: Token, members: set[int]) -> bool:
    """ "A new wave of fighting kills 11": the subject is the event itself, its cause, not a figure of speech."""
    return any(t.i in members for t in agent.subtree)


def _is_person(tok: Token) -> bool:
    if tok.ent_type_ == "PERSON" or tok.lower_ in ("him", "her", "them", "he", "she", "his"):
        return True
    if tok.ent_type_ in ("GPE", "LOC", "FAC", "ORG"):
        return False
    return lemma(tok) in PERSON_WORDS


def _iso3(iso2: str | None) -> str | None:
    if not iso2:
        return None
    country = country_by_iso(iso2)
    return country.iso3 if country else None


def _np_span(head: Token) -> Span:
    """Character span of the noun phrase a head token stands for, without clauses hanging after it."""
    left = head.left_edge
    right = head
    for c in head.children:
        if c.i > head.i and c.dep_ in ("compound", "flat", "appos", "nummod") and c.pos_ == "PROPN":
            right = max(right, c.right_edge, key=lambda t: t.i)
    while left.i < head.i and left.dep_ in ("punct", "cc", "prep"):
        left = left.doc[left.i + 1]
    return left.idx, right.idx + len(right.text)


_LOCATIVE_PREPS = frozenset("in near at on over across outside around inside into toward towards within along "
                            "off".split())


def _locative_spans(d: Draft) -> list[Span]:
    heads = list(d.frame.patients)
    for m in d.members:
        for node in {m.token, d.frame.predicate}:
            heads += [p for c in node.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPS
                      for p in c.children if p.dep_ == "pobj"]
    spans: list[Span] = []
    for h in heads:
        sub = [t for t in h.subtree if t.i not in d.excluded]
        if sub:
            span = (sub[0].idx, sub[-1].idx + len(sub[-1].text))
            if span not in spans:
                spans.append(span)
    return spans


def _evidence_span(d: Draft) -> Span:
    end = d.continuation[-1].end_char if d.continuation else d.sent.end_char
    return d.sent.start_char, end


def _casualty_spans(d: Draft) -> list[Span]:
    """Where this event's toll is read: its own clause, then the sentences that continue it."""
    clause_start = min(t.idx for t in d.clause)
    clause_end = max(t.idx + len(t.text) for t in d.clause)
    pred = d.frame.predicate
    if pred.dep_ == "acl":  # "Ukrainian soldier killed in Donbas": the victim is the noun the verb modifies
        victims = pred.head
        while victims.dep_ in ("appos", "conj") and victims.head.i < victims.i:
            victims = victims.head  # "five soldiers, two rebels killed": every item of the list
        clause_start = min(clause_start, victims.left_edge.idx)
    else:
        toll = _toll_governing(d.trigger.token)
        if toll is not None:  # "At least 24 dead in new fighting": the toll the event's phrase hangs from
            clause_start = min(clause_start, toll.left_edge.idx)
    if pred.dep_ == "amod" and pred.head.i > pred.i and pred.i > pred.sent.start:
        # "three soldiers wounded - task force": the victims just before a participle parsed as a modifier
        clause_start = min(clause_start, pred.doc[pred.i - 1].left_edge.idx)
    spans = [(clause_start, clause_end)]
    spans += [(s.start_char, s.end_char) for s in d.continuation]
    return spans


_TOLL_WORDS = frozenset("dead killed death toll casualty wounded injured slain".split())
_TOLL_HOPS = 4


def _toll_governing(tok: Token) -> Token | None:
    """A verbless headline's toll that an event noun hangs from: "Five dead in fighting near X",
    "Thirteen soldiers dead in clash with rebels" (the head of "dead", or the word itself)."""
    node = tok
    for _ in range(_TOLL_HOPS):
        if node.head.i == node.i or node.dep_ not in ("pobj", "prep", "amod", "acomp", "advmod", "npadvmod"):
            return None
        node = node.head
        if lemma(node) in _TOLL_WORDS or node.lower_ in _TOLL_WORDS:
            # "Thirteen soldiers dead in ...": a modifier's toll is counted on the noun it modifies
            return node.head if node.dep_ in ("amod", "acomp") and node.head.i < node.i else node
        if any(c.dep_ in ("amod", "acomp") and c.lower_ in _TOLL_WORDS for c in node.children):
            return node
    return None


def _recipient_sector(recipients: list[Actor], d: Draft) -> str | None:
    for actor in recipients:
        if actor.sector:
            return actor.sector
    lemmas = {lemma(t) for t in d.frame.patients}
    if d.type == "ASSAULT":
        if lemmas & MILITARY_OBJECTS:
            return "MIL"
        if lemmas & POLICE_OBJECTS:
            return "COP"
        if lemmas & CIVILIAN_OBJECTS:
            return "CVL"
    return None


_SUBORDINATE = frozenset(("advcl", "acl", "relcl", "pcomp", "pobj", "prep", "npadvmod", "amod", "compound"))


def _prominence(d: Draft) -> float:
    """Main-clause events are what a sentence reports; those in adjuncts and relative clauses are background."""
    pred = d.frame.predicate
    if pred.dep_ == "ROOT" or pred.dep_ == "conj" and pred.head.dep_ == "ROOT":
        return 0.1
    if pred.dep_ in ("ccomp", "xcomp") and pred.head.dep_ == "ROOT":
        return 0.05
    return -0.05 if pred.dep_ in _SUBORDINATE else 0.0


def _confidence(d: Draft, event: Event, guessed: bool = False) -> float:
    score = {"verb": 0.65, "phrase": 0.7, "noun": 0.55}[d.trigger.kind] + _prominence(d)
    if guessed:
        score -= 0.1  # the ACLED sub-type is the rule's fallback, read from no specific cue
    if event.actors:
        score += 0.1
    if event.places:
        score += 0.05
    if event.date.precision != "unknown":
        score += 0.05
    if d.consequence_only:
        score -= 0.15
    if event.status in ("hypothetical", "negated"):
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)


def _unique(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out

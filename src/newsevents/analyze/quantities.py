"""Quantities: how many were killed, injured, detained, displaced, kidnapped or missing, and counts of things.

A number phrase is read from the tokens ("at least seven", "between 3 and 5", "dozens of", "2.5 million",
"twenty-one"), then what it counts from the parse around it: the noun it counts ("seven *fatalities*",
"two *bridges*"), the predicate that governs that noun ("one soldier and three rebels *were killed*",
"*killing* 6 civilians", "five *injured*"), or a death toll ("the toll rose to 12"). Casualty counts get
the category as ``what`` ("killed", "injured", ...); other counts the plural of the noun ("bridges").

Values follow ACLED's conservative reading (docs/quantities.md): the reported figure is the minimum,
"dozens" is 12, "hundreds" 100; vague words with no figure ("numerous injuries") keep an unknown count
and say so in ``qualifier``. ``casualties_for_span`` gives the events extractor the fatalities and
injured of one event's clause without ever borrowing a count that belongs to another event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from newsevents.analyze.context import Extraction
from newsevents.analyze.number_words import (
    FRACTIONS,
    GROUPS,
    SCALES,
    TENS,
    UNITS,
    VAGUE_PLURALS,
    as_count,
    parse_digits,
    parse_number_words,
    plural,
)
from newsevents.analyze.registry import register_extractor
from newsevents.lexicon import WIRE_SLUGS
from newsevents.model import Quantity, Range

NOTES_KEY = "quantities"
CASUALTY_KINDS = ("killed", "injured")

# ------------------------------------------------------------------ lexicons

# Qualifiers before a number, longest first when matched; each maps to how it bounds the figure.
_LOWER = "lower"  # the figure is a minimum
_UPPER = "upper"  # the figure is a maximum
_ABOUT = "about"  # the figure is approximate
QUALIFIERS: dict[str, str] = {
    "at least": _LOWER, "more than": _LOWER, "over": _LOWER, "upwards of": _LOWER, "in excess of": _LOWER,
    "no fewer than": _LOWER, "no less than": _LOWER, "not less than": _LOWER, "a minimum of": _LOWER,
    "well over": _LOWER, "just over": _LOWER, "at minimum": _LOWER, "above": _LOWER,
    "up to": _UPPER, "as many as": _UPPER, "at most": _UPPER, "no more than": _UPPER, "less than": _UPPER,
    "fewer than": _UPPER, "under": _UPPER, "just under": _UPPER, "a maximum of": _UPPER,
    "not more than": _UPPER,
    "about": _ABOUT, "around": _ABOUT, "approximately": _ABOUT, "roughly": _ABOUT, "nearly": _ABOUT,
    "almost": _ABOUT, "some": _ABOUT, "an estimated": _ABOUT, "estimated": _ABOUT, "close to": _ABOUT,
    "approx.": _ABOUT, "circa": _ABOUT, "an approximate": _ABOUT,
}
_QUALIFIERS_BY_FIRST: dict[str, list[list[str]]] = {}
for _words in sorted((q.split() for q in QUALIFIERS), key=len, reverse=True):
    _QUALIFIERS_BY_FIRST.setdefault(_words[0], []).append(_words)
# Qualifiers after the number: "20 or more", "100-plus".
POST_QUALIFIERS: dict[tuple[str, ...], tuple[str, str]] = {
    ("or", "more"): ("or more", _LOWER), ("plus",): ("plus", _LOWER), ("-", "plus"): ("plus", _LOWER),
    ("+",): ("plus", _LOWER), ("or", "so"): ("or so", _ABOUT),
}
# Vague amounts without a figure; taken only where they count a casualty category.
VAGUE = frozenset({"several", "numerous", "many", "multiple", "few", "countless", "some", "scores"})
_STARTERS = frozenset(_QUALIFIERS_BY_FIRST) | VAGUE | {"between", "from", "a", "an", "half"} | frozenset(
    GROUPS) | frozenset(VAGUE_PLURALS) | frozenset(UNITS) | frozenset(TENS)

KILLED, INJURED, DETAINED, DISPLACED, KIDNAPPED, MISSING = (
    "killed", "injured", "detained", "displaced", "kidnapped", "missing")

# Nouns that are themselves the category: "seven fatalities", "12 bodies", "30 arrests".
CATEGORY_NOUNS: dict[str, str] = {
    "fatality": KILLED, "death": KILLED, "dead": KILLED, "body": KILLED, "corpse": KILLED,
    "victim": KILLED, "killing": KILLED, "life": KILLED,
    "injury": INJURED, "wounded": INJURED, "injured": INJURED, "wound": INJURED,
    "arrest": DETAINED, "detainee": DETAINED, "detention": DETAINED, "prisoner": DETAINED,
    "refugee": DISPLACED, "evacuee": DISPLACED, "idp": DISPLACED,
    "hostage": KIDNAPPED, "abductee": KIDNAPPED, "captive": KIDNAPPED, "kidnapping": KIDNAPPED,
    "abduction": KIDNAPPED,
}
# Predicates whose patient is the counted thing: "N were killed", "killing N", "left N dead".
TRANSITIVE: dict[str, str] = {
    "kill": KILLED, "slay": KILLED, "execute": KILLED, "murder": KILLED, "massacre": KILLED,
    "behead": KILLED, "assassinate": KILLED, "shoot": KILLED, "slaughter": KILLED, "claim": KILLED,
    "injure": INJURED, "wound": INJURED, "hurt": INJURED, "maim": INJURED, "hospitalize": INJURED,
    "hospitalise": INJURED,
    "arrest": DETAINED, "detain": DETAINED, "apprehend": DETAINED, "jail": DETAINED, "imprison": DETAINED,
    "capture": DETAINED, "round": DETAINED, "hold": DETAINED,
    "displace": DISPLACED, "evacuate": DISPLACED, "uproot": DISPLACED, "expel": DISPLACED,
    "kidnap": KIDNAPPED, "abduct": KIDNAPPED, "seize": KIDNAPPED,
}
# "shoot", "claim", "hold", "seize", "capture", "round" count as casualty verbs only with a person patient.
_NEEDS_PERSON = frozenset({"shoot", "claim", "hold", "seize", "capture", "round"})
# Predicates whose subject is the counted thing: "N died", "N fled".
INTRANSITIVE: dict[str, str] = {
    "die": KILLED, "perish": KILLED, "drown": KILLED, "starve": KILLED, "succumb": KILLED,
    "flee": DISPLACED, "disappear": MISSING, "vanish": MISSING,
}
# Adjectives: "5 dead", "three people missing", "2 wounded soldiers".
ADJECTIVES: dict[str, str] = {
    "dead": KILLED, "killed": KILLED, "lifeless": KILLED,
    "injured": INJURED, "wounded": INJURED, "hurt": INJURED,
    "missing": MISSING, "unaccounted": MISSING,
    "displaced": DISPLACED, "homeless": DISPLACED, "detained": DETAINED, "arrested": DETAINED,
    "kidnapped": KIDNAPPED, "abducted": KIDNAPPED,
}

# Nouns whose "of N people" are the dead.
_DEATH_OF = frozenset({"death", "killing", "murder", "execution", "massacre", "slaying"})
# Military shorthand after a figure: "1 KIA, 2 WIA".
ABBREVIATIONS: dict[str, str] = {"kia": KILLED, "wia": INJURED, "mia": MISSING}

# Counted nouns that make a number a measure, a date or money, not a count of things.
NOT_COUNTED = frozenset({
    "second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "year",
    "decade", "century", "millennium", "season", "quarter", "term", "time", "times", "round",
    "km", "kilometre", "kilometer", "mile", "metre", "meter", "foot", "feet", "inch", "yard", "cm", "mm",
    "kg", "kilogram", "gram", "tonne", "ton", "pound", "ounce", "litre", "liter", "gallon", "barrel",
    "acre", "hectare", "degree", "percent", "per", "cent", "point", "dollar", "euro", "yen", "yuan",
    "rupee", "ruble", "rouble", "hryvnia", "franc", "peso", "lira", "shekel", "dinar", "rand",
    "naira", "cedi", "shilling", "birr", "riyal", "dirham", "won", "baht", "real", "krona", "krone",
    "usd", "eur", "gbp", "mph", "kph", "knot", "bpd", "mw", "gw", "kw", "kwh", "%", "grade", "age",
    "old", "aged", "mark", "minus", "score", "spot", "place",
    "position", "share", "stake", "rate", "vote", "seat", "goal", "run",
    "centimetre", "centimeter", "millimetre", "millimeter", "mg", "ml", "mole", "°", "km²",
    "sq", "square", "gigawatt", "megawatt", "kilowatt", "watt", "volt", "byte", "gb", "mb", "tb", "decibel", "calorie", "psi", "bar", "ppm", "fold",
})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                    "sep", "sept", "oct", "nov", "dec"})
CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥", "₽", "₴", "₹", "us$", "a$", "c$", "hk$", "rs", "rs."})
# People a singular casualty can be ("a soldier was killed" -> 1 killed).
PERSON_NOUNS = frozenset({
    "person", "man", "woman", "child", "boy", "girl", "baby", "infant", "teenager", "civilian",
    "soldier", "officer", "policeman", "policewoman", "militant", "fighter", "rebel", "insurgent",
    "gunman", "attacker", "bomber", "journalist", "reporter", "photographer", "worker", "employee",
    "farmer", "student", "teacher", "doctor", "nurse", "medic", "driver", "passenger", "pilot",
    "resident", "villager", "protester", "protestor", "demonstrator", "activist", "leader", "commander",
    "official", "guard", "militiaman", "serviceman", "servicemember", "trooper", "marine", "sailor",
    "priest", "imam", "pastor", "monk", "pedestrian", "tourist", "migrant", "refugee", "prisoner",
    "inmate", "detainee", "suspect", "member", "volunteer", "citizen", "national", "peacekeeper",
    "politician", "lawmaker", "mayor", "governor", "minister", "judge", "lawyer", "cop", "constable",
    "sergeant", "lieutenant", "captain", "colonel", "general", "major", "private", "commando",
    "paramedic", "firefighter", "fisherman", "miner", "herder", "trader", "shopkeeper", "elder",
    "chief", "spokesman", "aid", "contractor", "staff", "crew", "hostage", "victim", "mother", "father",
    "son", "daughter", "brother", "sister", "wife", "husband", "relative", "neighbour", "neighbor",
})
# Nouns that stand in for an earlier noun: a count of them needs a category to mean anything.
PRONOUN_NOUNS = frozenset({"other", "others", "one", "ones", "more", "total"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Words that make the rest of a phrase a part of an earlier count ("including 3 children").
SUBSET_CUES = frozenset({"including", "among", "include", "includes", "included"})
_AUX_SKIP = frozenset({"have", "has", "had", "been", "be", "were", "was", "are", "is", "being", "reportedly",
                       "also", "later", "all", "now", "allegedly", "both", "each", "subsequently",
                       "initially", "since", "so", "far", "got", "get", "found", "left",
                       "confirmed", "believed", "feared", "thought", "said", "to"})
_DASHES = ("-", "–", "—", "‒", "−")
_RANGE_TOKEN = re.compile(r"^(\d[\d,.]*)[-–—‒](\d[\d,.]*)$")


@dataclass
class QuantityNote:
    """What the parse says about one quantity, for later extractors (kept in ``ex.notes``)."""

    tokens: tuple[int, int]  # token range of the whole phrase
    noun: int | None  # the counted noun's token, if any
    predicate: int | None  # the token that made it a casualty count ("killed", "dead"), if any
    subset: bool = False  # part of an earlier count ("including 3 children")
    victims: str | None = None  # who the casualties were, as the counted noun's plural ("civilians")


@dataclass
class _Number:
    start: int  # first token (qualifier included)
    end: int  # token after the number phrase
    value: Range | None
    vague: bool = False  # no figure given, only a vague word ("numerous")
    fraction: str | None = None


# ------------------------------------------------------------------ extractor


@register_extractor("quantities")
def make_quantities_extractor(config: dict[str, Any]) -> QuantityExtractor:
    return QuantityExtractor()


class QuantityExtractor:
    def __call__(self, ex: Extraction) -> None:
        notes: dict[str, QuantityNote] = ex.notes.setdefault(NOTES_KEY, {})
        doc = ex.doc
        taken: set[int] = set()
        i = 0
        while i < len(doc):
            if not _may_start_number(doc[i]):
                i += 1
                continue
            num = _read_number(doc, i)
            if num is None:
                i += 1
                continue
            found = _count_of(doc, num)
            if found is not None:
                what, value, span_end, note = found
                start_char = doc[num.start].idx
                end_char = doc[span_end - 1].idx + len(doc[span_end - 1])
                q = Quantity(span=(start_char, end_char), what=what, value=value, id=ex.new_id("q"))
                ex.quantities.append(q)
                notes[q.id] = note
                taken.update(range(num.start, span_end))
            i = max(num.end, i + 1)
        _singular_casualties(ex, taken, notes)


# ------------------------------------------------------------------ number phrases


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _match_qualifier(doc: Doc, i: int) -> tuple[str, int] | None:
    for words in _QUALIFIERS_BY_FIRST.get(doc[i].lower_, ()):
        if all(_lower(doc, i + k) == w for k, w in enumerate(words)):
            return " ".join(words), i + len(words)
    return None


def _may_start_number(tok: Token) -> bool:
    """Cheap test run on every token: can a number phrase start here?"""
    w = tok.lower_
    return w in _STARTERS or w[:1].isdigit() or "-" in w and _is_numeric_token(tok) or tok.like_num


def _is_numeric_token(tok: Token) -> bool:
    w = tok.lower_
    if w in UNITS or w in TENS or w in ("hundred", "thousand", "million", "billion", "trillion"):
        return True
    if w in GROUPS or w in VAGUE_PLURALS:
        return True
    if parse_digits(w) is not None or _RANGE_TOKEN.match(w):
        return True
    # Single tokens like "twenty-one" or "two-thirds".
    parts = re.split(r"[-–]", w)
    return len(parts) > 1 and all(p in UNITS or p in TENS or p in FRACTIONS for p in parts)


def _read_group(doc: Doc, i: int) -> tuple[int, float | None, int | None, str | None] | None:
    """One number starting at token i: (end, value, vague unit, fraction text), or None.

    ``vague unit`` is set for "dozens"/"hundreds of"/"several hundred": the figure is that unit, at least.
    """
    n = len(doc)
    words: list[str] = []
    j = i
    # "a dozen", "a hundred", "a couple of", "half a dozen", "a few hundred", "several dozen"
    lead = _lower(doc, j)
    if lead in ("a", "an") and _lower(doc, j + 1) in (*GROUPS, "hundred", "thousand", "million", "billion"):
        j += 1
    elif lead == "half" and _lower(doc, j + 1) in ("a", "an") and _lower(doc, j + 2) in GROUPS:
        words.append("0.5")
        j += 2
    elif lead in ("several", "few", "many") or (lead == "a" and _lower(doc, j + 1) == "few"):
        k = j + (2 if lead == "a" else 1)
        unit_word = _lower(doc, k)
        if unit_word in GROUPS or unit_word in ("hundred", "thousand", "million", "billion"):
            unit = GROUPS.get(unit_word) or SCALES[unit_word]
            end = k + 1
            if _lower(doc, end) == "of" and _lower(doc, end + 1) in ("thousands", "millions"):
                unit *= VAGUE_PLURALS[_lower(doc, end + 1)]
                end += 2
            return end, None, 2 * unit, None
        return None
    start_j = j
    while j < n:
        tok = doc[j]
        w = tok.lower_
        if w in VAGUE_PLURALS:
            if words:  # "2 dozens" is odd but means 24; treat as a scale
                words.append(w[:-1])
                j += 1
                continue
            unit = VAGUE_PLURALS[w]
            end = j + 1
            # "tens of thousands", "hundreds of thousands"
            if _lower(doc, end) == "of" and _lower(doc, end + 1) in ("thousands", "millions", "billions"):
                unit *= VAGUE_PLURALS[_lower(doc, end + 1)]
                end += 2
            return end, None, unit, None
        if w in UNITS or w in TENS or w in SCALES and (w not in ("m", "mn", "bn", "k") or words):
            words.append(w)
        elif w in GROUPS and (words or j == start_j and j > i):
            words.append(w)
        elif w in GROUPS and j == start_j and w == "dozen":
            words.append(w)
        elif parse_digits(w) is not None and not words:
            words.append(w)
        elif m := _RANGE_TOKEN.match(w):
            if words:
                break
            lo, hi = parse_digits(m.group(1)), parse_digits(m.group(2))
            return j + 1, lo, None, f"range:{hi}" if hi is not None else None
        elif re.fullmatch(r"[a-z]+(?:-[a-z]+)+", w) and all(
                p in UNITS or p in TENS or p in FRACTIONS for p in w.split("-")):
            parts = w.split("-")
            if parts[-1] in FRACTIONS and len(parts) == 2:
                num = UNITS.get(parts[0]) or TENS.get(parts[0])
                den = FRACTIONS[parts[-1]][1]
                return j + 1, None, None, f"{num}/{den}"
            words.extend(parts)
        elif w in _DASHES and words and j + 1 < n and (
                words[-1] in TENS and doc[j + 1].lower_ in UNITS or doc[j + 1].lower_ in FRACTIONS):
            # "twenty-three", "two-thirds"; never "UPDATE 2-Thirteen" (a wire slug's version, then the count)
            if doc[j + 1].lower_ in FRACTIONS:
                num = parse_number_words(words)
                den = FRACTIONS[doc[j + 1].lower_][1]
                return j + 2, None, None, f"{as_count(num)}/{den}"
            j += 1
            continue
        elif w == "and" and words and words[-1] in ("hundred", "thousand", "million") and j + 1 < n and (
                doc[j + 1].lower_ in UNITS or doc[j + 1].lower_ in TENS):
            j += 1
            continue
        elif w in FRACTIONS and words and words[-1] in UNITS and len(words) == 1:
            return j + 1, None, None, f"{UNITS[words[0]]}/{FRACTIONS[w][1]}"
        else:
            break
        j += 1
    if not words:
        return None
    return j, parse_number_words(words), None, None


def _read_number(doc: Doc, i: int) -> _Number | None:
    """A number phrase starting at token i, qualifiers and range included."""
    if i > 0 and doc[i - 1].is_upper and doc[i - 1].lower_ in WIRE_SLUGS:
        return None  # "UPDATE 2-", "WRAPUP 1-": the story's version, not a count
    qualifier = None
    bound = None
    j = i
    between = False
    q = _match_qualifier(doc, i)
    if q is not None:
        qualifier, j = q
        bound = QUALIFIERS[qualifier]
    elif _lower(doc, i) in ("between", "from") and _is_numeric_token(doc[i + 1]) if i + 1 < len(doc) else False:
        between = True
        j = i + 1
    if j >= len(doc):
        return None
    if _lower(doc, j) in VAGUE and qualifier is None:
        word = _lower(doc, j)
        group = _read_group(doc, j)
        if group is not None:  # "several hundred", "a few dozen"
            end, _value, unit, _frac = group
            return _Number(i, end, Range(unit, None, " ".join(t.lower_ for t in doc[j:end])))
        return _Number(i, j + 1, Range(None, None, word), vague=True)
    if _lower(doc, j) == "a" and _lower(doc, j + 1) == "few" and _lower(doc, j + 2) not in GROUPS:
        return _Number(i, j + 2, Range(None, None, "a few"), vague=True)
    if not _is_numeric_token(doc[j]) and _lower(doc, j) not in ("a", "an", "half", "several", "few", "many"):
        return None
    group = _read_group(doc, j)
    if group is None:
        return None
    end, value, unit, fraction = group
    if fraction is not None and fraction.startswith("range:"):
        hi = as_count(float(fraction[6:]))
        return _Number(i, end, Range(as_count(value), hi, qualifier), fraction=None)
    if fraction is not None:
        return _Number(i, end, None, fraction=fraction)
    if unit is not None:
        word = " ".join(t.lower_ for t in doc[j:end])
        return _Number(i, end, Range(unit, None, qualifier or word))
    count = as_count(value)
    lo, hi = count, count
    # A range: "10 to 15", "3 or 4", "between 3 and 5", "10 - 15"
    conn = _lower(doc, end)
    if conn in ("to", "or", "and", *_DASHES) and end + 1 < len(doc) and (
            conn != "and" or between) and _is_numeric_token(doc[end + 1]):
        second = _read_group(doc, end + 1)
        if second is not None and second[1] is not None and second[2] is None:
            hi2 = as_count(second[1])
            if count is not None and hi2 is not None and hi2 > count:
                return _Number(i, second[0], Range(count, hi2, qualifier or ("between" if between else None)))
    if between:  # "between 3" with no second figure: not a range after all
        i = i + 1
    # Qualifiers after the figure: "20 or more", "100-plus"
    for words, (name, how) in POST_QUALIFIERS.items():
        if all(_lower(doc, end + k) == w for k, w in enumerate(words)):
            if qualifier is None:
                qualifier, bound = name, how
            end += len(words)
            break
    if count is None:
        return _Number(i, end, None)
    if bound == _LOWER:
        return _Number(i, end, Range(count, None, qualifier))
    if bound == _UPPER:
        return _Number(i, end, Range(None, count, qualifier))
    return _Number(i, end, Range(lo, hi, qualifier))


# ------------------------------------------------------------------ what a number counts


def _skip_measure(doc: Doc, num: _Number) -> bool:
    """Money, percentages, dates and clock times are not counts."""
    first = doc[num.start]
    core = next((t for t in doc[num.start:num.end] if _is_numeric_token(t)), first)
    if core.ent_type_ in ("MONEY", "PERCENT", "ORDINAL", "TIME"):
        return True
    prev = _lower(doc, num.start - 1)
    if prev in CURRENCY_SIGNS or prev in MONTHS or core.lower_ in MONTHS:
        return True
    nxt = _lower(doc, num.end)
    if nxt in ("%", "percent", "per", "pc") or nxt in MONTHS or nxt in (":", "am", "pm", "a.m.", "p.m."):
        return True
    if nxt in _DASHES and num.end + 1 < len(doc) and doc[num.end + 1].is_alpha and \
            not (doc[num.end - 1].whitespace_ and doc[num.end].whitespace_) and \
            doc[num.end + 1].lower_ not in UNITS and doc[num.end + 1].lower_ not in TENS and \
            doc[num.end + 1].lower_ not in FRACTIONS and doc[num.end + 1].lower_ != "plus":
        return True  # "a five-foot tusk", "a 16-year sentence", "the two-page preamble": a measure
    if num.start > 0 and first is core:
        prev_tok = doc[num.start - 1]
        if prev_tok.is_title and prev_tok.pos_ in ("PROPN", "NOUN") and not prev_tok.is_sent_start \
                and prev_tok.lower_ not in CATEGORY_NOUNS:
            return True  # "Category 2 storm", "Round 4", "Flight 17": a label
    text = core.text
    if re.fullmatch(r"\d{4}", text) and 1000 <= int(text) <= 2200 and "," not in text:
        return True  # a year
    return False


def _counted_noun(doc: Doc, num: _Number) -> int | None:
    """The noun a number phrase counts: the next noun within a few tokens, through "of the"."""
    j = num.end
    limit = min(len(doc), num.end + 6)
    if _lower(doc, j) == "of":
        j += 1
        if _lower(doc, j) in ("the", "their", "these", "those", "its", "his", "her", "our", "all"):
            j += 1
    while j < limit:
        tok = doc[j]
        if tok.pos_ in ("NOUN",) or tok.tag_ == "NNPS" or (tok.pos_ == "PROPN" and tok.ent_type_ == "NORP"):
            # "bomb attacks": a compound modifier's head is the counted noun
            while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN") \
                    and tok.head.i < limit + 2:
                tok = tok.head
            return tok.i
        if tok.pos_ in ("ADJ", "ADV") or tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound") \
                or tok.dep_ == "compound" or tok.pos_ == "PROPN" and tok.dep_ in ("compound", "amod"):
            j += 1
            continue
        if tok.lower_ in _DASHES and tok.whitespace_ and doc[j - 1].whitespace_:
            break  # " - governor": a spaced dash starts a headline's source tail, not a compound
        if tok.tag_ == "HYPH" or tok.lower_ in ("-", "'s"):
            j += 1
            continue
        break
    return None


def _category_of_predicate(tok: Token, role: str, noun: Token | None) -> str | None:
    """The casualty category a predicate gives its ``role`` argument ("patient" or "subject")."""
    lemma = tok.lemma_.lower()
    if role == "patient" and lemma in TRANSITIVE:
        if lemma in _NEEDS_PERSON and not _is_person(noun):
            return None
        if lemma == "claim" and not any(c.lower_ in ("life", "lives") for c in tok.subtree):
            return None
        return TRANSITIVE[lemma]
    if role == "subject" and lemma in INTRANSITIVE:
        return INTRANSITIVE[lemma]
    if lemma in ADJECTIVES and tok.pos_ == "ADJ":
        return ADJECTIVES[lemma]
    if tok.lower_ in ADJECTIVES and tok.pos_ in ("ADJ", "VERB") and role == "subject":
        return ADJECTIVES[tok.lower_]
    return None


def _is_person(tok: Token | None) -> bool:
    if tok is None:
        return True  # a bare number after "shot"/"held": usually people in the news
    return tok.lemma_.lower() in PERSON_NOUNS or tok.ent_type_ in ("NORP", "PERSON") or tok.lemma_.lower() in (
        "people", "civilian", "troop", "force")


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") for c in verb.children)


def _linear_right(doc: Doc, after: int, noun: Token | None) -> tuple[str, int] | None:
    """ "5 people died", "two killed and five injured", "3 soldiers were wounded", "5 dead"."""
    j = after
    limit = min(len(doc), after + 5)
    while j < limit and doc[j].lower_ in _AUX_SKIP:
        j += 1
    if j >= limit:
        return None
    tok = doc[j]
    lemma = tok.lemma_.lower()
    if j == after and tok.lower_ in ABBREVIATIONS:
        return ABBREVIATIONS[tok.lower_], j  # "1 KIA, 2 WIA": military shorthand right after the figure
    # "Two dead found": a headline's bare "dead" right after the figure, which the parser may tag an adverb
    if tok.lower_ in ADJECTIVES and (tok.pos_ == "ADJ" or tok.tag_ == "VBN" or tok.tag_ == "VBD"
                                     or tok.pos_ == "ADV" and j == after):
        if tok.tag_ in ("VBN", "VBD") and _has_object(tok):
            return None
        lemma_tr = tok.lemma_.lower()
        if lemma_tr in _NEEDS_PERSON and not _is_person(noun):
            return None
        return ADJECTIVES[tok.lower_], j
    if tok.tag_ in ("VBN",) and lemma in TRANSITIVE and not _has_object(tok):
        if lemma in _NEEDS_PERSON and not _is_person(noun):
            return None
        if lemma == "claim":
            return None
        return TRANSITIVE[lemma], j
    if tok.pos_ == "VERB" and lemma in INTRANSITIVE:
        return INTRANSITIVE[lemma], j
    if lemma == "lose" and any(doc[k].lower_ in ("life", "lives") for k in range(j + 1, min(len(doc), j + 3))):
        return KILLED, j
    return None


def _linear_left(doc: Doc, before: int, noun: Token | None) -> tuple[str, int] | None:
    """ "killing 6 civilians", "killed at least 12", "arrested 30 protesters", "left 5 dead"."""
    j = before - 1
    while j >= 0 and doc[j].pos_ == "ADV" and before - j < 3:
        j -= 1
    if j < 0:
        return None
    tok = doc[j]
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB",) and tok.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB") and lemma in TRANSITIVE:
        if lemma in _NEEDS_PERSON and not _is_person(noun):
            return None
        if lemma == "claim" and not (noun is not None and noun.lemma_.lower() == "life"):
            return None
        return TRANSITIVE[lemma], j
    return None


def _death_toll(doc: Doc, start: int) -> int | None:
    """ "the death toll rose to 12", "a toll of 7": the token of "toll" when it governs this number."""
    sent_start = doc[start].sent.start
    for k in range(start - 1, max(sent_start - 1, start - 7), -1):
        w = doc[k].lower_
        if w in ("toll", "tolls"):
            prev = _lower(doc, k - 1)
            if prev in ("injury", "casualty"):
                return None
            return k
        if doc[k].pos_ in ("PUNCT",) and w not in ("-",) or doc[k].like_num:
            return None
    return None


def _dependency_category(doc: Doc, head: Token, noun: Token | None) -> tuple[str, int, bool] | None:
    """Category from the predicate the nominal (noun or number) hangs from; (what, predicate, subset)."""
    node = head
    # Conjoined nouns share the predicate of the first conjunct ("one soldier and three rebels were killed").
    hops = 0
    while node.dep_ in ("conj", "appos") and node.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and hops < 6:
        node = node.head
        hops += 1
    subset = False
    if node.dep_ == "pobj" and node.head.lower_ in SUBSET_CUES | {"of"}:
        prep = node.head
        if prep.lower_ in SUBSET_CUES:
            subset = True
            node = prep
        if prep.head.pos_ in ("NUM", "NOUN", "PRON", "PROPN"):
            # "two of the soldiers": the number's role; "120 people died, including 3 children": the whole's
            node = prep.head
            while node.dep_ in ("conj", "appos") and node.head.pos_ in ("NOUN", "PROPN", "NUM") and hops < 12:
                node = node.head
                hops += 1
    pred = node.head
    dep = node.dep_
    if dep in ("nsubjpass",):
        what = _category_of_predicate(pred, "patient", noun)
    elif dep in ("nsubj",):
        what = _category_of_predicate(pred, "subject", noun)
        if what is None and pred.tag_ == "VBN" and not _has_object(pred):
            what = _category_of_predicate(pred, "patient", noun)
        if what is None:  # "7 are dead", "3 were missing"
            for c in pred.children:
                if c.dep_ in ("acomp", "oprd", "attr") and c.lemma_.lower() in ADJECTIVES:
                    return ADJECTIVES[c.lemma_.lower()], c.i, subset
    elif dep in ("dobj", "obj"):
        what = _category_of_predicate(pred, "patient", noun)
        if what is None and pred.lemma_.lower() in ("leave",):  # "left 5 dead"
            for c in node.children:
                if c.lemma_.lower() in ADJECTIVES:
                    return ADJECTIVES[c.lemma_.lower()], c.i, subset
    elif dep in ("prep", "advcl") and subset:
        what = _category_of_predicate(pred, "patient", noun) or _category_of_predicate(pred, "subject", noun)
    else:
        return None
    if what is None and subset and pred.dep_ in ("nsubjpass", "nsubj", "dobj"):
        return None
    return (what, pred.i, subset) if what else None


def _count_of(doc: Doc, num: _Number) -> tuple[str, Range | None, int, QuantityNote] | None:
    """What a number phrase counts: (what, value, token after the quantity's span, note), or None to skip it."""
    if _skip_measure(doc, num):
        return None
    if num.end < len(doc) and (doc[num.end].lower_ in NOT_COUNTED or doc[num.end].lemma_.lower() in NOT_COUNTED):
        return None  # "45 km", "18 months": a measure, whatever follows
    noun_i = _counted_noun(doc, num)
    noun = doc[noun_i] if noun_i is not None else None
    if noun is not None and (noun.lemma_.lower() in NOT_COUNTED or noun.lower_ in NOT_COUNTED
                             or noun.lower_ in MONTHS):
        return None
    span_end = (noun_i + 1) if noun_i is not None else num.end
    subset = _lower(doc, num.start - 1) in SUBSET_CUES
    victims = plural(noun.lemma_) if noun is not None else None

    what: str | None = None
    predicate: int | None = None
    # 1. the noun is the category ("seven fatalities")
    if noun is not None and noun.lemma_.lower() in CATEGORY_NOUNS:
        if noun.lemma_.lower() != "life" or _lower(doc, num.start - 1) in ("lost", "claimed", "taken"):
            what = CATEGORY_NOUNS[noun.lemma_.lower()]
            victims = None
    if what is None and noun is not None and noun.lower_ in CATEGORY_NOUNS:
        what = CATEGORY_NOUNS[noun.lower_]
        victims = None
    # 2. an adjective on the noun ("two wounded soldiers")
    if what is None and noun is not None:
        for k in range(num.end, noun.i):
            if doc[k].lower_ in ADJECTIVES and doc[k].pos_ in ("ADJ", "VERB"):
                what, predicate = ADJECTIVES[doc[k].lower_], k
                break
    # 2b. a participle that modifies the bare figure itself: "About 20 killed, 110 wounded" (the first
    # figure's own participle, whatever predicate the parser hangs the figure from)
    if what is None and noun is None and num.end < len(doc):
        nxt = doc[num.end]
        if nxt.dep_ in ("acl", "amod") and num.start <= nxt.head.i < num.end and nxt.lower_ in ADJECTIVES:
            what, predicate = ADJECTIVES[nxt.lower_], nxt.i
    # 3. the parse: the predicate the counted nominal hangs from
    head = noun if noun is not None else _number_head(doc, num)
    if what is None and head is not None:
        found = _dependency_category(doc, head, noun)
        if found is not None:
            what, predicate, sub = found
            subset = subset or sub
    # 3b. the people a death is of: "the death of four soldiers", "the killing of 12 villagers"
    if what is None and noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in _DEATH_OF:
        what, predicate = KILLED, noun.head.head.i
    # 3c. a list of tolls whose participle the parser hung on the last item: "3 rebels, 2 civilians
    # killed" (the first count is the head the second is in apposition to)
    if what is None and noun is not None and _is_person(noun):
        shared = _listed_toll(noun)
        if shared is not None:
            what, predicate = shared
    # 4. word order, for parses that went astray
    if what is None:
        found_lr = _linear_right(doc, span_end, noun) or _linear_left(doc, num.start, noun)
        if found_lr is not None:
            what, predicate = found_lr
    if what is None and _death_toll(doc, num.start) is not None and noun is None:
        what, predicate = KILLED, _death_toll(doc, num.start)
    if what is None:
        if num.vague or num.value is None and num.fraction is None and noun is None:
            return None  # "several" alone, or an unreadable figure with nothing counted
        if noun is None or noun.pos_ == "PRON" or noun.lemma_.lower() in PRONOUN_NOUNS:
            return None
        if _lower(doc, num.end) == "of" and num.fraction is None and _lower(doc, num.end + 1) in (
                "the", "these", "those", "his", "her", "their", "its", "our", "my", "your", "them", "us"):
            return None  # "one of the candidates", "two of the sites": a part of a set, not a count
        if doc[num.end - 1].lower_ in ("one", "a", "an") and num.value == Range(1, 1, None):
            return None  # "one thing", "one key issue": the article, not a count
        what = noun.lower_ if noun.tag_ in ("NNS", "NNPS") else plural(noun.lemma_)
        victims = None
    value = num.value
    if num.fraction is not None:
        value = Range(None, None, num.fraction)
    note = QuantityNote((num.start, span_end), noun_i, predicate, subset, victims)
    return what, value, span_end, note


_OFTEN_A_SUBSET = frozenset({"child", "children", "woman", "women", "boy", "girl", "baby", "infant", "teenager",
                             "minor", "kid"})


def _listed_toll(noun: Token) -> tuple[str, int] | None:
    """The casualty participle of a later item in a list of counted people ("five soldiers, two rebels
    killed"): its category and token, so the counts add up under one predicate."""
    for item in noun.children:
        if item.dep_ not in ("appos", "conj") or item.i < noun.i or item.pos_ not in ("NOUN", "PROPN"):
            continue
        if not any(c.dep_ in ("nummod", "quantmod") for c in item.children):
            continue
        if item.lemma_.lower() in _OFTEN_A_SUBSET:
            return None  # "22 civilians, 3 children killed": the children are likely among the civilians
        for verb in item.children:
            if verb.dep_ in ("acl", "amod") and verb.i > item.i and verb.lower_ in ADJECTIVES and \
                    verb.tag_ in ("VBN", "JJ"):
                return ADJECTIVES[verb.lower_], verb.i
    return None


def _number_head(doc: Doc, num: _Number) -> Token | None:
    """The syntactic head of a bare number phrase ("seven were killed": the token of "seven")."""
    toks = [t for t in doc[num.start:num.end] if t.pos_ in ("NUM", "NOUN", "PRON", "DET")]
    if not toks:
        return None
    inside = set(range(num.start, num.end))
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[-1]


def _singular_casualties(ex: Extraction, taken: set[int], notes: dict[str, QuantityNote]) -> None:
    """One person killed or injured without a figure: "a soldier was killed", "he died of his wounds"."""
    doc = ex.doc
    for tok in doc:
        lemma = tok.lemma_.lower()
        role = None
        if lemma in TRANSITIVE and tok.tag_ == "VBN" and lemma not in _NEEDS_PERSON:
            role = "nsubjpass"
        elif lemma in INTRANSITIVE and tok.pos_ == "VERB":
            role = "nsubj"
        elif lemma in TRANSITIVE and tok.pos_ == "VERB" and lemma not in _NEEDS_PERSON:
            role = "dobj"
        if role is None:
            continue
        args = list(tok.children)
        if role == "dobj" and not any(a.dep_ == "dobj" for a in args) and tok.dep_ == "conj":
            args = [a for a in tok.head.children if a.i > tok.i]  # "shot and killed a herder"
        if role == "nsubjpass" and tok.dep_ == "acl" and tok.head.i not in taken and not any(
                a.dep_ == "dobj" for a in args):
            args = [tok.head]  # a headline's reduced passive: "Ukrainian soldier [who was] killed in Donbas"
            role = tok.head.dep_
        for arg in args:
            if arg.i in taken:
                continue
            if arg.dep_ != role and not (role == "dobj" and arg.dep_ == "nsubj" and _headline_passive(tok, arg)):
                continue
            if arg.dep_ == "nsubj" and tok.tag_ != "VBN" and lemma in TRANSITIVE and not _headline_passive(tok, arg):
                continue
            if not _is_single_person(arg):
                continue
            intransitive = role == "nsubj" and lemma in INTRANSITIVE
            category = INTRANSITIVE.get(lemma) if intransitive else TRANSITIVE.get(lemma)
            if category not in (KILLED, INJURED, KIDNAPPED, DETAINED):
                continue
            first = min(t.i for t in arg.subtree if t.i <= arg.i and t.dep_ in ("det", "amod", "compound",
                                                                                   "nummod", "poss") or t.i == arg.i)
            span = (doc[first].idx, arg.idx + len(arg))
            q = Quantity(span=span, what=category, value=Range(1, 1, None), id=ex.new_id("q"))
            ex.quantities.append(q)
            notes[q.id] = QuantityNote((first, arg.i + 1), arg.i, tok.i, False,
                                       plural(arg.lemma_) if arg.pos_ == "NOUN" else None)
            taken.update(range(first, arg.i + 1))


def _headline_passive(verb: Token, subject: Token) -> bool:
    """"Woman killed in shelling": a headline drops "was", so the parser reads an active verb with no object.
    A bare singular person noun (no article) as its subject is the one it happened to."""
    return not _has_object(verb) and subject.tag_ == "NN" and not any(c.dep_ == "det" for c in subject.children)


def _is_single_person(tok: Token) -> bool:
    if tok.lower_ in PERSON_PRONOUNS or tok.lower_ == "another" and tok.dep_ in ("dobj", "nsubjpass"):
        return True
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
        return not any(c.dep_ == "conj" for c in tok.children)
    if tok.pos_ == "PROPN" and tok.i == tok.sent.start and tok.lower_ in PERSON_NOUNS and tok.ent_type_ not in (
            "PERSON", "ORG", "GPE", "NORP") and not any(c.dep_ in ("det", "nummod", "conj") for c in tok.children):
        return True  # a headline's capitalised first word: "Marine died ..."
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in PERSON_NOUNS:
        return False
    if any(c.dep_ == "conj" for c in tok.children):
        return False
    if not any(c.dep_ in ("det", "nummod", "quantmod") for c in tok.children):
        return True  # headline style drops the article: "Ukrainian soldier killed"
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "the", "one", "another") for c in tok.children) or any(
        c.dep_ == "poss" for c in tok.children)


# ------------------------------------------------------------------ what events read


def quantity_notes(ex: Extraction) -> dict[str, QuantityNote]:
    """The token-level notes on every quantity, by quantity id (empty before the extractor ran)."""
    return ex.notes.get(NOTES_KEY, {})


def _sum(ranges: list[Range]) -> Range:
    if len(ranges) == 1:
        return ranges[0]
    mins = [r.min for r in ranges]
    maxs = [r.max for r in ranges]
    lo = sum(m for m in mins if m is not None) if any(m is not None for m in mins) else None
    hi = sum(maxs) if all(m is not None for m in maxs) else None  # type: ignore[arg-type]
    qualifiers = {r.qualifier for r in ranges if r.qualifier}
    open_ended = hi is None or any(m is None for m in mins)
    qualifier = qualifiers.pop() if len(qualifiers) == 1 else ("at least" if open_ended and lo else None)
    return Range(lo, hi if not any(m is None for m in mins) else None, qualifier)


def casualties_for_span(
    ex: Extraction,
    start: int,
    end: int,
    *,
    trigger: tuple[int, int] | None = None,
    event_id: str | None = None,
) -> tuple[Range | None, Range | None, list[Quantity]]:
    """Fatalities and injured reported in [start, end) for one event, and the quantities they came from.

    Only quantities inside the span are read, and none already attached to another event
    (``Quantity.event`` set to an id other than ``event_id``), so a count is never copied between
    events. Counts of conjoined victims under one predicate add up ("one soldier and three rebels were
    killed" -> 4); a part of a count ("including 3 children") does not. Where the span holds several
    separate counts of one kind, the one whose predicate is nearest ``trigger`` (a character span) is
    taken, else the first. The events extractor sets ``Quantity.event`` on the quantities returned.
    """
    notes = quantity_notes(ex)
    used: list[Quantity] = []
    result: dict[str, Range | None] = {}
    for kind in CASUALTY_KINDS:
        cands = [q for q in ex.quantities if q.what == kind and start <= q.span[0] and q.span[1] <= end
                 and (q.event is None or q.event == event_id) and q.value is not None]
        cands = [q for q in cands if not (notes.get(q.id) and notes[q.id].subset)]
        if not cands:
            result[kind] = None
            continue
        groups: dict[Any, list[Quantity]] = {}
        for q in cands:
            note = notes.get(q.id)
            key = ("p", note.predicate) if note is not None and note.predicate is not None else ("q", q.id)
            groups.setdefault(key, []).append(q)
        chosen = _choose_group(ex, list(groups.values()), notes, trigger)
        result[kind] = _sum([q.value for q in chosen if q.value is not None])
        used.extend(chosen)
    return result["killed"], result["injured"], used


def _choose_group(ex: Extraction, groups: list[list[Quantity]], notes: dict[str, QuantityNote],
                  trigger: tuple[int, int] | None) -> list[Quantity]:
    if trigger is None or len(groups) == 1:
        return min(groups, key=lambda g: min(q.span[0] for q in g))
    mid = (trigger[0] + trigger[1]) / 2

    def distance(group: list[Quantity]) -> float:
        best = float("inf")
        for q in group:
            note = notes.get(q.id)
            if note is not None and note.predicate is not None:
                pos = ex.doc[note.predicate].idx
            else:
                pos = q.span[0]
            best = min(best, abs(pos - mid))
        return best

    return min(groups, key=distance)

"""Words of a report that say which event it is about, read from stored text without a parse.

Linking runs over stored analyses and never re-parses, so the lexical evidence is a plain tokeniser:
lower-cased words without stopwords, a light suffix fold ("attacks"/"attacked" -> "attack") and
counts written as digits ("six" -> "6"), so "six soldiers killed" and "6 troops killed" share "6".
"""

from __future__ import annotations

import re
import unicodedata

from newsevents.lexicon import WIRE_SLUGS

_WORD = re.compile(r"[a-z0-9]+")

_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "dozen": "12",
}

# Function words, and the vocabulary of news reporting itself ("said", "report", "update", "news"),
# which every report shares whatever it is about.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers him his how i if in into is it its itself just me more most my no nor not of off
on once only or other our out over own same she should so some such than that the their them then there
these they this those through to too under until up very was we were what when where which while who
whom why will with would you your new says said say saying told tells according report reports reported
reporting update updated wrapup urgent news live day today yesterday tonight week via amid after over
breaking latest officials official source sources agency press per
""".split())


# Words news uses interchangeably for the same thing, folded to one so that "six servicemen slain" and
# "6 soldiers killed" share their words. Only near-synonyms in event reporting; not a thesaurus.
_SAME_AS = {
    **dict.fromkeys("dead death deaths die died dies dying slain slay lives fatal fatalities perish perished "
                    "kills killing killed".split(), "kill"),
    **dict.fromkeys("wounded wounding injured injuring injuries injury hurt".split(), "wound"),
    **dict.fromkeys("servicemen serviceman servicemens troops troop soldiers militaries".split(), "soldier"),
    **dict.fromkeys("militiamen militiaman militia militias separatists separatist insurgents insurgent "
                    "rebels".split(), "rebel"),
    **dict.fromkeys("shelled shells shelling bombardment bombarded artillery".split(), "shell"),
    **dict.fromkeys("blast explosion exploded explosions blasts".split(), "explosion"),
    **dict.fromkeys("civilians residents resident inhabitants".split(), "civilian"),
    **dict.fromkeys("kiev kyiv".split(), "kyiv"),
    **dict.fromkeys("journalist journalists reporter reporters correspondent correspondents".split(), "journalist"),
    **{f"{d}ern": d for d in ("east", "west", "north", "south")},
}


_FOLDED = frozenset(_SAME_AS.values())


def _fold(word: str) -> str:
    """A crude stem: enough for inflections to meet ("killed", "kills" -> "kill"), never a real lemma."""
    if word.isdigit() or len(word) <= 4:
        return word
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)] + keep
            # "stopped" -> "stopp" -> "stop"; "killed" keeps its "ll" (so does "kill").
            doubled = len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] in "bdgmnpt"
            return stem[:-1] if doubled else stem
    return word


def ascii_lower(text: str) -> str:
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")


def content_words(text: str) -> frozenset[str]:
    """The report's distinctive words: folded, digits for small number words, no stopwords."""
    out = set()
    previous = ""
    for raw in _WORD.findall(ascii_lower(text)):
        word = _SAME_AS.get(raw) or _NUMBER_WORDS.get(raw, raw)
        slug_number = previous in WIRE_SLUGS and raw.isdigit()
        previous = raw
        if slug_number or word in STOPWORDS or (len(word) < 3 and not word.isdigit()):
            continue
        out.add(word if word in _FOLDED else _fold(word))
    return frozenset(out)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def name_key(name: str) -> str:
    """Actor names compared without case, accents, punctuation or a leading article."""
    words = _WORD.findall(ascii_lower(name))
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


# A running tally over a period ("killed in the past 24 hours", "shelled 40 times over the past week",
# "N servicemen per day"): feeds publish one every period, each a different count of different incidents.
_TALLY = re.compile(
    r"\b(?:in|over|during|within|for|per)\s+(?:the\s+)?(?:a|one|past|last|previous)?\s*"
    r"(?:24\s*hours?|day|night|week)\b|\b(?:a|per)\s+day\b|\bdaily\b", re.IGNORECASE)


def is_tally(text: str) -> bool:
    """Whether a sentence reports a periodic tally rather than one incident."""
    return bool(_TALLY.search(text))

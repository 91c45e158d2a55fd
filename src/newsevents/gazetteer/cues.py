"""What the words around a place name say about it: "Kursk Oblast", "the city of X", "X, Louisiana".

Text-level rules over character spans, so they serve both the pipeline (spans the recogniser found)
and resolution of given spans (the resolution-only evaluation), where no parse is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words after (or before, with "of") a name that say which kind of place it is.
ADMIN1_WORDS = {
    "region", "regions", "oblast", "oblasts", "province", "provinces", "krai", "kray", "governorate",
    "governorates", "state", "states", "republic", "prefecture", "prefectures", "voivodeship", "canton",
    "territory", "emirate", "oblast's", "region's", "province's", "obl",
}
# What only a state or province has: "New York Gov. Cuomo", "the Texas Legislature". A cue for
# resolution only: recognition does not take "[Texas Legislature]" for a division's name.
ADMIN1_OFFICE_WORDS = {"gov", "governor", "governor's", "legislature"}
CITY_WORDS = {"city", "town", "village", "settlement", "municipality", "suburb", "hromada", "community",
              # military axes and parts of towns are named after the town: "the Bakhmut direction"
              "direction", "directions", "axis", "outskirts", "suburbs"}
ADMIN2_WORDS = {"district", "districts", "county", "counties", "raion", "rayon", "parish", "municipality"}
_MODIFIERS = {"border", "frontline", "front-line", "southern", "northern", "eastern", "western", "central",
              "neighbouring", "neighboring", "bordering", "occupied", "russian", "ukrainian", "administrative",
              "autonomous", "federal", "two", "three", "four", "five", "several", "both"}
_CONNECTORS = {",", "and", "or", "&", "as", "well"}
_WORD = re.compile(r"[\w’'.-]+|[,:;&]")
_COLON_LIST = re.compile(r"\b(regions|oblasts|provinces|states|governorates|districts|cities|towns|villages)"
                         r"\s*(?:[:—–-]|including|such as)\s", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_LOCATOR_BEFORE = re.compile(r"\b(?:in|near|of)\s+(?:the\s+)?(?:\w+ern\s+)?$", re.IGNORECASE)


@dataclass
class SpanCue:
    kind: str | None  # "admin1" | "city" | "admin2" | None
    qualifier: int | None = None  # index of the span that qualifies this one ("X, Y"; "Y - X")


def _words_after(text: str, end: int, limit: int = 80) -> list[tuple[str, int, int]]:
    return [(m.group(0), end + m.start(), end + m.end()) for m in _WORD.finditer(text[end:end + limit])]


def _kind_of(word: str) -> str | None:
    w = word.lower().rstrip(".")
    if w in ADMIN1_WORDS or w in ADMIN1_OFFICE_WORDS:
        return "admin1"
    if w in ADMIN2_WORDS:
        return "admin2"
    if w in CITY_WORDS:
        return "city"
    return None


def _cue_after(text: str, ordered: list[tuple[int, int]], k: int) -> str | None:
    """'Kursk Oblast', 'Bryansk and Kursk border regions', 'Donetsk region' (ordered spans, the k-th)."""
    start, end = ordered[k]
    later = ordered[k + 1:k + 12]  # a list long enough for any cue phrase; keeps long texts linear
    pos = end
    jumped = conjoined = False
    previous = ""
    for word, ws, we in _words_after(text, end):
        if ws < pos:
            continue
        inside = next(((s, e) for s, e in later if s <= ws < e), None)
        if inside:  # another place of the same list: "Bryansk and [Kursk] regions"
            if previous not in _CONNECTORS:
                return None
            pos, jumped = inside[1], True
            previous = ""
            continue
        lower = word.lower()
        if lower in _CONNECTORS or lower in _MODIFIERS:
            conjoined |= lower in ("and", "or", "&")
            pos, previous = we, lower
            continue
        kind = _kind_of(word)
        if kind == "city" and word[0].isupper():  # "Gaza City", "Mexico City" are names, not cues
            return None
        if jumped and not conjoined:  # "Texas, Paris city": not one list, so the cue is Paris's alone
            return None
        return kind
    return None


def _cue_before(text: str, start: int) -> str | None:
    """'the city of X', 'the region of X', 'regions of A and B'."""
    before = text[max(0, start - 40):start]
    m = re.search(r"\b(\w+)\s+of\s+(?:the\s+)?$", before)
    if m:
        return _kind_of(m.group(1))
    return None


def _cue_from_list(text: str, start: int) -> str | None:
    """'drone strikes hit several regions: Murmansk in the north, Ivanovo and Ryazan ...'."""
    head = text[max(0, start - 300):start]
    last = None
    for m in _COLON_LIST.finditer(head):
        last = m
    if last is None or _SENTENCE_END.search(head[last.end():]):
        return None
    if _LOCATOR_BEFORE.search(head):  # "Irkutsk in [Siberia]": a locator of a list item, not an item
        return None
    return _kind_of(last.group(1))


def _qualifier(text: str, ordered: list[tuple[int, int]], k: int) -> int | None:
    """Position (in ``ordered``) of the span qualifying the k-th: 'Horlivka, Donetsk', 'Kyiv - Shevchenkivskyi'."""
    start, end = ordered[k]
    for j in (k + 1, k - 1):
        if not 0 <= j < len(ordered):
            continue
        s, e = ordered[j]
        between = text[end:s] if s >= end else text[e:start]
        if s >= end and re.fullmatch(r"\s*,\s*", between):
            # "X, Y" is a qualifier unless Y continues a list ("A, B, C and D").
            rest = text[e:e + 6]
            if not re.match(r"\s*(?:,\s*[A-Z]|and\s+[A-Z]|or\s+[A-Z])", rest) or _is_abbreviation(text[s:e]):
                return j
        if e <= start and re.fullmatch(r"\s*[-–—]\s*", between):  # ACLED's "Kyiv - Shevchenkivskyi"
            return j
    return None


def _is_abbreviation(name: str) -> bool:
    return name.endswith(".") or (name.isupper() and len(name) <= 3)


def span_cues(text: str, spans: list[tuple[int, int]]) -> list[SpanCue]:
    """The kind cue and the qualifying span for each span (spans given in any order, non-overlapping)."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    ordered = [spans[i] for i in order]
    out: list[SpanCue] = [SpanCue(None)] * len(spans)
    for k, i in enumerate(order):
        start = spans[i][0]
        kind = _cue_after(text, ordered, k) or _cue_before(text, start) or _cue_from_list(text, start)
        q = _qualifier(text, ordered, k)
        out[i] = SpanCue(kind, order[q] if q is not None else None)
    return out

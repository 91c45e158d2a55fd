"""Second stage of the grammar: choose among overlapping atoms, join neighbours, add modifiers.

- Overlaps: the longest atom wins ("last week" over "week"), then the earlier rule.
- Joins (each a small rule over two neighbouring atoms and the text between them):
  day + part of day ("Sunday night"), part of day + "of" + day ("the morning of June 2"),
  clock + day ("9 a.m. Tuesday"), month/quarter/season + year ("the third quarter of 1984",
  "June last year"), "the week of" + day, and intervals ("between 3 May and 5 June", "June 2 - July 3").
- Modifiers before a point ("early", "late", "mid-", "the end of", "around") join its extent and set
  its TIMEX3 mod.
- Atoms that need context ("the day", "the morning", a bare season) stay only after a preposition
  ("in the morning", "during summer").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from newsevents.analyze.timex.spec import Spec


@dataclass
class Candidate:
    start: int
    end: int
    spec: Spec
    # An interval joined from two expressions keeps them: TimeML annotates its ends one by one.
    parts: list[tuple[int, int, Spec]] | None = None


def select(atoms: list[tuple[int, int, Spec]]) -> list[Candidate]:
    """Non-overlapping atoms, longest first; ties go to the atom found first (rule order)."""
    order = sorted(range(len(atoms)), key=lambda i: (-(atoms[i][1] - atoms[i][0]), i))
    taken: list[Candidate] = []
    occupied = bytearray(max((e for _s, e, _spec in atoms), default=0))
    for i in order:
        s, e, spec = atoms[i]
        if any(occupied[s:e]):
            continue
        occupied[s:e] = b"\x01" * (e - s)
        parts = None
        if spec.part_spans and spec.end is not None:
            (a0, a1), (b0, b1) = spec.part_spans
            parts = [(a0, a1, replace(spec, end=None, part_spans=None)), (b0, b1, spec.end)]
        taken.append(Candidate(s, e, spec, parts))
    return sorted(taken, key=lambda c: c.start)


_POD_RULES = {"pod", "pod_the"}
_GAP_SPACE = re.compile(r"[ \t]+\Z|[ \t]*\n[ \t]*\Z")
_GAP_OF = re.compile(r"\s+of\s+\Z", re.I)
_GAP_COMMA = re.compile(r"[ \t]*,?[ \t]*\Z")
_GAP_YEAR = re.compile(r"[ \t]*,?[ \t]*(?:of[ \t]+)?\Z", re.I)
_GAP_RANGE = re.compile(r"\s*(?P<w>-|–|—|to|until|till|through|thru|and)\s*\Z", re.I)
_BEFORE_RANGE = re.compile(r"(?P<w>between|from)\s+\Z", re.I)


def _is_plain_year(s: Spec) -> bool:
    return (s.year is not None and s.month is None and s.quarter is None and s.half is None and s.season is None
            and s.end is None and s.holiday is None)


def _is_rel_year(s: Spec) -> bool:
    return s.unit == "year" and not s.anaphoric and not s.has_calendar and s.end is None and not s.notes


def _wants_year(s: Spec) -> bool:
    return (s.kind in ("date", "time") and s.year is None and s.unit is None and s.end is None and s.value is None
            and (s.month is not None or s.quarter is not None or s.half is not None or s.season is not None
                 or s.holiday is not None))


def _is_point(s: Spec) -> bool:
    return s.kind in ("date", "time") and s.value is None and s.end is None and s.standalone


def _join_day_pod(text: str, a: Candidate, b: Candidate) -> Spec | None:
    gap = text[a.end:b.start]
    if a.spec.rule == "weekday" and a.spec.direction is None and b.spec.rule == "pod" and "plural" in b.spec.notes \
            and _GAP_SPACE.fullmatch(gap):
        return Spec(kind="set", value=f"XXXX-WXX-{a.spec.weekday}T{b.spec.pod}")  # "Tuesday nights"
    if a.spec.is_day and b.spec.rule == "pod" and not a.spec.has_clock and _GAP_SPACE.fullmatch(gap):
        return a.spec.merged(b.spec)
    if a.spec.rule in ("noon", "pod") and a.spec.hour is None and b.spec.is_day and not b.spec.has_clock \
            and b.spec.end is None and _GAP_SPACE.fullmatch(gap) and not b.spec.anaphoric:
        return b.spec.merged(a.spec)  # "mid-afternoon yesterday", "early morning Sunday"
    if (a.spec.rule in _POD_RULES or a.spec.rule == "noon") and a.spec.hour is None and b.spec.is_day \
            and not b.spec.has_clock and _GAP_OF.fullmatch(gap):
        return b.spec.merged(a.spec)
    if a.spec.rule == "weekday_set" and b.spec.rule == "pod" and _GAP_SPACE.fullmatch(gap):
        return Spec(kind="set", value=f"{a.spec.value}T{b.spec.pod}")
    return None


def _join_clock_day(text: str, a: Candidate, b: Candidate) -> Spec | None:
    gap = text[a.end:b.start]
    if not _GAP_COMMA.fullmatch(gap):
        return None
    clock_first = a.spec.hour is not None and not a.spec.has_calendar and a.spec.unit is None
    if clock_first and b.spec.is_day and not b.spec.has_clock:
        return b.spec.merged(a.spec)
    clock_second = b.spec.hour is not None and not b.spec.has_calendar and b.spec.unit is None
    if clock_second and a.spec.is_day and not a.spec.has_clock and "," not in gap:
        return a.spec.merged(b.spec)
    return None


def _join_year(text: str, a: Candidate, b: Candidate) -> Spec | None:
    if not _wants_year(a.spec) or not _GAP_YEAR.fullmatch(text[a.end:b.start]):
        return None
    if _is_plain_year(b.spec) and b.spec.unit is None:
        return replace(a.spec, year=b.spec.year, direction=None, strict=False)
    if _is_rel_year(b.spec) and text[a.end:b.start].strip(" \t,").lower() in ("", "of"):
        return replace(a.spec, unit="year", offset=b.spec.offset, direction=None, strict=False)
    return None


def _join_week_of(text: str, a: Candidate, b: Candidate) -> Spec | None:
    if a.spec.unit == "week" and a.spec.anaphoric and a.spec.offset == 0 and b.spec.is_day \
            and _GAP_OF.fullmatch(text[a.end:b.start]):
        return replace(b.spec, week_of=True)
    return None


JOINS: list[Callable[[str, Candidate, Candidate], Spec | None]] = [_join_day_pod, _join_clock_day, _join_year,
                                                                    _join_week_of]


def _join_interval(text: str, a: Candidate, b: Candidate) -> tuple[int, Spec] | None:
    """ "between 3 May and 5 June", "from 2010 to 2015", "June 30 - July 2": one interval."""
    if not (_is_point(a.spec) and _is_point(b.spec)) or a.spec.has_clock != b.spec.has_clock:
        return None
    gap = _GAP_RANGE.fullmatch(text[a.end:b.start])
    if not gap:
        return None
    before = _BEFORE_RANGE.search(text, max(0, a.start - 12), a.start)
    word = gap["w"].lower()
    dash = word in ("-", "–", "—")
    if word == "and" and not (before and before["w"].lower() == "between"):
        return None
    if not dash and not before:
        return None  # "this year through August" is two expressions; "from ... through ..." is one
    if dash and (a.spec.day is None) != (b.spec.day is None):
        return None
    start = before.start() if before else a.start
    return start, replace(a.spec, end=b.spec)


def join(text: str, cands: list[Candidate]) -> list[Candidate]:
    changed = True
    while changed:
        changed = False
        out: list[Candidate] = []
        i = 0
        while i < len(cands):
            a = cands[i]
            if i + 1 < len(cands):
                b = cands[i + 1]
                merged = next((s for s in (j(text, a, b) for j in JOINS) if s is not None), None)
                if merged is not None:
                    merged.rule = merged.rule or a.spec.rule
                    out.append(Candidate(a.start, b.end, merged))
                    i += 2
                    changed = True
                    continue
                interval = _join_interval(text, a, b)
                if interval is not None:
                    parts = [(a.start, a.end, a.spec), (b.start, b.end, b.spec)]
                    out.append(Candidate(interval[0], b.end, interval[1], parts))
                    i += 2
                    changed = True
                    continue
            out.append(a)
            i += 1
        cands = out
    return cands


_PREFIX = re.compile(
    r"(?:(?P<the>the[ \t]+)?(?P<m>very[ \t]+early|very[ \t]+late|early|late|earlier|later|mid)"
    r"(?:[ \t-]+(?:on|in|during))?[ \t-]+"
    r"|(?P<of>the[ \t]+(?:very[ \t]+)?(?:beginning|start|end|middle|turn|close|height|first[ \t]+half|second[ \t]+half"
    r"|latter[ \t]+part|early[ \t]+part|latter[ \t]+half|rest|remainder)[ \t]+of[ \t]+)"
    r"|(?P<approx>around|about|approximately|circa|c\.|roughly|sometime|some[ \t]+time)[ \t]+"
    r"|(?P<dash>mid-))\Z",
    re.IGNORECASE,
)
_MODS = {"early": "START", "very early": "START", "earlier": "START", "late": "END", "very late": "END",
         "later": "END", "mid": "MID", "beginning": "START", "start": "START", "turn": "START",
         "early part": "START", "end": "END", "close": "END", "latter part": "END", "latter half": "END",
         "middle": "MID", "height": "MID", "rest": "END", "remainder": "END"}


def add_modifiers(text: str, cands: list[Candidate]) -> list[Candidate]:
    out = []
    prev_end = 0
    for c in cands:
        spec = c.spec
        if _takes_modifier(spec):
            m = _PREFIX.search(text, max(prev_end, c.start - 60), c.start)
            if m:
                spec = _apply_mod(spec, m)
                c = Candidate(m.start(), c.end, spec, c.parts)
        out.append(c)
        prev_end = c.end
    return out


def _takes_modifier(spec: Spec) -> bool:
    """Points and periods take "early", "the end of"; durations, sets and PRESENT_REF do not."""
    if spec.kind not in ("date", "time"):
        return False
    return spec.value is None or spec.value[:1].isdigit() or spec.value.startswith("BC")


def _apply_mod(spec: Spec, m: re.Match[str]) -> Spec:
    if m["approx"]:
        return replace(spec, mod=spec.mod or "APPROX", standalone=True)
    if m["dash"]:
        return replace(spec, mod="MID", standalone=True)
    word = re.sub(r"\s+", " ", (m["m"] or m["of"]).lower())
    word = re.sub(r"^the (?:very )?| of$", "", word)
    if word in ("first half", "second half") and _is_plain_year(spec) and spec.value is None:
        return replace(spec, half=1 if word.startswith("first") else 2, standalone=True)
    mod = _MODS.get(word, "START" if "first" in word else "END")
    return replace(spec, mod=mod, standalone=True)


# Atoms that are time expressions only after a preposition: "in the morning", "at dawn", "during summer".
_CUE = {
    "the_day": re.compile(r"(?:\b(?:in|during|by|until|till|through|throughout|all|on|for|that)[ \t]+)\Z", re.I),
    "pod_the": re.compile(r"(?:\b(?:in|during|by|until|till|through|throughout|on)[ \t]+)\Z", re.I),
    "pod": re.compile(r"(?:\b(?:at|before|after|by|until|till|from|since|around|toward|towards)[ \t]+)\Z", re.I),
    "bare_season": re.compile(r"(?:\b(?:in|during|by|until|till|through|throughout|since|over|for)[ \t]+)\Z", re.I),
}


def keep_standalone(text: str, cands: list[Candidate]) -> list[Candidate]:
    out = []
    for c in cands:
        if not c.spec.standalone:
            cue = _CUE.get(c.spec.rule)
            if cue is None or not cue.search(text, max(0, c.start - 20), c.start):
                continue
            if c.spec.rule == "bare_season" and re.match(r"\s+of\s+(?!\d)", text[c.end:c.end + 8]):
                continue  # "the fall of Saigon"
            c = Candidate(c.start, c.end, replace(c.spec, standalone=True), c.parts)
        out.append(c)
    return out


def compose(text: str, atoms: list[tuple[int, int, Spec]]) -> list[Candidate]:
    cands = select(atoms)
    cands = join(text, cands)
    cands = add_modifiers(text, cands)
    cands = keep_standalone(text, cands)
    return cands

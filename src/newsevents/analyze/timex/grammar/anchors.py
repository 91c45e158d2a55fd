"""Where each rule can match: anchor words, and the windows around them the rules scan."""

from __future__ import annotations

import re

from newsevents.analyze.timex.grammar.base import RULES, Rule
from newsevents.analyze.timex.grammar.lengths import ADVERB_SETS
from newsevents.analyze.timex.spec import Spec

# ------------------------------------------------------------------ anchors: where each rule can match

# Every match of a rule contains one of its anchor words, and lies within a few dozen characters of it.
# One pass over the text's words finds the anchors; the rules then scan only the stretches around them
# instead of the whole text (most of an article holds no month, weekday or unit word at all).
_WORD = re.compile(r"[^\W\d_]+|\d+")
_UNIT_WORDS = ("second sec minute min hour hr day night week fortnight month quarter year decade century centurie "
               "millennium millennia millennium weekend").split()
_ANCHOR_WORDS: dict[str, str] = {
    "month": "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
             "oct october nov november dec december",
    "weekday": "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays "
               "fridays saturdays sundays mon tue tues wed thu thur thurs fri sat sun",
    "unit": " ".join(_UNIT_WORDS + [u + "s" for u in _UNIT_WORDS] + ["hrs", "mins", "secs"]),
    "pod": "morning afternoon evening night nights mornings evenings afternoons",
    "spoken": "nineteen eighteen seventeen twenty thousand",
    "decade": "twenties thirties forties fifties sixties seventies eighties nineties",
    "century": "century centuries",
    "relative_day": "today tonight tonite tomorrow yesterday overnight",
    "quarter": "quarter quarters half",
    "q": "q",
    "year": "year years",
    "season": "spring summer autumn winter fall",
    "holiday": "year christmas boxing valentine halloween independence bastille victory armistice veterans day "
               "labour labor patrick saints epiphany easter thanksgiving election memorial mother father",
    "oclock": "clock",
    "noon": "noon midday midnight mid dawn daybreak dusk nightfall sunrise sunset",
    "hours": "hours",
    "vague": "while time period",
    "end": "end",
    "every": "every each per",
    "adverb": " ".join(ADVERB_SETS),
    "times": "once twice thrice times",
    "present": "now current currently present presently nowadays days",
    "past": "recent recently lately past",
    "future": "future term later",
}
_WORD_ANCHORS: dict[str, tuple[str, ...]] = {}
for _key, _words in _ANCHOR_WORDS.items():
    for _w in _words.split():
        _WORD_ANCHORS[_w] = (*_WORD_ANCHORS.get(_w, ()), _key)
# How far a match reaches before and after its anchor word (durations end in their unit: "at least the
# past twenty-five consecutive years"; a date starts near its month name).
_REACH = {"unit": (90, 40), "month": (40, 40), "digit": (45, 45)}
_DEFAULT_REACH = (70, 50)
RULE_ANCHOR: dict[str, tuple[str, ...]] = {
    "iso_date": ("digit",), "slash_date": ("digit",), "dotted_date": ("digit",), "month_day": ("month",), "day_month": ("month",),
    "between_days": ("month",), "month_year": ("month",), "month": ("month",), "month_cued": ("month",),
    "month_rel": ("month",), "year": ("digit",), "year_range": ("digit",), "spoken_year": ("spoken",),
    "decade": ("digit", "decade"), "century": ("century",), "era_year": ("digit",), "weekday": ("weekday",),
    "relative_day": ("relative_day",), "relative_unit": ("unit", "pod"), "day_before": ("unit",), "ago": ("unit",),
    "quarter": ("quarter",), "quarter_code": ("q",), "year_ago": ("year",), "year_ago_adj": ("year",),
    "year_period": ("digit",), "season": ("season",), "holiday": ("holiday",), "clock_ampm": ("digit",),
    "clock_24": ("digit",), "clock_military": ("digit",), "clock_words": ("pod",), "oclock": ("oclock",),
    "noon": ("noon",), "pod": ("pod",), "early_hours": ("hours",), "duration": ("unit",), "set_rate": ("unit",),
    "duration_half": ("unit",), "duration_bare": ("unit",), "vague_ago": ("unit",), "vague_duration": ("vague",),
    "year_end": ("end",), "set_every": ("every",), "set_adverb": ("adverb",), "set_times": ("times",),
    "present_ref": ("present",), "past_ref": ("past",), "future_ref": ("future",),
}


def anchor_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each anchor kind, the stretches of ``text`` around its words where its rules may match, merged."""
    n = len(text)
    windows: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD.finditer(text):
        word = m.group()
        keys = ("digit",) if word[0].isdigit() else _WORD_ANCHORS.get(word.lower())
        if not keys:
            continue
        for key in keys:
            left, right = _REACH.get(key, _DEFAULT_REACH)
            start, end = max(0, m.start() - left), min(n, m.end() + right)
            spans = windows.setdefault(key, [])
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], end))
            else:
                spans.append((start, end))
    return windows


def _rule_windows(keys: tuple[str, ...], windows: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    if len(keys) == 1:
        return windows.get(keys[0], [])
    merged: list[tuple[int, int]] = []
    for a, b in sorted(w for k in keys for w in windows.get(k, [])):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def find_atoms(text: str) -> list[tuple[int, int, Spec]]:
    """Every atom any rule finds, overlapping ones included, as (start, end, spec), preferred rules first."""
    found = []
    windows = anchor_windows(text)
    for r in RULES_BY_PRIORITY:
        for a, b in _rule_windows(RULE_ANCHOR[r.name], windows):
            found.extend(build_atom(r, m) for m in r.pattern.finditer(text, a, b))
    return [atom for atom in found if atom is not None]


def build_atom(r: Rule, m: re.Match[str]) -> tuple[int, int, Spec] | None:
    start, end = m.span("x") if "x" in r.pattern.groupindex and m.group("x") else m.span()
    if start == end:
        return None
    spec = r.build(m)
    if isinstance(spec, tuple):  # the builder narrowed the extent
        spec, (start, end) = spec
    if spec is None:
        return None
    if not spec.rule:
        spec.rule = r.name
    return start, end, spec



RULES_BY_PRIORITY = sorted(RULES, key=lambda r: r.priority)

"""Rules for clock times (3 p.m., 15:30 GMT, noon) and parts of the day (morning, the early hours)."""

from __future__ import annotations

import re

from newsevents.analyze.timex.grammar.base import AMPM, TZ, B, E, rule
from newsevents.analyze.timex.lexicon import (
    PARTS_OF_DAY,
)
from newsevents.analyze.timex.spec import Spec

# ------------------------------------------------------------------ clock times and parts of day


@rule("clock_ampm", rf"""{B}(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})(?:\s+(?P<tz>{TZ}){E})?""")
def _clock_ampm(m: re.Match[str]) -> Spec:
    h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    return Spec(kind="time", hour=h, minute=int(m["mi"] or 0))


_CLOCK_CUE = r"at|around|about|by|from|until|till|before|after|since|to|between|and|approximately|roughly|circa"


@rule("clock_24", rf"""(?:(?<![\w])(?P<cue>{_CLOCK_CUE})\s+)?(?P<x>(?P<h>[01]?\d|2[0-3])(?::|h)(?P<mi>[0-5]\d)
      (?P<hrs>\s*(?:hrs|hours|h)(?!\w))?(?:\s+(?P<tz>{TZ}){E})?)(?![\d:.,]\d)(?!\s*{AMPM})""")
def _clock_24(m: re.Match[str]) -> Spec | None:
    if not (m["cue"] or m["tz"] or m["hrs"]):
        return None  # "3:16" alone is a score, a ratio or a verse
    return Spec(kind="time", hour=int(m["h"]), minute=int(m["mi"]))


@rule("clock_military", rf"""{B}(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:hrs|hours|h)?\s+(?P<tz>{TZ}){E}""")
def _clock_military(m: re.Match[str]) -> Spec:
    return Spec(kind="time", hour=int(m["h"]), minute=int(m["mi"]))


_HOUR_WORDS = {w: i for i, w in enumerate(["twelve", "one", "two", "three", "four", "five", "six", "seven",
                                            "eight", "nine", "ten", "eleven"])}


@rule("clock_words", rf"""{B}(?P<h>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)
      (?::(?P<mi>[0-5]\d))?(?:\s+o['’]clock)?\s+(?:in\s+the\s+(?P<pod>morning|afternoon|evening)|(?P<night>at\s+night))""")
def _clock_words(m: re.Match[str]) -> Spec:
    h = int(m["h"]) if m["h"].isdigit() else (_HOUR_WORDS[m["h"].lower()] or 12)
    pod = (m["pod"] or "").lower()
    if pod in ("afternoon", "evening") or m["night"] and h >= 6:
        h = h % 12 + 12
    elif h == 12 and pod == "morning":
        h = 0
    return Spec(kind="time", hour=h, minute=int(m["mi"] or 0))


@rule("oclock", rf"""{B}(?P<h>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock{E}""")
def _oclock(m: re.Match[str]) -> Spec:
    h = int(m["h"]) if m["h"].isdigit() else (_HOUR_WORDS[m["h"].lower()] or 12)
    return Spec(kind="time", hour=h, minute=0)


@rule("noon", rf"""{B}(?<!high\s)(?<!High\s)(?P<w>noon|midday|mid-day|midnight|mid-morning|mid-afternoon|mid\s+afternoon|mid-evening
      |dawn|daybreak|dusk|nightfall|sunrise|sunset)(?!\w)""")
def _noon(m: re.Match[str]) -> Spec:
    w = re.sub(r"[\s-]+", "", m["w"].lower())
    if w in ("noon", "midday"):
        return Spec(kind="time", hour=12, minute=0)
    if w == "midnight":
        return Spec(kind="time", hour=24, minute=0)
    pod = {"midmorning": "MO", "midafternoon": "AF", "midevening": "EV", "dawn": "MO", "daybreak": "MO",
           "sunrise": "MO", "dusk": "EV", "nightfall": "EV", "sunset": "EV"}[w]
    standalone = w.startswith("mid")
    return Spec(kind="time", pod=pod, mod="MID" if w.startswith("mid") else None, standalone=standalone,
                rule="noon" if standalone else "pod")


@rule("pod", rf"""{B}(?:(?P<the>the)\s+)?(?:(?P<early>early|late)\s+)?(?P<p>morning|afternoon|evening|night)(?P<pl>s)?(?![\w-])""")
def _pod(m: re.Match[str]) -> Spec:
    # Alone, "morning" is only a time next to a day ("Sunday morning") or after "in the" (compose).
    return Spec(kind="time", pod=PARTS_OF_DAY[m["p"].lower()], standalone=False, rule="pod_the" if m["the"] else "pod",
                mod={"early": "START", "late": "END"}.get((m["early"] or "").lower()),
                notes=["plural"] if m["pl"] else [])


@rule("early_hours", rf"""{B}the\s+(?:early|small|wee)\s+hours(?![\w-])""")
def _early_hours(m: re.Match[str]) -> Spec:
    return Spec(kind="time", pod="NI", mod="END", standalone=False, rule="pod_the")

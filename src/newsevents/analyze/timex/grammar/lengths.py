"""Rules for lengths of time (18 months, the past two weeks), sets (every week, daily, $2 million a year)
and the TIMEX3 reference words (now, recently, the future).
"""

from __future__ import annotations

import re
from fractions import Fraction

from newsevents.analyze.timex.grammar.base import B, E, duration_value, rule, unit_name
from newsevents.analyze.timex.lexicon import (
    AMOUNT,
    MONTH_FULL,
    MONTHS,
    NUM_WORDS,
    PARTS_OF_DAY,
    QUANT_MOD,
    QUANT_MODS,
    UNIT_ANY,
    UNIT_PL,
    UNIT_SG,
    UNITS,
    WEEKDAY_FULL,
    WEEKDAYS,
)
from newsevents.analyze.timex.numbers import parse_amount
from newsevents.analyze.timex.spec import Spec

# ------------------------------------------------------------------ durations


_DUR_REL = r"the\s+(?:past|last|next|first|final|coming|previous|following|latest|remaining|initial|ensuing|preceding|same|full|entire)"
_DUR_ADJ = r"more|additional|full|straight|consecutive|long|short|trading|business|working|calendar|successive|further|extra|whole|entire"


@rule("duration", rf"""{B}(?:(?P<qm>{QUANT_MOD})\s+)?(?:(?P<rel>{_DUR_REL})\s+)?(?:(?P<the>the)\s+)?
      (?:(?P<amt0>\d+|{NUM_WORDS})\s*(?:to|-|–|or)\s*)?(?P<amt>{AMOUNT})
      [-\s]+(?:(?P<adj>{_DUR_ADJ})[-\s]+)?(?P<u>{UNIT_ANY})(?P<tail>[-\s]+(?:long|old)(?![\w-]))?(?![\w])(?!-old)
      (?P<orso>\s+or\s+so(?!\w))?""")
def _duration(m: re.Match[str]) -> Spec | None:
    if m["tail"] and m["tail"].strip(" -").lower() == "old":
        return None  # ages are not time expressions in TimeML
    unit = unit_name(m["u"])
    if unit not in UNITS:
        return None
    amt_text = m["amt"].lower()
    if re.fullmatch(r"1\d{3}|20\d\d", amt_text) and not m["u"].lower().endswith("s"):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    if unit == "second" and amt_text in ("a", "an"):
        return None  # "a second betrayal"
    if m["u"][:1].isupper() and not m["u"].isupper() and m["amt"][:1].isdigit():
        return None  # "60 Minutes", "Seven Years in Tibet": a title
    if re.search(r"\b(?:aged|age\s+of|ages\s+of)\s+\Z", m.string[max(0, m.start() - 12):m.start()], re.I):
        return None  # "aged 84 years": an age
    if unit == "quarter" and amt_text in ("a", "one", "two", "three", "1", "2", "3") \
            and re.match(r"\s+of\b", m.string[m.end():m.end() + 4]):
        return None  # "three-quarters of its food" is a fraction
    if m["amt0"]:
        low = parse_amount(m["amt0"])
        if low is None:
            return None
        return Spec(kind="duration", value=duration_value(low, unit), mod="EQUAL_OR_MORE")
    amount = parse_amount(amt_text)
    if amount is None and amt_text not in ("several", "a few", "few", "many", "some", "numerous", "a number of",
                                           "dozens of", "hundreds of"):
        return None
    plural = m["u"].lower().endswith("s") and unit not in ("hrs",)
    if amount == 1 and plural and amt_text not in ("one",):
        return None
    if amt_text == "some" and not plural:
        return None  # "some day", "some time"
    if unit == "night" and not plural and amount is not None and amount <= 1:
        return None  # "a night", "one night" are more often a point than a length
    mod = QUANT_MODS.get(m["qm"].lower().replace("\n", " ")) if m["qm"] else None
    if m["qm"] and re.fullmatch(r"over|under|some", m["qm"], re.I) and amount is None:
        return None  # "over several years" -> leave "over" out: the shorter match is found by rule "duration_bare"
    if amt_text in ("a couple of", "couple of") or m["orso"]:
        mod = mod or "APPROX"
    return Spec(kind="duration", value=duration_value(amount, unit), mod=mod)


# "$2 million a year", "four flights a week", "24 hours a day": a rate, i.e. a set, not a length.
@rule("set_rate", r"""(?:\d|\b(?:million|billion|thousand|hundred|percent|dollars?|cents?|euros?|pounds?|times|once|twice))
      (?:\s+[a-z]+){0,3}?\s+(?P<x>(?:a|per)\s+(?P<u>year|month|week|day|hour|minute|quarter))(?![\w-])
      (?!\s+(?:ago|earlier|later|before|after|of|or|and)\b)""", priority=-1)
def _set_rate(m: re.Match[str]) -> Spec:
    return Spec(kind="set", value=duration_value(Fraction(1), unit_name(m["u"])))


@rule("duration_half", rf"""{B}(?:(?P<qm>{QUANT_MOD})\s+)?(?P<amt>{AMOUNT})\s+(?P<u>{UNIT_SG})\s+and\s+a\s+half{E}""")
def _duration_half(m: re.Match[str]) -> Spec | None:
    amount = parse_amount(m["amt"])
    unit = unit_name(m["u"])
    if amount is None or unit not in UNITS:
        return None
    mod = QUANT_MODS.get(m["qm"].lower()) if m["qm"] else None
    return Spec(kind="duration", value=duration_value(amount + Fraction(1, 2), unit), mod=mod)


_BARE_REL = (r"recent|coming|past|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+following|the\s+previous"
             r"|the\s+first|the\s+early|the\s+final|the\s+ensuing|the\s+intervening|the\s+remaining|the")


@rule("duration_bare", rf"""(?:(?<![\w])(?P<cue>for|over|within|after|in|during|throughout|from)\s+)?
      (?P<x>(?:(?P<rel>{_BARE_REL})\s+)?(?<![\w-])(?P<u>{UNIT_PL})(?P<tail>[-\s]+long(?![\w-])|\s+ahead(?!\w)|\s+to\s+come(?!\w))?)(?![\w-])""")
def _duration_bare(m: re.Match[str]) -> Spec | None:
    rel = (m["rel"] or "").lower()
    cue = (m["cue"] or "").lower()
    unit = unit_name(m["u"])
    if unit not in UNITS or unit in ("second", "night") or unit in ("minute", "hour") and not cue:
        return None  # "within hours", "for minutes" are lengths; a bare "hours" is often opening hours
    if m["u"][:1].isupper() and not m["u"].isupper():
        return None  # "The Last Days of Dolwyn": a title
    if rel == "the" and not (cue == "over" or m["tail"]):
        return None
    after = m.string[m.end():m.end() + 12]
    loose = cue in ("for", "over", "within") or cue == "in" and re.match(r"\s*(?:[,.;:!?)]|$)", after)
    if not rel and not m["tail"] and not loose:
        # "months of twists and turns", "years of war": a length, unless counted or determined before
        before = m.string[max(0, m.start() - 12):m.start()]
        if not re.match(r"\s+of\s+[a-z]", after) or re.search(r"\b(?:the|these|those|of|many|\d+)\s+\Z", before):
            return None
    if rel in ("recent", "past"):
        return Spec(value="PAST_REF")  # "in recent years": a vague past, as TimeML annotates it
    if rel == "coming":
        return Spec(value="FUTURE_REF")
    return Spec(kind="duration", value=duration_value(None, unit))


@rule("vague_ago", rf"""{B}(?P<u>{UNIT_PL})\s+(?P<dir>ago|earlier|later|from\s+now)(?![\w-])""")
def _vague_ago(m: re.Match[str]) -> Spec | None:
    if unit_name(m["u"]) not in UNITS:
        return None
    return Spec(value="PAST_REF" if m["dir"].lower() in ("ago", "earlier") else "FUTURE_REF")


@rule("vague_duration", r"""(?<![\w])(?:for|in|after|within|over)\s+(?P<x>(?:quite\s+)?(?:a\s+(?:long\s+|short\s+|little\s+)?while
      |some\s+time|a\s+(?:long|short)\s+time|a\s+long\s+period|a\s+short\s+period))(?![\w-])""")
def _vague_duration(m: re.Match[str]) -> Spec:
    return Spec(kind="duration", value="PXX")


@rule("year_end", r"""(?<![\w])(?:by|at|until|till|before|after|since|around|through|near|toward|towards)\s+
      (?P<x>(?:the\s+)?(?:year[-\s]end|year['’]s\s+end|end[-\s]of[-\s]year))(?![\w-])""")
def _year_end(m: re.Match[str]) -> Spec:
    return Spec(unit="year", offset=0, mod="END")


# ------------------------------------------------------------------ sets


@rule("set_every", rf"""{B}(?P<q>every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?P<amt>{AMOUNT})\s+)?
      (?P<u>{UNIT_ANY}|{WEEKDAY_FULL}|{MONTH_FULL}|morning|afternoon|evening|night)(?![\w-])""")
def _set_every(m: re.Match[str]) -> Spec | None:
    word = m["u"]
    low = word.lower()
    if low in WEEKDAYS:
        return Spec(kind="set", value=f"XXXX-WXX-{WEEKDAYS[low]}")
    if low in MONTHS and word[0].isupper():
        return Spec(kind="set", value=f"XXXX-{MONTHS[low]:02d}")
    if low in ("morning", "afternoon", "evening", "night"):
        return Spec(kind="set", value=f"XXXX-XX-XXT{PARTS_OF_DAY[low]}")
    unit = unit_name(word)
    if unit not in UNITS:
        return None
    amount = parse_amount(m["amt"]) if m["amt"] else Fraction(1)
    if amount is None:
        return None
    if m["other"]:
        amount *= 2
    if m["q"].lower() == "per" and m["amt"]:
        return None
    return Spec(kind="set", value=duration_value(amount, unit))


ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
                "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W", "fortnightly": "P2W",
                "semiannually": "P6M", "biannually": "P6M", "bimonthly": "P2M"}


@rule("set_adverb", rf"""{B}(?P<w>{'|'.join(ADVERB_SETS)})(?![\w-])""")
def _set_adverb(m: re.Match[str]) -> Spec | None:
    word = m["w"].lower()
    if word == "quarterly" and re.match(r"\s+[a-z]", m.string[m.end():m.end() + 2]):
        return None  # "quarterly dividend", "quarterly results": a kind of report, not a time
    return Spec(kind="set", value=ADVERB_SETS[word])


@rule("set_times", rf"""{B}(?P<f>once|twice|thrice|(?:{AMOUNT})\s+times)\s+(?:a|an|per|each|every)\s+(?P<u>{UNIT_SG}){E}""")
def _set_times(m: re.Match[str]) -> Spec | None:
    unit = unit_name(m["u"])
    if unit not in UNITS:
        return None
    return Spec(kind="set", value=duration_value(Fraction(1), unit))


# ------------------------------------------------------------------ TIMEX3 reference words


@rule("present_ref", rf"""{B}(?P<w>right\s+now|just\s+now|now|currently|nowadays|presently|these\s+days|the\s+present\s+day
      |the\s+present|present-day|current(?=\s+[a-z]))(?![\w-])""")
def _present_ref(m: re.Match[str]) -> Spec:
    return Spec(value="PRESENT_REF")


@rule("past_ref", rf"""{B}(?P<w>recently|lately|the\s+past(?!\s+(?:\d|{NUM_WORDS}|few|several|many|couple)\b)
      |recent(?=\s+[a-z]))(?![\w-])""")
def _past_ref(m: re.Match[str]) -> Spec:
    return Spec(value="PAST_REF")


@rule("future_ref", rf"""{B}(?P<w>the\s+(?:near|distant|foreseeable|immediate|not-too-distant|not\s+too\s+distant)\s+future
      |the\s+future|the\s+(?:near|short|long|medium)\s+term|a\s+later\s+date)(?![\w-])""")
def _future_ref(m: re.Match[str]) -> Spec:
    return Spec(value="FUTURE_REF")

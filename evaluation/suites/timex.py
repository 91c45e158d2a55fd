"""Time expressions on TimeBank + AQUAINT (TBAQ-cleaned, the TempEval-3 training data), scored as TempEval-3.

Gold: ``time/tbaq.jsonl`` (see its SOURCE.txt): each document's text, its creation time (``dct``, the
publication date the system anchors to) and every TIMEX3 with its span, type and value.

The system is the ``times`` extractor over the project's one spaCy parse of the text, with the
document's creation time as the publication date. Measures, as the TempEval-3 scorer
(``evaluate_entities.py`` of the TE3 toolkit) defines them:

- **extent**: precision, recall and F1, *strict* (same characters, surrounding spaces ignored) and
  *relaxed* (the expressions overlap; each gold and system expression matched at most once, the
  largest overlap first);
- **value F1** = relaxed F1 × value accuracy, where value accuracy is the share of relaxed matches
  whose TIMEX3 value is identical to the gold's (TE3's "attribute F1"); **type accuracy** and type F1
  likewise for DATE / TIME / DURATION / SET.

TimeML annotates a range ("from Sept. 14 to Thursday") as two TIMEX3; the extractor keeps one
interval record with both ends, and is scored on its two ends (the parts it was joined from).

Baseline, on the same parse: spaCy's DATE and TIME entities, valued by ``dateparser`` relative to the
creation time (type DATE/TIME from the label). The published anchor is HeidelTime, the best system of
TempEval-3 -- on the TE3 *platinum test* set, which is not in ``../shared``; this set is TE3's
training data, so the comparison is indicative, not like for like.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from evaluation.core import EvalContext, Figure, SuiteResult
from evaluation.metrics import prf

NAME = "timex"
TITLE = "Time expressions: TimeBank + AQUAINT (TempEval-3 extent and value measures)"
GOLD = "time/tbaq.jsonl"
HEIDELTIME = "HeidelTime, TE3 platinum test"
# HeidelTime's TempEval-3 figures (UzZaman et al. 2013, Table 3): the bar.
TARGET_STRICT_F1, TARGET_RELAXED_F1, TARGET_VALUE_F1 = 0.8134, 0.9030, 0.7761
TYPES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}


@dataclass
class Expr:
    start: int
    end: int
    type: str
    value: str | None
    rule: str = ""


@dataclass
class GoldDoc:
    id: str
    dct: date
    text: str
    timexes: list[Expr] = field(default_factory=list)


def load(path: Path) -> list[GoldDoc]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            docs.append(GoldDoc(d["id"], date.fromisoformat(d["dct"]), d["text"],
                                [Expr(t["start"], t["end"], t["type"], t["value"]) for t in d["timexes"]]))
    return docs


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    # Per gold type: (gold count, relaxed matches, value matches); per system rule: value errors.
    by_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    rule_errors: Counter = field(default_factory=Counter)
    rule_spurious: Counter = field(default_factory=Counter)

    def add(self, text: str, gold: list[Expr], system: list[Expr]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        for g in gold:
            self.by_type[g.type][0] += 1
        pairs = match(gold, system)
        for g, s in pairs:
            self.relaxed += 1
            self.by_type[g.type][1] += 1
            if _trim(text, g) == _trim(text, s):
                self.strict += 1
            if s.value == g.value:
                self.value += 1
                self.by_type[g.type][2] += 1
            else:
                self.rule_errors[s.rule or "?"] += 1
            self.type += s.type == g.type
        matched = {id(s) for _g, s in pairs}
        for s in system:
            if id(s) not in matched:
                self.rule_spurious[s.rule or "?"] += 1

    def figures(self) -> dict[str, float | None]:
        strict = prf(self.strict, self.system - self.strict, self.gold - self.strict)
        relaxed = prf(self.relaxed, self.system - self.relaxed, self.gold - self.relaxed)
        value_acc = self.value / self.relaxed if self.relaxed else None
        type_acc = self.type / self.relaxed if self.relaxed else None
        rf = relaxed.f1 or 0.0
        return {
            "strict P": strict.precision, "strict R": strict.recall, "strict F1": strict.f1,
            "relaxed P": relaxed.precision, "relaxed R": relaxed.recall, "relaxed F1": relaxed.f1,
            "value accuracy": value_acc, "value F1": None if value_acc is None else rf * value_acc,
            "type accuracy": type_acc, "type F1": None if type_acc is None else rf * type_acc,
        }


def _trim(text: str, e: Expr) -> tuple[int, int]:
    s, t = e.start, e.end
    while s < t and text[s].isspace():
        s += 1
    while t > s and text[t - 1].isspace():
        t -= 1
    return s, t


def match(gold: list[Expr], system: list[Expr]) -> list[tuple[Expr, Expr]]:
    """One-to-one pairs of overlapping expressions, the largest overlaps first."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                pairs.append((-overlap, gi, si))
    used_g, used_s, out = set(), set(), []
    for _o, gi, si in sorted(pairs):
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gold[gi], system[si]))
    return out


def system_expressions(text: str, dct: date, doc, extractor) -> list[Expr]:
    """The ``times`` extractor's output on one document, intervals split into their two written ends."""
    from newsevents.analyze.context import Extraction
    from newsevents.analyze.times import NOTES_KEY
    from newsevents.model import Article

    article = Article(text=text, published=dct.isoformat())
    article.text = text  # keep the gold's offsets: no normalisation of the text here
    ex = Extraction(article=article, doc=doc)
    extractor(ex)
    notes = ex.notes.get(NOTES_KEY, {})
    out = []
    for t in ex.times:
        timex = notes.get(t.id)
        rule = timex.spec.rule if timex else ""
        if timex is not None and timex.parts:
            out.extend(Expr(s, e, TYPES[t.kind], v, rule) for s, e, v in timex.parts)
        else:
            out.append(Expr(t.span[0], t.span[1], TYPES[t.kind], t.value, rule))
    return out


def baseline_expressions(doc, dct: date, parser) -> list[Expr]:
    """spaCy's DATE/TIME entities, valued by dateparser relative to the creation time."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        out.append(Expr(ent.start_char, ent.end_char, ent.label_, _dateparser_value(parser, ent.text, dct)))
    return out


def _dateparser_value(parser, text: str, dct: date) -> str | None:
    try:
        data = parser(text, datetime(dct.year, dct.month, dct.day))
    except Exception:  # dateparser raises on odd input; the baseline then has no value
        return None
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if period == "time":
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _make_dateparser():
    from dateparser.date import DateDataParser

    parsers: dict[date, DateDataParser] = {}

    def parse(text: str, base: datetime):
        p = parsers.get(base.date())
        if p is None:
            p = parsers[base.date()] = DateDataParser(
                languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                            "RETURN_TIME_AS_PERIOD": True})
        return p.get_date_data(re.sub(r"\s+", " ", text))

    return parse


def run(ctx: EvalContext) -> SuiteResult:
    from newsevents.analyze.registry import make_extractor
    from newsevents.nlp import load_model

    docs = ctx.limited(load(ctx.gold_file(GOLD)))
    nlp = load_model()
    extractor = make_extractor("times")
    parser = _make_dateparser()
    ours, base = Tally(), Tally()
    for gd, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16)):
        ours.add(gd.text, gd.timexes, system_expressions(gd.text, gd.dct, doc, extractor))
        base.add(gd.text, gd.timexes, baseline_expressions(doc, gd.dct, parser))
    return score(ours, base, len(docs))


def score(ours: Tally, base: Tally, n_docs: int) -> SuiteResult:
    f, b = ours.figures(), base.figures()
    bname = "spaCy DATE/TIME + dateparser"
    targets = {"strict F1": (TARGET_STRICT_F1, f"{HEIDELTIME}: 81.34"),
               "relaxed F1": (TARGET_RELAXED_F1, f"{HEIDELTIME}: 90.30"),
               "value F1": (TARGET_VALUE_F1, f"{HEIDELTIME}: 77.61")}
    figures = []
    for name in ("value F1", "relaxed F1", "strict F1", "relaxed P", "relaxed R", "strict P", "strict R",
                 "value accuracy", "type accuracy", "type F1"):
        target, anchor = targets.get(name, (None, None))
        n = ours.relaxed if name in ("value accuracy", "type accuracy") else ours.gold
        figures.append(Figure(f"TIMEX3 {name}", f[name], n, b[name], bname, target, anchor))
    by_type = {t: {"gold": g, "recall (relaxed)": round(m / g, 3) if g else None,
                   "value accuracy": round(v / m, 3) if m else None}
               for t, (g, m, v) in sorted(ours.by_type.items())}
    return SuiteResult(
        NAME, TITLE, figures,
        notes=[
            f"{n_docs} documents, {ours.gold} gold TIMEX3, {ours.system} system expressions "
            f"({base.system} for the baseline).",
            "Value F1 = relaxed F1 × value accuracy on relaxed matches, as the TempEval-3 scorer computes its "
            "attribute F1; strict = same characters; matching is one-to-one.",
            "HeidelTime's figures are on the TE3 platinum test set (not available here); TBAQ is TE3's "
            "training data, annotated less consistently (e.g. 'last week' sometimes left as 1989-WXX).",
            "A range the extractor keeps as one interval is scored as its two ends, as TimeML annotates it.",
        ],
        details={"by_gold_type": by_type,
                 "value_errors_by_rule": dict(ours.rule_errors.most_common()),
                 "unmatched_system_by_rule": dict(ours.rule_spurious.most_common())},
    )

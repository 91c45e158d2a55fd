"""PLOVER GSR: event type, mode and the source/target actors' country and sector, per gold sentence.

Gold: ``events/plover_gsr/plover-gsr.dev.json`` (CC BY-SA 4.0): sentences from the CAMEO manual coded in
PLOVER 0.5. Old category names are mapped to the 16 current types (DEMAND→REQUEST, DISAPPROVE and
INVESTIGATE→ACCUSE, FIGHT→ASSAULT); old mode names to current ones ("riot-spon"→riot).

Each sentence is analysed as an article. The predicted event is the first extracted event whose trigger
overlaps a word the gold marks as the event (``(EVT: ...)`` in the markup); failing that, the first
event that is not negated. Scored: type accuracy (target 85%), mode where the gold codes one (right
when our modes include it), and the event's source and target: country (any of our actors' countries
among the gold codes) and sector (where the gold codes one), each beside the majority baseline.
"""

from __future__ import annotations

import json
import re
from collections import Counter

from evaluation.core import EvalContext, Figure, SuiteResult
from evaluation.metrics import majority, share
from newsevents.events.taxonomy import PLOVER_OLD_NAMES
from newsevents.model import Analysis, Article, Event

NAME = "plover"
TITLE = "PLOVER GSR (sentences → PLOVER type, mode, source/target country and sector)"
GOLD = "events/plover_gsr/plover-gsr.dev.json"
TYPE_TARGET = 0.85

_OLD_MODES = {"riot-spon": "riot", "demo-spon": "demo", "strike-spon": "strike-lim", "host": "visit"}
_CODE_FIXES = {"JAP": "JPN"}
_SECTOR_MAP = {"OPP": "POL", "PTY": "POL", "REF": "CVL", "LAB": "CVL", "AGR": "CVL", "JRN": "MED", "MOS": "REL"}
_EVT = re.compile(r"\(EVT:\s*([^)]*)\)")


def gold_type(event: str) -> str:
    return PLOVER_OLD_NAMES.get(event, (event, None))[0]


def load_records(path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in data if isinstance(r, dict) and r.get("text") and r.get("event")]


def _actors(field) -> list[dict]:
    return [a for a in field if isinstance(a, dict)] if isinstance(field, list) else []


def _codes(field) -> set[str]:
    return {_CODE_FIXES.get(a.get("code", ""), a.get("code", "")) for a in _actors(field) if a.get("code")}


def _sectors(field) -> set[str]:
    out = set()
    for a in _actors(field):
        sector = (a.get("sector") or "").strip().upper()[:3]
        if sector:
            out.add(_SECTOR_MAP.get(sector, sector))
    return out


def event_spans(record: dict) -> list[tuple[int, int]]:
    """Where the words the gold marks as the event are in the sentence (case-insensitive search)."""
    text = record["text"].lower()
    spans = []
    info = record.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else ""
    for m in _EVT.finditer(markup):
        for word in m.group(1).lower().split():
            start = text.find(word)
            if start >= 0:
                spans.append((start, start + len(word)))
    return spans


def predicted_event(record: dict, analysis: Analysis | None) -> Event | None:
    if analysis is None or not analysis.events:
        return None
    spans = event_spans(record)
    for ev in analysis.events:
        trig = ev.evidence.trigger
        if trig and any(s < trig[1] and trig[0] < e for s, e in spans):
            return ev
    return next((ev for ev in analysis.events if ev.status != "negated"), analysis.events[0])


def run(ctx: EvalContext) -> SuiteResult:
    records = ctx.limited(load_records(ctx.gold_file(GOLD)))
    analyses = ctx.analyze_all(Article(text=r["text"], published=r.get("date"), external_id=r.get("id"))
                               for r in records)
    types, modes, src_c, tgt_c, src_s, tgt_s = [], [], [], [], [], []
    confusion: Counter = Counter()
    for record, analysis in zip(records, analyses):
        ev = predicted_event(record, analysis)
        actors = {a.id: a for a in analysis.actors} if analysis else {}
        gold = gold_type(record["event"])
        pred = ev.type if ev else None
        types.append((gold, pred))
        if gold != pred:
            confusion[f"{gold} -> {pred}"] += 1
        mode = (record.get("mode") or "").strip()
        old_mode = PLOVER_OLD_NAMES.get(record["event"], (None, None))[1]
        if mode or old_mode:
            wanted = {_OLD_MODES.get(mode, mode)} if mode else {old_mode}
            modes.append((mode or old_mode, bool(ev and wanted & set(ev.mode))))
        ours_src = [actors[i] for i in (ev.actors if ev else []) if i in actors]
        ours_tgt = [actors[i] for i in (ev.recipients if ev else []) if i in actors]
        for field, ours, countries, sectors in ((record.get("source"), ours_src, src_c, src_s),
                                                (record.get("target"), ours_tgt, tgt_c, tgt_s)):
            codes = _codes(field)
            if codes:
                countries.append((sorted(codes)[0], bool(codes & {a.country for a in ours if a.country}
                                                        | ({"IGO"} if any(a.sector == "IGO" for a in ours)
                                                           else set()))))
            wanted_sectors = _sectors(field)
            if wanted_sectors:
                sectors.append((sorted(wanted_sectors)[0], bool(wanted_sectors & {a.sector for a in ours})))
    label, _ = majority(g for g, _ in types)
    figures = [Figure("event type accuracy", share(g == p for g, p in types), n=len(types),
                      baseline=share(g == label for g, _ in types), baseline_name=f"always {label}",
                      target=TYPE_TARGET)]
    if modes:
        common, _ = majority(m for m, _ in modes)
        figures.append(Figure("mode accuracy (where coded)", share(ok for _, ok in modes), n=len(modes),
                              baseline=share(m == common for m, _ in modes), baseline_name=f"always {common}"))
    for name, pairs in (("source country", src_c), ("target country", tgt_c), ("source sector", src_s),
                        ("target sector", tgt_s)):
        if pairs:
            common, _ = majority(g for g, _ in pairs)
            figures.append(Figure(f"{name} (of the coded event)", share(ok for _, ok in pairs), n=len(pairs),
                                  baseline=share(g == common for g, _ in pairs), baseline_name=f"always {common}"))
    return SuiteResult(NAME, TITLE, figures, details={"confusions": dict(confusion.most_common(25))}, notes=[
        "The dev share is about 100 edited CAMEO-manual sentences; old PLOVER 0.5 names are mapped.",
    ])

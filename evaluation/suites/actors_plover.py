"""PLOVER GSR (dev share): actor country and sector from the actor's words in their sentence.

Gold: ``events/plover_gsr/plover-gsr.dev.json`` (CC BY-SA 4.0; see its SOURCE.txt): sentences with
their source and target actors, each an ``actorText`` with a ``code`` (ISO3, or IGO for international
bodies) and, where coded, a ``sector``.

For every gold actor whose text appears in its sentence, the sentence is parsed once, the actors and
places extractors run, and ``actor_for_span`` is asked which actor that text refers to. Scored:

- **actor found**: ``actor_for_span`` returned an actor at all;
- **country**: its ISO3 equals the gold code (an international body with no country matches ``IGO``;
  the gold's "JAP" is read as JPN; "IMG", an international militant group, expects no country);
- **sector**: over gold actors with a sector our vocabulary has (old PLOVER codes mapped: OPP/PTY ->
  POL, REF/LAB/AGR and CVL+ethnicity -> CVL, JRN -> MED, MOS -> REL) or with none — a state acting as a
  whole, which we code with no sector; an international body with no gold sector expects IGO or NGO;
- **country and sector** both right.

Baseline: the majority class of the same gold items (the most frequent country code; the most frequent
sector). A second reference, in the notes, is a lexicon lookup without the parse: the first country
name or adjective in the actor's words.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from evaluation.core import EvalContext, Figure, SuiteResult
from evaluation.metrics import majority_baseline, share
from newsevents.analyze.actors import actor_for_span
from newsevents.analyze.context import Extraction
from newsevents.lexicon.countries import country_by_adjective, country_by_name
from newsevents.model import Actor, Article

NAME = "actors_plover"
TITLE = "PLOVER GSR: actor country and sector (actors extractor, actor_for_span)"
GOLD = "events/plover_gsr/plover-gsr.dev.json"

_CODE_FIXES = {"JAP": "JPN"}
_SECTOR_MAP = {"OPP": "POL", "PTY": "POL", "REF": "CVL", "LAB": "CVL", "AGR": "CVL", "JRN": "MED", "MOS": "REL"}
_OUR_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "POL", "REB", "MED", "CVL", "BUS", "EDU", "REL", "HLH", "IGO",
                "NGO", "OTH"}
NO_SECTOR = "(none)"


@dataclass
class GoldActor:
    record: str
    role: str  # source | target
    text: str
    sentence: str
    code: str | None  # ISO3, "IGO", or None (IMG: no country)
    sector: str | None  # our vocabulary, NO_SECTOR for a whole state, None when not scorable
    occurrence: int = 0  # which occurrence of ``text`` in the sentence the markup marks


_MARK = re.compile(r"\((SRC/TAR|SRC|TAR|EVT|LOC)[^:()]*:\s*([^()]*?)\s*\)")


def marked_occurrences(markup: str) -> list[tuple[str, str, int]]:
    """(label, text, occurrence of text in the unmarked sentence) for each SRC/TAR mark of a record."""
    plain, out, pos = [], [], 0
    for m in _MARK.finditer(markup):
        plain.append(markup[pos:m.start()])
        before = "".join(plain)
        out.append((m.group(1), m.group(2), before.count(m.group(2))))
        plain.append(m.group(2))
        pos = m.end()
    return [x for x in out if x[0] != "EVT" and x[0] != "LOC"]


def gold_sector(raw: Any, code: str | None) -> str | None:
    if raw is None or raw == "":
        return NO_SECTOR
    raw = str(raw).strip()
    head = raw[:3].upper()
    if head == "CVL":
        return "CVL"
    head = _SECTOR_MAP.get(head, head)
    return head if head in _OUR_SECTORS else None


def gold_code(raw: Any) -> str | None:
    code = str(raw or "").strip().upper()
    code = _CODE_FIXES.get(code, code)
    return None if code in ("", "IMG") else code


def load(ctx: EvalContext) -> tuple[list[GoldActor], int]:
    records = json.loads(ctx.gold_file(GOLD).read_text(encoding="utf-8"))
    out: list[GoldActor] = []
    skipped = 0
    for rec in records:
        if not isinstance(rec, dict) or "text" not in rec:
            continue
        for role in ("source", "target"):
            actors = rec.get(role)
            if not isinstance(actors, list):
                continue
            for a in actors:
                if not isinstance(a, dict) or not a.get("actorText") or not a.get("code"):
                    continue
                text = a["actorText"].strip()
                if text.lower() not in rec["text"].lower():
                    skipped += 1  # discontinuous ("U.S. ... negotiators") or edited wording
                    continue
                code = gold_code(a["code"])
                label = "SRC" if role == "source" else "TAR"
                info = rec.get("textInfo")
                marks = marked_occurrences(str(info.get("markup") or "") if isinstance(info, dict) else "")
                occurrence = next((k for lab, t, k in marks if t == text and label in lab), 0)
                if rec["text"].count(text) <= occurrence:
                    occurrence = 0
                out.append(GoldActor(rec["id"], role, text, rec["text"], code, gold_sector(a.get("sector"), code),
                                     occurrence))
    return out, skipped


def predicted_code(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.country:
        return actor.country
    return "IGO" if actor.sector in ("IGO", "NGO") else None


def sector_ok(actor: Actor | None, gold: GoldActor) -> bool:
    if actor is None or gold.sector is None:
        return False
    if gold.sector == NO_SECTOR:
        if gold.code == "IGO":
            return actor.sector in ("IGO", "NGO")
        return actor.sector is None
    if gold.sector in ("IGO", "NGO"):
        return actor.sector in ("IGO", "NGO")
    return actor.sector == gold.sector


def lexicon_only_code(text: str) -> str | None:
    """The reference without the parse: the first country name or adjective among the words."""
    words = text.replace("'s", " ").replace("’s", " ").split()
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            c = country_by_name(phrase) or country_by_adjective(phrase)
            if c is not None:
                return c.iso3
    return None


def extraction(ctx: EvalContext, sentence: str) -> Extraction:
    analyzer = ctx.analyzer
    article = Article(text=sentence)
    ex = Extraction(article=article, doc=analyzer.nlp(article.text))
    for name, extractor in analyzer.extractors:
        if name in ("actors", "places"):
            extractor(ex)
    return ex


def locate(sentence: str, text: str, occurrence: int = 0) -> tuple[int, int]:
    """The character span of the given occurrence of ``text`` (case-insensitive as a fallback)."""
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.find(text, start + 1)
        if start < 0:
            break
    if start < 0:
        start = sentence.lower().find(text.lower())
    return start, start + len(text)


def run(ctx: EvalContext) -> SuiteResult:
    gold, skipped = load(ctx)
    gold = ctx.limited(gold)
    cache: dict[str, Extraction] = {}
    found, country_ok, sec_ok, both_ok, lex_ok = [], [], [], [], []
    errors: Counter[str] = Counter()
    for g in gold:
        ex = cache.get(g.sentence)
        if ex is None:
            ex = cache[g.sentence] = extraction(ctx, g.sentence)
        start, end = locate(ex.article.text, g.text, g.occurrence)
        actor = actor_for_span(ex, start, end) if start >= 0 else None
        found.append(actor is not None)
        c_ok = predicted_code(actor) == g.code and actor is not None
        country_ok.append(c_ok)
        lex_ok.append(lexicon_only_code(g.text) == g.code)
        if g.sector is not None:
            s_ok = sector_ok(actor, g)
            sec_ok.append(s_ok)
            both_ok.append(s_ok and c_ok)
            if not s_ok:
                errors[f"sector {g.sector} -> {(actor.sector or NO_SECTOR) if actor else 'no actor'}"] += 1
        if not c_ok:
            errors[f"country {g.code} -> {predicted_code(actor) if actor else 'no actor'}"] += 1

    codes = [g.code or "(none)" for g in gold]
    sectors = [g.sector for g in gold if g.sector is not None]
    code_label, code_base = majority_baseline(codes)
    sector_label, sector_base = majority_baseline(sectors)
    both_base = share(g.code == code_label and g.sector == sector_label for g in gold if g.sector is not None)
    figures = [
        Figure("actor found", share(found), len(found)),
        Figure("actor country", share(country_ok), len(country_ok), code_base, f"always {code_label}"),
        Figure("actor sector", share(sec_ok), len(sec_ok), sector_base, f"always {sector_label}"),
        Figure("actor country and sector", share(both_ok), len(both_ok), both_base,
               f"always {code_label} {sector_label}"),
    ]
    notes = [
        f"{len(gold)} gold actors located in their sentences; {skipped} skipped (discontinuous or edited text).",
        f"Lexicon lookup without the parse (first country word in the actor's text): country "
        f"{100 * (share(lex_ok) or 0):.1f}% on the same items.",
        "Gold sentences are edited CAMEO-manual examples (c. 2000), not current news; a state acting as a "
        "whole is coded with its country and no sector, as the gold does.",
    ]
    return SuiteResult(NAME, TITLE, figures, notes, details={"errors": dict(errors.most_common(25))})

"""MEANTIME (Wikinews, CC BY 4.0): cross-document entity and event coreference with our own mentions.

Gold: ``crossdoc/meantime-dev/`` (30 English Wikinews articles on one topic, GM/Chrysler/Ford 2005-2013,
every entity and event mention in exactly one chain; chains span articles). The articles are analysed,
stored and linked as ``newsevents ingest`` + ``newsevents link`` would; then:

- **events**: each extracted event is a mention at its trigger (events without a trigger have no
  mention), its cluster the canonical event it was linked to;
- **entities**: each actor and place mention, its cluster the cross-document key of its actor or place
  (``newsevents.link.entities``: kind and canonical name, GeoNames id, country name).

System mentions are aligned one-to-one with gold mentions of the same article whose character spans
overlap by at least half their union (largest overlap first); an unaligned system mention counts
against precision, an unfound gold mention against recall (as the CoNLL-2012 scorer treats predicted
mentions). Scored: MUC, B³, CEAF-e and their mean, the CoNLL F1, over all gold chains (singletons
included), beside a same-head-lemma baseline on the same (our) mentions: mentions whose head words
have one lemma are one cluster across all articles. The same baseline on the gold mentions is given for
scale. Anchor: ECB+ event coreference, CoNLL F1 85.7 with gold mentions (Held et al., 2021); MEANTIME's
event mentions are every event word (says, is, sales), ours only the political and violent events the
extractors code, so recall is bounded by mention detection, which is reported beside.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation.core import EvalContext, Figure, SuiteResult, SuiteSkipped
from evaluation.suites._coref_metrics import CorefScores, Partition, coref_scores, partition
from evaluation.suites.ucdp_linking import store_analyses
from newsevents.model import Analysis, Article

NAME = "meantime"
TITLE = "MEANTIME (Wikinews): cross-document entity and event coreference"
FOLDER = "crossdoc/meantime-dev"
ANCHOR = "ECB+ event CoNLL F1 85.7, gold mentions (Held et al., 2021)"
MIN_OVERLAP = 0.5

Mention = tuple[str, int, int]  # (article id in the gold, start, end)


@dataclass
class Gold:
    articles: list[dict[str, Any]]
    events: Partition
    entities: Partition


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise SuiteSkipped(f"gold file not found: {path}")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_gold(folder: Path) -> Gold:
    def chains(name: str) -> Partition:
        return [frozenset((m["doc"], m["start"], m["end"]) for m in c["mentions"])
                for c in _read_jsonl(folder / name)]

    return Gold(_read_jsonl(folder / "articles.jsonl"), chains("event_chains.jsonl"), chains("entity_chains.jsonl"))


def articles_of(gold: Gold) -> list[Article]:
    return [Article(text=r["text"], title=r.get("title"), published=r.get("published"), outlet=r.get("outlet"),
                    url=r.get("url"), external_id=str(r["id"])) for r in gold.articles]


# --- what the system says -----------------------------------------------------------------------------------

def system_mentions(analyses: list[Analysis | None], canonical: dict[tuple[str, str], str]
                    ) -> tuple[dict[Mention, Hashable], dict[Mention, Hashable]]:
    """(event mention -> canonical event, entity mention -> cross-document key), keyed by gold doc id."""
    from newsevents.link.entities import actor_key, place_key

    events: dict[Mention, Hashable] = {}
    entities: dict[Mention, Hashable] = {}
    for analysis in analyses:
        if analysis is None:
            continue
        doc = analysis.article.external_id or analysis.article.id
        for e in analysis.events:
            if e.evidence.trigger:
                key = canonical.get((analysis.article.id, e.id)) or ("unlinked", doc, e.id)
                events[(doc, *e.evidence.trigger)] = key
        for a in analysis.actors:
            for start, end in a.mentions:
                entities.setdefault((doc, start, end), actor_key(a))
        for p in analysis.places:
            for start, end in p.mentions:
                entities.setdefault((doc, start, end), place_key(p))
    return events, entities


def align(system: dict[Mention, Hashable], gold_mentions: set[Mention]) -> dict[Mention, Hashable]:
    """System mentions renamed to the gold mention they match (one-to-one, largest overlap first);
    unmatched ones keep their own span (and can only count against precision)."""
    by_doc: dict[str, list[Mention]] = {}
    for m in gold_mentions:
        by_doc.setdefault(m[0], []).append(m)
    candidates = []
    for s in system:
        for g in by_doc.get(s[0], ()):
            inter = min(s[2], g[2]) - max(s[1], g[1])
            if inter > 0:
                union = max(s[2], g[2]) - min(s[1], g[1])
                if inter / union >= MIN_OVERLAP:
                    candidates.append((inter / union, s, g))
    mapped: dict[Mention, Mention] = {}
    taken: set[Mention] = set()
    for _, s, g in sorted(candidates, key=lambda t: (-t[0], t[1], t[2])):
        if s not in mapped and g not in taken:
            mapped[s] = g
            taken.add(g)
    return {mapped.get(s, ("system",) + s): label for s, label in system.items()}  # type: ignore[misc]


def lemma_labels(mentions: list[Mention], texts: dict[str, str], nlp: Any) -> dict[Mention, Hashable]:
    """The same-head-lemma baseline: each mention labelled with the lemma of its head word."""
    docs = dict(zip(texts, nlp.pipe(texts.values())))
    labels: dict[Mention, Hashable] = {}
    for m in mentions:
        span = docs[m[0]].char_span(m[1], m[2], alignment_mode="expand")
        labels[m] = span.root.lemma_.lower() if span is not None and len(span) else texts[m[0]][m[1]:m[2]].lower()
    return labels


# --- scoring ------------------------------------------------------------------------------------------------

def _score_block(result: SuiteResult, what: str, gold: Partition, system: dict[Mention, Hashable],
                 baseline: dict[Mention, Hashable], gold_baseline: dict[Mention, Hashable], *,
                 anchor: str | None = None) -> dict[str, Any]:
    gold_mentions = {m for c in gold for m in c}
    ours = coref_scores(gold, partition(align(system, gold_mentions)))
    base = coref_scores(gold, partition(align(baseline, gold_mentions)))
    on_gold = coref_scores(gold, partition(gold_baseline))
    found = sum(1 for m in align(system, gold_mentions) if m in gold_mentions)
    n = len(gold_mentions)
    result.figures.append(Figure(f"{what} CoNLL F1 (our mentions)", ours.conll_f1, n=n, baseline=base.conll_f1,
                                 baseline_name="same head lemma, our mentions", anchor=anchor))
    result.figures.append(Figure(f"{what} B³ F1 (our mentions)", ours.b_cubed.f1, n=n, baseline=base.b_cubed.f1,
                                 baseline_name="same head lemma, our mentions"))
    result.figures.append(Figure(f"{what} mentions found (recall of gold mentions)", found / n if n else None, n=n))
    return {"ours": _detail(ours), "lemma_baseline_our_mentions": _detail(base),
            "lemma_baseline_gold_mentions": _detail(on_gold), "system_mentions": len(system),
            "gold_mentions": n, "aligned": found, "gold_chains": len(gold),
            "cross_document_gold_chains": sum(1 for c in gold if len({m[0] for m in c}) > 1)}


def _detail(s: CorefScores) -> dict[str, float | None]:
    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 4)

    return {"conll_f1": r(s.conll_f1), "muc_f1": r(s.muc.f1), "b3_p": r(s.b_cubed.precision),
            "b3_r": r(s.b_cubed.recall), "b3_f1": r(s.b_cubed.f1), "ceafe_f1": r(s.ceaf_e.f1),
            "pairwise_f1": r(s.pairwise.f1)}


def link_analyses(analyses: list[Analysis | None], workdir: Path) -> dict[tuple[str, str], str]:
    """(article id, event id) -> canonical event, after storing and linking the analyses."""
    from newsevents.link import link
    from newsevents.store import open_store

    with open_store(workdir / "meantime.db") as store:
        store_analyses(store, analyses)
        link(store)
        rows = store.db.execute("SELECT article_id, event_id, canonical_id FROM link_reports "
                                "WHERE event_id IS NOT NULL AND canonical_id IS NOT NULL")
    return {(a, e): c for a, e, c in rows}


def run(ctx: EvalContext) -> SuiteResult:
    folder = ctx.data / FOLDER
    gold = load_gold(folder)
    if ctx.limit is not None:
        keep = {str(r["id"]) for r in ctx.limited(gold.articles)}
        gold = Gold([r for r in gold.articles if str(r["id"]) in keep],
                    [c2 for c in gold.events if (c2 := frozenset(m for m in c if m[0] in keep))],
                    [c2 for c in gold.entities if (c2 := frozenset(m for m in c if m[0] in keep))])
    articles = articles_of(gold)
    analyses = ctx.analyze_all(articles)
    with tempfile.TemporaryDirectory(prefix="meantime-") as tmp:
        canonical = link_analyses(analyses, Path(tmp))
    events, entities = system_mentions(analyses, canonical)
    texts = {a.external_id: a.text for a in articles}
    nlp = ctx.analyzer.nlp
    result = SuiteResult(NAME, TITLE)
    gold_event_mentions = sorted({m for c in gold.events for m in c})
    gold_entity_mentions = sorted({m for c in gold.entities for m in c})
    result.details["events"] = _score_block(
        result, "event coreference", gold.events, events, lemma_labels(list(events), texts, nlp),
        lemma_labels(gold_event_mentions, texts, nlp), anchor=ANCHOR)
    result.details["entities"] = _score_block(
        result, "entity coreference", gold.entities, entities, lemma_labels(list(entities), texts, nlp),
        lemma_labels(gold_entity_mentions, texts, nlp))
    result.notes += [
        "Our mentions: event triggers of extracted events; actor and place mentions. Aligned to gold mentions "
        f"of the same article overlapping by ≥ {MIN_OVERLAP:.0%} of their union, one to one.",
        "All gold chains are scored, singletons included (most MEANTIME event chains are singletons; 7 of 570 "
        "cross documents). details.*.lemma_baseline_gold_mentions is the same-head-lemma baseline on gold "
        "mentions, the usual reference point for the ECB+ anchor.",
        "Our event extractors code political and violent events (PLOVER/ACLED); MEANTIME annotates every event "
        "word (sales, said, is), so event recall is bounded by mention detection.",
    ]
    failed = sum(a is None for a in analyses)
    if failed:
        result.notes.append(f"{failed} of {len(analyses)} articles failed to analyse (no mentions from them).")
    return result

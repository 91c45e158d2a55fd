"""Quotes and attributions: cue, source and content spans on 43 hand-annotated Wikinews articles.

Gold: ``evaluation/gold/quotes/attributions.jsonl`` (this repository; guidelines in
``docs/quote-annotation.md``): article ids and character offsets into the texts of
``crossdoc/meantime-dev/articles.jsonl`` (30 articles, CC BY 4.0) and ``corpus/wikinews-en.jsonl``
(13 articles, CC BY 2.5), which stay in ``../shared``.

Measured per role (cue, source, content) as BBC R&D's Citron measures PARC 3.0, so its published test
figures can stand beside ours as the anchor (different corpus, same measures):

- **exact**: a predicted cue is right when a gold cue has exactly its span; a predicted source or
  content is right when its cue overlaps a gold cue and its spans equal that gold attribution's;
- **overlap**: token overlap between predicted and gold spans over predicted tokens (precision) and
  gold tokens (recall). Citron sums overlaps over all pairs; with nested attributions that counts a
  token twice, so each span is credited with its best-matching counterpart instead.

Predicted ``Quote`` records sharing a cue span are one attribution; records without a cue (unattributed
quotations) are not scored. Baseline: quotation marks plus the nearest "said/says/told/added" beside
them, the capitalised words or pronoun next to it as the source.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.core import EvalContext, Figure, SuiteResult
from evaluation.metrics import prf
from newsevents.analyze.quote_marks import strip_span
from newsevents.model import Analysis, Article

NAME = "quotes"
TITLE = "Quotes and attributions: cue, source, content (43 Wikinews articles, PARC 3.0-style gold)"
GOLD = Path(__file__).resolve().parents[1] / "gold" / "quotes" / "attributions.jsonl"
CORPORA = {"meantime-dev": "crossdoc/meantime-dev/articles.jsonl", "wikinews-en": "corpus/wikinews-en.jsonl"}
# Citron (BBC R&D), model en_2021-11-15 on the PARC 3.0 test partition: overlap F1 and exact F1.
CITRON_OVERLAP = {"cue": 0.768, "source": 0.853, "content": 0.833}
CITRON_EXACT = {"cue": 0.823, "source": 0.820, "content": 0.593}
ROLES = ("cue", "source", "content")
MAX_ERROR_SAMPLES = 30

Span = tuple[int, int]


@dataclass
class Attr:
    cue: Span
    sources: list[Span]
    contents: list[Span]
    kind: str | None = None


@dataclass
class GoldDoc:
    corpus: str
    article_id: str
    text_chars: int
    attributions: list[Attr] = field(default_factory=list)


# --- reading ------------------------------------------------------------------------------------------

def load_gold(path: Path = GOLD) -> list[GoldDoc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        attrs = [Attr(tuple(a["cue"]), [tuple(a["source"])] if a["source"] else [],
                      [tuple(c) for c in a["content"]], a["kind"]) for a in r["attributions"]]
        docs.append(GoldDoc(r["corpus"], r["article_id"], r["text_chars"], attrs))
    return docs


def load_articles(ctx: EvalContext, docs: list[GoldDoc]) -> list[Article]:
    wanted = {(d.corpus, d.article_id) for d in docs}
    found: dict[tuple[str, str], Article] = {}
    for corpus, relative in CORPORA.items():
        with ctx.gold_file(relative).open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                row = json.loads(line)
                if (corpus, row["id"]) in wanted:
                    found[(corpus, row["id"])] = Article(text=row["text"], published=row.get("published"),
                                                         outlet=row.get("outlet"), external_id=row["id"])
    articles = []
    for d in docs:
        article = found.get((d.corpus, d.article_id))
        if article is None:
            raise ValueError(f"quotes gold: article {d.article_id} not found in {CORPORA[d.corpus]}")
        if len(article.text) != d.text_chars:
            raise ValueError(f"quotes gold: article {d.article_id} has {len(article.text)} characters, "
                             f"the annotation expects {d.text_chars} (the text changed)")
        articles.append(article)
    return articles


# --- predictions ----------------------------------------------------------------------------------------

def predicted_attributions(analysis: Analysis) -> list[Attr]:
    """The system's quotes grouped into attributions by cue span, spans trimmed as the gold's are."""
    text = analysis.article.text
    groups: dict[Span, Attr] = {}
    for q in analysis.quotes:
        if q.cue_span is None:
            continue
        cue = tuple(q.cue_span)
        a = groups.setdefault(cue, Attr(cue, [], [], q.kind))
        if q.speaker_span and not a.sources:
            a.sources.append(_trim(text, tuple(q.speaker_span)))
        content = _trim(text, tuple(q.span))
        if content[1] > content[0] and content not in a.contents:
            a.contents.append(content)
    return list(groups.values())


_SAID = re.compile(r"\b(said|says|told|added)\b")
_SOURCE_AFTER = re.compile(r"\s+((?:[A-Z][\w.'-]*\s?){1,4}|he|she|they|it)\b")
_SOURCE_BEFORE = re.compile(r"((?:[A-Z][\w.'-]*\s){1,4}|he\s|she\s|they\s|it\s)$")
_QUOTED = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”|``(.+?)''|«([^»\n]+)»")


def baseline_attributions(text: str) -> list[Attr]:
    """Quotation marks plus the nearest "said/says/told/added" within 60 characters of them."""
    out: dict[Span, Attr] = {}
    for m in _QUOTED.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        content = _trim(text, (m.start(g), m.end(g)))
        best = None
        for cue in _SAID.finditer(text, max(0, m.start() - 60), min(len(text), m.end() + 60)):
            dist = cue.start() - m.end() if cue.start() >= m.end() else m.start() - cue.end()
            if dist >= 0 and (best is None or dist < best[0]):
                best = (dist, cue)
        if best is None:
            continue
        cue = best[1]
        source = None
        after = _SOURCE_AFTER.match(text, cue.end())
        before = _SOURCE_BEFORE.search(text[max(0, cue.start() - 60):cue.start()])
        if cue.start() >= m.end() and before is not None and before.end() == cue.start() - max(0, cue.start() - 60):
            s = cue.start() - (before.end() - before.start())
            source = (s, cue.start())
        elif after is not None:
            source = (after.start(1), after.end(1))
        a = out.setdefault((cue.start(), cue.end()), Attr((cue.start(), cue.end()), [], []))
        if source and not a.sources:
            a.sources.append(_trim(text, source))
        a.contents.append(content)
    return list(out.values())


def _trim(text: str, span: Span) -> Span:
    return strip_span(text, span[0], span[1])


# --- measures -------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|[^\w\s]")


class Tokens:
    """Token positions of one text, for token-overlap measures."""

    def __init__(self, text: str) -> None:
        self.spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.starts = [s for s, _ in self.spans]

    def of(self, spans: Iterable[Span]) -> set[int]:
        out: set[int] = set()
        for s, e in spans:
            for k, (ts, te) in enumerate(self.spans):
                if ts >= e:
                    break
                if te > s:
                    out.add(k)
        return out


@dataclass
class Tally:
    exact: Counter = field(default_factory=Counter)  # (role, "tp"/"fp"/"fn") -> count
    overlap: Counter = field(default_factory=Counter)  # (role, "ov_p"/"len_p"/"ov_g"/"len_g") -> tokens


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _role_spans(a: Attr, role: str) -> list[Span]:
    return [a.cue] if role == "cue" else a.sources if role == "source" else a.contents


def _same(a: list[Span], b: list[Span]) -> bool:
    return sorted(a) == sorted(b)


def score_doc(text: str, gold: list[Attr], pred: list[Attr], tally: Tally) -> None:
    for p in pred:
        tally.exact["cue", "tp" if any(p.cue == g.cue for g in gold) else "fp"] += 1
        for role in ("source", "content"):
            ok = any(_overlaps(p.cue, g.cue) and _same(_role_spans(p, role), _role_spans(g, role)) for g in gold)
            tally.exact[role, "tp" if ok else "fp"] += 1
    for g in gold:
        if not any(p.cue == g.cue for p in pred):
            tally.exact["cue", "fn"] += 1
        for role in ("source", "content"):
            if not any(_overlaps(p.cue, g.cue) and _same(_role_spans(p, role), _role_spans(g, role)) for p in pred):
                tally.exact[role, "fn"] += 1
    tokens = Tokens(text)
    for role in ROLES:
        p_sets = [tokens.of(_role_spans(p, role)) for p in pred]
        g_sets = [tokens.of(_role_spans(g, role)) for g in gold]
        for ps in p_sets:
            tally.overlap[role, "len_p"] += len(ps)
            tally.overlap[role, "ov_p"] += max((len(ps & gs) for gs in g_sets), default=0)
        for gs in g_sets:
            tally.overlap[role, "len_g"] += len(gs)
            tally.overlap[role, "ov_g"] += max((len(gs & ps) for ps in p_sets), default=0)


def exact_f1(tally: Tally, role: str) -> float | None:
    return prf(tally.exact[role, "tp"], tally.exact[role, "fp"], tally.exact[role, "fn"]).f1


def overlap_prf(tally: Tally, role: str) -> tuple[float | None, float | None, float | None]:
    lp, lg = tally.overlap[role, "len_p"], tally.overlap[role, "len_g"]
    p = tally.overlap[role, "ov_p"] / lp if lp else None
    r = tally.overlap[role, "ov_g"] / lg if lg else None
    if p is None or r is None:
        return p, r, None
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --- the suite ------------------------------------------------------------------------------------------

def run(ctx: EvalContext) -> SuiteResult:
    gold_docs = ctx.limited(load_gold())
    articles = load_articles(ctx, gold_docs)
    analyses = ctx.analyze_all(articles)
    system, base = Tally(), Tally()
    per_corpus: dict[str, Tally] = {}
    by_kind: Counter = Counter()
    errors: list[dict] = []
    for doc, article, analysis in zip(gold_docs, articles, analyses):
        pred = predicted_attributions(analysis) if analysis is not None else []
        score_doc(article.text, doc.attributions, pred, system)
        score_doc(article.text, doc.attributions, pred, per_corpus.setdefault(doc.corpus, Tally()))
        score_doc(article.text, doc.attributions, baseline_attributions(article.text), base)
        for g in doc.attributions:
            found = any(_overlaps(p.cue, g.cue) for p in pred)
            by_kind[g.kind, found] += 1
            if not found and len(errors) < MAX_ERROR_SAMPLES:
                errors.append({"article": doc.article_id, "missed_cue": list(g.cue), "kind": g.kind})
        for p in pred:
            if not any(_overlaps(p.cue, g.cue) for g in doc.attributions) and len(errors) < MAX_ERROR_SAMPLES:
                errors.append({"article": doc.article_id, "extra_cue": list(p.cue)})
    n_gold = sum(len(d.attributions) for d in gold_docs)
    figures = []
    for role in ROLES:
        figures.append(Figure(f"{role} overlap F1", overlap_prf(system, role)[2], n=n_gold,
                              baseline=overlap_prf(base, role)[2], baseline_name="quotation marks + nearest said",
                              anchor=f"Citron on PARC 3.0 test {100 * CITRON_OVERLAP[role]:.1f}"))
    for role in ROLES:
        figures.append(Figure(f"{role} exact F1", exact_f1(system, role), n=n_gold,
                              baseline=exact_f1(base, role), baseline_name="quotation marks + nearest said",
                              anchor=f"Citron on PARC 3.0 test {100 * CITRON_EXACT[role]:.1f}"))
    notes = [
        f"{len(gold_docs)} articles, {n_gold} gold attributions "
        f"({', '.join(f'{k} {sum(v for (kk, _f), v in by_kind.items() if kk == k)}' for k in ('direct', 'mixed', 'indirect'))}).",
        "Cue recall by kind: " + ", ".join(
            f"{k} {_pct(by_kind[k, True], by_kind[k, True] + by_kind[k, False])}" for k in ("direct", "mixed", "indirect")) + ".",
        "The anchor is Citron's published score on PARC 3.0 (Wall Street Journal); the gold here is our "
        "own Wikinews annotation (docs/quote-annotation.md), so the comparison is of measures, not corpora.",
        "Overlap credits each span with its best-matching counterpart (Citron sums over all pairs, which "
        "double-counts nested attributions).",
        "By corpus (overlap F1 cue/source/content): " + "; ".join(
            f"{corpus} " + "/".join(_pct1(overlap_prf(t, r)[2]) for r in ROLES) for corpus, t in per_corpus.items())
        + ". The MEANTIME articles were used for error analysis while the extractor was written; the 13 "
          "wikinews-en articles were not looked at for that, so they are the fairer estimate.",
    ]
    failed = sum(a is None for a in analyses)
    if failed:
        notes.append(f"{failed} articles failed to analyse (scored as no predictions).")
    details = {"overlap_prf": {r: overlap_prf(system, r) for r in ROLES},
               "baseline_overlap_prf": {r: overlap_prf(base, r) for r in ROLES},
               "exact_counts": {f"{r}:{k}": system.exact[r, k] for r in ROLES for k in ("tp", "fp", "fn")},
               "errors": errors}
    return SuiteResult(NAME, TITLE, figures, notes, details)


def _pct1(v: float | None) -> str:
    return "—" if v is None else f"{100 * v:.1f}"


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}% of {b}" if b else "—"

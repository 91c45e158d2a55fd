"""UCDP GED Ukraine: linking the reports of one event, across outlets and days (issue 6).

Gold: ``events/ucdp_ged_ukraine/ucdp-ukraine.dev.csv`` (UCDP GED, CC BY 4.0). Each UCDP event lists the
reports it was coded from in ``source_article`` (``"Outlet,YYYY-MM-DD,headline"`` items, ``;``-separated).
Every headline becomes an article (outlet and publication date from its item); a headline listed under
more than one event is left out (it has no single right answer) and a repeated headline within one
event is taken once; events with a single report stay in as distractors.

The headlines are analysed, stored in a fresh SQLite store and linked with ``newsevents.link`` exactly
as ``newsevents link`` does. Scored: pairs of headlines put in the same canonical event against pairs
from the same UCDP event (pairwise precision, recall, F1) and B³, beside baselines computed the same
way over the same headlines: every headline alone, same publication day, and same publication day plus
UCDP's own admin1 (an oracle: it reads the gold place). A headline's canonical event is the most widely
reported (most articles) of those its reports went to; a headline with no report linked is alone. The same is scored from the
``links-jsonl`` lines alone (extracted events only, as an outside evaluator reads them).

Fatalities: for each UCDP event, the canonical event holding most of its headlines; its range over
sources (lowest to highest figure any linked report gave) covers UCDP's ``low``–``high`` or not, beside
the range of the earliest headline alone.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path

from evaluation.core import EvalContext, Figure, SuiteResult
from evaluation.metrics import normalise_admin1, share
from evaluation.suites._coref_metrics import Partition, Score, b_cubed, pairwise, partition
from evaluation.suites.ucdp import GOLD, UcdpEvent, load_events
from newsevents.model import Analysis, Article

NAME = "ucdp_linking"
TITLE = "UCDP GED Ukraine (headlines → canonical events: cross-report linking)"

PAIRWISE_F1_TARGET = 0.60  # issue 6


@dataclass(frozen=True)
class Headline:
    article: Article
    event: UcdpEvent


def headlines(events: list[UcdpEvent]) -> list[Headline]:
    """One article per headline; headlines of several events left out, repeats within an event once."""
    owners: dict[str, set[str]] = defaultdict(set)
    for e in events:
        for r in e.reports:
            owners[r.headline].add(e.id)
    out = []
    for e in events:
        seen: set[str] = set()
        for r in e.reports:
            if len(owners[r.headline]) > 1 or r.headline in seen:
                continue
            seen.add(r.headline)
            out.append(Headline(Article(text=r.headline, published=r.published, outlet=r.outlet,
                                        external_id=f"ucdp-{e.id}-{len(seen)}", source=f"{GOLD}#{e.id}"), e))
    return out


@dataclass
class Linked:
    """What linking made of the headlines (keyed by external id)."""

    canonical: dict[str, str]  # headline -> canonical event of its first linked report
    event_canonical: dict[str, str]  # the same, from links-jsonl lines (extracted events only)
    fatalities: dict[str, tuple[int | None, int | None]]  # canonical event -> range over its sources
    own_fatalities: dict[str, tuple[int | None, int | None]]  # headline -> its own first figure
    stats: dict[str, object]
    reporting: set[str]  # headlines that report an event (a coded event or a casualty count)


def link_headlines(items: list[Headline], analyses: list[Analysis | None], workdir: Path) -> Linked:
    from newsevents.link import article_canonicals, event_links, link
    from newsevents.store import open_store

    with open_store(workdir / "ucdp-linking.db") as store:
        unstored = store_analyses(store, analyses)
        result = link(store)
        db = store.db
        by_article = article_canonicals(db)
        external = dict(db.execute("SELECT id, external_id FROM articles"))
        # A headline's canonical event: the most widely reported of those its reports went to.
        reach = Counter(c for cs in by_article.values() for c in cs)
        canonical = {external[a]: max(cs, key=lambda c: (reach[c], -cs.index(c)))
                     for a, cs in by_article.items() if cs}
        keys = [tuple(r) for r in db.execute("SELECT article_id, id FROM events ORDER BY article_id, ord")]
        event_canonical: dict[str, str] = {}
        for line in event_links(db, keys):  # type: ignore[arg-type]
            if line["canonical_event"] and line["article"] not in event_canonical:
                event_canonical[line["article"]] = line["canonical_event"]
        fatalities = {cid: (lo, hi) for cid, lo, hi in db.execute(
            "SELECT id, fatalities_min, fatalities_max FROM canonical_events")}
        own: dict[str, tuple[int | None, int | None]] = {}
        for article_id, lo, hi in db.execute(
                "SELECT article_id, fatalities_min, fatalities_max FROM link_reports "
                "WHERE fatalities_min IS NOT NULL OR fatalities_max IS NOT NULL ORDER BY article_id, ord"):
            own.setdefault(external[article_id], (lo, hi))
        reporting = {external[a] for (a,) in db.execute(
            "SELECT DISTINCT article_id FROM link_reports WHERE kind IN ('event', 'implicit')")}
        sizes = Counter(Counter(canonical.values()).values())
        stats = {"articles_linked": result.articles, "reports": result.reports,
                 "canonical_events": len(fatalities), "joined": result.joined,
                 "mentions_unlinked": result.unlinked_mentions, "canonical_sizes": dict(sorted(sizes.items())),
                 "link_seconds": round(result.seconds, 2), "analyses_the_store_rejected": unstored}
    return Linked(canonical, event_canonical, fatalities, own, stats, reporting)


def _labels(items: list[Headline], label: dict[str, Hashable]) -> Partition:
    """Every headline in a cluster: its label's, or alone."""
    return partition({h.article.external_id: label.get(h.article.external_id, ("alone", h.article.external_id))
                      for h in items})


def _covers(rng: tuple[int | None, int | None] | None, low: int, high: int) -> bool:
    if rng is None or rng[0] is None:
        return False
    lo, hi = rng[0], rng[1] if rng[1] is not None else rng[0]
    return lo <= low and hi >= high


def score(items: list[Headline], linked: Linked, placed: set[str] | None = None) -> SuiteResult:
    """``placed``: the headlines in which the system found a place below country level (for the
    geocoding oracle; without it that oracle is left out)."""
    result = SuiteResult(NAME, TITLE)
    key = _labels(items, {h.article.external_id: h.event.id for h in items})
    system = _labels(items, linked.canonical)
    events_only = _labels(items, linked.event_canonical)
    alone = _labels(items, {})
    same_day = _labels(items, {h.article.external_id: h.article.published for h in items})
    oracle = _labels(items, {h.article.external_id: (h.article.published, normalise_admin1(h.event.adm_1))
                             for h in items})
    n = len(items)
    pw = pairwise(key, system)
    day_pw = pairwise(key, same_day)
    figs = result.figures
    figs.append(Figure("pairwise link F1", pw.f1, n=n, baseline=day_pw.f1, baseline_name="same publication day",
                       target=PAIRWISE_F1_TARGET))
    figs.append(Figure("pairwise link precision", pw.precision, n=n, baseline=day_pw.precision,
                       baseline_name="same publication day"))
    figs.append(Figure("pairwise link recall", pw.recall, n=n, baseline=day_pw.recall,
                       baseline_name="same publication day"))
    b3, b3_day = b_cubed(key, system), b_cubed(key, same_day)
    figs.append(Figure("B³ F1", b3.f1, n=n, baseline=b3_day.f1, baseline_name="same publication day"))
    figs.append(Figure("B³ F1 beside every headline alone", b3.f1, n=n, baseline=b_cubed(key, alone).f1,
                       baseline_name="every headline alone (pairwise F1 0)"))
    oracle_pw, oracle_b3 = pairwise(key, oracle), b_cubed(key, oracle)
    figs.append(Figure("pairwise link F1 beside the oracle", pw.f1, n=n, baseline=oracle_pw.f1,
                       baseline_name="same day + gold admin1 (oracle)"))
    # How far place alone can take linking, whatever the linker: UCDP's own point for every headline (an
    # oracle), and for only the headlines that name a place below country level (perfect geocoding of
    # what the headlines say; the others can only be grouped by day).
    point = _labels(items, {h.article.external_id: (h.article.published, h.event.lat, h.event.lon) for h in items})
    point_pw = pairwise(key, point)
    figs.append(Figure("pairwise link F1 beside the point oracle", pw.f1, n=n, baseline=point_pw.f1,
                       baseline_name="same day + gold coordinates (oracle)"))
    geocoded_pw = geocoded = None
    if placed is not None:
        geocoded = _labels(items, {h.article.external_id: (h.article.published, h.event.lat, h.event.lon)
                                   if h.article.external_id in placed else (h.article.published, None)
                                   for h in items})
        geocoded_pw = pairwise(key, geocoded)
        figs.append(Figure("pairwise link F1 beside perfect geocoding of the headlines", pw.f1, n=n,
                           baseline=geocoded_pw.f1,
                           baseline_name="same day + gold coordinates where the headline names a place (oracle)"))
    ev_pw = pairwise(key, events_only)
    figs.append(Figure("pairwise link F1, links-jsonl lines only (extracted events)", ev_pw.f1, n=n,
                       baseline=day_pw.f1, baseline_name="same publication day"))

    # fatalities: the canonical event holding most of each UCDP event's headlines
    by_event: dict[str, list[Headline]] = defaultdict(list)
    for h in items:
        by_event[h.event.id].append(h)
    covered, own_covered, with_figure = [], [], 0
    for members in by_event.values():
        event = members[0].event
        low, high = event.deaths_range
        canon = Counter(linked.canonical[h.article.external_id] for h in members
                        if h.article.external_id in linked.canonical)
        rng = linked.fatalities.get(canon.most_common(1)[0][0]) if canon else None
        with_figure += rng is not None and rng[0] is not None
        covered.append(_covers(rng, low, high))
        own_covered.append(_covers(linked.own_fatalities.get(members[0].article.external_id), low, high))
    figs.append(Figure("canonical fatality range covers UCDP low–high", share(covered), n=len(covered),
                       baseline=share(own_covered), baseline_name="earliest headline's own figure"))

    # How much of the gold the extractors leave linkable: pairs whose two headlines both report an event.
    reachable = [c & linked.reporting for c in key]
    reachable_pairs = sum(len(c) * (len(c) - 1) // 2 for c in reachable)
    result.details.update({
        "headlines": n, "ucdp_events": len(by_event),
        "headlines_reporting_an_event": len(linked.reporting),
        "gold_pairs_both_reporting_an_event": reachable_pairs,
        "gold_pairs": sum(len(c) * (len(c) - 1) // 2 for c in key),
        "gold_pairs_with_a_memorybook_item": _pairs_with_a_memorybook_item(items),
        "gold_pairs_by_outcome": _gold_pair_outcomes(items, linked),
        "events_with_a_canonical_fatality_figure": with_figure,
        "scores": {name: _row(s, b) for name, s, b in (
            ("system", pw, b3), ("links-jsonl only", ev_pw, b_cubed(key, events_only)),
            ("every headline alone", pairwise(key, alone), b_cubed(key, alone)),
            ("same publication day", day_pw, b3_day), ("same day + gold admin1 (oracle)", oracle_pw, oracle_b3),
            ("same day + gold coordinates (oracle)", point_pw, b_cubed(key, point)))},
        "headlines_naming_a_place_below_country": None if placed is None else len(placed & {
            h.article.external_id for h in items}),
        "geocoding_oracle": None if geocoded is None else _row(geocoded_pw, b_cubed(key, geocoded)),
        "link": linked.stats,
    })
    result.notes += [
        "Headlines in more than one UCDP event are left out; single-report events stay in as distractors. "
        "Baselines are computed over the same headlines with the same measures.",
        "A headline's canonical event is the most widely reported of those its reports joined; headlines "
        "link through their coded events, or through implicit (casualty count) and mention reports. The 'links-jsonl lines only' figure uses only "
        "extracted events, as an outside evaluator reading `newsevents export --format links-jsonl` would.",
        "MemoryBook items (a locality's or a person's name, often published years later) are in the gold; "
        "linking them needs the coded place and date UCDP added, so they mostly stay alone.",
        "details.gold_pairs_both_reporting_an_event: gold pairs whose two headlines both yield a coded event or "
        "a casualty count (what linking can work with); the rest depends on the event and quantity extractors.",
        "The place oracles bound what place evidence can do: headlines grouped by publication day and UCDP's own "
        "coordinates (every headline), or by day and UCDP's coordinates only where the headline names a place "
        "below country level (perfect geocoding of what the headlines say; the rest grouped by day alone).",
    ]
    return result


def _gold_pair_outcomes(items: list[Headline], linked: Linked) -> dict[str, int]:
    """Where the gold pairs went: linked, or the first reason in linking's order that kept them apart."""
    from datetime import date

    from newsevents.link import LinkConfig

    window = LinkConfig().window_days
    by_event: dict[str, list[Headline]] = defaultdict(list)
    for h in items:
        by_event[h.event.id].append(h)
    out: Counter = Counter()
    for members in by_event.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                x, y = a.article.external_id, b.article.external_id
                reporting = (x in linked.reporting) + (y in linked.reporting)
                days = abs((date.fromisoformat(a.article.published[:10])
                            - date.fromisoformat(b.article.published[:10])).days)
                if x in linked.canonical and linked.canonical.get(x) == linked.canonical.get(y):
                    out["linked"] += 1
                elif days > window:
                    out["published further apart than the linking window"] += 1
                elif reporting == 0:
                    out["neither headline yields a coded event or casualty count"] += 1
                elif reporting == 1:
                    out["one headline yields no coded event or casualty count"] += 1
                else:
                    out["both report an event: kept apart by the evidence"] += 1
    return dict(out.most_common())


def _pairs_with_a_memorybook_item(items: list[Headline]) -> int:
    """Gold pairs of which one headline is a MemoryBook item (a single name: no event, place or count to
    link on). UCDP spells the outlet two ways."""
    by_event: dict[str, list[bool]] = defaultdict(list)
    for h in items:
        by_event[h.event.id].append((h.article.outlet or "").lower() in ("memorybook", "memorbook"))
    total = 0
    for flags in by_event.values():
        n, plain = len(flags), flags.count(False)
        total += n * (n - 1) // 2 - plain * (plain - 1) // 2
    return total


def _row(pw: Score, b3: Score) -> dict[str, float | None]:
    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 4)

    return {"pairwise_p": r(pw.precision), "pairwise_r": r(pw.recall), "pairwise_f1": r(pw.f1),
            "b3_p": r(b3.precision), "b3_r": r(b3.recall), "b3_f1": r(b3.f1)}


def run(ctx: EvalContext) -> SuiteResult:
    events = list(ctx.limited(load_events(ctx.gold_file(GOLD))))
    items = headlines(events)
    analyses = ctx.analyze_all([h.article for h in items])
    with tempfile.TemporaryDirectory(prefix="ucdp-linking-") as tmp:
        linked = link_headlines(items, analyses, Path(tmp))
    placed = {h.article.external_id for h, a in zip(items, analyses)
              if a is not None and any(p.feature != "country" for p in a.places)}
    result = score(items, linked, placed)
    failed = sum(a is None for a in analyses)
    if failed:
        result.notes.append(f"{failed} of {len(analyses)} headlines failed to analyse (they stay alone).")
    return result


def store_analyses(store: object, analyses: list[Analysis | None]) -> int:
    """Saves the analyses; one the store rejects (an extractor bug) is left out and counted."""
    from newsevents.store import InconsistentAnalysis

    unstored = 0
    with store.transaction():  # type: ignore[attr-defined]
        for analysis in analyses:
            if analysis is None:
                continue
            try:
                store.save_analysis(analysis, analyzer_version="evaluation")  # type: ignore[attr-defined]
            except InconsistentAnalysis:
                unstored += 1
    return unstored

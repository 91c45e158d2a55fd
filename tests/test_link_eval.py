"""The linking suites' measures and gold handling, on tiny hand-made inputs."""

from __future__ import annotations

from evaluation.suites._coref_metrics import b_cubed, ceaf_e, coref_scores, muc, pairwise, partition
from evaluation.suites.meantime import align
from evaluation.suites.ucdp import Report, UcdpEvent
from evaluation.suites.ucdp_linking import Linked, headlines, score


def test_measures_match_the_reference_scorer_example():
    # Pradhan et al. (2014), the worked example of the CoNLL reference scorer (predicted mentions h, i).
    key = [frozenset("abc"), frozenset("defg")]
    response = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]
    assert (round(muc(key, response).recall, 2), round(muc(key, response).precision, 2)) == (0.4, 0.4)
    assert (round(b_cubed(key, response).recall, 2), round(b_cubed(key, response).precision, 2)) == (0.42, 0.5)
    assert (round(ceaf_e(key, response).recall, 2), round(ceaf_e(key, response).precision, 2)) == (0.65, 0.43)
    assert round(coref_scores(key, response).conll_f1, 3) == 0.458


def test_pairwise_and_partitions():
    key = partition({"a": 1, "b": 1, "c": 2})
    assert pairwise(key, partition({"a": 1, "b": 1, "c": 1})).precision == 1 / 3
    assert pairwise(key, partition({"a": 1, "b": 2, "c": 3})).f1 == 0.0  # nothing linked: F1 0
    assert pairwise(key, key).f1 == 1.0


def test_alignment_is_one_to_one_by_overlap():
    gold = {("d", 0, 10), ("d", 12, 20)}
    system = {("d", 0, 9): "x", ("d", 1, 10): "y", ("d", 30, 35): "z"}
    aligned = align(system, gold)
    assert sorted(k for k in aligned if k in gold) == [("d", 0, 10)]
    assert len(aligned) == 3  # the unmatched ones stay as system mentions


def _event(id_: str, *reports: tuple[str, str, str], low: int = 1, high: int = 3) -> UcdpEvent:
    return UcdpEvent(id_, tuple(Report(*r) for r in reports), 1, "Donetsk oblast", 48.0, 37.8, 1, "2015-01-01",
                     "2015-01-01", 2, low, high)


def test_headlines_skip_shared_ones_and_repeats_and_scoring_uses_them():
    events = [
        _event("1", ("AFP", "2015-01-01", "Shelling kills two in Donetsk"), ("Reuters", "2015-01-01", "Two killed"),
               ("AFP", "2015-01-01", "Shelling kills two in Donetsk"), ("TASS", "2015-01-01", "Shared headline")),
        _event("2", ("TASS", "2015-01-01", "Shared headline"), ("AP", "2015-01-01", "Bus hit in Horlivka")),
    ]
    items = headlines(events)
    assert [h.article.text for h in items] == ["Shelling kills two in Donetsk", "Two killed", "Bus hit in Horlivka"]
    ids = [h.article.external_id for h in items]
    linked = Linked(canonical={ids[0]: "c1", ids[1]: "c1", ids[2]: "c2"}, event_canonical={ids[0]: "c1"},
                    fatalities={"c1": (1, 3), "c2": (None, None)}, own_fatalities={ids[0]: (2, 2)}, stats={},
                    reporting=set(ids))
    result = score(items, linked)
    figures = {f.name: f for f in result.figures}
    assert figures["pairwise link F1"].value == 1.0
    assert figures["pairwise link F1"].baseline == 0.5  # same day: 1 right pair of 3
    assert figures["pairwise link F1, links-jsonl lines only (extracted events)"].value == 0.0
    assert figures["canonical fatality range covers UCDP low–high"].value == 0.5  # event 1 covered, 2 not
    assert figures["canonical fatality range covers UCDP low–high"].baseline == 0.0  # 2 alone is not 1–3


def test_place_oracles_group_by_day_and_gold_point_and_only_placed_headlines_get_the_point():
    def event(id_: str, lat: float, *titles: str) -> UcdpEvent:
        return UcdpEvent(id_, tuple(Report("AFP", "2015-01-01", t) for t in titles), 1, "Donetsk oblast", lat, 37.8,
                         1, "2015-01-01", "2015-01-01", 2, 1, 3)

    items = headlines([event("1", 48.0, "Shelling kills two in Donetsk", "Two killed"),
                       event("2", 48.5, "Bus hit in Horlivka")])
    ids = [h.article.external_id for h in items]
    linked = Linked(canonical={}, event_canonical={}, fatalities={}, own_fatalities={}, stats={}, reporting=set())
    figures = {f.name: f for f in score(items, linked, placed={ids[0], ids[2]}).figures}
    assert figures["pairwise link F1 beside the point oracle"].baseline == 1.0  # day + gold point: exact here
    # "Two killed" names no place: grouped by day alone, apart from the two the oracle places.
    assert figures["pairwise link F1 beside perfect geocoding of the headlines"].baseline == 0.0
    assert "pairwise link F1 beside perfect geocoding of the headlines" not in {
        f.name for f in score(items, linked).figures}


def test_gold_pairs_with_a_memorybook_item_are_counted():
    events = [_event("1", ("AFP", "2015-01-01", "Shelling kills two"), ("MemoryBook", "2015-01-01", "Bedriy"),
                     ("Memorbook", "2015-01-01", "Bobkin")),
              _event("2", ("AFP", "2015-01-02", "Bus hit"), ("Reuters", "2015-01-02", "Bus shelled"))]
    linked = Linked(canonical={}, event_canonical={}, fatalities={}, own_fatalities={}, stats={}, reporting=set())
    details = score(headlines(events), linked).details
    assert details["gold_pairs"] == 4
    assert details["gold_pairs_with_a_memorybook_item"] == 3  # every pair of event 1 has one

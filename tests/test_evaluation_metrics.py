"""The shared evaluation measures: distances, baselines, P/R/F1 and admin1 name keys."""

from __future__ import annotations

import pytest
from evaluation.metrics import (
    accuracy,
    accuracy_with_baseline,
    classification_report,
    distance_km,
    haversine_km,
    in_range,
    majority_baseline,
    normalise_admin1,
    prf,
    same_admin1,
    share,
    within_km,
)


def test_haversine_known_distances():
    # Kyiv to Kharkiv is about 410 km; one degree of latitude is about 111 km.
    assert haversine_km(50.45, 30.52, 49.99, 36.23) == pytest.approx(410, abs=10)
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.2)
    assert haversine_km(48.0, 37.8, 48.0, 37.8) == 0


def test_within_km_counts_missing_predictions_as_misses():
    assert within_km([1.0, 30.0, None, 99.0], 25) == 0.25
    assert within_km([1.0, 30.0, None, 99.0], 100) == 0.75
    assert within_km([], 25) is None
    assert distance_km(None, (1.0, 2.0)) is None
    assert distance_km((None, 2.0), (1.0, 2.0)) is None


def test_share_and_accuracy():
    assert share([True, False, True, True]) == 0.75
    assert share([]) is None
    assert accuracy(["a", "b", "c"], ["a", "x", "c"]) == pytest.approx(2 / 3)
    with pytest.raises(ValueError):
        accuracy(["a"], ["a", "b"])


def test_majority_baseline_is_accuracy_of_most_frequent_label():
    label, base = majority_baseline(["Donetsk", "Luhansk", "Donetsk", "Kherson"])
    assert label == "Donetsk" and base == 0.5
    # ties go to the label seen first
    assert majority_baseline(["b", "a", "a", "b"])[0] == "b"
    result = accuracy_with_baseline(["x", "x", "y", "z"], ["x", "y", "y", "z"])
    assert result.value == 0.75 and result.baseline == 0.5 and result.majority_label == "x" and result.n == 4


def test_prf_edge_cases():
    r = prf(8, 2, 4)
    assert r.precision == 0.8 and r.recall == pytest.approx(8 / 12)
    assert r.f1 == pytest.approx(2 * 0.8 * (8 / 12) / (0.8 + 8 / 12))
    assert prf(0, 0, 0).f1 is None
    assert prf(0, 3, 0).f1 == 0.0 and prf(0, 0, 3).f1 == 0.0


def test_classification_report_matches_sklearn_definitions():
    gold = ["a", "a", "a", "b", "b", "c"]
    pred = ["a", "a", "b", "b", "c", "c"]
    rep = classification_report(gold, pred)
    # per label: a P=1 R=2/3 F=.8; b P=.5 R=.5 F=.5; c P=.5 R=1 F=2/3
    f = {"a": 0.8, "b": 0.5, "c": 2 / 3}
    assert rep.per_label["a"].f1 == pytest.approx(f["a"])
    assert rep.macro_f1 == pytest.approx(sum(f.values()) / 3)
    assert rep.weighted_f1 == pytest.approx((3 * f["a"] + 2 * f["b"] + 1 * f["c"]) / 6)
    assert rep.accuracy == pytest.approx(4 / 6)
    assert rep.micro.f1 == pytest.approx(4 / 6)


def test_classification_report_abstentions_are_misses_not_false_positives():
    rep = classification_report(["a", "b"], ["a", None])
    assert rep.per_label["b"].fn == 1 and rep.per_label["b"].f1 == 0.0
    assert rep.per_label["a"].precision == 1.0
    assert None not in rep.per_label


def test_in_range():
    assert in_range(3, 2, 5) and in_range(2, 2, 2)
    assert not in_range(6, 2, 5) and not in_range(None, 0, 5)


@pytest.mark.parametrize("a,b", [
    ("Zaporizhia", "Zaporizhzhia Oblast"),
    ("Zaporizhzhya oblast", "Zaporozhye"),
    ("Kiev", "Kyiv City"),
    ("Kiev Special Republican city", "Kyiv"),
    ("Odessa oblast", "Odesa"),
    ("Mykolayiv oblast", "Mykolaiv Oblast"),
    ("Luhans'k Oblast", "Lugansk"),
    ("Ivano-Frankivsk Oblast", "Ivano Frankivsk"),
    ("Khmelnytskyi oblast", "Khmelnytskyy"),
    ("Kharkiv Oblast", "kharkov region"),
    ("Autonomous Republic of Crimea", "Crimea"),
    ("Nord-Kivu", "nord kivu"),
    ("Île-de-France", "Ile-de-France"),
])
def test_admin1_spellings_of_one_division_match(a, b):
    assert same_admin1(a, b), (normalise_admin1(a), normalise_admin1(b))


@pytest.mark.parametrize("a,b", [
    ("Donetsk oblast", "Luhansk oblast"),
    ("Kharkiv Oblast", "Kherson oblast"),
    ("", ""),
    (None, "Donetsk"),
])
def test_admin1_different_or_missing_divisions_do_not_match(a, b):
    assert not same_admin1(a, b)


def test_normalise_admin1_keeps_a_name_made_only_of_generic_words():
    assert normalise_admin1("Federal District") == "federaldistrict"
    assert normalise_admin1(None) == ""


def test_gold_offsets_follow_the_readers_normalisation():
    from evaluation.suites.geo import offset_map

    from newsevents.model import Article

    original = "Shelling hit Kharkiv \nand Sumy overnight."
    normalised = Article(text=original).text
    assert normalised != original  # the reader cuts the line's trailing space
    moved = offset_map(original, normalised)
    start = original.index("Sumy")
    assert normalised[moved(start):moved(start + 4)] == "Sumy"
    assert offset_map("same", "same")(2) == 2

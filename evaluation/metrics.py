"""Measures the suites share: distances, accuracy beside a majority baseline, P/R/F1, admin1 names.

Everything here is a pure function of its arguments so suites stay comparable: the same definition of
"within 25 km" or "macro F1" wherever a figure is reported. Proportions are in [0, 1]; ``None`` means
"not computable" (no items), never zero.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG), what geoparsing papers use for "within 161 km"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in decimal degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_km(predicted: tuple[float | None, float | None] | None, gold: tuple[float, float]) -> float | None:
    """Distance from a predicted (lat, lon) to the gold point; None when nothing (or half a point) was predicted."""
    if predicted is None or predicted[0] is None or predicted[1] is None:
        return None
    return haversine_km(predicted[0], predicted[1], gold[0], gold[1])


def share(flags: Iterable[bool]) -> float | None:
    """Proportion of true flags; None for an empty list (a figure over nothing is not 0%)."""
    flags = list(flags)
    return sum(1 for f in flags if f) / len(flags) if flags else None


def within_km(distances: Iterable[float | None], km: float) -> float | None:
    """Share of items placed within ``km`` of the gold point; a missing prediction (None) counts as a miss."""
    return share(d is not None and d <= km for d in distances)


def accuracy(gold: Sequence[Any], predicted: Sequence[Any]) -> float | None:
    if len(gold) != len(predicted):
        raise ValueError(f"accuracy needs as many predictions as gold items ({len(predicted)} vs {len(gold)})")
    return share(g == p for g, p in zip(gold, predicted))


def majority(values: Iterable[Hashable]) -> tuple[Hashable | None, int]:
    """The most frequent value and its count; ties go to the value seen first (deterministic)."""
    counts = Counter(values)
    if not counts:
        return None, 0
    best = max(counts.values())
    label = next(v for v in counts if counts[v] == best)  # Counter keeps first-seen order
    return label, best


def majority_baseline(gold: Sequence[Hashable]) -> tuple[Hashable | None, float | None]:
    """The majority class and the accuracy of always predicting it on these same items."""
    label, count = majority(gold)
    return label, (count / len(gold) if gold else None)


@dataclass
class Accuracy:
    value: float | None
    n: int
    baseline: float | None
    majority_label: Any


def accuracy_with_baseline(gold: Sequence[Hashable], predicted: Sequence[Any]) -> Accuracy:
    """Accuracy of ``predicted`` and of the majority-class baseline, over the same items."""
    label, base = majority_baseline(gold)
    return Accuracy(accuracy(gold, predicted), len(gold), base, label)


@dataclass
class PRF:
    precision: float | None
    recall: float | None
    f1: float | None
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        """Gold items of this class (tp + fn)."""
        return self.tp + self.fn


def prf(tp: int, fp: int, fn: int) -> PRF:
    """Precision, recall and F1 from counts; a ratio with a zero denominator is None, F1 of P=R=0 is 0."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    if p is None or r is None:
        f = None if tp + fp + fn == 0 else 0.0
    else:
        f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f, tp, fp, fn)


@dataclass
class ClassificationReport:
    accuracy: float | None
    micro: PRF
    macro_f1: float | None
    weighted_f1: float | None
    per_label: dict[Any, PRF] = field(default_factory=dict)


def classification_report(gold: Sequence[Hashable], predicted: Sequence[Hashable],
                           labels: Iterable[Hashable] | None = None) -> ClassificationReport:
    """Single-label multi-class scores, defined as scikit-learn defines them.

    ``labels`` defaults to every label seen in gold or predictions. Macro F1 is the unweighted mean of
    the per-label F1 (a label with no gold and no prediction is skipped; with no prediction its F1 is 0);
    weighted F1 weights each label's F1 by its gold support. A prediction of None is an abstention:
    a false negative for the gold label and no false positive.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"need as many predictions as gold items ({len(predicted)} vs {len(gold)})")
    names = list(dict.fromkeys(labels)) if labels is not None else list(
        dict.fromkeys([*gold, *(p for p in predicted if p is not None)]))
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for g, p in zip(gold, predicted):
        if g == p:
            tp[g] += 1
            continue
        fn[g] += 1
        if p is not None:
            fp[p] += 1
    per_label = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in names}
    scored = [r for r in per_label.values() if r.f1 is not None]
    macro = sum(r.f1 for r in scored) / len(scored) if scored else None
    total_support = sum(r.support for r in per_label.values())
    weighted = (sum((r.f1 or 0.0) * r.support for r in per_label.values()) / total_support
                if total_support else None)
    micro = prf(sum(tp[lab] for lab in names), sum(fp[lab] for lab in names), sum(fn[lab] for lab in names))
    return ClassificationReport(accuracy(gold, predicted), micro, macro, weighted, per_label)


def in_range(value: float | None, low: float, high: float) -> bool:
    """A reported figure counts as right when it lies within the gold's low–high (inclusive)."""
    return value is not None and low <= value <= high


# --- admin1 names ---------------------------------------------------------------------------------------
# Gold sets, GeoNames and our gazetteer spell first-order divisions differently ("Zaporizhia",
# "Zaporizhzhya oblast", "Zaporizhzhia Oblast"; "Kiev Special Republican city", "Kyiv City"). Comparing
# normalised keys makes admin1 accuracy measure the place, not the spelling.

# Words that say what kind of division a name is, not which one.
_GENERIC_WORDS = frozenset("""
    oblast oblasti oblast' region province provinsi governorate state krai kray okrug autonomous republic
    republican special city municipality of the district county prefecture department departement
    territory federal
""".split())

# Transliteration variants of the same division, keyed by their spaceless lowercase ASCII form.
_VARIANTS: dict[str, str] = {}
for _canonical, _spellings in {
    "kyiv": "kiev kyyiv kiyv kyiw",
    "odesa": "odessa",
    "zaporizhzhia": "zaporizhia zaporizhzhya zaporozhye zaporozhe zaporizhzhe zaporizhya zaporozhie",
    "mykolaiv": "mykolayiv nikolaev nikolayev mikolaiv",
    "kharkiv": "kharkov charkiv",
    "luhansk": "lugansk luhanska",
    "donetsk": "donetska",
    "dnipropetrovsk": "dnepropetrovsk dnipropetrovska dnipro",
    "khmelnytskyi": "khmelnitskiy khmelnytskyy khmelnitsky khmelnytsky khmelnitskyi khmelnytskyj",
    "chernihiv": "chernigov tschernihiw",
    "chernivtsi": "chernovtsy czernowitz",
    "zhytomyr": "zhitomir",
    "vinnytsia": "vinnitsa vinnytsya vinnitsia",
    "rivne": "rovno",
    "ternopil": "ternopol",
    "lviv": "lvov lwow lemberg",
    "kirovohrad": "kirovograd kropyvnytskyi",
    "cherkasy": "cherkassy",
    "volyn": "volhynia",
    "zakarpattia": "zakarpattya transcarpathia zakarpatska transcarpathian",
    "ivanofrankivsk": "ivanofrankovsk",
    "crimea": "krym crimean",
    "sevastopol": "sebastopol",
    "kherson": "khersonska",
}.items():
    for _spelling in _spellings.split():
        _VARIANTS[_spelling] = _canonical


def _ascii_words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’`ʼ]", "", text)  # apostrophes are transliteration marks (Luhans'k), not separators
    return re.findall(r"[a-z0-9]+", text)


def normalise_admin1(name: str | None) -> str:
    """A comparison key for a first-order division's name: "Zaporizhzhya oblast" → "zaporizhzhia".

    Folds case, diacritics, apostrophes and hyphens, drops generic words (oblast, region, city,
    province, ...) and maps transliteration variants to one spelling. A capital city that is its own
    division ("Kyiv City") gets the same key as the oblast around it, by design: telling them apart
    from a headline is rarely possible and the gold sets do not agree on it. Empty input gives "".
    """
    if not name:
        return ""
    words = _ascii_words(name)
    kept = [w for w in words if w not in _GENERIC_WORDS] or words
    key = "".join(kept)
    return _VARIANTS.get(key, key)


def same_admin1(a: str | None, b: str | None) -> bool:
    """True when both name the same division (after ``normalise_admin1``); a missing name never matches."""
    ka, kb = normalise_admin1(a), normalise_admin1(b)
    return bool(ka) and ka == kb

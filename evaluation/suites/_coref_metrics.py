"""Clustering and coreference measures for the linking suites: pairwise P/R/F1, MUC, B³, CEAF-e, CoNLL F1.

A partition is a list of clusters, each a set of hashable mention ids. Key (gold) and response (system)
may hold different mentions: as in the reference CoNLL-2012 scorer (Pradhan et al., 2014), a mention
found on one side only contributes nothing to the other side's overlaps, so missed mentions lower
recall and invented ones lower precision. Pure functions; nothing here knows about newsevents.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import combinations

Cluster = frozenset
Partition = list[frozenset]


@dataclass(frozen=True)
class Score:
    precision: float | None
    recall: float | None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            # Nothing predicted (or nothing to find): F1 is 0 when the other side is 0, else undefined.
            return 0.0 if 0.0 in (p, r) else None
        return 2 * p * r / (p + r) if p + r else 0.0


def partition(labels: dict[Hashable, Hashable]) -> Partition:
    """Mention -> cluster label, as a partition."""
    groups: dict[Hashable, set] = {}
    for mention, label in labels.items():
        groups.setdefault(label, set()).add(mention)
    return [frozenset(g) for g in groups.values()]


def _pairs(clusters: Iterable[frozenset]) -> set[frozenset]:
    return {frozenset(p) for c in clusters for p in combinations(sorted(c, key=repr), 2)}


def pairwise(key: Partition, response: Partition) -> Score:
    """Pairs of mentions put together: precision over response pairs, recall over key pairs."""
    k, r = _pairs(key), _pairs(response)
    hits = len(k & r)
    return Score(hits / len(r) if r else None, hits / len(k) if k else None)


def _overlaps(key: Partition, response: Partition) -> dict[tuple[int, int], int]:
    where = {m: i for i, c in enumerate(response) for m in c}
    out: dict[tuple[int, int], int] = {}
    for i, c in enumerate(key):
        for m in c:
            j = where.get(m)
            if j is not None:
                out[(i, j)] = out.get((i, j), 0) + 1
    return out


def b_cubed(key: Partition, response: Partition) -> Score:
    overlaps = _overlaps(key, response)
    key_size = sum(len(c) for c in key)
    resp_size = sum(len(c) for c in response)
    recall = sum(n * n / len(key[i]) for (i, _), n in overlaps.items()) / key_size if key_size else None
    precision = sum(n * n / len(response[j]) for (_, j), n in overlaps.items()) / resp_size if resp_size else None
    return Score(precision, recall)


def _muc_recall(key: Partition, response: Partition) -> float | None:
    where = {m: j for j, c in enumerate(response) for m in c}
    numerator = denominator = 0
    for c in key:
        if len(c) < 2:
            continue
        parts = {where.get(m, ("twinless", m)) for m in c}
        numerator += len(c) - len(parts)
        denominator += len(c) - 1
    return numerator / denominator if denominator else None


def muc(key: Partition, response: Partition) -> Score:
    return Score(_muc_recall(response, key), _muc_recall(key, response))


def _hungarian_max(weights: list[list[float]]) -> float:
    """Largest total weight of a one-to-one assignment (rows to columns), O(n³) (Kuhn-Munkres)."""
    n_rows, n_cols = len(weights), len(weights[0]) if weights else 0
    n = max(n_rows, n_cols)
    if n == 0:
        return 0.0
    big = max((w for row in weights for w in row), default=0.0)
    cost = [[big - (weights[i][j] if i < n_rows and j < n_cols else 0.0) for j in range(n)] for i in range(n)]
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    total = 0.0
    for j in range(1, n + 1):
        i = p[j]
        if i and i <= n_rows and j <= n_cols:
            total += weights[i - 1][j - 1]
    return total


def ceaf_e(key: Partition, response: Partition) -> Score:
    """Entity-based CEAF (φ4 similarity), the best one-to-one alignment solved per connected component."""
    overlaps = _overlaps(key, response)
    # Components of the key-response overlap graph are aligned independently (exact and fast).
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in overlaps:
        parent[find(("k", i))] = find(("r", j))
    components: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for i, j in overlaps:
        comp = components.setdefault(find(("k", i)), ([], []))
        if i not in comp[0]:
            comp[0].append(i)
        if j not in comp[1]:
            comp[1].append(j)
    total = 0.0
    for rows, cols in components.values():
        weights = [[2 * overlaps.get((i, j), 0) / (len(key[i]) + len(response[j])) for j in cols] for i in rows]
        total += _hungarian_max(weights)
    return Score(total / len(response) if response else None, total / len(key) if key else None)


@dataclass(frozen=True)
class CorefScores:
    muc: Score
    b_cubed: Score
    ceaf_e: Score
    pairwise: Score

    @property
    def conll_f1(self) -> float | None:
        """The CoNLL-2012 figure: the mean of MUC, B³ and CEAF-e F1."""
        parts = [self.muc.f1, self.b_cubed.f1, self.ceaf_e.f1]
        if any(p is None for p in parts):
            return None
        return sum(parts) / 3  # type: ignore[arg-type]


def coref_scores(key: Partition, response: Partition) -> CorefScores:
    return CorefScores(muc(key, response), b_cubed(key, response), ceaf_e(key, response), pairwise(key, response))

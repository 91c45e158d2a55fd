"""The harness's frame: a context each suite gets, the figure record, suite discovery, running and the report.

A suite is a module in ``evaluation/suites/`` with ``NAME``, ``TITLE`` and ``run(ctx) -> SuiteResult``.
Suites are discovered, so adding one needs no edit here. A suite whose data is absent raises
``SuiteSkipped("why")``; any other exception is caught by ``run_suites`` and reported as a failed suite,
so one broken suite never hides the others' figures.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from newsevents.discovery import discover_modules
from newsevents.model import Analysis, Article


class SuiteSkipped(Exception):
    """Raised by a suite that cannot run here (its gold file is missing); the reason goes in the report."""


@dataclass
class Figure:
    name: str  # "event_type accuracy"
    value: float | None  # with unit "%": a proportion or F1 in [0, 1]; None when not computable
    n: int | None = None  # how many items the figure is over
    baseline: float | None = None  # majority-class or trivial baseline, same measure, same items
    baseline_name: str | None = None
    target: float | None = None  # the bar an issue sets, same scale as value
    anchor: str | None = None  # published peer figure, as text: "Mordecai3 79.4"
    unit: str = "%"  # "%" = proportion shown as a percentage; anything else is shown as is ("km", "s")
    lower_is_better: bool = False  # e.g. a median error in km

    @property
    def meets_target(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.value <= self.target if self.lower_is_better else self.value >= self.target


@dataclass
class SuiteResult:
    name: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # confusion tables, error samples (no gold text)
    status: str = "ok"  # ok | skipped | failed (set by the harness)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for f, fig in zip(d["figures"], self.figures):
            f["meets_target"] = fig.meets_target
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SuiteResult:
        figure_fields = set(Figure.__dataclass_fields__)
        figures = [Figure(**{k: v for k, v in f.items() if k in figure_fields}) for f in d.get("figures", [])]
        return cls(d["name"], d.get("title", d["name"]), figures, list(d.get("notes", [])),
                   dict(d.get("details", {})), d.get("status", "ok"), d.get("error"))


@dataclass
class EvalContext:
    shared: Path
    limit: int | None = None  # cap items per suite for quick runs
    _analyzer: Any = None

    @property
    def data(self) -> Path:
        return self.shared / "data"

    def gold_file(self, relative: str) -> Path:
        """A gold file under ``../shared/data``; a missing one skips the suite with a clear reason."""
        path = self.data / relative
        if not path.is_file():
            raise SuiteSkipped(f"gold file not found: {path}")
        return path

    def limited(self, items: Iterable[Any]) -> list[Any]:
        """All items, or with ``--limit N`` N of them spread evenly over the set (deterministic).

        Spread rather than the first N: gold files are often sorted (by date, by source), and a quick
        run over the first rows would measure one corner of the set.
        """
        items = list(items)
        if self.limit is None or self.limit >= len(items):
            return items
        return [items[i * len(items) // self.limit] for i in range(self.limit)]

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


def discover_suites(package: str = "evaluation.suites") -> dict[str, ModuleType]:
    """Every suite module of ``package`` by NAME, in module-name order; one that fails to import is kept
    as a failing stand-in (see ``newsevents.discovery``)."""
    return {m.NAME: m for m in discover_modules(package, kind="suite")}


def now_stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def run_suite(module: ModuleType, ctx: EvalContext, log: Any = None) -> SuiteResult:
    """Runs one suite; a crash or a skip becomes a result with status and reason, never an exception."""
    started = time.perf_counter()
    title = getattr(module, "TITLE", module.NAME)
    try:
        result = module.run(ctx)
        if not isinstance(result, SuiteResult):
            raise TypeError(f"run() returned {type(result).__name__}, not SuiteResult")
    except SuiteSkipped as exc:
        result = SuiteResult(module.NAME, title, status="skipped", error=str(exc), notes=[f"skipped: {exc}"])
    except Exception as exc:  # one broken suite must not hide the others' figures
        if log is not None:
            traceback.print_exc(file=log)
        result = SuiteResult(module.NAME, title, status="failed", error=f"{type(exc).__name__}: {exc}",
                             notes=[f"suite failed: {type(exc).__name__}: {exc}"])
    result.details["seconds"] = round(time.perf_counter() - started, 1)
    result.details["generated"] = now_stamp()
    if ctx.limit is not None:
        result.details["limit"] = ctx.limit
    return result


def run_suites(suites: dict[str, ModuleType], names: Iterable[str], ctx: EvalContext,
               log: Any = None) -> list[SuiteResult]:
    results = []
    for name in names:
        if log is not None:
            print(f"[eval] {name} …", file=log, flush=True)
        result = run_suite(suites[name], ctx, log)
        results.append(result)
        if log is not None:
            if result.status != "ok":
                print(f"[eval]   {result.status}: {result.error}", file=log)
            for f in result.figures:
                print(f"[eval]   {f.name}: {format_value(f.value, f.unit)} (n={f.n})", file=log)
    return results


def merge_results(previous: list[SuiteResult], fresh: list[SuiteResult], known: Iterable[str]) -> list[SuiteResult]:
    """Fresh results replace earlier ones of the same suite; suites not re-run keep their last figures.

    Results of suites that no longer exist are dropped. Order: the order of ``known``.
    """
    by_name = {r.name: r for r in previous}
    by_name.update({r.name: r for r in fresh})
    return [by_name[n] for n in known if n in by_name]


# --- rendering -----------------------------------------------------------------------------------------

def format_value(v: float | None, unit: str = "%") -> str:
    if v is None:
        return "—"
    if unit == "%":
        return f"{100 * v:.1f}"
    return f"{v:,.1f} {unit}".strip() if isinstance(v, float) else f"{v:,} {unit}".strip()


def figure_row(f: Figure) -> list[str]:
    mark = {True: " ✓", False: " ✗", None: ""}[f.meets_target]
    base = format_value(f.baseline, f.unit) if f.baseline is not None else ""
    if f.baseline_name:
        base = f"{base} ({f.baseline_name})" if base else f"({f.baseline_name})"
    target = ""
    if f.target is not None:
        target = ("≤ " if f.lower_is_better else "≥ ") + format_value(f.target, f.unit)
    return [f.name, "" if f.n is None else str(f.n), format_value(f.value, f.unit) + mark, base, target,
            f.anchor or ""]


FIGURE_HEADER = ["measure", "n", "newsevents", "baseline", "target", "published peer"]


def _cell(s: Any) -> str:
    return str(s).replace("|", "\\|")  # a pipe inside a cell would split it


def markdown_table(header: list[str], rows: list[list[str]], align: str | None = None) -> list[str]:
    align = align or "l" + "r" * (len(header) - 1)
    sep = ["---:" if a == "r" else "---" for a in align]
    return ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "|".join(sep) + "|",
            *("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)]


def suite_status_line(r: SuiteResult) -> str:
    bits = [f"{r.details.get('seconds', '?')} s", f"run {r.details.get('generated', '?')}"]
    if r.details.get("limit") is not None:
        bits.append(f"**quick run, first {r.details['limit']} items only**")
    return "_" + ", ".join(bits) + "_"


def render_suite(r: SuiteResult, level: str = "##") -> list[str]:
    lines = [f"{level} {r.title}", ""]
    if r.status != "ok":
        lines += [f"**{r.status}**: {r.error}", ""]
    if r.figures:
        lines += markdown_table(FIGURE_HEADER, [figure_row(f) for f in r.figures], "lrrrrl")
        lines.append("")
    notes = [n for n in r.notes if not (r.status != "ok" and n.startswith(("suite failed", "skipped")))]
    lines += [f"- {note}" for note in notes]
    if notes:
        lines.append("")
    lines += [suite_status_line(r), ""]
    return lines


def render_markdown(results: list[SuiteResult], header: str) -> str:
    lines = [header, ""]
    for r in results:
        lines += render_suite(r)
    return "\n".join(lines)

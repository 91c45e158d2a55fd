"""``python -m evaluation.docs [--check]``: regenerate the figure tables in ``docs/evaluation.md``.

The page is prose written by hand with generated blocks between markers::

    <!-- BEGIN GENERATED: peers -->
    ...
    <!-- END GENERATED: peers -->

Blocks: ``peers`` (every figure that has a published peer or a target, one table), ``figures`` (every
suite's full table) from ``evaluation/results.json``, and ``speed`` from ``benchmarks/results.json``.
Only the text between markers changes; a block whose source file is missing says so. ``make eval``
calls this at its end; ``--check`` exits 1 when the page is out of date with the JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evaluation.core import SuiteResult, figure_row, markdown_table, render_suite

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RESULTS = ROOT / "evaluation" / "results.json"
DEFAULT_BENCH = ROOT / "benchmarks" / "results.json"
DEFAULT_DOCS = ROOT / "docs" / "evaluation.md"

_BLOCK = re.compile(r"(<!-- BEGIN GENERATED: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- END GENERATED: (?P=name) -->)",
                    re.S)


class DocsError(Exception):
    pass


def _load(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise DocsError(f"{path}: cannot read it as JSON ({exc})") from exc


def _suites(results: dict[str, Any] | None) -> list[SuiteResult]:
    return [SuiteResult.from_dict(d) for d in (results or {}).get("suites", [])]


def peers_block(results: dict[str, Any] | None, bench: dict[str, Any] | None) -> str:
    if results is None:
        return "_No `evaluation/results.json` yet: run `make eval`._\n"
    rows = []
    for r in _suites(results):
        for f in r.figures:
            if f.anchor or f.target is not None:
                name, n, value, base, target, anchor = figure_row(f)
                rows.append([r.title, name, n, value, base, target, anchor])
    if not rows:
        return "_No figure with a published peer or a target has been measured yet._\n"
    lines = markdown_table(["set", "measure", "n", "newsevents", "baseline", "target", "published peer"], rows,
                           "llrrrrl")
    return "\n".join([*lines, "", f"_From `evaluation/results.json`, generated {results.get('generated', '?')}._",
                      ""])


def figures_block(results: dict[str, Any] | None, bench: dict[str, Any] | None) -> str:
    if results is None:
        return "_No `evaluation/results.json` yet: run `make eval`._\n"
    lines: list[str] = []
    for r in _suites(results):
        lines += render_suite(r, level="###")
    return "\n".join(lines) if lines else "_No suite has run yet._\n"


def speed_block(results: dict[str, Any] | None, bench: dict[str, Any] | None) -> str:
    if bench is None:
        return "_No `benchmarks/results.json` yet: run `make bench`._\n"
    from benchmarks.core import format_measure

    rows = []
    for b in bench.get("benchmarks", []):
        if b.get("status") != "ok":
            rows.append([b.get("title", b.get("name", "?")), f"{b.get('status')}: {b.get('error') or ''}", "", ""])
            continue
        for m in b.get("measures", []):
            unit = m.get("unit", "")
            mark = {True: " ✓", False: " ✗", None: ""}[m.get("within_budget")]
            budget = "" if m.get("budget") is None else f"≤ {format_measure(m['budget'], unit)}"
            rows.append([b.get("title", b["name"]), m["name"], format_measure(m.get("value"), unit) + mark, budget])
    lines = markdown_table(["benchmark", "measure", "value", "budget"], rows, "llrr")
    settings = bench.get("settings", {})
    if settings:
        lines += ["", f"_{settings.get('articles', '?')} articles (Wikinews: MEANTIME and the corpus), "
                      f"best of {settings.get('repeat', 1)} pass(es)._"]
    machine = bench.get("machine", {})
    where = ", ".join(f"{k} {v}" for k, v in machine.items())
    return "\n".join([*lines, "", f"_From `benchmarks/results.json`, generated {bench.get('generated', '?')}"
                      f"{' on ' + where if where else ''}._", ""])


BLOCKS: dict[str, Callable[[dict[str, Any] | None, dict[str, Any] | None], str]] = {
    "peers": peers_block,
    "figures": figures_block,
    "speed": speed_block,
}


def render_docs(page: str, results: dict[str, Any] | None, bench: dict[str, Any] | None) -> str:
    """The page with every known generated block rewritten; unknown block names are left alone."""
    found = False

    def replace(m: re.Match[str]) -> str:
        nonlocal found
        make = BLOCKS.get(m.group("name"))
        if make is None:
            return m.group(0)
        found = True
        body = make(results, bench)
        return m.group(1) + body + ("" if body.endswith("\n") else "\n") + m.group(4)

    out = _BLOCK.sub(replace, page)
    if not found:
        raise DocsError("the page has no '<!-- BEGIN GENERATED: ... -->' block to fill "
                        f"(known blocks: {', '.join(BLOCKS)})")
    return out


def update_docs(results_path: Path = DEFAULT_RESULTS, docs_path: Path = DEFAULT_DOCS,
                bench_path: Path = DEFAULT_BENCH, check: bool = False) -> bool:
    """Rewrites the generated blocks; returns True when the page changed (with ``check``: would change)."""
    try:
        page = docs_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DocsError(f"{docs_path}: {exc.strerror or exc}") from exc
    new = render_docs(page, _load(results_path), _load(bench_path))
    if new != page and not check:
        docs_path.write_text(new, encoding="utf-8")
    return new != page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.docs", description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", default=str(DEFAULT_RESULTS))
    parser.add_argument("--bench", default=str(DEFAULT_BENCH))
    parser.add_argument("--docs", default=str(DEFAULT_DOCS))
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is out of date")
    args = parser.parse_args(argv)
    try:
        changed = update_docs(Path(args.results), Path(args.docs), Path(args.bench), check=args.check)
    except DocsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.check:
        print(f"{args.docs}: {'out of date' if changed else 'up to date'}")
        return 1 if changed else 0
    print(f"{args.docs}: {'updated' if changed else 'already up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

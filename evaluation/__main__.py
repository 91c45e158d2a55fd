"""``python -m evaluation [--shared ../shared] [--only NAME,...] [--limit N]``: score and write the report.

A full run (no ``--limit``) writes ``evaluation/report.md`` and ``evaluation/results.json`` and then
regenerates the tables in ``docs/evaluation.md`` from that JSON. ``--only`` re-runs some suites and keeps
the other suites' last figures. A quick run (``--limit N``) writes to ``evaluation/quick/`` instead, so
figures over a few items never replace the real ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from evaluation.core import (
    EvalContext,
    SuiteResult,
    discover_suites,
    format_value,
    merge_results,
    now_stamp,
    render_markdown,
    run_suites,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_DOCS = ROOT / "docs" / "evaluation.md"

REPORT_HEADER = (
    "# newsevents evaluation report\n\n"
    "Written by `make eval` (`python -m evaluation`) on the development shares in `../shared/data/` "
    "(about 30% of each gold set; the rest is held out, so these are estimates). Figures are percentages "
    "unless a unit is given; ✓/✗ say whether a figure meets its issue's target. "
    "Each figure stands beside its baseline on the same items and, where one exists, a published peer. "
    "See `docs/evaluation.md` for what each set is and how to read this."
)


def load_results(path: Path) -> list[SuiteResult]:
    """The suites recorded in a results.json; an absent or unreadable file gives none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [SuiteResult.from_dict(d) for d in data.get("suites", [])]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def write_outputs(results: list[SuiteResult], out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    report, data = out / "report.md", out / "results.json"
    report.write_text(render_markdown(results, REPORT_HEADER), encoding="utf-8")
    data.write_text(json.dumps({"generated": now_stamp(), "suites": [r.to_dict() for r in results]},
                               indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return report, data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (../shared)")
    parser.add_argument("--only", default="", help="comma-separated suite names (others keep their last figures)")
    parser.add_argument("--limit", type=int, default=None, help="items per suite (quick run, written apart)")
    parser.add_argument("--out", default=None, help="folder for report.md and results.json")
    parser.add_argument("--docs", default=str(DEFAULT_DOCS), help="docs page whose tables are regenerated")
    parser.add_argument("--no-docs", action="store_true", help="do not regenerate the docs tables")
    parser.add_argument("--list", action="store_true", help="list the suites and exit")
    parser.add_argument("--suites-package", default="evaluation.suites", help=argparse.SUPPRESS)  # tests
    args = parser.parse_args(argv)

    suites = discover_suites(args.suites_package)
    if args.list:
        for name, module in suites.items():
            print(f"{name}\t{getattr(module, 'TITLE', name)}")
        return 0
    shared = Path(args.shared).resolve()
    if not (shared / "data").is_dir():
        print(f"error: no gold data at {shared / 'data'} (pass --shared PATH)", file=sys.stderr)
        return 2
    if args.limit is not None and args.limit < 1:
        print(f"error: --limit must be a positive number, not {args.limit}", file=sys.stderr)
        return 2
    wanted = [s.strip() for s in args.only.split(",") if s.strip()] or list(suites)
    unknown = [n for n in wanted if n not in suites]
    if unknown:
        print(f"error: no suite {', '.join(map(repr, unknown))}; known: {', '.join(suites)}", file=sys.stderr)
        return 2

    quick = args.limit is not None
    out = Path(args.out) if args.out else (HERE / "quick" if quick else HERE)
    ctx = EvalContext(shared=shared, limit=args.limit)
    fresh = run_suites(suites, wanted, ctx, log=sys.stderr)
    results = merge_results(load_results(out / "results.json"), fresh, suites) if not quick else fresh
    report, data = write_outputs(results, out)
    print(f"[eval] wrote {report} and {data}", file=sys.stderr)

    if not quick and not args.no_docs:
        from evaluation.docs import DocsError, update_docs

        try:
            update_docs(data, Path(args.docs))
            print(f"[eval] regenerated the tables in {args.docs}", file=sys.stderr)
        except DocsError as exc:
            print(f"[eval] warning: docs not updated: {exc}", file=sys.stderr)

    _print_summary(fresh)
    return 1 if any(r.status == "failed" for r in fresh) else 0


def _print_summary(results: list[SuiteResult]) -> None:
    for r in results:
        if r.status != "ok":
            print(f"{r.name}: {r.status} ({r.error})")
            continue
        for f in r.figures:
            base = "" if f.baseline is None else f"  [baseline {format_value(f.baseline, f.unit)}]"
            print(f"{r.name}: {f.name} = {format_value(f.value, f.unit)} (n={f.n}){base}")


if __name__ == "__main__":
    sys.exit(main())

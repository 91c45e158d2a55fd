"""``python -m evaluation [--shared ../shared] [--only NAME,...] [--limit N]``: score and write the report."""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from evaluation.core import EvalContext, SuiteResult, discover_suites, render_markdown

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation")
    parser.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    parser.add_argument("--only", default="", help="comma-separated suite names")
    parser.add_argument("--limit", type=int, default=None, help="items per suite (quick runs)")
    parser.add_argument("--out", default=str(HERE), help="folder for report.md and results.json")
    args = parser.parse_args(argv)

    shared = Path(args.shared).resolve()
    if not (shared / "data").is_dir():
        print(f"error: no gold data at {shared / 'data'}", file=sys.stderr)
        return 2
    ctx = EvalContext(shared=shared, limit=args.limit)
    suites = discover_suites()
    wanted = [s for s in args.only.split(",") if s] or list(suites)
    results: list[SuiteResult] = []
    failed = 0
    for name in wanted:
        if name not in suites:
            print(f"error: no suite {name!r}; known: {', '.join(suites)}", file=sys.stderr)
            return 2
        started = time.perf_counter()
        print(f"[eval] {name} …", file=sys.stderr, flush=True)
        try:
            result = suites[name].run(ctx)
        except Exception:  # one broken suite must not hide the others' figures
            failed += 1
            traceback.print_exc()
            result = SuiteResult(name, suites[name].TITLE, notes=["suite failed: see the log"])
        result.details["seconds"] = round(time.perf_counter() - started, 1)
        results.append(result)
        for f in result.figures:
            v = "—" if f.value is None else f"{100 * f.value:.1f}"
            print(f"[eval]   {f.name}: {v} (n={f.n})", file=sys.stderr)

    out = Path(args.out)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = (f"# newsevents evaluation report\n\nGenerated {stamp} by `make eval` on the development shares "
              f"in `../shared/data/` (about 30% of each set; the rest is held out). Figures are percentages.")
    (out / "report.md").write_text(render_markdown(results, header), encoding="utf-8")
    (out / "results.json").write_text(
        json.dumps({"generated": stamp, "suites": [r.to_dict() for r in results]}, indent=2), encoding="utf-8")
    print(f"[eval] wrote {out / 'report.md'} and {out / 'results.json'}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

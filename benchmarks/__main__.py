"""``python -m benchmarks [--shared ../shared] [--only NAME,...] [--articles N] [--repeat K]``: speed and memory.

Writes ``benchmarks/results.json`` (``--only`` keeps the other benchmarks' last results) and refreshes the
"Speed" table of ``docs/evaluation.md``. A run over fewer articles than the default is a quick run and
is written to ``benchmarks/quick/`` instead, so it never replaces the real figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.core import (
    DEFAULT_ARTICLES,
    BenchContext,
    BenchResult,
    discover_benchmarks,
    format_measure,
    machine,
    now_stamp,
    peak_rss_mb,
    run_benchmark,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _previous(path: Path) -> list[dict]:
    try:
        return list(json.loads(path.read_text(encoding="utf-8")).get("benchmarks", []))
    except (OSError, ValueError, AttributeError):
        return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (../shared)")
    parser.add_argument("--only", default="", help="comma-separated benchmark names")
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, help="benchmark articles")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes per measure; the fastest counts")
    parser.add_argument("--out", default=None, help="results file (default benchmarks/results.json)")
    parser.add_argument("--docs", default=str(ROOT / "docs" / "evaluation.md"))
    parser.add_argument("--no-docs", action="store_true", help="do not refresh the docs' Speed table")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--package", default="benchmarks", help=argparse.SUPPRESS)  # tests
    args = parser.parse_args(argv)

    benches = discover_benchmarks(args.package)
    if args.list:
        for name, module in benches.items():
            print(f"{name}\t{getattr(module, 'TITLE', name)}")
        return 0
    shared = Path(args.shared).resolve()
    if not (shared / "data").is_dir():
        print(f"error: no data at {shared / 'data'} (pass --shared PATH)", file=sys.stderr)
        return 2
    if args.articles < 1 or args.repeat < 1:
        print("error: --articles and --repeat must be positive", file=sys.stderr)
        return 2
    wanted = [s.strip() for s in args.only.split(",") if s.strip()] or list(benches)
    unknown = [n for n in wanted if n not in benches]
    if unknown:
        print(f"error: no benchmark {', '.join(map(repr, unknown))}; known: {', '.join(benches)}", file=sys.stderr)
        return 2

    quick = args.articles < DEFAULT_ARTICLES
    out = Path(args.out) if args.out else HERE / ("quick" if quick else "") / "results.json"
    ctx = BenchContext(shared=shared, n_articles=args.articles, repeat=args.repeat)
    fresh: list[BenchResult] = []
    for name in wanted:
        print(f"[bench] {name} …", file=sys.stderr, flush=True)
        result = run_benchmark(benches[name], ctx, log=sys.stderr)
        fresh.append(result)
        if result.status != "ok":
            print(f"[bench]   {result.status}: {result.error}", file=sys.stderr)
        for m in result.measures:
            budget = "" if m.budget is None else f" (budget ≤ {format_measure(m.budget, m.unit)})"
            print(f"[bench]   {m.name}: {format_measure(m.value, m.unit)}{budget}", file=sys.stderr)

    by_name = {d.get("name"): d for d in _previous(out)}
    by_name.update({r.name: {**r.to_dict(), "generated": now_stamp()} for r in fresh})
    data = {
        "generated": now_stamp(),
        "machine": machine(),
        "settings": {"articles": len(ctx.articles()) if ctx._articles is not None else args.articles,
                     "repeat": args.repeat},
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "benchmarks": [by_name[n] for n in benches if n in by_name],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"[bench] wrote {out}", file=sys.stderr)

    if not quick and not args.no_docs:
        from evaluation.docs import DocsError, update_docs

        try:
            update_docs(docs_path=Path(args.docs), bench_path=out)
            print(f"[bench] refreshed the Speed table in {args.docs}", file=sys.stderr)
        except DocsError as exc:
            print(f"[bench] warning: docs not updated: {exc}", file=sys.stderr)
    return 1 if any(r.status == "failed" for r in fresh) else 0


if __name__ == "__main__":
    sys.exit(main())

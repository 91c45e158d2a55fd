"""The benchmark plumbing on tiny inputs: discovery, skip/failure handling, the article set, synthetic
copies, per-extractor timing over pre-parsed docs, results.json and the docs' Speed table.
No timing is asserted: only that measures exist, are well-formed and the bookkeeping is right."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest
from benchmarks import __main__ as bench_main
from benchmarks import analyze as analyze_bench
from benchmarks import ingest as ingest_bench
from benchmarks.core import (
    BenchContext,
    BenchResult,
    BenchSkipped,
    Measure,
    discover_benchmarks,
    format_measure,
    run_benchmark,
)
from evaluation.docs import render_docs

FAST = '''
from benchmarks.core import BenchResult
NAME = "fast"
TITLE = "Fast thing"
ORDER = 5
def run(ctx):
    r = BenchResult(NAME, TITLE)
    r.add("things", 123.0, "articles/s", n=len(ctx.articles()))
    r.add("share", 0.3, "%", budget=0.2)
    return r
'''
CRASH = 'NAME = "crash"\nTITLE = "Crash"\ndef run(ctx):\n    raise RuntimeError("boom")\n'
SKIP = ('from benchmarks.core import BenchSkipped\nNAME = "later"\nTITLE = "Later"\nORDER = 1\n'
        'def run(ctx):\n    raise BenchSkipped("library not there yet")\n')


@pytest.fixture()
def fake_benches(tmp_path, monkeypatch):
    pkg = tmp_path / "fakebench"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    for name, src in [("fast", FAST), ("crash", CRASH), ("later", SKIP), ("core", "raise SystemExit"),
                      ("broken", "import nowhere_at_all\n")]:
        (pkg / f"{name}.py").write_text(textwrap.dedent(src))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "fakebench"
    for mod in [m for m in sys.modules if m.startswith("fakebench")]:
        del sys.modules[mod]


def _article(i, published="2020-01-0{}"):
    return {"id": f"a{i}", "title": f"Title {i}", "published": published.format(i % 9 + 1),
            "text": f"Officials in Kyiv said on Monday that {i + 2} people were hurt."}


@pytest.fixture()
def tiny_shared(tmp_path):
    shared = tmp_path / "shared"
    (shared / "data" / "corpus").mkdir(parents=True)
    (shared / "data" / "crossdoc" / "meantime-dev").mkdir(parents=True)
    (shared / "data" / "corpus" / "wikinews-en.jsonl").write_text(
        "\n".join(json.dumps(_article(i)) for i in range(10)) + "\n")
    (shared / "data" / "crossdoc" / "meantime-dev" / "articles.jsonl").write_text(
        "\n".join(json.dumps(_article(100 + i)) for i in range(2)) + "\n")
    return shared


def test_discovery_orders_by_order_then_name_and_keeps_broken_modules(fake_benches):
    assert list(discover_benchmarks(fake_benches)) == ["later", "fast", "broken", "crash"]


def test_the_real_benchmarks_are_discovered():
    names = list(discover_benchmarks())
    assert {"startup", "gazetteer", "analyze", "ingest"} <= set(names)
    assert names.index("startup") < names.index("analyze") < names.index("ingest")


def test_skips_and_crashes_become_statuses(fake_benches, tiny_shared):
    benches = discover_benchmarks(fake_benches)
    ctx = BenchContext(shared=tiny_shared, n_articles=5)
    results = {n: run_benchmark(m, ctx) for n, m in benches.items()}
    assert results["fast"].status == "ok" and results["fast"].measures[0].n == 5
    assert results["crash"].status == "failed" and "boom" in results["crash"].error
    assert results["later"].status == "skipped" and "not there yet" in results["later"].error
    assert results["broken"].status == "failed" and "nowhere_at_all" in results["broken"].error


def test_budget_check_and_formatting():
    assert Measure("events share", 0.25, "%", budget=0.2).within_budget is False
    assert Measure("places share", 0.05, "%", budget=0.1).within_budget is True
    assert Measure("rate", 10.0, "articles/s").within_budget is None
    assert format_measure(0.153, "%") == "15.3%"
    assert format_measure(12345.6, "tokens/s") == "12,346 tokens/s"
    assert format_measure(None, "s") == "—"


def test_article_set_takes_all_crossdoc_then_spreads_over_the_corpus(tiny_shared):
    arts = BenchContext(shared=tiny_shared, n_articles=7).articles()
    assert [a.external_id for a in arts] == ["a100", "a101", "a0", "a2", "a4", "a6", "a8"]
    assert len(BenchContext(shared=tiny_shared, n_articles=500).articles()) == 12


def test_article_set_problems_are_clear(tmp_path, tiny_shared):
    with pytest.raises(BenchSkipped, match="no benchmark articles"):
        BenchContext(shared=tmp_path / "nothing").articles()
    (tiny_shared / "data" / "corpus" / "wikinews-en.jsonl").write_text('{"text": "ok"}\n{broken\n')
    with pytest.raises(BenchSkipped, match=r"wikinews-en.jsonl:2: malformed JSON"):
        BenchContext(shared=tiny_shared).articles()


def test_synthetic_copies_are_new_articles_shifted_in_time(tiny_shared):
    ctx = BenchContext(shared=tiny_shared, n_articles=3)
    copies = list(ctx.synthetic_articles(7, days_per_copy=10))
    assert len(copies) == 7 and len({a.id for a in copies}) == 7
    assert copies[0].published == "2020-01-02" and copies[3].published == "2020-01-12"
    assert copies[6].published == "2020-01-22" and copies[6].external_id == "a100#copy2"


def test_time_extractors_times_each_registered_extractor_and_counts_failures(analyzer):
    class Probe:
        """An analyzer-shaped stand-in: the real extractors plus one that fails on every article."""
        extractors = [*analyzer.extractors, ("failing", lambda ex: (_ for _ in ()).throw(ValueError("x")))]

    from newsevents.model import Article

    articles = [Article(text=f"Russian forces shelled Kharkiv on Sunday, killing {n} people.") for n in (2, 3)]
    docs = list(analyzer.nlp.pipe([a.text for a in articles]))
    seconds, failures, found = analyze_bench.time_extractors(Probe, articles, docs)
    assert list(seconds) == [name for name, _ in Probe.extractors]
    assert all(s >= 0 for s in seconds.values())
    assert failures == {"failing": 2}
    assert found["actors"] + found["places"] >= 2  # the real extractors ran before the failing one


def test_analyze_benchmark_end_to_end_on_a_few_articles(tiny_shared, analyzer):
    ctx = BenchContext(shared=tiny_shared, n_articles=4, _analyzer=analyzer)
    result = analyze_bench.run(ctx)
    measures = {(m.name, m.unit): m for m in result.measures}
    assert measures[("bare spaCy (nlp.pipe)", "articles/s")].value > 0
    assert measures[("whole pipeline (analyze_many)", "tokens/s")].value > 0
    shares = [m for m in result.measures if m.unit == "%"]
    assert shares and all(0 <= m.value for m in shares)
    events = measures.get(("events: share of analyze time", "%"))
    assert events is not None and events.budget == 0.20
    assert result.details["articles"] == 4 and result.details["tokens"] > 0
    assert len(ctx.cache["analyses"]) == 4  # left for the ingest benchmark


def test_ingest_benchmark_stores_and_is_idempotent(tiny_shared, analyzer, tmp_path):
    ctx = BenchContext(shared=tiny_shared, n_articles=3, _analyzer=analyzer, workdir=tmp_path)
    result = run_benchmark(ingest_bench, ctx)
    if result.status == "skipped":
        pytest.skip(result.error)
    assert result.status == "ok", result.error
    assert result.details["first"]["new"] == 3
    assert result.details["second"] == {**result.details["second"], "new": 0, "unchanged": 3}
    names = {m.name for m in result.measures}
    assert {"first ingest (read, analyze, store), wall-clock", "re-ingest, all unchanged",
            "store analyses only (no parsing)"} <= names
    assert all(m.value > 0 for m in result.measures)


DOC = "# E\n\n<!-- BEGIN GENERATED: speed -->\n<!-- END GENERATED: speed -->\n"


def test_main_writes_results_merges_reruns_and_refreshes_the_speed_table(fake_benches, tiny_shared, tmp_path):
    out, docs = tmp_path / "results.json", tmp_path / "evaluation.md"
    docs.write_text(DOC)
    args = ["--shared", str(tiny_shared), "--out", str(out), "--docs", str(docs), "--package", fake_benches]
    assert bench_main.main(args) == 1  # a benchmark crashed; the rest were written
    data = json.loads(out.read_text())
    assert [b["name"] for b in data["benchmarks"]] == ["later", "fast", "broken", "crash"]
    fast = data["benchmarks"][1]
    assert fast["measures"][1]["within_budget"] is False
    page = docs.read_text()
    assert "| Fast thing | things | 123 articles/s |" in page
    assert "| Fast thing | share | 30.0% ✗ | ≤ 20.0% |" in page
    assert "skipped: library not there yet" in page

    assert bench_main.main([*args, "--only", "fast"]) == 0
    assert len(json.loads(out.read_text())["benchmarks"]) == 4  # the others kept


def test_main_rejects_bad_arguments(fake_benches, tiny_shared, capsys):
    assert bench_main.main(["--shared", str(tiny_shared), "--only", "nope", "--package", fake_benches]) == 2
    assert "no benchmark 'nope'" in capsys.readouterr().err
    assert bench_main.main(["--shared", str(tiny_shared), "--articles", "0", "--package", fake_benches]) == 2


def test_speed_block_without_results_says_how_to_get_them():
    assert "run `make bench`" in render_docs(DOC, None, None)


def test_bench_result_serialises_budget_verdicts():
    r = BenchResult("x", "X")
    r.add("share", 0.1, "%", budget=0.2)
    assert r.to_dict()["measures"][0]["within_budget"] is True


def test_startup_benchmark_measures_a_fresh_process(tiny_shared):
    from benchmarks import startup

    result = run_benchmark(startup, BenchContext(shared=tiny_shared, n_articles=5))
    assert result.status == "ok", result.error
    m = {x.name: x for x in result.measures}
    assert m["build the Analyzer (model + extractors)"].value > 0
    peak = next(x for x in result.measures if x.name.startswith("peak RSS after streaming"))
    assert peak.n == 5 and peak.value >= m["RSS ready to analyze"].value
    assert result.details["articles_failed"] == 0


def test_gazetteer_benchmark_loads_through_the_library_or_says_why_not(tiny_shared):
    from benchmarks import gazetteer

    result = run_benchmark(gazetteer, BenchContext(shared=tiny_shared, n_articles=5))
    assert result.status in ("ok", "skipped"), result.error
    if result.status == "ok":
        load = result.measures[0]
        assert load.unit == "s" and load.value > 0 and load.budget == gazetteer.LOAD_BUDGET_S
    else:
        assert "gazetteer" in result.error

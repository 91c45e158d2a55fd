"""The harness plumbing on tiny fake suites: discovery, a crash or a skip not stopping the others,
merging re-runs, the report and results.json, and regenerating the docs tables."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from evaluation import __main__ as harness
from evaluation.core import (
    EvalContext,
    Figure,
    SuiteResult,
    discover_suites,
    format_value,
    merge_results,
    render_markdown,
    run_suites,
)
from evaluation.docs import DocsError, render_docs, update_docs

OK_SUITE = '''
from evaluation.core import Figure, SuiteResult
NAME = "alpha"
TITLE = "Alpha set"
def run(ctx):
    items = list(ctx.limited(range(10)))
    return SuiteResult(NAME, TITLE, [Figure("type accuracy", 0.9, n=len(items), baseline=0.5,
                                            baseline_name="majority", target=0.85, anchor="Peer 80.0")])
'''
CRASH_SUITE = '''
NAME = "beta"
TITLE = "Beta set"
def run(ctx):
    raise RuntimeError("gold file has a bad row")
'''
SKIP_SUITE = '''
NAME = "gamma"
TITLE = "Gamma set"
def run(ctx):
    ctx.gold_file("nowhere/missing.csv")
'''
BROKEN_IMPORT = "NAME = 'delta'\nTITLE = 'Delta'\nimport not_a_module_anywhere\ndef run(ctx): pass\n"


@pytest.fixture()
def fake_suites(tmp_path, monkeypatch):
    pkg = tmp_path / "fakesuites"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    for name, src in [("a_ok", OK_SUITE), ("b_crash", CRASH_SUITE), ("c_skip", SKIP_SUITE),
                      ("d_broken", BROKEN_IMPORT), ("_private", "raise SystemExit('never imported')")]:
        (pkg / f"{name}.py").write_text(textwrap.dedent(src))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "fakesuites"
    for mod in [m for m in sys.modules if m.startswith("fakesuites")]:
        del sys.modules[mod]


@pytest.fixture()
def shared(tmp_path):
    (tmp_path / "shared" / "data").mkdir(parents=True)
    return tmp_path / "shared"


def test_discovery_finds_suites_by_name_and_keeps_a_broken_import_as_a_failing_suite(fake_suites):
    suites = discover_suites(fake_suites)
    assert list(suites) == ["alpha", "beta", "gamma", "d_broken"]


def test_a_crashing_or_skipped_suite_does_not_stop_the_others(fake_suites, shared):
    suites = discover_suites(fake_suites)
    results = run_suites(suites, list(suites), EvalContext(shared=shared))
    by = {r.name: r for r in results}
    assert by["alpha"].status == "ok" and by["alpha"].figures[0].value == 0.9
    assert by["beta"].status == "failed" and "bad row" in by["beta"].error
    assert by["gamma"].status == "skipped" and "missing.csv" in by["gamma"].error
    assert by["d_broken"].status == "failed" and "not_a_module_anywhere" in by["d_broken"].error
    assert all("seconds" in r.details for r in results)


def test_limit_reaches_the_suite_and_is_recorded(fake_suites, shared):
    suites = discover_suites(fake_suites)
    [result] = run_suites(suites, ["alpha"], EvalContext(shared=shared, limit=3))
    assert result.figures[0].n == 3 and result.details["limit"] == 3


def test_report_shows_figure_beside_baseline_target_and_peer():
    r = SuiteResult("x", "X set", [Figure("admin1 accuracy", 0.873, n=100, baseline=0.61,
                                          baseline_name="most frequent admin1", target=0.85,
                                          anchor="Mordecai3 79.4")])
    md = render_markdown([r], "# report")
    row = next(line for line in md.splitlines() if line.startswith("| admin1 accuracy"))
    assert "87.3 ✓" in row and "61.0 (most frequent admin1)" in row and "≥ 85.0" in row and "Mordecai3 79.4" in row


def test_targets_respect_direction_and_units():
    assert Figure("err", 30.0, unit="km", target=50.0, lower_is_better=True).meets_target is True
    assert Figure("acc", 0.5, target=0.85).meets_target is False
    assert Figure("acc", None, target=0.85).meets_target is None
    assert format_value(0.8234) == "82.3" and format_value(12.25, "km") == "12.2 km"
    assert format_value(None) == "—"


def test_merge_keeps_suites_not_rerun_and_drops_vanished_ones():
    old = [SuiteResult("a", "A", [Figure("f", 0.1)]), SuiteResult("b", "B", [Figure("f", 0.2)]),
           SuiteResult("gone", "G")]
    fresh = [SuiteResult("b", "B", [Figure("f", 0.3)])]
    merged = merge_results(old, fresh, ["a", "b"])
    assert [(r.name, r.figures[0].value) for r in merged] == [("a", 0.1), ("b", 0.3)]


def test_results_json_round_trips():
    r = SuiteResult("a", "A", [Figure("f", 0.5, n=2, unit="km", lower_is_better=True)], notes=["n"],
                    details={"k": 1}, status="ok")
    back = SuiteResult.from_dict(json.loads(json.dumps(r.to_dict())))
    assert back == r


DOC = """# Evaluation

Prose stays.

<!-- BEGIN GENERATED: peers -->
old table
<!-- END GENERATED: peers -->

More prose.

<!-- BEGIN GENERATED: figures -->
<!-- END GENERATED: figures -->
"""


def test_main_end_to_end_writes_report_results_and_docs(fake_suites, shared, tmp_path, capsys):
    out, docs = tmp_path / "out", tmp_path / "evaluation.md"
    docs.write_text(DOC)
    status = harness.main(["--shared", str(shared), "--out", str(out), "--docs", str(docs),
                           "--suites-package", fake_suites])
    assert status == 1  # a suite failed: reported, and the run says so
    data = json.loads((out / "results.json").read_text())
    assert [s["name"] for s in data["suites"]] == ["alpha", "beta", "gamma", "d_broken"]
    assert data["suites"][0]["figures"][0]["meets_target"] is True
    report = (out / "report.md").read_text()
    assert "## Alpha set" in report and "**failed**: RuntimeError: gold file has a bad row" in report
    page = docs.read_text()
    assert "Prose stays." in page and "More prose." in page and "old table" not in page
    assert "| Alpha set | type accuracy | 10 | 90.0 ✓ |" in page
    assert "### Beta set" in page
    assert "alpha: type accuracy = 90.0 (n=10)" in capsys.readouterr().out

    # Re-running one suite keeps the others' figures.
    status = harness.main(["--shared", str(shared), "--out", str(out), "--docs", str(docs), "--only", "alpha",
                           "--suites-package", fake_suites])
    assert status == 0
    assert len(json.loads((out / "results.json").read_text())["suites"]) == 4


def test_main_rejects_unknown_suites_and_missing_data(fake_suites, shared, tmp_path, capsys):
    assert harness.main(["--shared", str(shared), "--only", "nope", "--suites-package", fake_suites]) == 2
    assert "no suite 'nope'" in capsys.readouterr().err
    assert harness.main(["--shared", str(tmp_path / "absent"), "--suites-package", fake_suites]) == 2
    assert "no gold data" in capsys.readouterr().err


def test_docs_blocks_are_regenerated_and_check_detects_staleness(tmp_path):
    results = tmp_path / "results.json"
    results.write_text(json.dumps({"generated": "now", "suites": [SuiteResult(
        "a", "A set", [Figure("f1", 0.42, n=7, anchor="Best 83.9")]).to_dict()]}))
    docs = tmp_path / "evaluation.md"
    docs.write_text(DOC)
    bench = tmp_path / "absent-bench.json"
    assert update_docs(results, docs, bench, check=True) is True
    assert docs.read_text() == DOC  # check only looks
    assert update_docs(results, docs, bench) is True
    assert "| A set | f1 | 7 | 42.0 |" in docs.read_text()
    assert update_docs(results, docs, bench, check=True) is False  # now up to date


def test_docs_without_markers_is_an_error_and_unknown_blocks_are_left_alone():
    with pytest.raises(DocsError):
        render_docs("# no markers here\n", None, None)
    page = "<!-- BEGIN GENERATED: other -->\nkeep\n<!-- END GENERATED: other -->\n" + DOC
    assert "keep" in render_docs(page, None, None)
    assert "run `make eval`" in render_docs(DOC, None, None)


def test_the_real_suites_all_import():
    suites = discover_suites()
    broken = {name: m for name, m in suites.items() if not hasattr(m, "__file__")}
    assert not broken, f"suites that fail to import: {sorted(broken)}"
    for module in suites.values():
        assert isinstance(module.TITLE, str) and callable(module.run)


def test_docs_page_has_the_generated_blocks():
    page = (Path(harness.ROOT) / "docs" / "evaluation.md").read_text(encoding="utf-8")
    for block in ("peers", "figures", "speed"):
        assert f"<!-- BEGIN GENERATED: {block} -->" in page

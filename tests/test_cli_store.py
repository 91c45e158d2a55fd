"""The commands over the database: ingest, events, article, export (in-process through click, and one
real process interrupted with SIGINT)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.cli.store import STYLES, highlighted_text
from newsevents.store import open_store
from tests.test_ingest import ITEMS, consistent
from tests.test_store import dump
from tests.test_store_sample import samples, strike_on_kyiv


def run(*args: str, width: int = 200):
    # COLUMNS: rich sizes tables to the terminal; a wide one keeps every column on one line.
    return CliRunner(env={"COLUMNS": str(width)}).invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def inputs(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(item) + "\n" for item in ITEMS), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "events.db"
    with open_store(path) as store, store.transaction():
        for analysis in samples():
            store.save_analysis(analysis, analyzer_version="test")
    return path


def summary(output: str) -> dict[str, int]:
    counts = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].replace(",", "").isdigit():
            counts[parts[0]] = int(parts[1].replace(",", ""))
    return counts


# -- ingest ----------------------------------------------------------------------------------------
def test_ingest_twice_stores_once_and_reports(tmp_path, inputs, shared, analyzer):
    db = tmp_path / "events.db"
    seed = shared / "acceptance" / "seed.txt"
    first = run("ingest", "--db", db, seed, inputs)
    assert first.exit_code == 0, first.output
    assert summary(first.stdout) == {"read": 6, "new": 6, "updated": 0, "unchanged": 0, "reanalyzed": 0,
                                     "failed": 0}
    assert "articles/s" in first.stdout
    before = dump(db)
    second = run("ingest", "--db", db, seed, inputs)
    assert second.exit_code == 0
    assert summary(second.stdout)["unchanged"] == 6 and summary(second.stdout)["new"] == 0
    assert dump(db) == before


def test_ingest_reports_bad_inputs_stores_the_good_and_exits_1(tmp_path, inputs, analyzer):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(ITEMS[0]) + "\n{not json\n" + json.dumps({"id": "x", "title": "no text"}) + "\n",
                   encoding="utf-8")
    db = tmp_path / "events.db"
    result = run("ingest", "--db", db, inputs, bad, tmp_path / "missing.txt")
    assert result.exit_code == 1
    counts = summary(result.stdout)
    assert counts["new"] == 5 and counts["unchanged"] == 1 and counts["failed"] == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    assert any("bad.jsonl:2" in e for e in errors) and any("bad.jsonl:3" in e for e in errors)
    assert any("missing.txt" in e for e in errors)
    with open_store(db) as store:
        assert store.counts()["articles"] == 5


def test_ingest_reanalyze_without_inputs_redoes_every_stored_article(tmp_path, inputs, analyzer):
    db = tmp_path / "events.db"
    run("ingest", "--db", db, inputs)
    result = run("ingest", "--db", db, "--reanalyze")
    assert result.exit_code == 0, result.output
    assert summary(result.stdout)["reanalyzed"] == len(ITEMS)


def test_ingest_needs_inputs():
    result = CliRunner().invoke(main, ["ingest", "--db", "x.db"])
    assert result.exit_code == 2 and "INPUT" in result.output


def test_ingest_into_an_impossible_path_is_a_clear_error(tmp_path, inputs):
    result = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "no" / "such" / "x.db"), str(inputs)])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_ctrl_c_leaves_a_consistent_database(tmp_path):
    """A real `newsevents ingest` process, sent SIGINT once it has committed a batch."""
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(3000):  # far more than can be analysed before the interrupt arrives
            out.write(json.dumps({"id": f"n{n}", "title": f"Report {n}",
                                  "text": f"Officials in Springfield said on Monday that {n} new homes were "
                                          f"approved by the council after a vote of {n % 9} to 4."}) + "\n")
    db = tmp_path / "events.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "newsevents.cli", "ingest", "--db", str(db), "--batch-size",
                             "7", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 120  # a guard against hanging, not a timing assertion
        committed = 0
        while committed < 14 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            if db.exists():
                conn = sqlite3.connect(db, timeout=5)
                try:
                    committed = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:  # tables not created yet
                    committed = 0
                finally:
                    conn.close()
        assert proc.poll() is None, "ingest finished before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert "ingest interrupted" in stdout and "rolled back" in stdout
    assert consistent(db)
    conn = sqlite3.connect(db)
    articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    analyses = conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
    conn.close()
    # Only whole batches were committed, and every article has its analysis.
    assert articles == analyses and articles >= 14 and articles % 7 == 0
    assert summary(stdout)["new"] == articles


# -- events ----------------------------------------------------------------------------------------
def test_events_table_shows_the_columns(sample_db):
    result = run("events", "--db", sample_db)
    assert result.exit_code == 0
    out = result.stdout
    for heading in ("date", "type", "mode", "ACLED type", "place", "actors → recipients", "killed", "outlet",
                    "article"):
        assert heading in out
    assert "Air/drone strike" in out and "Russian forces → civilians" in out and "Kyiv Independent" in out
    assert strike_on_kyiv().article.id[:8] in out
    assert "5 events" in out


def test_events_table_on_a_narrow_terminal_keeps_the_key_columns(sample_db):
    out = run("events", "--db", sample_db, width=80).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "ACLED" in out and "article" in out and "outlet" not in out
    assert "threatened" in out  # the status shows beside the type, as text (not taken as markup)


def test_events_filters_and_limit_from_the_command_line(sample_db):
    out = run("events", "--db", sample_db, "--country", "UKR", "--format", "json").stdout
    assert [e["article"]["title"] for e in json.loads(out)] == ["Drones hit Kyiv", "Clashes near Kharkiv"]
    out = run("events", "--db", sample_db, "--near", "55.75,37.62,10", "--format", "json").stdout
    assert [e["event"]["type"] for e in json.loads(out)] == ["PROTEST"]
    out = run("events", "--db", sample_db, "--admin1", "Kursk", "--status", "threatened", "--format", "json").stdout
    assert len(json.loads(out)) == 1
    out = run("events", "--db", sample_db, "--limit", "1", "--format", "json").stdout
    assert len(json.loads(out)) == 1
    table = run("events", "--db", sample_db, "--limit", "2").stdout
    assert "more match" in table


def test_events_json_carries_the_contract_fields(sample_db):
    [event] = json.loads(run("events", "--db", sample_db, "--place", "Kyiv", "--format", "json").stdout)
    assert event["event"]["acled"] == {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
    assert event["places"][0]["geonameid"] == 703448
    assert event["actors"][0]["name"] == "Russian forces"
    assert event["evidence_text"].startswith("Russian forces struck Kyiv")


def test_events_csv_and_geojson(sample_db):
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", sample_db, "--format", "csv").stdout)))
    assert len(rows) == 5 and rows[0]["title"] == "Threat"
    collection = json.loads(run("events", "--db", sample_db, "--type", "Battles", "--format", "geojson").stdout)
    [feature] = collection["features"]
    assert feature["geometry"]["coordinates"] == [36.2527, 49.9808]


@pytest.mark.parametrize("args, message", [
    (["--near", "50,30"], "LAT,LON,KM"),
    (["--country", "Narnia"], "Narnia"),
    (["--since", "yesterday"], "--since"),
])
def test_events_bad_filters_are_usage_errors(sample_db, args, message):
    result = CliRunner().invoke(main, ["events", "--db", str(sample_db), *args])
    assert result.exit_code == 2 and message in result.output


def test_events_without_a_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output
    assert not (tmp_path / "none.db").exists()


# -- article ---------------------------------------------------------------------------------------
def test_article_prints_text_metadata_and_events(sample_db):
    result = run("article", "kyiv-1", "--db", sample_db)
    assert result.exit_code == 0
    out = result.stdout
    assert "Drones hit Kyiv" in out and "Kyiv Independent" in out
    assert "Ukraine's air force said it shot down 40 drones" in " ".join(out.split())
    assert "Air/drone strike" in out and "e1: Russian forces struck Kyiv" in out


def test_article_by_id_prefix_and_unknown(sample_db):
    prefix = strike_on_kyiv().article.id[:8]
    assert "Drones hit Kyiv" in run("article", prefix, "--db", sample_db).stdout
    result = CliRunner().invoke(main, ["article", "nothing-like-this", "--db", str(sample_db)])
    assert result.exit_code == 1 and "no such article" in result.output


def test_extractions_are_highlighted_by_kind():
    analysis = strike_on_kyiv()
    text = highlighted_text(analysis)
    styles = {(s.start, s.end): str(s.style) for s in text.spans}
    plain = analysis.article.text
    kyiv = plain.index("Kyiv")
    assert styles[(kyiv, kyiv + 4)] == STYLES["place"]
    assert styles[(0, len("Russian forces"))] == STYLES["actor"]
    june = plain.index("June 1")
    assert styles[(june, june + 6)] == STYLES["time"]
    struck = plain.index("struck")
    assert styles[(struck, struck + 6)] == STYLES["trigger"]
    quote = analysis.quotes[0].span
    assert styles[quote] == STYLES["quote"]


# -- export ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt, check", [
    ("jsonl", lambda p: len(p.read_text().splitlines()) == 4),
    ("acled-csv", lambda p: p.read_text().startswith("event_id_cnty,event_date,year,time_precision,")),
    ("geojson", lambda p: json.loads(p.read_text())["type"] == "FeatureCollection"),
    ("parquet", lambda p: pq.read_table(p).num_rows == 5),
])
def test_export_writes_each_format_to_a_file(sample_db, tmp_path, fmt, check):
    out = tmp_path / f"export.{fmt}"
    result = run("export", "--db", sample_db, "--format", fmt, "--output", out)
    assert result.exit_code == 0, result.output
    assert check(out)
    assert "exported" in result.stderr


def test_export_to_stdout_with_a_filter(sample_db):
    result = run("export", "--db", sample_db, "--format", "acled-csv", "--country", "RU")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["sub_event_type"] for r in rows] == ["Peaceful protest"]


def test_export_unknown_format_lists_the_known_ones(sample_db):
    result = CliRunner().invoke(main, ["export", "--db", str(sample_db), "--format", "xlsx"])
    assert result.exit_code == 2 and "parquet" in result.output


def test_a_database_inside_the_ingested_folder_is_not_read_as_input(tmp_path, analyzer):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps(ITEMS[0]) + "\n", encoding="utf-8")
    db = folder / "events.db"
    assert run("ingest", "--db", db, folder).exit_code == 0
    again = run("ingest", "--db", db, folder)
    assert again.exit_code == 0, again.output
    assert summary(again.stdout)["read"] == 1 and summary(again.stdout)["unchanged"] == 1

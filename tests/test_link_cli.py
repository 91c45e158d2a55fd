"""The linking commands end to end through click: link, stories, story, export --format links-jsonl."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from newsevents.cli import main
from tests.test_link import store_all, three_reports


def run(*args: str, width: int = 250):
    return CliRunner(env={"COLUMNS": str(width)}).invoke(main, [str(a) for a in args], catch_exceptions=False)


def linked_db(tmp_path):
    db = tmp_path / "news.db"
    store_all(db, three_reports())
    result = run("link", "--db", db)
    assert result.exit_code == 0, result.output
    return db


def test_link_reports_what_it_did_and_a_second_run_has_nothing_to_do(tmp_path):
    db = tmp_path / "news.db"
    store_all(db, three_reports())
    first = run("link", "--db", db, "--window-days", "5")
    assert first.exit_code == 0
    counts = {p[0]: int(p[-1].replace(",", "")) for line in first.output.splitlines()
              if (p := line.split()) and p[-1].replace(",", "").isdigit()}
    assert counts["articles"] == 3 and counts["canonical"] == 1 and counts["stories"] == 1
    second = run("link", "--db", db)
    assert second.exit_code == 0
    assert "nothing new" in second.output and "1 canonical events, 1 stories" in second.output


def test_story_prints_every_source_side_by_side(tmp_path):
    db = linked_db(tmp_path)
    listing = run("stories", "--db", db)
    assert listing.exit_code == 0
    story_id = re.search(r"st-[0-9a-f]{12}", listing.output).group(0)
    assert "Agence France-Presse, Reuters, Kyiv Post" in listing.output
    shown = run("story", story_id[:7], "--db", db)
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    # One row per source, its outlet and its own figure on the same line, in publication order.
    rows = [next(line for line in lines if outlet in line and "│" in line)
            for outlet in ("Agence France-Presse", "Reuters", "Kyiv Post")]
    assert "14" in rows[0] and "19" in rows[1] and "at least 21" in rows[2]
    assert lines.index(rows[0]) < lines.index(rows[1]) < lines.index(rows[2])
    assert "killed 14–21 (range over 3 reports)" in shown.output
    assert "sources disagree on: fatalities" in shown.output
    assert "killed ≠" in shown.output


def test_story_and_stories_as_json(tmp_path):
    db = linked_db(tmp_path)
    stories = json.loads(run("stories", "--db", db, "--format", "json").output)
    assert len(stories) == 1 and stories[0]["n_articles"] == 3 and stories[0]["disputed"]
    story = json.loads(run("story", stories[0]["id"], "--db", db, "--format", "json").output)
    (event,) = story["events"]
    assert event["sources"]["fatalities"] == {"min": 14, "max": 21}
    assert [s["outlet"] for s in event["sources"]["sources"]] == ["Agence France-Presse", "Reuters", "Kyiv Post"]
    # the story can also be found through one of its events
    assert json.loads(run("story", event["id"], "--db", db, "--format", "json").output)["id"] == story["id"]


def test_stories_filters(tmp_path):
    db = linked_db(tmp_path)
    assert "no stories match" in run("stories", "--db", db, "--since", "2024-04").output
    assert "no stories match" in run("stories", "--db", db, "--min-articles", "4").output
    assert "no stories match" in run("stories", "--db", db, "--country", "TR").output
    assert "st-" in run("stories", "--db", db, "--disputed", "--until", "2024-03-14", "--country", "ua").output
    bad = run("stories", "--db", db, "--since", "March")
    assert bad.exit_code == 2 and "--since 'March'" in bad.output


def test_links_jsonl_export_has_exactly_the_agreed_keys(tmp_path):
    db = linked_db(tmp_path)
    out = tmp_path / "links.jsonl"
    result = run("export", "--db", db, "--format", "links-jsonl", "--output", out)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3  # one per extracted event
    assert all(list(line) == ["article", "event", "canonical_event", "story"] for line in lines)
    assert {line["article"] for line in lines} == {"afp-1", "reuters-1", "kyivpost-1"}
    assert len({line["canonical_event"] for line in lines}) == 1
    assert len({line["story"] for line in lines}) == 1 and lines[0]["story"].startswith("st-")


def test_clear_errors(tmp_path):
    missing = run("link", "--db", tmp_path / "nope.db")
    assert missing.exit_code == 1 and "nope.db: no such database" in missing.output
    db = tmp_path / "news.db"
    store_all(db, three_reports())
    for args in (("stories",), ("story", "st-123")):
        result = run(*args, "--db", db)
        assert result.exit_code == 1 and "nothing is linked yet" in result.output
    export = run("export", "--db", db, "--format", "links-jsonl")
    assert export.exit_code == 2 and "nothing is linked yet" in export.output
    run("link", "--db", db)
    unknown = run("story", "st-123", "--db", db)
    assert unknown.exit_code == 1 and "st-123: no such story" in unknown.output

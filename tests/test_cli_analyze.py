"""``newsevents analyze`` on real files: good articles written, each bad input reported once, exit status."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from newsevents.analyze import Analyzer, PipelineConfig, register_extractor
from newsevents.analyze.registry import DEFAULT_PIPELINE
from newsevents.cli import main
from newsevents.nlp import MAX_CHARS

FIXTURES = Path(__file__).parent / "fixtures" / "read"
SCHEMA = json.loads(resources.files("newsevents").joinpath("schema/analysis.schema.json").read_text())
GOOD = "Fishermen in Port Amsel protested on Friday against new quotas, blocking the harbour for six hours."
FAIL_MARKER = "EXTRACTOR-FAILS-HERE"


@register_extractor("test_fails_on_marker")
def _failing_extractor(config):
    def extract(ex):
        if FAIL_MARKER in ex.article.text:
            raise RuntimeError("extractor broke on purpose")

    return extract


def run(args, *, input=None, obj=None):
    return CliRunner().invoke(main, ["analyze", *map(str, args)], input=input, obj=obj)


def analyses(text: str) -> list[dict]:
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    for record in records:
        jsonschema.validate(record, SCHEMA)
    return records


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


@pytest.fixture
def mixed_batch(tmp_path: Path) -> tuple[list[Path], dict[str, str]]:
    """Good inputs and every kind of bad one; returns (inputs, {error input: expected problem start})."""
    good_txt = tmp_path / "good.txt"
    good_txt.write_text(GOOD, encoding="utf-8")
    shutil.copy(FIXTURES / "strike.seed.txt", tmp_path / "strike.seed.txt")
    shutil.copy(FIXTURES / "feed.atom", tmp_path / "feed.atom")
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text("\n".join([
        json.dumps({"id": "j1", "text": GOOD + " (one)"}),
        '{"id": "j2", "text": ',
        json.dumps({"id": "j3", "title": "no text here"}),
        json.dumps({"id": "j4", "text": GOOD + " (four)", "published": "2024-02-30"}),
    ]) + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    (tmp_path / "login.html").write_text("<html><body><nav><a href='/'>Home</a></nav><form><input name=q>"
                                         "</form></body></html>")
    (tmp_path / "nothing").mkdir()
    sentence = "The committee met again on Tuesday and adjourned without a decision. "
    (tmp_path / "huge.txt").write_text(sentence * (5 * 1024 * 1024 // len(sentence)))
    inputs = [good_txt, tmp_path / "strike.seed.txt", jsonl, tmp_path / "empty.txt", tmp_path / "image.txt",
              tmp_path / "garbled.txt", tmp_path / "login.html", tmp_path / "missing.txt", tmp_path / "nothing",
              tmp_path / "huge.txt", tmp_path / "feed.atom"]
    expected_errors = {
        f"{jsonl}:2": "malformed JSON",
        f"{jsonl}:3": "record has no 'text' field",
        str(tmp_path / "empty.txt"): "empty file",
        str(tmp_path / "image.txt"): "binary file (PNG image)",
        str(tmp_path / "garbled.txt"): "undecodable bytes",
        str(tmp_path / "login.html"): "no article text found",
        str(tmp_path / "missing.txt"): "no such file or directory",
        str(tmp_path / "nothing"): "folder has no files to read",
        str(tmp_path / "huge.txt"): "article is too long (",
    }
    return inputs, expected_errors


def test_mixed_batch_writes_the_good_and_reports_each_bad_once(mixed_batch, tmp_path, analyzer):
    inputs, expected_errors = mixed_batch
    out = tmp_path / "out.jsonl"
    result = run([*inputs, "--output", out])
    assert result.exit_code == 1
    records = analyses(out.read_text(encoding="utf-8"))
    assert [r["article"]["external_id"] for r in records] == [
        None, None, "j1", "j4", "tag:upland-observer.example,2024:bus-vote", "tag:upland-observer.example,2024:library"
    ]
    assert records[1]["article"]["outlet"] == "Harbour Wire"
    assert records[3]["article"]["published"] is None  # 2024-02-30 dropped, the article kept
    errors = error_lines(result)
    assert len(errors) == len(expected_errors), result.stderr
    for line in errors:
        matches = [k for k in expected_errors if line.startswith(f"error: {k}: ")]
        assert len(matches) == 1, line
        assert line.removeprefix(f"error: {matches[0]}: ").startswith(expected_errors[matches[0]]), line
    assert f"the limit is {MAX_CHARS:,}" in result.stderr
    assert "warning: " in result.stderr and "2024-02-30" in result.stderr
    assert result.stderr.strip().endswith("6 analyzed, 9 failed")


def test_all_good_exits_zero_and_writes_jsonl_to_stdout(analyzer):
    result = run([FIXTURES / "strike.seed.txt", FIXTURES / "records.json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    records = analyses(result.stdout)
    assert [r["article"]["title"] for r in records] == ["Dock workers strike over pay in Eastport",
                                                        "Ferry service resumes", None]


def test_json_format_is_one_array(tmp_path, analyzer):
    out = tmp_path / "out.json"
    result = run([FIXTURES / "records.jsonl", "--format", "json", "-o", out])
    assert result.exit_code == 0, result.stderr
    records = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(records, list) and len(records) == 2
    for record in records:
        jsonschema.validate(record, SCHEMA)


def test_json_format_with_nothing_good_is_an_empty_array(tmp_path, analyzer):
    result = run([tmp_path / "missing.txt", "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert error_lines(result) == [f"error: {tmp_path / 'missing.txt'}: no such file or directory"]


def test_stdin(analyzer):
    result = run(["-"], input=(FIXTURES / "records.jsonl").read_bytes())
    assert result.exit_code == 0, result.stderr
    records = analyses(result.stdout)
    assert [r["article"]["external_id"] for r in records] == ["hw-0001", "2"]


def test_globs_and_folders(tmp_path, analyzer):
    (tmp_path / "in" / "deep").mkdir(parents=True)
    shutil.copy(FIXTURES / "strike.txt", tmp_path / "in" / "a.txt")
    shutil.copy(FIXTURES / "feed.rss", tmp_path / "in" / "deep" / "feed.rss")
    result = run([tmp_path / "in", tmp_path / "in" / "*.txt"])
    assert result.exit_code == 1  # the feed's third entry has no text
    assert error_lines(result) == [f"error: {tmp_path / 'in' / 'deep' / 'feed.rss'}#3: feed entry 'Empty one' has no text"]
    assert len(analyses(result.stdout)) == 3  # a.txt once, two feed entries


def test_output_file_inside_an_input_folder_is_not_read_back(tmp_path, analyzer):
    shutil.copy(FIXTURES / "strike.txt", tmp_path / "a.txt")
    for _ in range(2):
        result = run([tmp_path, "-o", tmp_path / "out.jsonl"])
        assert result.exit_code == 0, result.stderr
    assert len(analyses((tmp_path / "out.jsonl").read_text())) == 1


def test_analysis_errors_are_reported_like_read_errors(tmp_path, analyzer):
    failing = Analyzer(PipelineConfig(extractors=(*DEFAULT_PIPELINE, "test_fails_on_marker")), nlp=analyzer.nlp)
    (tmp_path / "ok.txt").write_text(GOOD)
    (tmp_path / "bad.txt").write_text(f"{GOOD} {FAIL_MARKER}")
    result = run([tmp_path / "ok.txt", tmp_path / "bad.txt"], obj={"analyzer": failing})
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"error: {tmp_path / 'bad.txt'}: analysis failed (RuntimeError: extractor broke on purpose)"]
    (record,) = analyses(result.stdout)
    assert record["article"]["text"] == GOOD


def test_no_inputs_is_a_usage_error():
    result = run([])
    assert result.exit_code == 2


def test_output_that_cannot_be_written_is_a_clear_error(tmp_path, analyzer):
    result = run([FIXTURES / "strike.txt", "-o", tmp_path / "no" / "such" / "folder.jsonl"])
    assert result.exit_code == 1
    assert "Could not open file" in result.stderr and "No such file or directory" in result.stderr

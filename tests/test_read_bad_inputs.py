"""Each bad input is exactly one ReadError naming the input and the problem; the batch goes on."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsevents.model import Article
from newsevents.nlp import MAX_CHARS
from newsevents.read import ReadError, read_inputs

GOOD = "Fishermen in Port Amsel protested on Friday against new quotas, blocking the harbour for six hours."


def errors_for(path: Path) -> list[ReadError]:
    """Reads ``path`` between two good files; the good ones must both come through."""
    before, after = path.parent / "before.txt", path.parent / "after.txt"
    before.write_text(GOOD, encoding="utf-8")
    after.write_text(GOOD + " Police made no arrests.", encoding="utf-8")
    items = list(read_inputs([str(before), str(path), str(after)]))
    assert [x.source for x in items if isinstance(x, Article)] == [str(before), str(after)]
    return [x for x in items if isinstance(x, ReadError)]


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (err,) = errors_for(tmp_path / "empty.txt")
    assert str(err) == f"{tmp_path / 'empty.txt'}: empty file"


def test_whitespace_only_file(tmp_path):
    (tmp_path / "blank.txt").write_text(" \n\t\r\n  \n")
    (err,) = errors_for(tmp_path / "blank.txt")
    assert "empty" in err.problem


def test_png_named_as_text_is_a_binary_file(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (err,) = errors_for(tmp_path / "photo.txt")
    assert err.input == str(tmp_path / "photo.txt")
    assert err.problem == "binary file (PNG image), not text"


def test_nul_bytes_are_binary(tmp_path):
    (tmp_path / "blob.dat").write_bytes(b"abc\x00\x01\x02\x00" * 50)
    (err,) = errors_for(tmp_path / "blob.dat")
    assert err.problem.startswith("binary file")


def test_undecodable_bytes(tmp_path):
    (tmp_path / "garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (err,) = errors_for(tmp_path / "garbled.txt")
    assert err.problem.startswith("undecodable bytes: not UTF-8 (byte 0x80 at offset 0")


def test_malformed_json_line_gives_its_line_number_and_keeps_the_others(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": i, "text": f"{GOOD} ({i})"}) for i in range(1, 9)]
    lines[6] = '{"id": 7, "text": "cut off'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    errors = [x for x in items if isinstance(x, ReadError)]
    assert [a.external_id for a in items if isinstance(a, Article)] == ["1", "2", "3", "4", "5", "6", "8"]
    (err,) = errors
    assert err.input == f"{path}:7"
    assert err.problem.startswith("malformed JSON (")


@pytest.mark.parametrize("record, problem", [
    ({"id": "x", "title": "No body"}, "record has no 'text' field (its fields: id, title)"),
    ({"id": "x", "text": "   "}, "record's 'text' is empty"),
    ({"id": "x", "text": ["a", "b"]}, "record's 'text' is an array, not a string"),
    (["not", "an", "object"], "record is not a JSON object (it is an array)"),
])
def test_bad_records(tmp_path, record, problem):
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"text": GOOD}) + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    good, bad = read_inputs([str(path)])
    assert isinstance(good, Article)
    assert str(bad) == f"{path}:2: {problem}"


def test_malformed_json_document(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "x",\n  "text": "unterminated\n}\n', encoding="utf-8")
    (err,) = errors_for(path)
    assert err.input == f"{path}:3" and "malformed JSON" in err.problem


def test_html_page_with_no_article(tmp_path):
    path = tmp_path / "login.html"
    path.write_text("<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a></nav>"
                    "<form><input name=u><button>Sign in</button></form></body></html>")
    (err,) = errors_for(path)
    assert err.problem == "no article text found in the HTML page"


def test_xml_that_is_not_a_feed(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catalog><book id='1'>A</book></catalog>")
    (err,) = errors_for(path)
    assert err.problem.startswith("not an RSS or Atom feed")


def test_missing_path(tmp_path):
    (err,) = errors_for(tmp_path / "nope.txt")
    assert str(err) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_broken_symlink(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    (err,) = errors_for(tmp_path / "link.txt")
    assert err.problem == "broken symbolic link"


@contextmanager
def unprivileged():
    """Root reads every file whatever its mode: drop to 'nobody' for the duration (euid only)."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


def test_permission_denied_file_and_folder():
    # Outside pytest's private (0700) temporary folder, so that an unprivileged user may look in.
    base = Path(tempfile.mkdtemp(prefix="newsevents-perm-"))
    try:
        base.chmod(0o755)
        secret = base / "secret.txt"
        secret.write_text(GOOD)
        secret.chmod(0o200)
        closed = base / "closed"
        closed.mkdir()
        (closed / "a.txt").write_text(GOOD)
        closed.chmod(0o300)
        with unprivileged():
            items = list(read_inputs([str(secret), str(closed)]))
    finally:
        secret.chmod(0o644)
        closed.chmod(0o755)
        shutil.rmtree(base)
    assert [str(x) for x in items] == [f"{secret}: permission denied", f"{closed}: permission denied (folder)"]


def test_folder_with_nothing_readable(tmp_path):
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".hidden.txt").write_text(GOOD)
    (err,) = errors_for(folder)
    assert str(err) == f"{folder}: folder has no files to read (1 skipped: not text)"


def test_five_megabyte_article_is_rejected_with_size_and_limit(tmp_path):
    path = tmp_path / "huge.txt"
    sentence = "The committee met again on Tuesday and adjourned without a decision. "
    path.write_text(sentence * (5 * 1024 * 1024 // len(sentence)), encoding="utf-8")
    (err,) = errors_for(path)
    n = len(path.read_text().strip())
    assert n > MAX_CHARS
    assert err.problem == f"article is too long ({n:,} characters; the limit is {MAX_CHARS:,})"


def test_oversized_record_in_jsonl_is_rejected_alone(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x " * (MAX_CHARS // 2 + 10)}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    bad, good = read_inputs([str(path)])
    assert isinstance(good, Article)
    assert bad.input == f"{path}:1" and bad.problem.startswith("article is too long (")


def test_empty_jsonl_and_empty_feed(tmp_path):
    (tmp_path / "none.jsonl").write_text("\n\n")
    (tmp_path / "none.rss").write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
                                       "</channel></rss>")
    assert [e.problem for e in errors_for(tmp_path / "none.jsonl")] == ["empty file (no JSON lines)"]
    assert [e.problem for e in errors_for(tmp_path / "none.rss")] == ["the feed has no entries"]


def test_a_file_that_is_not_json_lines_at_all_is_one_error(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text("\n".join(f"Meeting note number {i}: nothing to report." for i in range(500)))
    (err,) = errors_for(path)
    assert err.input == str(path)
    assert err.problem.startswith("not JSON Lines: none of the first 20 lines is JSON (line 1: malformed JSON")


def test_bad_first_lines_are_reported_once_a_later_line_parses(tmp_path):
    path = tmp_path / "late.jsonl"
    path.write_text("oops\n{broken\n" + json.dumps({"text": GOOD}) + "\n")
    bad1, bad2, good = read_inputs([str(path)])
    assert (bad1.input, bad2.input) == (f"{path}:1", f"{path}:2")
    assert isinstance(good, Article)


def test_a_short_file_of_non_json_lines_is_one_error(tmp_path):
    path = tmp_path / "short.jsonl"
    path.write_text("first\nsecond\n")
    (err,) = errors_for(path)
    assert err.problem.startswith("not JSON Lines: none of its 2 lines is JSON (line 1: malformed JSON")

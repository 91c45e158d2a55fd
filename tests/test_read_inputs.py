"""Folders, glob patterns and stdin; format sniffing; the same text getting the same id everywhere."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from newsevents.model import Article
from newsevents.read import ReadError, read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "read"
BODY = ("Türkiye hosted the talks in Istanbul on Monday; the délégation left “satisfied”, "
        "a spokeswoman said.\nA second round is planned for July.")


def sources(items) -> list[str]:
    return [x.source if isinstance(x, Article) else f"ERROR {x}" for x in items]


def test_folder_is_read_recursively_in_order_skipping_hidden_and_non_text(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    shutil.copy(FIXTURES / "strike.txt", tmp_path / "z.txt")
    shutil.copy(FIXTURES / "records.jsonl", tmp_path / "b" / "r.jsonl")
    shutil.copy(FIXTURES / "page.html", tmp_path / "a.html")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    (tmp_path / ".notes.txt").write_text(BODY)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert sources(read_inputs([str(tmp_path)])) == [
        str(tmp_path / "a.html"), str(tmp_path / "z.txt"),
        f"{tmp_path / 'b' / 'r.jsonl'}:1", f"{tmp_path / 'b' / 'r.jsonl'}:3",
    ]


def test_glob_patterns_expand_sorted_and_a_pattern_matching_nothing_is_an_error(tmp_path):
    for name in ("2.txt", "1.txt", "x.md"):
        (tmp_path / name).write_text(f"{BODY} ({name})", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "3.txt").write_text(BODY, encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "*.txt"), str(tmp_path / "**" / "3.txt"), str(tmp_path / "*.xml")]))
    assert sources(items) == [str(tmp_path / "1.txt"), str(tmp_path / "2.txt"), str(tmp_path / "sub" / "3.txt"),
                              f"ERROR {tmp_path / '*.xml'}: no files match the pattern"]


def test_a_file_named_twice_is_read_once_and_excluded_files_never(tmp_path):
    shutil.copy(FIXTURES / "strike.txt", tmp_path / "a.txt")
    (tmp_path / "out.jsonl").write_text('{"schema_version": "1"}\n')
    items = list(read_inputs([str(tmp_path / "a.txt"), str(tmp_path), str(tmp_path / "*.txt")],
                             exclude=[str(tmp_path / "out.jsonl")]))
    assert sources(items) == [str(tmp_path / "a.txt")]


@pytest.mark.parametrize("fixture, count", [
    ("strike.seed.txt", 1), ("strike.txt", 1), ("records.jsonl", 2), ("records.json", 2), ("page.html", 1),
    ("feed.atom", 2),
])
def test_stdin_format_is_sniffed(fixture, count):
    data = (FIXTURES / fixture).read_bytes()
    from_stdin = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    from_file = list(read_inputs([str(FIXTURES / fixture)]))
    assert len(from_stdin) == count
    assert [a.id for a in from_stdin] == [a.id for a in from_file]
    assert [(a.title, a.published, a.outlet) for a in from_stdin] == [(a.title, a.published, a.outlet)
                                                                     for a in from_file]
    assert all(a.source.startswith("<stdin>") for a in from_stdin)


def test_stdin_read_once_and_empty_stdin_is_an_error():
    items = list(read_inputs(["-", "-"], stdin=io.BytesIO(b"")))
    assert [str(x) for x in items] == ["<stdin>: empty file", "<stdin>: standard input was already read"]


def _variants(tmp_path: Path) -> dict[str, Path]:
    files = {
        "utf8.txt": BODY.encode("utf-8"),
        "bom_crlf.txt": b"\xef\xbb\xbf" + BODY.replace("\n", "\r\n").encode("utf-8"),
        "utf16.txt": BODY.encode("utf-16"),
        "decomposed_trailing_spaces.txt": (BODY.replace("é", "e\u0301").replace("\n", "  \n") + "\n\n").encode(),
        "record.jsonl": (json.dumps({"id": "r1", "text": BODY}) + "\n").encode("utf-8"),
        "seed.txt": f" date 2024-06-03 1\nTalks in Istanbul\n{BODY}\n".encode(),
        "page.html": (f"<html><head><title>Talks in Istanbul</title></head><body><article>"
                      f"{''.join(f'<p>{line}</p>' for line in BODY.split(chr(10)))}</article></body></html>").encode(),
        "feed.rss": (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>W</title><item>"
                     f"<guid>g1</guid><description><![CDATA[{''.join(f'<p>{x}</p>' for x in BODY.split(chr(10)))}]]>"
                     f"</description></item></channel></rss>").encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return {name: tmp_path / name for name in files}


def test_same_text_same_id_across_formats_encodings_and_line_endings(tmp_path):
    variants = _variants(tmp_path)
    articles = {name: list(read_inputs([str(path)])) for name, path in variants.items()}
    for name, items in articles.items():
        assert len(items) == 1 and isinstance(items[0], Article), (name, items)
        assert items[0].text == BODY, name
    assert len({items[0].id for items in articles.values()}) == 1


def test_legacy_single_byte_encodings_are_detected(tmp_path):
    english = "The minister said “we will talk” on Sunday – before the talks in Türkiye."
    (tmp_path / "cp1252.txt").write_bytes(english.encode("cp1252"))
    russian = "Министр иностранных дел России провёл телефонный разговор с госсекретарём США в воскресенье."
    (tmp_path / "cp1251.txt").write_bytes(russian.encode("cp1251"))
    en, ru = read_inputs([str(tmp_path / "cp1252.txt"), str(tmp_path / "cp1251.txt")])
    assert en.text == english
    assert ru.text == russian


def test_offsets_refer_to_the_stored_normalised_text(tmp_path):
    # NFD input, CRLF: the stored text is NFC with LF, and a span found in it reads back the same.
    (tmp_path / "nfd.txt").write_bytes("Cafe\u0301 owners in Montréal\r\nprotested.".encode())
    (article,) = read_inputs([str(tmp_path / "nfd.txt")])
    start = article.text.index("Montréal")
    assert article.text[start:start + len("Montréal")] == "Montréal"
    assert "\r" not in article.text and "Café" in article.text


def test_errors_do_not_stop_the_batch_and_keep_input_order(tmp_path):
    shutil.copy(FIXTURES / "strike.txt", tmp_path / "good.txt")
    items = list(read_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "good.txt"), str(FIXTURES / "feed.rss")]))
    kinds = ["E" if isinstance(x, ReadError) else "A" for x in items]
    assert kinds == ["E", "A", "A", "A", "E"]


def test_html_declared_charset_is_honoured(tmp_path):
    russian = ("Министр иностранных дел России провёл телефонный разговор с госсекретарём США в воскресенье, "
               "сообщили в министерстве.")
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            f"<title>Новости</title></head><body><article><p>{russian}</p></article></body></html>")
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    (article,) = read_inputs([str(tmp_path / "ru.html")])
    assert article.text == russian


def test_jsonl_in_utf16_and_a_line_in_cp1252(tmp_path):
    (tmp_path / "u16.jsonl").write_bytes((json.dumps({"id": "a", "text": BODY}, ensure_ascii=False) + "\n")
                                         .encode("utf-16"))
    line = json.dumps({"id": "b", "text": "Prices rose 5% – the ministry said “no comment”."}, ensure_ascii=False)
    (tmp_path / "mixed.jsonl").write_bytes(json.dumps({"id": "c", "text": BODY}, ensure_ascii=False).encode()
                                           + b"\n" + line.encode("cp1252") + b"\n")
    u16, utf8, cp1252 = read_inputs([str(tmp_path / "u16.jsonl"), str(tmp_path / "mixed.jsonl")])
    assert u16.text == BODY and u16.external_id == "a"
    assert utf8.text == BODY
    assert cp1252.text == "Prices rose 5% – the ministry said “no comment”."

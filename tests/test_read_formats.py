"""Each input format becomes the Articles it holds, with its metadata, from real files."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

from newsevents.model import Article, article_id
from newsevents.read import ReadError, read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "read"
STRIKE_BODY = (
    "About 1,200 dock workers walked off the job in Eastport on Monday, halting cargo traffic at the port.\n"
    "The union said the strike would last 48 hours and blamed the port authority for the failed talks."
)


def read_all(*inputs: str | Path, **kwargs) -> tuple[list[Article], list[ReadError]]:
    items = list(read_inputs([str(i) for i in inputs], **kwargs))
    return ([x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, ReadError)])


def test_seed_format_header_title_body_and_byline_outlet():
    (article,), errors = read_all(FIXTURES / "strike.seed.txt")
    assert errors == []
    assert article.published == "2024-05-06"
    assert article.title == "Dock workers strike over pay in Eastport"
    assert article.text.startswith("EASTPORT, May 6 (Harbour Wire) - About 1,200")
    assert article.outlet == "Harbour Wire"
    assert article.source == str(FIXTURES / "strike.seed.txt")


def test_seed_acceptance_article(shared):
    (article,), errors = read_all(shared / "acceptance" / "seed.txt")
    assert errors == []
    assert (article.published, article.outlet, article.language) == ("2025-06-02", "MENAFN", "en")
    assert article.text.startswith("(MENAFN) ")


def test_plain_text_is_the_whole_body_without_metadata():
    (article,), errors = read_all(FIXTURES / "strike.txt")
    assert errors == []
    assert article.text == STRIKE_BODY
    assert (article.title, article.published, article.outlet, article.external_id) == (None, None, None, None)
    assert article.id == article_id(STRIKE_BODY)


def test_jsonl_fields_ids_dates_and_unknown_fields():
    articles, errors = read_all(FIXTURES / "records.jsonl")
    assert errors == []
    first, second = articles
    assert first.external_id == "hw-0001"
    assert first.title == "Dock workers strike over pay in Eastport"
    assert first.published == "2024-05-06T07:15:00+00:00"
    assert (first.url, first.outlet, first.language) == ("https://harbourwire.example/strike", "Harbour Wire", "en")
    assert first.text == STRIKE_BODY
    assert first.source.endswith("records.jsonl:1")
    # Numeric ids are kept as text; the blank line 2 is skipped but still counted.
    assert second.external_id == "2"
    assert second.source.endswith("records.jsonl:3")
    assert second.published == "2024-05-07"
    assert second.outlet == "Harbour Wire"  # from the byline, since the record names none


def test_json_array_and_single_object(tmp_path):
    articles, errors = read_all(FIXTURES / "records.json")
    assert errors == []
    assert [a.external_id for a in articles] == ["a1", "a2"]
    assert articles[0].title == "Ferry service resumes"
    assert articles[1].source.endswith("records.json[1]")
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": "x", "text": STRIKE_BODY}, indent=2), encoding="utf-8")
    (article,), errors = read_all(single)
    assert errors == [] and article.external_id == "x" and article.text == STRIKE_BODY


def test_jsonl_date_that_is_not_a_date_keeps_the_article(tmp_path, caplog):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": STRIKE_BODY, "published": "last Tuesday"}) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="newsevents.read"):
        (article,), errors = read_all(path)
    assert errors == []
    assert article.published is None
    assert any("d.jsonl:1" in r.getMessage() and "last Tuesday" in r.getMessage() for r in caplog.records)


def test_html_page_text_and_metadata():
    (article,), errors = read_all(FIXTURES / "page.html")
    assert errors == []
    assert article.title == "Flooding closes river crossings in Northbridge"
    assert article.text.startswith("Heavy rain on Wednesday night")  # headline not repeated in the body
    assert "Okafor said." in article.text
    assert "Copyright" not in article.text and "Sport" not in article.text
    assert article.published == "2024-03-14"
    assert article.outlet == "The Valley Courier"
    assert article.url == "https://valleycourier.example/news/2024/03/14/flooding-northbridge"
    assert article.language == "en"


def test_rss_entries_become_articles():
    items = list(read_inputs([str(FIXTURES / "feed.rss")]))
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == ("About 1,200 dock workers walked off the job in Eastport on Monday, halting cargo "
                          "traffic.\nThe union said the strike would last 48 hours.")  # content, not summary
    assert (first.external_id, first.url) == ("hg-2024-0506-01", "https://harbourgazette.example/2024/05/06/strike")
    assert first.published == "2024-05-06T07:15:00+00:00"
    assert first.outlet == "Harbour Gazette" and first.title == "Dock workers strike over pay in Eastport"
    assert second.text.startswith("The ferry between Eastport") and "<p>" not in second.text
    assert isinstance(third, ReadError)
    assert third.input.endswith("feed.rss#3") and "no text" in third.problem


def test_atom_entries_become_articles():
    articles, errors = read_all(FIXTURES / "feed.atom")
    assert errors == []
    bus, library = articles
    assert bus.external_id == "tag:upland-observer.example,2024:bus-vote"
    assert bus.url == "https://upland-observer.example/2024/09/02/bus-vote"
    assert bus.published == "2024-09-02T09:45:00+02:00"
    assert bus.outlet == "Upland Observer"
    assert bus.text.split("\n")[1] == "Services will resume on Tuesday morning, the transport authority said."
    assert library.published == "2024-09-01T08:00:00+00:00"  # updated, when nothing says published
    assert library.text == "Millford council approved plans for a new public library on Sunday."


@pytest.mark.parametrize("fixture, rename", [
    ("strike.seed.txt", "a"), ("records.jsonl", "b"), ("page.html", "c"), ("feed.rss", "d"), ("feed.atom", "e"),
])
def test_format_is_sniffed_without_an_extension(tmp_path, fixture, rename):
    bare = tmp_path / rename
    shutil.copy(FIXTURES / fixture, bare)
    assert _summary(read_inputs([str(bare)])) == _summary(read_inputs([str(FIXTURES / fixture)]))


def _summary(items):
    return [(x.id, x.title, x.published, x.outlet) if isinstance(x, Article) else x.problem for x in items]

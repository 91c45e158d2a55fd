"""Quotation marks in every style news uses, over paragraphs, and text that pairs them badly."""

from __future__ import annotations

import pytest

from newsevents.analyze.quote_marks import find_quotations, strip_span


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotations(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said: "We will win." Then he left.', ["We will win."]),
    ("He said: “We will win.” Then he left.", ["We will win."]),
    ("Er sagte: „Wir gewinnen.“ Dann ging er.", ["Wir gewinnen."]),
    ("Il a dit : « Nous gagnerons. » Puis il est parti.", [" Nous gagnerons. "]),
    ("She said ‘we won’t stop’ and left.", ["we won’t stop"]),
    ("He said ``we will win'' and left.", ["we will win"]),
    ("It's the soldiers’ families who said “no.”", ["no."]),
])
def test_every_style(text, expected):
    assert quoted(text) == expected


def test_a_quotation_over_paragraphs_reopens_without_closing():
    text = "He said: “First paragraph of the quote.\n“Second paragraph, closed now.” Then nothing."
    [q] = find_quotations(text)
    assert text[q.start:q.end] == "First paragraph of the quote.\n“Second paragraph, closed now."
    assert q.paragraphs == 2


def test_nested_quotations_stay_inside_the_outer_one():
    text = "He said: “They told me ‘never again’ and I agreed.” Then he left."
    assert quoted(text) == ["They told me ‘never again’ and I agreed."]


@pytest.mark.parametrize("text", [
    'He said "this never closes.\nNext paragraph is plain. "But this" is quoted.',
    "“Unclosed curly quote in a paragraph.\nA second paragraph with “a real one” inside.",
    '"' * 101,
    "“" * 50 + "”" * 3,
    "''``''``" * 20,
    "",
])
def test_stray_marks_never_flip_the_rest(text):
    found = find_quotations(text)
    for q in found:
        assert 0 <= q.open_mark < q.start <= q.end <= len(text)
    if text.startswith('He said "this never closes.'):
        assert quoted(text) == ["But this"]
    if text.startswith("“Unclosed"):
        assert quoted(text) == ["a real one"]


def test_a_ten_thousand_character_quotation():
    body = ("word " * 2000).strip()
    text = f"She said: “{body}.” The end."
    [q] = find_quotations(text)
    assert q.end - q.start == len(body) + 1


def test_strip_span_trims_marks_and_punctuation():
    text = '  “Hello, world,” '
    s, e = strip_span(text, 0, len(text))
    assert text[s:e] == "Hello, world"

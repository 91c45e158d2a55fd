"""Sentence boundaries around short quotations embedded in a sentence."""

from __future__ import annotations

from newsevents.nlp import load_model


def sentences(text: str) -> list[str]:
    return [s.text for s in load_model()(text).sents]


def test_a_slogan_naming_a_protest_stays_in_its_sentence():
    text = ("On 2 May 2024, residents held a rally 'Free our sons! Bring them home!' in Uman, "
            "demanding the return of prisoners.")
    assert sentences(text) == [text]


def test_a_quoted_sentence_followed_by_a_new_sentence_still_ends():
    got = sentences('The minister said "We will rebuild." Then he left the hall.')
    assert len(got) == 2
    assert got[1].startswith("Then")


def test_a_quote_that_is_a_verbs_object_is_left_to_the_parser():
    # merging these parses worse ("We want freedom" becomes the root), so the guard keeps out of it
    text = 'Crowds marched on Friday chanting "No vote! We want freedom!" as officials counted ballots.'
    from newsevents.sentences import _embedded

    doc = load_model()(text)
    opening = next(t.i for t in doc if t.text == '"')
    closing = next(t.i for t in doc[opening + 1:] if t.text == '"')
    assert not _embedded(doc, opening, closing)


def test_unbalanced_and_empty_quotes_do_not_crash():
    for text in ['He said "', '"', "' '", 'A "b', "x 'y! z"]:
        assert sentences(text)

"""Quotes and attributions through the real pipeline: cues, sources, contents, speakers, relay chains, claims."""

from __future__ import annotations

import pytest

from newsevents.analyze.context import Extraction
from newsevents.analyze.quotes import attribution_for_span, attributions
from newsevents.model import Analysis, Article


def analyse(analyzer, text: str) -> tuple[Analysis, Extraction]:
    """Run every extractor over ``text`` and keep the extraction (``attribution_for_span`` reads it)."""
    article = Article(text=text, published="2025-06-02")
    ex = Extraction(article=article, doc=analyzer.nlp(article.text))
    for _name, extractor in analyzer.extractors:
        extractor(ex)
    return ex.to_analysis(), ex


def by_text(analysis: Analysis, fragment: str):
    found = [q for q in analysis.quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r}: {[q.text for q in analysis.quotes]}"
    return found[0]


def name(analysis: Analysis, actor_id: str | None) -> str | None:
    return next((a.name for a in analysis.actors if a.id == actor_id), None)


def test_direct_quote_after_its_quotation(analyzer):
    a, _ = analyse(analyzer, "“We will rebuild the bridge within a month,” Governor Alexander Bogomaz said on Monday.")
    q = by_text(a, "rebuild the bridge")
    assert q.kind == "direct"
    assert q.text == "We will rebuild the bridge within a month"
    assert q.cue == "said"
    assert "Bogomaz" in (name(a, q.speaker) or "")
    assert a.article.text[q.speaker_span[0]:q.speaker_span[1]] == "Governor Alexander Bogomaz"


def test_split_quotation_and_its_continuation_keep_one_speaker_and_cue(analyzer):
    text = ("“The strikes will continue,” said Defence Minister Andrei Belousov, “until the threat is gone.”\n"
            "“Nobody should doubt our resolve.”")
    a, _ = analyse(analyzer, text)
    parts = [by_text(a, "strikes will continue"), by_text(a, "until the threat"), by_text(a, "Nobody should")]
    assert len({q.cue_span for q in parts}) == 1
    assert len({q.speaker for q in parts}) == 1 and parts[0].speaker is not None


def test_indirect_and_mixed(analyzer):
    a, _ = analyse(analyzer, "Sergey Lavrov said that the attacks would be investigated. "
                             "Kaja Kallas said the talks were “a waste of time” for Europe.")
    indirect = by_text(a, "the attacks would be investigated")
    assert indirect.kind == "indirect" and indirect.cue == "said"
    assert indirect.text == "the attacks would be investigated"  # no complementiser, no full stop
    mixed = by_text(a, "a waste of time")
    assert mixed.kind == "mixed"


def test_according_to(analyzer):
    a, _ = analyse(analyzer, "According to the regional governor, seven people were killed in the strike.")
    q = by_text(a, "seven people were killed")
    assert q.cue == "According to"
    assert a.article.text[q.speaker_span[0]:q.speaker_span[1]] == "the regional governor"


def test_pronoun_speaker_is_the_person_just_quoted(analyzer):
    a, _ = analyse(analyzer, "Foreign Minister Sergey Lavrov said, “The results will be published soon.” "
                             "He added, “The guilty parties will be punished.”")
    first, second = by_text(a, "results will be published"), by_text(a, "guilty parties")
    assert second.speaker is not None and second.speaker == first.speaker


def test_relay_chain_inner_source_reported_by_outer(analyzer):
    a, _ = analyse(analyzer, "Rubio expressed condolences to the victims' families, the Russian Foreign Ministry said. "
                             "State Department spokesperson Tammy Bruce said Rubio reiterated the call for talks.")
    condolences = by_text(a, "condolences to the victims")
    relay = [q for q in a.quotes if q.cue == "expressed"]
    assert relay, [q.cue for q in a.quotes]
    assert "Rubio" in (name(a, relay[0].speaker) or "")
    assert relay[0].reported_by and relay[0].reported_by[0] == condolences.speaker or \
        "Ministry" in (name(a, relay[0].reported_by[0]) or "")
    reiterated = [q for q in a.quotes if q.cue == "reiterated"]
    assert reiterated and "Rubio" in (name(a, reiterated[0].speaker) or "")
    assert [name(a, r) for r in reiterated[0].reported_by] == ["Tammy Bruce"]


def test_scare_quotes_and_names_are_not_quotes(analyzer):
    a, _ = analyse(analyzer, "The so-called “Big Three” carmakers lost money. The “historic” deal was signed.")
    assert a.quotes == []


def test_an_unattributed_quotation_keeps_no_speaker(analyzer):
    a, _ = analyse(analyzer, "The two diplomats also “exchanged views on various initiatives concerning peace.”")
    q = by_text(a, "exchanged views")
    assert q.speaker is None and q.cue is None


@pytest.mark.parametrize("text, event, status, source", [
    ("Russia said Ukraine attacked the bridge in Bryansk.", "Ukraine attacked the bridge", "claimed", "Russia"),
    ("Kyiv denied any involvement in the attack on the bridge.", "the attack on the bridge", "denied", "Kyiv"),
    ("The Taliban claimed responsibility for the bombing in Kabul.", "the bombing", "claimed", "Taliban"),
    ("Police said two people were killed in the explosion.", "two people were killed", None, "Police"),
])
def test_claims(analyzer, text, event, status, source):
    _, ex = analyse(analyzer, text)
    start = text.index(event)
    sources, got = attribution_for_span(ex, start, start + len(event))
    assert got == status
    assert sources, "the event should be attributed"
    names = [a.name for a in ex.actors if a.id == sources[0]] + [
        text[m[0]:m[1]] for a in ex.actors if a.id == sources[0] for m in a.mentions]
    assert any(source.lower() in n.lower() for n in names), names


@pytest.mark.parametrize("text, status", [
    ("Russia said Ukraine attacked the bridge in Bryansk.", "claimed"),
    ("Kyiv denied that its forces attacked the bridge.", "denied"),
    ("The Ukrainian Defence Ministry said its forces shot down 20 drones overnight.", None),
])
def test_claims_from_a_whole_reporting_sentence(analyzer, text, status):
    _, ex = analyse(analyzer, text)
    sources, got = attribution_for_span(ex, 0, len(text))
    assert sources and got == status


def test_a_span_outside_any_attribution_has_no_source(analyzer):
    text = "A drone hit the airbase. The ministry said the damage was minor."
    _, ex = analyse(analyzer, text)
    assert attribution_for_span(ex, 0, text.index(".")) == ([], None)
    assert attributions(ex)


@pytest.mark.parametrize("text", [
    "He said “this quote never closes. And “this one\" mixes ‘styles” badly'' ``.",
    "“" + "They said “no” and “yes” and ‘maybe’ " * 20 + "”, she said.",
    "She said: “" + "all work and no play " * 500 + "” and left.",
    "“”“”“”“” said he, according to , according to.",
    "said said said “ ” « » „ “ `` ''",
])
def test_bad_quotation_marks_never_crash(analyzer, text):
    a, _ = analyse(analyzer, text)
    n = len(a.article.text)
    for q in a.quotes:
        assert 0 <= q.span[0] <= q.span[1] <= n
        assert q.text == a.article.text[q.span[0]:q.span[1]]
    if "all work and no play" in text:
        long = by_text(a, "all work and no play")
        assert len(long.text) > 9000 and long.kind == "direct"

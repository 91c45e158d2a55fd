"""Event dates: ``date_for_span`` reads an event's date from the expression that governs it, else the nearest
loose one in its sentence, else the paragraph before it, else the date it was said, else the publication
date with precision "unknown"."""

from __future__ import annotations

import pytest

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import make_extractor
from newsevents.analyze.times import date_for_span
from newsevents.model import Article, When


@pytest.fixture(scope="module")
def extract(analyzer):
    times = make_extractor("times")

    def run(text: str, published: str | None = "2025-06-02") -> Extraction:
        ex = Extraction(article=Article(text=text, published=published), doc=analyzer.nlp(text))
        times(ex)
        return ex

    return run


def span_of(ex: Extraction, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = ex.article.text.index(word, start + 1)
    return start, start + len(word)


def sentence_of(ex: Extraction, word: str) -> tuple[int, int]:
    s = ex.doc.char_span(*span_of(ex, word), alignment_mode="expand").sent
    return s.start_char, s.end_char


def date_of(ex: Extraction, trigger: str, nth: int = 0) -> When:
    return date_for_span(ex, *sentence_of(ex, trigger), trigger=span_of(ex, trigger, nth))


def test_the_expression_on_the_trigger_governs(extract):
    ex = extract("Lavrov held a phone conversation on Sunday with Rubio.")
    assert date_of(ex, "held") == When("2025-06-01", "day")


def test_each_event_takes_its_own_date_in_a_shared_sentence(extract):
    ex = extract("Rubio called Lavrov on Sunday about the negotiations scheduled for June 5 in Istanbul.")
    assert date_of(ex, "called") == When("2025-06-01", "day")
    assert date_of(ex, "negotiations") == When("2025-06-05", "day")


def test_a_date_of_another_event_is_not_taken(extract):
    ex = extract("The ministers exchanged views on talks scheduled for June 5.")
    assert date_of(ex, "exchanged") == When("2025-06-02", "unknown")


def test_that_same_day_carries_the_day_it_refers_to(extract):
    ex = extract("Two bridges were destroyed on Sunday.\nThat same day, drone strikes targeted airbases.")
    assert date_of(ex, "targeted") == When("2025-06-01", "day")


def test_a_sentence_without_a_date_continues_its_paragraph(extract):
    ex = extract("Two bridges were destroyed on Sunday. Investigators labeled the blasts sabotage.")
    assert date_of(ex, "labeled") == When("2025-06-01", "day")


def test_a_new_paragraph_does_not_inherit_a_date(extract):
    ex = extract("Two bridges were destroyed on Sunday.\nInvestigators labeled the blasts sabotage.")
    assert date_of(ex, "labeled") == When("2025-06-02", "unknown")


def test_a_date_on_a_verb_of_saying_is_only_a_last_resort(extract):
    ex = extract("Drones hit two airfields on Saturday. Officials said on Monday that the strikes killed seven.")
    assert date_of(ex, "killed") == When("2025-05-31", "day")
    ex = extract("Officials said on Monday that a bridge was destroyed.")
    assert date_of(ex, "destroyed") == When("2025-06-02", "day")


def test_an_interval_and_a_clock_time_give_their_days(extract):
    ex = extract("Voting took place between 3 and 5 May. The polls closed at 8 p.m. on Sunday.")
    assert date_of(ex, "Voting") == When("2025-05-03/2025-05-05", "day")
    assert date_of(ex, "closed") == When("2025-06-01", "day")


def test_coarser_dates_keep_their_precision(extract):
    ex = extract("The offensive began last week. Exports collapsed in March.")
    assert date_of(ex, "began") == When("2025-W22", "week")
    assert date_of(ex, "collapsed") == When("2025-03", "month")


def test_durations_and_vague_times_do_not_date_events(extract):
    ex = extract("The siege lasted 18 months and is now over.")
    assert date_of(ex, "lasted") == When("2025-06-02", "unknown")


def test_a_planned_event_takes_no_date_before_publication(extract):
    ex = extract("Lavrov held a call on Sunday, focusing on the upcoming talks in Istanbul.")
    assert date_of(ex, "talks") == When("2025-06-02", "unknown")


def test_without_any_date_the_publication_date_is_given_as_unknown(extract):
    ex = extract("Russia responded with counterstrikes.")
    assert date_of(ex, "responded") == When("2025-06-02", "unknown")
    ex = extract("Russia responded with counterstrikes.", published=None)
    assert date_of(ex, "responded") == When(None, "unknown")


def test_the_day_before_a_dated_event_is_that_date_minus_one(extract):
    text = ("Just one day before the scheduled negotiations, two bridges were destroyed.\n"
            "The negotiations scheduled for June 2 will go ahead.")
    ex = extract(text)
    assert [(t.text, t.value) for t in ex.times][0] == ("one day before the scheduled negotiations", "2025-06-01")
    assert date_of(ex, "destroyed") == When("2025-06-01", "day")


def test_without_a_trigger_the_span_head_is_used(extract):
    ex = extract("Lavrov held a phone conversation on Sunday with Rubio.")
    assert date_for_span(ex, 0, len(ex.article.text)) == When("2025-06-01", "day")

"""Time expressions: detection, extents and TIMEX3 values against the publication date, bad input.

Every case runs the real grammar over the real spaCy parse (the session's analyzer model), because the
tense of the governing verb decides which Sunday or which June is meant.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import make_extractor
from newsevents.analyze.timex import TimexTagger
from newsevents.model import Article

MONDAY = date(2025, 6, 2)  # the seed article's publication date
TUESDAY = date(2025, 6, 3)


@pytest.fixture(scope="module")
def tag(analyzer):
    tagger = TimexTagger()

    def run(text: str, published: date | None = MONDAY):
        return tagger.tag(text, published, analyzer.nlp(text))

    return run


def one(found, text):
    hits = [t for t in found if t.text == text]
    assert hits, f"no expression {text!r}; found {[t.text for t in found]}"
    return hits[0]


@pytest.mark.parametrize(("sentence", "expr", "value", "kind", "precision"), [
    # weekdays: the tense of the governing verb picks the occurrence
    ("Lavrov held a phone conversation on Sunday with Rubio.", "Sunday", "2025-06-01", "date", "day"),
    ("The delegations will meet again on Sunday.", "Sunday", "2025-06-08", "date", "day"),
    ("Talks are scheduled for Friday in Istanbul.", "Friday", "2025-06-06", "date", "day"),
    ("Officials said on Friday that the bridge had collapsed.", "Friday", "2025-05-30", "date", "day"),
    ("The strike came early on Saturday.", "early on Saturday", "2025-05-31", "date", "day"),
    ("Shelling resumed last Friday.", "last Friday", "2025-05-30", "date", "day"),
    # days relative to the publication date
    ("Police arrested two men yesterday.", "yesterday", "2025-06-01", "date", "day"),
    ("The minister speaks today.", "today", "2025-06-02", "date", "day"),
    ("The vote is expected tonight.", "tonight", "2025-06-02TNI", "time", "day"),
    ("Drones struck the airfield overnight.", "overnight", "2025-06-01TNI", "time", "day"),
    ("Rockets hit the city on Sunday night.", "Sunday night", "2025-06-01TNI", "time", "day"),
    ("The convoy left at 3 p.m.", "3 p.m.", "2025-06-02T15:00", "time", "minute"),
    # weeks, months, quarters, years
    ("Fighting intensified last week.", "last week", "2025-W22", "date", "week"),
    ("Prices rose earlier this month.", "earlier this month", "2025-06", "date", "month"),
    ("The deal was signed in 2023.", "2023", "2023", "date", "year"),
    ("Exports fell last year.", "last year", "2024", "date", "year"),
    ("Profit rose in the first quarter.", "the first quarter", "2025-Q1", "date", "quarter"),
    ("The offensive is planned for this summer.", "this summer", "2025-SU", "date", "quarter"),
    ("The war of the 1990s left scars.", "the 1990s", "199", "date", "year"),
    ("The ceasefire was agreed two years ago.", "two years ago", "2023", "date", "year"),
    ("Ruins from the 5th century BC were found.", "the 5th century BC", "BC04", "date", "year"),
    # calendar dates
    ("The talks are scheduled for June 2 in Istanbul.", "June 2", "2025-06-02", "date", "day"),
    ("The treaty was signed on 2 June 2025.", "2 June 2025", "2025-06-02", "date", "day"),
    ("The summit was held on May 26, 2024.", "May 26, 2024", "2024-05-26", "date", "day"),
    ("Elections took place on 2024-11-05.", "2024-11-05", "2024-11-05", "date", "day"),
    ("Voting ran June 2-3.", "June 2-3", "2025-06-02/2025-06-03", "date", "day"),
    ("Inspections happen between 3 and 5 May.", "between 3 and 5 May", "2025-05-03/2025-05-05", "date", "day"),
    ("Output doubled between 2010 and 2015.", "between 2010 and 2015", "2010/2015", "date", "year"),
    # durations and sets
    ("The operation was planned for over 18 months.", "over 18 months", "P18M", "duration", "month"),
    ("The siege lasted 18 months.", "18 months", "P18M", "duration", "month"),
    ("The talks lasted two and a half hours.", "two and a half hours", "PT2H30M", "duration", "minute"),
    ("Inspectors visit every week.", "every week", "P1W", "set", "week"),
    ("The paper is published daily.", "daily", "P1D", "set", "day"),
    ("The plant costs $2 million a year to run.", "a year", "P1Y", "set", "year"),
])
def test_expression_value(tag, sentence, expr, value, kind, precision):
    t = one(tag(sentence), expr)
    assert (t.value, t.kind, t.precision) == (value, kind, precision)


def test_extent_leaves_out_prepositions_and_keeps_modifiers(tag):
    found = [t.text for t in tag("On Sunday, at least 30 people died in the past two months of fighting.")]
    assert "Sunday" in found and "On Sunday" not in found
    assert "the past two months" in found


def test_the_same_day_refers_back_to_the_last_date(tag):
    found = tag("The bridges were destroyed on Sunday. That same day, drones struck five airbases.")
    assert one(found, "That same day").value == "2025-06-01"


def test_the_next_day_counts_from_the_date_named_before(tag):
    found = tag("The first attack came on May 20. The next day, the army withdrew.")
    assert one(found, "The next day").value == "2025-05-21"


def test_a_clock_time_takes_the_day_named_in_its_sentence(tag):
    t = one(tag("The explosion happened at 10:35 a.m. on Friday, witnesses said."), "10:35 a.m.")
    assert t.value == "2025-05-30T10:35"


def test_month_names_follow_tense(tag):
    assert one(tag("Elections will be held in September."), "September").value == "2025-09"
    assert one(tag("Elections were held in September."), "September").value == "2024-09"


def test_a_date_just_ahead_in_a_past_tense_sentence_is_this_year(tag):
    # "payable Dec. 7" in late October: a past-tense clause, but the December meant is the coming one.
    found = tag("Directors authorized a dividend payable Dec. 7.", date(1989, 10, 27))
    assert one(found, "Dec. 7").value == "1989-12-07"


def test_counts_are_not_years(tag):
    found = [t.text for t in tag("Resolution 2334 was cited as 1999 troops moved in 2019.")]
    assert found == ["2019"]
    found = [t.text for t in tag("The 2000 km pipeline and a 1000 megawatt cable followed the 1992 protests.")]
    assert found == ["1992"]


def test_a_possessive_year_is_not_a_decade(tag):
    assert [(t.text, t.value) for t in tag("The sequel to 2000's Meet the Parents opened.")] == [("2000", "2000")]
    assert one(tag("Prices fell in the 1990's."), "the 1990's").value == "199"


def test_years_later_count_from_the_date_named_even_sentences_before(tag):
    found = tag("On March 18, 1965, he walked in space. He received the highest honour. Ten years later, he "
                "led the mission.")
    assert one(found, "Ten years later").value == "1975"


def test_that_day_refers_to_the_last_day_not_to_a_year_in_between(tag):
    found = tag("Talks began on Tuesday. The pipeline is to be built by 2030. Earlier that day, ministers met.")
    assert one(found, "Earlier that day").value == "2025-05-27"


def test_ages_and_ordinals_are_not_durations(tag):
    found = [t.text for t in tag("A 45-year-old man was hurt; a second man fled.")]
    assert found == []


class TestWithoutPublicationDate:
    def test_absolute_dates_are_resolved(self, tag):
        found = tag("The treaty was signed on 2 June 2025 and took effect in 2026.", None)
        assert [(t.text, t.value) for t in found] == [("2 June 2025", "2025-06-02"), ("2026", "2026")]

    def test_relative_expressions_are_unresolved_and_say_so(self, tag):
        found = tag("Rebels attacked on Sunday and again last week.", None)
        for t in found:
            assert t.value is None and t.precision == "unknown"
            assert t.anchor == "unresolved" and t.unresolved
        assert [t.text for t in found] == ["Sunday", "last week"]

    def test_durations_need_no_anchor(self, tag):
        assert one(tag("The siege lasted 18 months.", None), "18 months").value == "P18M"


class TestBadInput:
    @pytest.mark.parametrize(("text", "expr", "value"), [
        ("It happened on 31 February.", "31 February", "2025-02"),  # no such day: the month is what is known
        ("It happened on 30 February 2024.", "30 February 2024", "2024-02"),
        ("It happened on February 29.", "February 29", "2024-02-29"),  # the last leap day
        ("Rome fell 10000000000 years ago.", "10000000000 years ago", None),  # off the calendar
        ("It lasted 99999999999999999999 days.", "99999999999999999999 days", "P99999999999999999999D"),
    ])
    def test_impossible_dates_give_a_sensible_value_or_none(self, tag, text, expr, value):
        assert one(tag(text), expr).value == value

    @pytest.mark.parametrize("text", ["in the year 0099", "in 12025", "on June 2, 12025", "year 0 and 0 AD"])
    def test_years_outside_four_digits_are_not_taken_for_years(self, tag, text):
        assert all(t.text not in ("0099", "12025", "1202", "2025", "0") for t in tag(text))

    @pytest.mark.parametrize("text", [
        "“((( June 2 ]]] '' “ ‘ tomorrow ))",
        "1" * 5000, "June " * 300, "at 3 p.m. " * 200, "— – - / : , . ; ! ?" * 50,
        "\n\n\nSunday\n\n\nmorning\n", "",
    ])
    def test_odd_text_does_not_crash(self, tag, text):
        for t in tag(text):
            assert 0 <= t.start < t.end <= len(text)
            assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
def test_publication_dates_at_the_ends_of_the_calendar(tag, published):
    text = "On Sunday and yesterday, last week, next year, the weekend and June 2, a year earlier at 3 p.m."
    found = tag(text, published)
    assert len(found) >= 7
    assert any(t.value is None and t.unresolved for t in found)


def test_extractor_writes_schema_records_and_notes(analyzer):
    article = Article(text="Lavrov held talks on Sunday. The siege lasted 18 months.", published="2025-06-02")
    ex = Extraction(article=article, doc=analyzer.nlp(article.text))
    make_extractor("times")(ex)
    assert [(t.text, t.kind, t.value, t.precision) for t in ex.times] == [
        ("Sunday", "date", "2025-06-01", "day"), ("18 months", "duration", "P18M", "month")]
    assert all(t.id in ex.notes["times"] for t in ex.times)
    assert all(article.text[t.span[0]:t.span[1]] == t.text for t in ex.times)


def test_published_as_datetime_is_accepted(analyzer):
    article = Article(text="Police arrested him yesterday.", published="2025-06-02T18:30:00+03:00")
    ex = Extraction(article=article, doc=analyzer.nlp(article.text))
    make_extractor("times")(ex)
    assert ex.times[0].value == "2025-06-01"


def test_anchored_scanning_finds_what_a_full_scan_finds():
    """The grammar scans only around anchor words for speed; that must never lose an expression."""
    from newsevents.analyze.timex import grammar

    text = ("On Sunday, June 1, 2025, at least 30 people died in the past two months; talks resume next week "
            "at 3 p.m. EST. Between 3 and 5 May 1998, and from 1990 to 1995, prices doubled every quarter, "
            "twice a year, for decades. The 1990s, the 5th century BC, Christmas Eve and early this morning "
            "followed a year earlier, mid-afternoon yesterday and the early hours of Saturday; three-quarters "
            "of the headquarters staff left some 18 months ago, over the next few days, recently and now.")
    full = [a for r in grammar.RULES_BY_PRIORITY for a in (grammar.build_atom(r, m) for m in r.pattern.finditer(text))
            if a is not None]
    key = [(s, e, spec.rule) for s, e, spec in grammar.find_atoms(text)]
    assert sorted(key) == sorted((s, e, spec.rule) for s, e, spec in full)
    assert len(key) > 25


def test_a_point_of_comparison_is_not_what_later_anaphora_count_from(tag):
    found = tag("Sales fell 42% last month from the previous year. Toyota reported a 32% drop from a year earlier.",
                date(2009, 2, 3))
    assert one(found, "last month").value == "2009-01"
    assert one(found, "a year earlier").value == "2008-01"

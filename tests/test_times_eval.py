"""The timex evaluation suite scores as TempEval-3 does: strict and relaxed extent, value F1 = relaxed F1 ×
value accuracy, one-to-one matching, and ranges scored as their two written ends."""

from __future__ import annotations

from datetime import date

import pytest
from evaluation.suites.timex import Expr, Tally, match, system_expressions

from newsevents.analyze.registry import make_extractor

TEXT = "On Sunday morning, talks lasted 18 months, and last week prices fell."


def span(word: str) -> tuple[int, int]:
    s = TEXT.index(word)
    return s, s + len(word)


def test_one_to_one_matching_takes_the_largest_overlap():
    gold = [Expr(*span("Sunday morning"), "TIME", "2025-06-01TMO")]
    system = [Expr(*span("Sunday"), "DATE", "2025-06-01"), Expr(*span("Sunday morning"), "TIME", "2025-06-01TMO")]
    pairs = match(gold, system)
    assert len(pairs) == 1 and pairs[0][1] is system[1]


def test_strict_relaxed_and_value_f1():
    gold = [Expr(*span("Sunday morning"), "TIME", "2025-06-01TMO"), Expr(*span("18 months"), "DURATION", "P18M"),
            Expr(*span("last week"), "DATE", "2025-W22")]
    system = [Expr(*span("Sunday"), "DATE", "2025-06-01"),  # relaxed match only, wrong value and type
              Expr(*span("18 months"), "DURATION", "P18M"),  # strict, right
              Expr(*span("prices"), "DATE", None)]  # spurious
    t = Tally()
    t.add(TEXT, gold, system)
    f = t.figures()
    assert (t.strict, t.relaxed, t.value, t.type) == (1, 2, 1, 1)
    assert f["strict P"] == pytest.approx(1 / 3) and f["strict R"] == pytest.approx(1 / 3)
    assert f["relaxed F1"] == pytest.approx(2 / 3)
    assert f["value accuracy"] == pytest.approx(1 / 2)
    assert f["value F1"] == pytest.approx(2 / 3 * 1 / 2)


def test_surrounding_spaces_do_not_break_a_strict_match():
    text = "It ended  last week ."
    s = text.index("last week")
    t = Tally()
    t.add(text, [Expr(s - 1, s + 10, "DATE", "2025-W22")], [Expr(s, s + 9, "DATE", "2025-W22")])
    assert t.strict == 1


def test_a_range_is_scored_as_its_two_ends(analyzer):
    text = "Shares were bought from Sept. 14 to Thursday for $15."
    found = system_expressions(text, date(1989, 10, 30), analyzer.nlp(text), make_extractor("times"))
    assert [(text[e.start:e.end], e.value) for e in found] == [("Sept. 14", "1989-09-14"), ("Thursday", "1989-10-26")]

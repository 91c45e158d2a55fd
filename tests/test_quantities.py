"""Quantities on real parses: figures, qualifiers, ranges, what they count, and casualties per event span."""

from __future__ import annotations

import pytest

from newsevents.analyze.context import Extraction
from newsevents.analyze.number_words import as_count, parse_number_words, plural
from newsevents.analyze.quantities import QuantityExtractor, casualties_for_span, quantity_notes
from newsevents.model import Article, Range
from newsevents.nlp import load_model


def extract(text: str) -> Extraction:
    article = Article(text=text)
    ex = Extraction(article=article, doc=load_model()(article.text))
    QuantityExtractor()(ex)
    return ex


def found(text: str) -> list[tuple[str, str, tuple | None]]:
    ex = extract(text)
    return [(ex.article.text[q.span[0]:q.span[1]], q.what,
             (q.value.min, q.value.max, q.value.qualifier) if q.value else None) for q in ex.quantities]


@pytest.mark.parametrize("text, expected", [
    ("Bomb attacks destroyed two bridges, resulting in at least seven fatalities and numerous injuries.",
     [("two bridges", "bridges", (2, 2, None)), ("at least seven fatalities", "killed", (7, None, "at least")),
      ("numerous injuries", "injured", (None, None, "numerous"))]),
    ("Two people were killed and five injured in the blast.",
     [("Two people", "killed", (2, 2, None)), ("five", "injured", (5, 5, None))]),
    ("The strike hit a school, killing 6 civilians and wounding 11.",
     [("6 civilians", "killed", (6, 6, None)), ("11", "injured", (11, 11, None))]),
    ("Between 3 and 5 protesters were arrested, police said.",
     [("Between 3 and 5 protesters", "detained", (3, 5, "between"))]),
    ("Gunmen kidnapped 10 to 15 students, and 3 remain missing.",
     [("10 to 15 students", "kidnapped", (10, 15, None)), ("3", "missing", (3, 3, None))]),
    ("About 2.5 million people have fled the fighting.",
     [("About 2.5 million people", "displaced", (2_500_000, 2_500_000, "about"))]),
    ("Dozens of drones were launched along with 1,200 troops.",
     [("Dozens of drones", "drones", (12, None, "dozens")), ("1,200 troops", "troops", (1200, 1200, None))]),
    ("A dozen missiles struck the city; twenty-one bodies were recovered.",
     [("A dozen missiles", "missiles", (12, 12, None)), ("twenty-one bodies", "killed", (21, 21, None))]),
    ("Two-thirds of the troops withdrew.", [("Two-thirds of the troops", "troops", (None, None, "2/3"))]),
    ("The death toll rose to 12, officials said.", [("12", "killed", (12, 12, None))]),
    ("Hundreds of thousands were displaced by the fighting.",
     [("Hundreds of thousands", "displaced", (100_000, None, "hundreds of thousands"))]),
    ("The attack killed at least seven and injured more than 20.",
     [("at least seven", "killed", (7, None, "at least")), ("more than 20", "injured", (20, None, "more than"))]),
    ("Up to 40 rockets hit the town.", [("Up to 40 rockets", "rockets", (None, 40, "up to"))]),
    ("Police detained 20 or more demonstrators.", [("20 or more demonstrators", "detained", (20, None, "or more"))]),
    ("One hundred and twenty people died.", [("One hundred and twenty people", "killed", (120, 120, None))]),
    ("A soldier was killed when the patrol was ambushed.", [("A soldier", "killed", (1, 1, None))]),
    # A wire slug numbers the story's version: "UPDATE 2-" is not part of the count.
    ("UPDATE 2-Thirteen Ukrainians dead in clash with rebels",
     [("Thirteen Ukrainians", "killed", (13, 13, None))]),
])
def test_counts_and_what_they_count(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "He spent 18 months in prison and paid $5 million.",
    "Sales fell 45% in 2009, to 60 percent of the 2008 level.",
    "The talks are scheduled for June 2 at 10:30.",
    "The 51-year-old won 60 percent of the vote in 2009.",
    "The town lies 45 km east of the capital.",
    "Some analysts say many things about several regions.",
    "The storm reached Category 2 before a five-foot surge hit; he served a 16-year sentence.",
    "One of the candidates won, and one thing is clear: one issue matters.",
])
def test_measures_dates_money_and_vague_words_are_not_counts(text):
    assert found(text) == []


@pytest.mark.parametrize("text", [
    "1e309 drones and 99999999999999999999 missiles were seen.",
    "Officials counted 1,2,3,,4 ... 10-- missiles - and -5 drones.",
    "At least at least more than between and to or dozens of of of.",
    "“" * 50 + "7 killed" + "”" * 3,
    "9" * 5000 + " soldiers were killed.",
])
def test_bad_numbers_never_crash_and_never_give_absurd_values(text):
    for q in extract(text).quantities:
        if q.value is not None:
            for v in (q.value.min, q.value.max):
                assert v is None or 0 <= v <= 10**12


@pytest.mark.parametrize("words, value", [
    (["twenty", "one"], 21), (["one", "hundred", "and", "twenty"], 120), (["2.5", "million"], 2_500_000),
    (["a", "dozen"], 12), (["1,200"], 1200), (["three", "thousand"], 3000), (["1e309"], None),
    (["99999999999999999999"], None), (["nonsense"], None),
])
def test_number_words(words, value):
    assert as_count(parse_number_words(words)) == value


@pytest.mark.parametrize("lemma, plural_form", [
    ("bridge", "bridges"), ("person", "people"), ("militia", "militias"), ("series", "series"),
    ("casualty", "casualties"), ("bus", "buses"), ("basis", "bases"),
])
def test_plural_of_counted_nouns(lemma, plural_form):
    assert plural(lemma) == plural_form


def test_conjoined_victims_add_up_for_one_event():
    ex = extract("One Ukrainian soldier and three rebels were killed overnight.")
    killed, injured, used = casualties_for_span(ex, 0, len(ex.article.text))
    assert killed == Range(4, 4, None)
    assert injured is None
    assert len(used) == 2


def test_a_part_of_a_count_is_not_added():
    ex = extract("At least 120 people died, including 3 children.")
    killed, _injured, used = casualties_for_span(ex, 0, len(ex.article.text))
    assert killed == Range(120, None, "at least")
    assert [ex.article.text[q.span[0]:q.span[1]] for q in used] == ["At least 120 people"]
    assert any(n.subset for n in quantity_notes(ex).values())


def test_counts_are_never_borrowed_from_another_event_or_span():
    text = "A car bomb killed 5 people in the market. Separately, two soldiers were wounded in a clash."
    ex = extract(text)
    first_end = text.index(".") + 1
    killed, injured, used = casualties_for_span(ex, 0, first_end, event_id="e1")
    assert killed == Range(5, 5, None) and injured is None
    for q in used:
        q.event = "e1"
    # The second event's span holds only its own count; the first event's is out of reach.
    killed2, injured2, _ = casualties_for_span(ex, 0, len(text), event_id="e2")
    assert killed2 is None
    assert injured2 == Range(2, 2, None)


def test_the_count_nearest_the_trigger_is_taken():
    text = "Two people were killed in Kherson and seven were killed in Odesa."
    ex = extract(text)
    trigger = text.rindex("killed")
    killed, _, _ = casualties_for_span(ex, 0, len(text), trigger=(trigger, trigger + 6))
    assert killed == Range(7, 7, None)
    killed_first, _, _ = casualties_for_span(ex, 0, len(text))
    assert killed_first == Range(2, 2, None)


@pytest.mark.parametrize("headline, what", [
    ("Ukrainian soldier killed in Donbas", "killed"),
    ("Woman killed in shelling of Horlivka", "killed"),
    ("Police officer wounded in Kharkiv blast", "injured"),
])
def test_headline_style_single_victim_counts_one(analyzer, headline, what):
    analysis = analyzer.analyze(Article(text=headline, published="2021-05-01"))
    counts = [(q.what, q.value.min, q.value.max) for q in analysis.quantities if q.value is not None]
    assert (what, 1, 1) in counts
    event = analysis.events[0]
    toll = event.fatalities if what == "killed" else event.injured
    assert toll is not None and toll.min == 1


def test_headline_active_verb_with_an_object_is_not_a_victim(analyzer):
    analysis = analyzer.analyze(Article(text="Militant killed civilians in Kano", published="2021-05-01"))
    assert not [q for q in analysis.quantities if q.what == "killed" and q.value is not None and q.value.min == 1]


def test_headline_list_of_tolls_shares_its_participle(analyzer):
    a = analyzer.analyze(Article(text="Four soldiers, three rebels killed in fighting near Shchastia"))
    killed = sorted(q.value.min for q in a.quantities if q.what == "killed" and q.value is not None)
    assert killed == [3, 4]
    assert any(e.fatalities is not None and e.fatalities.min == 7 for e in a.events)

"""Where an event happened, when NER mislabels the place phrase or a weapon's model name."""

from __future__ import annotations

from newsevents.analyze.places import is_place_phrase
from newsevents.model import Analysis, Article


def event_admin1s(analysis: Analysis) -> list[list[str | None]]:
    places = {p.id: p for p in analysis.places}
    return [[places[pid].admin1 for pid in e.places] for e in analysis.events]


def test_village_qualified_by_its_region_locates_the_shelling(analyzer):
    text = "On 4 March 2024, Russian forces shelled Lvove, Kherson, wounding three civilians."
    analysis = analyzer.analyze(Article(text=text, published="2024-03-05"))
    assigned = event_admin1s(analysis)
    assert assigned and assigned[0], "the shelling has a place"
    assert assigned[0][0] is not None and "Kherson" in assigned[0][0]


def test_a_place_and_its_region_are_a_place_phrase_not_an_actor_name(analyzer):
    from newsevents.analyze.context import Extraction

    text = "Russian forces shelled Lvove, Kherson."
    ex = Extraction(article=Article(text=text), doc=analyzer.nlp(text))
    for _name, extractor in analyzer.extractors:
        extractor(ex)
    start = text.index("Lvove")
    end = text.index("Kherson") + len("Kherson")
    assert is_place_phrase(ex, start, end)
    forces = text.index("Russian forces")
    assert not is_place_phrase(ex, forces, forces + len("Russian forces"))


def test_a_missile_model_is_not_where_the_interception_happened(analyzer):
    text = ("On 9 June 2023, air defence units intercepted Kalibr cruise missiles fired by Russian ships "
            "over the Odesa region.")
    analysis = analyzer.analyze(Article(text=text, published="2023-06-10"))
    names = [p.name for p in analysis.places]
    assert not any(n.startswith("Kalibr") for n in names)
    assert any("Odes" in n for n in names)

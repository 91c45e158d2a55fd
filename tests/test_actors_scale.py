"""The actors extractor on long texts: it finishes, and a text made of repeated parts gives the actors
of its parts, each mention found once per repetition (no timing assertions: behaviour only).

The paragraphs are written for this test, in the style of news reports.
"""

from __future__ import annotations

from collections import Counter

from newsevents.analyze.context import Extraction
from newsevents.model import Article

PARAGRAPHS = [
    "German Chancellor Friedrich Merz met Indian Prime Minister Narendra Modi in Berlin on Monday. Merz told "
    "reporters the talks on trade went well.",
    "Russian troops shelled the village of Pokrovka overnight, and Ukrainian drones struck a fuel depot near the "
    "border, the Ukrainian Defence Ministry said.",
    "The Kenyan government said police arrested twelve protesters in Nairobi after a march against tax rises "
    "turned violent.",
    "Unidentified gunmen attacked a checkpoint in northern Mali, killing four soldiers, according to the United "
    "Nations.",
    "Chinese Foreign Ministry spokeswoman Mao Ning said the sanctions were unlawful. The spokeswoman added that "
    "Beijing would respond.",
    "Talks between Armenia and Azerbaijan resumed in Geneva, and Georgia offered to host the next round.",
]


def actors_only(analyzer, text: str) -> Extraction:
    ex = Extraction(article=Article(text=text), doc=analyzer.nlp(text))
    dict(analyzer.extractors)["actors"](ex)
    return ex


def mention_counts(ex: Extraction) -> Counter:
    return Counter({(a.name, a.kind, a.country, a.sector, a.role): len(a.mentions) for a in ex.actors})


def test_long_text_gives_the_actors_of_its_parts(analyzer):
    parts: Counter = Counter()
    for paragraph in PARAGRAPHS:
        parts.update(mention_counts(actors_only(analyzer, paragraph)))
    assert len(parts) >= 15  # the paragraphs do name actors
    body = "\n\n".join(PARAGRAPHS) + "\n\n"
    repeats = 150
    ex = actors_only(analyzer, body * repeats)
    assert len(ex.doc) > 19_000
    whole = mention_counts(ex)
    assert set(whole) == set(parts)
    assert whole == Counter({key: n * repeats for key, n in parts.items()})


def test_long_list_of_places_has_no_people_and_finishes(analyzer):
    names = ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy", "Kherson", "Mykolaiv", "Poltava", "Chernihiv"]
    text = "Strikes hit " + ", ".join(names[i % len(names)] for i in range(3000)) + "."
    ex = actors_only(analyzer, text)
    assert not [a for a in ex.actors if a.kind == "person"], [a.name for a in ex.actors][:10]

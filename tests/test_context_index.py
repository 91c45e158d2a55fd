"""Extraction's record lookups (actor_at, place_at, actor_by_id, place_by_id) stay correct while
extractors append, remove and replace records and change their mentions in place.

Each answer is checked against a plain scan of the lists, the definition the index must keep.
"""

from __future__ import annotations

import bisect
import random

import pytest
import spacy

from newsevents.analyze.context import Extraction
from newsevents.model import Actor, Article, Place

TEXT = "Officials in Kyiv said drones struck Kharkiv and Odesa overnight. " * 20


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")  # the index reads only records, not the parse: a tokenizer is enough


@pytest.fixture
def ex(nlp) -> Extraction:
    article = Article(text=TEXT)
    return Extraction(article=article, doc=nlp(article.text))


def scan_covering(records, start: int, end: int):
    """The definition: the record with the largest overlap with [start, end), the first on ties."""
    best, best_overlap = None, 0
    for rec in records:
        for s, e in rec.mentions:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = rec, overlap
    return best


def scan_by_id(records, record_id: str):
    return next((r for r in records if r.id == record_id), None)


def actor(ex: Extraction, *mentions: tuple[int, int]) -> Actor:
    return Actor(id=ex.new_id("a"), name="x", kind="organisation", mentions=sorted(mentions))


def place(ex: Extraction, *mentions: tuple[int, int]) -> Place:
    return Place(id=ex.new_id("p"), name="x", feature="city", mentions=list(mentions))


def test_actor_appended_after_a_lookup_is_found(ex):
    first = actor(ex, (13, 17))
    ex.actors.append(first)
    assert ex.actor_at(13, 17) is first
    assert ex.actor_at(37, 44) is None
    assert ex.actor_by_id("a2") is None
    second = actor(ex, (37, 44))
    ex.actors.append(second)
    assert ex.actor_at(37, 44) is second
    assert ex.actor_by_id("a2") is second
    assert ex.actor_at(13, 17) is first


def test_mention_added_in_place_to_a_listed_record_is_found(ex):
    kyiv = place(ex, (13, 17))
    ex.places.append(kyiv)
    assert ex.place_at(80, 84) is None
    kyiv.mentions.append((80, 84))  # what the places extractor does for a repeated name
    assert ex.place_at(80, 84) is kyiv
    bisect.insort(kyiv.mentions, (0, 9))  # what the actors extractor does (mentions kept sorted)
    assert ex.place_at(2, 5) is kyiv


def test_removed_record_and_removed_mention_are_no_longer_found(ex):
    a, b = actor(ex, (13, 17), (80, 84)), actor(ex, (37, 44))
    ex.actors += [a, b]
    assert ex.actor_at(80, 84) is a and ex.actor_by_id(b.id) is b
    a.mentions.remove((80, 84))
    assert ex.actor_at(80, 84) is None
    ex.actors.remove(b)
    assert ex.actor_at(37, 44) is None and ex.actor_by_id(b.id) is None
    # Same length as before the removal, other content: a length check alone would miss it.
    c = actor(ex, (49, 56))
    ex.actors.append(c)
    assert len(ex.actors) == 2 and ex.actor_at(49, 56) is c and ex.actor_by_id(c.id) is c


def test_replaced_record_and_reassigned_list_are_seen(ex):
    old = place(ex, (13, 17))
    ex.places.append(old)
    assert ex.place_at(13, 17) is old and ex.place_by_id(old.id) is old
    new = Place(id=old.id, name="y", feature="city", mentions=[(13, 17)])
    ex.places[0] = new
    assert ex.place_at(13, 17) is new and ex.place_by_id(old.id) is new
    ex.places = [place(ex, (37, 44))]
    assert ex.place_at(13, 17) is None and ex.place_at(37, 44) is ex.places[0]


def test_tightest_overlap_wins_and_ties_go_to_the_first_record(ex):
    wide, tight, twin = actor(ex, (0, 30)), actor(ex, (13, 17)), actor(ex, (13, 17))
    ex.actors += [wide, tight, twin]
    assert ex.actor_at(13, 17) is wide  # equal overlap (4): the first listed record
    assert ex.actor_at(12, 18) is wide  # 6 against 4
    ex.actors.reverse()
    assert ex.actor_at(13, 17) is twin
    assert ex.actor_at(17, 17) is None  # an empty span overlaps nothing


def test_random_edits_agree_with_a_scan(ex):
    """Random appends, removals, replacements and mention edits, each followed by lookups."""
    rng = random.Random(7)
    n = len(TEXT)

    def span() -> tuple[int, int]:
        s = rng.randrange(n - 1)
        return s, min(n, s + rng.randint(1, 40))

    for step in range(600):
        records = ex.actors if step % 2 else ex.places
        op = rng.random()
        if op < 0.35 or not records:
            make = actor if records is ex.actors else place
            records.append(make(ex, *(span() for _ in range(rng.randint(1, 3)))))
        elif op < 0.6:
            bisect.insort(rng.choice(records).mentions, span())
        elif op < 0.7:
            rec = rng.choice(records)
            if rec.mentions:
                rec.mentions.remove(rng.choice(rec.mentions))
        elif op < 0.8:
            records.remove(rng.choice(records))
        elif op < 0.9:
            i = rng.randrange(len(records))
            fresh = actor(ex, span()) if records is ex.actors else place(ex, span())
            fresh.id = records[i].id  # a record replaced under its id
            records[i] = fresh
        for _ in range(5):
            s, e = span()
            assert ex.actor_at(s, e) is scan_covering(ex.actors, s, e)
            assert ex.place_at(s, e) is scan_covering(ex.places, s, e)
            wanted = f"a{rng.randint(1, ex._counters['a'] + 1)}"
            assert ex.actor_by_id(wanted) is scan_by_id(ex.actors, wanted)
            wanted = f"p{rng.randint(1, ex._counters['p'] + 1)}"
            assert ex.place_by_id(wanted) is scan_by_id(ex.places, wanted)

"""Outlets from wire bylines, and publication dates normalised to ISO 8601."""

from __future__ import annotations

import json

import pytest

from newsevents.read import read_inputs
from newsevents.read.byline import outlet_from_byline
from newsevents.read.dates import normalise_published


@pytest.mark.parametrize("opening, outlet", [
    ("(MENAFN) The minister held a call", "MENAFN"),
    ("KYIV (Reuters) - Ukraine said", "Reuters"),
    ("KYIV, June 2 (Reuters) - Ukraine said", "Reuters"),
    ("BEIRUT, Lebanon (AP) — Israeli jets", "AP"),
    ("NEW DELHI, June 2 (Xinhua) -- India said", "Xinhua"),
    ("LONDON, June 2, 2025 /PRNewswire/ -- Acme Ltd", "PRNewswire"),
    ("(CNN)The president said", "CNN"),
    ("Paris (dpa) - Die Regierung", "dpa"),
    ("GAZA CITY, Gaza Strip (AP) — Palestinians said", "AP"),
    ("CANBERRA, Australia (AP)_ The government", "AP"),  # older AP copy
    ("HAVANA (AP ) --  The father said", "AP"),
    ("LOS ANGELES, April 05, 2018 (GLOBE NEWSWIRE) -- Investors", "GLOBE NEWSWIRE"),
    # Not bylines: a name with a parenthesis, an editorial note, no parenthesis, a dateline alone.
    ("Lavrov (Russia) said on Sunday", None),
    ("(UPDATE 1) Ukraine said", None),
    ("(Photos) The storm", None),
    ("(Undated) The boy will remain", None),
    ("Edmonton, Ky. (November 28, 2016) – Police received", None),
    ("The minister (Lavrov) said", None),
    ("KYIV, Ukraine — Russia launched", None),
    ("Russian Foreign Minister Sergey Lavrov", None),
])
def test_outlet_from_byline(opening, outlet):
    assert outlet_from_byline(opening) == outlet


def test_input_outlet_wins_over_byline_and_text_is_unchanged(tmp_path):
    text = "KYIV (Reuters) - Ukraine said on Monday that talks would resume."
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"text": text, "outlet": "Syndicated Daily"}) + "\n" + json.dumps({"text": text}))
    named, unnamed = read_inputs([str(path)])
    assert named.outlet == "Syndicated Daily"
    assert unnamed.outlet == "Reuters"
    assert named.text == unnamed.text == text


@pytest.mark.parametrize("value, iso", [
    ("2025-06-02", "2025-06-02"),
    ("20250602", "2025-06-02"),
    ("2025-06-02T10:00:00Z", "2025-06-02T10:00:00+00:00"),
    ("2025-06-02 10:00", "2025-06-02T10:00:00"),
    ("2025-06-02T10:00:00.123+02:00", "2025-06-02T10:00:00+02:00"),
    ("Mon, 02 Jun 2025 10:00:00 +0000", "2025-06-02T10:00:00+00:00"),
    ("June 2, 2025", "2025-06-02"),
    ("2 June 2025", "2025-06-02"),
    ("2025/06/02", "2025-06-02"),
    (1748858400, "2025-06-02T10:00:00+00:00"),
    (1748858400000, "2025-06-02T10:00:00+00:00"),
    (None, None),
    ("", None),
])
def test_published_is_normalised(value, iso):
    assert normalise_published(value) == iso


@pytest.mark.parametrize("value", ["yesterday", "02/06/2025", "2025-13-01", "2025-06-31", "2025-06", True, 12,
                                   ["2025-06-02"]])
def test_not_a_date(value):
    with pytest.raises(ValueError):
        normalise_published(value)


def test_language_codes_are_reduced_to_iso_639_1(tmp_path):
    path = tmp_path / "l.jsonl"
    path.write_text("\n".join(json.dumps({"text": "Some text here.", "language": lang})
                              for lang in ("en-US", "FR", None, "not a language")))
    assert [a.language for a in read_inputs([str(path)])] == ["en", "fr", "en", "en"]

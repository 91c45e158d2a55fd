"""End to end with the real pipeline: three reports of one strike, written for this test, are analysed,
stored, linked and shown; the three outlets end up on one canonical event whose figures are the range of
what each report says."""

from __future__ import annotations

from click.testing import CliRunner

from newsevents.cli import main
from newsevents.ingest import ingest
from newsevents.link import article_canonicals, find_story, get_story, link
from newsevents.model import Article
from newsevents.store import open_store

REPORTS = [
    Article(external_id="afp-1", outlet="Agence France-Presse", published="2024-03-14T09:10:00",
            title="Missile strike on Odesa port kills 14",
            text="A Russian missile strike on the port of Odesa killed 14 people on Thursday, regional governor "
                 "Oleh Kiper said.\n\nThe missiles hit warehouses near the grain terminal in the morning, Kiper said "
                 "on Telegram. Rescue teams were still searching the rubble."),
    Article(external_id="reuters-1", outlet="Reuters", published="2024-03-14T15:40:00",
            title="Odesa missile attack death toll climbs",
            text="Thursday's Russian missile attack on the port of Odesa killed 19 people, Ukraine's emergency "
                 "service said in the afternoon.\n\nThe strike damaged port warehouses and a grain terminal. "
                 "Russia's defence ministry said it had struck military targets in Odesa."),
    Article(external_id="kyivpost-1", outlet="Kyiv Post", published="2024-03-15T08:00:00",
            title="Odesa mourns 21 killed in missile strike",
            text="At least 21 people were killed when Russian missiles struck the port of Odesa on Thursday, city "
                 "officials said on Friday.\n\nThe governor declared a day of mourning. Russia denied targeting "
                 "civilians."),
]


def test_three_analysed_reports_meet_on_one_canonical_event(tmp_path, analyzer):
    db = tmp_path / "news.db"
    with open_store(db) as store:
        assert ingest(store, REPORTS, analyzer=analyzer).new == 3
        link(store)
        by_article = article_canonicals(store.db)
        leads = {by_article[store.find_article(a.external_id)][0] for a in REPORTS}
        assert len(leads) == 1, "the three articles' first events should be one canonical event"
        (canonical,) = leads
        view = get_story(store.db, find_story(store.db, canonical))
    event = next(e for e in view.events if e.id == canonical)
    assert {"Agence France-Presse", "Reuters", "Kyiv Post"} <= set(event.row["outlets"])
    figures = [r.fatalities for r in event.members if r.fatalities]
    assert figures, "at least one report gives a death toll"
    lows = [f.low for f in figures]
    highs = [f.high if f.high is not None else f.low for f in figures]
    # the canonical figures are the range over the sources, never an average
    assert (event.row["fatalities_min"], event.row["fatalities_max"]) == (min(lows), max(highs + lows))
    shown = CliRunner(env={"COLUMNS": "250"}).invoke(main, ["story", canonical, "--db", str(db)])
    assert shown.exit_code == 0
    for f in figures:
        assert f.text() in shown.output

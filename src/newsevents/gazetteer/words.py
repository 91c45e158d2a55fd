"""English words that are not names: what tells "Reading the report" from "shelling in Donetsk".

Place names that are also English adjectives, verbs or adverbs ("Nice", "Reading", "Split") need the
tagger to call them proper nouns before a gazetteer match counts. A capitalised word the tagger got
wrong ("Donetsk" tagged NOUN in a headline) is not an English word of those classes, so it does not
need the tagger's agreement. The word lists are the model's own lemmatizer tables (WordNet-derived),
read once; nouns are left out because WordNet lists proper nouns ("paris", "donetsk") among them.
"""

from __future__ import annotations

from functools import lru_cache

# Months and weekdays name times, not places ("May", "Nov", "March"), whatever the gazetteer says.
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})

# Head nouns of named places and sites: "Luhansk Airport" or "Luhansk Oblast" is no person, whatever NER says.
PLACE_HEADS = frozenset({
    "airport", "airfield", "airbase", "oblast", "region", "province", "krai", "district", "raion", "rayon",
    "county", "city", "town", "village", "square", "street", "avenue", "bridge", "station", "port",
    "checkpoint", "mound", "hill", "river", "lake", "valley", "island", "islands", "mountains", "mount",
    "plant", "dam", "base", "camp", "border", "crossing", "highway", "state", "republic", "territory",
})


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case English adjectives, adverbs and verbs (base forms), from the model's lemmatizer tables."""
    from newsevents.nlp import load_model

    try:
        table = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError):  # a model without lookup tables: no word list, the tagger alone decides
        return frozenset()
    words: set[str] = set()
    for pos in ("adj", "adv", "verb"):
        if pos in table:
            words.update(w for w in table[pos] if w.isalpha())
    return frozenset(words)

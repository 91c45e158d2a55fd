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


# Words after a place's name that make the whole an institution, not a longer place name: "North Las
# Vegas Police", "Alachua County Sheriff", "Dublin City Manager". Cut off when the gazetteer knows the
# name before them and not the whole ("Boulder City" is a town and stays whole).
INSTITUTION_WORDS = frozenset({
    "police", "sheriff", "sheriff's", "sheriff’s", "marshal", "department", "dept", "council", "fire",
    "court", "city", "schools", "school", "university", "college", "hospital", "government", "administration",
    "officials", "authorities", "board", "commission", "office", "manager", "attorney", "jury", "mayor",
    "prosecutor", "commonwealth's", "commonwealth’s", "public", "library", "museum", "zoo",
})

# Lower-case kind words NER runs into a place's name ("the Hebei province", "Pingliang city"): the
# toponym is the name; the word is a cue the resolver reads after it. ("state" is left on: "Benue state"
# is how the name is written.)
KIND_WORDS = frozenset({
    "province", "provinces", "region", "regions", "city", "village", "town", "district", "oblast", "oblasts",
    "raion", "rayon", "area", "municipality", "governorate", "prefecture", "county", "island", "islands",
})

# Capitalised words that end a street's name: "Van Dorn Street", "Memphis St.", "Pingle Drive".
STREET_WORDS = frozenset({
    "street", "st.", "avenue", "ave", "ave.", "road", "rd.", "drive", "boulevard", "blvd", "blvd.", "lane",
    "ln.", "parkway", "pkwy", "terrace", "pike", "highway", "hwy",
})

# A title before a single name makes it a person's: "coach Ripley", "Gen. Cartwright", "Mr. Arlington".
PERSON_TITLES = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sen", "sen.",
    "senator", "rep", "rep.", "representative", "gov", "gov.", "governor", "judge", "justice", "officer", "sgt",
    "sgt.", "sergeant", "lt", "lt.", "lieutenant", "capt", "capt.", "captain", "gen.", "col", "col.",
    "colonel", "maj.", "president", "pastor", "rev", "rev.", "reverend", "father", "sister", "brother", "coach",
    "uncle", "aunt", "detective", "deputy", "trooper", "chancellor", "pope", "king", "queen", "prince",
    "princess", "lord", "lady", "sir", "dame", "mayor", "secretary", "minister", "premier", "councilman",
    "councilwoman", "councillor", "commissioner", "sheriff", "bishop", "rabbi", "imam", "cardinal",
    # kin and trades that stand before a person's name: "his daughter Yulia", "street artist Banksy"
    "daughter", "son", "wife", "husband", "mother", "cousin", "nephew", "niece", "grandson", "granddaughter",
    "grandmother", "grandfather", "boyfriend", "girlfriend", "artist", "singer", "actor", "actress", "rapper",
    "author", "writer", "poet", "striker", "midfielder", "defender", "goalkeeper", "quarterback", "pitcher",
    "chef", "spokesman", "spokeswoman", "spokesperson",
})

# Words after a name that make it a disease's or a breed's, not the place's: "West Nile virus", "Hong Kong
# flu", "Marburg hemorrhagic fever", "Reston ebolavirus".
DISEASE_WORDS = frozenset({
    "virus", "viruses", "ebolavirus", "flu", "influenza", "fever", "disease", "strain", "syndrome", "variant",
})

# Nouns that a place's name modifies when it says where people or things are from: "Gainesville
# residents", "a Rochester man", "Alexandria police", "the Tega Cay Fire Department".
RESIDENT_HEADS = frozenset({
    "resident", "residents", "native", "natives", "man", "men", "woman", "women", "boy", "boys", "girl",
    "girls", "teen", "teens", "teenager", "family", "families", "police", "officer", "officers", "mayor",
    "area", "neighborhood", "neighbourhood", "restaurant", "restaurants", "home", "homes", "homeowner",
    "homeowners", "business", "businesses", "community", "council", "department", "sheriff", "firefighters",
    "school", "schools", "hospital", "voters", "citizens", "locals", "parents", "students", "couple",
    "mother", "father", "spokesperson", "spokesman", "spokeswoman", "councillor", "councilor", "lawmakers",
    "newspaper", "city", "suburb", "church", "airport", "station", "shop", "store", "stores", "plant", "factory",
})

# Names that are never places here, whatever the gazetteer holds: deities and scripture's persons.
NEVER_PLACES = frozenset({"god", "lord", "allah", "jesus", "christ", "heaven", "satan"})

# Words after a name that make it a holiday or an occasion ("Bastille Day", "Australia Day", "Christmas Eve").
OCCASION_WORDS = frozenset({"day", "eve"})


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """Lower-case single-word language names that are not also prominent places (``data/language_names.tsv``)."""
    from pathlib import Path

    path = Path(__file__).with_name("data") / "language_names.tsv"
    with path.open(encoding="utf-8") as fh:
        return frozenset(line.strip().lower() for line in fh if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words of every open class (nouns too), to tell an English sentence from another
    language's: a name like "Hoy" or "Senado" in quoted Spanish is no English toponym."""
    from newsevents.nlp import load_model

    try:
        table = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError):
        return frozenset()
    words: set[str] = set()
    for pos in ("adj", "adv", "verb", "noun"):
        if pos in table:
            words.update(w for w in table[pos] if w.isalpha())
    return frozenset(words)

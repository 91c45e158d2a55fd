"""Incidents: what PLOVER leaves to contexts and ACLED does not code, but the news reports as happenings.

Three categories, read per sentence from cue words with light parse checks (definitions after the
CASE 2021 note and common usage, not fitted to rows):

- ``natural_disaster``: earthquakes, floods, storms, eruptions, landslides, wildfires, extreme weather;
- ``man_made_disaster``: accidents and industrial disasters: crashes and collisions of vehicles,
  derailments, capsized boats, collapsed structures, leaks and spills of hazardous substances,
  accidental fires and explosions (gas, boilers, factories), mass poisonings, stampedes;
- ``crime``: organised and ordinary crime: smuggling, trafficking, drugs, robbery, theft, fraud,
  corruption, extortion, poaching.

A sentence whose violence is political (a bomb, an attack by armed men) is the events' business, so an
explosion counts as accidental only with an accidental cause and no weapon or attacker in sight.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

NATURAL = frozenset(
    "earthquake quake aftershock tremor flood flooding floodwater deluge hurricane cyclone typhoon tornado "
    "drought volcano eruption landslide mudslide landslip tsunami wildfire bushfire avalanche blizzard "
    "snowstorm snowfall heatwave hailstorm sandstorm monsoon downpour inundation".split())
_WEATHER = frozenset("rain rainfall snow storm wind".split())  # natural when heavy/torrential/strong
_WEATHER_MODS = frozenset("heavy torrential strong severe tropical flash freezing extreme".split())

_VEHICLES = frozenset("plane aircraft airliner jet helicopter car bus train truck lorry van vehicle motorcycle "
                      "minibus tanker ship boat ferry vessel road highway motorist driver".split())
_STRUCTURES = frozenset("building bridge dam mine roof wall dyke dike tower stadium structure house block "
                        "ceiling scaffolding tunnel".split())
_HAZARDS = frozenset("gas oil chemical chlorine ammonia oxygen toxic crude fuel radiation petrol diesel "
                     "sewage acid".split())
_ACCIDENT_WORDS = frozenset("accident collision derailment derail capsize shipwreck stampede electrocution "
                            "poisoning mishap".split())
_CRASH = frozenset(("crash", "plunge", "overturn", "collide"))
_SPILL = frozenset(("leak", "leakage", "spill"))
_FIRE = frozenset(("fire", "blaze", "inferno"))
_BLAST = frozenset(("explosion", "explode", "blast", "blow"))
# what explodes by accident
ACCIDENTAL_CAUSES = frozenset("gas propane cylinder boiler tank pipeline factory plant refinery warehouse chemical "
                              "firework fireworks fuel petroleum tanker coal furnace reactor transformer "
                              "cooking".split())
# what makes an explosion an attack
WEAPON_CUES = frozenset("bomb bomber bombing ied explosive device militant attack attacker terrorist suicide "
                        "grenade landmine mine rocket missile shell mortar drone gunman insurgent rebel "
                        "jihadist detonate plant claim".split())
_GUNFIRE_HEADS = frozenset("open exchange return trade cease set come light start ignite".split())
# fires somebody lit: arson and rioting, not accidents
_DELIBERATE_FIRE = frozenset("arson arsonist torch protester protestor demonstrator rioter riot crowd "
                             "mob".split())


def _ceasefire(tok: Token) -> bool:
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "–") and doc[tok.i - 2].lower_ == "cease"

_FIRE_OWNERS = frozenset("rebel army enemy artillery mortar tank sniper machine gun rocket militant militia "
                         "troop force military separatist insurgent cross return".split())
_HOSTILE_FIRE_HEADS = frozenset("open exchange return trade come under cross".split())


def hostile_fire(tok: Token) -> bool:
    """ "killed by rebel fire", "came under fire", "the Ukrainian army's fire": shooting, not a blaze."""
    if _lemma(tok) != "fire" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if _lemma(tok.head) in _HOSTILE_FIRE_HEADS:
        return True
    if any(c.dep_ in ("compound", "amod", "poss", "nmod") and (
            _lemma(c) in _FIRE_OWNERS or c.ent_type_ in ("NORP", "GPE", "ORG")) for c in tok.children):
        return True
    # the word just before, where the parser attached it elsewhere ("artillery fire - spokesman")
    k = tok.i - 1
    if k >= 0 and tok.doc[k].text in ("'s", "’s", "'", "’"):
        k -= 1
    return k >= 0 and (_lemma(tok.doc[k]) in _FIRE_OWNERS or tok.doc[k].ent_type_ == "NORP")


CRIME = frozenset(
    "smuggle smuggler smuggling trafficking trafficker drug narcotic cocaine heroin methamphetamine meth "
    "cannabis marijuana cartel robbery rob robber burglary burglar theft thief steal fraud fraudster scam "
    "scammer embezzle embezzlement launder laundering bribe bribery corruption counterfeit pornography "
    "extortion extort poach poacher poaching mafia racketeering ransom thug".split())
_CRIME_FORMS = frozenset(("stolen", "trafficking", "trafficked"))

CATEGORIES = ("natural_disaster", "man_made_disaster", "crime")


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _near(sent: Span, words: frozenset[str]) -> bool:
    return any(_lemma(t) in words or t.lower_ in words for t in sent)


def accidental_explosion(sent: Span) -> bool:
    """An explosion, blast or fire with an accidental cause and no weapon or attacker named."""
    lemmas = {_lemma(t) for t in sent} | {t.lower_ for t in sent}
    if not lemmas & (_BLAST | _FIRE):
        return False
    return bool(lemmas & ACCIDENTAL_CAUSES) and not lemmas & WEAPON_CUES


def _natural_cue(tok: Token) -> bool:
    lem = _lemma(tok)
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return lem == "erupt" and any(_lemma(c) in ("volcano", "mount", "mountain") for c in tok.subtree)
    if lem in NATURAL or tok.lower_ in NATURAL:
        return True
    if lem in _WEATHER:
        return tok.pos_ == "PROPN" or any(_lemma(c) in _WEATHER_MODS for c in tok.children)
    return False


def _man_made_cue(tok: Token, sent: Span) -> bool:
    lem = _lemma(tok)
    if lem in _ACCIDENT_WORDS:
        return True
    if lem in _CRASH:
        return _near(sent, _VEHICLES)
    if lem in _SPILL:
        return _near(sent, _HAZARDS)
    if lem == "collapse":
        return _near(sent, _STRUCTURES)
    if lem in _FIRE and tok.pos_ in ("NOUN", "PROPN"):
        # "opened fire", "exchange of fire", "set fire to": shooting and arson, not an accident
        head = tok.head if tok.dep_ != "pobj" else tok.head.head
        if _lemma(head) in _GUNFIRE_HEADS or tok.lower_ in ("gunfire", "crossfire") or _ceasefire(tok) \
                or hostile_fire(tok):
            return False
        return not _near(sent, WEAPON_CUES | _DELIBERATE_FIRE)
    if lem == "catch" and any(_lemma(c) == "fire" for c in tok.children):
        return True
    if lem in _BLAST:
        return accidental_explosion(sent)
    return False


def _crime_cue(tok: Token) -> bool:
    return _lemma(tok) in CRIME or tok.lower_ in _CRIME_FORMS


def incident_cue(sent: Span) -> tuple[str, Token] | None:
    """The sentence's incident category and the word that cues it, or None.

    Disasters before crime: a sentence about looting after a flood is about the flood.
    """
    found: dict[str, Token] = {}
    for tok in sent:
        for category, test in (("natural_disaster", _natural_cue(tok)),
                               ("man_made_disaster", _man_made_cue(tok, sent)),
                               ("crime", _crime_cue(tok))):
            if test and category not in found:
                found[category] = tok
    for category in CATEGORIES:
        if category in found:
            return category, found[category]
    return None

"""The two taxonomies events are coded in: PLOVER (types, modes, contexts) and ACLED (types, sub-types).

PLOVER follows the PLOVER manual (Open Event Data Alliance, CC BY-SA 4.0); ACLED follows the ACLED
codebook's current taxonomy (6 event types, 25 sub-event types), spelled exactly as ACLED spells them so
our output drops into ACLED-based analyses.
"""

from __future__ import annotations

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# Quad classes (verbal/material cooperation/conflict), as the manual groups the types.
PLOVER_QUAD: dict[str, str] = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict", "THREATEN": "verbal conflict", "PROTEST": "material conflict",
    "SANCTION": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}

# Modes per type (manual tables). ASSAULT adds "aerial" and "drone" (air/drone strikes), which the seed's
# analysts and ACLED both distinguish and which the manual's weapon list leaves to "heavy-weapons".
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "allege", "investigate", "sue"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"),
    "SANCTION": ("convict", "cancel", "expel", "withdraw", "sever"),
    "MOBILIZE": ("troops", "weapons", "police"),
    "COERCE": ("confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold"),
    "ASSAULT": ("abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "heavy-weapons", "aerial", "drone", "cbrn"),
}

# General context labels of the manual, plus two finer disaster labels of ours (the manual's
# "enviro_disaster" covers both natural disasters and accidents; analysts often need them apart).
PLOVER_CONTEXTS: tuple[str, ...] = (
    "political", "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "culture",
    "disease", "enviro_disaster", "migration", "humanitarian", "legal", "human_rights", "rights_freedoms",
    "gender", "lgbt", "terrorism", "human_security", "religion_ethnicity", "government", "election",
    "legislative", "cbrn", "cyber", "political_institutions", "corruption", "crime", "crime_murder",
    "crime_theft", "crime_drugs", "crime_sexual", "future", "historical", "hypothetical", "negation",
    "natural_disaster", "accident", "claim_responsibility",
)

# The gold-standard records use PLOVER 0.5 names; this is how they map to the 16 current types
# (with the mode the merged category keeps).
PLOVER_OLD_NAMES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
    "YIELD": ("RETREAT", None),
}

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ACLED_TAXONOMY: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: ("Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                 "Remote explosive/landmine/IED", "Grenade"),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction",
                "Non-violent transfer of territory", "Other"),
}

ACLED_EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in ACLED_TAXONOMY.items() for sub in subs}

# ACLED's pre-2019 event types (e.g. the 2016 All-Africa file) and the current types they became.
# "Riots/Protests" split into two current types, so it maps to both.
ACLED_OLD_TYPES: dict[str, tuple[str, ...]] = {
    "Battle-No change of territory": (BATTLES,),
    "Battle-Government regains territory": (BATTLES,),
    "Battle-Non-state actor overtakes territory": (BATTLES,),
    "Remote violence": (EXPLOSIONS,),
    "Violence against civilians": (VAC,),
    "Riots/Protests": (PROTESTS, RIOTS),
    "Strategic development": (STRATEGIC,),
    "Non-violent transfer of territory": (STRATEGIC,),
    "Headquarters or base established": (STRATEGIC,),
}


def acled(sub_event_type: str) -> dict[str, str]:
    """The ``Event.acled`` record for a sub-event type (raises on a misspelt name)."""
    return {"event_type": ACLED_EVENT_TYPE_OF[sub_event_type], "sub_event_type": sub_event_type}

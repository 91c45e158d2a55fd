"""ACLED coding of an event already typed in PLOVER: which of the 25 sub-event types it is, if any.

Follows the ACLED codebook's definitions: remote violence is typed by its weapon whoever the target is
(an air strike on a market is an "Air/drone strike"); an armed clash needs armed parties on both sides;
one-sided violence on civilians by other means is "Violence against civilians"; a protest is typed by
how it was met (intervention, excessive force) or by the protesters' own violence (riot); strategic
developments are the non-violent events ACLED records (agreements, arrests, interceptions, bases...).
ACLED codes what happened, so planned, threatened, hypothetical and negated events get no ACLED type.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsevents.events.lexicon import (
    CIVILIAN_OBJECTS,
    CLASH_WORDS,
    MILITARY_OBJECTS,
    POLICE_OBJECTS,
    RETAKE_WORDS,
    TERRITORY_GAIN_WORDS,
    WORD_CLASSES,
)

ARMED_SECTORS = frozenset(("MIL", "REB", "COP", "UAF", "PRM", "SPY"))
STATE_SECTORS = frozenset(("MIL", "COP", "GOV", "JUD", "SPY"))
CODED_STATUSES = frozenset(("occurred", "claimed", "denied"))

_PROTESTERS = frozenset("protester protestor demonstrator marcher rioter crowd striker picketer "
                        "protest demonstration rioting protesting striking demonstrating".split())
_INTERVENTION = frozenset("disperse tear gas arrest detain cannon rubber baton teargas stun break "
                          "intervene suppress crack detention".split())
_LETHAL = frozenset("kill dead death live ammunition shoot fire bullet".split())
_RIOTING = frozenset("stone rock burn torch loot vandalize vandalise throw hurl petrol molotov smash "
                     "riot rioter violent clash attack set ablaze violence aggressive bottle firecracker "
                     "vandalism arson barricade tire tyre".split())  # the codebook: road-blocking with barricades, burning tires
_MOB = frozenset("mob lynch vigilante".split())
_CRIME = frozenset("smuggler smuggling drug trafficking robbery theft thief burglar fraud robber "
                   "murder suspect poacher poaching scam".split())
_POLITICAL_PEOPLE = frozenset("protester demonstrator activist journalist opposition militant rebel "
                              "fighter member supporter leader politician candidate soldier terrorist "
                              "insurgent jihadist extremist separatist".split())
_BASE_WORDS = frozenset("base headquarters post outpost camp checkpoint position point garrison "
                        "barracks".split())
_ABDUCT_TERMS = frozenset(("abduct",))


@dataclass
class AcledInput:
    """What the rules read about one event, gathered by the events extractor."""

    plover_type: str
    modes: list[str]
    hint: str | None  # a sub-type fixed by the trigger word ("Arrests", "Disrupted weapons use")
    status: str
    trigger_lemmas: set[str]
    clause_lemmas: set[str]
    sentence_lemmas: set[str]
    patient_lemmas: set[str]
    agent_sectors: list[str | None]
    recipient_sectors: list[str | None]
    partner_sectors: list[str | None]
    has_partners: bool = False
    fatalities: int | None = None
    injured: int | None = None
    agent_countries: list[str] = field(default_factory=list)  # ISO3
    place_countries: list[str] = field(default_factory=list)  # ISO3
    consequence_only: bool = False  # a toll with no act named ("a boy was injured when a UXO went off")
    agent_lemmas: set[str] = field(default_factory=set)  # heads of the agent phrases ("rioters", "police")
    patient_is_person: bool = False  # someone, not something, was hit ("a shopkeeper", "him")
    future: bool = False  # an intention (PLOVER AGREE/THREATEN of a future act), not the act


class Guess(str):
    """A sub-event type read from no specific cue (the fallback of its rule): less sure than the rest."""


def acled_sub_event(x: AcledInput) -> str | None:
    if x.status not in CODED_STATUSES:
        return None
    rule = _RULES.get(x.plover_type)
    return rule(x) if rule else None


# Ordinary and organised crime, which ACLED leaves out unless armed political groups are involved
_ORGANISED_CRIME = frozenset("smuggle smuggler smuggling trafficker trafficking drug narcotic cocaine heroin cartel "
                             "robbery robber burglar burglary thief theft fraud fraudster scam pornography "
                             "extortion poacher poaching counterfeit launder laundering thug".split())


_EXPLOSIVE_MODES = frozenset(("grenade", "explosives", "aerial", "drone", "heavy-weapons", "cbrn", "suicide-attack"))


def _ordinary_crime(x: AcledInput) -> bool:
    if not (x.patient_lemmas | x.agent_lemmas | x.clause_lemmas) & _ORGANISED_CRIME:
        return False
    if x.patient_lemmas & (WORD_CLASSES["weapon_cache"] | _POLITICAL_PEOPLE):
        return False
    return not any(s in ("REB", "MIL", "UAF", "PRM") for s in x.agent_sectors + x.recipient_sectors)


def _assault(x: AcledInput) -> str | None:
    modes = set(x.modes)
    if _ordinary_crime(x) and not x.sentence_lemmas & _MOB and not modes & _EXPLOSIVE_MODES:
        return None
    if x.hint == "Disrupted weapons use":
        return x.hint
    if x.hint == "Mob violence" or x.sentence_lemmas & _MOB or x.agent_lemmas & _MOB:
        return "Mob violence"
    if _protesters_hit(x) or _policing_a_protest(x):
        met = _protest_met(x)
        if met == "Peaceful protest":
            # an assault is never a peaceful protest, even beside one that was ("some rallied peacefully,
            # others clashed with police"): force used on the crowd is an intervention, the crowd's own a riot
            return "Protest with intervention" if x.agent_lemmas & _FORCE else "Violent demonstration"
        return met
    if x.trigger_lemmas & TERRITORY_GAIN_WORDS and (x.patient_lemmas & WORD_CLASSES["territory"]
                                                     or "control" in x.clause_lemmas) or \
            x.trigger_lemmas & _DRIVE_OUT and x.clause_lemmas & WORD_CLASSES["territory"]:
        # "drove the militants back from a key village": the ground changed hands
        if _unopposed(x):
            return "Non-violent transfer of territory"
        return _territory(x)
    if "cbrn" in modes:
        return "Chemical weapon"
    if "suicide-attack" in modes:
        return "Suicide bomb"
    clash = bool(x.trigger_lemmas & CLASH_WORDS) or _two_armed_sides(x)
    if modes & {"aerial", "drone"}:
        return "Air/drone strike"
    if "grenade" in modes and not (clash and "firearms" in modes):
        return "Grenade"
    if "explosives" in modes and x.consequence_only:
        return "Remote explosive/landmine/IED"  # an unexploded munition or mine going off
    if "heavy-weapons" in modes:
        if clash and ("firearms" in modes or x.trigger_lemmas & CLASH_WORDS):
            return "Armed clash"
        return "Shelling/artillery/missile attack"
    if "explosives" in modes and not clash:
        return "Remote explosive/landmine/IED"
    if x.hint == "Armed clash":
        return x.hint  # a side's losses in war ("lost 140 servicemen"), told with no weapon that caused them
    if _crowd_violence(x):
        # unarmed crowds fighting or wrecking: a riot, not an armed clash or property destruction
        return "Violent demonstration" if x.sentence_lemmas & _PROTEST_WORDS else "Mob violence"
    if "sexual" in modes:
        return "Sexual violence"
    if "abduct" in modes:
        # abducted and then killed: the codebook records the killing
        return "Attack" if x.fatalities or "kill" in x.trigger_lemmas else "Abduction/forced disappearance"
    if x.hint == "Looting/property destruction":
        return x.hint
    if clash and (x.has_partners or not (_civilian_target(x) and not _armed_target(x))):
        return "Armed clash"
    if x.trigger_lemmas & {"strike", "counterstrike"} and not x.patient_is_person and not _people(x.patient_lemmas) \
            and not x.agent_lemmas & _ARMED_NOUNS and x.patient_lemmas & _BUILDINGS:
        # "a strike on a residential building": a remote weapon hit it, whoever was inside
        return Guess("Shelling/artillery/missile attack")
    if _property_only(x) or "destroy" in modes and not (x.fatalities or x.injured or x.patient_is_person):
        return "Looting/property destruction"
    if _civilian_target(x):
        return "Attack"
    if _armed_target(x):
        return "Armed clash"
    if x.trigger_lemmas & {"strike", "counterstrike"} and not x.patient_is_person:
        return Guess("Shelling/artillery/missile attack")  # a military strike that names no aircraft
    if x.trigger_lemmas & _ONE_SIDED:
        return "Attack"  # executions and massacres are one-sided violence whoever commits them
    if x.patient_lemmas & CIVILIAN_OBJECTS:
        return Guess("Attack")  # "gunmen attacked a village"
    return Guess("Armed clash" if any(s in ARMED_SECTORS for s in x.agent_sectors) else "Attack")


_PROTEST_WORDS = frozenset("protest protester protestor demonstration demonstrator rally march strike striker "
                           "riot rioter sit picket rioting protesting demonstrating".split())
_CROWDS = frozenset("rioter protester protestor demonstrator crowd mob youth resident villager student "
                    "supporter driver trader vigilante fan worker parent".split())


_ONE_SIDED = frozenset("execute execution massacre behead beheading lynch lynching".split())
_DRIVE_OUT = frozenset("drive push oust expel".split())
_UNOPPOSED = frozenset("withdraw withdrawal handover unopposed peacefully pullout".split())


def _unopposed(x: AcledInput) -> bool:
    """The codebook's non-violent transfer: ground taken with no fighting, as the other side withdrew or
    handed it over, or "without (encountering any) resistance"."""
    if x.sentence_lemmas & _UNOPPOSED:
        return True
    return "resistance" in x.sentence_lemmas and bool(x.sentence_lemmas & {"without", "no", "not", "any"})


def _crowd_violence(x: AcledInput) -> bool:
    """Violence by people who are not an armed force: rioters, residents, supporters, students."""
    if x.agent_lemmas & {"rioter", "protester", "protestor", "demonstrator"}:
        return True  # rioters who "clashed with police" riot; the police are not what makes it a clash
    if x.agent_lemmas & _CROWDS and not any(s in ("MIL", "REB", "UAF", "PRM") for s in x.agent_sectors) \
            and not x.agent_lemmas & (_ARMED_NOUNS - _POLICE_NOUNS):
        return True  # "residents clashed with police": a riot
    if any(s in ARMED_SECTORS for s in x.agent_sectors) or x.agent_lemmas & _ARMED_NOUNS:
        return False
    if x.agent_lemmas & _CROWDS:
        return True
    # no named agent, but the sentence is about rioters or protesters
    return not x.agent_lemmas and bool(x.sentence_lemmas & {"rioter", "protester", "demonstrator", "riot"})


_ARMED_NOUNS = frozenset("gunman gunmen militant militia militiaman rebel fighter soldier troop army police "
                         "policeman officer gendarme force forces attacker assailant bandit jihadist insurgent "
                         "herdsman".split())


def _protesters_hit(x: AcledInput) -> bool:
    hit = x.patient_lemmas & _PROTESTERS
    # a crowd is protesters only where the text is about a protest ("fired on a crowd near a cafe" is not)
    return bool(hit - {"crowd"}) or bool(hit) and bool(x.sentence_lemmas & _PROTEST_WORDS)


_POLICE_NOUNS = frozenset("police policeman officer gendarme".split())


def _policing_a_protest(x: AcledInput) -> bool:
    """Police or troops acting where protesters are: how the protest was met."""
    police = x.agent_lemmas & {"police", "policeman", "officer", "gendarme", "gendarmerie", "soldier", "troop",
                               "force", "forces"} or any(s in ("COP",) for s in x.agent_sectors)
    return bool(police) and bool(x.sentence_lemmas & {"protester", "protestor", "demonstrator", "protest",
                                                       "demonstration", "rally", "march", "striker"})


_BUILDINGS = frozenset("bridge railway rail infrastructure house home residence building school hospital market "
                       "residential apartment church mosque shop store farm road car bus train station plant "
                       "power grid facility dwelling".split())
_PEOPLE = frozenset("people person civilian man woman child villager resident worker farmer family "
                    "passenger student teacher journalist boy girl".split())


def _people(lemmas: Iterable[str]) -> bool:
    return bool(set(lemmas) & _PEOPLE)


_PROPERTY = frozenset("car vehicle windscreen window office building house home shop store property "
                      "monument statue tomb shrine church mosque school truck bus door gate fence".split())


def _property_only(x: AcledInput) -> bool:
    """Shots at a car, a torched office: violence against things, with nobody hurt."""
    if x.fatalities or x.injured or not x.patient_lemmas & _PROPERTY:
        return False
    if x.patient_lemmas & (MILITARY_OBJECTS | POLICE_OBJECTS | _PEOPLE):
        return False
    return not set(x.modes) & {"heavy-weapons", "aerial", "drone", "explosives"}


def _two_armed_sides(x: AcledInput) -> bool:
    sides = [s for s in x.agent_sectors if s in ARMED_SECTORS]
    others = [s for s in x.recipient_sectors + x.partner_sectors if s in ARMED_SECTORS]
    return bool(sides and others) or bool(x.has_partners and others)


def _civilian_target(x: AcledInput) -> bool:
    if any(s == "CVL" for s in x.recipient_sectors):
        return True
    if x.patient_lemmas & (MILITARY_OBJECTS | POLICE_OBJECTS):
        return False
    return x.patient_is_person or _people(x.patient_lemmas)


def _armed_target(x: AcledInput) -> bool:
    if any(s in ARMED_SECTORS for s in x.recipient_sectors):
        return True
    return bool(x.patient_lemmas & (MILITARY_OBJECTS | POLICE_OBJECTS))


def _territory(x: AcledInput) -> str:
    # "Government regains territory" is a state retaking its own ground; a foreign army taking it is,
    # to the codebook, a non-state actor as far as that territory is concerned.
    own = not x.place_countries or not x.agent_countries or bool(set(x.agent_countries) & set(x.place_countries))
    if any(s in STATE_SECTORS for s in x.agent_sectors):
        return "Government regains territory" if own else "Non-state actor overtakes territory"
    if any(s in ("REB", "UAF", "PRM") for s in x.agent_sectors):
        return "Non-state actor overtakes territory"
    return "Government regains territory" if x.trigger_lemmas & RETAKE_WORDS else \
        "Non-state actor overtakes territory"


def _protest(x: AcledInput) -> str | None:
    if x.trigger_lemmas & _PEACEFUL or x.clause_lemmas & _PEACEFUL:
        return _protest_met(x)  # a protest the text calls peaceful is met, not a riot
    if "riot" in x.modes or x.sentence_lemmas & _MOB or x.agent_lemmas & {"rioter"}:
        return "Mob violence" if x.sentence_lemmas & _MOB else "Violent demonstration"
    return _protest_met(x)


_FORCE = frozenset("police policeman officer security force forces soldier troop army gendarme gendarmerie "
                   "guard militia".split())


_CLASHING = frozenset("clash riot rioting rioter".split())
# what only a crowd does at a protest (police do not throw stones or loot)
_CROWD_ACTS = frozenset("stone rock throw hurl pelt petrol molotov smash loot vandalize vandalise torch "
                        "aggressive bottle firecracker arson vandalism barricade tire tyre".split())
_HARSH = frozenset("violently brutally brutal beat injure wound hospitalize hospitalise savagely".split())
_PEACEFUL = frozenset(("peaceful", "peacefully"))


def _protest_met(x: AcledInput) -> str:
    """ACLED: excessive force is lethal violence or serious injury against protesters who were not
    violent themselves; intervention is dispersal, arrests, tear gas; a violent crowd is a riot."""
    words = x.sentence_lemmas
    forced = bool(words & _FORCE) or bool(words & {"gunfire", "sniper"})
    if words & _CLASHING and not words & _PEACEFUL:
        return "Violent demonstration"  # protesters who fight back riot, however they were met
    if words & _CROWD_ACTS and not words & _PEACEFUL:
        # the codebook's excessive force is against protesters who were not violent themselves: a
        # crowd that throws stones or loots riots, however many it lost
        return "Violent demonstration"
    if forced and (x.fatalities or (words & _LETHAL and words & {"kill", "dead", "live", "bullet", "death"})):
        return "Excessive force against protesters"
    if forced and words & _HARSH and words & _PEACEFUL:
        return "Excessive force against protesters"  # "violently dispersed a peaceful march"
    if words & _RIOTING and not words & _PEACEFUL:
        return "Violent demonstration"
    if forced and (x.injured or words & _HARSH):
        return "Excessive force against protesters"
    if words & _INTERVENTION and forced or words & {"tear", "teargas", "cannon", "rubber"}:
        return "Protest with intervention"
    return "Peaceful protest"


_REMAINS = frozenset("fragment remnant debris shrapnel casing remains shell-casing".split())
_WENT_OFF = frozenset("explode blow detonate explosion blast".split())
_HURT = frozenset("kill die dead death wound injure injured".split())


def _coerce(x: AcledInput) -> str | None:
    if x.patient_lemmas & _PROTESTERS or x.sentence_lemmas & _PROTEST_WORDS and x.plover_type == "COERCE" \
            and ("arrest" in x.modes or "restrict" in x.modes):
        return _protest_met(x)  # arrests at a protest are how the protest was met
    if x.hint == "Disrupted weapons use" or "confiscate" in x.modes and x.patient_lemmas & WORD_CLASSES["weapon_cache"]:
        if x.patient_lemmas & _REMAINS:
            return None  # fragments recovered at a scene are evidence, not a seizure
        if (x.agent_lemmas | x.clause_lemmas) & WORD_CLASSES["aircraft"]:
            return "Air/drone strike"  # warplanes that destroy a depot strike from the air; the means decides
        if x.sentence_lemmas & _WENT_OFF and x.sentence_lemmas & ({"try", "attempt"} | _HURT):
            # the device went off while being defused, or a find told beside a blast that killed:
            # the codebook codes a disruption only when the weapon was not used
            return "Remote explosive/landmine/IED"
        return "Disrupted weapons use"
    if x.hint == "Arrests":
        # ACLED records politically relevant arrests (not sentences, not ordinary crime).
        if x.sentence_lemmas & _CRIME and not x.patient_lemmas & _POLITICAL_PEOPLE:
            return None
        return "Arrests"
    if "confiscate" in x.modes and x.patient_lemmas & WORD_CLASSES["weapon_cache"]:
        return "Disrupted weapons use"
    return None


_AGREEMENT_NOUNS = frozenset("agreement deal accord treaty truce ceasefire pact memorandum settlement "
                             "peace exchange".split())


_PEACE_WORDS = frozenset("peace ceasefire truce settlement reconciliation armistice".split())


def _agree(x: AcledInput) -> str | None:
    if x.future:
        return None  # a promise to sign is not yet an agreement
    words = x.trigger_lemmas | x.clause_lemmas
    if words & _AGREEMENT_NOUNS or {"cease", "fire"} <= words:  # "cease-fire" is three tokens
        return "Agreement"
    return None


def _consult(x: AcledInput) -> str | None:
    # the codebook's "Agreement" covers peace talks between the parties to a conflict
    if (x.trigger_lemmas | x.clause_lemmas) & _PEACE_WORDS:
        return "Agreement"
    return None


def _retreat(x: AcledInput) -> str | None:
    if x.hint == "Change to group/activity":
        return x.hint
    if "release" in x.modes and x.clause_lemmas & {"exchange", "swap"} or \
            "disarm" in x.modes and x.trigger_lemmas & {"surrender"} and _armed_group(x):
        return "Agreement"  # prisoner exchanges and surrenders, in the codebook's words
    if "withdraw" in x.modes and (x.clause_lemmas & WORD_CLASSES["territory"] or
                                  x.sentence_lemmas & (TERRITORY_GAIN_WORDS | _HANDOVER) and
                                  x.sentence_lemmas & WORD_CLASSES["territory"]):
        # a withdrawal that hands ground over ("took the town after the rebels withdrew from it")
        return "Non-violent transfer of territory"
    return None


_HANDOVER = frozenset("handover hand cede enter takeover authority".split())


def _armed_group(x: AcledInput) -> bool:
    return any(s in ("REB", "MIL", "UAF", "PRM") for s in x.agent_sectors) or bool(
        x.agent_lemmas & {"fighter", "rebel", "militant", "soldier", "troop", "force", "forces", "militia"})


def _mobilize(x: AcledInput) -> str | None:
    if x.trigger_lemmas & {"set", "establish", "build", "open"} or x.clause_lemmas & {"establish"}:
        if x.clause_lemmas & _BASE_WORDS:
            return "Headquarters or base established"
    return None


_RULES = {
    "ASSAULT": _assault,
    "PROTEST": _protest,
    "COERCE": _coerce,
    "AGREE": _agree,
    "SUPPORT": _agree,
    "CONSULT": _consult,
    "RETREAT": _retreat,
    "MOBILIZE": _mobilize,
}

"""Trigger lexicons: which words introduce which PLOVER event, and the cue words that set mode and ACLED type.

Built from the definitions in the PLOVER manual (each type's "examples include" list and mode tables) and
the ACLED codebook's sub-event definitions, in our own words. Everything is keyed by spaCy lemma,
lower-cased. A word may carry several senses; the first whose conditions hold wins (see ``triggers``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word and the syntactic conditions under which it applies."""

    type: str
    mode: str | None = None
    # ACLED sub-event type this reading fixes regardless of weapons and actors (e.g. "Arrests").
    acled: str | None = None
    # Conditions (all optional; every one given must hold):
    prt: frozenset[str] = frozenset()  # a particle/adverb child: "shoot *down*", "pull *out*"
    prep: frozenset[str] = frozenset()  # a preposition child: "call *for*", "fire *at*"
    obj: str | None = None  # the direct object's lemma is in this word class
    not_obj: str | None = None  # ... is not in this word class
    subj: str | None = None  # the subject's lemma is in this word class
    not_subj: str | None = None
    # A consequence ("killed", "injured", "damaged") joins an act in the same clause or the sentence
    # before rather than standing alone; alone it needs an agent.
    consequence: bool = False
    # A consequence that stands alone only in a sentence that names violence ("died of his wounds", "died
    # in shelling"), since "died" by itself is as often old age or illness.
    needs_cue: bool = False
    # Only where the verb has no object: a headline's dropped auxiliary ("250 servicemen lost in ...").
    bare: bool = False
    # Verbal-act types take their complement as content ("called for a ceasefire"), not as a new event.
    takes_content: bool = False
    contexts: tuple[str, ...] = field(default_factory=tuple)


def S(type_: str, mode: str | None = None, **kw) -> Sense:  # noqa: N802 - terse table constructor
    for key in ("prt", "prep"):
        if key in kw:
            kw[key] = frozenset(kw[key].split())
    return Sense(type_, mode, **kw)


# ---------------------------------------------------------------------------------------------- word classes

WORD_CLASSES: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "meeting": "talk meeting negotiation discussion consultation conversation summit conference dialogue "
               "call session round consultation contact",
    "agreement": "agreement deal accord treaty truce ceasefire ceasefire pact memorandum settlement "
                 "protocol arrangement compromise exchange consensus understanding",
    "access": "access observer inspector monitor aid delivery entry passage corridor convoy journalist "
              "peacekeeper mission",
    "crossing": "border bridge crossing corridor airport port road airspace checkpoint",
    "request_obj": "refuge asylum help aid support assistance release protection clarification explanation "
                   "extradition meeting talk",
    "ties_or_aid": "tie relation relations contact aid assistance talk negotiation cooperation trade export "
                   "import supply delivery funding",
    "aid": "aid assistance help grant loan credit money fund funding weapon arm ammunition equipment supply "
           "food medicine relief asylum support package tranche vehicle tank missile system",
    "weapon_fired": "shot round shell mortar missile rocket artillery bullet salvo volley grenade bomb "
                    "projectile munition fire gunfire tear gas",
    "person": "people person civilian man woman child villager resident worker farmer soldier fighter "
              "student journalist official policeman officer protester demonstrator him her them he she "
              "girl boy wife husband family member",
    "not_person": "record deadline team rival odds expectation drum heat traffic clock",
    "prisoner": "prisoner hostage detainee captive soldier people person activist journalist",
    "territory": "control town city village territory area region district settlement position hill "
                 "airport base airfield height port neighbourhood neighborhood province stronghold bastion "
                 "outskirts suburb county locality oilfield field crossing",
    "drone_missile": "drone uav missile rocket aircraft helicopter jet plane shahed projectile",
    "munition": "drone uav missile rocket shahed projectile shell munition bomb",
    "aircraft": "aircraft helicopter jet plane warplane fighter bomber airplane su-25 su-34 su-35 mig-29",
    "launched": "missile rocket drone uav bomb shell projectile munition grenade mortar salvo gas chemical "
                "barrel napalm explosive",
    "diplomatic_post": "embassy consulate mission legation office",
    "crowd": "demonstrator protester protestor activist people resident crowd worker student citizen "
             "supporter hundred thousand dozen scores farmer teacher trader woman mother relative parent "
             "youth villager driver member employee staff pupil unemployed graduate",
    "device": "device ied bomb mine explosive landmine",
    "weapon_cache": "weapon arm ammunition ammo cache explosive rifle gun firearm pistol grenade landmine mine "
                    "device ied bomb rocket missile mortar shell munition round magazine detonator tnt "
                    "arsenal stockpile depot",
    "protest_noun": "protest demonstration rally march strike sit picket boycott",
    "worker": "worker union employee teacher doctor nurse driver miner staff trader student farmer "
              "lecturer pilot",
    "ties": "tie relation relations contact",
    "sanction_noun": "sanction embargo tariff boycott measure penalty",
    "troops": "troop force soldier unit battalion brigade army tank warship ship reinforcement police "
              "military navy marine paratrooper division regiment fighter jet missile system",
    "question": "question query",
    "curfew": "curfew law martial emergency restriction ban lockdown blockade blackout state siege",
    "responsibility": "responsibility",
    "base": "base headquarters post outpost camp checkpoint position observation presence garrison barracks",
    "statement": "statement report list name result detail figure information video footage photo",
    # who a side "lost" in a war report: its people ("lost 130 servicemen"), not ground or equipment
    "combatants": "soldier serviceman servicemen servicemember people person troop fighter militant man "
                  "personnel military defender militiaman mercenary marine paratrooper officer member "
                  "civilian",
    "life": "life",
    "foe": "enemy troop force soldier unit battalion brigade regiment army militant fighter rebel group "
           "invader occupier",
}.items()}


# ---------------------------------------------------------------------------------------------- verbs

# Light verbs: their object noun is the trigger ("launched an attack", "held talks").
LIGHT_VERBS = frozenset(
    "launch carry conduct stage hold mount perform make organize organise begin start continue resume "
    "have lead join engage undertake execute unleash wage intensify step hold".split()
)

VERB_SENSES: dict[str, tuple[Sense, ...]] = {
    # --- ASSAULT: deliberate actions that can cause substantial physical harm
    "attack": (S("ASSAULT"),),
    "assault": (S("ASSAULT"),),
    "strike": (S("PROTEST", "strike-lim", subj="worker"), S("ASSAULT")),
    "hit": (S("ASSAULT", obj="person"), S("ASSAULT", subj="drone_missile"), S("ASSAULT")),
    "target": (S("ASSAULT"),),
    "shell": (S("ASSAULT", "heavy-weapons"),),
    "bombard": (S("ASSAULT", "heavy-weapons"),),
    "pound": (S("ASSAULT", "heavy-weapons"),),
    "bomb": (S("ASSAULT"),),
    "shoot": (S("ASSAULT", "heavy-weapons", prt="down", obj="aircraft"),
              S("ASSAULT", acled="Disrupted weapons use", prt="down", obj="munition"),
              S("ASSAULT", acled="Disrupted weapons use", obj="munition"),
              S("ASSAULT", "firearms")),
    "launch": (S("ASSAULT", obj="launched"),),
    "drop": (S("ASSAULT", "aerial", obj="launched"),),
    "hurl": (S("ASSAULT", obj="launched"),),
    "gun": (S("ASSAULT", "firearms", prt="down"),),
    "snipe": (S("ASSAULT", "firearms"),),
    "fire": (S("ASSAULT", prep="at on upon into toward towards"),
             S("ASSAULT", obj="weapon_fired"),
             S("ASSAULT", "firearms", prt="upon")),
    "kill": (S("ASSAULT", consequence=True),),
    "murder": (S("ASSAULT", contexts=("crime_murder",)),),
    "slay": (S("ASSAULT"),),
    "massacre": (S("ASSAULT"),),
    "behead": (S("ASSAULT", "primitive"),),
    "decapitate": (S("ASSAULT", "primitive"),),
    "stab": (S("ASSAULT", "primitive"),),
    "hack": (S("ASSAULT", "primitive", obj="person"),),
    "lynch": (S("ASSAULT", "beat", acled="Mob violence"),),
    "beat": (S("ASSAULT", "beat", not_obj="not_person"),),
    "torture": (S("ASSAULT", "torture"),),
    "abuse": (S("ASSAULT", "beat", obj="person"),),
    "assassinate": (S("ASSAULT", "assassinate"),),
    "execute": (S("ASSAULT", "execute", obj="person"),),
    "ambush": (S("ASSAULT"),),
    "raid": (S("ASSAULT"),),
    "storm": (S("ASSAULT"),),
    "clash": (S("ASSAULT"),),
    "fight": (S("ASSAULT"),),
    "battle": (S("ASSAULT"),),
    # "engaged in smuggling": "engage in" names whatever its object is; the fighting noun is the trigger
    "engage": (S("ASSAULT", prep="with", not_obj="meeting"),),
    "exchange": (S("ASSAULT", "firearms", obj="weapon_fired"), S("RETREAT", "release", obj="prisoner")),
    "repel": (S("ASSAULT"),),
    "repulse": (S("ASSAULT"),),
    "advance": (S("ASSAULT", prep="on toward towards into"),),
    "invade": (S("ASSAULT"),),
    "capture": (S("ASSAULT", obj="territory"), S("COERCE", "arrest", acled="Arrests", obj="person"),
                S("ASSAULT")),
    # armed men who "have taken five people" carry them off: the codebook's abduction
    "take": (S("ASSAULT", "abduct", obj="prisoner", subj="troops"),),
    "seize": (S("ASSAULT", obj="territory"), S("COERCE", "confiscate", obj="weapon_cache",
                                               acled="Disrupted weapons use"),
              S("COERCE", "confiscate")),
    "find": (S("COERCE", "confiscate", obj="weapon_cache", acled="Disrupted weapons use"),),
    "discover": (S("COERCE", "confiscate", obj="weapon_cache", acled="Disrupted weapons use"),),
    "uncover": (S("COERCE", "confiscate", obj="weapon_cache", acled="Disrupted weapons use"),),
    "recover": (S("COERCE", "confiscate", obj="weapon_cache", acled="Disrupted weapons use"),),
    "confiscate": (S("COERCE", "confiscate", obj="weapon_cache", acled="Disrupted weapons use"),
                   S("COERCE", "confiscate")),
    "dismantle": (S("COERCE", "confiscate", obj="weapon_cache", acled="Disrupted weapons use"),),
    "drive": (S("ASSAULT", prt="back out away"),),
    "push": (S("ASSAULT", prt="back out"),),
    "oust": (S("ASSAULT", obj="person"), S("ASSAULT")),
    "force": (S("COERCE", "deport", prt="out", obj="person"), S("SANCTION", "expel", prt="out")),
    "overrun": (S("ASSAULT"),),
    "recapture": (S("ASSAULT"),),
    "retake": (S("ASSAULT"),),
    "regain": (S("ASSAULT", obj="territory"),),
    "liberate": (S("ASSAULT"),),
    "occupy": (S("PROTEST", "obstruct", subj="crowd"), S("ASSAULT")),
    "block": (S("PROTEST", "obstruct", subj="crowd"),),
    "blow": (S("ASSAULT", "explosives", prt="up"),),
    "detonate": (S("ASSAULT", "explosives"),),
    "explode": (S("ASSAULT", "explosives", consequence=True),),
    "destroy": (S("ASSAULT", acled="Disrupted weapons use", obj="munition"),
                S("COERCE", "confiscate", acled="Disrupted weapons use", obj="weapon_cache"),
                S("ASSAULT", "destroy", consequence=True),),
    "burn": (S("ASSAULT", "destroy", obj="territory"), S("ASSAULT", "destroy", prt="down"),
             S("ASSAULT", "destroy", not_subj="fire")),
    "torch": (S("ASSAULT", "destroy"),),
    "loot": (S("ASSAULT", "destroy", acled="Looting/property destruction"),),
    "ransack": (S("ASSAULT", "destroy", acled="Looting/property destruction"),),
    "plunder": (S("ASSAULT", "destroy", acled="Looting/property destruction"),),
    "vandalize": (S("ASSAULT", "destroy", acled="Looting/property destruction"),),
    "vandalise": (S("ASSAULT", "destroy", acled="Looting/property destruction"),),
    "demolish": (S("ASSAULT", "destroy", acled="Looting/property destruction"),),
    "raze": (S("ASSAULT", "destroy", acled="Looting/property destruction"),),
    "abduct": (S("ASSAULT", "abduct"),),
    "kidnap": (S("ASSAULT", "abduct"),),
    "hijack": (S("ASSAULT", "abduct"),),
    "rape": (S("ASSAULT", "sexual"),),
    "molest": (S("ASSAULT", "sexual"),),
    "injure": (S("ASSAULT", consequence=True),),
    "die": (S("ASSAULT", consequence=True, needs_cue=True),),
    "perish": (S("ASSAULT", consequence=True, needs_cue=True),),
    # a war report's losses: "lost 130 servicemen in the X direction", "250 servicemen lost"; but
    # "lost their lives" is a toll that needs a cause like "killed"
    "lose": (S("ASSAULT", consequence=True, obj="life"), S("ASSAULT", acled="Armed clash", obj="combatants"),
             S("ASSAULT", acled="Armed clash", subj="combatants", bare=True)),
    "wound": (S("ASSAULT", consequence=True),),
    "hurt": (S("ASSAULT", consequence=True),),
    "damage": (S("ASSAULT", "destroy", consequence=True),),
    "intercept": (S("ASSAULT", acled="Disrupted weapons use"),),
    "down": (S("ASSAULT", "heavy-weapons", obj="aircraft"),
             S("ASSAULT", acled="Disrupted weapons use", obj="munition"),),
    "thwart": (S("ASSAULT", acled="Disrupted weapons use"),),
    "foil": (S("ASSAULT", acled="Disrupted weapons use"),),
    "defuse": (S("COERCE", "confiscate", acled="Disrupted weapons use"),),
    "defeat": (S("ASSAULT", acled="Armed clash", obj="foe"), S("ASSAULT", acled="Armed clash", subj="foe", bare=True)),
    "knock": (S("ASSAULT", prt="out", obj="foe"),),
    "liquidate": (S("ASSAULT", obj="foe"), S("ASSAULT", subj="foe", bare=True)),
    "neutralize": (S("ASSAULT"),),
    "neutralise": (S("ASSAULT"),),
    "counterattack": (S("ASSAULT"),),
    # --- PROTEST: collective civilian dissent
    "protest": (S("PROTEST", "demo"),),
    "demonstrate": (S("PROTEST", "demo", not_obj="statement"),),
    "rally": (S("PROTEST", "demo", not_subj="troops"),),
    "march": (S("PROTEST", "demo", not_subj="troops"),),
    "picket": (S("PROTEST", "demo"),),
    "riot": (S("PROTEST", "riot"),),
    "boycott": (S("PROTEST", "boycott"),),
    "blockade": (S("PROTEST", "obstruct", subj="person"), S("COERCE", "restrict")),
    "barricade": (S("PROTEST", "obstruct"),),
    "gather": (S("PROTEST", "demo", subj="crowd"),),
    "assemble": (S("PROTEST", "demo", subj="crowd"),),
    # --- COERCE: repression and restrictions on rights
    "arrest": (S("COERCE", "arrest", acled="Arrests"),),
    "detain": (S("COERCE", "arrest", acled="Arrests"),),
    "apprehend": (S("COERCE", "arrest", acled="Arrests"),),
    # jailing by security forces is an arrest; a court's jailing is a sentence, which ACLED does not code
    "jail": (S("COERCE", "arrest", acled="Arrests", subj="troops"), S("COERCE", "arrest")),
    "imprison": (S("COERCE", "arrest"),),
    "sentence": (S("COERCE", "arrest"),),
    "round": (S("COERCE", "arrest", acled="Arrests", prt="up"),),
    "deport": (S("COERCE", "deport"),),
    "extradite": (S("COOPERATE"),),
    "censor": (S("COERCE", "censor"),),
    "ban": (S("COERCE", "ban"),),
    "outlaw": (S("COERCE", "ban"),),
    "disperse": (S("COERCE", "restrict", obj="person"), S("COERCE", "restrict")),
    "suppress": (S("COERCE", "restrict"),),
    "crack": (S("COERCE", "restrict", prt="down"),),
    "impose": (S("SANCTION", "sever", obj="sanction_noun", takes_content=True),
               S("COERCE", "curfew", obj="curfew", takes_content=True)),
    "reimpose": (S("SANCTION", "sever", obj="sanction_noun", takes_content=True),
                 S("COERCE", "curfew", obj="curfew", takes_content=True)),
    "extend": (S("COERCE", "curfew", obj="curfew", takes_content=True),),
    "expel": (S("SANCTION", "expel"),),
    # --- MOBILIZE: military or police moves short of force
    "deploy": (S("MOBILIZE", "troops", obj="troops"), S("MOBILIZE", "troops", subj="troops")),
    "mobilize": (S("MOBILIZE", "troops"),),
    "mobilise": (S("MOBILIZE", "troops"),),
    "mass": (S("MOBILIZE", "troops", obj="troops"),),
    "reinforce": (S("MOBILIZE", "troops"),),
    "station": (S("MOBILIZE", "troops", obj="troops"), S("MOBILIZE", "troops", subj="troops")),
    "patrol": (S("MOBILIZE", "troops"),),
    "establish": (S("MOBILIZE", "troops", obj="base"), S("SUPPORT", obj="ties")),
    "set": (S("MOBILIZE", "troops", prt="up", obj="base"),),
    # --- CONSULT: meetings, visits, talks, calls
    "meet": (S("CONSULT"),),
    "mediate": (S("CONSULT", "third-party"),),
    "talk": (S("CONSULT", prep="with to"),),
    "negotiate": (S("CONSULT"),),
    "discuss": (S("CONSULT"),),
    "consult": (S("CONSULT"),),
    "confer": (S("CONSULT"),),
    "visit": (S("CONSULT", "visit"),),
    # "a camp hosting government forces" houses troops; it is no diplomatic visit
    "host": (S("CONSULT", obj="meeting"), S("CONSULT", not_obj="troops")),
    "phone": (S("CONSULT", "phone"),),
    "telephone": (S("CONSULT", "phone"),),
    "speak": (S("CONSULT", prep="with"),),
    # --- AGREE: agree to, offer, promise
    "agree": (S("AGREE"),),
    "reach": (S("AGREE", obj="agreement", takes_content=True),),
    "offer": (S("AGREE"),),
    "promise": (S("AGREE", takes_content=True),),
    "pledge": (S("AGREE", takes_content=True),),
    "commit": (S("AGREE", prep="to"),),
    "accept": (S("AGREE"),),
    "propose": (S("AGREE"),),
    # --- SUPPORT: verbal, diplomatic support; sign or ratify agreements
    "support": (S("SUPPORT"),),
    "endorse": (S("SUPPORT"),),
    "back": (S("SUPPORT", not_obj="troops"),),
    "praise": (S("SUPPORT"),),
    "commend": (S("SUPPORT"),),
    "welcome": (S("SUPPORT"),),
    "hail": (S("SUPPORT"),),
    "approve": (S("SUPPORT"),),
    "ratify": (S("SUPPORT"),),
    "sign": (S("SUPPORT", obj="agreement"),),
    "recognize": (S("SUPPORT"),),
    "recognise": (S("SUPPORT"),),
    "congratulate": (S("SUPPORT"),),
    "normalize": (S("SUPPORT", obj="ties"),),
    "normalise": (S("SUPPORT", obj="ties"),),
    "restore": (S("SUPPORT", obj="ties"),),
    # --- CONCEDE: verbal concessions
    "apologize": (S("CONCEDE"),),
    "apologise": (S("CONCEDE"),),
    "pardon": (S("CONCEDE"),),
    "concede": (S("CONCEDE"),),
    "ease": (S("CONCEDE", obj="curfew"), S("CONCEDE", obj="sanction_noun")),
    "lift": (S("CONCEDE", obj="curfew"), S("CONCEDE", obj="sanction_noun")),
    "relax": (S("CONCEDE"),),
    "declare": (S("CONCEDE", obj="agreement"),),
    "amnesty": (S("CONCEDE"),),
    # --- COOPERATE: mutual material cooperation
    "cooperate": (S("COOPERATE"),),
    "collaborate": (S("COOPERATE"),),
    "share": (S("COOPERATE", obj="statement"),),
    # --- AID
    "aid": (S("AID"),),
    "assist": (S("AID"),),
    "donate": (S("AID"),),
    "provide": (S("AID", obj="aid"),),
    "send": (S("AID", obj="aid"), S("MOBILIZE", "troops", obj="troops")),
    "give": (S("AID", obj="aid"),),
    "grant": (S("AID"),),
    "deliver": (S("AID", obj="aid"),),
    "supply": (S("AID"),),
    "fund": (S("AID", "economic"),),
    "contribute": (S("AID", obj="aid"), S("AID", "military", obj="troops")),
    "finance": (S("AID", "economic"),),
    "lend": (S("AID", "economic"),),
    "rescue": (S("AID", "humanitarian"),),
    "evacuate": (S("RETREAT", "withdraw", obj="territory"), S("RETREAT", "withdraw", obj="settlement"),
                 S("AID", "humanitarian")),
    "allow": (S("RETREAT", "access", obj="access"),),
    "receive": (S("RETREAT", "access", obj="access"),),
    "admit": (S("RETREAT", "access", obj="access"),),
    "open": (S("ASSAULT", "firearms", obj="weapon_fired"), S("RETREAT", "access", obj="crossing"),
             S("MOBILIZE", "troops", obj="base")),
    "reopen": (S("RETREAT", "access", obj="crossing"),),
    # --- RETREAT: material concessions, releases, withdrawals, resignations
    "withdraw": (S("RETREAT", "withdraw"),),
    "retreat": (S("RETREAT", "withdraw"),),
    "pull": (S("RETREAT", "withdraw", prt="out back"),),
    "release": (S("RETREAT", "release", obj="prisoner"), S("RETREAT", "release", not_obj="statement")),
    "free": (S("RETREAT", "release"),),
    "resign": (S("RETREAT", "resign"),),
    "disarm": (S("RETREAT", "disarm"),),
    "surrender": (S("RETREAT", "disarm"),),
    "return": (S("RETREAT", "return", obj="territory"),),
    "hand": (S("RETREAT", "withdraw", prt="over"),),
    "step": (S("RETREAT", "resign", prt="down"),),
    "defect": (S("RETREAT", acled="Change to group/activity"),),
    # --- REQUEST: demands, calls, appeals
    "demand": (S("REQUEST", takes_content=True),),
    "urge": (S("REQUEST", takes_content=True),),
    "call": (S("REQUEST", prep="for on", takes_content=True), S("CONSULT", "phone", obj="person")),
    "ask": (S("REQUEST", not_obj="question", takes_content=True),),
    "request": (S("REQUEST", takes_content=True),),
    "appeal": (S("REQUEST", takes_content=True),),
    "press": (S("REQUEST", prep="for", takes_content=True),),
    "insist": (S("REQUEST", takes_content=True),),
    "order": (S("REQUEST", takes_content=True),),
    "reiterate": (S("REQUEST", obj="call", takes_content=True),),
    "seek": (S("REQUEST", obj="request_obj", takes_content=True),),
    # --- ACCUSE: disapprove, allege, investigate, sue
    "accuse": (S("ACCUSE", "allege", takes_content=True),),
    "blame": (S("ACCUSE", "allege", takes_content=True),),
    "allege": (S("ACCUSE", "allege"),),
    # "charged a camp/the enemy positions": a charge on a place is an assault, not an indictment
    "charge": (S("ASSAULT", obj="base"), S("ASSAULT", obj="territory"), S("ACCUSE", "allege", prep="with")),
    "condemn": (S("ACCUSE", "disapprove", takes_content=True),),
    "denounce": (S("ACCUSE", "disapprove", takes_content=True),),
    "criticize": (S("ACCUSE", "disapprove", takes_content=True),),
    "criticise": (S("ACCUSE", "disapprove", takes_content=True),),
    "decry": (S("ACCUSE", "disapprove", takes_content=True),),
    "deplore": (S("ACCUSE", "disapprove", takes_content=True),),
    "slam": (S("ACCUSE", "disapprove", takes_content=True),),
    "censure": (S("ACCUSE", "disapprove", takes_content=True),),
    "label": (S("ACCUSE", "allege", takes_content=True),),
    "investigate": (S("ACCUSE", "investigate", takes_content=True),),
    "probe": (S("ACCUSE", "investigate", takes_content=True),),
    "sue": (S("ACCUSE", "sue"),),
    "indict": (S("ACCUSE", "sue"),),
    "prosecute": (S("ACCUSE", "sue"),),
    "complain": (S("ACCUSE", "disapprove", takes_content=True),),
    # --- REJECT: refusals
    "reject": (S("REJECT", takes_content=True),),
    "refuse": (S("REJECT", takes_content=True),),
    "decline": (S("REJECT", takes_content=True, not_subj="statement"),),
    "rebuff": (S("REJECT", takes_content=True),),
    "veto": (S("REJECT", takes_content=True),),
    "dismiss": (S("REJECT", takes_content=True),),
    "defy": (S("REJECT", takes_content=True),),
    # --- THREATEN: threats and ultimatums
    "threaten": (S("THREATEN", takes_content=True),),
    "warn": (S("THREATEN", takes_content=True),),
    "vow": (S("THREATEN", takes_content=True),),
    # --- SANCTION: reductions in relations, sanctions, convictions
    "sanction": (S("SANCTION"),),
    "sever": (S("SANCTION", "sever"),),
    "cut": (S("SANCTION", "sever", obj="ties_or_aid", takes_content=True),),
    "halt": (S("SANCTION", "sever", obj="ties_or_aid", takes_content=True),),
    "stop": (S("SANCTION", "sever", obj="ties_or_aid", takes_content=True),),
    "suspend": (S("SANCTION", "sever", takes_content=True),),
    "cancel": (S("SANCTION", "cancel"),),
    "close": (S("SANCTION", "sever", obj="diplomatic_post"),),
    "recall": (S("SANCTION", "withdraw", obj="person"),),
    "freeze": (S("SANCTION", "sever"),),
    "embargo": (S("SANCTION", "sever"),),
    "convict": (S("SANCTION", "convict"),),
}

# Phrasal triggers matched on lemma sequences (they beat single-word senses on their head word).
PHRASES: dict[tuple[str, ...], Sense] = {
    ("open", "fire"): S("ASSAULT", "firearms"),
    ("set", "fire"): S("ASSAULT", "destroy"),
    ("set", "ablaze"): S("ASSAULT", "destroy"),
    ("take", "hostage"): S("ASSAULT", "abduct"),
    ("take", "control"): S("ASSAULT", "territory"),
    ("take", "over"): S("ASSAULT", "territory"),
    ("take", "to", "the", "street"): S("PROTEST", "demo"),
    ("hunger", "strike"): S("PROTEST", "strike-hun"),
    ("sexual", "violence"): S("ASSAULT", "sexual"),
    ("sexual", "assault"): S("ASSAULT", "sexual"),
    ("sit", "-", "in"): S("PROTEST", "demo"),
    ("go", "on", "strike"): S("PROTEST", "strike-lim"),
    ("claim", "responsibility"): S("ACCUSE", "allege", contexts=("claim_responsibility",)),
    ("call", "for"): S("REQUEST", takes_content=True),
    ("express", "support"): S("SUPPORT"),
    ("express", "concern"): S("ACCUSE", "disapprove"),
    ("express", "regret"): S("CONCEDE"),
    ("lodge", "a", "protest"): S("ACCUSE", "disapprove"),
    ("sever", "tie"): S("SANCTION", "sever"),
    ("break", "off"): S("SANCTION", "sever"),
    ("exchange", "view"): S("CONSULT"),
    ("exchange", "fire"): S("ASSAULT", "firearms"),
    ("pull", "out"): S("RETREAT", "withdraw"),
    ("step", "down"): S("RETREAT", "resign"),
    ("crack", "down"): S("COERCE", "restrict"),
    ("round", "up"): S("COERCE", "arrest", acled="Arrests"),
}

# ---------------------------------------------------------------------------------------------- nouns

NOUN_SENSES: dict[str, tuple[Sense, ...]] = {
    "attack": (S("ASSAULT"),),
    "assault": (S("ASSAULT"),),
    "strike": (S("ASSAULT"),),
    "airstrike": (S("ASSAULT", "aerial"),),
    "raid": (S("ASSAULT"),),
    "offensive": (S("ASSAULT"),),
    "counteroffensive": (S("ASSAULT"),),
    "counterattack": (S("ASSAULT"),),
    "counterstrike": (S("ASSAULT"),),
    "combat": (S("ASSAULT"),),
    "hostility": (S("ASSAULT"),),
    "shelling": (S("ASSAULT", "heavy-weapons"),),
    "bombardment": (S("ASSAULT", "heavy-weapons"),),
    "bombing": (S("ASSAULT"),),
    "explosion": (S("ASSAULT", "explosives", consequence=True),),
    "blast": (S("ASSAULT", "explosives", consequence=True),),
    "shooting": (S("ASSAULT", "firearms"),),
    "gunfire": (S("ASSAULT", "firearms"),),
    "firefight": (S("ASSAULT", "firearms"),),
    "gunbattle": (S("ASSAULT", "firearms"),),
    "shootout": (S("ASSAULT", "firearms"),),
    "clash": (S("ASSAULT"),),
    "fighting": (S("ASSAULT"),),
    "battle": (S("ASSAULT"),),
    "skirmish": (S("ASSAULT"),),
    "ambush": (S("ASSAULT"),),
    "incursion": (S("ASSAULT"),),
    "invasion": (S("ASSAULT"),),
    "massacre": (S("ASSAULT"),),
    "killing": (S("ASSAULT"),),
    "slaying": (S("ASSAULT"),),
    "assassination": (S("ASSAULT", "assassinate"),),
    "abduction": (S("ASSAULT", "abduct"),),
    "kidnapping": (S("ASSAULT", "abduct"),),
    "rape": (S("ASSAULT", "sexual"),),
    "exchange": (S("RETREAT", "release"),),
    # military losses and casualties, only where the sentence is about armed forces (see triggers)
    "loss": (S("ASSAULT", acled="Armed clash"),),
    "casualty": (S("ASSAULT", consequence=True),),
    "defeat": (S("ASSAULT", acled="Armed clash"),),
    # a toll told without its act: "the death toll rose to 3", "confirms the death of four soldiers"
    "toll": (S("ASSAULT", consequence=True),),
    "death": (S("ASSAULT", consequence=True, needs_cue=True),),
    "swap": (S("RETREAT", "release"),),
    "sabotage": (S("ASSAULT", "destroy"),),
    "arson": (S("ASSAULT", "destroy"),),
    "looting": (S("ASSAULT", "destroy", acled="Looting/property destruction"),),
    "interception": (S("ASSAULT", acled="Disrupted weapons use"),),
    "protest": (S("PROTEST", "demo"),),
    "demonstration": (S("PROTEST", "demo"),),
    "rally": (S("PROTEST", "demo"),),
    "march": (S("PROTEST", "demo"),),
    "sit": (S("PROTEST", "demo"),),
    "picket": (S("PROTEST", "demo"),),
    "riot": (S("PROTEST", "riot"),),
    "unrest": (S("PROTEST", "riot"),),
    "boycott": (S("PROTEST", "boycott"),),
    "blockade": (S("PROTEST", "obstruct"),),
    "walkout": (S("PROTEST", "strike-lim"),),
    "arrest": (S("COERCE", "arrest", acled="Arrests"),),
    "detention": (S("COERCE", "arrest", acled="Arrests"),),
    "crackdown": (S("COERCE", "restrict"),),
    "curfew": (S("COERCE", "curfew"),),
    "deportation": (S("COERCE", "deport"),),
    "talk": (S("CONSULT"),),
    "negotiation": (S("CONSULT"),),
    "meeting": (S("CONSULT"),),
    "summit": (S("CONSULT", "multilateral"),),
    "conversation": (S("CONSULT"),),
    "consultation": (S("CONSULT"),),
    "discussion": (S("CONSULT"),),
    "visit": (S("CONSULT", "visit"),),
    "call": (S("CONSULT", "phone"),),
    "agreement": (S("AGREE"),),
    "deal": (S("AGREE"),),
    "accord": (S("AGREE"),),
    "treaty": (S("AGREE"),),
    "truce": (S("AGREE"),),
    "ceasefire": (S("AGREE"),),
    "deployment": (S("MOBILIZE", "troops"),),
    "mobilization": (S("MOBILIZE", "troops"),),
    "mobilisation": (S("MOBILIZE", "troops"),),
    "exercise": (S("MOBILIZE", "troops"),),
    "drill": (S("MOBILIZE", "troops"),),
    "withdrawal": (S("RETREAT", "withdraw"),),
    "release": (S("RETREAT", "release"),),
    "resignation": (S("RETREAT", "resign"),),
    "sanction": (S("SANCTION", "sever"),),
    "embargo": (S("SANCTION", "sever"),),
    "investigation": (S("ACCUSE", "investigate"),),
    "probe": (S("ACCUSE", "investigate"),),
    "mediation": (S("CONSULT", "third-party"),),
    "torture": (S("ASSAULT", "torture"),),
    "abuse": (S("ASSAULT", "beat", obj="person"),),
    "consensus": (S("AGREE"),),
    "accusation": (S("ACCUSE", "allege"),),
    "condemnation": (S("ACCUSE", "disapprove"),),
    "threat": (S("THREATEN"),),
    "ultimatum": (S("THREATEN"),),
    "warning": (S("THREATEN"),),
    "demand": (S("REQUEST"),),
    "appeal": (S("REQUEST"),),
    "aid": (S("AID"),),
    "assistance": (S("AID"),),
}

# Generic heads a trigger noun may modify and still name the event: "assault actions", "strike operation".
LIGHT_NOUNS = frozenset("action operation activity attempt mission campaign effort initiative bid process".split())

# Nouns that only name an event when they carry the weight of the clause (subject or object of an
# event verb, root of a headline); as modifiers ("peace talks" is fine, "protest movement" is not) or
# in generic use they are skipped. These are additionally skipped when they merely refer back.
GENERIC_NOUNS = frozenset("aid assistance demand warning threat call deal release exercise visit "
                          "march rally".split())

# ---------------------------------------------------------------------------------------------- cue words

# Mode cues read from the event's clause (lemma or lemma sequence). Order matters: the first family that
# matches sets the mode, so the more specific weapons come first.
MODE_CUES: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = tuple(
    (mode, tuple(tuple(p.split()) for p in phrases.split(","))) for mode, phrases in (
        # less-lethal crowd control: read as no weapon at all ("" adds no mode), so that "water cannon"
        # is not artillery and "rubber bullets" are not firearms; ACLED reads it as intervention
        ("", "water cannon,rubber bullet,rubber bullets,rubber-coated bullet,plastic bullet,tear gas,teargas,"
             "pepper spray,stun grenade,flash-bang,flashbang"),
        ("cbrn", "chemical weapon,chemical attack,chlorine,sarin,toxic gas,poison gas,poisonous gas,mustard gas,"
                 "nerve agent,nerve gas,sulfur mustard,sulphur mustard,mustard agent,novichok,phosgene,chemical"),
        ("suicide-attack", "suicide bomber,suicide bombing,suicide attack,suicide car bomb,suicide vest,"
                           "blow himself up,blow herself up,blew himself up,blow themselves up,kill themselves,suicide"),
        ("drone", "drone,uav,unmanned aerial vehicle,quadcopter,shahed,loitering munition,fpv"),
        ("aerial", "airstrike,air strike,air raid,air force,air unit,air attack,air bomb,aerial bomb,warplane,fighter jet,jet,aircraft,helicopter,"
                   "bomber,aviation,aerial,airplane,gunship,chopper,guided bomb,glide bomb,kab,fab,air-strike,"
                   "air-raid"),
        ("grenade", "hand grenade,grenade attack,throw a grenade,hurl a grenade,grenade"),
        ("explosives", "ied,improvised explosive,explosive device,uxo,unexploded,ordnance,munition,tripwire,roadside bomb,car bomb,landmine,land mine,"
                       "mine,booby trap,vbied,rcied,bomb,explosive,detonate,explode,explosion,blast,bombing,"
                       "sabotage"),
        ("heavy-weapons", "artillery,mortar,shell,shelling,missile,rocket,mlrs,grad,howitzer,tank,cannon,"
                          "iskander,s-300,uragan,smerch,tornado,hurricane,cluster munition,heavy weapon,"
                          "multiple rocket launcher,rocket launcher,anti-tank,atgm,bombard,bombardment,"
                          "projectile,shelled,shell,artillery fire,"
                          # ground guns named after what they shoot at, not aircraft themselves
                          "anti - aircraft gun,anti aircraft gun,antiaircraft gun,anti - aircraft,anti aircraft,antiaircraft"),
        ("firearms", "small arm,small-arm,gun,gunfire,gunman,rifle,pistol,machine gun,bullet,sniper,shoot,"
                     "shooting,shot,firearm,ak-47,kalashnikov,automatic weapon,firefight,gunbattle,"
                     "exchange of fire,opened fire,open fire,live ammunition,grenade launcher"),
        ("primitive", "knife,machete,stone,rock,stick,club,axe,spear,arrow,rod,petrol bomb,molotov,"
                      "set fire,set ablaze,torch,burn,arson"),
    )
)

# How a consultation happened (CONSULT modes), from words in its clause.
CONSULT_MODE_CUES: dict[str, frozenset[str]] = {
    "phone": frozenset("phone telephone call videoconference video teleconference videolink zoom online "
                       "virtual".split()),
    "multilateral": frozenset("summit multilateral g7 g20 nato un asean brics sco osce".split()),
    "visit": frozenset("visit trip tour".split()),
}

# A strike that is a work stoppage, not an attack: words around the noun "strike".
LABOUR_STRIKE_CUES = frozenset("general national nationwide indefinite labour labor worker union teacher doctor "
                               "nurse employee staff wage salary pay trader driver student lecturer "
                               "organise organize call declare stage enter go begin suspend end "
                               "sit-down warning day hour week".split())  # "a 48-hour strike"
ARMED_STRIKE_CUES = frozenset("air drone missile rocket artillery military airstrike precision retaliatory "
                              "israeli russian ukrainian us american coalition army force forces".split())

# Words for people, to tell violence against civilians (a person hit) from a clash.
PERSON_WORDS = frozenset(
    "people person civilian man woman child children boy girl baby infant teenager youth villager resident "
    "farmer herder herdsman worker shopkeeper businessman businesswoman trader merchant vendor pastor priest "
    "imam cleric bishop monk nun councillor councilor chief elder leader official mayor governor "
    "politician candidate voter journalist reporter activist teacher doctor nurse driver student pupil "
    "passenger tourist traveller traveler pedestrian motorist owner guard employee staff volunteer refugee "
    "migrant prisoner detainee inmate hostage victim family relative brother sister son daughter father "
    "mother husband wife member supporter fan figure man's villager albino christian muslim him her them "
    "he she spouse widow orphan pilgrim worshipper patient miner fisherman hunter principal lecturer "
    "headmaster professor engineer lawyer judge chairman commissioner agent dealer customer "
    "companion".split()
)

# Words that mark a two-sided armed engagement (ACLED "Armed clash" rather than one-sided violence).
CLASH_WORDS = frozenset("clash fight fighting battle skirmish firefight gunbattle engage exchange repel repulse "
                        "offensive counteroffensive counterattack assault storm advance ambush ground combat "
                        "hostility shootout gunfire".split())
TERRITORY_GAIN_WORDS = frozenset("capture seize overrun recapture retake regain liberate take occupy "
                                 "control drive push oust clear".split())
RETAKE_WORDS = frozenset("recapture retake regain liberate drive push oust clear".split())

# Nouns that, as the thing attacked, tell the recipient's sector when no actor is named.
CIVILIAN_OBJECTS = frozenset(
    "bridge railway rail infrastructure house home residence compound building school hospital market "
    "village town city "
    "residential apartment church mosque shop store farm field road car bus train station "
    "plant power grid facility area neighborhood neighbourhood settlement civilian people resident "
    "villager passenger family child woman man worker farmer community dwelling".split()
)
MILITARY_OBJECTS = frozenset(
    "position base airbase airfield troop soldier military unit convoy checkpoint outpost depot "
    "warehouse headquarters barracks tank vehicle artillery battery post trench fortification "
    "serviceman army fighter militant rebel".split()
)
POLICE_OBJECTS = frozenset("police policeman officer patrol station gendarme gendarmerie".split())

# Governing words whose complement is a plan, a threat, a hypothesis or a refusal.
PLAN_WORDS = frozenset("plan intend prepare aim schedule expect set due hope want seek decide "
                       "arrange propose plot conspire".split())
ATTEMPT_WORDS = frozenset("try attempt".split())
REFUSAL_WORDS = frozenset("refuse decline fail".split())
DENIAL_WORDS = frozenset("deny".split())
REPORT_WORDS = frozenset("say report claim state announce tell add allege confirm write note post "
                         "assert insist accuse inform".split())
PLANNED_MODIFIERS = frozenset("scheduled upcoming planned forthcoming proposed imminent future expected "
                              "next prospective".split())
HYPOTHETICAL_AUX = frozenset("would could might may should can must".split())
FUTURE_AUX = frozenset("will shall 'll wo".split())

# Contexts, at sentence level, from keyword families (PLOVER general contexts).
CONTEXT_CUES: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "military": "military army troop soldier force forces artillery drone missile airbase navy defense "
                "defence brigade battalion",
    "diplomatic": "diplomat diplomatic embassy ambassador minister foreign talk negotiation summit envoy",
    "economic": "economic economy trade tariff investment loan finance financial market oil gas price",
    "terrorism": "terrorist terrorism jihadist militant isis isil al-shabaab qaeda boko haram",
    "election": "election vote ballot poll campaign candidate electoral",
    "legal": "court judge law legal lawsuit trial prosecutor",
    "crime": "criminal crime gang smuggler smuggling robbery theft drug trafficking cartel fraud",
    "corruption": "corruption bribe bribery embezzlement graft",
    "humanitarian": "humanitarian relief",
    "migration": "refugee migrant asylum displaced",
    "cbrn": "chemical nuclear biological radiological sarin chlorine",
    "cyber": "cyber hacker hacking cyberattack",
    "disease": "epidemic pandemic outbreak covid cholera ebola virus",
    "natural_disaster": "earthquake flood flooding storm hurricane cyclone typhoon drought volcano eruption "
                        "landslide mudslide tsunami wildfire snowfall avalanche",
    "accident": "crash collision accident derailment spill leak",
}.items()}

# Natural causes of death and damage: a "killed" whose cause is one of these is not an ASSAULT.
NON_VIOLENT_CAUSES = frozenset(
    "earthquake flood flooding storm hurricane cyclone typhoon drought volcano eruption landslide mudslide "
    "tsunami wildfire snow avalanche lightning heat crash collision accident derailment disease virus "
    "epidemic outbreak fire blaze cold famine leak pipeline cylinder boiler firework fireworks factory "
    "refinery".split()
)

# ---------------------------------------------------------------------------------------------- war reports

# Words that make a death in the sentence one of violence ("died of his wounds", "died in shelling").
VIOLENT_DEATH_CUES = frozenset(
    "wound injury shelling shell strike airstrike attack fire gunfire sniper mine landmine explosion blast "
    "shot gunshot bullet shrapnel combat battle fighting fight hostility war frontline front missile rocket "
    "drone bomb bombing artillery mortar grenade ambush clash torture execution murder "
    # the dead are combatants: a soldier's death in the news is a death in war
    "soldier serviceman servicemen militiaman fighter militant troop kia".split()
)
# A sentence about armed forces, where "losses" and "casualties" are people killed or wounded in war.
MILITARY_CONTEXT = frozenset(
    "troop force army soldier serviceman servicemen military enemy brigade battalion regiment unit "
    "personnel fighter militant militia militiaman rebel separatist insurgent direction front frontline "
    "combat battle war defender invader occupier apu afu zsu jfo ato mercenary legion truce ceasefire "
    "cease-fire".split()
)
# ... and words that make "losses" money or votes instead.
NON_MILITARY_LOSS_CUES = frozenset(
    "economic economy financial billion million dollar euro revenue profit market job crop sale income "
    "percent election vote seat share stock investor trade tax budget hryvnia ruble rouble".split()
)
# What is found when a death is discovered: "bodies found", "found dead", "mass grave exhumed".
REMAINS_WORDS = frozenset("body corpse remains dead grave gravesite killed".split())
FINDING_VERBS = frozenset("find discover exhume unearth recover locate".split())

"""Words that attribute content to a source, by how they take that content (PARC 3.0 style cues).

Written for newsevents from the verb classes attribution corpora use (speech, report, belief); each
set says which complement of the verb is the attributed content, which is how the quotes extractor
reads them from the parse.
"""

from __future__ import annotations

# Verbs of saying and reporting that take a clause ("said that ...", "told reporters the ...") or sit
# beside a direct quotation ("…,” he added).
SPEECH = frozenset({
    "say", "tell", "add", "state", "claim", "report", "announce", "accuse", "deny", "warn", "insist",
    "confirm", "explain", "note", "argue", "assure", "reiterate", "write", "ask", "urge", "suggest",
    "declare", "comment", "reply", "respond", "answer", "acknowledge", "admit", "allege", "assert",
    "contend", "maintain", "stress", "emphasize", "emphasise", "predict", "promise", "vow", "pledge",
    "threaten", "reveal", "disclose", "indicate", "estimate", "recall", "quip", "joke", "concede",
    "complain", "charge", "tweet", "mention", "observe", "remark", "continue", "conclude",
    "repeat", "recount", "testify", "cite", "agree", "caution", "forecast", "signal", "boast", "muse",
    "inform", "notify", "clarify", "specify", "underline", "underscore", "highlight", "point", "counter",
    "retort", "demand", "propose", "proclaim", "affirm", "reaffirm", "lament", "hint", "speculate", "exclaim", "shout", "scream", "whisper", "murmur", "snap", "plead", "beg",
    "recommend", "advise",
})
# Verbs of belief and expectation, attributions of a source's thoughts when they take a clause.
BELIEF = frozenset({"believe", "think", "expect", "fear", "hope", "suspect", "doubt", "feel", "reckon",
                    "assume", "anticipate", "worry", "guess"})
# Cues whose noun-phrase object is itself the content ("denied involvement", "expressed condolences",
# "reiterated the call for talks", "announced 10,000 job cuts").
NP_CONTENT = frozenset({
    "express", "reiterate", "voice", "convey", "deny", "reject", "dismiss", "confirm", "announce", "admit",
    "acknowledge", "claim", "repeat", "reaffirm", "report", "predict", "promise", "pledge", "vow",
    "forecast", "estimate", "demand", "propose", "offer", "extend", "refute", "disclose", "reveal",
    "allege", "signal", "proclaim", "declare", "threaten", "cite", "urge", "renew", "issue", "rebuff",
})
# Objects of "offer", "extend", "issue" and "renew" that make them speech acts; other objects don't.
SPEECH_ACT_NOUNS = frozenset({
    "condolence", "condolences", "sympathy", "sympathies", "apology", "apologies", "support", "thanks",
    "gratitude", "congratulations", "warning", "call", "appeal", "assurance", "assurances",
    "guarantee", "promise", "pledge", "denial", "threat", "ultimatum", "demand", "invitation", "plea",
    "criticism", "praise", "condemnation", "concern", "concerns", "regret", "hope", "hopes",
})
_SPEECH_ACT_LEMMAS = frozenset({"offer", "extend", "issue", "renew"})
# Cues that take an infinitive ("promised to investigate", "urged Moscow to stop").
INFINITIVE = frozenset({"promise", "vow", "pledge", "threaten", "urge", "ask", "call", "demand",
                        "propose", "warn", "tell", "claim",
                        "deny", "appeal", "plead", "beg", "advise", "recommend", "expect", "hope"})
# Cues that describe something as something ("described the attacks as sabotage", "called it a
# “historic” operation"): the object and what it is described as make the content.
DESCRIBE = frozenset({"describe", "label", "call", "brand", "term", "characterize", "characterise", "dub",
                      "deem", "hail", "denounce", "condemn", "decry", "portray", "depict"})
# Cues that deny what they attribute ("Kyiv denied involvement").
DENY = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "rebuff", "disclaim", "disavow",
                  "repudiate", "contradict", "dispute"})
# Cues that mark content as a contested claim whoever makes it.
CLAIM = frozenset({"claim", "allege", "accuse", "charge", "blame", "purport", "insist", "assert"})

ALL_VERBS = SPEECH | BELIEF | NP_CONTENT | INFINITIVE | DESCRIBE


def np_object_is_content(cue_lemma: str, object_lemma: str) -> bool:
    """Does a cue's noun-phrase object carry the attributed content?"""
    if cue_lemma not in NP_CONTENT:
        return False
    if cue_lemma in _SPEECH_ACT_LEMMAS:
        return object_lemma.lower() in SPEECH_ACT_NOUNS
    return True

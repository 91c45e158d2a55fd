"""Cue words around a trigger: the weapon or manner (PLOVER mode) and the topic (PLOVER context)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from newsevents.events.lexicon import CONTEXT_CUES, MODE_CUES

# first word -> [(mode, phrase, rank)], rank = position of the mode family in MODE_CUES (lower wins)
_MODE_INDEX: dict[str, list[tuple[str, tuple[str, ...], int]]] = {}
for _rank, (_mode, _phrases) in enumerate(MODE_CUES):
    for _p in _phrases:
        _MODE_INDEX.setdefault(_p[0], []).append((_mode, _p, _rank))

_CONTEXT_INDEX: dict[str, str] = {w: ctx for ctx, words in CONTEXT_CUES.items() for w in words}


def _words(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def modes_in(tokens: Sequence[Token]) -> list[str]:
    """Modes cued in a run of tokens (in text order), most specific family first, without repeats.

    At each word the longest cue wins ("grenade launcher" is a light weapon, not a grenade), and a cue
    inside a longer one is not read again.
    """
    hits: dict[str, int] = {}
    n = len(tokens)
    covered_until = -1
    for i, tok in enumerate(tokens):
        best: tuple[int, int, str] | None = None  # (length, -rank, mode)
        for word in set(_words(tok)):
            for mode, phrase, rank in _MODE_INDEX.get(word, ()):
                size = len(phrase)
                if size > 1 and (i + size > n or not all(phrase[k] in _words(tokens[i + k])
                                                          for k in range(1, size))):
                    continue
                cand = (size, -rank, mode)
                if best is None or cand > best:
                    best = cand
        if best is None or i + best[0] - 1 <= covered_until and best[0] == 1:
            continue
        size, neg_rank, mode = best
        covered_until = max(covered_until, i + size - 1)
        if mode and (mode not in hits or -neg_rank < hits[mode]):
            hits[mode] = -neg_rank
    return sorted(hits, key=lambda m: hits[m])


def contexts_in(tokens: Iterable[Token]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        for word in _words(tok):
            ctx = _CONTEXT_INDEX.get(word)
            if ctx and ctx not in out:
                out.append(ctx)
    return out


def clause_tokens(head: Token, sent: Span) -> list[Token]:
    """The tokens of the clause headed by ``head``, without clauses of their own (other events' words)."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for c in tok.children:
            if c.dep_ in ("ccomp", "parataxis", "relcl") or c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                continue
            stack.append(c)
    out.sort(key=lambda t: t.i)
    return out

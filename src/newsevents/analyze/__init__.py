"""Analysis of one article: the frame (pipeline), its shared state and the extractors."""

from __future__ import annotations

from functools import lru_cache

from newsevents.analyze.context import Extraction
from newsevents.analyze.pipeline import Analyzer, ArticleTooLong, PipelineConfig
from newsevents.analyze.registry import DEFAULT_PIPELINE, register_extractor, registered_extractors

__all__ = [
    "DEFAULT_PIPELINE",
    "Analyzer",
    "ArticleTooLong",
    "Extraction",
    "PipelineConfig",
    "default_analyzer",
    "register_extractor",
    "registered_extractors",
]


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    return Analyzer()

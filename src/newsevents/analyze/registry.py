"""Registry of extractors, in the manner of spaCy's factories.

An extractor is a small callable over one shared parse: ``extractor(ex: Extraction) -> None``. It reads
the parse and what earlier extractors found, and appends its own records to ``ex``. Extractors are
registered by name with a factory that receives the pipeline's config section for that name, so a
pipeline is configured (a list of names and settings), not hard-wired.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from newsevents.analyze.context import Extraction


class Extractor(Protocol):
    def __call__(self, ex: Extraction) -> None: ...


Factory = Callable[[dict[str, Any]], Extractor]

_FACTORIES: dict[str, Factory] = {}

# Order matters: events read the actors, places, times, quantities and quotes found before them.
DEFAULT_PIPELINE: tuple[str, ...] = ("actors", "places", "times", "quantities", "quotes", "events")


def register_extractor(name: str) -> Callable[[Factory], Factory]:
    """Decorator: ``@register_extractor("places")`` on a factory taking a config dict."""

    def wrap(factory: Factory) -> Factory:
        _FACTORIES[name] = factory
        return factory

    return wrap


def make_extractor(name: str, config: dict[str, Any] | None = None) -> Extractor:
    _import_builtin_extractors()
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise KeyError(f"no extractor named {name!r}; known: {sorted(_FACTORIES)}") from None
    return factory(config or {})


def registered_extractors() -> list[str]:
    _import_builtin_extractors()
    return sorted(_FACTORIES)


def _import_builtin_extractors() -> None:
    # Importing the modules runs their @register_extractor decorators.
    from newsevents.analyze import actors, events, places, quantities, quotes, times  # noqa: F401

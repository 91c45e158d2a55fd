"""newsevents: news articles in, a geocoded, source-attributed event database out."""

from newsevents.model import Analysis, Article

__version__ = "0.1.0"

__all__ = ["Analysis", "Article", "__version__", "analyze"]


def analyze(article: Article) -> Analysis:
    """Analyze one article with the default pipeline (the model is loaded once per process)."""
    from newsevents.analyze import default_analyzer

    return default_analyzer().analyze(article)

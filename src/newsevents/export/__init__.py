"""Exports of the stored data: one module per format, each registered with ``@register_exporter``.

See ``registry.py`` for how to add a format (a new module in this package is picked up by itself).
"""

from newsevents.export.registry import (
    Exporter,
    get_exporter,
    register_exporter,
    registered_exporters,
    text_output,
)

__all__ = ["Exporter", "get_exporter", "register_exporter", "registered_exporters", "text_output"]

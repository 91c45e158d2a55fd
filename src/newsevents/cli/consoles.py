"""Rich consoles for command output."""

from __future__ import annotations

import os
import sys

from rich.console import Console


def stdout_console() -> Console:
    """A console for tables: the terminal's width, or a readable 140 columns when piped or logged
    (rich's fallback of 80 folds every name), unless COLUMNS says otherwise."""
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return Console()
    return Console(width=140)

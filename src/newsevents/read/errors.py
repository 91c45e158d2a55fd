"""The one error type every reader reports, and the size limits inputs are held to.

A reader never raises past ``read_inputs``: a bad input becomes one ``ReadError`` naming the input
("path", "path:LINE" for a JSON line, "path#N" for a feed entry) and the problem, and the batch goes on.
"""

from __future__ import annotations

from newsevents.limits import MAX_CHARS

# A whole-file input (one text, HTML page, feed or JSON array) is read into memory: refuse files so
# large that doing so is a mistake. JSON Lines are streamed line by line and have no file limit.
MAX_FILE_BYTES = 256 * 1024 * 1024

__all__ = ["MAX_CHARS", "MAX_FILE_BYTES", "ReadError", "size_text"]


class ReadError(Exception):
    """One input that could not become an article: ``str(err)`` is ``"<input>: <problem>"``."""

    def __init__(self, input: str, problem: str) -> None:
        super().__init__(f"{input}: {problem}")
        self.input = input
        self.problem = problem

    def __reduce__(self):  # picklable for worker processes
        return (type(self), (self.input, self.problem))


def size_text(n_bytes: int) -> str:
    """Human-readable size for messages: 5.0 MB, 812 KB, 97 bytes."""
    if n_bytes >= 1024 * 1024:
        return f"{n_bytes / (1024 * 1024):.1f} MB"
    if n_bytes >= 1024:
        return f"{n_bytes / 1024:.0f} KB"
    return f"{n_bytes} bytes"

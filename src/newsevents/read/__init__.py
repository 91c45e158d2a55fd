"""Readers: every input format becomes ``Article`` records; bad inputs become ``ReadError`` values.

``read_inputs`` never raises for one bad input: it yields a ``ReadError`` naming the input and the
problem, and goes on with the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsevents.model import Article


class ReadError(Exception):
    def __init__(self, input: str, problem: str) -> None:
        super().__init__(f"{input}: {problem}")
        self.input = input
        self.problem = problem


def read_inputs(inputs: Iterable[str]) -> Iterator[Article | ReadError]:
    """(Provisional minimal version; the readers module replaces it.)"""
    for name in inputs:
        path = Path(name)
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as exc:
            yield ReadError(name, exc.strerror or str(exc))
            continue
        if path.suffix == ".jsonl":
            for n, line in enumerate(raw.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield ReadError(f"{name}:{n}", f"malformed JSON ({exc.msg})")
                    continue
                yield Article(text=rec["text"], published=rec.get("published"), title=rec.get("title"),
                              outlet=rec.get("outlet"), url=rec.get("url"), external_id=rec.get("id"),
                              source=f"{name}:{n}")
        elif raw.startswith(" date "):
            head, title, body = (raw.split("\n", 2) + ["", ""])[:3]
            yield Article(text=body, title=title, published=head.split()[1], source=name)
        else:
            yield Article(text=raw, source=name)

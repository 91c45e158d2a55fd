"""JSON Lines (one record per line), and JSON files holding one record or an array of records.

A record is an object with ``text`` (required, the body) and optionally ``id`` (kept as
``external_id``), ``title``, ``published`` (a date or date-time, normalised to ISO 8601), ``url``,
``outlet`` and ``language``; other fields are ignored. Each bad line or record is its own error,
named ``path:LINE`` (``path[INDEX]`` in an array), and the rest of the file is still read. A
``published`` that is not a date does not cost the record: the article is kept without a date and a
warning names the line.

JSON Lines files are streamed, so a corpus of any size is read in constant memory. A file none of
whose first lines is JSON is one error ("not JSON Lines"), not one per line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsevents.model import Article
from newsevents.read.build import make_article
from newsevents.read.decode import decode
from newsevents.read.errors import ReadError
from newsevents.read.formats import register_format
from newsevents.read.source import Source

_LINE_EXTENSIONS = (".jsonl", ".ndjson", ".jsonlines")
# Lines that fail before any succeeds, after which a file is judged not to be JSON Lines at all.
_GIVE_UP_AFTER = 20


def looks_like_json(head: str) -> bool:
    return head.startswith(("{", "["))


@register_format("json", (*_LINE_EXTENSIONS, ".json"), looks_like_json)
def read_json(source: Source) -> Iterator[Article | ReadError]:
    source.check_text_like()
    head = source.head_text().lstrip()
    if head.startswith("["):
        yield from _read_whole(source)
        return
    streamed = source.path is not None and source.path.suffix.lower() in _LINE_EXTENSIONS
    if not streamed:
        # A .json file or stdin: one (perhaps pretty-printed) document, or JSON Lines after all.
        text = decode(source.read_bytes(), source.name)
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            if not _first_line_is_json(text):
                raise ReadError(f"{source.name}:{exc.lineno}",
                                f"malformed JSON ({exc.msg} at column {exc.colno})") from None
        else:
            yield from _records(source.name, document)
            return
    yield from _read_lines(source)


def _first_line_is_json(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    return True


def record_to_article(input: str, record: Any) -> Article:
    if not isinstance(record, dict):
        raise ReadError(input, f"record is not a JSON object (it is {_json_type(record)})")
    text = record.get("text")
    if text is None:
        fields = ", ".join(sorted(record)) or "none"
        raise ReadError(input, f"record has no 'text' field (its fields: {fields})")
    if not isinstance(text, str):
        raise ReadError(input, f"record's 'text' is {_json_type(text)}, not a string")
    return make_article(
        input, text,
        title=record.get("title"),
        published=record.get("published"),
        url=record.get("url"),
        outlet=record.get("outlet"),
        language=record.get("language"),
        external_id=record.get("id"),
        empty_problem="record's 'text' is empty",
    )


def _read_lines(source: Source) -> Iterator[Article | ReadError]:
    # Until one line parses, errors are held back: a file that is not JSON Lines at all is one
    # error, not one per line.
    held: list[ReadError] = []
    parsed_any = seen_any = False
    for n, raw in source.lines():
        if not raw.strip():
            continue
        seen_any = True
        input = f"{source.name}:{n}"
        try:
            record = json.loads(_line_text(raw, input))
        except ReadError as exc:
            problem: ReadError | None = exc
        except json.JSONDecodeError as exc:
            problem = ReadError(input, f"malformed JSON ({exc.msg} at column {exc.colno})")
        else:
            problem = None
        if problem is not None:
            if parsed_any:
                yield problem
                continue
            held.append(problem)
            if len(held) >= _GIVE_UP_AFTER:
                yield ReadError(source.name, f"not JSON Lines: none of the first {len(held)} lines is JSON "
                                             f"(line {held[0].input.rsplit(':', 1)[1]}: {held[0].problem})")
                return
            continue
        if not parsed_any:
            parsed_any = True
            yield from held
            held.clear()
        try:
            yield record_to_article(input, record)
        except ReadError as exc:
            yield exc
    if len(held) > 1:
        yield ReadError(source.name, f"not JSON Lines: none of its {len(held)} lines is JSON "
                                     f"(line {held[0].input.rsplit(':', 1)[1]}: {held[0].problem})")
    else:
        yield from held
    if not seen_any:
        yield ReadError(source.name, "empty file (no JSON lines)")


def _line_text(raw: bytes, input: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode(raw, input)


def _read_whole(source: Source) -> Iterator[Article | ReadError]:
    text = decode(source.read_bytes(), source.name)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"{source.name}:{exc.lineno}", f"malformed JSON ({exc.msg} at column {exc.colno})") \
            from None
    yield from _records(source.name, document)


def _records(name: str, document: Any) -> Iterator[Article | ReadError]:
    if isinstance(document, dict):
        yield record_to_article(name, document)
        return
    if not isinstance(document, list):
        raise ReadError(name, f"JSON document is {_json_type(document)}, not a record or an array of records")
    if not document:
        raise ReadError(name, "empty JSON array (no records)")
    for i, record in enumerate(document):
        try:
            yield record_to_article(f"{name}[{i}]", record)
        except ReadError as exc:
            yield exc


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)

"""One input to read: a file, or bytes already in hand (standard input, a pipe).

Readers ask a ``Source`` for its bytes, its text or its lines; each of these raises ``ReadError`` with
the input's name for anything unreadable (missing, permission denied, too large, empty, binary).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from newsevents.read.decode import binary_kind, bom_encoding, decode, sniff_text
from newsevents.read.errors import MAX_FILE_BYTES, ReadError, size_text

_HEAD_BYTES = 8192


@dataclass
class Source:
    name: str
    path: Path | None = None
    data: bytes | None = None
    _head: bytes | None = field(default=None, repr=False)

    def open(self) -> BinaryIO:
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        try:
            return open(self.path, "rb")
        except PermissionError:
            raise ReadError(self.name, "permission denied") from None
        except FileNotFoundError:
            raise ReadError(self.name, "no such file") from None
        except IsADirectoryError:
            raise ReadError(self.name, "is a directory") from None
        except OSError as exc:
            raise ReadError(self.name, f"cannot be read ({exc.strerror or exc})") from None

    def head(self) -> bytes:
        """The first few kilobytes, for recognising the format."""
        if self._head is None:
            if self.data is not None:
                self._head = self.data[:_HEAD_BYTES]
            else:
                with self.open() as stream:
                    self._head = _read(stream, _HEAD_BYTES, self.name)
        return self._head

    def head_text(self) -> str:
        return sniff_text(self.head())

    def check_text_like(self) -> None:
        """Raise for an empty or binary input before any reader spends time on it."""
        head = self.head()
        if not head:
            raise ReadError(self.name, "empty file")
        kind = binary_kind(head)
        if kind:
            raise ReadError(self.name, f"binary file ({kind}), not text")

    def read_bytes(self) -> bytes:
        if self.data is None:
            with self.open() as stream:
                self.data = _read(stream, MAX_FILE_BYTES + 1, self.name)
        if len(self.data) > MAX_FILE_BYTES:
            raise ReadError(self.name, f"file is too large to read whole ({size_text(len(self.data))}+; "
                                       f"the limit is {size_text(MAX_FILE_BYTES)}; use JSON Lines for big batches)")
        return self.data

    def read_text(self, declared_encoding: str | None = None) -> str:
        """The decoded text; raises for empty, binary or undecodable input."""
        self.check_text_like()
        text = decode(self.read_bytes(), self.name, declared_encoding)
        if not text.strip():
            raise ReadError(self.name, "empty file (only whitespace)")
        return text

    def lines(self) -> Iterator[tuple[int, bytes]]:
        """Numbered raw lines (1-based), streamed; a UTF-16/32 file is re-encoded to UTF-8 on the way."""
        with self.open() as stream:
            encoding = bom_encoding(self.head())
            if encoding and encoding != "utf-8-sig":
                text_stream = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline=None)
                for n, line in enumerate(text_stream, 1):
                    yield n, line.encode("utf-8")
                return
            for n, line in enumerate(_lines_of(stream, self.name), 1):
                yield n, (line[3:] if n == 1 and line.startswith(b"\xef\xbb\xbf") else line)


def _lines_of(stream: BinaryIO, name: str) -> Iterator[bytes]:
    try:
        yield from stream
    except OSError as exc:
        raise ReadError(name, f"read failed ({exc.strerror or exc})") from None


def _read(stream: BinaryIO, limit: int, name: str) -> bytes:
    try:
        return stream.read(limit)
    except IsADirectoryError:
        raise ReadError(name, "is a directory") from None
    except OSError as exc:
        raise ReadError(name, f"read failed ({exc.strerror or exc})") from None

"""What the user named, as sources to read: files, folders (recursively), glob patterns and ``-``.

Folders are walked in sorted order, skipping hidden files and folders (``.git``, ``.DS_Store``) and
files whose extension says they are not text (images, PDFs, archives, office documents); a folder in
which nothing is left is an error. A pattern that matches nothing is an error. The same file named
twice (directly and inside a folder, or by two patterns) is read once.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsevents.read.errors import ReadError
from newsevents.read.source import Source

STDIN = "-"
STDIN_NAME = "<stdin>"

# Skipped inside folders only: named explicitly, such a file is read and reported as binary.
NOT_TEXT_EXTENSIONS = frozenset(
    ".png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .heic .avif "
    ".pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .epub "
    ".zip .gz .tgz .bz2 .xz .7z .rar .tar .zst "
    ".mp3 .mp4 .m4a .wav .ogg .webm .mov .avi .mkv "
    ".exe .dll .so .dylib .bin .o .pyc .class .jar "
    ".db .db-wal .db-shm .db-journal .sqlite .sqlite3 .parquet .arrow .feather .pkl .pickle .npy .npz "
    ".css .js .map .woff .woff2 .ttf .otf .eot".split()
)


def expand_inputs(inputs: Iterable[str], stdin: BinaryIO | None = None,
                  exclude: Iterable[str] = ()) -> Iterator[Source | ReadError]:
    """Sources in input order; ``exclude`` names files never to read (e.g. the output being written)."""
    seen: set[str] = {_identity(Path(p)) for p in exclude}
    for name in inputs:
        if name == STDIN:
            yield _stdin_source(stdin, seen)
            continue
        for item in _expand_one(name):
            if isinstance(item, Source):
                key = _identity(item.path) if item.path is not None else item.name
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _stdin_source(stdin: BinaryIO | None, seen: set[str]) -> Source | ReadError:
    if STDIN in seen:
        return ReadError(STDIN_NAME, "standard input was already read")
    seen.add(STDIN)
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read()
    except OSError as exc:
        return ReadError(STDIN_NAME, f"read failed ({exc.strerror or exc})")
    return Source(STDIN_NAME, data=data)


def _expand_one(name: str) -> Iterator[Source | ReadError]:
    path = Path(name)
    try:
        exists = path.exists()
    except OSError as exc:  # e.g. a name too long for the file system
        yield ReadError(name, f"cannot be opened ({exc.strerror or exc})")
        return
    if not exists:
        if glob.has_magic(name):
            yield from _expand_pattern(name)
        elif path.is_symlink():
            yield ReadError(name, "broken symbolic link")
        else:
            yield ReadError(name, "no such file or directory")
        return
    if path.is_dir():
        yield from _expand_folder(path, name)
    else:
        yield Source(name, path=path)


def _expand_pattern(pattern: str) -> Iterator[Source | ReadError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield ReadError(pattern, "no files match the pattern")
        return
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _expand_folder(path, match)
        else:
            yield Source(match, path=path)


def _expand_folder(folder: Path, name: str) -> Iterator[Source | ReadError]:
    found = skipped = 0
    problems: list[ReadError] = []

    def on_error(exc: OSError) -> None:
        where = exc.filename or name
        if isinstance(exc, PermissionError):
            problems.append(ReadError(where, "permission denied (folder)"))
        else:
            problems.append(ReadError(where, f"folder cannot be listed ({exc.strerror or exc})"))

    for root, dirs, files in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if file.startswith("."):
                continue
            path = Path(root) / file
            if path.suffix.lower() in NOT_TEXT_EXTENSIONS:
                skipped += 1
                continue
            found += 1
            yield Source(str(path), path=path)
    yield from problems
    if not found and not problems:
        reason = f" ({skipped} skipped: not text)" if skipped else ""
        yield ReadError(name, f"folder has no files to read{reason}")


def _identity(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path)

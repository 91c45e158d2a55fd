"""Bytes to text: byte-order marks, UTF-8, the legacy encodings news archives use, and binary refusal.

Order of trust: a byte-order mark; strict UTF-8; UTF-8 with a few corrupt bytes replaced (a mostly
UTF-8 file is not re-read as something else); Windows-1252 for ASCII text with a sprinkling of high
bytes (the commonest legacy encoding of English news, and one charset detectors misname on short
samples); then charset-normalizer's best guess. Text that still decodes to control characters is
refused as undecodable rather than passed on as noise.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata

from charset_normalizer import from_bytes

from newsevents.read.errors import ReadError

log = logging.getLogger("newsevents.read")

# Longest BOMs first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of files people point the reader at by mistake, so the message can say what it is.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
    (b"RIFF", "audio or video file"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"PAR1", "Parquet file"),
)

_ALLOWED_CONTROLS = set("\t\n\r\f\v")


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without a mark: ASCII-range text has a NUL in every other byte, all on one side."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) // 2)
    odd_nul = sample[1::2].count(0) / (len(sample) // 2)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def binary_kind(head: bytes) -> str | None:
    """What a file is if it is not text (``"PNG image"``, ``"binary data"``), else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if bom_encoding(head) or _bomless_utf16(head):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    return None


def sniff_text(head: bytes) -> str:
    """A lenient decoding of the first bytes, only for recognising a format (never stored)."""
    encoding = bom_encoding(head) or _bomless_utf16(head) or "utf-8"
    return head.decode(encoding, errors="ignore").lstrip("\ufeff")


def decode(data: bytes, name: str, declared: str | None = None) -> str:
    """The text in ``data``; raises ``ReadError(name, ...)`` for binary or undecodable bytes.

    ``declared`` is an encoding the input names for itself (an HTML ``<meta charset>``); it is
    trusted after a byte-order mark and valid UTF-8, before any guessing.
    """
    encoding = bom_encoding(data) or _bomless_utf16(data[:4096])
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ReadError(name, f"undecodable bytes: starts like {encoding} but byte {exc.start} "
                                  f"is invalid ({exc.reason})") from None
    kind = binary_kind(data[:8192])
    if kind:
        raise ReadError(name, f"binary file ({kind}), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc
    text = _declared(data, declared) or _mostly_utf8(data, name) or _ascii_with_cp1252(data) or _detected(data)
    if text is None or _looks_garbled(text):
        bad = data[first_bad.start]
        raise ReadError(name, f"undecodable bytes: not UTF-8 (byte 0x{bad:02x} at offset {first_bad.start} "
                              "is invalid) and no other text encoding fits")
    return text


def _declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):  # an unknown name, or a declaration that lies
        return None


def _mostly_utf8(data: bytes, name: str) -> str | None:
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    valid_multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if valid_multibyte >= 3 and replaced * 10 <= valid_multibyte:
        log.warning("%s: %d invalid UTF-8 byte sequence(s) replaced by U+FFFD", name, replaced)
        return text
    return None


def _ascii_with_cp1252(data: bytes) -> str | None:
    high = sum(1 for b in data if b > 0x7F)
    if high > 0.05 * len(data):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined: not this encoding
        return None


def _detected(data: bytes) -> str | None:
    best = from_bytes(data).best()
    return str(best) if best is not None else None


def _looks_garbled(text: str) -> bool:
    odd = sum(1 for ch in text if (unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in _ALLOWED_CONTROLS))
    return odd > 0.01 * max(len(text), 1)

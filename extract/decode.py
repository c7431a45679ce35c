"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM) and Windows-1258 (tried before
any legacy-font guess, since its combining tone marks look like TCVN3 as Latin-1), detected
without a heavy dependency; legacy font encodings (TCVN3, VNI) are recognised and refused
by name rather than loaded as gibberish, and undecodable bytes are reported by byte offset,
never replaced in the stored text.

>>> decode_bytes("Hội nghị".encode("utf-8")).encoding
'utf-8'
>>> decode_bytes(b"H\\xf4\\xf2i nghi\\xf2").text  # Windows-1258: combining tone marks
'Hội nghị'
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from vnkg.extraction.keys import nfc as _nfc

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"),
         (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, NFC-normalised, and the encoding it was in."""

    text: str
    encoding: str


class DecodeError(ValueError):
    """Bytes that are not text we can read: why, where (byte offset) and what to do."""

    def __init__(self, reason: str, offset: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes; raise DecodeError (with the byte offset) when they are not
    readable text or are in a legacy font encoding.

    >>> decode_bytes(b"\\xef\\xbb\\xbfSa\\xcc\\x81ng 3/1").text
    'Sáng 3/1'
    >>> try:
    ...     decode_bytes(b"ok\\xff")
    ... except DecodeError as err:
    ...     print(err.offset, err)
    2 undecodable byte 0xff at byte offset 2; save the file as UTF-8
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data, encoding, len(bom)), encoding)
    nul = data.find(b"\0")
    if nul >= 0:
        utf16 = _bomless_utf16(data)
        if utf16:
            return Decoded(_strict(data, utf16, 0), utf16)
        raise DecodeError(f"binary file (NUL byte at byte offset {nul}), not a text article; "
                          "remove it or pass only article files", nul)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _not_utf8(data, err)
    _refuse_legacy(text)
    return Decoded(_nfc(text), "utf-8")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: Vietnamese and ASCII text in it has a NUL in
    (nearly) every other byte, on the odd side for little-endian."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) >= len(zeros) * 0.6:
            return encoding
    return None


def _strict(data: bytes, encoding: str, start: int) -> str:
    try:
        text = data[start:].decode(encoding)
    except UnicodeDecodeError as err:
        at = start + err.start
        raise DecodeError(f"undecodable bytes for {encoding} at byte offset {at}; "
                          "save the file as UTF-8", at) from err
    _refuse_legacy(text)
    return _nfc(text)


def _not_utf8(data: bytes, err: UnicodeDecodeError) -> Decoded:
    if not _mostly_utf8(data):
        text = _cp1258(data)
        if text is not None:
            return Decoded(text, "cp1258")
        _refuse_legacy(data.decode("latin-1"))
    raise DecodeError(f"undecodable byte 0x{data[err.start]:02x} at byte offset {err.start}; "
                      "save the file as UTF-8", err.start)


def _cp1258(data: bytes) -> str | None:
    """The text of Windows-1258 bytes, or None when they are not Vietnamese in it.

    Tried before any legacy-font guess: seen as Latin-1, its combining tone marks (0xDE, 0xD2
    ...) are the very characters that betray TCVN3. Every mark must join its vowel under NFC:
    a mark left over means the bytes were never Windows-1258.
    """
    try:
        text = _nfc(data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    if any(unicodedata.combining(c) for c in text) or not looks_vietnamese(text):
        return None
    return text


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes (more valid multi-byte characters than errors)."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    return sum(1 for c in text if ord(c) > 127) - bad > bad


def looks_vietnamese(text: str) -> bool:
    """True when the letters of `text` are (nearly all) Vietnamese letters, some beyond ASCII.

    >>> looks_vietnamese("Đồng chí chủ trì hội nghị")
    True
    >>> looks_vietnamese("Größe über alles")
    False
    """
    letters = [c for c in text if c.isalpha() or unicodedata.combining(c)]
    if not letters:
        return False
    viet = _letters()
    foreign = sum(1 for c in letters if c not in viet)
    return foreign <= len(letters) // 50 and any(ord(c) > 127 for c in letters)


@lru_cache(maxsize=1)
def _letters() -> frozenset[str]:
    ascii_letters = {chr(c) for c in range(ord("a"), ord("z") + 1)}
    ascii_letters |= {c.upper() for c in ascii_letters}
    toned = {_nfc(v + t) for v in _VOWELS for t in _TONES}
    return frozenset(ascii_letters | toned | {"đ", "Đ"})


def legacy_encoding(text: str) -> str | None:
    """The name of the legacy font encoding `text` looks typed in, or None.

    Text in TCVN3 or VNI shows characters no Unicode Vietnamese uses (® for đ, Ö for ệ...),
    and few of the letters Unicode Vietnamese is full of (ă ơ ư đ ạ ế ...).

    >>> legacy_encoding("§ång chÝ NguyÔn V¨n T©m chñ tr× héi nghÞ")
    'TCVN3 (ABC)'
    >>> legacy_encoding("Ñoàng chí Nguyeãn Vaên Taâm chuû trì hoäi nghò")
    'VNI'
    >>> legacy_encoding("Đồng chí Nguyễn Văn Tâm chủ trì hội nghị") is None
    True
    """
    extended: int | None = None  # counted only for a text that shows a signature: Unicode
    # Vietnamese is full of these letters, and the build's one reading process checks each text
    for name, marks in _signatures():
        hits = len(marks.findall(text))
        if hits < 3:
            continue
        if extended is None:
            extended = len(_EXTENDED.findall(text))
        if hits > extended:
            return name
    return None


_EXTENDED = re.compile("[\u0100-\u1ef9]")


def _refuse_legacy(text: str) -> None:
    name = legacy_encoding(text)
    if name:
        raise DecodeError(f"looks like {name} legacy font encoding; convert it to Unicode "
                          "first (e.g. with a Vietnamese converter such as UniKey's)")


@lru_cache(maxsize=1)
def _signatures() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each legacy encoding's telltale characters, as one character class (counted in C)."""
    lexicons = resources.files("vnkg.extraction") / "lexicons"
    rows = (lexicons / "legacy_encodings.tsv").read_text("utf-8")
    found = []
    for line in rows.splitlines():
        if line.strip() and not line.startswith("#"):
            name, marks = line.split("\t")
            chars = "".join(re.escape(c) for c in sorted(set(marks)))
            found.append((name, re.compile(f"[{chars}]")))
    return tuple(found)

"""Bytes to text: UTF-8 (BOM or not), UTF-16, Windows-1258, legacy fonts, bad bytes."""

from __future__ import annotations

import codecs
import re
import unicodedata

import pytest

from tests.robustness.helpers import (
    LEGACY_PHRASE,
    SENTENCE,
    TCVN3_PHRASE,
    VNI_PHRASE,
    to_cp1258,
)
from vnkg.extraction.decode import DecodeError, decode_bytes, legacy_encoding

NFC = unicodedata.normalize("NFC", SENTENCE)


@pytest.mark.parametrize("data, encoding", [
    (SENTENCE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8"),
    (unicodedata.normalize("NFD", SENTENCE).encode("utf-8"), "utf-8"),
    (SENTENCE.encode("utf-16"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16-be"),
    (SENTENCE.encode("utf-16-le"), "utf-16-le"),  # no byte-order mark
    (to_cp1258(SENTENCE), "cp1258"),
])
def test_each_encoding_gives_the_same_nfc_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == NFC
    assert decoded.encoding == encoding


def test_cp1258_uses_combining_tone_marks() -> None:
    data = to_cp1258("hội nghị")
    assert b"\xf2" in data  # the combining dot below
    assert decode_bytes(data).text == "hội nghị"


@pytest.mark.parametrize("phrase, name", [(TCVN3_PHRASE, "TCVN3 (ABC)"), (VNI_PHRASE, "VNI")])
def test_legacy_fonts_are_named_not_loaded(phrase: str, name: str) -> None:
    assert legacy_encoding(phrase) == name
    for data in (phrase.encode("cp1252"), phrase.encode("utf-8")):
        expected = f"looks like {name} legacy font encoding; convert it to Unicode first"
        with pytest.raises(DecodeError, match=re.escape(expected)):
            decode_bytes(data)


def test_unicode_vietnamese_is_not_mistaken_for_a_legacy_font() -> None:
    text = LEGACY_PHRASE + " (nhãn hiệu ® và § 3 · × 2)"
    assert legacy_encoding(text) is None
    assert decode_bytes(text.encode("utf-8")).text == text


def test_undecodable_bytes_give_the_byte_offset_and_are_never_replaced() -> None:
    data = SENTENCE.encode("utf-8") + b" \x81\x8d\xff tail"
    with pytest.raises(DecodeError) as err:
        decode_bytes(data)
    assert err.value.offset == len(SENTENCE.encode("utf-8")) + 1
    assert "byte offset" in str(err.value) and "save the file as UTF-8" in str(err.value)


def test_broken_utf16_gives_its_offset() -> None:
    data = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8"  # a lone surrogate
    with pytest.raises(DecodeError) as err:
        decode_bytes(data)
    assert err.value.offset == 6


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(DecodeError, match="binary file .NUL byte at byte offset 3"):
        decode_bytes(b"PK\x03\x00\x04")


@pytest.mark.parametrize("text", [
    "Đồng chí Đỗ Hữu Thắng, Chủ tịch UBND huyện Mỹ Đức chủ trì hội nghị.",
    "Thượng tá Vũ Thị Ngữ Thảo phát biểu; Đại úy Lữ Đức Hưởng dự.",
    "Ông Đỗ Nguyễn Hữu Kỷ trao quà",
])
def test_cp1258_with_tilde_and_hook_marks_is_not_taken_for_tcvn3(text: str) -> None:
    data = to_cp1258(text)
    assert legacy_encoding(data.decode("latin-1")) is not None  # why the order matters
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1258"
    assert decoded.text == unicodedata.normalize("NFC", text)


def test_tcvn3_bytes_are_still_named_after_the_cp1258_attempt() -> None:
    with pytest.raises(DecodeError, match="TCVN3"):
        decode_bytes((TCVN3_PHRASE + " " + TCVN3_PHRASE).encode("cp1252"))

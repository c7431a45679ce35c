"""Helpers shared by the robustness tests: legacy encoders and invented article text."""

from __future__ import annotations

import unicodedata

# Invented sentences in the genre, with invented people.
SENTENCE = ("Sáng 14/3, UBND huyện Đồng Lâm tổ chức hội nghị tổng kết công tác quốc phòng. "
            "Đồng chí Nguyễn Văn Tâm, Chủ tịch UBND huyện chủ trì hội nghị.")
LEGACY_PHRASE = "Đồng chí Nguyễn Văn Tâm chủ trì hội nghị tổng kết"
# the same phrase as typed in the legacy fonts, shown as the Latin-1 characters of its bytes
TCVN3_PHRASE = "§ång chÝ NguyÔn V¨n T©m chñ tr× héi nghÞ tæng kÕt"
VNI_PHRASE = "Ñoàng chí Nguyeãn Vaên Taâm chuû trì hoäi nghò toång keát"


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letters (â ơ ư ...) plus combining tone marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, marks = unicodedata.normalize("NFD", ch)[0], unicodedata.normalize("NFD", ch)[1:]
        for mark in marks:
            joined = unicodedata.normalize("NFC", base + mark)
            if len(joined) == 1 and _encodable(joined):
                base, marks = joined, marks.replace(mark, "", 1)
                break
        out += (base + marks).encode("cp1258")
    return bytes(out)


def _encodable(ch: str) -> bool:
    try:
        ch.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True

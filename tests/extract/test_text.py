"""NFC, tone-mark folding and abbreviation expansion."""

from __future__ import annotations

import unicodedata

from vnkg.extraction.text import canonical, expand_abbreviations, fold, fold_same_length, nfc, tone


def test_nfc_and_fold_agree_across_forms() -> None:
    nfd = unicodedata.normalize("NFD", "Thủy Hòa")
    assert nfc(nfd) == "Thủy Hòa"
    assert fold("THUỶ  HOÀ") == fold(nfd) == "thủy hòa"
    assert fold("Quý Quỳnh") == "quý quỳnh"  # 'qu' keeps its u


def test_fold_same_length_keeps_offsets() -> None:
    text = "Uỷ ban nhân dân xã Hoà Bình"
    assert len(fold_same_length(text)) == len(text)
    assert fold_same_length(text) == "ủy ban nhân dân xã hòa bình"


def test_tone_keeps_case() -> None:
    assert tone("HOÀ Thuỷ") == "HÒA Thủy"


def test_gold_md_abbreviations_expand() -> None:
    cases = {
        "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "BTV": "Ban Thường vụ",
        "UV BTV": "Ủy viên Ban Thường vụ", "TUV": "Tỉnh ủy viên", "UVTV": "Ủy viên Thường vụ",
        "PBT": "Phó Bí thư", "CT": "Chủ tịch", "MTTQ": "Mặt trận Tổ quốc",
        "ĐBQH": "Đại biểu Quốc hội", "TW": "Trung ương", "TƯ": "Trung ương",
        "T.Ư": "Trung ương", "Ban CHQS": "Ban Chỉ huy quân sự",
        "BCHQS": "Ban Chỉ huy quân sự", "Bộ CHQS": "Bộ Chỉ huy quân sự",
        "BĐBP": "Bộ đội Biên phòng", "LLVT": "lực lượng vũ trang", "DQTV": "dân quân tự vệ",
        "NVQS": "nghĩa vụ quân sự", "HĐ NVQS": "Hội đồng nghĩa vụ quân sự",
        "KVPT": "khu vực phòng thủ", "PTDS": "phòng thủ dân sự", "BCĐ": "Ban Chỉ đạo",
        "QĐND": "Quân đội nhân dân", "TP. Vinh": "thành phố Vinh", "Q. Ba Đình": "quận Ba Đình",
        "P. Trần Phú": "phường Trần Phú", "H. Mường Tè": "huyện Mường Tè",
        "TPHCM": "Thành phố Hồ Chí Minh",
    }
    for short, long in cases.items():
        assert expand_abbreviations(short) == long, short


def test_abbreviations_only_as_whole_words() -> None:
    assert expand_abbreviations("CTV và CTCP") == "CTV và CTCP"
    assert canonical("Chỉ huy trưởng Bộ CHQS tỉnh") == "Chỉ huy trưởng Bộ Chỉ huy quân sự tỉnh"

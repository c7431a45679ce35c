"""Units (organisations): heads, tails and places, and the place an article implies."""

from __future__ import annotations

from typing import Any

from tests.extract.helpers import record


def _units(text: str) -> dict[str, dict[str, Any]]:
    return {u["name"]: u for u in record(text)["units"]}


def test_unit_without_its_place_takes_the_province_the_article_implies() -> None:
    units = _units("Sáng 3/4, huyện Ngân Sơn tổ chức hội nghị. Đại tá Lường Văn Khánh, Chỉ huy "
                   "trưởng Bộ CHQS tỉnh phát biểu.")
    unit = units["Bộ Chỉ huy quân sự tỉnh Bắc Kạn"]
    assert unit["place"]["code"] and unit["place"]["type"] == "tỉnh"


def test_unit_without_its_place_takes_the_district_of_the_communes() -> None:
    units = _units("Ban CHQS huyện kiểm tra dân quân xã Trí Nang. UBND huyện chỉ đạo.")
    assert "Ủy ban nhân dân huyện Lang Chánh" in units


def test_local_unit_of_unknown_place_stays_in_its_article() -> None:
    units = _units("Đại tá Mạc Văn Hùng, Chỉ huy trưởng Bộ CHQS tỉnh chủ trì. Chính phủ và "
                   "Quân khu 2 chỉ đạo.")
    assert units["Bộ Chỉ huy quân sự tỉnh"]["scope"] == "article"
    assert "scope" not in units["Chính phủ"] and "scope" not in units["Quân khu 2"]


def test_two_provinces_imply_none() -> None:
    units = _units("Huyện Ngân Sơn và huyện Krông Ana giao lưu. Bộ CHQS tỉnh chủ trì.")
    assert units["Bộ Chỉ huy quân sự tỉnh"]["scope"] == "article"

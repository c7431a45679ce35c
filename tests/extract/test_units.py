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


def _surfaces(text: str) -> set[str]:
    rec = record(text)
    return {u["surface"] for u in rec["units"]} | {u["name"] for u in rec["units"]}


def test_media_and_culture_centres() -> None:
    got = _surfaces("Báo Hà Tĩnh phối hợp với Trung tâm Văn hóa, Thông tin và Thể thao huyện "
                    "Hương Khê tổ chức cuộc thi. Báo cáo của đoàn cho thấy kết quả tốt.")
    assert {"Báo Hà Tĩnh", "Trung tâm Văn hóa, Thông tin và Thể thao huyện Hương Khê"} <= got
    assert not {s for s in got if s.startswith("Báo cáo")}


def test_boards_with_a_number_scope_or_long_tail() -> None:
    got = _surfaces("Ban Chỉ đạo 138 Chính phủ gửi báo cáo tới Ban Chỉ đạo quốc gia về tìm kiếm "
                    "cứu nạn. Ban Chỉ huy PCTT và TKCN tỉnh Yên Bái họp. Ban Chỉ đạo về dự.")
    assert {"Ban Chỉ đạo 138 Chính phủ", "Ban Chỉ đạo quốc gia về tìm kiếm cứu nạn",
            "Ban Chỉ huy PCTT và TKCN tỉnh Yên Bái"} <= got
    assert "Ban Chỉ đạo về dự" not in got


def test_numbered_and_named_military_sub_units() -> None:
    got = _surfaces("Hải đội dân quân thường trực tỉnh và Tiểu đoàn 12 tham gia diễn tập; Bộ Tham "
                    "mưu Quân khu 3 và tiểu đoàn bộ binh huyện cùng dự. Tiểu đoàn trưởng Đinh "
                    "Văn Lộc báo cáo.")
    assert {"Hải đội dân quân thường trực tỉnh", "Tiểu đoàn 12", "Bộ Tham mưu Quân khu 3",
            "tiểu đoàn bộ binh huyện"} <= got
    assert not {s for s in got if "trưởng" in s}


def test_border_posts_named_only_in_a_list() -> None:
    got = _surfaces("Ba đồn biên phòng Na Mèo, Tén Tằn và Pù Nhi phối hợp tuần tra.")
    assert {"Đồn Biên phòng Na Mèo", "Đồn Biên phòng Tén Tằn", "Đồn Biên phòng Pù Nhi"} <= got


def test_civil_departments_and_committees() -> None:
    got = _surfaces("Ban Dân tộc tỉnh, Phòng Tài nguyên và Môi trường huyện Bảo Lạc, Văn phòng "
                    "Tỉnh ủy và Ủy ban Quốc phòng và An ninh của Quốc hội cùng dự. Bộ trưởng Bộ "
                    "Nội vụ phát biểu.")
    assert {"Ban Dân tộc tỉnh", "Phòng Tài nguyên và Môi trường huyện Bảo Lạc",
            "Văn phòng Tỉnh ủy", "Ủy ban Quốc phòng và An ninh", "Bộ Nội vụ"} <= got
    assert not {s for s in got if s.startswith("Bộ trưởng")}


def test_ad_hoc_bodies() -> None:
    got = _surfaces("Ban Đạo diễn cuộc diễn tập đã thông qua kịch bản. Tiểu ban Văn kiện họp. "
                    "Đoàn Chủ tịch điều hành. Hội đồng tuyển quân xã Tân Lập và Ban Chấp hành "
                    "Đảng bộ huyện Mường Tè dự.")
    assert {"Ban Đạo diễn", "Tiểu ban Văn kiện", "Đoàn Chủ tịch", "Hội đồng tuyển quân xã Tân Lập",
            "Ban Chấp hành Đảng bộ huyện Mường Tè"} <= got


def test_surface_variants_of_known_units() -> None:
    got = _surfaces("Ban CHQS Tổng công ty Đường sắt tổ chức huấn luyện tự vệ. Đảng ủy - Bộ CHQS "
                    "tỉnh Lai Châu, Tổng cục Chính trị QĐND Việt Nam, UBMTTQ huyện Sìn Hồ và Bộ "
                    "Chỉ hủy Quân sự tỉnh Lào Cai dự.")
    assert {"Ban CHQS Tổng công ty Đường sắt", "Đảng ủy - Bộ CHQS tỉnh Lai Châu",
            "Tổng cục Chính trị QĐND Việt Nam", "UBMTTQ huyện Sìn Hồ",
            "Bộ Chỉ huy quân sự tỉnh Lào Cai"} <= got


def test_named_heads_in_a_capitals_headline_are_not_units() -> None:
    assert not {s for s in _surfaces("DIỄN TẬP KHU VỰC PHÒNG THỦ HUYỆN NĂM 2024\nNội dung.")
                if s.upper().startswith("PHÒNG")}


def test_two_word_stops_end_a_tail_only_as_a_whole() -> None:
    got = _surfaces("Phòng Nông nghiệp và Phát triển nông thôn, Phòng Nội vụ và Ban Chỉ đạo diễn "
                    "tập triển khai kế hoạch.")
    assert {"Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Nội vụ",
            "Ban Chỉ đạo diễn tập"} <= got


def test_named_bodies_need_no_place() -> None:
    units = _units("Ủy ban Quốc phòng và An ninh, Báo Quân đội nhân dân, Ban Chỉ đạo và Tiểu ban "
                   "Văn kiện dự.")
    assert "scope" not in units["Ủy ban Quốc phòng và An ninh"]
    assert "scope" not in units["Báo Quân đội nhân dân"]
    assert units["Ban Chỉ đạo"]["scope"] == "article"
    assert units["Tiểu ban Văn kiện"]["scope"] == "article"  # a body of one event


def test_a_date_after_a_named_post_ends_its_name() -> None:
    got = _surfaces("Đồn Biên phòng Pa Tần nhân Ngày truyền thống tổ chức gặp mặt.")
    assert "Đồn Biên phòng Pa Tần" in got

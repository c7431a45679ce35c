"""Localities: typed, abbreviated, listed, bare and in brackets."""

from __future__ import annotations

from tests.extract.helpers import record


def _places(text: str) -> set[tuple[str, str | None]]:
    return {(x["name"], x["type"]) for x in record(text)["localities"]}


def test_typed_abbreviated_and_aliases() -> None:
    got = _places("Hội thao tại Q. Hải Châu, TP.Đà Nẵng; đoàn công tác của TPHCM và huyện Mường "
                  "Lát đến thăm thị trấn Mường Lát.")
    assert {("Hải Châu", "quận"), ("Đà Nẵng", "thành phố"), ("Hồ Chí Minh", "thành phố"),
            ("Mường Lát", "huyện"), ("Mường Lát", "thị trấn")} <= got


def test_lists_and_bare_names() -> None:
    got = _places("Kiểm tra các huyện: Định Hóa, Võ Nhai, Đồng Hỷ và xã Ea Tul, Ea Drơng. Thị xã "
                  "Sơn Tây (Hà Nội) và Tây Ninh.")
    assert {("Định Hóa", "huyện"), ("Võ Nhai", "huyện"), ("Đồng Hỷ", "huyện"),
            ("Ea Tul", "xã"), ("Ea Drơng", "xã"), ("Sơn Tây", "thị xã"), ("Hà Nội", "thành phố"),
            ("Tây Ninh", "tỉnh")} <= got


def test_headlines_cues_and_people_are_not_places() -> None:
    got = _places("BẾ MẠC DIỄN TẬP HUYỆN NĂM 2021\nChủ tịch UBND tỉnh Nguyễn Văn Hà phát biểu. "
                  "Đồng chí Trưởng ban huyện Phát biểu kết luận. Ảnh: H.HÙNG")
    assert got == set()


def test_gazetteer_code_when_resolvable_and_spans() -> None:
    text = "Sáng 2/3, UBND tỉnh Bắc Kạn và xã Không Có Thật tổ chức hội nghị."
    rec = record(text)
    by_name = {x["name"]: x for x in rec["localities"]}
    assert by_name["Không Có Thật"]["code"] is None  # kept, unresolved
    for loc in rec["localities"]:
        for m in loc["mentions"]:
            assert text[m["start"]:m["end"]] == loc["surface"]


def test_bracketed_districts_and_place_names_that_look_like_words() -> None:
    got = _places("Thăm xã Việt Hùng (Đông Anh), huyện Quốc Oai và tỉnh Nam Định. Biên giới - "
                  "Hải đảo Lãnh đạo huyện đến thăm. CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert {("Việt Hùng", "xã"), ("Đông Anh", "huyện"), ("Quốc Oai", "huyện"),
            ("Nam Định", "tỉnh")} <= got
    assert not {name for name, _ in got} & {"Lãnh", "HỘI CHỦ NGHĨA VIỆT"}


def test_districts_resolve_within_the_province_named_later() -> None:
    rec = record("Diễn tập khu vực phòng thủ huyện Chợ Mới năm 2023. Bộ CHQS tỉnh Bắc Kạn tổ "
                 "chức hội nghị.")
    codes = {x["name"]: x for x in rec["localities"]}
    if codes["Bắc Kạn"]["code"] is None:  # no gazetteer in this tree
        return
    assert codes["Chợ Mới"]["code"] is not None
    assert codes["Chợ Mới"]["parent"] == codes["Bắc Kạn"]["id"]


def test_the_president_is_not_the_city() -> None:
    got = _places("Thấm nhuần lời dạy của Chủ tịch Hồ Chí Minh; đoàn đến Thành phố Hồ Chí Minh.")
    assert got == {("Hồ Chí Minh", "thành phố")}
    rec = record("Thấm nhuần lời dạy của Chủ tịch Hồ Chí Minh.")
    assert rec["localities"] == [] and rec["persons"] == []


def test_villages_streets_islands_and_passes_are_not_localities() -> None:
    got = _places("Đoàn kiểm tra các đơn vị đóng quân trên đảo Hòn Mun và quần đảo Hà Tiên, "
                  "thăm thôn Quảng Ninh, bản Phú Yên, tổ dân phố Tân Lập, ấp Long An, đường Hà "
                  "Nội và đèo Cao Bằng của xã Ea Tul.")
    assert got == {("Ea Tul", "xã")}


def test_island_district_keeps_its_type() -> None:
    assert ("Lý Sơn", "huyện") in _places("Dân quân huyện đảo Lý Sơn ra quân huấn luyện.")


def test_one_record_per_place_typed_and_bare() -> None:
    rec = record("Thừa Thiên Huế: Ra quân huấn luyện. Bộ CHQS tỉnh Thừa Thiên Huế tổ chức lễ. "
                 "Hội đồng nghĩa vụ quân sự xã Núi Voi họp xét duyệt.\nTrần Mai (Núi Voi)")
    names = [x["name"] for x in rec["localities"]]
    assert names.count("Núi Voi") == 1 and names.count("Thừa Thiên Huế") == 1
    assert {(x["name"], x["type"]) for x in rec["localities"]} >= {("Núi Voi", "xã")}


def test_bare_district_after_a_locative_or_as_a_headline_label() -> None:
    got = _places("Lực lượng dân quân ở Hương Sơn được huấn luyện kỹ. Bộ CHQS tỉnh Hà Tĩnh "
                  "kiểm tra.")
    assert ("Hương Sơn", "huyện") in got
    got = _places("Krông Ana: Ra quân huấn luyện\nBan CHQS tỉnh Đắk Lắk tổ chức lễ ra quân.")
    assert ("Krông Ana", "huyện") in got
    got = _places("Dân quân ở Hương Sơn, Vũ Quang và Đức Thọ được huấn luyện. Bộ CHQS tỉnh Hà "
                  "Tĩnh kiểm tra.")
    assert {("Vũ Quang", "huyện"), ("Đức Thọ", "huyện")} <= got
    # without a province named in the article, a bare name stays unknown
    assert _places("Dân quân ở Hương Sơn luyện tập.") == set()


def test_counted_list_header_far_from_its_list() -> None:
    got = _places("Năm nay, 3 xã của huyện Mù Cang Chải được chọn làm điểm, đó là Khao Mang, "
                  "Nậm Có và Púng Luông.")
    assert {("Khao Mang", "xã"), ("Nậm Có", "xã"), ("Púng Luông", "xã")} <= got


def test_words_in_brackets_are_not_places() -> None:
    assert _places("Trung tướng Lê Văn An (đứng) phát biểu. Đại tá Hà Văn Bình (bìa trái) "
                   "dự.") == set()


def test_type_word_not_given_to_a_following_province() -> None:
    got = _places("Hội nghị diễn ra sáng 4/3/2024 tại TP Buôn Ma Thuột, Đắk Lắk.")
    assert got == {("Buôn Ma Thuột", "thành phố"), ("Đắk Lắk", "tỉnh")}
    got = _places("Công an các tỉnh, thành phố: Cà Mau, Kiên Giang, Cần Thơ dự hội nghị.")
    assert got == {("Cà Mau", "tỉnh"), ("Kiên Giang", "tỉnh"), ("Cần Thơ", "thành phố")}
    got = _places("Dự có đại diện các thành phố: Hà Nội, Hải Phòng.")
    assert got == {("Hà Nội", "thành phố"), ("Hải Phòng", "thành phố")}


def test_bare_reorganised_province_keeps_its_type_as_written() -> None:
    got = _places("Sáng 5/1/2022, tại Thừa Thiên Huế, Bộ CHQS tỉnh tổ chức hội nghị.")
    assert got == {("Thừa Thiên Huế", "tỉnh")}


def test_capitalised_verb_after_a_type_word_is_not_a_place() -> None:
    rec = record("Đồng chí Lò Văn Sinh, Trưởng Ban chỉ đạo diễn tập huyện Phát biểu chỉ đạo. "
                 "Ban tổ chức diễn tập khu vực phòng thủ xã Kết luận hội nghị.")
    assert rec["localities"] == []
    assert not [u for u in rec["units"] if u["name"].endswith(("Phát", "Kết"))]


def test_a_province_after_a_landmark_area_word_is_kept() -> None:
    assert ("Hà Giang", "tỉnh") in _places("Mưa lớn ở khu vực Hà Giang gây sạt lở.")


def test_mixed_header_types_only_within_its_types() -> None:
    got = _places("Lãnh đạo các huyện, thị xã: Bảo Lâm, Bảo Lạc và Quảng Uyên dự. Các tỉnh, "
                  "thành phố: Hà Nội, Lai Châu.")
    assert {("Bảo Lâm", "huyện"), ("Bảo Lạc", "huyện"), ("Hà Nội", "thành phố"),
            ("Lai Châu", "tỉnh")} <= got


def test_counted_list_items_must_be_places_of_that_type() -> None:
    got = _places("Năm nay, các xã của huyện Mường Tè đều đạt, đó là Hà Nội và Bộ Quốc phòng.")
    assert ("Hà Nội", "xã") not in got


def test_foreign_places_are_not_localities() -> None:
    got = _places("Đồn biên phòng phối hợp với huyện Sầm Tớ, tỉnh Hủa Phăn (Lào) và huyện Mường "
                  "Lát tuần tra.")
    assert got == {("Mường Lát", "huyện")}


def test_a_mixed_header_ending_in_thi_xa_is_not_one_of_xa() -> None:
    """'các thị xã, thành phố: A, B' types A by 'thị xã', never by the shorter 'xã' inside it
    (the header words were once tried in an arbitrary order)."""
    got = _places("Lãnh đạo các thị xã, thành phố: Sơn Tây, Hải Dương và Cửa Lò cùng dự.")
    assert ("Sơn Tây", "thị xã") in got and ("Sơn Tây", "xã") not in got

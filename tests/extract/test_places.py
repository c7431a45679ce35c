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

"""The gazetteer against the real package data: resolution, types, structures, successors."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from vnkg.extraction.gazetteer import (
    Place,
    ascii_key,
    candidates,
    children,
    fold_name,
    infer_type,
    iter_places,
    locality_node_id,
    place,
    predecessors,
    resolve_locality,
    successors,
)

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def _code(name: str, type: str | None = None, within: tuple[Place, ...] = ()) -> str | None:
    found = resolve_locality(name, type, within=within)
    return found.code if found else None


def test_counts_of_both_structures() -> None:
    old = list(iter_places("2024"))
    new = list(iter_places("2025"))
    assert sum(p.level == 0 for p in old) == 63
    assert sum(p.level == 0 for p in new) == 34
    assert sum(p.level == 1 for p in old) == 696
    assert not any(p.level == 1 for p in new)  # districts abolished
    assert len(old) > 10_000 and len(new) > 3_300


@pytest.mark.parametrize(("name", "code"), [
    ("Ngân Sơn", "062"),
    ("Krông Ana", "655"),          # officially "Krông A Na"
    ("Hoà Bình", "17"),
    ("Hòa Bình", "17"),
    ("HOÀ BÌNH", "17"),
    ("TP.HCM", "79"),
    ("TPHCM", "79"),
    ("Hồ Chí Minh", "79"),
    ("thành phố Hồ Chí Minh", "79"),
    ("Lạc Thuỷ", "159"),
    ("Lạc Thủy", "159"),
    ("Chí Linh", "290"),
    ("Mỹ Hòa Hưng", "30313"),
    ("Q. Hải Châu", "492"),
    ("Quận 1", "760"),
    ("Thừa Thiên Huế", "46"),
    ("tỉnh Đăk Nông", "67"),
    ("huyện Lang Chánh (cũ)", "388"),
])
def test_resolves_names_as_written_in_news(name: str, code: str) -> None:
    assert _code(name) == code


def test_tone_mark_styles_fold_together() -> None:
    assert fold_name("Thuỷ") == fold_name("Thủy")
    assert fold_name("Hoà  Bình") == fold_name("hòa bình")
    assert ascii_key("Đắk Lắk") == "daklak"


def test_type_narrows_the_level() -> None:
    assert _code("Hải Dương") == "30"                # bare: the province
    assert _code("Hải Dương", "tỉnh") == "30"
    assert _code("Hải Dương", "thành phố") == "288"  # the provincial city
    assert _code("thành phố Hải Dương") == "288"
    assert _code("Hà Nội", "thành phố") == "01"      # a province-level city
    assert _code("Chí Linh", "thị xã") == "290"      # a former thị xã, now a city


def test_within_context_disambiguates() -> None:
    assert _code("Bình Hòa", "xã") is None               # dozens nationwide
    krong_ana = place("655")
    assert krong_ana is not None
    assert _code("Bình Hoà", "xã", (krong_ana,)) == "24574"
    dak_lak = place("66")
    assert dak_lak is not None
    assert _code("Bình Hòa", "xã", (dak_lak,)) == "24574"
    thanh_hoa = resolve_locality("Thanh Hóa")
    assert thanh_hoa is not None and thanh_hoa.code == "38"
    assert _code("Trí Nang", "xã", (thanh_hoa,)) == "15037"
    assert _code("Trí Nang", "xã") == "15037"            # the only one: no context needed
    assert _code("Thanh Hóa", None, (thanh_hoa,)) == "38"  # a re-mention is the same place


def test_context_of_the_other_structure() -> None:
    phu_tho_2025 = place("25", "2025")
    assert phu_tho_2025 is not None
    # an article on the new map: the 2025 commune first, the old district when asked for
    assert _code("Lạc Thủy", None, (phu_tho_2025,)) == "05392"
    assert _code("Lạc Thủy", "huyện", (phu_tho_2025,)) == "159"
    hoa_binh_2024 = place("17")
    assert hoa_binh_2024 is not None
    assert _code("Lạc Thủy", "xã", (hoa_binh_2024,)) == "05392"  # no 2024 xã of that name


def test_type_words_as_written() -> None:
    assert _code("Hải Dương", "TP") == "288"
    assert _code("Hải Dương", "Thành Phố") == "288"
    assert _code("TX Chí Linh") == "290"
    assert {p.type for p in candidates("Hải Dương")} >= {"tỉnh", "thành phố", "xã"}
    assert [p.code for p in candidates("Hải Dương", "tỉnh")] == ["30"]


def test_unknown_and_wrong_type_give_none() -> None:
    assert resolve_locality("Khu Phố Tưởng Tượng") is None
    assert resolve_locality("Ngân Sơn", "thôn") is None
    assert resolve_locality("") is None
    assert resolve_locality("Kỳ Anh") is None  # a huyện and a thị xã, no context


def test_without_diacritics_only_as_last_resort() -> None:
    assert _code("Dak Lak") == "66"
    assert _code("Ngan Son") == "062"
    assert _code("Binh Hoa", "xã") is None  # not unique


def test_province_spelling_variants_beat_a_remote_commune() -> None:
    assert _code("Đăk Nông") == "67"             # xã Đăk Nông exists, in Kon Tum
    assert _code("xã Đăk Nông") == "23386"
    kon_tum = place("62")
    assert kon_tum is not None
    assert _code("Đăk Nông", None, (kon_tum,)) == "23386"


def test_context_across_the_reform() -> None:
    lang_chanh = place("388")  # huyện Lang Chánh, Thanh Hóa, 2024
    assert lang_chanh is not None
    # 2024 knows one xã Linh Sơn, in Thái Nguyên; the 2025 one took in Lang Chánh's communes
    assert _code("Linh Sơn", "xã") == "05701"  # no context: the 2024 one
    found = resolve_locality("xã Linh Sơn", within=(lang_chanh,))
    assert found is not None and found in successors(lang_chanh)
    assert (found.structure, found.province_name) == ("2025", "Thanh Hóa")


def test_a_name_only_in_2025_resolves_there() -> None:
    found = resolve_locality("phường Láng")
    assert found is not None
    assert (found.structure, found.code, found.province_code) == ("2025", "00199", "01")


def test_infer_type() -> None:
    assert infer_type("Hải Dương") == "tỉnh"
    assert infer_type("Krông Ana") == "huyện"
    assert infer_type("Quận 1") == "quận"
    assert infer_type("Hà Nội") == "thành phố trực thuộc trung ương"
    assert infer_type("Khu Phố Tưởng Tượng") is None


def test_place_and_children() -> None:
    hanoi = place("01")
    assert hanoi is not None and hanoi.name == "Hà Nội" and hanoi.parent_code is None
    assert len(children("01")) == 30
    assert all(c.type in {"quận", "huyện", "thị xã"} for c in children("01"))
    assert len(children("01", "2025")) == 126
    assert place("nope") is None
    ward = place("24574")
    assert ward is not None and ward.parent_code == "655" and ward.province_name == "Đắk Lắk"


def test_successors_follow_the_2025_reform() -> None:
    lac_thuy = place("159")
    assert lac_thuy is not None
    new = successors(lac_thuy)
    assert new and all(p.structure == "2025" and p.province_name == "Phú Thọ" for p in new)
    hoa_binh = place("17")
    assert hoa_binh is not None
    assert [p.code for p in successors(hoa_binh)] == ["25"]
    assert all(successors(p) for p in iter_places("2024"))
    phu_tho = place("25", "2025")
    assert phu_tho is not None
    assert {p.name for p in predecessors(phu_tho)} == {"Phú Thọ", "Vĩnh Phúc", "Hòa Bình"}
    assert successors(phu_tho) == []


def test_node_ids_are_deterministic_and_unique() -> None:
    ba_dinh = place("001")
    assert ba_dinh is not None
    assert locality_node_id(ba_dinh) == "locality/2024-01-001"
    assert locality_node_id(Place("001", "Ba Đình", "quận", "2024", "01", "01", "Hà Nội")) == \
        "locality/2024-01-001"
    ids = [locality_node_id(p) for s in ("2024", "2025") for p in iter_places(s)]
    assert len(ids) == len(set(ids))


def test_resolve_is_fast() -> None:
    names = ["Ngân Sơn", "Hoà Bình", "TP.HCM", "Chí Linh", "Bình Hòa", "Trí Nang"] * 500
    resolve_locality("Ngân Sơn")  # build the indexes first
    start = time.perf_counter()
    for n in names:
        resolve_locality(n)
    per_call = (time.perf_counter() - start) / len(names)
    assert per_call < 200e-6, per_call


def _gold_localities() -> list[list[dict[str, str]]]:
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"shared corpus missing at {SHARED}")
        pytest.skip(f"shared corpus not found at {SHARED}")
    out = []
    for name in ("dev.gold.jsonl", "seeds.gold.jsonl"):
        for line in (SHARED / "corpus" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["localities"])
    return out


def test_gold_localities_resolve() -> None:
    levels = {"tỉnh": 0, "thành phố": 0, "huyện": 1, "quận": 1, "thị xã": 1}
    total = found = 0
    for locs in _gold_localities():
        context: list[Place] = []
        for loc in sorted(locs, key=lambda x: levels.get(x["type"] or "", 2)):
            if loc["type"] in (None, "other"):
                continue
            total += 1
            hit = resolve_locality(loc["name"], loc["type"], within=context)
            if hit is not None:
                found += 1
                context.append(hit)
    assert total and found / total >= 0.95, (found, total)

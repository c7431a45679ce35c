"""extract.keys: the one home of matching keys, and the promise that queries and views agree.

Invented names only (Lò Văn Khiêm, Hoàng Thị Nguyệt...).
"""

from __future__ import annotations

import pytest

from vnkg.extraction import keys
from vnkg.extraction.keys import (
    decree_key,
    decree_number,
    fold,
    local_id,
    locality_key,
    make_id,
    name_key,
    nearest,
    param_key,
    slug,
    strip_marks,
)


@pytest.mark.parametrize(("typed", "stored"), [
    ("lo van khiem", "Lò Văn Khiêm"),
    ("LÒ VĂN KHIÊM", "Lò Văn Khiêm"),
    ("hoang thi nguyet", "Hoàng Thị Nguyệt"),
    ("Nguyễn Thuỵ Hoà", "Nguyễn Thụy Hòa"),       # old and new tone-mark placement
    ("dinh cong duc", "Đinh Công Đức"),            # đ typed as d
    ("UBND xã Pò Lọ", "Ủy ban nhân dân xã Pò Lọ"),  # abbreviations expanded
    ("Ksor  Y-Blăk", "Ksor Y Blăk"),              # spaces and punctuation do not count
])
def test_a_name_typed_any_way_has_the_stored_name_s_key(typed: str, stored: str) -> None:
    assert name_key(typed) == name_key(stored)
    assert param_key("person", typed) == param_key("person", stored)


def test_different_names_keep_different_keys() -> None:
    assert name_key("Lò Văn Khiêm") != name_key("Lò Văn Khiên")
    assert name_key("Bắc Kạn") != name_key("Bắc Ninh")


@pytest.mark.parametrize("typed", ["Tam Diep", "thành phố Tam Điệp", "TP. Tam Điệp",
                                   "tp Tam Diep", "TAM ĐIỆP"])
def test_locality_key_drops_the_type_word_and_diacritics(typed: str) -> None:
    assert locality_key(typed) == locality_key("Tam Điệp") == "tam diep"


def test_a_type_word_inside_a_name_is_kept() -> None:
    # "Quan Hóa", "Xà Bang": the bare words that spell a type without its marks stay
    assert locality_key("Quan Hóa") == "quan hoa"
    assert locality_key("huyện Quan Hóa") == "quan hoa"
    assert locality_key("Xà Bang") == "xa bang"


@pytest.mark.parametrize("typed", ["21/2019/ND-CP", "21/2019/nđ-cp", "Nghị định 21/2019/NĐ-CP",
                                   "nghị định số 21/2019/NĐ-CP ngày 5/3/2019",
                                   " 21 / 2019 / NĐ-CP "])
def test_decree_key_finds_a_number_however_typed(typed: str) -> None:
    assert decree_key(typed) == decree_key("21/2019/NĐ-CP") == "21/2019/ND-CP"


def test_decree_key_joins_tu_and_tw_and_keys_named_documents_on_their_name() -> None:
    assert decree_key("28-NQ/TƯ") == decree_key("28-nq/tw") == decree_key("28-NQ/T.Ư")
    assert decree_key("Luật Dân quân tự vệ năm 2019") == decree_key("luat dan quan tu ve")


def test_decree_ids_keep_their_canonical_number() -> None:
    # identity keeps the marks it always had (ids must not change); matching drops them
    assert decree_number("21/2019/nđ-cp") == "21/2019/NĐ-CP"
    assert make_id("Decree", decree_number("28-nq/tư"), "") == \
        make_id("Decree", decree_number("28-NQ/TW"), "")


def test_ids_and_slugs() -> None:
    assert slug("Đinh Công Đức") == "dinh-cong-duc"
    assert make_id("Person", "Lò Văn Khiêm", "tỉnh Lai Châu") == \
        make_id("Person", "LÒ VĂN KHIÊM", "Tỉnh Lai Châu")
    assert local_id("person", "Lò Văn Khiêm").startswith("person:lo-van-khiem-")


def test_old_homes_are_the_same_functions() -> None:
    from vnkg.extraction import context, gazetteer, text
    from vnkg.graph import ids

    assert text.fold is fold and text.nfc is keys.nfc and text.tone is keys.tone
    assert ids.make_id is make_id and ids.slug is slug
    assert context.make_id is local_id
    assert gazetteer.fold_name is keys.tone_key and gazetteer.ascii_key is keys.ascii_key


def test_nearest_suggests_names_on_their_keys() -> None:
    names = ["Lò Văn Khiêm", "Hoàng Thị Nguyệt", "Lò Văn Khiên", "Đinh Công Đức"]
    assert nearest("lo van khiem", names)[0] == "Lò Văn Khiêm"
    assert nearest("zzz", names) == []
    assert strip_marks("Đinh") == "Dinh"

"""Every lexicon file loads, is well formed and says what the engine relies on."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from vnkg.extraction.lexicon import Lexicon, lexicon
from vnkg.extraction.text import fold

lx = lexicon()

SCHEMA_TYPES = {"tỉnh", "thành phố trực thuộc trung ương", "huyện", "quận", "thị xã",
                "thành phố", "xã", "phường", "thị trấn", "đặc khu", "other"}
UNIT_KINDS = {"party_committee", "people_committee", "people_council", "military_command",
              "police", "border_guard", "steering_committee", "military_unit", "militia",
              "government", "media", "other"}


def _no_duplicate_keys(name: str) -> None:
    keys = [fold(r[0]) for r in lx.rows(name)]
    assert len(keys) == len(set(keys)), name


def test_ranks_have_canonical_case() -> None:
    assert lx.ranks.get("đại tá") == ("Đại tá",)
    assert lx.ranks.get("THIẾU TƯỚNG") == ("Thiếu tướng",)
    assert all(r[1][0].isupper() for r in lx.rows("ranks.tsv"))
    _no_duplicate_keys("ranks.tsv")


def test_honorifics_and_academic_titles() -> None:
    assert lx.honorifics.get("Đ/c") == ("đồng chí",)
    assert {"ông", "bà", "chị"} <= {r[1] for r in lx.rows("honorifics.tsv")}
    assert "PGS.TS" in lx.academic_titles


def test_roles_cover_posts_and_typos() -> None:
    for typo, canonical in [("Chi huy trưởng", "Chỉ huy trưởng"), ("chủ tich", "Chủ tịch"),
                            ("bi thư", "Bí thư"), ("Chính uỷ", "Chính ủy")]:
        assert lx.roles.get(typo) == (canonical,), typo
    for word in ["Phó Bí thư", "Tham mưu trưởng", "Giám đốc", "Tư lệnh", "Trưởng ban", "Ủy viên"]:
        assert lx.roles.regex.search(fold(word)), word
    _no_duplicate_keys("roles.tsv")


def test_units_have_schema_kinds() -> None:
    rows = lx.rows("units.tsv")
    assert {r[2] for r in rows} <= UNIT_KINDS
    assert (lx.units.get("Ban CHQS") or ())[:2] == ("Ban Chỉ huy quân sự", "military_command")
    assert (lx.units.get("BĐBP") or ("", ""))[1] == "border_guard"
    _no_duplicate_keys("units.tsv")


def test_cues_name_relations() -> None:
    rows = lx.rows("cues.tsv")
    assert {r[1] for r in rows} == {"CHAIRED", "ATTENDED", "SPOKE_AT"}
    assert {r[3] for r in rows} <= {"lead", "trail", "both"}
    assert (lx.cues.get("chủ tọa") or ("",))[0] == "CHAIRED"
    assert (lx.cues.get("đến dự") or ("",))[0] == "ATTENDED"
    assert (lx.cues.get("phát biểu kết luận") or ("", ""))[1] == "phát biểu kết luận"
    assert lx.cue_exclusions.match("dự thảo")
    assert "vinh" in lx.cue_compounds["dự"]
    assert not lx.is_cue("vinh dự", 5) and lx.is_cue("tham dự", 5)


def test_locality_types_are_schema_types() -> None:
    assert {r[1] for r in lx.rows("locality_types.tsv")} <= SCHEMA_TYPES
    assert lx.locality_types.get("TP.") == ("thành phố",)
    assert {r[2] for r in lx.rows("locality_aliases.tsv")} <= SCHEMA_TYPES


def test_provinces_lexicon() -> None:
    prov = lx.provinces
    assert prov[fold("Hải Dương")] == "tỉnh"
    assert prov[fold("Hà Nội")] == "thành phố"
    assert prov[fold("Hoà Bình")] == "tỉnh"  # old tone style folds to the same key
    assert len(prov) >= 63


def test_decree_kinds() -> None:
    kinds = {fold(r[0]): r[1] for r in lx.rows("decree_kinds.tsv")}
    assert kinds["nghị định"] == "Nghị định"
    assert kinds["kết luận"] == "other"
    assert {"Nghị định", "Nghị quyết", "Quyết định", "Chỉ thị", "Luật", "Kế hoạch"} <= set(
        kinds.values())


def test_word_lists() -> None:
    assert {"nguyễn", "trần", "lê", "hoàng"} <= lx.surnames
    assert "ban" in lx.name_stopwords
    stops = {r[0] for r in lx.rows("post_stops.txt")}
    assert {"đã", "cùng", "tại"} <= stops


def test_abbreviation_table_loads() -> None:
    pattern, expansions = lx.abbreviations
    assert expansions["UBND"] == "Ủy ban nhân dân"
    assert pattern.search("Chủ tịch UBND xã")


def test_meeting_lexicons() -> None:
    words = lx.meeting_words
    assert words["hội nghị"] == "conference" and words["diễn tập"] == "activity"
    assert set(words.values()) == {"conference", "activity"}
    kinds = dict(lx.meeting_kinds)
    assert kinds["sơ kết"] == "sơ kết" and kinds["giao nhận quân"] == "giao nhận quân"


def test_small_word_lists() -> None:
    assert {"dự", "chủ", "phát"} <= lx.name_followers
    assert "đài" in lx.byline_words("outlet")
    assert "ban biên tập" in lx.byline_words("not_name")
    assert {"tổ chức", "của"} <= lx.unit_tail_stops
    assert {"lãnh", "ban"} <= lx.place_stopwords
    assert "hồ chí minh" in lx.bare_place_exclusions


def test_decree_cues_and_codes() -> None:
    assert re.fullmatch(lx.decree_cues("trigger"), "công bố")
    assert re.fullmatch(lx.decree_cues("subject"), "thành lập")
    codes = lx.decree_code_kinds
    assert codes["NĐ"] == codes["ND"] == "Nghị định" and codes["KL"] == "other"


def test_named_units_and_unit_word_lists() -> None:
    rows = lx.rows("named_units.tsv")
    assert rows and {r[2] for r in rows} <= UNIT_KINDS
    assert {r[3] for r in rows + lx.rows("units.tsv")} <= {"0", "1", "2", "n", "N"}
    assert not {r[0] for r in rows} & {r[0] for r in lx.rows("units.tsv")}
    for name in ("unit_suffixes.txt", "unit_tail_links.txt", "unit_post_words.txt",
                 "non_localities.txt", "place_cues.tsv"):
        assert lx.rows(name), name


def test_level_words_are_locality_types() -> None:
    types = {r[1] for r in lx.rows("locality_types.tsv")}
    assert set(lx.words("level_words.txt")) <= types
    assert re.fullmatch(lx.level_words, "thị  xã") and not re.fullmatch(lx.level_words, "thị")


def test_a_lexicon_over_another_folder_reads_its_own_lists(tmp_path: Path) -> None:
    (tmp_path / "ranks.tsv").write_text("# test ranks\nđại úy\tĐại úy\n", encoding="utf-8")
    other = Lexicon(tmp_path)
    assert other.ranks.get("ĐẠI ÚY") == ("Đại úy",) and other.ranks.get("đại tá") is None
    assert lexicon().ranks.get("đại tá") == ("Đại tá",)


def test_locality_levels_cover_the_schema_types() -> None:
    assert set(lx.locality_levels) == SCHEMA_TYPES - {"other"}
    assert set(lx.locality_levels.values()) == {0, 1, 2}
    assert {r[1] for r in lx.rows("locality_types.tsv")} <= set(lx.locality_levels)
    assert set(lx.locality_written.values()) <= {r[0] for r in lx.rows("locality_types.tsv")}
    assert set(lx.committee_levels.values()) <= set(lx.types_of_level(0) + lx.types_of_level(1))
    assert lx.types_of_level(2) == ("xã", "phường", "thị trấn", "đặc khu")
    assert lx.types_with("numbered") == ("quận", "phường")
    assert lx.types_with("in_district") == ("xã", "phường", "thị trấn")
    assert lx.locality_written["thành phố trực thuộc trung ương"] == "thành phố"


# evaluate.py restates the reference scorer's own type list; record_types.py declares the schema
_MAY_SPELL_TYPES = {"evaluate.py", "record_types.py"}
_TYPES = "|".join(re.escape(fold(t)) for t in SCHEMA_TYPES - {"other"})
_TYPE_WORD = re.compile(rf"(?<!\w)(?:{_TYPES})(?!\w)")


def _docstrings(tree: ast.Module) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def test_type_words_and_levels_come_from_the_lexicon_only() -> None:
    """No table, regex or comparison in the code of extract/ spells a locality type word (a
    docstring may): the words, their levels and traits are read from locality_levels.tsv and
    committee_levels.tsv."""
    folder = Path(__file__).resolve().parents[2] / "extract"
    found = []
    for path in sorted(folder.glob("*.py")):
        if path.name in _MAY_SPELL_TYPES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docs and _TYPE_WORD.search(fold(node.value))):
                found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert not found, found

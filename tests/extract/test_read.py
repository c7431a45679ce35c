"""Reading articles: formats, folders, dates, normalisation, and broken input."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tests.paths import EXAMPLES
from vnkg.extraction.read import Problem, nfc, published_date, read_documents


def test_reads_every_sample_format() -> None:
    docs = list(read_documents([EXAMPLES]))
    suffixes = {Path(d.path or "").suffix for d in docs}
    assert {".txt", ".html", ".jsonl"} <= suffixes
    assert len(docs) >= 12
    assert len({d.id for d in docs}) == len(docs)
    assert all(d.text == unicodedata.normalize("NFC", d.text) for d in docs)


def test_header_line_gives_the_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2023-12 Sáng 14/12, UBND tỉnh tổ chức hội nghị.",
                                    encoding="utf-8")
    [doc] = read_documents([tmp_path / "a.txt"])
    assert doc.id == "a" and doc.published == "2023-12"


@pytest.mark.parametrize("text, date", [
    ("Tin địa phương | 03/01/2024 | Sáng ngày 3/1, hội nghị...", "2024-01-03"),
    ("Thời sự\nNam Long | 13/01/2026 14:41 GMT+7 |\nNgày 13.1, ...", "2026-01-13"),
    ("Sáng 9/10, Bộ CHQS tỉnh tổ chức hội nghị.", None),
    ("(29/12/2023) | Ngày 27/12, tại huyện Lạc Thuỷ...", "2023-12-29"),
])
def test_dated_page_line(text: str, date: str | None) -> None:
    assert published_date(text) == date


def test_nfd_input_is_normalised(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Đồng chí Hoàng Văn Thạch chủ trì hội nghị.")
    (tmp_path / "nfd.txt").write_text(nfd, encoding="utf-8")
    [doc] = read_documents([tmp_path])
    assert doc.text == unicodedata.normalize("NFC", nfd)


def test_html_keeps_the_article_and_drops_the_chrome(tmp_path: Path) -> None:
    page = """<html><head><title>Hội nghị</title>
    <meta property="article:published_time" content="2024-05-02T08:00:00+07:00">
    <script>var tracking = 1;</script></head><body>
    <nav><a href="/">Trang chủ</a> | <a href="/qp">Quốc phòng</a></nav>
    <div class="menu">Thời sự</div>
    <article><h1>Huyện Ba Bể sơ kết</h1><p>Sáng 2/5, UBND huyện Ba Bể tổ chức hội nghị.</p>
    <p>Đồng chí Lý Văn Hậu chủ trì.</p></article>
    <footer>Bản quyền thuộc về báo</footer><div class="views">Lượt xem: 120</div></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [doc] = read_documents([tmp_path])
    assert doc.published == "2024-05-02"
    assert doc.title == "Hội nghị"
    assert "Đồng chí Lý Văn Hậu chủ trì." in doc.text
    for chrome in ("Trang chủ", "tracking", "Bản quyền", "Thời sự", "Lượt xem"):
        assert chrome not in doc.text


def test_broken_jsonl_line_is_reported_and_the_rest_load(tmp_path: Path) -> None:
    rows = [json.dumps({"id": "x1", "text": "Sáng 1/2, hội nghị.", "published": "2024-02-01"}),
            "{not json", json.dumps({"id": "x3", "title": "no text"}),
            json.dumps({"id": "x4", "text": "Chiều 3/2, lễ giao nhận quân.", "url": "http://a"})]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    problems: list[Problem] = []
    docs = list(read_documents([path], problems))
    assert [d.id for d in docs] == ["x1", "x4"]
    assert docs[0].published == "2024-02-01" and docs[1].url == "http://a"
    assert [(p.line, p.reason.split(" ")[0]) for p in problems] == [(2, "not"), (3, "no")]
    assert all(p.path == str(path) for p in problems)


def test_without_a_problem_list_a_broken_file_raises(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        list(read_documents([tmp_path / "bad.jsonl"]))


def test_txt_headline_and_weekday_date_line(tmp_path: Path) -> None:
    page = ("Cổng thông tin huyện Mường Tè\nThứ Hai, 18/11/2024\nChào mừng quý vị đến với cổng "
            "thông tin điện tử của huyện Mường Tè!\n\nHội nghị triển khai nhiệm vụ quân sự, quốc "
            "phòng năm 2024\n\nThứ Ba, 05/03/2024 120 lượt xem\n\nChiều 4/3, Ban CHQS huyện tổ "
            "chức hội nghị triển khai nhiệm vụ. Đại tá Lò Văn Páo chủ trì.")
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    [doc] = read_documents([tmp_path / "a.txt"])
    assert doc.title == "Hội nghị triển khai nhiệm vụ quân sự, quốc phòng năm 2024"
    assert doc.published == "2024-03-05"  # the article's date line, not the site's banner


def test_txt_first_line_headline(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Diễn tập phòng thủ xã Nậm Khao năm 2023\n\nSáng 12/9/2023, "
                                    "xã Nậm Khao tổ chức diễn tập.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("UBND huyện vừa tổ chức Hội nghị tổng kết. Ông Lý Văn Sài "
                                    "chủ trì.\nĐại biểu dự hội nghị.", encoding="utf-8")
    docs = {d.id: d for d in read_documents([tmp_path])}
    assert docs["b"].title == "Diễn tập phòng thủ xã Nậm Khao năm 2023"
    assert docs["c"].title is None and docs["c"].published is None


@pytest.mark.parametrize("text, date", [
    ("Tin tức\nĐăng ngày 05-03-2021 08:10\nNgày 4-3, Ban CHQS huyện tổ chức hội nghị.",
     "2021-03-05"),
    ("09:15 07-04-2022\nSáng 6/4, xã tổ chức hội nghị.", "2022-04-07"),
    ("25/02/2024Trong không khí phấn khởi, sáng 24/2, huyện tổ chức lễ giao nhận quân.",
     "2024-02-25"),
])
def test_page_stamps_in_other_forms(text: str, date: str) -> None:
    assert published_date(text) == date


def test_a_store_folder_and_hidden_folders_inside_the_input_are_passed_over(
        tmp_path: Path) -> None:
    import vnkg

    (tmp_path / "a.txt").write_text("Sáng 2/3, huyện Ba Bể tổ chức hội nghị.", "utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.bin").write_bytes(b"\0\1")
    assert vnkg.build([tmp_path], store=tmp_path / "vnkg-data", reference=False).ok
    report = vnkg.build([tmp_path], store=tmp_path / "vnkg-data", reference=False)
    assert report.ok and report.documents == 1 and report.unchanged == 1


def test_a_store_backup_inside_the_input_is_passed_over(tmp_path: Path) -> None:
    """A backup (`pyoxigraph.Store.backup`) has no IDENTITY file until it is opened: its
    RocksDB files are still no articles, even listed before the build opens it."""
    import pyoxigraph

    import vnkg

    (tmp_path / "a.txt").write_text("Sáng 2/3, huyện Ba Bể tổ chức hội nghị.", "utf-8")
    pyoxigraph.Store(str(tmp_path.parent / "original")).backup(str(tmp_path / "copy"))
    assert not (tmp_path / "copy" / "IDENTITY").exists()
    report = vnkg.build([tmp_path], store=tmp_path / "copy", reference=False, jobs=2)
    assert report.ok and report.documents == 1, report.problems


def test_every_other_space_character_becomes_one_plain_space() -> None:
    spaces = [0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]
    others = [c for c in range(0x20, 0x3100) if c not in spaces and not 0xD800 <= c < 0xE000]
    assert nfc("".join(map(chr, spaces))) == " " * len(spaces)
    kept = "".join(map(chr, others))
    assert nfc(kept) == unicodedata.normalize("NFC", kept)

"""Bad files never stop a build: each is one problem line (path, line, reason, what to do)
and every good input beside it still loads."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.robustness.helpers import SENTENCE, TCVN3_PHRASE, to_cp1258
from vnkg.cli import main
from vnkg.extraction.read import Problem, read_documents


def read(paths: list[Path], **kw: int) -> tuple[list[str], list[Problem]]:
    problems: list[Problem] = []
    docs = list(read_documents(paths, problems, **kw))
    return [d.id for d in docs], problems


def reasons(problems: list[Problem]) -> dict[str, str]:
    return {Path(p.path).name: p.reason for p in problems}


def test_each_bad_file_is_one_problem_and_the_good_ones_load(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "win.txt").write_bytes(to_cp1258(SENTENCE))
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_text("<html><body>  </body></html>", encoding="utf-8")
    (tmp_path / "big.txt").write_text(SENTENCE * 20, encoding="utf-8")
    (tmp_path / "abc.txt").write_bytes(TCVN3_PHRASE.encode("cp1252"))
    (tmp_path / "bad.txt").write_bytes(SENTENCE.encode() + b"\nline two \xff\xfe")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    ids, problems = read([tmp_path], max_bytes=2000)
    assert ids == ["good", "win"]
    why = reasons(problems)
    assert set(why) == {"bin.txt", "empty.txt", "blank.html", "big.txt", "abc.txt", "bad.txt",
                        "notes.md"}
    assert why["notes.md"].startswith("unsupported file type '.md'")  # listed, not ignored
    assert why["bin.txt"].startswith("binary file (NUL byte at byte offset 8)")
    assert why["empty.txt"].startswith("empty file")
    assert "over the limit of 2000" in why["big.txt"]
    assert "TCVN3 (ABC) legacy font encoding" in why["abc.txt"]
    bad = next(p for p in problems if p.path.endswith("bad.txt"))
    assert bad.line == 2 and f"byte offset {len(SENTENCE.encode()) + 10}" in bad.reason
    assert all(";" in p.reason for p in problems)  # each says what to do


def test_malformed_html_still_yields_its_text(tmp_path: Path) -> None:
    page = ("<html><head><title>Tin <b>ngắn</title></head><body><div><p>Sáng 2/5, hội nghị"
            "<p>Đồng chí Trần Văn Khải chủ trì.</div></div></span><![if !supportLists]>"
            "<table><td>Ông Lò Văn Pả dự<![endif]> <a href='x\"><img src=x onerror=1>"
            "&#99999999; &amp &nbsp; <!-- unclosed comment")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    ids, problems = read([tmp_path / "p.html"])
    assert ids == ["p"] and problems == []
    [doc] = read_documents([tmp_path / "p.html"])
    assert "Đồng chí Trần Văn Khải chủ trì." in doc.text and "Lò Văn Pả" in doc.text


def test_jsonl_broken_lines_are_reported_by_line_and_the_rest_load(tmp_path: Path) -> None:
    good = json.dumps({"id": "j1", "text": SENTENCE}, ensure_ascii=False).encode()
    lines = [good, b'{"id": "j2", "text": "broken', json.dumps({"id": "j3"}).encode(),
             b'{"id": "j4", "text": "Ch\xe1\xbb\xa7 t\xff"}', b'{"id": "j5", "text": "\\ud800x"}',
             b'{"id": "j6", "text": "   "}', b"[1, 2]", b"",
             json.dumps({"id": "j9", "text": "Chiều 3/2, lễ giao nhận quân."}).encode()]
    path = tmp_path / "rows.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    ids, problems = read([path])
    assert ids == ["j1", "j9"]
    assert [p.line for p in problems] == [2, 3, 4, 5, 6, 7]
    offset = sum(len(x) + 1 for x in lines[:3]) + lines[3].index(b"\xff")
    assert f"byte offset {offset}" in problems[2].reason
    assert "surrogate" in problems[3].reason


def test_duplicate_id_with_other_text_keeps_the_first(tmp_path: Path) -> None:
    rows = [{"id": "d1", "text": "Sáng 1/2, hội nghị."}, {"id": "d1", "text": "Khác hẳn."},
            {"id": "d2", "text": "Chiều 3/2, lễ."}, {"id": "d2", "text": "Chiều 3/2, lễ."}]
    path = tmp_path / "dup.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    problems: list[Problem] = []
    docs = list(read_documents([path], problems))
    assert [(d.id, d.text) for d in docs] == [("d1", "Sáng 1/2, hội nghị."),
                                              ("d2", "Chiều 3/2, lễ.")]
    assert len(problems) == 1 and "duplicate id 'd1'" in problems[0].reason


def test_symlink_loops_end_and_linked_folders_are_read_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "a" / "b").mkdir(parents=True)
    (corpus / "a" / "b" / "x.txt").write_text(SENTENCE, encoding="utf-8")
    os.symlink(corpus, corpus / "a" / "b" / "up")  # a loop back to the top
    os.symlink(corpus / "a", tmp_path / "alias")
    os.symlink("self.txt", corpus / "self.txt")  # a link to itself
    os.symlink(tmp_path / "nowhere.txt", corpus / "dangling.txt")
    ids, problems = read([corpus, tmp_path / "alias"])
    assert ids == ["x"]
    assert {Path(p.path).name for p in problems} == {"self.txt", "dangling.txt"}


def test_what_cannot_be_opened_is_reported_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "dir.txt" / "inner.txt").write_text(SENTENCE, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(SENTENCE, encoding="utf-8")
    locked.chmod(0)
    ids, problems = read([tmp_path, tmp_path / "pipe.txt", tmp_path / "missing.txt"])
    assert "inner" in ids
    why = {Path(p.path).name: p.reason for p in problems}
    assert why["pipe.txt"].startswith("not a regular file")
    assert why["missing.txt"].startswith("no such file")
    if os.geteuid() != 0:  # root reads a chmod 000 file anyway
        assert "locked.txt" in why


def test_cli_prints_one_line_per_problem_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (src / "bin.txt").write_bytes(b"\x00\x01")
    (src / "rows.jsonl").write_text('{"id": "r1", "text": "Sáng 1/2, hội nghị."}\n{oops\n',
                                    encoding="utf-8")
    status = main(["build", str(src), "--store", str(tmp_path / "s"), "--no-reference"])
    err = capsys.readouterr().err.splitlines()
    skipped = [line for line in err if line.startswith("skipped ")]
    assert status == 1
    assert skipped == [f"skipped {src / 'bin.txt'}:1: binary file (NUL byte at byte offset 0), "
                       "not a text article; remove it or pass only article files",
                       f"skipped {src / 'rows.jsonl'}:2: not JSON (Expecting property name "
                       "enclosed in double quotes); fix the line"]
    assert any(line.startswith("2 documents: 2 written") for line in err)

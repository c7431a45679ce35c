"""Printing for the command line: the progress bar and its total."""

from __future__ import annotations

import io
from pathlib import Path

from vnkg.extraction.read import count_documents
from vnkg.output import progress


def test_the_total_counts_jsonl_lines_and_article_files(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n',
                                      "utf-8")
    (tmp_path / "b.txt").write_text("Sáng 2/3, hội nghị.", "utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    assert count_documents([tmp_path]) == 3


def test_the_bar_shows_done_of_total_and_an_estimate() -> None:
    out = io.StringIO()
    show = progress("articles", lambda: 4000, out=out)
    assert show is not None
    show(1000)
    show(2000)
    text = out.getvalue()
    assert "2000/4000" in text and "articles" in text and "<" in text  # elapsed<remaining
    assert "finishing" not in text
    show(4000)  # the bar stays on screen while the store closes, saying so
    assert "4000/4000" in out.getvalue() and "finishing the store" in out.getvalue()


def test_no_bar_when_stderr_is_not_a_terminal() -> None:
    assert progress("articles", lambda: 10) is None  # pytest captures stderr

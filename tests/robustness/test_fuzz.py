"""Property tests: no text crashes the reader or the extractor; records stay valid, offsets
inside the text, names and surfaces equal to the text they point at."""

from __future__ import annotations

import random
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.fuzzing import extract_and_check, mutate, samples
from vnkg.extraction import extract_record
from vnkg.extraction.document import Document
from vnkg.extraction.read import Problem, read_documents
from vnkg.extraction.text import fold

FAST = settings(max_examples=100, deadline=None, derandomize=True,  # the same cases in CI
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SAMPLES = samples()
GENRE = st.sampled_from(["Đồng chí", "Đại tá", "Nguyễn Văn Tâm", "Chủ tịch UBND huyện",
                         "chủ trì", "hội nghị", "Sáng 14/3", "Nghị định số 21/2019/NĐ-CP",
                         "huyện Đồng Lâm", "Bộ CHQS tỉnh", ", ", ". ", "\n"])


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_unicode_text(schema: dict[str, Any], text: str) -> None:
    extract_and_check(text, schema)


@FAST
@given(st.lists(st.one_of(GENRE, st.text(max_size=6)), max_size=30))
def test_genre_pieces_mixed_with_noise_and_nfd(schema: dict[str, Any], pieces: list[str]
                                               ) -> None:
    text = " ".join(pieces)
    extract_and_check(text, schema)
    extract_and_check(unicodedata.normalize("NFD", text), schema)


@FAST
@given(st.integers(0, 2**32), st.integers(0, len(SAMPLES) - 1))
def test_mutated_sample_articles(schema: dict[str, Any], seed: int, which: int) -> None:
    extract_and_check(mutate(SAMPLES[which], random.Random(seed)), schema)


@FAST
@given(st.binary(max_size=600), st.sampled_from([".txt", ".html", ".jsonl"]))
def test_any_bytes_are_read_or_reported(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        path.write_bytes(data)
        problems: list[Problem] = []
        docs = list(read_documents([path], problems))
    assert docs or problems or not data.strip() or suffix == ".jsonl"
    for doc in docs:
        assert doc.text == unicodedata.normalize("NFC", doc.text) and doc.text.strip()
    assert all(p.path == str(path) and p.reason for p in problems)


# Findings in the extraction engine (extract/*.py, not the reader): each failing input kept
# as a regression test, expected to fail until the engine is fixed.
def person_mentions(text: str) -> list[tuple[str, list[str]]]:
    record = extract_record(Document(id="r", text=text))
    return [(p["name"], [text[m["start"]:m["end"]] for m in p["mentions"]])
            for p in record["persons"]]


# A mention is the name as written there: a repeat in capitals, or with a tab between its
# syllables, is the same person, and slices to the same name up to case and spacing.
def test_upper_case_repeat_slices_to_the_name() -> None:
    text = "Sáng 3/4, đồng chí Lò Văn Khiêm chủ trì hội nghị. Đồng chí LÒ VĂN KHIÊM phát biểu."
    [(name, slices)] = person_mentions(text)
    assert len(slices) == 2 and all(fold(s) == fold(name) for s in slices)


def test_tab_inside_a_name_slices_to_the_name() -> None:
    text = "Sáng 3/4, đồng chí Lò\tVăn Khiêm chủ trì hội nghị."
    found = person_mentions(text)
    assert found and all(fold(s) == fold(name) for name, slices in found for s in slices)


def test_double_space_inside_a_name_keeps_the_surname() -> None:
    text = "Sáng 3/4, đồng chí Lò  Văn Khiêm chủ trì hội nghị."
    assert [name for name, _ in person_mentions(text)] == ["Lò  Văn Khiêm"]


def test_reader_turns_no_break_spaces_into_spaces(tmp_path: Path) -> None:
    page = "<p>Sáng 3/4, đồng chí Lò&nbsp;Văn&nbsp;Khiêm chủ trì hội nghị.</p>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    [doc] = read_documents([tmp_path / "a.html"])
    assert [name for name, _ in person_mentions(doc.text)] == ["Lò Văn Khiêm"]

"""The engine's declared pipeline: step order checks, the run loop, the record builder."""

from __future__ import annotations

import pytest

from vnkg.extraction import extract_record
from vnkg.extraction.context import make_ctx
from vnkg.extraction.document import Document
from vnkg.extraction.persons import find_mentions
from vnkg.extraction.pipeline import STEPS, DocState, PipelineError, Step, check_order, run
from vnkg.extraction.places import Place
from vnkg.extraction.record_builder import RecordBuilder, fill_level
from vnkg.extraction.units import find_units

TEXT = ("Sáng 12/5, Ban CHQS huyện Ngân Sơn tổ chức hội nghị sơ kết. Thượng tá Đinh Văn Hưởng, "
        "Chỉ huy trưởng Ban CHQS huyện chủ trì hội nghị. Dự có bà Nông Thị Mai, Phó Chủ tịch "
        "UBND huyện.")


def _moved(name: str, after: str) -> list[Step]:
    """STEPS with step `name` moved to right after step `after`."""
    steps = [s for s in STEPS if s.name != name]
    moving = next(s for s in STEPS if s.name == name)
    i = next(i for i, s in enumerate(steps) if s.name == after)
    return steps[:i + 1] + [moving] + steps[i + 1:]


def test_declared_steps_are_in_a_valid_order() -> None:
    check_order(STEPS)
    assert len({s.name for s in STEPS}) == len(STEPS)


def test_every_state_field_is_assigned_by_some_step() -> None:
    assigned = {"doc"} | {a for s in STEPS for a in s.assigns}
    assert set(DocState.__annotations__) <= assigned


def test_reading_before_the_assigning_step_raises() -> None:
    with pytest.raises(PipelineError, match="'units' reads 'ctx.person_spans'"):
        check_order(_moved("units", after="context"))


def test_reader_before_a_refining_step_raises() -> None:
    # the persons need the posts the list headers hand out
    with pytest.raises(PipelineError, match="'persons' reads 'mentions' before step 'list h"):
        check_order(_moved("list headers", after="persons"))


def test_record_before_relations_raises() -> None:
    # relations take the byline marks off the persons, so the record waits for them
    with pytest.raises(PipelineError, match="'record' reads"):
        check_order(_moved("record", after="meeting records"))


def test_missing_step_and_unknown_field_raise() -> None:
    with pytest.raises(PipelineError, match="no earlier step assigns"):
        check_order([s for s in STEPS if s.name != "mentions"])
    with pytest.raises(PipelineError, match="not a DocState field"):
        check_order([Step("odd", ("doc",), ("nonsense",), lambda s: None)])


def test_step_that_does_not_assign_what_it_declares_fails_at_run() -> None:
    lazy = Step("lazy context", ("doc",), ("text",), lambda s: None)
    with pytest.raises(PipelineError, match="did not assign 'text'"):
        run(Document(id="t", text="Hội nghị."), [lazy])


def test_run_gives_the_record_extract_record_gives() -> None:
    doc = Document(id="t1", text=TEXT)
    state = run(doc)
    assert state.record == extract_record(doc)
    assert [p["name"] for p in state.record["persons"]] == ["Đinh Văn Hưởng", "Nông Thị Mai"]


def test_fill_level_completes_bare_level_and_party_committee() -> None:
    main = {"huyện": Place("Ngân Sơn", "huyện", "huyện Ngân Sơn"),
            "tỉnh": Place("Bắc Kạn", "tỉnh", "tỉnh Bắc Kạn")}
    assert fill_level("Phó Chủ tịch UBND huyện", main) == "Phó Chủ tịch UBND huyện Ngân Sơn"
    assert fill_level("Ủy viên Ban Thường vụ Tỉnh ủy", main) == \
        "Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn"
    assert fill_level("Chủ tịch UBND xã", main) == "Chủ tịch UBND xã"
    city = {"thành phố": Place("Sông Công", "thành phố", "thành phố Sông Công")}
    assert fill_level("Bí thư Thành ủy", city) == "Bí thư Thành ủy Sông Công"


def test_builder_shares_one_unit_record_between_posts_and_units() -> None:
    ctx = make_ctx("t2", TEXT, None)
    mentions = find_mentions(ctx)
    units = find_units(ctx)
    main = {"huyện": Place("Ngân Sơn", "huyện", "huyện Ngân Sơn")}
    builder = RecordBuilder(main, {"ngân sơn": "loc-1"})
    persons = builder.persons(ctx, mentions, units)
    for u in units:
        builder.unit(u)
    names = [r["name"] for r in builder.unit_records]
    assert len(names) == len(set(names))
    post = persons["đinh văn hưởng"]["positions"][0]
    unit = next(r for r in builder.unit_records if r["id"] == post["unit"])
    assert unit["locality"] == "loc-1"
    assert persons["nông thị mai"]["positions"][0]["title"] == \
        "Phó Chủ tịch Ủy ban nhân dân huyện Ngân Sơn"

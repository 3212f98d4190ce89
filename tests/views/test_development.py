"""The 发展党员 view: the 全程纪实表 rows, blank for steps not reached, and the documents a
stage calls for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from docgen.data import load_data
from docgen.data.models.development import STAGES, Candidate, Development
from docgen.library import list_templates
from docgen.views import context_for
from docgen.views.development_documents import (
    ARCHIVE,
    BALLOT,
    COMMITTEE,
    COUNT,
    NOTICE,
    RECORD,
    RESOLUTION,
    REVIEW,
    SCRIPT,
    TALK,
    VOTE,
    documents_for,
    documents_for_stage,
)
from docgen.views.development_record import period_text, vote_text

ROOT = Path(__file__).resolve().parents[2]
ROSTER = ROOT / "fixtures/school/xxgc-jg1/2026/development.yaml"


def _context() -> dict[str, Any]:
    model = load_data(ROSTER)
    assert isinstance(model, Development)
    return context_for(model)


def _rows(person: dict[str, Any]) -> dict[tuple[str, str], dict[str, str]]:
    return {(g["name"], r["step"]): r for g in person["stages"] for r in g["rows"]}


def test_every_cell_is_text_and_steps_not_reached_are_blank() -> None:
    people = {p["name"]: p for p in _context()["people"]}
    assert len(people) == 10
    for person in people.values():
        for row in _rows(person).values():
            assert all(isinstance(v, str) for v in row.values()), row
            assert "None" not in "".join(row.values())
    first = _rows(people["方晴川"])
    assert first[("入党申请", "党组织派人谈话")] == {
        "step": "党组织派人谈话",
        "date": "2026年10月9日",
        "who": "黎晓雯",
        "detail": "见谈话记录",
    }
    # Not reached: no date, and no organisation credited with it.
    assert first[("积极分子", "支委会确定")] == {
        "step": "支委会确定",
        "date": "",
        "who": "",
        "detail": "",
    }
    assert people["方晴川"]["standing"] == "入党申请人"


def test_admission_and_full_membership_rows() -> None:
    people = {p["name"]: p for p in _context()["people"]}
    admitted = _rows(people["萧远山"])
    vote = admitted[("接收预备党员", "支部大会讨论")]
    assert vote["date"] == "2026年5月14日"
    assert vote["who"] == "支部党员大会"
    assert vote["detail"] == (
        "有表决权22名，到会20名；赞成20票（另有书面赞成意见1份），反对0票，弃权0票"
    )
    assert admitted[("接收预备党员", "公示")]["date"] == "2026年5月6日至5月11日"
    assert admitted[("接收预备党员", "上级党委审批")]["who"] == "上级党委"
    full = _rows(people["何嘉禾"])
    assert full[("预备期和转正", "上级党委审批")]["detail"] == "党龄自2026年11月19日算起"
    extended = _rows(people["卢安歌"])
    assert extended[("预备期和转正", "支部大会讨论")]["detail"] == (
        "延长预备期6个月；有表决权22名，到会19名；赞成16票，反对1票，弃权2票"
    )
    assert people["卢安歌"]["note"].endswith("。")


def test_period_and_vote_wording() -> None:
    assert period_text(dt.date(2025, 12, 29), dt.date(2026, 1, 5)) == "2025年12月29日至2026年1月5日"
    assert period_text(None, dt.date(2026, 1, 5)) == "2026年1月5日"
    assert period_text(None, None) == ""
    assert vote_text(Candidate(name="甲")) == ""


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_each_stage_names_shipped_documents(stage: int) -> None:
    shipped = {m.name for m in list_templates()}
    names = documents_for_stage(stage)
    assert names, stage
    assert set(names) <= shipped
    assert RECORD in names


def test_a_candidate_gets_the_documents_of_their_stage() -> None:
    model = load_data(ROSTER)
    assert isinstance(model, Development)
    stages = {p.name: p.stage for p in model.candidates}
    assert sorted(stages.values()) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    for person in model.candidates:
        assert documents_for(person) == documents_for_stage(person.stage)
        # An applicant has no 公示 yet; every later stage has its own.
        assert (NOTICE in documents_for(person)) == (person.stage >= 2), person.name
        assert (VOTE in documents_for(person)) == (person.stage in (3, 4)), person.name
        assert (COUNT in documents_for(person)) == (person.stage in (3, 4)), person.name
        assert (SCRIPT in documents_for(person)) == (person.stage in (3, 4)), person.name
        assert (REVIEW in documents_for(person)) == (person.stage == 3), person.name
        assert (BALLOT in documents_for(person)) == (person.stage == 2), person.name
        assert (TALK in documents_for(person)) == (person.stage == 1), person.name
        assert (ARCHIVE in documents_for(person)) == (person.stage == 5), person.name
        # The 支委会 decides on 积极分子 and 发展对象 only.
        assert (COMMITTEE in documents_for(person)) == (person.stage in (2, 3)), person.name
        # Only a candidate whose 支部大会 has met gets its 决议.
        assert (RESOLUTION in documents_for(person)) == (person.stage >= 4), person.name

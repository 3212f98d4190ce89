"""The 支部党员大会 决议: the counts from the data, the decision from the counts, blanks where
the data gives none."""

from __future__ import annotations

from typing import Any

from docgen.data.models.development import Development
from docgen.views.development_meeting import Vote, ballot_sentence, full_vote, passed
from tests.views.development_data import context, development, roster

READY = {
    "入党介绍人": "程一帆、邵嘉明",
    "政审结论": "政治审查合格",
    "培训天数": 3,
    "预审日期": "2026-10-20",
}


def _resolution(model: Development) -> dict[str, Any]:
    resolution = context(model)["resolution"]
    assert isinstance(resolution, dict)
    return resolution


def _load(people: list[dict[str, Any]]) -> Development:
    return development({"branch": "信息工程学院教工第一党支部", "candidates": people})


def test_roster_resolves_its_latest_meeting() -> None:
    model = roster()
    res = _resolution(model)
    assert res["kind"] == "full"
    assert res["title"] == "关于何嘉禾同志按期转为中共正式党员的决议"
    body = "".join(res["paras"])
    assert "应到会有表决权的正式党员22名，实到20名，超过半数，会议有效。" in body
    assert "赞成19票，反对0票，弃权1票；因故未到会的正式党员中有1名书面表示赞成" in body
    assert "赞成共20票，超过有表决权的正式党员的半数" in body
    assert "党龄自2026年11月19日算起" in body
    assert res["signoff"]["date"] == "2026年11月19日"


def test_admission_counts_written_opinions() -> None:
    person = {
        "姓名": "林知远",
        **READY,
        "支部大会接收日期": "2026-11-12",
        "有表决权的正式党员": 12,
        "到会有表决权人数": 10,
        "赞成票": 5,
        "书面赞成意见": 2,
        "反对票": 3,
        "弃权票": 2,
    }
    res = _resolution(_load([person]))
    assert res["title"] == "关于接收林知远同志为中共预备党员的决议"
    body = "".join(res["paras"])
    assert "应到会有表决权的正式党员12名，实到10名，超过半数" in body
    # 5 + 2 written = 7 of 12: more than half.
    assert "书面表示赞成。赞成共7票，超过有表决权的正式党员的半数。" in body.replace(
        "因故未到会的正式党员中有2名书面表示赞成", "书面表示赞成"
    )
    assert "大会同意接收林知远同志为中共预备党员，报上级党委审批。" in body
    assert "政治审查的结论是：政治审查合格。" in body


def test_exactly_half_does_not_pass() -> None:
    vote = Vote(entitled=12, present=10, votes_for=6, against=2, abstain=2)
    assert passed(vote) is False
    assert "赞成共6票，未超过有表决权的正式党员的半数。" in ballot_sentence(vote)
    assert passed(Vote(12, 10, 7, 2, 1)) is True


def test_extension_and_blank_counts() -> None:
    model = roster()
    extended = next(p for p in model.candidates if p.name == "卢安歌")
    only = model.model_copy(update={"candidates": [extended]})
    res = _resolution(only)
    assert res["title"] == "关于延长卢安歌同志预备期的决议"
    body = "".join(res["paras"])
    assert "预备期至2026年5月15日期满" in body
    assert "大会同意延长卢安歌同志的预备期6个月，至2026年11月15日止" in body
    assert "赞成16票，反对1票，弃权2票" in body
    # Without the 转正 counts the 决议 leaves room for them and claims no majority.
    bare = extended.model_copy(update={"full_vote_entitled": None, "full_votes_for": None})
    assert passed(full_vote(bare)) is None
    text = "".join(_resolution(model.model_copy(update={"candidates": [bare]}))["paras"])
    assert "应到会有表决权的正式党员　　名" in text
    assert "赞成　　票" in text
    assert "半数" not in text.split("会议采取")[1]


def test_nobody_met_yet() -> None:
    res = _resolution(_load([{"姓名": "甲", "申请入党日期": "2026-10-12"}]))
    assert res["show"] is False
    assert res["title"] == "支部党员大会决议"

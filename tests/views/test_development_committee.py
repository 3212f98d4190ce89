"""The 支委会 record of a 发展党员 decision: the latest decision, one item per candidate, the
minutes keys the record blocks read, blanks for what the data does not hold."""

from __future__ import annotations

from tests.views.development_data import context


def test_roster_records_its_latest_decision() -> None:
    ctx = context()
    assert ctx["record_title"] == "研究确定闻一舟同志为入党积极分子的支委会记录"
    assert ctx["time_text"] == "2026年4月16日"
    # The roster's committee has five members; the rest of the head is for the recorder.
    assert ctx["due_text"] == "5人"
    assert ctx["host_text"] == ctx["present_text"] == ctx["location"] == ""
    assert ctx["resolutions"] == [
        "确定闻一舟同志为入党积极分子，指定欧阳慧、岑立新同志为培养联系人，报上级党委备案。"
    ]
    summary = ctx["proceedings"][0]["summary"]
    assert "2026年4月9日经群团组织推优列为入党积极分子人选" in summary
    assert "应到委员5名，实到　　名" in ctx["votes"][0]["text"]
    assert ctx["sign_line"].startswith("主持人（签字）：")


def test_candidates_decided_the_same_day_share_a_record() -> None:
    ctx = context(
        {
            "candidates": [
                {
                    "姓名": "甲",
                    "确定为入党积极分子日期": "2025-11-10",
                    "确定为发展对象日期": "2026-11-12",
                    "入党介绍人": "程一帆、邵嘉明",
                    "考察记录": "2026年5月考察：表现好",
                },
                {"姓名": "乙", "确定为入党积极分子日期": "2026-11-12"},
                {"姓名": "丙", "确定为入党积极分子日期": "2026-10-01"},
            ]
        }
    )
    assert ctx["record_title"] == "研究发展党员工作的支委会记录"
    assert ctx["agenda"] == ["研究确定甲同志为发展对象", "研究确定乙同志为入党积极分子"]
    assert ctx["resolutions"][0] == (
        "确定甲同志为发展对象，由程一帆、邵嘉明同志作入党介绍人，报上级党委备案，并进行政治审查和集中培训。"
    )
    assert "考察情况：2026年5月考察：表现好。" in ctx["proceedings"][0]["summary"]
    # No roster: the committee's size is a blank too.
    assert ctx["due_text"] == ""
    assert "应到委员　　名" in ctx["votes"][0]["text"]
    assert len(ctx["follow_up"]) == 3


def test_nobody_decided_on() -> None:
    ctx = context({"candidates": [{"姓名": "甲", "申请入党日期": "2026-10-12"}]})
    assert ctx["record_show"] is False

"""The papers sent to the 上级党委: 备案报告, 预审请示, 报批请示 — who each is about, what it
says from the data, where it is addressed and how it is dated."""

from __future__ import annotations

from tests.views.development_data import context


def test_filing_reports_the_latest_decision_dated_after_its_notice() -> None:
    filing = context()["filing"]
    assert filing["title"] == "关于确定闻一舟同志为入党积极分子的备案报告"
    assert filing["addressee"] == "中共星河大学信息工程学院委员会："
    body = "".join(filing["paras"])
    assert "2026年4月9日经群团组织推优，培养联系人为欧阳慧、岑立新" in body
    assert "2026年4月17日至4月23日在党支部范围内进行了公示" in body
    assert filing["signoff"]["date"] == "2026年4月23日"


def test_prereview_asks_for_those_still_waiting() -> None:
    pre = context()["prereview"]
    # 简书白 has had the 预审; 柏子衿 is still waiting.
    assert pre["title"] == "关于对柏子衿同志进行发展党员预审的请示"
    body = "".join(pre["paras"])
    assert "入党介绍人为裴文博、贺知秋" in body
    assert "2026年3月23日至3月25日参加发展对象集中培训3天、24学时" in body
    assert pre["signoff"]["date"] == "2026年12月1日"


def test_prereview_after_the_fact_leaves_its_date_blank() -> None:
    ctx = context(
        {
            "signoff": {"date": "2026-12-01"},
            "candidates": [
                {"姓名": "甲", "确定为发展对象日期": "2026-03-20", "预审日期": "2026-10-22"}
            ],
        }
    )
    pre = ctx["prereview"]
    assert pre["title"] == "关于对甲同志进行发展党员预审的请示"
    assert "政治审查尚未完成" in "".join(pre["paras"])
    assert pre["signoff"]["date"] == "　　　　年　　月　　日"
    assert pre["addressee"] == "上级党委："


def test_approval_carries_the_vote_and_is_dated_before_the_approval() -> None:
    approval = context()["approval"]
    assert approval["title"] == "关于接收纪明月同志为中共预备党员的请示"
    body = "".join(approval["paras"])
    assert "2026年9月22日经中共星河大学信息工程学院委员会预审合格" in body
    assert "应到会有表决权的正式党员22名，实到19名，超过半数，会议有效" in body
    assert "赞成20票（含书面意见2份），反对0票，弃权1票" in body
    assert "大会通过了接收纪明月同志为中共预备党员的决议" in body
    # The roster's 成文日期 (1 December) is after the approval (10 November): the meeting's day.
    assert approval["signoff"]["date"] == "2026年10月15日"


def test_nothing_to_send() -> None:
    ctx = context({"candidates": [{"姓名": "甲", "申请入党日期": "2026-10-12"}]})
    assert not ctx["filing"]["show"]
    assert not ctx["prereview"]["show"]
    assert not ctx["approval"]["show"]

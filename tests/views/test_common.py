"""Shared wording: dates, deadlines, lists, people, widths and the sign-off's placement."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.data.models.common import Person
from docgen.views.common import (
    addressee_text,
    attachment_lines,
    attachment_note,
    bare,
    bare_items,
    branch_name,
    count_text,
    date_text,
    deadline_text,
    enumerate_text,
    list_text,
    numbered_lines,
    person_text,
    sentence,
    signoff,
    text_width,
)


def test_dates_and_deadlines() -> None:
    """Dates without leading zeros; 长期坚持 stays as written; a suffix only follows dates."""
    assert date_text(dt.date(2026, 3, 5)) == "2026年3月5日"
    assert date_text(dt.datetime(2026, 3, 5, 14, 30)) == "2026年3月5日"
    assert date_text(None) == ""
    assert deadline_text(dt.date(2027, 6, 30), "前") == "2027年6月30日前"
    assert deadline_text("长期坚持", "前") == "长期坚持"
    assert deadline_text(None) == ""


def test_lists_read_none_when_empty() -> None:
    """An empty list reads 无; blanks are dropped."""
    assert list_text([]) == "无"
    assert list_text(["甲", "", "乙"]) == "甲、乙"


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["加强学习。"], "加强学习。"),
        (["加强学习。", "严格制度"], "一是加强学习；二是严格制度。"),
    ],
)
def test_enumerate_text(items: list[str], expected: str) -> None:
    """One item as written, several as 一是……；二是……。"""
    assert enumerate_text(items) == expected


def test_numbered_lines_and_sentence() -> None:
    """Cell lines are numbered 1. 2.; a sentence gets its full stop once."""
    assert numbered_lines(["甲", "乙"]) == "1.甲\n2.乙"
    assert numbered_lines(["甲"]) == "甲"
    assert sentence("梳理问题，") == "梳理问题。"
    assert sentence("已完成。") == "已完成。"
    # A lead-in keeps its colon (full-width), and is not closed with a full stop.
    assert sentence("在此，我提出几点要求：") == "在此，我提出几点要求："
    assert sentence("下面讲三点意见:") == "下面讲三点意见："


def test_person_and_branch() -> None:
    """People with roles in full-width brackets; a branch id is not a name."""
    assert person_text(Person(name="孟庆岚", role="支部书记")) == "孟庆岚（支部书记）"
    assert person_text(Person(name="孟庆岚")) == "孟庆岚"
    assert person_text(None) == ""

    class Bare:
        branch = "xxgc-jg1"
        roster = None

    assert branch_name(Bare()) == ""  # type: ignore[arg-type]
    Bare.branch = "第一党支部"
    assert branch_name(Bare()) == "第一党支部"  # type: ignore[arg-type]


def test_widths() -> None:
    """CJK counts 1, digits ½."""
    assert text_width("2026年12月30日") == 7


def test_signoff_carries_text_and_placed_lines() -> None:
    """No padding: the texts as written, and the two lines placed by indent."""
    org = "中共星河大学信息工程学院党支部"
    s = signoff(org, dt.date(2026, 12, 30))
    assert (s["org"], s["date"], s["sealed"]) == (org, "2026年12月30日", False)
    xml = s["lines"].__html__()
    assert "\u3000" not in xml
    assert "\u2002" not in xml
    assert xml.count('<w:jc w:val="right"/>') == 2
    assert signoff(org, dt.date(2026, 12, 30), sealed=True)["lines"].sealed
    # A date written out for the secretary's pen is kept as it is.
    assert signoff(org, "2026年\u3000\u3000月\u3000\u3000日")["date"].endswith("月\u3000\u3000日")


def test_signoff_hidden() -> None:
    """show=False or nothing to show leaves the block out."""
    assert signoff("支部", None, show=False)["show"] is False
    assert signoff("", None)["show"] is False
    assert signoff("", dt.date(2026, 1, 1))["org"] == ""
    assert signoff("", None)["lines"].__html__() == ""


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("1. 加强学习", "加强学习"),
        ("2、加强学习", "加强学习"),
        ("3）加强学习", "加强学习"),
        ("（1）加强学习", "加强学习"),
        ("（一）加强学习", "加强学习"),
        ("一、加强学习", "加强学习"),
        ("一是加强学习", "加强学习"),
        ("第二，加强学习", "加强学习"),
        ("①加强学习", "加强学习"),
        ("1.5倍的学时", "1.5倍的学时"),
        ("2026年起加强学习", "2026年起加强学习"),
        ("第一议题制度", "第一议题制度"),
        ("三会一课", "三会一课"),
    ],
)
def test_bare_takes_off_a_typed_ordinal_only(typed: str, kept: str) -> None:
    """A typed ordinal is taken off (the template numbers the list); numbers that are part of
    the text stay."""
    assert bare(typed) == kept


def test_generated_numbering_never_doubles() -> None:
    """Typed “1.”/“一是” items come out numbered once, in both list forms."""
    typed = ["1. 学原文", "2. 悟原理"]
    assert numbered_lines(typed) == "1.学原文\n2.悟原理"
    assert enumerate_text(["一是学原文", "二是悟原理"]) == "一是学原文；二是悟原理。"
    assert bare_items(["（1）甲", " ", "2）"]) == ["甲"]


def test_counts_are_digits_of_one_form() -> None:
    """GB/T 15835: counts in Arabic digits, as typed data has them (no 两, no 二十三)."""
    assert [count_text(n, "名") for n in (1, 2, 12, 23)] == ["1名", "2名", "12名", "23名"]
    assert count_text(6) == "6"


@pytest.mark.parametrize(
    ("typed", "line"),
    [
        ("中共某学院委员会", "中共某学院委员会："),
        ("中共某学院委员会:", "中共某学院委员会："),
        (" 中共某学院委员会： ", "中共某学院委员会："),
        ("", ""),
        (None, ""),
        ("：", ""),
    ],
)
def test_addressee_ends_in_one_full_width_colon(typed: str | None, line: str) -> None:
    """The 主送机关 line ends in exactly one “：” (GB/T 9704 §7.3.2), whatever was typed."""
    assert addressee_text(typed) == line


def test_attachment_lines_are_numbered_without_punctuation() -> None:
    """附件说明 (GB/T 9704 §7.3.4): several names numbered 1. 2., no mark after a name, a
    typed ordinal taken off; a single name stands alone, unnumbered."""
    assert attachment_lines(["签到表", "1. 活动照片。", ""]) == ["1.签到表", "2.活动照片"]
    assert attachment_lines(["签到表；"]) == ["签到表"]
    assert attachment_lines([]) == []


def test_attachment_note_holds_the_cleaned_names() -> None:
    """The note the templates place takes the same names as the text lines: no typed
    ordinal, no mark after a name, empty entries dropped; no names make a false note."""
    assert attachment_note(["1. 签到表。", "", "活动照片；"]).names == ("签到表", "活动照片")
    assert not attachment_note(["", "  "])

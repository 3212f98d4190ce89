"""The speech view: head lines, salutation, typed markers removed, sub-items in both forms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import docgen
from docgen.data.models.common import Person
from docgen.data.models.speech import Closing, Opening, Point, Speech
from docgen.views import context_for
from docgen.views.speech import (
    closing_paras,
    inline_title,
    opening_paras,
    point_view,
    salutation_line,
    speaker_line,
    speech_context,
    strip_marker,
    sub_item,
    subtitle_text,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "fixtures/school/xxgc-jg1/2026/speech.yaml"


def test_sample_speech_context() -> None:
    """The 七一 speech: speaker line, dated line, salutation, 105th anniversary, inline subs."""
    model = docgen.load_data(SAMPLE)
    assert isinstance(model, Speech)
    ctx = context_for(model)
    assert ctx["speaker_text"] == "支部书记\u3000孟庆岚"
    assert ctx["date_text"] == "（2026年7月1日）"
    assert ctx["salutation_text"] == "江书记，各位老师、同志们："
    assert ctx["party_years"] == 105
    first = ctx["points"][0]
    assert first["sub_inline"] is True
    assert first["sub_text"].startswith("一是上好每一节课")
    assert "一是一是" not in first["sub_text"]
    assert ctx["closing_paras"][-1] == "谢谢大家！"


def test_sparse_speech_has_no_none() -> None:
    """A title alone: salutation 同志们：, empty lines left empty, no anniversary."""
    ctx = speech_context(Speech(title="讲话"))
    assert ctx["salutation_text"] == "同志们："
    assert ctx["speaker_text"] == ctx["date_text"] == ctx["subtitle"] == ""
    assert ctx["party_years"] is None
    assert ctx["opening_paras"] == ctx["closing_paras"] == ctx["points"] == []
    assert "None" not in repr({k: v for k, v in ctx.items() if v is not None})


@pytest.mark.parametrize(
    ("typed", "bare"),
    [
        ("一是上好每一节课。", "上好每一节课。"),
        ("十二是守好底线", "守好底线"),
        ("第三，带好学生", "带好学生"),
        ("（二）业务上精湛", "业务上精湛"),
        ("3. 师德上过关", "师德上过关"),
        ("二、担当作为", "担当作为"),
        ("一是非常重要的事", "非常重要的事"),
        ("是非分明", "是非分明"),
    ],
)
def test_strip_marker(typed: str, bare: str) -> None:
    """Ordinals typed at the start are removed; ordinary text is kept."""
    assert strip_marker(typed) == bare


def test_sub_item_forms() -> None:
    """一是 text with a full stop; a short first sentence becomes a （一） lead."""
    item = sub_item("政治上过硬。课堂讲授守纪律。", 1)
    assert item == {
        "text": "一是政治上过硬。课堂讲授守纪律。",
        "lead": "（一）政治上过硬。",
        "rest": "课堂讲授守纪律。",
    }
    assert sub_item("师德上过关", 3)["lead"] == "（三）师德上过关"
    long = "把" + "党员标准落实到教学科研和学生工作的每一个环节" * 2
    expected = {"text": "二是" + long + "。", "lead": "（二）", "rest": long + "。"}
    assert sub_item(long, 2) == expected


def test_point_view_long_items_stay_separate() -> None:
    """Items with several sentences are not joined into one 一是……；二是…… paragraph."""
    view = point_view(Point(heading="担当作为。", sub=["做好一件事。再做好一件事。", "二是守底线"]))
    assert view["heading"] == "担当作为"
    assert view["sub_inline"] is False
    assert [s["text"] for s in view["sub"]] == ["一是做好一件事。再做好一件事。", "二是守底线。"]
    assert view["has_body"] is True
    assert point_view(Point(heading="只有标题"))["has_body"] is False


def test_head_lines() -> None:
    """Speaker with and without a role; subtitle dash added; salutation colon not doubled."""
    assert speaker_line(Person(name="温致远", role="校党委书记")) == "校党委书记\u3000温致远"
    assert speaker_line(Person(name="温致远")) == "温致远"
    assert subtitle_text("在开班式上的讲话") == "——在开班式上的讲话"
    assert subtitle_text("——在开班式上的讲话") == "——在开班式上的讲话"
    assert salutation_line("各位支部书记：") == "各位支部书记："
    assert inline_title("重温入党誓词\u3000坚定理想信念") == "重温入党誓词，坚定理想信念"


def test_opening_and_closing_paragraphs() -> None:
    """Occasion and welcome share a paragraph; summary, wish and thanks are one each."""
    opening = Opening(occasion="今天开班", welcome="欢迎大家", thanks="感谢各位")
    assert opening_paras(opening) == ["今天开班。欢迎大家。", "感谢各位。"]
    assert opening_paras(Opening(thanks="感谢各位！")) == ["感谢各位！"]
    closing = Closing(summary="总之，要学用结合", thanks="谢谢大家！")
    assert closing_paras(closing) == ["总之，要学用结合。", "谢谢大家！"]
    assert closing_paras(None) == []


def test_date_gives_anniversary() -> None:
    """The anniversary counts from 1921."""
    ctx = speech_context(Speech(title="讲话", date=dt.date(2031, 7, 1)))
    assert ctx["party_years"] == 110


def test_typed_ordinal_words_are_kept_not_doubled() -> None:
    """“二要”, “首先”, “第一” typed by the speaker stay as typed (no “二是二要”); 一是 is
    generated only when no ordinal word was typed."""
    own = point_view(
        Point(heading="严守纪律", sub=["一要按时到课", "二要认真听讲", "三要学以致用"])
    )
    assert own["sub_text"] == "一要按时到课；二要认真听讲；三要学以致用。"
    assert [s["text"] for s in own["sub"]] == ["一要按时到课。", "二要认真听讲。", "三要学以致用。"]
    assert "是" not in own["sub_text"]
    first = point_view(Point(heading="抓好落实", sub=["首先，明确责任", "其次，加强督查"]))
    assert first["sub_text"] == "首先，明确责任；其次，加强督查。"
    plain = point_view(Point(heading="抓好落实", sub=["明确责任", "加强督查"]))
    assert plain["sub_text"] == "一是明确责任；二是加强督查。"
    typed_shi = point_view(Point(heading="抓好落实", sub=["一是明确责任", "二是加强督查"]))
    assert typed_shi["sub_text"] == "一是明确责任；二是加强督查。"

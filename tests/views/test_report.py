"""The report view: sections, items answering problems, subtitles and sign-offs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import docgen
from docgen.data.models.common import Section, SectionItem, Signoff
from docgen.data.models.report import Report
from docgen.library import find_template
from docgen.views.report import (
    answers_lead,
    item_view,
    report_context,
    section_view,
    subtitle_text,
)
from tests.templates.reading import Docx

ROOT = Path(__file__).resolve().parents[2]
SCHOOL = ROOT / "fixtures/school/xxgc-jg1/2026"
PROBLEMS = [
    SectionItem(title="学习形式比较单一，吸引力不强"),
    SectionItem(title="工学矛盾突出"),
    SectionItem(title="记录不规范的问题。"),
]


@pytest.fixture(scope="module")
def issue_report() -> dict[str, Any]:
    """The 问题与对策 fixture's context."""
    model = docgen.load_data(SCHOOL / "report.yaml")
    assert isinstance(model, Report)
    return report_context(model)


def test_subtitle_gets_one_dash_pair() -> None:
    """A subtitle always opens with exactly one “——”; none stays empty."""
    assert subtitle_text("——某支部经验交流材料") == "——某支部经验交流材料"
    assert subtitle_text("某支部经验交流材料") == "——某支部经验交流材料"
    assert subtitle_text("—— 某支部") == "——某支部"
    assert subtitle_text(None) == ""
    assert subtitle_text("  ") == ""


def test_answers_lead_phrases_problem_titles() -> None:
    """Commas become 、, a trailing “的问题” is not doubled, several are joined with 和."""
    assert answers_lead([1], PROBLEMS) == "针对学习形式比较单一、吸引力不强的问题，"
    assert answers_lead([3], PROBLEMS) == "针对记录不规范的问题，"
    assert answers_lead([1, 2, 3], PROBLEMS) == (
        "针对学习形式比较单一、吸引力不强、工学矛盾突出和记录不规范的问题，"
    )


def test_answers_lead_skips_unknown_numbers() -> None:
    """Numbers outside the first section (or repeated) never print as a gap."""
    assert answers_lead([9, 0], PROBLEMS) == ""
    assert answers_lead([2, 2, 7], PROBLEMS) == "针对工学矛盾突出的问题，"


def test_item_as_heading_or_sentence() -> None:
    """The title loses its full stop for a heading; the sentence carries the lead."""
    bare = item_view(SectionItem(title="固定活动时间。", addresses=[2]), PROBLEMS)
    assert bare == {
        "title": "固定活动时间",
        "body": "",
        "sentence": "针对工学矛盾突出的问题，固定活动时间。",
        "answers": "针对工学矛盾突出的问题",
    }
    full = item_view(SectionItem(title="固定活动时间", body="每月第二周周三下午"), PROBLEMS)
    assert full["body"] == "每月第二周周三下午。"


def test_section_lays_items_out_one_way() -> None:
    """One item with a body makes every item of the list a heading; blank paragraphs go."""
    section = Section(
        heading="对策建议。",
        paras=["", "总的考虑如下。"],
        items=[SectionItem(title="甲"), SectionItem(title="乙", body="展开。")],
    )
    view = section_view(section, 1, PROBLEMS)
    assert view["heading"] == "对策建议"
    assert view["paras"] == ["总的考虑如下。"]
    assert view["items_headed"] is True


def test_deep_subsections_are_run_in() -> None:
    """A fourth level has no heading style: its text joins the third level's paragraphs."""
    fourth = Section(heading="第四层", paras=["第四层正文。"])
    third = Section(heading="第三层", paras=["第三层正文。"], subsections=[fourth])
    top = Section(heading="一层", subsections=[Section(heading="二层", subsections=[third])])
    view = section_view(top, 1, [])
    level3 = view["subsections"][0]["subsections"][0]
    assert level3["subsections"] == []
    assert level3["paras"] == ["第三层正文。", "第四层。", "第四层正文。"]


def test_issue_report_measures_answer_problems(issue_report: dict[str, Any]) -> None:
    """Each countermeasure of the fixture opens with the problem it answers."""
    sections = issue_report["sections"]
    assert isinstance(sections, list)
    first = sections[1]["items"][0]
    assert first["body"].startswith("针对学习形式比较单一、吸引力不强的问题，推行")
    assert all(not i["answers"] for i in sections[0]["items"])
    assert issue_report["signoff"]["date"] == "2026年10月28日"


def test_signoff_by_subkind() -> None:
    """Without a sign-off a written report is signed by its branch, a spoken one is not."""
    spoken = Report(subkind="experience_exchange", title="甲", branch="某某党支部")
    written = Report(subkind="work_summary", title="甲", branch="某某党支部")
    nobody = Report(subkind="work_summary", title="甲")
    assert report_context(spoken)["signoff"]["show"] is False
    assert report_context(written)["signoff"]["org"] == "某某党支部"
    assert report_context(nobody)["signoff"]["show"] is False
    hidden = Report(title="甲", signoff=Signoff(org="某某党支部", show=False))
    assert report_context(hidden)["signoff"]["show"] is False


def test_mixed_items_render_with_continuous_numbers() -> None:
    """Items with and without bodies in one list render as headings 1. 2. 3., no gap."""
    model = Report(
        subkind="issue_report",
        title="关于某事的问题及对策",
        sections=[
            Section(heading="存在的问题", items=PROBLEMS),
            Section(
                heading="对策建议",
                items=[
                    SectionItem(title="丰富形式", body="开展现场教学。", addresses=[1]),
                    SectionItem(title="错开时间", addresses=[2]),
                ],
            ),
        ],
    )
    blob = docgen.load(find_template("reports/wenti-duice")).render(report_context(model))
    lines = [(p.style, p.text) for p in Docx(blob).paragraphs()]
    assert ("Heading3", "2.错开时间") in lines
    assert ("Normal", "针对学习形式比较单一、吸引力不强的问题，开展现场教学。") in lines
    assert ("Normal", "3.记录不规范的问题。") in lines
    assert not any(text.endswith("：") or "None" in text for _, text in lines)


def test_issue_report_names_its_addressee(issue_report: dict[str, Any]) -> None:
    """An upward report prints its 主送机关 with a full-width colon; none when not given."""
    assert issue_report["addressee"] == "中共星河大学信息工程学院委员会："
    bare_report = Report.model_validate({"title": "关于某事的报告", "sections": []})
    assert report_context(bare_report)["addressee"] == ""

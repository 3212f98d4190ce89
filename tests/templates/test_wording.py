"""Wording a secretary would otherwise fix by hand (issue 9 §4), read from the rendered
templates with their fixtures."""

from __future__ import annotations

import docgen
from docgen.bundle.forms import WRITING_LINES, minutes_form
from docgen.context import read_data
from docgen.data.models.annual_plan import AnnualPlan
from tests.templates.conftest import ROOT
from tests.templates.reading import NS, Docx, q


def _texts(doc: Docx) -> list[str]:
    return [p.text for p in doc.paragraphs()]


def test_org_life_minutes_report_the_appraisal_once(rendered: dict[tuple[str, str], Docx]) -> None:
    """The 民主评议 is an agenda item of the meeting: its results stand under that item,
    not again as a section of their own."""
    doc = rendered[("reports/zuzhi-shenghuohui-jilu", "full")]
    headings = [p.text for p in doc.paragraphs() if p.style.startswith("Heading")]
    assert [h for h in headings if "民主评议" in h] == ["（五）民主评议党员"]
    texts = _texts(doc)
    item = texts.index("（五）民主评议党员")
    results = next(i for i, t in enumerate(texts) if t.startswith("评议结果："))
    following = [i for i, t in enumerate(texts) if t.startswith("（六）")]
    assert item < results < following[0]


def test_presiding_script_has_stage_notes(rendered: dict[tuple[str, str], Docx]) -> None:
    """Between the host's lines, bracketed notes say who speaks: the committee's review,
    the members' round, the 测评 and the leader's comment."""
    texts = _texts(rendered[("speeches/zuzhi-shenghuohui-zhuchici", "full")])
    notes = [t for t in texts if t.startswith("（") and t.endswith("）") and "年" not in t]
    assert notes[0] == "（孟庆岚同志代表支委会作对照检查）"
    assert "（苏曼宁同志点评讲话）" in notes
    assert len(notes) == 4
    review = texts.index(notes[0])
    assert texts[review - 1].startswith("下面进行第二项议程")
    assert texts[review + 1].startswith("刚才，我代表支委会作了对照检查")
    # The minimal data has no appraisal and no leader: only the notes of the steps it has.
    minimal = _texts(rendered[("speeches/zuzhi-shenghuohui-zhuchici", "min")])
    assert "（支部书记代表支委会作对照检查）" in minimal
    assert not any("点评讲话）" in t or "测评表" in t for t in minimal)


def test_speech_lead_in_keeps_its_colon(rendered: dict[tuple[str, str], Docx]) -> None:
    """The transition typed as a lead-in (“……提三点希望：”) prints as a body paragraph
    ending in its colon, not as a heading and not closed with “。”."""
    doc = rendered[("speeches/peixunban-kaiban", "full")]
    lead = [p for p in doc.paragraphs() if p.text.startswith("借开班的机会")]
    assert [(p.style, p.text[-1]) for p in lead] == [("Normal", "：")]


def test_general_meeting_labels_each_voting_count(rendered: dict[tuple[str, str], Docx]) -> None:
    """The 党员大会 head table names no label twice: the voting members' counts say which
    is 应到 and which 实到."""
    doc = rendered[("reports/dangyuan-dahui-jilu", "full")]
    table = next(line for line in doc.outline() if "有表决权" in line)
    cells = [c.strip() for c in table.split("|")[1:]]
    assert cells == ["有表决权", "应到22人，实到20人"]
    labels = [
        line.split("|")[i].strip()
        for line in doc.outline()
        if line.startswith("  |")
        for i in range(1, len(line.split("|")), 2)
    ]
    assert len(labels) == len(set(labels))


def test_progress_report_is_dated_on_its_own(rendered: dict[tuple[str, str], Docx]) -> None:
    """The 整改情况报告 signs with its own date and counts 截至 its own day, not the plan's
    2026年12月30日 (which the plan itself keeps)."""
    report = _texts(rendered[("reports/zhenggai-qingkuang-baogao", "full")])
    assert any(t.strip() == "2027年1月8日" for t in report)
    assert any(t.startswith("截至2026年12月31日，") for t in report)
    assert not any("2026年12月30日" in t for t in report)
    plan = _texts(rendered[("plans/zhenggai-fangan", "full")])
    assert any(t.strip() == "2026年12月30日" for t in plan)


def test_minutes_claim_no_attendance_they_were_not_given(
    rendered: dict[tuple[str, str], Docx],
) -> None:
    """Data with no attendance leaves 缺席 blank to fill in and says nothing of 列席, never
    “无”; data that lists them prints them."""
    for name in ("zhiweihui-jilu", "dangyuan-dahui-jilu", "dangke-jilu", "zhuti-dangri-jilu"):
        outline = rendered[(f"reports/{name}", "min")].outline()
        rows = {line.split("|")[1].strip(): line for line in outline if line.startswith("  |")}
        assert rows["缺席人员及原因"].split("|")[2].strip() == "", name
        assert "列席人员" not in rows, name
    full = rendered[("reports/dangyuan-dahui-jilu", "full")].outline()
    assert "  | 列席人员 | 钱立舟（学院党委组织员）" in full


def test_secret_ballot_names_its_officers(rendered: dict[tuple[str, str], Docx]) -> None:
    """A 党员大会's secret ballot records who watched and who counted the votes."""
    texts = _texts(rendered[("reports/dangyuan-dahui-jilu", "full")])
    vote = next(t for t in texts if "无记名投票" in t)
    assert "（监票人：俞方舟、岑立新；计票人：黎晓雯）" in vote


def test_typed_numbering_is_taken_off_not_doubled() -> None:
    """Items typed with their own “1.”, “（1）” or “一是” print with the template's
    numbering only (no “1.1.”, no “一是一是”)."""
    minutes = {
        "kind": "minutes",
        "meeting_type": "支委会",
        "time": "2026-03-05",
        "agenda": ["1. 研究学习计划", "2. 讨论发展对象"],
        "resolutions": ["（1）通过学习计划", "（2）确定发展对象"],
    }
    rect = {
        "kind": "rectification",
        "problems": [
            {"title": "1、学习不够深入", "measures": ["一是加强督促", "二是定期交流"]},
            {"title": "2、记录不够及时", "measures": ["1.建立登记表"]},
        ],
    }
    texts: list[str] = []
    for name, data in (("reports/zhiweihui-jilu", minutes), ("plans/zhenggai-fangan", rect)):
        context = read_data(data, wanted_by=name).context
        texts += _texts(Docx(docgen.load(name).render(context, check=True)))
    assert "1.研究学习计划" in texts
    assert "2.确定发展对象" in texts
    joined = "\n".join(texts)
    assert "一是加强督促；二是定期交流" in joined
    for doubled in ("1.1", "1.（1）", "一是一是", "1.1、", "（一）1、", "1.建立"):
        assert doubled not in joined, doubled


def test_theme_day_form_is_a_form_to_complete() -> None:
    """The 年度 bundle's pre-filled 主题党日 record: what the plan knows is filled in, the
    rest is blank space to write in (the activity and the discussion get several lines);
    no internal note and no claim of attendance before the meeting."""
    plan = docgen.load_data(ROOT / "fixtures/school/xxgc-jg1/2026/annual_plan.yaml")
    assert isinstance(plan, AnnualPlan)
    entry = next(e for e in plan.schedule if e.meeting_type == "主题党日" and e.month == 3)
    doc = Docx(docgen.load("reports/zhuti-dangri-jilu").render(minutes_form(plan, entry)))
    outline = "\n".join(doc.outline())
    assert "据年度" not in outline
    assert "出席人员" not in outline
    assert "  | 参加对象 | 全体党员" in outline
    assert "  | 列席人员 | " in outline
    for label in ("活动情况", "交流研讨"):
        row = next(r for r in doc.body.iter(q("w:tr")) if label in "".join(r.itertext()))
        assert len(row.findall(".//w:br", NS)) == WRITING_LINES - 1, label
    assert "无" not in "".join(doc.body.itertext())

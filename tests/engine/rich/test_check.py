"""``docgen check`` knows the rich filters: sound uses check clean, misuses are found with
their place before any data (docgen.engine.rich.check)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import docgen
from docgen.cli import main
from docgen.engine.rich import add_watermark
from docgen.exceptions import Problem
from tests.docx_builder import make_docx, p, table
from tests.engine.rich.pictures import block_png, seal_png, signature_png

#: Data for every sound use below, so each is shown to render as well as to check clean.
DATA: dict[str, Any] = {
    "link": "https://example.org/档案/2026/017",
    "ok": "是",
    "rows": [{"cat": "学习", "n": 3}, {"cat": "学习", "n": 2}, {"cat": "作风", "n": 1}],
    "org": "中共某某大学机关党支部",
    "stamp": seal_png(),
    "sign": signature_png(),
    "logo": block_png(),
    "notice": "<p>请于<b>周五前</b>提交。</p><ol><li>对照检查</li></ol>",
    "summary": "**整改要求**：按期完成。\n\n- 明确责任人",
    "votes": {"优秀": 15, "合格": 7, "基本合格": 1},
    "kind": "column",
}

LOOP = "{%tr for r in rows %}"
END = "{%tr endfor %}"

#: Per feature: a body using it soundly, one misusing it (in the body's 2nd paragraph or in
#: table 1 row 2 cell 1), the code and a phrase of the problem.
CASES = {
    "qrcode": (
        p("{{ link|qrcode }}") + p("{{ link|qrcode(30, 'H') }}"),
        p("前文") + p("{{ link|qrcode(500) }}"),
        "bad_filter_argument",
        "二维码尺寸 500 毫米不合理",
    ),
    "qrcode-level": (
        p("{{ link|qrcode(error='Q') }}"),
        p("前文") + p("{{ link|qrcode(30, 'Z') }}"),
        "bad_filter_argument",
        "纠错等级 Z 无效",
    ),
    "checkbox": (
        p("{{ ok|checkbox }}") + p("{{ ok|checkbox(form=true, name='同意公示') }}"),
        p("前文") + p("{{ ok|checkbox(fom=true) }}"),
        "bad_filter_argument",
        "没有参数 fom，是否应为 form",
    ),
    "vmerge": (
        table([LOOP], ["{{ r.cat|vmerge }}", "{{ r.n|hmerge }}"], [END]),
        p("前文") + p("{{ rows[0].cat|vmerge }}"),
        "rich_value_outside_cell",
        "只合并表格中的单元格",
    ),
    "hmerge": (
        table(["{{ rows[0].cat|hmerge }}", "{{ rows[1].cat|hmerge }}"]),
        table(["表头"], ["{{ rows[0].cat|hmerge('v') }}"]),
        "bad_filter_argument",
        "hmerge 不接受参数，这里给了 1 个",
    ),
    "seal": (
        p("{{ org|seal(stamp) }}") + p("{{ org|seal(stamp, 42) }}") + p("{{ org|seal('') }}"),
        p("前文") + p("{{ org|seal(stamp, 200) }}"),
        "bad_filter_argument",
        "印章直径 200 毫米不合理",
    ),
    "signature": (
        table(["{{ sign|signature }}", "{{ sign|signature(10) }}"]),
        table(["签名"], ["{{ sign|signature(100) }}"]),
        "bad_filter_argument",
        "签名高度 100 毫米不合理",
    ),
    "floating": (
        p("{{ logo|floating(30, x=126, y=0, relative='margin', behind=true) }}")
        + p("{{ logo|floating(20, align_x='center', align_y='bottom', relative='page') }}"),
        p("前文") + p("{{ logo|floating(30, relative='sky') }}"),
        "bad_filter_argument",
        "位置基准 'sky' 无效",
    ),
    "floating-align": (
        p("{{ logo|floating(height=20, relative='character') }}"),
        p("前文") + p("{{ logo|floating(30, align_y='middle') }}"),
        "bad_filter_argument",
        "对齐方式 'middle' 无效",
    ),
    "watermark": (
        p("{{ org }}"),
        p("前文") + p("{{ org|watermark }}"),
        "unknown_filter",
        "--watermark",
    ),
    "html": (
        p("{{p notice|html }}") + p("通知：{{ notice|html }}"),
        p("前文") + p("{{p notice|html('strict') }}"),
        "bad_filter_argument",
        "html 不接受参数",
    ),
    "markdown": (
        p("{{p summary|markdown }}"),
        p("前文") + p("{{p summary|markdown(tables=true) }}"),
        "bad_filter_argument",
        "markdown 没有参数 tables",
    ),
    "chart": (
        p("{{ votes|chart('pie', title='测评结果', width=120, height=80, labels=false) }}")
        + p("{{ rows|chart('柱形图', category='cat', series='n') }}")
        + p("{{ votes|chart(kind) }}"),
        p("前文") + p("{{ votes|chart('donut') }}"),
        "bad_filter_argument",
        "图表类型 'donut' 无效",
    ),
    "chart-size": (
        p("{{ votes|chart('bar', width=20, height=400) }}"),
        p("前文") + p("{{ votes|chart('line', height=5) }}"),
        "bad_filter_argument",
        "图表尺寸 5 毫米不合理",
    ),
    "chart-keyword": (
        p("{{ rows|chart('line', category='cat', series=['n']) }}"),
        p("前文") + p("{{ votes|chart('column', titel='各类问题数') }}"),
        "bad_filter_argument",
        "没有参数 titel，是否应为 title",
    ),
}


def _only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [q.describe() for q in problems]
    return problems[0]


@pytest.mark.parametrize("feature", list(CASES))
def test_a_sound_use_checks_clean_and_renders(feature: str) -> None:
    """Each feature's tags, its options written as literals, have no problem and render."""
    blob = make_docx(CASES[feature][0])
    assert docgen.check_template(blob) == []
    out = docgen.Template(blob).render(DATA, check=True)
    assert docgen.verify_package(out) == []


@pytest.mark.parametrize("feature", list(CASES))
def test_a_misuse_is_reported_with_its_place(feature: str) -> None:
    """The misuse is one problem, of its code, in the filter's own words, at its tag."""
    _sound, wrong, code, phrase = CASES[feature]
    problem = _only(docgen.check_template(make_docx(wrong)))
    assert problem.code == code
    assert phrase in problem.message_zh
    if wrong.startswith("<w:tbl>"):
        place = (problem.location.table, problem.location.row, problem.location.table_cell)
        assert place == (1, 2, 1)
    else:
        assert problem.location.paragraph == 2
    assert problem.location.snippet is not None
    assert problem.location.snippet.startswith("{{")
    assert problem.location.snippet in wrong


def test_a_misuse_is_an_error_and_the_template_will_not_render() -> None:
    """A bad literal argument fails every render, so it stops the template like bad syntax."""
    problem = _only(docgen.check_template(make_docx(p("{{ votes|chart('donut') }}"))))
    assert problem.severity == "error"
    with pytest.raises(docgen.TemplateError, match="图表类型 'donut' 无效"):
        docgen.Template(make_docx(p("{{ votes|chart('donut') }}"))).render(DATA)


def test_merging_outside_a_table_is_a_warning_only() -> None:
    """A ``|vmerge`` in body text prints its text: the template still renders."""
    blob = make_docx(p("{{ rows[0].cat|vmerge }}"))
    assert _only(docgen.check_template(blob)).severity == "warning"
    out = docgen.Template(blob).render(DATA)
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        assert "学习" in package.read("word/document.xml").decode()


def test_pictures_in_document_properties_are_misplaced() -> None:
    """A QR code or chart as the document's title cannot be drawn there: an error naming it."""
    for tag in ("{{ link|qrcode }}", "{{ votes|chart('pie') }}"):
        problem = _only(docgen.check_template(make_docx(p("正文"), title=tag)))
        assert problem.code == "rich_value_misplaced"
        assert problem.location.part == "docProps/core.xml"
    assert docgen.check_template(make_docx(p("正文"), title="{{ ok|checkbox }}")) == []


def test_messages_are_in_both_languages() -> None:
    """The problem carries the filter's own English wording beside the Chinese."""
    problem = _only(docgen.check_template(make_docx(p("{{ v|chart('radar') }}"))))
    assert "chart kind 'radar' is not valid" in problem.message_en
    assert "图表类型 'radar' 无效" in problem.message_zh


def test_arguments_from_the_data_are_left_to_the_render() -> None:
    """Values known only at render (a name, an expression) are not guessed at."""
    body = p("{{ v|chart(kind, width=w * 2) }}") + p("{{ link|qrcode(size) }}")
    body += p("{{ logo|floating(*sizes) }}") + p("{{ org|seal(stamp, size_mm=d) }}")
    assert docgen.check_template(make_docx(body)) == []


def test_a_callers_own_filter_of_that_name_is_not_judged_by_docgen() -> None:
    """``filters={'chart': …}`` replaces docgen's chart, and its rules with it."""
    blob = make_docx(p("{{ v|chart('donut', size=3) }}"))
    template = docgen.Template(blob, filters={"chart": lambda v, kind, size: f"{kind}{size}"})
    assert template.problems == []


def test_a_watermarked_template_checks_clean_and_keeps_its_mark() -> None:
    """A finished, watermarked document used as a template: no problem; the mark stays."""
    blob = add_watermark(make_docx(p("{{ org }}")), "征求意见稿")
    assert docgen.check_template(blob) == []
    out = docgen.Template(blob).render(DATA, check=True)
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        headers = [package.read(n).decode() for n in package.namelist() if "header" in n]
    assert any("征求意见稿" in xml for xml in headers)


def test_cli_check_reports_the_misuse_and_exits_3(tmp_path: Path) -> None:
    """``docgen check`` prints the problem with its place and code, exit code 3."""
    path = tmp_path / "图表.docx"
    path.write_bytes(make_docx(p("前文") + p("{{ votes|chart('pie', width=1000) }}")))
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 3
    assert "第 2 段" in result.stdout
    assert "图表尺寸 1000 毫米不合理" in result.stdout
    assert "[bad_filter_argument]" in result.stdout

"""Workbook templates: tags in cells, row loops, formulas that follow, errors with their cell."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import Alignment, Font

from docgen import stamp
from docgen.exceptions import (
    InvalidCharacterError,
    MissingFieldError,
    SandboxError,
    TemplateError,
    TemplateSyntaxError,
)
from docgen.xlsx import WorkbookTemplate
from docgen.xlsx.package import workbook_bytes


def _book(rows: list[list[Any]], merged: tuple[str, ...] = ()) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "台账"
    for row in rows:
        ws.append(row)
    for rng in merged:
        ws.merge_cells(rng)
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws["B4"].font = Font(bold=True)
    ws["C4"].alignment = Alignment(wrap_text=True)
    return workbook_bytes(book, stamp.FIXED)


LEDGER = [
    ["{{ branch }}党费台账"],
    ["姓名", "备注", "说明", "基数", "比例", "金额"],
    ["{%tr for m in members %}"],
    ["{{ m.name }}", "{{ m.note }}", "{{ m.lines }}", "{{ m.base }}", "{{ m.rate }}", "=D4*E4"],
    ["{%tr endfor %}"],
    ["合计", None, None, None, None, "=SUM(F4:F4)"],
    ["{%tr if signed %}"],
    ["填表人：{{ clerk }}"],
    ["{%tr endif %}"],
    ['={"x"}', "末行"],
]
MEMBERS = [
    {"name": "甲", "note": None, "lines": ["一", "二"], "base": Decimal("3000.01"), "rate": 0.01},
    {"name": "乙", "note": '=HYPERLINK("x")', "lines": [], "base": 5000, "rate": 0.015},
    {"name": "丙", "note": True, "lines": "", "base": 12000, "rate": 0.02},
]


def _render(blob: bytes, context: dict[str, Any], **options: Any) -> Any:
    out = WorkbookTemplate(blob, "台账.xlsx").render(context, **options)
    return openpyxl.load_workbook(io.BytesIO(out)).active


def _context(**extra: Any) -> dict[str, Any]:
    return {"branch": "某支部", "members": MEMBERS, "signed": True, "clerk": "陈", **extra}


def test_loop_rows_values_and_formulas() -> None:
    """One row per member, markers gone; numbers stay numbers; formulas follow their rows."""
    ws = _render(_book(LEDGER), _context())
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0][0] == "某支部党费台账"
    assert [r[0] for r in rows[2:5]] == ["甲", "乙", "丙"]
    assert ws["D3"].value == Decimal("3000.01") or ws["D3"].value == pytest.approx(3000.01)
    assert isinstance(ws["D4"].value, int)
    assert [ws[f"F{n}"].value for n in (3, 4, 5)] == ["=D3*E3", "=D4*E4", "=D5*E5"]
    assert ws["A6"].value == "合计"
    assert ws["F6"].value == "=SUM(F3:F5)"
    assert ws["A7"].value == "填表人：陈"
    assert ws["B8"].value == "末行"
    # Styles of the body row reach every copy.
    assert all(ws[f"B{n}"].font.bold for n in (3, 4, 5))


def test_cells_never_say_none_and_data_is_never_a_formula() -> None:
    """None is blank, lists are lines, booleans read 是/否, “=…” data is text."""
    ws = _render(_book(LEDGER), _context())
    assert ws["B3"].value is None
    assert ws["C3"].value == "一\n二"
    assert ws["C4"].value is None
    assert ws["B5"].value == "是"
    assert ws["B4"].value == '=HYPERLINK("x")'
    assert ws["B4"].data_type == "s"


def test_if_rows_drop_and_an_empty_loop_leaves_a_blank_row() -> None:
    """A false ``{%tr if %}`` drops its rows; no members leaves one blank body row."""
    ws = _render(_book(LEDGER), _context(members=[], signed=False))
    assert ws["A3"].value is None
    assert ws["F3"].value == "=D3*E3"
    assert ws["F4"].value == "=SUM(F3:F3)"
    assert ws["B5"].value == "末行"


def test_sheet_settings_follow() -> None:
    """Frozen panes, print titles and merged cells below the loop keep their place."""
    blob = _book(LEDGER, merged=("A1:F1", "A8:F8"))
    ws = _render(blob, _context())
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape"
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:F1", "A7:F7"}


def test_merged_cells_inside_the_body_repeat() -> None:
    rows = [["表头"], ["{%tr for m in members %}"], ["{{ m.name }}"], ["{%tr endfor %}"]]
    ws = _render(_book(rows, merged=("A3:C3",)), _context())
    assert {str(r) for r in ws.merged_cells.ranges} == {"A2:C2", "A3:C3", "A4:C4"}


def test_same_input_same_bytes() -> None:
    template = WorkbookTemplate(_book(LEDGER))
    assert template.render(_context()) == template.render(_context())


def test_missing_field_names_sheet_and_cell() -> None:
    with pytest.raises(MissingFieldError) as info:
        _render(_book(LEDGER), {"branch": "某支部", "members": MEMBERS, "signed": True})
    err = info.value
    assert (err.location.sheet, err.location.cell) == ("台账", "A8")
    assert "clerk" in err.message_zh
    assert "台账.xlsx[台账]!A8" in str(err)


def test_control_characters_refused_or_stripped() -> None:
    members = [{**MEMBERS[0], "name": "甲\x07"}]
    with pytest.raises(InvalidCharacterError) as info:
        _render(_book(LEDGER), _context(members=members))
    assert info.value.location.cell == "A4"
    ws = _render(_book(LEDGER), _context(members=members), strip_invalid=True)
    assert ws["A3"].value == "甲"


def test_sandbox_holds() -> None:
    rows = [["{{ branch.__class__ }}"]]
    with pytest.raises(SandboxError):
        _render(_book(rows), _context())


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        ([["{%tr for m in members %}"], ["{{ m.name }}"]], "unclosed_row_loop"),
        ([["{%tr endfor %}"]], "unmatched_row_end"),
        ([["{%tr for a in b %}"], ["{%tr for c in d %}"], ["{%tr endfor %}"]], "nested_row_loop"),
        ([["{%tr for m in members %}", "x"], ["{%tr endfor %}"]], "row_marker_not_alone"),
        ([["=SUM({{ x }})"]], "tag_in_formula"),
        ([["{{ m.name "]], "bad_syntax"),
        ([["{%tr while x %}"]], "bad_row_marker"),
    ],
)
def test_template_problems_are_reported_with_their_cell(rows: list[list[Any]], code: str) -> None:
    template = WorkbookTemplate(_book(rows), "坏.xlsx")
    assert [p.code for p in template.errors][:1] == [code]
    assert template.errors[0].location.sheet == "台账"
    with pytest.raises(TemplateSyntaxError):
        template.render(_context())


def test_not_a_workbook() -> None:
    with pytest.raises(TemplateError, match="不是可读的 Excel 工作簿"):
        WorkbookTemplate(b"PK\x03\x04 not really", "x.xlsx")


def test_dates_get_a_chinese_date_format() -> None:
    ws = _render(_book([["{{ day }}"]]), {"day": dt.date(2026, 3, 1)})
    assert ws["A1"].value == dt.datetime(2026, 3, 1)
    assert "年" in ws["A1"].number_format


def test_web_hyperlinks_are_taken_out_unless_kept() -> None:
    """Like a .docx: a cell's web link goes (its text stays) unless keep_web_links; a link to
    a place in the workbook stays either way."""
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = "{{ site }}"
    ws["A1"].hyperlink = "https://example.org/"
    ws["A2"] = "回到目录"
    ws["A2"].hyperlink = openpyxl.worksheet.hyperlink.Hyperlink(ref="A2", location="'Sheet'!A1")
    template = WorkbookTemplate(workbook_bytes(book, stamp.FIXED), "链接.xlsx")
    for keep in (False, True):
        out = openpyxl.load_workbook(
            io.BytesIO(template.render({"site": "党建网"}, keep_web_links=keep))
        ).active
        assert out["A1"].value == "党建网"
        assert (out["A1"].hyperlink is not None) is keep
        assert out["A2"].hyperlink is not None
        assert out["A2"].hyperlink.location == "'Sheet'!A1"

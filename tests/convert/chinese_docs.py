"""Small Chinese .docx files for the conversion and font tests, built with python-docx.

The wording is written for these tests. ``house_document`` uses the four house fonts through
paragraph styles, like the shipped templates: a 方正小标宋简体 title (style Title), 黑体 first-level
headings (style named 标题 1), 楷体_GB2312 second-level headings (a house style known only by its
outline level), 仿宋_GB2312 body text with 〇, a list, a table and a 宋体 page-number footer.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

TITLE = "关于加强支部学习制度建设的实施意见"
HEADINGS = [
    (1, "一、总体目标"),
    (2, "（一）坚持每月集中学习"),
    (2, "（二）建立学习台账"),
    (1, "二、保障措施"),
    (2, "（一）明确责任分工"),
]
BODY = [
    "支部委员会于二〇二六年一月研究制定本意见，经支部党员大会讨论通过。",
    "每次集中学习前一周确定主题，学习结束后形成记录并在支部内部通报。",
    "学习台账按季度汇总，由组织委员负责核对并归档保存。",
]
LIST_ITEMS = ["按时参加集中学习", "认真撰写心得体会"]
TABLE = [["事项", "责任人", "完成时限"], ["制定学习计划", "组织委员", "2026年2月底前"]]


def _set_fonts(target: object, east_asia: str, size: float = 16, bold: bool = False) -> None:
    font = target.font  # type: ignore[attr-defined]
    font.size = Pt(size)
    font.bold = bold
    rpr = target.element.get_or_add_rPr()  # type: ignore[attr-defined]
    rfonts = rpr.get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        rfonts.set(qn(slot), east_asia)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)  # a theme reference would win over the name


def _outline(style: object, level: int) -> None:
    ppr = style.element.get_or_add_pPr()  # type: ignore[attr-defined]
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    ppr.append(element)


def house_document(path: Path, extra_body: str = "") -> Path:
    """Write the house-style sample (plus ``extra_body`` as a last body paragraph) to ``path``."""
    doc = docx.Document()
    styles = doc.styles
    _set_fonts(styles["Normal"], "仿宋_GB2312")
    _set_fonts(styles["Title"], "方正小标宋简体", 22, bold=True)
    level1 = styles.add_style("标题 1", WD_STYLE_TYPE.PARAGRAPH)
    _set_fonts(level1, "黑体")
    _outline(level1, 0)
    level2 = styles.add_style("二级标题", WD_STYLE_TYPE.PARAGRAPH)
    _set_fonts(level2, "楷体_GB2312")
    _outline(level2, 1)
    doc.add_paragraph(TITLE, style="Title")
    body = iter(BODY)
    for level, text in HEADINGS:
        doc.add_paragraph(text, style="标题 1" if level == 1 else "二级标题")
        doc.add_paragraph(next(body, "支部将根据执行情况适时修订本意见。"))
    for item in LIST_ITEMS:
        doc.add_paragraph(item, style="List Bullet")
    table = doc.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    if extra_body:
        doc.add_paragraph(extra_body)
    footer = doc.sections[0].footer.paragraphs[0]
    run = footer.add_run("— 1 —")
    _set_fonts(run, "宋体", 14)
    doc.save(str(path))
    return path


def all_texts() -> list[str]:
    """Every piece of body text ``house_document`` writes (without ``extra_body``)."""
    texts = [TITLE, *(t for _, t in HEADINGS), *BODY, *LIST_ITEMS]
    return texts + [cell for row in TABLE for cell in row]


def pages_document(path: Path, pages: int) -> Path:
    """A document of ``pages`` pages (one short paragraph each, separated by page breaks)."""
    doc = docx.Document()
    _set_fonts(doc.styles["Normal"], "仿宋_GB2312")
    for number in range(1, pages + 1):
        paragraph = doc.add_paragraph(f"第{number}页的内容。")
        if number < pages:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
    doc.save(str(path))
    return path

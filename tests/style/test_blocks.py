"""Blocks and the emitter: conditions, loops, generated ordinals, sign-off, landscape tables."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

import docgen
from docgen.style import (
    Blank,
    For,
    Heading,
    If,
    PageBreak,
    Para,
    Run,
    Salutation,
    Section,
    SignLine,
    Signoff,
    Subtitle,
    Title,
)
from docgen.style.emit import Block
from docgen.style.signoff import SignoffLines
from docgen.style.tables import Column, Table
from tests.style.specs import bare_spec


def render(blocks: Sequence[Block], context: dict[str, Any], landscape: bool = False) -> list[str]:
    """Build a template from ``blocks``, render it, and return ``style|text`` per paragraph."""
    spec = bare_spec(blocks, landscape=landscape)
    blob = docgen.Template(spec.build()).render(context, check=True)
    assert docgen.verify_package(blob) == []
    xml = zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml").decode()
    lines = []
    for para in re.findall(r"<w:p>.*?</w:p>", xml):
        style = re.search(r'w:pStyle w:val="(\w+)"', para)
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)", para))
        lines.append(f"{style.group(1) if style else ''}|{text}")
    return lines


def test_ordinals_stay_continuous_when_sections_drop() -> None:
    """A section whose condition is false takes no number; levels restart under a new parent."""
    blocks = [
        Section("甲", [Para("a")], when="show_a"),
        Section(
            "乙", [Section("{{ x }}", [Para("{{ x }}说明", number=3)], level=2, each="x in xs")]
        ),
        Section("丙", [Para("c")]),
    ]
    lines = render(blocks, {"show_a": False, "xs": ["一项", "二项"]})
    assert lines == [
        "Heading1|一、乙",
        "Heading2|（一）一项",
        "Normal|1.一项说明",
        "Heading2|（二）二项",
        "Normal|1.二项说明",
        "Heading1|二、丙",
        "Normal|c",
    ]


def test_if_else_for_and_heading() -> None:
    """If/else picks a branch; For repeats; Heading with when drops itself only."""
    blocks = [
        If("items|length > 1", [Para("{{ i }}", each="i in items", number=3)], [Para("只有一项")]),
        For("g in groups", [Heading("{{ g }}", level=2, when="g"), Para("内容")]),
    ]
    lines = render(blocks, {"items": ["x"], "groups": ["", "组"]})
    assert lines == ["Normal|只有一项", "Normal|内容", "Heading2|（一）组", "Normal|内容"]


def test_title_subtitle_salutation_runs() -> None:
    """Title is followed by a blank line; leads take the 楷体 character style."""
    blocks = [
        Title("{{ t }}"),
        Subtitle("——在大会上的讲话"),
        Salutation("同志们："),
        Para([Run("（一）要点。", lead=2), Run("正文。")]),
        Blank(),
        PageBreak(),
    ]
    lines = render(blocks, {"t": "标题"})
    assert lines[:4] == [
        "Title|标题",
        "BodyFlush|",
        "Subtitle|——在大会上的讲话",
        "Salutation|同志们：",
    ]
    assert lines[4] == "Normal|（一）要点。正文。"
    blob = bare_spec(blocks).build()
    xml = zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml").decode()
    # The lead's font comes from its character style alone (issue 9 §6).
    assert '<w:rPr><w:rStyle w:val="Lead2Char"/></w:rPr>' in xml
    assert 'w:eastAsia="楷体_GB2312"' not in xml


def test_signoff_and_sign_line() -> None:
    """Signoff writes the view's org and date lines (dropped when ``when`` fails); SignLine
    keeps its colons."""
    blocks = [Signoff("s", when="s.show"), SignLine("主持人（签字）：")]
    shown = {"s": {"show": True, "lines": SignoffLines("支部", "2026年1月1日")}}
    assert render(blocks, shown)[:3] == [
        "BodyFlush|",
        "Signoff|支部",
        "SignoffDate|2026年1月1日",
    ]
    hidden = {"s": {"show": False, "lines": SignoffLines("", "")}}
    assert render(blocks, hidden) == ["BodyFlush|", "SignLine|主持人（签字）："]


def test_table_rows_empty_text_and_landscape_section() -> None:
    """Rows repeat per item; an empty list reads 无; a landscape table gets its own section."""
    table = Table(
        [Column("序号", "{{ r.n }}", 1, centred=True), Column("问题", "{{ r.t }}", 5)],
        each="r in rows",
        landscape=True,
    )
    blocks = [Para("前"), table, Para("后")]
    lines = render(blocks, {"rows": [{"n": 1, "t": "甲"}]})
    assert "TableTextCentred|1" in lines
    assert "TableText|甲" in lines
    assert "TableTextCentred|无" not in lines
    empty = render(blocks, {"rows": []})
    assert "TableTextCentred|无" in empty
    spec = bare_spec(blocks)
    xml = zipfile.ZipFile(io.BytesIO(spec.build())).read("word/document.xml").decode()
    orients = re.findall(r"<w:pgSz [^>]*>", xml)
    assert len(orients) == 3
    assert "landscape" in orients[1]
    assert "landscape" not in orients[2]


def test_masthead_and_colophon_when_not_internal() -> None:
    """internal=False adds 版头 and 版记 from masthead/colophon data, and renders without them."""
    from docgen.style import HouseStyle

    spec = bare_spec([Title("标题")], style=HouseStyle(internal=False))
    template = docgen.Template(spec.build())
    context = {
        "masthead": {"issuer": "中共某某委员会", "number": "某党发〔2026〕3号"},
        "colophon": {"cc": "某某部", "printer": "某某办公室", "date": "2026年11月21日"},
    }
    xml = zipfile.ZipFile(io.BytesIO(template.render(context))).read("word/document.xml").decode()
    assert "中共某某委员会" in xml
    assert 'w:color w:val="FF0000"' in xml
    assert "抄送：某某部。" in xml
    assert "2026年11月21日印发" in xml
    bare = zipfile.ZipFile(io.BytesIO(template.render({}))).read("word/document.xml").decode()
    assert "印发" not in bare
    assert "FF0000" not in bare
    internal = bare_spec([Title("标题")]).build()
    assert b"masthead" not in zipfile.ZipFile(io.BytesIO(internal)).read("word/document.xml")


def _document(blocks: Sequence[Block], landscape: bool = False) -> str:
    """The built (unrendered) ``word/document.xml`` of ``blocks``."""
    spec = bare_spec(blocks, landscape=landscape)
    return zipfile.ZipFile(io.BytesIO(spec.build())).read("word/document.xml").decode()


def _paragraph_with(xml: str, text: str) -> str:
    """The paragraph of ``xml`` whose runs hold ``text``."""
    paragraphs: list[str] = re.findall(r"<w:p>.*?</w:p>", xml)
    return next(p for p in paragraphs if text in p)


def test_signoff_is_kept_together_with_the_paragraph_before() -> None:
    """Blank line and organisation keep with next, and so does the paragraph written before."""
    xml = _document([Para("最后一段。"), Signoff("s", when="s.show")])
    assert "<w:keepNext/>" in _paragraph_with(xml, "最后一段。")
    blank = re.findall(r"<w:p>.*?</w:p>", xml)
    before_lines = blank[blank.index(_paragraph_with(xml, "{{p s.lines }}")) - 1]
    assert "<w:keepNext/>" in before_lines
    # The 署名 is kept with the date, the date with nothing (no 附注 follows).
    rendered = SignoffLines("支部", "2026年1月1日").__html__()
    assert "<w:keepNext/>" in _paragraph_with(rendered, "支部<")
    assert "<w:keepNext/>" not in _paragraph_with(rendered, "2026年")
    assert "<w:keepNext/>" in _paragraph_with(
        SignoffLines("支部", "2026年1月1日").kept.__html__(), "2026年"
    )


def test_only_the_last_repetition_of_a_loop_is_kept_with_the_signoff() -> None:
    """Keeping every repetition with the next would chain the loop together; the last one
    alone is kept (written twice under ``loop.last``), so the sign-off never starts a page."""
    xml = _document([Para("{{ x }}", each="x in xs"), Signoff("s")])
    last, kept, other, plain = (
        xml.index("{%p if loop.last %}"),
        xml.index("<w:keepNext/></w:pPr><w:r>"),
        xml.index("{%p else %}"),
        xml.rindex("{{ x }}"),
    )
    assert last < kept < other < plain
    assert "<w:keepNext/>" not in _paragraph_with(xml[other:], "{{ x }}")


def test_sign_line_keeps_the_paragraph_before() -> None:
    """The signature line takes the conditional paragraph above it along."""
    xml = _document([Para("附件：{{ a }}", when="a"), SignLine("主持人（签字）：")])
    assert "<w:keepNext/>" in _paragraph_with(xml, "附件：")


def test_signoff_is_the_same_on_a_landscape_page() -> None:
    """Placed by indents from the right margin, the sign-off needs no landscape twin."""
    assert "{{p signoff.lines }}" in _document([Signoff("signoff")], landscape=True)
    assert "{{p signoff.lines }}" in _document([Signoff("signoff")])

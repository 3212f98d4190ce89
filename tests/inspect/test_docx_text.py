"""visible_text: the printed characters of a .docx body, and only those."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.exceptions import InspectError
from docgen.inspect.docx_text import visible_text
from tests.docx_builder import make_docx, p, run, table

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _text(tmp_path: Path, body: str, **parts: str) -> str:
    path = tmp_path / "doc.docx"
    path.write_bytes(make_docx(body, **parts))
    return visible_text(path)


def test_paragraphs_and_table_cells_in_document_order(tmp_path: Path) -> None:
    """Body paragraphs, then each cell row by row; no separator is invented."""
    body = p("会议", "记录") + table(["序号", "问题"], ["1", "学习，不够"]) + p("完。")
    assert _text(tmp_path, body) == "会议记录序号问题1学习，不够完。"


def test_hidden_and_deleted_text_is_not_printed(tmp_path: Path) -> None:
    """``w:vanish`` runs and ``w:del`` are left out; ``w:vanish w:val=0`` and insertions stay."""
    hidden = run("隐藏", "<w:rPr><w:vanish/></w:rPr>")
    shown = run("显示", '<w:rPr><w:vanish w:val="0"/></w:rPr>')
    deleted = '<w:del w:id="1" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>'
    inserted = f'<w:ins w:id="2" w:author="a">{run("加上")}</w:ins>'
    assert _text(tmp_path, p(hidden, shown, deleted, inserted)) == "显示加上"


def test_computed_field_results_are_left_out_others_kept(tmp_path: Path) -> None:
    """A PAGE field's stored "7" is not what prints; a hyperlink field's words are."""

    def field(instr: str, result: str) -> str:
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"{run(result)}"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    simple = f'<w:fldSimple w:instr=" NUMPAGES ">{run("9")}</w:fldSimple>'
    body = p("第", field("PAGE", "7"), "页共", simple, "页", field('HYPERLINK "x"', "链接"))
    assert _text(tmp_path, body) == "第页共页链接"


def test_fallback_copy_is_read_once(tmp_path: Path) -> None:
    """Text in mc:AlternateContent prints once: the Choice, not the Fallback."""
    alt = (
        f'<w:r><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="wps">'
        f"<w:drawing><w:txbxContent>{p('框内')}</w:txbxContent></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><w:txbxContent>{p('框内')}</w:txbxContent></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    assert _text(tmp_path, p("前", alt, "后")) == "前框内后"


def test_footer_is_not_body_text(tmp_path: Path) -> None:
    """Headers and footers are left out (their page numbers print differently per page)."""
    assert _text(tmp_path, p("正文"), footer=p("— 1 —"), header=p("页眉")) == "正文"


def test_unreadable_docx_is_an_inspect_error(tmp_path: Path) -> None:
    """A file that is not a .docx names itself in the error."""
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InspectError) as caught:
        visible_text(bad)
    assert "bad.docx" in caught.value.message_zh

"""HTML values: editors' HTML as real Word paragraphs, runs, lists and tables, and nothing else."""

from __future__ import annotations

import base64
import io
import re
import zipfile

import docx
import pytest
from lxml import etree

import docgen
from docgen.engine.rich import Html
from docgen.engine.rich.html_writer import EMU_PER_TWIP
from tests.docx_builder import make_docx, p, with_body
from tests.engine.rich.html_corpus import CORPUS, png, visible_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
BODY = make_docx(p("{{p body|html }}"))


def render(html: object, template: bytes = BODY, **options: object) -> bytes:
    out = docgen.Template(template).render({"body": html}, check=True, **options)
    assert docgen.verify_package(out) == []
    return out


def part(blob: bytes, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return etree.fromstring(archive.read(name))


def text_of(blob: bytes) -> str:
    """Every w:t of the body in document order (paragraphs and tables alike)."""
    return "".join(t.text or "" for t in part(blob).iter(f"{{{W}}}t"))


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_text_is_complete_and_in_order(name: str) -> None:
    """Each editor's HTML renders, passes the package checks, opens in python-docx, and
    holds exactly the text a browser shows (read by a second parser), in the same order."""
    html = CORPUS[name]
    out = render(html)
    document = docx.Document(io.BytesIO(out))
    assert document.paragraphs or document.tables
    expected = squeeze(visible_text(html))
    assert expected
    assert squeeze(text_of(out)) == expected


def test_corpus_has_twenty_shapes() -> None:
    """The corpus covers at least 20 editor shapes (the issue's bar)."""
    assert len(CORPUS) >= 20


def test_formatting_becomes_run_properties() -> None:
    """Bold, italic, underline, strike, colour, background and sub/superscript are kept."""
    html = (
        '<p><b>粗</b><i>斜</i><u>线</u><s>删</s><span style="color:#c00">红</span>'
        '<span style="background-color: yellow">底</span>H<sub>2</sub>O'
        '<span style="font-weight: 700; font-family: 微软雅黑; font-size: 30px">重</span></p>'
    )
    root = part(render(html))
    runs = {"".join(r.itertext()): r for r in root.iter(f"{{{W}}}r")}
    assert runs["粗"].find("w:rPr/w:b", NS) is not None
    assert runs["斜"].find("w:rPr/w:i", NS) is not None
    assert runs["线"].find("w:rPr/w:u", NS).get(f"{{{W}}}val") == "single"
    assert runs["删"].find("w:rPr/w:strike", NS) is not None
    assert runs["红"].find("w:rPr/w:color", NS).get(f"{{{W}}}val") == "CC0000"
    assert runs["底"].find("w:rPr/w:shd", NS).get(f"{{{W}}}fill") == "FFFF00"
    assert runs["2"].find("w:rPr/w:vertAlign", NS).get(f"{{{W}}}val") == "subscript"
    heavy = runs["重"].find("w:rPr", NS)
    assert heavy.find("w:b", NS) is not None
    # The house style decides face and size, not the editor's screen font.
    assert heavy.find("w:rFonts", NS) is None
    assert heavy.find("w:sz", NS) is None


def test_google_docs_normal_weight_wrapper_is_not_bold() -> None:
    """``<b style="font-weight:normal">`` wrapping a paste makes nothing bold by itself."""
    root = part(render(CORPUS["google_docs"]))
    runs = {"".join(r.itertext()): r for r in root.iter(f"{{{W}}}r")}

    def bold(text: str) -> bool:
        b = runs[text].find("w:rPr/w:b", NS)
        return b is not None and b.get(f"{{{W}}}val") != "0"

    assert bold("要点")
    assert not bold("：按期完成。")
    assert not bold("第一条")


def test_headings_map_to_the_four_levels_from_the_highest_used() -> None:
    """The highest heading used is level 1; h5/h6 beyond the fourth stay at level 4."""
    root = part(render("<h2>甲</h2><h3>乙</h3><p>文</p><h4>丙</h4><h5>丁</h5><h6>戊</h6>"))
    styles = [
        (el.findtext(".//w:t", namespaces=NS), el.find("w:pPr/w:pStyle", NS))
        for el in root.iter(f"{{{W}}}p")
    ]
    got = {text: None if s is None else s.get(f"{{{W}}}val") for text, s in styles}
    assert got == {
        "甲": "Heading1", "乙": "Heading2", "文": None, "丙": "Heading3",
        "丁": "Heading4", "戊": "Heading4",
    }  # fmt: skip


def test_paragraph_takes_the_tag_paragraphs_properties_and_alignment() -> None:
    """An HTML <p> keeps the template paragraph's style; text-align overrides its alignment."""
    template = make_docx(p("{{p body|html }}", ppr='<w:pPr><w:pStyle w:val="BodyFlush"/></w:pPr>'))
    root = part(render('<p>左</p><p style="text-align:center">中</p>', template))
    paras = root.findall(".//w:p", NS)
    assert [x.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") for x in paras] == ["BodyFlush"] * 2
    assert paras[1].find("w:pPr/w:jc", NS).get(f"{{{W}}}val") == "center"


def test_inline_only_html_stays_in_the_tags_paragraph() -> None:
    """``{{ x|html }}`` of inline HTML adds runs to the sentence, not paragraphs."""
    template = make_docx(p("通知：{{ body|html }}。"))
    out = render("<b>紧急</b> 事项", template)
    root = part(out)
    assert len(root.findall(".//w:p", NS)) == 1
    assert text_of(out) == "通知：紧急 事项。"


def test_lists_are_real_word_numbering() -> None:
    """Each list is its own numbering definition; nesting is the level; start is kept."""
    out = render(
        '<ol start="3"><li>三<ol><li>内</li></ol></li><li>四</li></ol><ul><li>点</li></ul>'
    )
    root = part(out)
    items = {
        el.findtext(".//w:t", namespaces=NS): (
            el.find("w:pPr/w:numPr/w:ilvl", NS).get(f"{{{W}}}val"),
            el.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val"),
        )
        for el in root.iter(f"{{{W}}}p")
    }
    assert items["三"][0] == "0"
    assert items["内"][0] == "1"
    assert items["三"][1] == items["四"][1] != items["内"][1] != items["点"][1]
    numbering = part(out, "word/numbering.xml")

    def level0(num_id: str) -> tuple[str, str]:
        num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
        abstract_id = num.find("w:abstractNumId", NS).get(f"{{{W}}}val")
        lvl = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl", NS)
        return (
            lvl.find("w:numFmt", NS).get(f"{{{W}}}val"),
            lvl.find("w:start", NS).get(f"{{{W}}}val"),
        )

    assert level0(items["三"][1]) == ("decimal", "3")
    assert level0(items["点"][1]) == ("bullet", "1")
    # python-docx sees numbered paragraphs (numPr) it can read back.
    document = docx.Document(io.BytesIO(out))
    numbered = [x for x in document.paragraphs if x._p.pPr.numPr is not None]
    assert len(numbered) == 4


def test_list_numbers_continue_after_the_templates_own_lists() -> None:
    """A template with lists of its own keeps them: the HTML's ids come after."""
    blob = render("<ol><li>一</li></ol>")
    again = render("<ol><li>二</li></ol>", with_body(blob, p("{{p body|html }}")))
    ids = sorted(int(n.get(f"{{{W}}}numId")) for n in part(again, "word/numbering.xml")
                 .findall("w:num", NS))  # fmt: skip
    assert ids == [1, 2]


def test_table_spans_become_grid_span_and_vertical_merges() -> None:
    """colspan → gridSpan, rowspan → vMerge restart/continue; python-docx sees merged cells."""
    out = render(CORPUS["spans_grid"])
    document = docx.Document(io.BytesIO(out))
    (table,) = document.tables
    assert len(table.columns) == 3
    assert table.cell(0, 0)._tc is table.cell(1, 0)._tc  # 阶段 spans two rows
    assert table.cell(0, 1)._tc is table.cell(0, 2)._tc  # 时间 spans two columns
    assert table.cell(3, 0)._tc is table.cell(3, 2)._tc  # the last row spans all three
    assert table.cell(0, 0).text == "阶段"
    assert table.cell(2, 2).text == "十二月"
    header = table.rows[0]._tr.find("w:trPr/w:tblHeader", NS)
    assert header is None  # no <thead>: no repeated header row
    styles = {p.style.style_id for p in table.cell(0, 0).paragraphs}
    assert styles == {"TableHeader"}
    assert {p.style.style_id for p in table.cell(2, 0).paragraphs} == {"TableText"}


def test_thead_rows_repeat_and_shading_is_kept() -> None:
    """<thead> rows repeat on every page; a cell's background colour is its shading."""
    out = render(CORPUS["word_paste_table"].replace("<tr style", "<thead><tr style", 1)
                 .replace("</tr><tr>", "</tr></thead><tr>", 1))  # fmt: skip
    root = part(out)
    rows = root.findall(".//w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert rows[1].find("w:trPr/w:tblHeader", NS) is None
    shade = rows[1].find("w:tc/w:tcPr/w:shd", NS)
    assert shade.get(f"{{{W}}}fill") == "D9D9D9"


def test_a_table_in_a_cell_is_followed_by_a_paragraph() -> None:
    """Word refuses a cell that ends with a table: the writer closes it with a paragraph."""
    root = part(render(CORPUS["nested_table"]))
    inner = root.find(".//w:tc//w:tbl", NS)
    cell = inner.getparent()
    assert cell.tag == f"{{{W}}}tc"
    assert cell[-1].tag == f"{{{W}}}p"


def test_data_uri_picture_is_embedded_and_fitted_to_the_text_width() -> None:
    """A data-URI PNG becomes a picture; one wider than the type area is scaled to fit it."""
    data = base64.b64encode(png(40, 20)).decode()
    html = f'<p>图：<img src="data:image/png;base64,{data}" width="2000" alt="示意"></p>'
    out = render(html)
    document = docx.Document(io.BytesIO(out))
    (shape,) = document.inline_shapes
    assert shape.width == 8844 * EMU_PER_TWIP
    assert shape.height == pytest.approx(shape.width / 2, abs=1)  # aspect ratio kept
    names = zipfile.ZipFile(io.BytesIO(out)).namelist()
    assert any(n.startswith("word/media/") for n in names)


def test_broken_data_uri_is_an_error_not_a_missing_picture() -> None:
    """A picture whose data is damaged is reported, never silently left out."""
    with pytest.raises(docgen.RenderError, match="base64"):
        render('<img src="data:image/png;base64,@@@not-base64@@@">')
    with pytest.raises(docgen.RenderError, match="图片格式不受支持"):
        render('<img src="data:image/webp;base64,' + base64.b64encode(b"RIFF0000").decode() + '">')


def test_white_space_reads_as_html_does() -> None:
    """Runs of spaces collapse to one, a source line break between Chinese characters
    vanishes, &nbsp; stays, <pre> keeps its lines, and a trailing <br> adds no line."""
    out = render("<p>a   b\n c 中\n文&nbsp;&nbsp;d<br></p><pre>x\n  y</pre>")
    paras = docx.Document(io.BytesIO(out)).paragraphs
    assert paras[0].text == "a b c 中文\xa0\xa0d"
    assert paras[1].text == "x\n  y"


def test_editor_empty_lines_are_kept_but_source_white_space_makes_none() -> None:
    """``<p><br></p>`` is the writer's empty line; white space between blocks is nothing."""
    paras = docx.Document(io.BytesIO(render("<p>一</p>\n\n<p><br></p>\n<p>二</p>\n"))).paragraphs
    assert [x.text for x in paras] == ["一", "", "二"]


def test_missing_house_styles_are_copied_into_a_foreign_template() -> None:
    """A template without the house styles gets their definitions, fonts included."""
    out = render("<h1>题</h1><table><tr><th>头</th></tr><tr><td>格</td></tr></table>")
    styles = part(out, "word/styles.xml")
    ids = {s.get(f"{{{W}}}styleId") for s in styles.findall("w:style", NS)}
    assert {"Heading1", "TableHeader", "TableText", "TableGrid"} <= ids
    heading = styles.find("w:style[@w:styleId='Heading1']", NS)
    assert heading.find("w:rPr/w:rFonts", NS).get(f"{{{W}}}eastAsia") == "黑体"


def test_a_chinese_word_template_uses_its_own_heading_style() -> None:
    """Chinese Word names heading 1 ``1``: the HTML heading uses that id, copying nothing."""
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="1">'
        '<w:name w:val="heading 1"/></w:style></w:styles>'
    )
    template = _add_styles(BODY, styles)
    out = render("<h1>题</h1>", template)
    assert part(out).find(".//w:pStyle", NS).get(f"{{{W}}}val") == "1"
    ids = {s.get(f"{{{W}}}styleId") for s in part(out, "word/styles.xml").findall("w:style", NS)}
    assert ids == {"1"}


def _add_styles(blob: bytes, styles: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(buffer, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                rel = (
                    '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                )
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            if info.filename == "[Content_Types].xml":
                over = (
                    '<Override PartName="/word/styles.xml" ContentType="application/vnd.'
                    'openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                )
                data = data.replace(b"</Types>", over.encode() + b"</Types>")
            out.writestr(info, data)
        out.writestr("word/styles.xml", styles)
    return buffer.getvalue()


def test_check_knows_the_filters_and_python_values_work() -> None:
    """``docgen check`` accepts ``|html`` and ``|markdown``; ``Html(...)`` works from Python."""
    assert docgen.check_template(make_docx(p("{{p a|html }}") + p("{{p b|markdown }}"))) == []
    assert text_of(render(Html("<p>来自 Python</p>"))) == "来自 Python"
    assert text_of(render(None)) == ""
    assert str(Html("<p>纯<b>文本</b></p>")) == "纯文本"


def test_html_in_a_property_prints_its_text() -> None:
    """Where only text can stand (a document property), the HTML's text is printed."""
    blob = make_docx(p("x"), title="{{ body|html }}")
    out = docgen.Template(blob).render({"body": "<p>标题<b>甲</b></p>"}, check=True)
    assert b"<dc:title>\xe6\xa0\x87\xe9\xa2\x98\xe7\x94\xb2</dc:title>" in zipfile.ZipFile(
        io.BytesIO(out)
    ).read("docProps/core.xml")

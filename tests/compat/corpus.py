"""Build the compat corpus: .docx templates and pictures that the scripts in scripts/ use.

Everything is made here, in code, with python-docx (as a docxtpl user's templates
are made in Word): our own wording, no file copied from docxtpl. ``build(folder)``
writes ``folder/templates/*`` and returns the template paths by name.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm
from PIL import Image

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

Builder = Callable[[Path], docx.document.Document]
BUILDERS: dict[str, Builder] = {}


def template(name: str) -> Callable[[Builder], Builder]:
    """Register a template builder under ``name`` (the file is ``name_tpl.docx``)."""

    def register(fn: Builder) -> Builder:
        BUILDERS[name] = fn
        return fn

    return register


def picture(path: Path, size: tuple[int, int], color: tuple[int, int, int], dpi: int = 96) -> None:
    """A plain PNG of one colour (content differs by colour, so CRCs differ)."""
    Image.new("RGB", size, color).save(path, dpi=(dpi, dpi))


# -- templates ----------------------------------------------------------------------------


@template("subdoc_part")
def _subdoc_part(folder: Path) -> docx.document.Document:
    doc = docx.Document()
    doc.add_heading("附件：支部基本情况", level=1)
    doc.add_paragraph("支部现有党员二十三名，其中预备党员两名。")
    doc.add_paragraph("按时参加组织生活", style="List Bullet")
    doc.add_paragraph("按期交纳党费", style="List Bullet")
    doc.add_picture(str(folder / "blue.png"), width=Mm(25))
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "类别", "人数"
    table.cell(1, 0).text, table.cell(1, 1).text = "正式党员", "21"
    return doc


@template("inline_image")
def _inline_image(_: Path) -> docx.document.Document:
    doc = docx.Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "页眉徽标：{{ header_logo }}"
    section.footer.paragraphs[0].text = "页脚：{% for img in footer_imgs %}{{ img }}{% endfor %}"
    doc.add_paragraph("封面图：{{ cover }}")
    doc.add_paragraph("按高度缩放：{{ tall }}")
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "图", "说明"
    table.cell(1, 0).text = "{%tr for item in items %}"
    table.cell(2, 0).text, table.cell(2, 1).text = "{{ item.pic }}", "{{ item.desc }}"
    extra = table.add_row()
    extra.cells[0].text = "{%tr endfor %}"
    return doc


@template("replace_pic")
def _replace_pic(folder: Path) -> docx.document.Document:
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].add_run().add_picture(
        str(folder / "header_dummy.png"), height=Mm(8)
    )
    doc.add_paragraph("支部活动照片：")
    doc.add_picture(str(folder / "dummy.png"), width=Mm(40))
    doc.add_paragraph("拍摄于 {{ date }}")
    return doc


@template("comments")
def _comments(_: Path) -> docx.document.Document:
    doc = docx.Document()
    para = doc.add_paragraph()
    run = para.add_run("本段有批注：{{ topic }}")
    doc.add_comment(run, text="请核对会议主题", author="组织委员", initials="ZZ")
    doc.add_paragraph("第二段没有批注。")
    return doc


@template("doc_properties")
def _doc_properties(_: Path) -> docx.document.Document:
    doc = docx.Document()
    props = doc.core_properties
    props.title = "{{ title }}"
    props.subject = "{{ branch }}材料"
    props.author = "{{ author }}"
    props.comments = "版本 {{ version }}"
    doc.add_paragraph("正文：{{ title }}")
    return doc


@template("merge_paragraph")
def _merge_paragraph(_: Path) -> docx.document.Document:
    doc = docx.Document()
    doc.add_paragraph("会议地点在")
    doc.add_paragraph("{%- if in_school -%}")
    doc.add_paragraph("\u00a0学院会议室")
    doc.add_paragraph("{%- else -%}")
    doc.add_paragraph("\u00a0校外实践基地")
    doc.add_paragraph("{%- endif -%}")
    doc.add_paragraph("\u00a0举行。")
    para = doc.add_paragraph("会议地点在")
    for piece in ("{%- if in_school -%}", "\u00a0学院会议室", "{%- else -%}", "\u00a0校外"):
        run = para.add_run()
        run.add_break()
        run.add_text(piece)
    for piece in ("{%- endif -%}", "\u00a0举行。"):
        run = para.add_run()
        run.add_break()
        run.add_text(piece)
    return doc


@template("table_merge")
def _table_merge(_: Path) -> docx.document.Document:
    doc = docx.Document()
    table = doc.add_table(rows=4, cols=3)
    heads = ("阶段", "任务", "负责人")
    for i, text in enumerate(heads):
        table.cell(0, i).text = text
    table.cell(1, 0).text = "{%tr for stage in stages %}"
    table.cell(2, 0).text = "{% vm %}{{ stage.name }}"
    table.cell(2, 1).text = "{{ stage.task }}"
    table.cell(2, 2).text = "{{ stage.owner }}"
    table.cell(3, 0).text = "{%tr endfor %}"
    wide = doc.add_table(rows=2, cols=4)
    wide.cell(0, 0).text = "{%tc for col in cols %}"
    wide.cell(0, 1).text = "{% hm %}{{ note }}"
    wide.cell(0, 2).text = "{%tc endfor %}"
    wide.cell(0, 3).text = "尾列"
    shaded = doc.add_table(rows=1, cols=2)
    shaded.cell(0, 0).text = "{% cellbg color %}{{ label }}"
    shaded.cell(0, 1).text = "已完成"
    return doc


@template("dynamic_table")
def _dynamic_table(_: Path) -> docx.document.Document:
    doc = docx.Document()
    table = doc.add_table(rows=5, cols=4)
    table.cell(0, 0).text = "月份"
    table.cell(0, 1).text = "{% colspan columns|count %}次数"
    cells = ("", "{%tc for col in columns %}", "{{ col }}", "{%tc endfor %}")
    for i, text in enumerate(cells):
        table.cell(1, i).text = text
    table.cell(2, 0).text = "{%tr for row in rows %}"
    cells = ("{{ row.month }}", "{%tc for v in row.counts %}", "{{ v }}", "{%tc endfor %}")
    for i, text in enumerate(cells):
        table.cell(3, i).text = text
    table.cell(4, 0).text = "{%tr endfor %}"
    return doc


@template("multi_render")
def _multi_render(folder: Path) -> docx.document.Document:
    doc = docx.Document()
    doc.add_paragraph("通知：{{ title }}")
    doc.add_paragraph("{{ body }}")
    doc.add_picture(str(folder / "dummy.png"), width=Mm(20))
    return doc


@template("header_footer")
def _header_footer(_: Path) -> docx.document.Document:
    doc = docx.Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "{{ unit }}　{{ year }}年"
    section.footer.paragraphs[0].text = "第 {{ page_label }} 页　{{ secret|default('公开') }}"
    doc.add_paragraph("正文：{{ unit }}")
    return doc


# Templates that are only paragraphs of text, one string per paragraph.
PLAIN: dict[str, tuple[str, ...]] = {
    "merge_master": (
        "主文档开头：{{ title }}",
        "{{p part }}",
        "主文档结尾。",
    ),
    "richtext_paragraph": (
        "段落开始",
        "{{p rtp }}",
        "段落结束",
    ),
    "escape": (
        "富文本：{{ rich }}",
        "过滤器：{{ plain|e }}",
        "清单：{{ listing }}",
        "换行：{{ multiline }}",
        "分页：{{r page_break }}后续",
        "字面量：{_{ 不是标记 }_}",
    ),
    "escape_auto": (
        "{% for k, v in marks.items() %}{{ k }}：{{ v }}；{% endfor %}",
        "公司：{{ company }}",
        "比较：{{ compare }}",
    ),
    "custom_filters": (
        "{{ branch|with_suffix('党支部') }}",
        "合计：{{ amount|plus(0.5) }} 元",
        "{% if count is even_number %}偶数{% else %}奇数{% endif %}",
        "{{ unit_name() }}",
    ),
    "footnotes": (
        "学习内容见脚注FOOTNOTE_HERE",
        "主讲人：{{ speaker }}",
    ),
    "undefined": (
        "{% if note %}备注：{{ note }}{% endif %}无备注时此段为空",
        "主持人：{{ host or '待定' }}",
        "记录人：{{ recorder }}。",
        "{% for x in missing_list %}{{ x }}{% endfor %}循环为空",
    ),
    "cli": (
        "{{ branch }}{{ meeting }}",
        "{% for m in members %}{{ m }}、{% endfor %}",
    ),
    "nested": (
        "{%p for group in groups %}",
        "{{ group.name }}：",
        "{%p for m in group.members %}",
        "　{{ loop.index }}. {{ m.name }}（{{ m.role|default('党员') }}）",
        "{%p endfor %}",
        "{%p endfor %}",
        "{% set total = groups|length %}共 {{ total }} 个小组",
    ),
}


# Paragraph templates with a character style of their own (for python-docx runs, RichText).
STYLED = {
    "subdoc": ("Dynamic", ("组织生活会材料汇编", "{{p sd }}", "以上材料由支部委员会整理。")),
    "richtext": ("KeyPoint", ("要点：{{r rt }}", "行内：{{r inline_rt }}，结束。", "{{r short }}")),
}


def _plain(texts: tuple[str, ...], char_style: str | None = None) -> Builder:
    def build(_: Path) -> docx.document.Document:
        doc = docx.Document()
        if char_style is not None:
            doc.styles.add_style(char_style, WD_STYLE_TYPE.CHARACTER).font.bold = True
        for text in texts:
            doc.add_paragraph(text)
        return doc

    return build


for _name, _texts in PLAIN.items():
    BUILDERS[_name] = _plain(_texts)
for _name, (_style, _texts) in STYLED.items():
    BUILDERS[_name] = _plain(_texts, _style)


# -- package edits python-docx cannot make ------------------------------------------------------

_FOOTNOTES = (
    f'<w:footnotes xmlns:w="{W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> 学习篇目：{{ reading }}</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def _with_footnote(blob: bytes) -> bytes:
    """Put a real footnote (whose text holds a tag) where FOOTNOTE_HERE stands."""
    src = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                ref = '</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>'
                data = data.replace(b"FOOTNOTE_HERE", ref.encode())
            elif info.filename == "word/_rels/document.xml.rels":
                rel = f'<Relationship Id="rIdFn1" Type="{REL}/footnotes" Target="footnotes.xml"/>'
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                ct = (
                    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
                    'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                )
                data = data.replace(b"</Types>", ct.encode() + b"</Types>")
            dst.writestr(info, data)
        dst.writestr("word/footnotes.xml", _FOOTNOTES)
    return out.getvalue()


_POST = {"footnotes": _with_footnote}


def build(folder: Path) -> dict[str, Path]:
    """Write every template and picture under ``folder/templates``; paths by name."""
    tpl_dir = folder / "templates"
    tpl_dir.mkdir(parents=True, exist_ok=True)
    (folder / "output").mkdir(exist_ok=True)
    picture(tpl_dir / "dummy.png", (120, 80), (200, 200, 200))
    picture(tpl_dir / "header_dummy.png", (60, 20), (180, 180, 180))
    picture(tpl_dir / "red.png", (100, 100), (200, 30, 30))
    picture(tpl_dir / "blue.png", (160, 90), (30, 60, 200), dpi=150)
    picture(tpl_dir / "green.png", (80, 120), (30, 160, 60))
    Image.new("RGB", (90, 60), (250, 200, 0)).save(tpl_dir / "yellow.jpg", quality=90)
    (tpl_dir / "cli.json").write_text(
        json.dumps({"branch": "教工第一党支部", "meeting": "党员大会", "members": ["甲", "乙"]}),
        encoding="utf-8",
    )
    paths: dict[str, Path] = {}
    for name, fn in BUILDERS.items():
        buffer = io.BytesIO()
        fn(tpl_dir).save(buffer)
        blob = buffer.getvalue()
        if name in _POST:
            blob = _POST[name](blob)
        path = tpl_dir / f"{name}_tpl.docx"
        path.write_bytes(blob)
        paths[name] = path
    return paths


def script_names() -> list[str]:
    """The docxtpl-style scripts of the corpus, by file stem."""
    here = Path(__file__).parent / "scripts"
    return sorted(p.stem for p in here.glob("*.py") if re.fullmatch(r"[a-z_0-9]+", p.stem))

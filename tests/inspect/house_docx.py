"""Small .docx files in the GB/T 9704 house style (or deliberately off it) for inspection tests.

The XML is written here by hand so the tests do not depend on the template library: margins in
twips, a line grid of 579 twips, 3号 仿宋 body with exact 28.95 pt lines, the four heading levels,
a 2号 小标宋 title and odd/even footers holding ``— PAGE —`` in 4号 宋体.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROOT = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

# Body sentences written for these tests; repeated with a counter so pages fill up.
_SENTENCES = (
    "支部委员会按照年初计划逐月检查学习安排，把理论学习和业务工作结合起来推进。",
    "各党小组围绕教学科研中的实际困难开展讨论，形成了一批可以马上落实的改进办法。",
    "针对上次会议提出的意见，支部逐条明确了责任人和完成时限，并在月底前通报进展。",
    "党员教师主动承担青年教师的指导任务，在课堂教学和学生管理方面发挥带头作用。",
    "支部把谈心谈话作为经常性工作，做到思想有波动必谈、工作有变动必谈、遇到困难必谈。",
)


@dataclass(frozen=True)
class HouseDoc:
    """Layout knobs of one test document; the defaults follow the house style."""

    top: int = 2098
    right: int = 1474
    bottom: int = 1984
    left: int = 1587
    footer: int = 1418  # 25 mm: puts the dash line about 7 mm below the text block in LibreOffice
    body_half_points: int = 32
    line_pitch: int = 579
    page_number_indent: int = 280  # one 4号 character, in twips
    paragraphs: int = 14
    sentences_per_paragraph: int = 3
    justify: bool = True
    dash: str = "—"
    #: Character spacing in 1/20 pt: −5 sets 28 characters on the 156 mm line, as the house style.
    char_spacing: int = -5


def body_text(index: int, count: int) -> str:
    """Paragraph ``index`` of the sample text: ``count`` sentences, varied per paragraph."""
    return "".join(_SENTENCES[(index + k) % len(_SENTENCES)] for k in range(count))


def _run(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _para(style: str, text: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{_run(text)}</w:p>'


def document_body(doc: HouseDoc) -> str:
    """Title, a greeting, then sections headed at all four levels, each followed by body text."""
    heads = ("H1", "一、加强理论学习"), ("H2", "（一）坚持集体学习"), ("H3", "1.学习安排")
    parts = [_para("DocTitle", "关于教工党支部二〇二六年工作情况的报告")]
    parts.append(_para("BodyNoIndent", "学院党委："))
    for i in range(doc.paragraphs):
        if i % 5 == 0:
            parts.extend(_para(style, text) for style, text in heads)
        if i % 5 == 2:
            parts.append(_para("H4", "（1）按月开展专题研讨"))
        parts.append(_para("Body", body_text(i, doc.sentences_per_paragraph)))
    return "".join(parts)


def _rfonts(east_asia: str) -> str:
    return (
        f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{east_asia}"/>'
    )


def _pstyle(sid: str, font: str, size: int, ppr: str) -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{sid}"/>'
        f'<w:basedOn w:val="Normal"/><w:pPr>{ppr}</w:pPr>'
        f'<w:rPr>{_rfonts(font)}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>'
    )


def styles_xml(doc: HouseDoc) -> str:
    """Normal as the body (仿宋_GB2312, exact line pitch), plus title, headings and footer."""
    size = doc.body_half_points
    jc = "both" if doc.justify else "left"
    normal = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="{doc.line_pitch}" '
        f'w:lineRule="exact"/><w:jc w:val="{jc}"/></w:pPr>'
        f'<w:rPr>{_rfonts("仿宋_GB2312")}<w:spacing w:val="{doc.char_spacing}"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:style>'
    )
    indent = f'<w:ind w:firstLine="{size * 20}"/>'  # two characters: 2 × size/2 pt × 20
    styles = [
        normal,
        _pstyle("Body", "仿宋_GB2312", size, indent),
        _pstyle("BodyNoIndent", "仿宋_GB2312", size, ""),
        _pstyle("DocTitle", "方正小标宋简体", 44, '<w:jc w:val="center"/>'),
        _pstyle("H1", "黑体", size, indent),
        _pstyle("H2", "楷体_GB2312", size, indent),
        _pstyle("H3", "仿宋_GB2312", size, indent),
        _pstyle("H4", "仿宋_GB2312", size, indent),
        _pstyle(
            "FooterOdd",
            "宋体",
            28,
            f'<w:jc w:val="right"/><w:ind w:right="{doc.page_number_indent}"/>',
        ),
        _pstyle(
            "FooterEven",
            "宋体",
            28,
            f'<w:jc w:val="left"/><w:ind w:left="{doc.page_number_indent}"/>',
        ),
    ]
    return f"<w:styles {_ROOT}>{''.join(styles)}</w:styles>"


def footer_xml(style: str, dash: str = "—") -> str:
    """A footer paragraph holding ``— PAGE —`` (or another dash) through a field."""
    rpr = f'<w:rPr>{_rfonts("宋体")}<w:sz w:val="28"/></w:rPr>'
    field = (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"{_run('1', rpr)}"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
    para = f"<w:p>{ppr}{_run(dash + ' ', rpr)}{field}{_run(' ' + dash, rpr)}</w:p>"
    return f"<w:ftr {_ROOT}>{para}</w:ftr>"


def document_xml(doc: HouseDoc) -> str:
    """The main part: body and a section with A4, the margins and the line grid."""
    sect = (
        '<w:sectPr><w:footerReference w:type="default" r:id="rIdF1"/>'
        '<w:footerReference w:type="even" r:id="rIdF2"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        f'<w:pgMar w:top="{doc.top}" w:right="{doc.right}" w:bottom="{doc.bottom}" '
        f'w:left="{doc.left}" w:header="851" w:footer="{doc.footer}" w:gutter="0"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{doc.line_pitch}"/></w:sectPr>'
    )
    return f"<w:document {_ROOT}><w:body>{document_body(doc)}{sect}</w:body></w:document>"


_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def build_docx(doc: HouseDoc) -> bytes:
    """The complete package."""
    rels = (
        f'<Relationship Id="rIdS" Type="{R_NS}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rIdT" Type="{R_NS}/settings" Target="settings.xml"/>'
        f'<Relationship Id="rIdF1" Type="{R_NS}/footer" Target="footer1.xml"/>'
        f'<Relationship Id="rIdF2" Type="{R_NS}/footer" Target="footer2.xml"/>'
    )
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{_CT}.styles+xml"/>'
        f'<Override PartName="/word/settings.xml" ContentType="{_CT}.settings+xml"/>'
        f'<Override PartName="/word/footer1.xml" ContentType="{_CT}.footer+xml"/>'
        f'<Override PartName="/word/footer2.xml" ContentType="{_CT}.footer+xml"/></Types>'
    )
    parts = {
        "[Content_Types].xml": types,
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>",
        "word/_rels/document.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/relationships">{rels}</Relationships>',
        "word/document.xml": document_xml(doc),
        "word/styles.xml": styles_xml(doc),
        "word/settings.xml": f"<w:settings {_ROOT}><w:evenAndOddHeaders/></w:settings>",
        "word/footer1.xml": footer_xml("FooterOdd", doc.dash),
        "word/footer2.xml": footer_xml("FooterEven", doc.dash),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts.items():
            zf.writestr(name, xml)
    return buffer.getvalue()


#: The documents every real test shares, converted once per session in one soffice call.
DOCUMENTS: dict[str, HouseDoc] = {
    # The house style, four pages: every measurement has something to measure.
    "good": HouseDoc(),
    # 30 mm top margin and a 12 pt body: margins, size and characters per line must fail.
    "bad": HouseDoc(top=1701, body_half_points=24, char_spacing=0),
    # Hyphens instead of dashes, footer at 17.5 mm, numbers flush with the text block.
    "numbers": HouseDoc(dash="-", footer=992, page_number_indent=0),
    # One page: nothing flows on, so bottom margin, lines per page stay unmeasured.
    "short": HouseDoc(paragraphs=2),
}

_converted: dict[str, Path] = {}


def shared_pdfs(factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The PDFs of :data:`DOCUMENTS`, converted on first use and reused by every test module."""
    if not _converted:
        _converted.update(build_pdfs(DOCUMENTS, factory.mktemp("house-pdfs")))
    return dict(_converted)


def build_pdfs(docs: dict[str, HouseDoc], outdir: Path) -> dict[str, Path]:
    """Write each document as ``name.docx`` and convert them all with one direct soffice call."""
    paths = []
    for name, doc in docs.items():
        path = outdir / f"{name}.docx"
        path.write_bytes(build_docx(doc))
        paths.append(path)
    # A private profile: other LibreOffice processes on the machine must not share its lock.
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdfs = {name: outdir / f"{name}.pdf" for name in docs}
    missing = [str(p) for p in pdfs.values() if not p.exists()]
    assert not missing, f"soffice did not write {missing}"
    return pdfs

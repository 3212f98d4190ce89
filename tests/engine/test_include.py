"""Including the body of another .docx at a tag (docxtpl's ``new_subdoc``)."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import docx
import pytest

import docgen
from docgen.engine.include import Subdoc
from tests.docx_builder import R_NS, W_NS, make_docx, p, part_xml, table

_NS = {"w": W_NS, "r": R_NS}
_ROOT = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_LINK = "https://example.org/规章"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _png(w: int = 3, h: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    raw = b"".join(b"\x00" + b"\x00\x80\xff" * w for _ in range(h))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw))


def _package(body: str, styles: str, numbering: str, media: bytes | None = None) -> bytes:
    """A .docx with styles, numbering, an optional picture and an external link."""
    rels = [
        ("rId1", "styles", "styles.xml", ""),
        ("rId2", "numbering", "numbering.xml", ""),
        ("rId6", "hyperlink", _LINK, ' TargetMode="External"'),
    ]
    if media is not None:
        rels.append(("rId5", "image", "media/image1.png", ""))
    files = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_CT}document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{_CT}styles+xml"/>'
        f'<Override PartName="/word/numbering.xml" ContentType="{_CT}numbering+xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{_RT}officeDocument" '
        'Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats'
        '.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="{i}" Type="{_RT}{k}" Target="{t}"{m}/>' for i, k, t, m in rels
        )
        + "</Relationships>",
        "word/document.xml": f"<w:document {_ROOT}><w:body>{body}"
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>',
        "word/styles.xml": f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>',
        "word/numbering.xml": f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, text)
        if media is not None:
            zf.writestr("word/media/image1.png", media)
    return buffer.getvalue()


def _style(style_id: str, extra: str = "") -> str:
    name = f'<w:name w:val="{style_id}"/>'
    return f'<w:style w:type="paragraph" w:styleId="{style_id}">{name}{extra}</w:style>'


def _list(num_id: int, abstract_id: int, fmt: str) -> str:
    lvl = f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/></w:lvl>'
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:nsid w:val="1A2B3C4D"/>{lvl}'
        f'</w:abstractNum><w:num w:numId="{num_id}">'
        f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )


def _item(text: str, num_id: int) -> str:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    return p(text, ppr=ppr)


_PICTURE = (
    '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/>'
    '<wp:docPr id="1" name="图片 1"/><a:graphic><a:graphicData '
    'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
    '<pic:cNvPr id="0" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
    '<a:blip r:embed="rId5"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic>'
    "</wp:inline></w:drawing></w:r></w:p>"
)
_SUB_BODY = (
    p("子文档第一段", ppr='<w:pPr><w:pStyle w:val="DgCustom"/></w:pPr>')
    + '<w:p><w:bookmarkStart w:id="0" w:name="要点"/><w:r><w:t>第二段</w:t></w:r>'
    '<w:bookmarkEnd w:id="0"/><w:hyperlink r:id="rId6"><w:r><w:t>链接</w:t></w:r>'
    "</w:hyperlink></w:p>"
    + table(["甲", "乙"])
    + _item("子条目一", 1)
    + _item("子条目二", 1)
    + _PICTURE
)


def _subdoc() -> bytes:
    styles = (
        _style("Normal", '<w:rPr><w:sz w:val="99"/></w:rPr>')
        + _style("DgBase", "<w:rPr><w:b/></w:rPr>")
        + _style("DgCustom", '<w:basedOn w:val="DgBase"/><w:rPr><w:i/></w:rPr>')
    )
    return _package(_SUB_BODY, styles, _list(1, 0, "decimal"), _png())


def _master(middle: str) -> bytes:
    body = p("前言") + _item("主条目", 1) + middle + p("结尾")
    return _package(
        body, _style("Normal", '<w:rPr><w:sz w:val="24"/></w:rPr>'), _list(1, 0, "upperRoman")
    )


def _num_ids(blob: bytes) -> dict[str, str]:
    """numId of every numbered paragraph, by its text."""
    root = part_xml(blob)
    return {
        "".join(para.itertext()): para.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=_NS)
        for para in root.iter(f"{{{W_NS}}}p")
        if para.find("w:pPr/w:numPr", _NS) is not None
    }


def _docpr_ids(blob: bytes) -> list[str]:
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    return [el.get("id", "") for el in part_xml(blob).iter(f"{{{wp}}}docPr")]


def test_subdoc_body_styles_lists_and_picture() -> None:
    """Text lands in place; styles, list, picture and link come along; the master's win."""
    template = docgen.Template(_master(p("{{p sd }}")))
    out = template.render({"sd": Subdoc(_subdoc())})
    assert docgen.verify_package(out) == []
    document = docx.Document(io.BytesIO(out))
    texts = [para.text for para in document.paragraphs]
    assert texts == [
        "前言",
        "主条目",
        "子文档第一段",
        "第二段链接",
        "子条目一",
        "子条目二",
        "",
        "结尾",
    ]
    assert [c.text for c in document.tables[0].rows[0].cells] == ["甲", "乙"]
    assert document.paragraphs[2].style.name == "DgCustom"
    assert document.paragraphs[2].style.base_style.name == "DgBase"
    styles = part_xml(out, "word/styles.xml")
    ids = [el.get(f"{{{W_NS}}}styleId") for el in styles.iter(f"{{{W_NS}}}style")]
    assert sorted(ids) == ["DgBase", "DgCustom", "Normal"]
    assert (
        styles.xpath("string(//w:style[@w:styleId='Normal']//w:sz/@w:val)", namespaces=_NS) == "24"
    )
    nums = _num_ids(out)
    assert nums["主条目"] == "1"
    assert nums["子条目一"] == nums["子条目二"] == "2"
    numbering = part_xml(out, "word/numbering.xml")
    abstract = numbering.xpath(
        "string(//w:num[@w:numId='2']/w:abstractNumId/@w:val)", namespaces=_NS
    )
    assert abstract == "1"
    fmt = f"string(//w:abstractNum[@w:abstractNumId='{abstract}']//w:numFmt/@w:val)"
    assert numbering.xpath(fmt, namespaces=_NS) == "decimal"
    blip = part_xml(out).xpath("string(//a:blip/@r:embed)", namespaces={**_NS, "a": _A})
    assert document.part.related_parts[blip].blob == _png()
    link = part_xml(out).xpath("string(//w:hyperlink/@r:id)", namespaces=_NS)
    assert document.part.rels[link].target_ref == _LINK
    assert len(set(_docpr_ids(out))) == len(_docpr_ids(out)) == 1


def test_inserted_xml_reuses_the_roots_namespaces() -> None:
    """No element of the inclusion redeclares a prefix the document root already declares."""
    out = docgen.Template(_master(p("{{p sd }}"))).render({"sd": Subdoc(_subdoc())})
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        text = zf.read("word/document.xml").decode()
    for prefix in ("w", "r", "wp", "a", "pic"):
        assert text.count(f"xmlns:{prefix}=") == 1, prefix


def test_same_subdoc_twice_in_a_loop() -> None:
    """Each placement gets its own docPr, bookmark ids and names, and its own list."""
    body = p("{%p for x in xs %}") + p("{{p sd }}") + p("{%p endfor %}")
    template = docgen.Template(make_docx(body))
    sub = Subdoc(_subdoc())
    out = template.render({"xs": [1, 2], "sd": sub})
    assert docgen.verify_package(out) == []
    docpr = _docpr_ids(out)
    assert len(docpr) == 2
    assert len(set(docpr)) == 2
    root = part_xml(out)
    starts = root.findall(".//w:bookmarkStart", _NS)
    ends = root.findall(".//w:bookmarkEnd", _NS)
    start_ids = [el.get(f"{{{W_NS}}}id") for el in starts]
    assert len(set(start_ids)) == 2
    assert sorted(start_ids) == sorted(el.get(f"{{{W_NS}}}id") for el in ends)
    assert sorted(el.get(f"{{{W_NS}}}name") for el in starts) == ["要点", "要点_2"]
    assert not set(start_ids) & set(docpr)
    numbered = root.xpath("//w:numPr/w:numId/@w:val", namespaces=_NS)
    assert numbered == ["1", "1", "2", "2"]
    document = docx.Document(io.BytesIO(out))
    assert document.part.numbering_part is not None
    assert [para.text for para in document.paragraphs].count("子文档第一段") == 2
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        media = [n for n in zf.namelist() if n.startswith("word/media/")]
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("word/_rels/document.xml.rels").decode()
    assert len(media) == 1
    assert '"/word/numbering.xml"' in types
    assert '"/word/styles.xml"' in types
    assert len(re.findall(r'Id="(rIdDgS\d+)"', rels)) == len(
        set(re.findall(r'Id="(rIdDgS\d+)"', rels))
    )


def test_plain_subdoc_adds_no_parts() -> None:
    """A subdoc without styles, lists or pictures inserts its text and nothing else."""
    template = docgen.Template(make_docx(p("开头") + p("{{p sd }}") + p("结尾")))
    out = template.render({"sd": Subdoc(make_docx(p("只有文字") + p("两段")))})
    assert docgen.verify_package(out) == []
    assert [para.text for para in docx.Document(io.BytesIO(out)).paragraphs] == [
        "开头",
        "只有文字",
        "两段",
        "结尾",
    ]
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        names = zf.namelist()
    assert "word/styles.xml" not in names
    assert "word/numbering.xml" not in names


def test_inline_tag_splits_the_paragraph() -> None:
    """An inline tag closes its paragraph before the subdoc and reopens it after."""
    template = docgen.Template(make_docx(p("前{{ sd }}后")))
    out = template.render({"sd": Subdoc(make_docx(p("中间")))})
    assert docgen.verify_package(out) == []
    assert [para.text for para in docx.Document(io.BytesIO(out)).paragraphs] == ["前", "中间", "后"]


def test_renders_are_deterministic(tmp_path: Path) -> None:
    """Two renders, and a subdoc read from a path or a file, give identical bytes."""
    path = tmp_path / "sub.docx"
    path.write_bytes(_subdoc())
    template = docgen.Template(_master(p("{{p sd }}")))
    first = template.render({"sd": template.new_subdoc(path)})
    with path.open("rb") as handle:
        second = template.render({"sd": Subdoc(handle)})
    assert first == second
    assert first == template.render({"sd": Subdoc(path)})


def test_footnotes_are_refused() -> None:
    """A subdoc citing footnotes fails loudly instead of leaving dangling references."""
    body = '<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    with pytest.raises(docgen.RenderError) as caught:
        Subdoc(make_docx(body))
    assert "foot/endnotes" in caught.value.message_en


def test_subdoc_counter_is_shared_per_part() -> None:
    """Relationship ids of several includes and images never collide within a part."""
    template = docgen.Template(_master(p("{{p a }}") + p("{{p b }}") + p("{{p img }}")))
    image = docgen.InlineImage(_png(5, 5))
    out = template.render({"a": Subdoc(_subdoc()), "b": Subdoc(_subdoc()), "img": image})
    assert docgen.verify_package(out) == []
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        rels = zf.read("word/_rels/document.xml.rels").decode()
    ids = re.findall(r'Id="([^"]+)"', rels)
    assert len(ids) == len(set(ids))
    numbered = part_xml(out).xpath("//w:numPr/w:numId/@w:val", namespaces=_NS)
    assert Counter(numbered) == {"1": 1, "2": 2, "3": 2}

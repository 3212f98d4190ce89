"""Build the split-tag corpus: small .docx templates whose tags are split the way Word splits them.

Run from the repository root (the output is byte-for-byte deterministic, so re-running it on an
unchanged script leaves ``git status`` clean)::

    .venv/bin/python tests/engine/corpus/build_corpus.py

Every template is written as raw WordprocessingML with :mod:`zipfile` (no python-docx, so the XML
is exactly what is typed here and does not drift with library versions). Each ``case_*`` function
below documents which split it reproduces and how Word produces it. The expected output of every
case lives in ``cases.yaml`` next to this script; ``tests/engine/test_split_tags.py`` reads it.

``lo_handtyped.docx`` is NOT built here: it is LibreOffice Writer's own output, converted from
``lo_handtyped.fodt`` with::

    cd tests/engine/corpus && soffice --headless --convert-to docx lo_handtyped.fodt
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_BASE = "application/vnd.openxmlformats-officedocument.wordprocessingml"

#: zip member timestamp: fixed so the build is reproducible.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)

#: Word writes this on nearly every run of CJK text.
EA_HINT = '<w:rFonts w:hint="eastAsia"/>'
BOLD = "<w:b/><w:bCs/>"
ITALIC = "<w:i/><w:iCs/>"
RED = '<w:color w:val="FF0000"/>'
HEITI = '<w:rFonts w:ascii="SimHei" w:eastAsia="黑体" w:hAnsi="SimHei"/>'
BIG = '<w:sz w:val="32"/><w:szCs w:val="32"/>'
UNDERLINE = '<w:u w:val="single"/>'


# --------------------------------------------------------------------------- XML pieces


def t(text: str, tag: str = "w:t") -> str:
    """A ``w:t`` (or ``w:delText``), with ``xml:space="preserve"`` as Word writes it."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<{tag}{space}>{escape(text)}</{tag}>"


def run(text: str, *, rsid: str | None = None, rpr: str = EA_HINT, pre: str = "") -> str:
    """One ``w:r``; ``rsid`` becomes ``w:rsidR``/``w:rsidRPr`` (the revision-save id of the run).

    ``pre`` is raw XML put inside the run before the text (e.g. ``w:lastRenderedPageBreak``).
    """
    attrs = f' w:rsidR="{rsid}" w:rsidRPr="{rsid}"' if rsid else ""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f"<w:r{attrs}>{props}{pre}{t(text)}</w:r>"


def del_run(text: str, *, rpr: str = EA_HINT) -> str:
    """A deleted run (its text is ``w:delText``), as inside a tracked ``w:del``."""
    return f"<w:r><w:rPr>{rpr}</w:rPr>{t(text, 'w:delText')}</w:r>"


def proof(kind: str) -> str:
    """``w:proofErr``: Word's spelling/grammar squiggle markers (spellStart, gramEnd, ...)."""
    return f'<w:proofErr w:type="{kind}"/>'


def bm_start(bid: int, name: str) -> str:
    """``w:bookmarkStart`` (``_GoBack`` is the hidden one Word drops at the last edit)."""
    return f'<w:bookmarkStart w:id="{bid}" w:name={quoteattr(name)}/>'


def bm_end(bid: int) -> str:
    """``w:bookmarkEnd`` matching :func:`bm_start`."""
    return f'<w:bookmarkEnd w:id="{bid}"/>'


def ins(rid: int, *runs: str) -> str:
    """A tracked insertion (track changes on while typing)."""
    return (
        f'<w:ins w:id="{rid}" w:author="王秘书" w:date="2024-03-01T09:00:00Z">'
        + "".join(runs)
        + "</w:ins>"
    )


def deleted(rid: int, *runs: str) -> str:
    """A tracked deletion."""
    return (
        f'<w:del w:id="{rid}" w:author="王秘书" w:date="2024-03-01T09:00:00Z">'
        + "".join(runs)
        + "</w:del>"
    )


def hyperlink(rid: str, *runs: str) -> str:
    """An external ``w:hyperlink`` (its target is listed in the document's relationships)."""
    return f'<w:hyperlink r:id="{rid}" w:history="1">' + "".join(runs) + "</w:hyperlink>"


def smart_tag(element: str, *runs: str) -> str:
    """A ``w:smartTag`` as older Word versions wrap recognised names, dates and places."""
    return (
        f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="{element}">'
        '<w:smartTagPr><w:attr w:name="ProductID" w:val="王五"/></w:smartTagPr>'
        + "".join(runs)
        + "</w:smartTag>"
    )


def sdt(alias: str, sdt_id: int, *runs: str) -> str:
    """An inline content control (``w:sdt``), as form-like government templates use."""
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{alias}"/>'
        f'<w:id w:val="{sdt_id}"/></w:sdtPr><w:sdtContent>'
        + "".join(runs)
        + "</w:sdtContent></w:sdt>"
    )


def comment_start(cid: int) -> str:
    """Start of the text range a reviewer's comment is anchored on."""
    return f'<w:commentRangeStart w:id="{cid}"/>'


def comment_end(cid: int) -> str:
    """End of a comment's range, followed by the run carrying the comment mark."""
    return (
        f'<w:commentRangeEnd w:id="{cid}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/>'
        f'</w:rPr><w:commentReference w:id="{cid}"/></w:r>'
    )


def para(*content: str, rsid: str = "00A10001") -> str:
    """One ``w:p`` holding the given runs and markers."""
    return f'<w:p w:rsidR="{rsid}" w:rsidRDefault="{rsid}">' + "".join(content) + "</w:p>"


def plain(text: str) -> str:
    """A paragraph of one unsplit run."""
    return para(run(text))


def cell(*paragraphs: str, width: int = 2400) -> str:
    """A ``w:tc``; a cell with no paragraph gets an empty one (Word requires one)."""
    body = "".join(paragraphs) or "<w:p/>"
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{body}</w:tc>'


def table(*rows: list[str]) -> str:
    """A bordered ``w:tbl``; each row is a list of :func:`cell` strings."""
    ncols = max(len(r) for r in rows)
    grid = "".join('<w:gridCol w:w="2400"/>' for _ in range(ncols))
    body = "".join(f'<w:tr w:rsidR="00A10001">{"".join(r)}</w:tr>' for r in rows)
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblLook w:val="04A0"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


# --------------------------------------------------------------------------- the package

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr>
<w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman"/>
<w:sz w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
<w:pPrDefault/></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>
<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/>
</w:rPr></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>
<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>
<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>
</w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>
<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>
</w:tblBorders></w:tblPr></w:style>
</w:styles>
"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="420"/>
<w:characterSpacingControl w:val="compressPunctuation"/></w:settings>
"""


def build_docx(
    body: str,
    *,
    header: str | None = None,
    footer: str | None = None,
    links: dict[str, str] | None = None,
    comments: dict[int, str] | None = None,
) -> bytes:
    """Zip a minimal but complete package: document, styles, settings, optional header/footer.

    ``links`` maps relationship ids to external hyperlink targets; ``comments`` maps comment ids
    to the comment text (written to ``word/comments.xml``).
    """
    rels = [
        ("rId1", f"{REL_BASE}/styles", "styles.xml", None),
        ("rId2", f"{REL_BASE}/settings", "settings.xml", None),
    ]
    overrides = [
        ("/word/document.xml", f"{CT_BASE}.document.main+xml"),
        ("/word/styles.xml", f"{CT_BASE}.styles+xml"),
        ("/word/settings.xml", f"{CT_BASE}.settings+xml"),
    ]
    parts: dict[str, str] = {}
    refs = ""
    if header is not None:
        rels.append(("rId3", f"{REL_BASE}/header", "header1.xml", None))
        overrides.append(("/word/header1.xml", f"{CT_BASE}.header+xml"))
        parts["word/header1.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:hdr xmlns:w="{W}" xmlns:r="{R}">{header}</w:hdr>\n'
        )
        refs += '<w:headerReference w:type="default" r:id="rId3"/>'
    if footer is not None:
        rels.append(("rId4", f"{REL_BASE}/footer", "footer1.xml", None))
        overrides.append(("/word/footer1.xml", f"{CT_BASE}.footer+xml"))
        parts["word/footer1.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:ftr xmlns:w="{W}" xmlns:r="{R}">{footer}</w:ftr>\n'
        )
        refs += '<w:footerReference w:type="default" r:id="rId4"/>'
    if comments:
        rels.append(("rId5", f"{REL_BASE}/comments", "comments.xml", None))
        overrides.append(("/word/comments.xml", f"{CT_BASE}.comments+xml"))
        body_xml = "".join(
            f'<w:comment w:id="{cid}" w:author="李书记" w:date="2024-03-02T10:00:00Z" '
            f'w:initials="李"><w:p><w:r><w:annotationRef/></w:r>{run(text)}</w:p></w:comment>'
            for cid, text in comments.items()
        )
        parts["word/comments.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:comments xmlns:w="{W}">{body_xml}</w:comments>\n'
        )
    for rid, target in (links or {}).items():
        rels.append((rid, f"{REL_BASE}/hyperlink", target, "External"))

    sect = (
        f'<w:sectPr w:rsidR="00A10001">{refs}<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" '
        'w:footer="992" w:gutter="0"/></w:sectPr>'
    )
    parts["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}{sect}</w:body></w:document>\n'
    )
    parts["word/styles.xml"] = STYLES
    parts["word/settings.xml"] = SETTINGS

    rel_xml = "".join(
        f'<Relationship Id="{rid}" Type="{typ}" Target={quoteattr(target)}'
        + (f' TargetMode="{mode}"' if mode else "")
        + "/>"
        for rid, typ, target, mode in rels
    )
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{PKG_REL}">{rel_xml}</Relationships>\n'
    )
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
        f'Type="{REL_BASE}/officeDocument" Target="word/document.xml"/></Relationships>\n'
    )
    ov = "".join(f'<Override PartName="{n}" ContentType="{c}"/>' for n, c in overrides)
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{ov}</Types>\n"
    )

    order = ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
    order += sorted(n for n in parts if n not in order)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, parts[name].encode("utf-8"))
    return buf.getvalue()


# --------------------------------------------------------------------------- 1. w:proofErr


def case_proof_err() -> bytes:
    """``w:proofErr`` markers inside tags.

    Word marks words the speller dislikes (``full_name`` with its underscore) with
    ``spellStart``/``spellEnd`` and a suspect phrase with ``gramStart``/``gramEnd``; each marker
    cuts the surrounding text into separate runs. Paragraph 3 has the marker between the two
    braces of ``{{`` and of ``}}``.
    """
    return build_docx(
        para(
            run("姓名：{{ "),
            proof("spellStart"),
            run("full_name"),
            proof("spellEnd"),
            run(" }}"),
        )
        + para(proof("gramStart"), run("{{ bran"), proof("gramEnd"), run("ch }}党支部"))
        + para(
            run("职务：{"),
            proof("spellStart"),
            run("{ title }"),
            proof("spellEnd"),
            run("}"),
        )
    )


# --------------------------------------------------------------------------- 2. bookmarks


def case_bookmark_inside_tag() -> bytes:
    """Bookmarks whose start and/or end fall inside a tag.

    P1: Word's hidden ``_GoBack`` bookmark (start+end) lands where the cursor was, mid-tag.
    P2: a user bookmark opened before the tag and closed inside it.
    P3: a user bookmark opened inside the tag and closed after it.
    Whatever the engine does with them, every surviving start must keep its end and ids stay
    unique.
    """
    return build_docx(
        para(run("{{ na"), bm_start(0, "_GoBack"), bm_end(0), run("me }}"))
        + para(bm_start(1, "申请人"), run("申请人：{{ appl"), bm_end(1), run("icant }}"))
        + para(run("{{ da"), bm_start(2, "落款"), run("te }}，盖章"), bm_end(2))
    )


def case_bookmark_in_loop() -> bytes:
    """A bookmark inside a split tag in the body of a ``{%p for %}`` loop.

    The loop repeats the paragraph, so a bookmark that survives is repeated too; the rendered
    ids must still be unique (and every start paired with its end).
    """
    return build_docx(
        plain("名单：")
        + para(run("{%p for m in mem"), run("bers %}", rsid="00B20002"))
        + para(run("{{ m."), bm_start(5, "成员"), bm_end(5), run("name }}"))
        + para(run("{%p endfor %}"))
    )


# --------------------------------------------------------------------------- 3. rsid runs


def case_rsid_split() -> bytes:
    """Revision-id splits: one tag over 3–5 runs with different ``w:rsidR``/``w:rsidRPr``.

    Word starts a new run whenever text is typed in a different editing session, so a tag typed
    (or fixed) over several sessions ends up as ``{`` | ``{ na`` | ``me }`` | ``}``: the braces
    themselves are split. P3 splits ``{%`` block tags the same way; P4 has a
    ``w:lastRenderedPageBreak`` (Word's record of where a page broke) at the start of a run
    inside the tag. P5 has several tags per run with the split ones between them; P6 one run
    holding two ``w:t`` elements (valid WordprocessingML that other generators write).
    """
    return build_docx(
        para(
            run("{", rsid="00C30001"),
            run("{ na", rsid="00C30002"),
            run("me }", rsid="00C30003"),
            run("}", rsid="00C30004"),
        )
        + para(
            run("尊敬的{", rsid="00C30001"),
            run("{ addr", rsid="00C30002"),
            run("ess", rsid="00C30003"),
            run("ee }", rsid="00C30004"),
            run("}同志：", rsid="00C30005"),
        )
        + para(
            run("{", rsid="00C30001"),
            run("% if par", rsid="00C30002"),
            run("ty_member %}党员{% el", rsid="00C30003"),
            run("se %}群众{% end", rsid="00C30004"),
            run("if %", rsid="00C30005"),
            run("}", rsid="00C30001"),
        )
        + para(
            run("{{ pa", rsid="00C30001"),
            run("ge_note }}", rsid="00C30002", pre="<w:lastRenderedPageBreak/>"),
        )
        + para(
            run("{{ x }}{{ y", rsid="00C30001"),
            run(" }}{{ z }", rsid="00C30002"),
            run("}", rsid="00C30003"),
        )
        + para(f"<w:r><w:rPr>{EA_HINT}</w:rPr>{t('{{ na')}{t('me }}')}</w:r>")
    )


# --------------------------------------------------------------------------- 4. formatting


def case_formatting_half_tag() -> bytes:
    """Half a tag formatted differently: bold, colour, font, size, italic/underline.

    Selecting part of ``{{ name }}`` and pressing Ctrl+B (or picking a colour or font) splits it
    into runs with different ``w:rPr``. P3's italic run goes past the end of the tag into plain
    text; P4 formats the ``{%`` tags themselves.
    """
    return build_docx(
        para(run("{{ na"), run("me }}", rpr=EA_HINT + BOLD))
        + para(run("{{ "), run("org", rpr=RED), run("_name }}", rpr=HEITI + BIG))
        + para(run("会议时间：{{ da"), run("te }}（星期一）", rpr=EA_HINT + ITALIC + UNDERLINE))
        + para(
            run("{%", rpr=EA_HINT + BOLD),
            run(" if show %}显示"),
            run("{% end", rpr=EA_HINT + BOLD),
            run("if %}", rpr=RED),
        )
    )


# --------------------------------------------------------------------------- 5. quotes


def case_curly_quotes() -> bytes:
    """Word's AutoFormat-as-you-type turns ``"`` and ``'`` typed in a tag into “ ” ‘ ’.

    Autocorrect also tends to start a new run at the replaced quote, so every tag here is split.
    P3 and P4 check that ASCII quotes inside a string literal are kept as typed; P5 and P6 that
    curly quotes inside an ASCII-quoted literal are kept (they are the literal's content, not its
    delimiters): ``"“"`` is a one-character string, as is ``'“'``.
    """
    return build_docx(
        para(run("{{ items|join("), run("“、”"), run(") }}"))
        + para(run("{% if kind == "), run("‘a’ %}甲类{% else %}乙类{% endif %}"))
        + para(run("{{ “it's ” ~ na"), run("me }}"))
        + para(run("{{ '\"' ~ na"), run("me ~ '\"' }}"))
        + para(run('{{ "“" ~ na'), run('me ~ "”" }}'))
        + para(run("{{ '“' ~ na"), run("me ~ '”' }}"))
    )


def case_fullwidth() -> bytes:
    """Full-width characters typed with a Chinese IME left on.

    P1/P2: a full-width comma / ideographic space (U+3000) inside a string literal: content,
    must reach the output as typed. P3: ideographic spaces as the tag's inner padding. P4/P5:
    full-width quotes ＂ ＇ used as literal delimiters.
    """
    return build_docx(
        para(run("{{ xs|jo"), run("in(“，”) }}"))
        + para(run("{{ xs|join(“"), run("　”) }}"))
        + para(run("{{　na"), run("me　}}"))
        + para(run("{{ xs|join(＂"), run("、＂) }}"))
        + para(run("{% if kind == ＇a"), run("＇ %}是{% endif %}"))
    )


# --------------------------------------------------------------------------- 6. block tags


def case_p_for_split() -> bytes:
    """``{%p for %}``/``{%p endfor %}`` and ``{%p if %}``/``{%p endif %}`` split across runs.

    The split falls inside the ``{%`` + ``p`` marker itself (``{`` | ``%p fo`` ...), so a
    tokenizer that looks for ``{%p`` in one run would miss the paragraph-level marker.
    """
    return build_docx(
        plain("成员名单")
        + para(
            run("{", rsid="00D40001"),
            run("%p fo", rsid="00D40002"),
            run("r m in mem", rsid="00D40003"),
            run("bers %", rsid="00D40004"),
            run("}", rsid="00D40005"),
        )
        + para(run("{{ m }}"), run("同志", rsid="00D40002"))
        + para(run("{%", rsid="00D40001"), run("p endfor", rsid="00D40002"), run(" %}"))
        + para(run("{%p if"), run(" show_note %}", rsid="00D40003"))
        + plain("注：以上排名不分先后")
        + para(run("{%p end"), run("if %}", rsid="00D40004"))
        + plain("完")
    )


def case_tr_for_split() -> bytes:
    """``{%tr for %}``/``{%tr endfor %}`` table-row loops with the row tag split across runs."""
    return build_docx(
        plain("人员表")
        + table(
            [cell(plain("姓名")), cell(plain("职务"))],
            [
                cell(para(run("{%"), run("tr for r in ro", rsid="00E50001"), run("ws %}"))),
                cell(),
            ],
            [
                cell(para(run("{{ r.na"), run("me }}", rsid="00E50002"))),
                cell(para(run("{{ r.ti"), run("tle }}", rpr=EA_HINT + BOLD))),
            ],
            [cell(para(run("{%tr"), run(" endfor %}", rsid="00E50003"))), cell()],
        )
    )


def case_tc_for_split() -> bytes:
    """``{%tc for %}`` column loop (docxtpl layout: the tag cells are removed) with split tags."""
    return build_docx(
        table(
            [
                cell(plain("项目")),
                cell(para(run("{%tc for c in co"), run("ls %}", rsid="00E50004"))),
                cell(para(run("{{ c"), run(" }}", rsid="00E50005"))),
                cell(para(run("{%tc end"), run("for %}", rsid="00E50006"))),
            ],
        )
    )


# --------------------------------------------------------------------------- 7. wrappers


LINKS = {"rId10": "https://www.12371.cn/"}


def case_hyperlink_split() -> bytes:
    """A tag split across two runs inside one ``w:hyperlink`` (hyperlink style on both)."""
    link_style = '<w:rStyle w:val="Hyperlink"/>' + EA_HINT
    return build_docx(
        para(
            run("请访问"),
            hyperlink("rId10", run("{{ si", rpr=link_style), run("te_name }}", rpr=link_style)),
            run("。"),
        ),
        links=LINKS,
    )


def case_smarttag_split() -> bytes:
    """A tag split inside a ``w:smartTag`` (Word 2003–2007 wrapped recognised person names)."""
    return build_docx(para(run("联系人："), smart_tag("PersonName", run("{{ con"), run("tact }}"))))


def case_ins_del_split() -> bytes:
    """Track changes on while the tag was typed or corrected.

    P1: the variable name was typed inside an existing ``{{  }}``, so it sits in a ``w:ins``
    while the braces do not. P2: a typo was fixed: ``ti`` + deleted ``lte`` + inserted ``tle``
    reads ``{{ title }}`` (the deleted text is not part of the tag). P3: the whole tag was
    inserted and is split across two runs inside one ``w:ins``.
    """
    return build_docx(
        para(run("{{ "), ins(11, run("name")), run(" }}"))
        + para(run("{{ ti"), deleted(12, del_run("lte")), ins(13, run("tle")), run(" }}"))
        + para(run("日期："), ins(14, run("{{ da"), run("te }}", rsid="00F60001")))
    )


def case_sdt_split() -> bytes:
    """Tags split around and inside inline content controls (``w:sdt``).

    P1: only the variable name was put in a content control, the braces are outside it.
    P2: the whole tag sits in a content control, split across two runs.
    """
    return build_docx(
        para(
            run("负责人：{{ "),
            sdt("负责人", 101, run("lea"), run("der", rsid="00F60002")),
            run(" }}"),
        )
        + para(sdt("部门", 102, run("{{ dept"), run("_name }}", rpr=EA_HINT + BOLD)))
    )


def case_comment_range_split() -> bytes:
    """A reviewer's comment anchored on part of a tag (``w:commentRangeStart``/``End``).

    P1: the comment range starts inside the tag and ends after it; P2: it starts before the tag
    and ends inside it. The comment marks must stay paired with their ranges and with
    ``word/comments.xml``.
    """
    return build_docx(
        para(run("{{ na"), comment_start(0), run("me }}同志"), comment_end(0))
        + para(comment_start(1), run("职务：{{ ti"), comment_end(1), run("tle }}")),
        comments={0: "请核对姓名", 1: "职务用全称"},
    )


# --------------------------------------------------------------------------- 8. header/footer


def case_header_footer_split() -> bytes:
    """Tags split in the default header and footer parts (and one in the body)."""
    return build_docx(
        para(run("正文：{{ bo"), run("dy }}", rsid="00A70001")),
        header=para(run("{{ org"), run("_name }}", rpr=EA_HINT + BOLD)),
        footer=para(
            run("第"),
            run("{", rsid="00A70002"),
            proof("spellStart"),
            run("{ doc", rsid="00A70003"),
            run("_no }", rsid="00A70004"),
            proof("spellEnd"),
            run("}", rsid="00A70005"),
            run("号"),
        ),
    )


# --------------------------------------------------------------------------- unfixable


def case_unclosed_var_across_paragraphs() -> bytes:
    """``{{ na`` ends one paragraph and ``me }}`` starts the next: Enter was pressed mid-tag."""
    return build_docx(para(run("姓名：{{ na")) + para(run("me }}")))


def case_unclosed_block_across_paragraphs() -> bytes:
    """A ``{%p if`` tag whose ``%}`` is in the following paragraph."""
    return build_docx(
        para(run("{%p if")) + para(run("show %}")) + plain("内容") + plain("{%p endif %}")
    )


def case_unclosed_var_across_cells() -> bytes:
    """``{{ r.na`` in one table cell and ``me }}`` in the next."""
    return build_docx(
        table([cell(para(run("{{ r.na"))), cell(para(run("me }}")))]),
    )


def case_unclosed_in_header() -> bytes:
    """A header tag that lost one closing brace (``{{ org_name }``), split across runs."""
    return build_docx(
        plain("正文"),
        header=para(run("{{ org"), run("_name }", rpr=EA_HINT + BOLD)),
    )


def case_unbalanced_p_if() -> bytes:
    """A ``{%p if %}`` (split across runs) whose ``{%p endif %}`` paragraph was deleted."""
    return build_docx(para(run("{%p i"), run("f show %}")) + plain("内容") + plain("完"))


def case_unbalanced_tr_for() -> bytes:
    """A ``{%tr for %}`` row whose ``{%tr endfor %}`` row was deleted."""
    return build_docx(
        table(
            [cell(plain("姓名"))],
            [cell(para(run("{%tr for r"), run(" in rows %}")))],
            [cell(plain("{{ r.name }}"))],
        )
    )


BUILDERS: dict[str, Callable[[], bytes]] = {
    "proof_err.docx": case_proof_err,
    "bookmark_inside_tag.docx": case_bookmark_inside_tag,
    "bookmark_in_loop.docx": case_bookmark_in_loop,
    "rsid_split.docx": case_rsid_split,
    "formatting_half_tag.docx": case_formatting_half_tag,
    "curly_quotes.docx": case_curly_quotes,
    "fullwidth.docx": case_fullwidth,
    "p_for_split.docx": case_p_for_split,
    "tr_for_split.docx": case_tr_for_split,
    "tc_for_split.docx": case_tc_for_split,
    "hyperlink_split.docx": case_hyperlink_split,
    "smarttag_split.docx": case_smarttag_split,
    "ins_del_split.docx": case_ins_del_split,
    "sdt_split.docx": case_sdt_split,
    "comment_range_split.docx": case_comment_range_split,
    "header_footer_split.docx": case_header_footer_split,
    "unclosed_var_across_paragraphs.docx": case_unclosed_var_across_paragraphs,
    "unclosed_block_across_paragraphs.docx": case_unclosed_block_across_paragraphs,
    "unclosed_var_across_cells.docx": case_unclosed_var_across_cells,
    "unclosed_in_header.docx": case_unclosed_in_header,
    "unbalanced_p_if.docx": case_unbalanced_p_if,
    "unbalanced_tr_for.docx": case_unbalanced_tr_for,
}


def main() -> None:
    """Write every corpus file next to this script."""
    for name, build in BUILDERS.items():
        (HERE / name).write_bytes(build())
        print(f"wrote {name}")


if __name__ == "__main__":
    main()

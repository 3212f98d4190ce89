"""Tags that Word or LibreOffice split across runs render as if they had been typed in one go.

The corpus lives in ``tests/engine/corpus``: ``build_corpus.py`` generates the Word-style
templates, ``lo_handtyped.docx`` is LibreOffice's conversion of ``lo_handtyped.fodt`` and
``cases.yaml`` holds every case's data and expected texts.
"""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from lxml import etree

CORPUS = Path(__file__).resolve().parent / "corpus"
SPEC: dict[str, Any] = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = SPEC["cases"]
UNFIXABLE: list[dict[str, Any]] = SPEC["unfixable"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: wrappers whose text Word does not show as part of the document's current text
HIDDEN_WRAPPERS = {f"{{{W}}}del", f"{{{W}}}moveFrom"}
#: any complete tag, as Word shows it once the runs are read together
TAG_RE = re.compile(r"\{[{%].*?[}%]\}")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element."""
    return f"{{{W}}}{tag}"


def _ids(cases: list[dict[str, Any]]) -> list[Any]:
    return [pytest.param(c, id=c["name"]) for c in cases]


def _fixable_files() -> list[Any]:
    files = sorted({c["file"] for c in CASES})
    return [pytest.param(f, id=f) for f in files]


# --------------------------------------------------------------------------- reading output


def _visible_pieces(p: etree._Element) -> list[str]:
    """The visible text pieces of one paragraph, in order (one per w:t / w:tab / w:br)."""
    pieces: list[str] = []
    for el in p.iter(w("t"), w("tab"), w("br"), w("cr")):
        parent = el.getparent()
        if parent is None or parent.tag != w("r"):
            continue  # w:tab in w:tabs is a tab stop, not text
        if any(a.tag in HIDDEN_WRAPPERS for a in el.iterancestors()):
            continue
        if el.tag == w("t"):
            pieces.append(el.text or "")
        else:
            pieces.append("\t" if el.tag == w("tab") else "\n")
    return pieces


def para_text(p: etree._Element) -> str:
    """What Word shows for a paragraph: w:t text inside any wrapper (hyperlink, smartTag, ins)."""
    return "".join(_visible_pieces(p))


def _table_texts(tbl: etree._Element) -> list[list[str]]:
    return [
        ["\n".join(para_text(p) for p in tc.findall(w("p"))) for tc in tr.findall(w("tc"))]
        for tr in tbl.findall(w("tr"))
    ]


def _story_texts(story: Any) -> list[str]:
    if story.is_linked_to_previous:
        return []
    return [para_text(p._p) for p in story.paragraphs]


def texts_of(data: bytes) -> dict[str, Any]:
    """Open a .docx with python-docx and collect body, table, header and footer texts."""
    doc = Document(io.BytesIO(data))
    body = doc.element.body
    section = doc.sections[0]
    stories = [body]
    stories += [s._element for s in (section.header, section.footer) if not s.is_linked_to_previous]
    return {
        "body": [para_text(p) for p in body.findall(w("p"))],
        "tables": [_table_texts(t) for t in body.findall(w("tbl"))],
        "header": _story_texts(section.header),
        "footer": _story_texts(section.footer),
        "deleted": [el.text or "" for story in stories for el in story.iter(w("delText"))],
    }


def expected_texts(case: dict[str, Any]) -> dict[str, Any]:
    """The expectation of a case, with omitted keys as empty lists."""
    return {key: case.get(key, []) for key in ("body", "tables", "header", "footer", "deleted")}


def render(case: dict[str, Any]) -> bytes:
    """Render a corpus case with docgen."""
    import docgen

    return docgen.load(str(CORPUS / case["file"])).render(case["context"])


def check(file: str) -> list[Any]:
    """``docgen.check_template`` on a corpus file."""
    import docgen

    return list(docgen.check_template(str(CORPUS / file)))


def _split_tags(data: bytes) -> list[str]:
    """Tags (in any story of the package) whose text spans more than one w:t."""
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if not re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                continue
            root = etree.fromstring(zf.read(name), PARSER)
            for p in root.iter(w("p")):
                pieces = _visible_pieces(p)
                ends, pos = [], 0
                for piece in pieces:
                    pos += len(piece)
                    ends.append(pos)
                text = "".join(pieces)
                for m in TAG_RE.finditer(text):
                    first = next(i for i, e in enumerate(ends) if e > m.start())
                    last = next(i for i, e in enumerate(ends) if e >= m.end())
                    if first != last:
                        found.append(m.group(0))
    return found


# --------------------------------------------------------------------------- the corpus itself


def test_cases_cover_every_corpus_file() -> None:
    """Every .docx in the corpus has a case in cases.yaml, and every case's file exists."""
    on_disk = {p.name for p in CORPUS.glob("*.docx")}
    named = {c["file"] for c in CASES} | {c["file"] for c in UNFIXABLE}
    assert on_disk == named
    names = [c["name"] for c in CASES + UNFIXABLE]
    assert len(names) == len(set(names))


def test_builder_reproduces_committed_corpus() -> None:
    """build_corpus.py regenerates exactly the committed Word-style .docx files."""
    spec = importlib.util.spec_from_file_location("build_corpus", CORPUS / "build_corpus.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    differing = [
        name for name, build in module.BUILDERS.items() if build() != (CORPUS / name).read_bytes()
    ]
    assert differing == []


@pytest.mark.parametrize("file", _fixable_files())
def test_template_really_splits_a_tag(file: str) -> None:
    """The template holds at least one tag whose text is spread over several w:t runs."""
    assert _split_tags((CORPUS / file).read_bytes())


def test_lo_template_is_libreoffice_output() -> None:
    """lo_handtyped.docx was written by LibreOffice, not by the builder."""
    with zipfile.ZipFile(CORPUS / "lo_handtyped.docx") as zf:
        app = zf.read("docProps/app.xml").decode("utf-8")
    assert "LibreOffice" in app
    assert (CORPUS / "lo_handtyped.fodt").is_file()


# --------------------------------------------------------------------------- docgen


@pytest.mark.parametrize("case", _ids(CASES))
def test_render_texts(case: dict[str, Any]) -> None:
    """Rendering the split template gives exactly the expected paragraph/cell/header texts."""
    assert texts_of(render(case)) == expected_texts(case)


def _ids_of(root: etree._Element, tag: str) -> Counter[str | None]:
    return Counter(el.get(w("id")) for el in root.iter(w(tag)))


@pytest.mark.parametrize("case", _ids(CASES))
def test_rendered_package_is_sound(case: dict[str, Any]) -> None:
    """XML parts parse; bookmark ids are unique and paired; comment marks match their comments."""
    with zipfile.ZipFile(io.BytesIO(render(case))) as zf:
        names = zf.namelist()
        assert len(names) == len(set(names))
        assert zf.testzip() is None
        roots = {
            name: etree.fromstring(zf.read(name), PARSER)
            for name in names
            if name.endswith((".xml", ".rels"))
        }
    bookmarks: Counter[str | None] = Counter()
    references: Counter[str | None] = Counter()
    for name, root in roots.items():
        starts = _ids_of(root, "bookmarkStart")
        assert starts == _ids_of(root, "bookmarkEnd"), name
        bookmarks += starts
        ranges = _ids_of(root, "commentRangeStart")
        assert ranges == _ids_of(root, "commentRangeEnd"), name
        references += _ids_of(root, "commentReference")
    assert [i for i, n in bookmarks.items() if n > 1] == []
    comments = _ids_of(roots["word/comments.xml"], "comment") if references else Counter()
    assert set(references) == set(comments)
    assert [i for i, n in references.items() if n > 1] == []


@pytest.mark.parametrize("case", _ids(CASES))
def test_check_template_finds_no_error(case: dict[str, Any]) -> None:
    """check_template reports no error for a template whose splits can be repaired."""
    errors = [p for p in check(case["file"]) if p.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("case", _ids([c for c in CASES if c["docxtpl"] == "parity"]))
def test_docxtpl_parity(case: dict[str, Any]) -> None:
    """docxtpl 0.20.2 renders the same texts as docgen (and as expected) for this case."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(CORPUS / case["file"]))
    tpl.render(case["context"], autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    theirs = texts_of(buf.getvalue())
    assert theirs == expected_texts(case)
    assert texts_of(render(case)) == theirs


# --------------------------------------------------------------------------- unfixable


@pytest.mark.parametrize("case", _ids(UNFIXABLE))
def test_unfixable_split_is_reported(case: dict[str, Any]) -> None:
    """check_template reports the expected problem code, as an error, in the right part."""
    found = [(p.code, p.severity, (p.location.part or "").lstrip("/")) for p in check(case["file"])]
    assert (case["code"], "error", case["part"]) in found, found


@pytest.mark.parametrize("case", _ids(UNFIXABLE))
def test_unfixable_split_refuses_to_render(case: dict[str, Any]) -> None:
    """Loading and rendering an unfixable template raises TemplateSyntaxError with the code."""
    import docgen
    from docgen.exceptions import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError) as info:
        docgen.load(str(CORPUS / case["file"])).render({})
    assert case["code"] in {p.code for p in info.value.problems}

"""The copy LibreOffice reads keeps line-end marks in the line, for any .docx (issue 9 §1)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import docgen
from docgen.context import read_data
from docgen.convert import OfficePool
from docgen.convert import pdf as pdf_module
from docgen.convert.punctuation import for_office
from docgen.inspect.fidelity import check_text
from docgen.library import find_template

ROOT = Path(__file__).resolve().parents[2]
ON = b'<w:overflowPunct w:val="1"/>'
#: Each mark after 1-56 characters: some land just past the right edge of a justified line.
PARAS = [
    "支部" * (k // 2) + "学" * (k % 2) + mark + "其后还有一些文字用来把这一行排满为止"
    for mark in "，、。"
    for k in range(1, 57)
]


def _house_docx(path: Path, styles_edit: bytes = ON, body_edit: bytes | None = None) -> Path:
    """The narrative template with :data:`PARAS`; ``styles_edit`` replaces its overflowPunct."""
    data = path.with_suffix(".yaml")
    lines = "".join(f"      - {p}\n" for p in PARAS)
    data.write_text(
        "kind: report\nsubkind: experience_exchange\ntitle: 标点核对\nsections:\n"
        f"  - heading: 段落\n    paras:\n{lines}",
        encoding="utf-8",
    )
    blob = docgen.load(find_template("reports/jingyan-jiaoliu")).render(read_data(data).context)
    with zipfile.ZipFile(_bytes_io(blob)) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "word/styles.xml":
                part = part.replace(ON, styles_edit)
            if info.filename == "word/document.xml" and body_edit is not None:
                part = part.replace(b"<w:pPr>", b"<w:pPr>" + body_edit)
            out.writestr(info, part)
    return path


def _bytes_io(blob: bytes) -> io.BytesIO:
    return io.BytesIO(blob)


def _part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_house_style_output_is_converted_as_it_is(tmp_path: Path) -> None:
    """A document in the house style needs no copy."""
    source = _house_docx(tmp_path / "house.docx")
    assert for_office(source, tmp_path / "in") == source
    assert not (tmp_path / "in").exists()


def test_a_docx_without_the_setting_gets_a_fixed_copy(tmp_path: Path) -> None:
    """No overflowPunct, or 0 on a paragraph: the copy says 1 everywhere; the file is unchanged."""
    source = _house_docx(
        tmp_path / "word.docx", styles_edit=b"", body_edit=b'<w:overflowPunct w:val="0"/>'
    )
    before = source.read_bytes()
    copy = for_office(source, tmp_path / "in")
    assert copy == tmp_path / "in" / "word.docx"
    assert source.read_bytes() == before
    assert ON in _part(copy, "word/styles.xml")
    body = _part(copy, "word/document.xml")
    assert b'w:overflowPunct w:val="0"' not in body
    assert body.count(ON) == _part(source, "word/document.xml").count(b"w:overflowPunct")
    assert for_office(copy, tmp_path / "again") == copy  # the copy itself needs nothing more


def test_not_a_docx_is_left_to_libreoffice(tmp_path: Path) -> None:
    """Other formats and broken files are handed over unchanged."""
    odt = tmp_path / "a.odt"
    odt.write_bytes(b"PK")
    broken = tmp_path / "b.docx"
    broken.write_bytes(b"not a zip")
    assert for_office(odt, tmp_path / "in") == odt
    assert for_office(broken, tmp_path / "in") == broken


@pytest.mark.real
def test_a_docx_from_elsewhere_prints_every_mark(
    office_pool: OfficePool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the setting LibreOffice 7.4 loses marks; through docgen's conversion it loses none.

    The first half is the control: it shows the document does hit the defect (should a newer
    LibreOffice stop losing the marks, it fails and the copy can go).
    """
    source = _house_docx(tmp_path / "word.docx", styles_edit=b"")
    with monkeypatch.context() as patched:
        patched.setattr(pdf_module, "for_office", lambda path, _folder: path)
        office_pool.convert([source], tmp_path / "raw").raise_for_failures()
    raw = check_text(source, tmp_path / "raw" / "word.pdf")
    assert raw.lost_chars > 0
    office_pool.convert([source], tmp_path / "fixed").raise_for_failures()
    fixed = check_text(source, tmp_path / "fixed" / "word.pdf")
    assert fixed.passed, fixed.describe()
    left = [p for office in office_pool.offices for p in (office.folder / "in").glob("*.docx")]
    assert left == []  # the copies are removed once converted

"""Loaders: positions per format, encodings, and the size bounds checked before reading."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from docgen.data import Limits, validate_files
from docgen.data.loaders import read_source
from docgen.data.loaders.text import decode_text
from docgen.exceptions import DataError, InputTooLargeError

BAD_STATUS = {
    "kind": "rectification",
    "problems": [{"title": "甲"}, {"title": "乙", "status": "进行中"}],
}


def _one(path: Path) -> str:
    problems = validate_files([path])
    assert len(problems) == 1, problems
    return problems[0].location.describe()


def test_yaml_place(tmp_path: Path) -> None:
    """YAML problems point at file:line:column of the value."""
    path = tmp_path / "a.yaml"
    path.write_text(
        "kind: rectification\nproblems:\n  - title: 甲\n  - title: 乙\n    status: 进行中\n",
        "utf-8",
    )
    assert _one(path) == f"{path}:5:13"


def test_json_place(tmp_path: Path) -> None:
    """JSON problems point at file:line:column of the value."""
    path = tmp_path / "a.json"
    path.write_text(
        '{"kind": "rectification",\n "problems": [{"title": "甲"},\n'
        '  {"title": "乙", "status": "进行中"}]}',
        "utf-8",
    )
    assert _one(path) == f"{path}:3:28"


def test_toml_place(tmp_path: Path) -> None:
    """TOML problems point at the line of the key and the column of its value."""
    path = tmp_path / "a.toml"
    path.write_text(
        'kind = "rectification"\n[[problems]]\ntitle = "甲"\n'
        '[[problems]]\ntitle = "乙"\nstatus = "进行中"\n',
        "utf-8",
    )
    assert _one(path) == f"{path}:6:10"


def test_xlsx_place(tmp_path: Path) -> None:
    """Workbook problems read file[sheet]!cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "问题清单"
    sheet.append(["存在问题", "整改措施", "整改状态"])
    sheet.append(["甲", "措施", "整改中"])
    sheet.append(["乙", "措施", "进行中"])
    path = tmp_path / "a.xlsx"
    book.save(path)
    assert _one(path) == f"{path}[问题清单]!C3"


def test_xlsx_missing_column_reported_once(tmp_path: Path) -> None:
    """A required column missing from a sheet is one problem at the header, not one per row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "问题清单"
    sheet.append(["整改措施", "备注说明"])
    for _ in range(5):
        sheet.append(["措施", "说明"])
    path = tmp_path / "a.xlsx"
    book.save(path)
    codes = [p.code for p in validate_files([path])]
    assert codes == ["missing_column", "unknown_field"]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("问题".encode("utf-8-sig"), "问题"),
        ("问题".encode(), "问题"),
        ("问题".encode("gbk"), "问题"),
        ("𠀀问题".encode("gb18030"), "𠀀问题"),
    ],
)
def test_decoding(raw: bytes, text: str) -> None:
    """UTF-8 with or without BOM, GBK and GB18030 are all read correctly."""
    assert decode_text(raw, "x.csv") == text


def test_json_must_be_utf8(tmp_path: Path) -> None:
    """JSON in GBK is refused with a clear encoding problem."""
    path = tmp_path / "a.json"
    path.write_bytes('{"kind": "讲话"}'.encode("gbk"))
    with pytest.raises(DataError) as caught:
        read_source(path)
    assert caught.value.problems[0].code == "bad_encoding"


def test_file_too_large_is_not_read(tmp_path: Path) -> None:
    """A file above the size bound raises InputTooLargeError before it is read."""
    path = tmp_path / "big.yaml"
    path.write_text("kind: speech\ntitle: " + "长" * 400 + "\n", "utf-8")
    with pytest.raises(InputTooLargeError) as caught:
        read_source(path, limits=Limits(max_file_bytes=1000))
    assert "MB" in caught.value.problems[0].message
    assert caught.value.exit_code == 4


def test_zip_bomb_refused_from_directory(tmp_path: Path) -> None:
    """An archive whose directory promises a huge expansion is refused without expanding it."""
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 2_000_000)
    with pytest.raises(InputTooLargeError) as caught:
        read_source(path, limits=Limits(ratio_floor_bytes=100_000, max_ratio=50))
    assert caught.value.problems[0].code == "input_too_large"
    with pytest.raises(InputTooLargeError):
        read_source(path, limits=Limits(max_unzipped_bytes=1_000_000))


def test_yaml_alias_expansion_bounded(tmp_path: Path) -> None:
    """A billion-laughs YAML is refused instead of expanding exponentially."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)
    ]
    path = tmp_path / "lol.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(InputTooLargeError):
        read_source(path, limits=Limits(max_nodes=100_000))


def test_not_a_workbook(tmp_path: Path) -> None:
    """A .xlsx that is not a zip archive is a data error, not a crash."""
    path = tmp_path / "fake.xlsx"
    path.write_text("not a workbook", "utf-8")
    assert validate_files([path])[0].code == "not_a_workbook"


def test_unknown_suffix(tmp_path: Path) -> None:
    """An unsupported suffix says which formats are supported."""
    path = tmp_path / "data.docx"
    path.write_bytes(b"x")
    problem = validate_files([path])[0]
    assert problem.code == "unknown_format"
    assert ".yaml" in problem.message

"""Loading render contexts from YAML, JSON and TOML files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docgen import context as context_module
from docgen.context import load_context
from docgen.exceptions import DataError, InputTooLargeError

EXPECTED = {
    "branch": "教工第一党支部",
    "year": 2026,
    "items": ["一", "二"],
    "signoff": {"org": "党委"},
}


def write(tmp_path: Path, name: str, text: str, bom: bool = False) -> Path:
    """Write ``text`` (UTF-8, optionally with a BOM) to ``tmp_path/name``."""
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


GOOD = {
    "data.yaml": "branch: 教工第一党支部\nyear: 2026\nitems: [一, 二]\nsignoff:\n  org: 党委\n",
    "data.yml": "branch: 教工第一党支部\nyear: 2026\nitems:\n  - 一\n  - 二\n"
    "signoff: {org: 党委}\n",
    "data.json": '{"branch": "教工第一党支部", "year": 2026, "items": ["一", "二"],'
    ' "signoff": {"org": "党委"}}',
    "data.toml": 'branch = "教工第一党支部"\nyear = 2026\nitems = ["一", "二"]\n'
    '[signoff]\norg = "党委"\n',
    "DATA.JSON": '{"branch": "教工第一党支部", "year": 2026, "items": ["一", "二"],'
    ' "signoff": {"org": "党委"}}',
}


@pytest.mark.parametrize("name", sorted(GOOD))
@pytest.mark.parametrize("bom", [False, True])
def test_load_each_format(tmp_path: Path, name: str, bom: bool) -> None:
    """YAML, JSON and TOML files load to the same mapping, with or without a UTF-8 BOM."""
    assert load_context(write(tmp_path, name, GOOD[name], bom=bom)) == EXPECTED


@pytest.mark.parametrize(
    ("name", "text", "code", "line", "column"),
    [
        ("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n", "bad_yaml", 3, 2),
        ("bad.yaml", "a: 1\n  b: 2\n", "bad_yaml", 2, 4),
        ("bad.json", '{\n  "a": 1,\n  "b": \n}', "bad_json", 4, 1),
        ("bad.json", '{"a": 1,}', "bad_json", 1, 9),
    ],
)
def test_syntax_errors_name_line_and_column(
    tmp_path: Path, name: str, text: str, code: str, line: int, column: int
) -> None:
    """YAML and JSON syntax errors carry file, line and column, shown as file:line:col."""
    path = write(tmp_path, name, text)
    with pytest.raises(DataError) as info:
        load_context(path)
    (problem,) = info.value.problems
    assert problem.code == code
    assert (problem.location.file, problem.location.line, problem.location.column) == (
        str(path),
        line,
        column,
    )
    assert f"{path}:{line}:{column}" in str(info.value)
    assert info.value.exit_code == 4


def test_toml_syntax_error_mentions_line_and_column(tmp_path: Path) -> None:
    """A TOML syntax error names the file and the line and column in its message."""
    path = write(tmp_path, "bad.toml", 'a = 1\nb = "unterminated\n')
    with pytest.raises(DataError) as info:
        load_context(path)
    (problem,) = info.value.problems
    assert problem.code == "bad_toml"
    assert problem.location.file == str(path)
    assert "line 2" in problem.message_en
    assert "column" in problem.message_en


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("list.yaml", "- a\n- b\n"),
        ("scalar.yaml", "just text\n"),
        ("empty.yaml", ""),
        ("list.json", "[1, 2]"),
        ("null.json", "null"),
    ],
)
def test_top_level_must_be_mapping(tmp_path: Path, name: str, text: str) -> None:
    """A file whose top level is not a mapping is a DataError (not_a_mapping)."""
    with pytest.raises(DataError) as info:
        load_context(write(tmp_path, name, text))
    assert [x.code for x in info.value.problems] == ["not_a_mapping"]


def test_missing_file_is_data_error(tmp_path: Path) -> None:
    """A missing data file is a DataError naming the file."""
    with pytest.raises(DataError) as info:
        load_context(tmp_path / "nope.yaml")
    assert [x.code for x in info.value.problems] == ["file_not_found"]
    assert "nope.yaml" in str(info.value)


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    """YAML tags that would build Python objects are refused, not executed."""
    path = write(tmp_path, "evil.yaml", "a: !!python/object/apply:os.system ['echo hi']\n")
    with pytest.raises(DataError):
        load_context(path)


def test_too_large_file_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A data file above the size bound raises InputTooLargeError before it is read."""
    monkeypatch.setattr(context_module, "MAX_BYTES", 10)
    with pytest.raises(InputTooLargeError):
        load_context(write(tmp_path, "big.yaml", "a: " + "x" * 100))


def test_invalid_utf8_is_data_error(tmp_path: Path) -> None:
    """A file that is not UTF-8 is a DataError, not a UnicodeDecodeError."""
    path = tmp_path / "gbk.yaml"
    path.write_bytes("branch: 支部\n".encode("gbk"))
    with pytest.raises(DataError):
        load_context(path)


def test_returns_plain_dict(tmp_path: Path) -> None:
    """The result is a dict usable as a render context."""
    data: Any = load_context(write(tmp_path, "d.yaml", "a: 1\n"))
    assert type(data) is dict

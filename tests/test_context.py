"""The one data door: paths, bytes, mappings and models read the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.context import PLAIN, read_data
from docgen.data.loaders.guard import Limits
from docgen.data.pipeline import Session
from docgen.exceptions import DataError

ROOT = Path(__file__).resolve().parents[1]
MINUTES = ROOT / "fixtures/library/reports/zhiweihui-jilu.min.yaml"

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
def test_plain_file_in_each_format(tmp_path: Path, name: str, bom: bool) -> None:
    """YAML, JSON and TOML files without a kind are plain contexts, with or without a BOM."""
    loaded = read_data(write(tmp_path, name, GOOD[name], bom=bom))
    assert loaded.context == EXPECTED
    assert loaded.model is None
    assert [w.code for w in loaded.warnings] == ["plain_data"]


@pytest.mark.parametrize("name", sorted(GOOD))
def test_bytes_with_format_equal_the_file(tmp_path: Path, name: str) -> None:
    """Bytes given with their format read exactly as the file does."""
    fmt = Path(name).suffix
    assert read_data(GOOD[name].encode("utf-8"), fmt=fmt).context == EXPECTED


def test_bytes_without_format_say_so() -> None:
    """Bytes alone cannot be read: the error asks for the format."""
    with pytest.raises(DataError) as info:
        read_data(b"a: 1\n")
    assert [p.code for p in info.value.problems] == ["unknown_format"]


@pytest.mark.parametrize("codec", ["gb18030", "utf-8-sig", "utf-16"])
def test_typed_file_in_other_encodings(tmp_path: Path, codec: str) -> None:
    """A typed YAML saved as GB18030, UTF-8 with BOM or UTF-16 gives the same model."""
    copy = tmp_path / MINUTES.name
    copy.write_bytes(MINUTES.read_text(encoding="utf-8").encode(codec))
    assert read_data(copy).model == read_data(MINUTES).model


def test_same_model_from_path_bytes_dict_and_model() -> None:
    """A path, its bytes, the mapping it holds and the model itself give one model and context."""
    import yaml

    from_path = read_data(MINUTES)
    mapping = yaml.safe_load(MINUTES.read_text(encoding="utf-8"))
    assert from_path.model is not None
    for source, fmt in (
        (MINUTES.read_bytes(), "yaml"),
        (mapping, None),
        (from_path.model, None),
    ):
        loaded = read_data(source, fmt=fmt)
        assert loaded.model == from_path.model
        assert loaded.context == from_path.context


def test_model_is_checked_by_domain_rules() -> None:
    """A model built around the rules (实到 > 应到) is refused when it comes through the door."""
    model = read_data(MINUTES).model
    assert model is not None
    attendance = model.attendance.model_copy(update={"due": 5, "present": 6})  # type: ignore[attr-defined]
    broken = model.model_copy(update={"attendance": attendance})
    with pytest.raises(DataError) as info:
        read_data(broken)
    assert "present_exceeds_due" in [p.code for p in info.value.problems]


def test_model_validate_runs_the_domain_rules() -> None:
    """``Minutes.model_validate(dict)`` is not a way around 实到 ≤ 应到 (it raises DataError)."""
    from docgen.data.models import Minutes

    data = {
        "meeting_type": "主题党日",
        "time": "2026-04-15",
        "attendance": {"due": 5, "present": 6},
    }
    with pytest.raises(DataError) as info:
        Minutes.model_validate(data)
    assert [p.code for p in info.value.problems] == ["present_exceeds_due"]
    data["attendance"] = {"due": 5, "present": 5}
    assert Minutes.model_validate(data).attendance.present == 5


def test_typed_rule_table(tmp_path: Path) -> None:
    """One rule: a kind asked for or a kind key make data typed; keys alone do not."""
    plain = write(tmp_path, "p.yaml", "title: 通知\n")
    telltale = write(tmp_path, "t.yaml", "meeting_type: 支委会\n")
    session = Session()
    assert session.load(plain).plain == {"title": "通知"}
    assert session.load(plain, PLAIN).plain == {"title": "通知"}
    assert session.load(telltale).plain == {"meeting_type": "支委会"}
    assert "kind: minutes" in session.load(telltale).problems[0].message_zh
    assert session.load(telltale, "minutes").kind == "minutes"
    assert session.load(telltale, PLAIN).plain == {"meeting_type": "支委会"}
    assert session.load(plain, "minutes").plain is None


def test_kind_mismatch_is_one_clear_error() -> None:
    """Minutes sent to the 台账 template get the one message the issue words."""
    with pytest.raises(DataError) as info:
        read_data(MINUTES, "rectification", wanted_by="plans/zhenggai-taizhang")
    (problem,) = info.value.problems
    assert problem.code == "kind_mismatch"
    assert problem.message_zh == (
        "模板 plans/zhenggai-taizhang 需要整改（rectification）数据，这个文件是会议记录（minutes）"
    )
    assert problem.location.line == 2  # the kind: line, below the comment


def test_kind_mismatch_seen_from_telltales(tmp_path: Path) -> None:
    """Data without 文种: but with minutes' keys is recognised as minutes, not validated wrongly."""
    text = MINUTES.read_text(encoding="utf-8").replace("kind: minutes\n", "")
    path = write(tmp_path, "m.yaml", text)
    with pytest.raises(DataError) as info:
        read_data(path, "rectification", wanted_by="plans/zhenggai-taizhang")
    assert [p.code for p in info.value.problems] == ["kind_mismatch"]
    assert read_data(path, "minutes").model == read_data(MINUTES).model


@pytest.mark.parametrize(
    ("name", "text", "line", "column"),
    [
        ("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n", 2, 4),  # the line with the open bracket
        ("bad.json", '{"a": 1,}', 1, 9),
    ],
)
def test_syntax_errors_name_line_and_column(
    tmp_path: Path, name: str, text: str, line: int, column: int
) -> None:
    """Syntax errors carry file, line and column, shown as file:line:col."""
    path = write(tmp_path, name, text)
    with pytest.raises(DataError) as info:
        read_data(path)
    (problem,) = info.value.problems
    assert problem.code == "syntax_error"
    assert (problem.location.line, problem.location.column) == (line, column)
    assert f"{path}:{line}:{column}" in str(info.value)
    assert info.value.exit_code == 4


@pytest.mark.parametrize(
    ("name", "text"),
    [("list.yaml", "- a\n- b\n"), ("scalar.yaml", "just text\n"), ("list.json", "[1, 2]")],
)
def test_top_level_must_be_mapping(tmp_path: Path, name: str, text: str) -> None:
    """A file whose top level is not a mapping is a DataError (not_a_mapping)."""
    with pytest.raises(DataError) as info:
        read_data(write(tmp_path, name, text))
    assert [x.code for x in info.value.problems] == ["not_a_mapping"]


def test_missing_file_is_data_error(tmp_path: Path) -> None:
    """A missing data file is a DataError naming the file."""
    with pytest.raises(DataError) as info:
        read_data(tmp_path / "nope.yaml")
    assert "nope.yaml" in str(info.value)


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    """YAML tags that would build Python objects are not executed: only plain values come out."""
    path = write(tmp_path, "evil.yaml", "a: !!python/object/apply:os.system ['echo hi']\n")
    assert read_data(path).context == {"a": ["echo hi"]}


def test_too_large_bytes_refused() -> None:
    """Bytes above the size bound raise InputTooLargeError, like a file."""
    session = Session(limits=Limits(max_file_bytes=10))
    result = session.load_source(b"a: " + b"x" * 100, fmt="yaml")
    assert [p.code for p in result.problems] == ["input_too_large"]


def test_returns_plain_dict(tmp_path: Path) -> None:
    """The context of plain data is a dict usable as a render context."""
    assert type(read_data(write(tmp_path, "d.yaml", "a: 1\n")).context) is dict


def test_workbook_bytes_equal_the_file() -> None:
    """An Excel workbook given as bytes (an upload) gives the model its file gives."""
    book = ROOT / "fixtures/school/rectification.xlsx"
    from_bytes = read_data(book.read_bytes(), fmt="xlsx", name="上传.xlsx")
    assert from_bytes.kind == "rectification"
    assert from_bytes.model == read_data(book).model

"""A bundle in memory: inputs as mappings, models or DataBytes; outputs as bytes, no folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docgen.bundle import Bundle
from docgen.context import DataBytes, read_data
from docgen.exceptions import BundleError, ExitCode
from tests.bundle.conftest import RecipeWriter
from tests.docx_builder import paragraph_texts

ROOT = Path(__file__).resolve().parents[2]

RECIPE = """\
name: r
inputs: {d: {path: nope.yaml, kind: plain}}
steps:
  - id: a
    template: tiny.docx
    data: d
    output: "{{ d.name }}"
"""


@pytest.fixture
def bundle(write_recipe: RecipeWriter) -> Bundle:
    return Bundle.load(write_recipe(RECIPE))


@pytest.mark.parametrize(
    "given",
    [
        {"name": "甲", "code": 7},
        DataBytes("name: 甲\ncode: 7\n".encode(), "yaml"),
        DataBytes(b'{"name": "\\u7532", "code": 7}', "json", name="upload.json"),
    ],
    ids=["mapping", "yaml-bytes", "json-bytes"],
)
def test_in_memory_input_and_output(
    bundle: Bundle, given: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Data handed over in memory replaces the recipe's file; nothing is written anywhere."""
    monkeypatch.chdir(tmp_path)
    before = sorted(os.listdir(tmp_path))
    result = bundle.build(None, inputs={"d": given})  # type: ignore[dict-item]
    assert result.ok, [f.describe() for f in result.failures]
    assert result.exit_code == ExitCode.OK
    assert result.out_dir is None
    assert list(result.contents) == ["甲.docx"]
    assert paragraph_texts(result.contents["甲.docx"]) == ["甲", "编号 7"]
    (output,) = result.outputs
    assert output.path is None
    assert output.size == len(result.contents["甲.docx"])
    assert sorted(os.listdir(tmp_path)) == before


def test_a_model_is_checked_again(write_recipe: RecipeWriter) -> None:
    """A model given as an input passes the domain rules again (it may have been changed)."""
    recipe = write_recipe(
        "name: r\ninputs: {m: {path: nope.yaml, kind: minutes}}\n"
        "steps: [{id: a, template: reports/zhiweihui-jilu, data: m}]\n"
    )
    minutes = {"kind": "minutes", "meeting_type": "支委会", "time": "2026-03-12 14:30",
               "attendance": {"due": 5, "present": 5}}  # fmt: skip
    model = read_data(minutes).model
    assert model is not None
    good = Bundle.load(recipe).build(None, inputs={"m": model})
    assert good.ok, [f.describe() for f in good.failures]
    assert len(good.contents) == 1
    model.attendance.present = 6  # type: ignore[attr-defined]
    bad = Bundle.load(recipe).build(None, inputs={"m": model})
    assert bad.contents == {}
    assert [f.code for f in bad.failures] == ["data_error"]
    assert bad.exit_code == ExitCode.DATA
    assert "实到人数 6 多于应到人数 5" in bad.failures[0].message_zh


def test_bad_bytes_name_themselves(bundle: Bundle) -> None:
    """Broken data in memory fails the build, named as given."""
    result = bundle.build(None, inputs={"d": DataBytes(b"name: [", "yaml", name="上传.yaml")})
    assert result.exit_code == ExitCode.DATA
    assert "上传.yaml" in result.failures[0].message_zh


def test_pdf_needs_a_folder(bundle: Bundle) -> None:
    with pytest.raises(BundleError, match="PDF"):
        bundle.build(None, inputs={"d": {"name": "甲"}}, pdf=True)


def test_bytes_without_format_are_refused(bundle: Bundle) -> None:
    with pytest.raises(TypeError, match="DataBytes"):
        bundle.build(None, inputs={"d": b"name: x"})  # type: ignore[dict-item]


MINUTES = ROOT / "fixtures/school/xxgc-jg1/2026/minutes/2026-03-zhiweihui.yaml"
RECT = ROOT / "fixtures/school/xxgc-jg1/2026/rectification.yaml"


@pytest.mark.parametrize("given", ["path", "mapping"])
def test_data_of_another_kind_gets_the_kind_message(given: str) -> None:
    """zhenggai's input declares no kind: minutes given to it fail once, saying what is needed.

    Before, the minutes were read as minutes and the build failed on the merged volume's
    cover expression ('dict object' has no attribute 'signoff').
    """
    bundle = Bundle.load("zhenggai")
    data = MINUTES if given == "path" else read_data(MINUTES).model
    assert data is not None
    (failure,) = bundle.build(None, inputs={"rect": data}).failures
    assert (failure.code, failure.exit_code) == ("data_error", ExitCode.DATA)
    assert "模板 plans/zhenggai-fangan 需要整改（rectification）数据" in failure.message_zh
    assert "这个文件是会议记录（minutes）" in failure.message_zh
    assert "signoff" not in failure.message_zh
    assert bundle.build(None, inputs={"rect": RECT}).ok  # the right kind still builds

"""A batch in memory: rows as mappings, a common input as data, every document as bytes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docgen.batching import run
from docgen.exceptions import ExitCode
from tests.docx_builder import make_docx, p, paragraph_texts

RECIPE = """\
name: r
vars:
  who: {column: 姓名}
inputs:
  d:
    path: nope.yaml
    kind: plain
    set: {name: "{{ who }}"}
steps:
  - id: a
    template: tiny.docx
    data: d
    output: "{{ who }}"
"""


def test_rows_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each row's document comes back as bytes; a bad row fails alone; no folder is made."""
    (tmp_path / "tiny.docx").write_bytes(make_docx(p("{{ name }}") + p("编号 {{ code }}")))
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(RECIPE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = sorted(os.listdir(tmp_path))
    rows = [{"姓名": "甲"}, {"姓名": ""}, {"姓名": "乙"}, {"姓名": "甲"}]
    result = run(recipe, rows, None, workers=1, inputs={"d": {"name": "x", "code": 3}})
    assert sorted(os.listdir(tmp_path)) == before
    assert result.out_dir is None
    assert result.manifest is None
    assert sorted(result.contents) == ["乙.docx", "甲.docx"]
    assert paragraph_texts(result.contents["乙.docx"]) == ["乙", "编号 3"]
    assert [d.row for d in result.documents] == [1, 3]
    assert result.failed_rows == [2, 4]
    messages = {f.row: f.message_zh for f in result.failures}
    assert "花名册 第 2 行“姓名”列为空" in messages[2]
    assert "与第 1 行的输出同名" in messages[4]
    assert result.exit_code == ExitCode.ROWS_FAILED
    assert result.to_json()["out_dir"] is None


def test_common_data_in_memory_into_a_folder(tmp_path: Path) -> None:
    """A folder batch takes its common input as data too; a rerun finds every row up to date."""
    (tmp_path / "tiny.docx").write_bytes(make_docx(p("{{ name }}") + p("编号 {{ code }}")))
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(RECIPE, encoding="utf-8")
    rows = [{"姓名": "甲"}, {"姓名": "乙"}]
    common = {"d": {"name": "x", "code": 3}}
    first = run(recipe, rows, tmp_path / "out", workers=1, inputs=common)
    assert sorted(first.written) == ["乙.docx", "甲.docx"]
    assert first.documents == []  # written to the folder, not kept in memory
    assert paragraph_texts((tmp_path / "out" / "甲.docx").read_bytes()) == ["甲", "编号 3"]
    again = run(recipe, rows, tmp_path / "out", workers=1, inputs=common)
    assert again.skipped == 2
    changed = run(recipe, rows, tmp_path / "out", workers=1, inputs={"d": {"name": "x", "code": 4}})
    assert changed.skipped == 0
    assert paragraph_texts((tmp_path / "out" / "甲.docx").read_bytes()) == ["甲", "编号 4"]

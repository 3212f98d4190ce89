"""The built-in ``fazhan-dangyuan`` bundle: one candidate's file to the documents their stage
calls for (:func:`docgen.views.development_documents.documents_for`), bound with a cover and
目录; and a batch over the sample branch's roster of ten, one row per candidate."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl

import docgen
from docgen.bundle import Bundle
from docgen.bundle.bundle import BuildResult
from docgen.views.development_documents import (
    RECORD,
    at_stage,
    documents_for,
    documents_for_stage,
)
from tests.views.development_data import ROSTER, roster

_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")


def _text(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/"))
    return "".join(_TEXT.findall(xml))


def _documents(result: BuildResult) -> list[docgen.Output]:
    return [o for o in result.outputs if o.kind == "document"]


def test_stage_five_person_whole_file_gets_every_stage_in_order(tmp_path: Path) -> None:
    person = next(p for p in roster().candidates if p.stage == 5 and p.full_approved)
    result = Bundle.load("fazhan-dangyuan").build(
        tmp_path,
        {"candidate": person.name, "scope": "全程"},
        inputs={"development": str(ROSTER)},
    )
    assert not result.failures
    expected = [
        t
        for s in range(1, 6)
        for t in documents_for_stage(s)
        if t != RECORD or s == 5  # the 全程纪实表 once, in its latest state
    ]
    assert [o.template for o in _documents(result)] == expected
    assert {t for s in range(1, 6) for t in documents_for_stage(s)} == set(expected)
    # Each stage's papers are of that stage: the 积极分子 公示 of 2023, not the 转正 one.
    folder = tmp_path / f"{person.name}同志发展党员材料"
    notice = _text(folder / "2-公示.docx")
    assert "入党积极分子" in notice
    assert "正式党员" not in notice
    assert person.activist is not None
    assert str(person.activist.year) in notice
    assert "正式党员" in _text(folder / "5-公示.docx")
    (merged,) = [o for o in result.outputs if o.kind == "merged"]
    assert merged.path is not None
    volume = _text(merged.path)
    assert f"{person.name}同志发展党员材料" in volume
    assert "目" in volume
    assert "录" in volume
    for doc in [*_documents(result), merged]:
        assert doc.path is not None
        assert "None" not in _text(doc.path), doc.relpath


def test_one_person_default_scope_is_documents_for(tmp_path: Path) -> None:
    person = next(p for p in roster().candidates if p.stage == 3)
    result = Bundle.load("fazhan-dangyuan").build(
        tmp_path, {"candidate": person.name}, inputs={"development": str(ROSTER)}
    )
    assert not result.failures
    assert [o.template for o in _documents(result)] == list(documents_for(person))


def test_batch_over_the_roster_of_ten(tmp_path: Path) -> None:
    candidates = roster().candidates
    assert len(candidates) == 10
    assert {p.stage for p in candidates} == {1, 2, 3, 4, 5}
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "发展党员数据"])
    for p in candidates:
        sheet.append([p.name, str(ROSTER)])
    sheet_file = tmp_path / "花名册.xlsx"
    book.save(sheet_file)
    out = tmp_path / "out"
    result = docgen.batch("fazhan-dangyuan", sheet_file, out, workers=1)
    assert not result.failures, [f.describe() for f in result.failures]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for row, person in enumerate(candidates, start=2):
        entry = manifest["rows"][person.name]  # rows are keyed by 姓名
        assert entry["row"] == row
        assert entry["status"] == "ok"
        files = [manifest["outputs"][rel] for rel in entry["outputs"]]
        made = [f["template"] for f in files if f["kind"] == "document"]
        assert made == list(documents_for(person)), person.name
        assert [f["kind"] for f in files].count("merged") == 1
        # The candidate's folder holds exactly those files, and nobody else's.
        folder = out / f"{person.name}同志发展党员材料"
        on_disk = {p.relative_to(out).as_posix() for p in folder.iterdir()}
        assert on_disk == set(entry["outputs"])
        for rel in entry["outputs"]:
            assert "None" not in _text(out / rel), rel


def test_at_stage_is_the_file_as_it_stood() -> None:
    person = next(p for p in roster().candidates if p.stage == 5)
    for stage in range(1, 6):
        then = at_stage(person, stage)
        assert then.stage == stage
        assert then.name == person.name
        assert then.applied == person.applied
    assert at_stage(person, 2).prospect is None
    assert at_stage(person, 2).activist is not None


def _failure(tmp_path: Path, variables: dict[str, str]) -> str:
    result = Bundle.load("fazhan-dangyuan").build(
        tmp_path, variables, inputs={"development": str(ROSTER)}
    )
    assert not _documents(result)
    return " ".join(f.message_zh for f in result.failures)


def test_a_roster_needs_a_name(tmp_path: Path) -> None:
    assert re.search("应只有一名发展对象，现有 10 名.*“姓名”列", _failure(tmp_path, {}))
    assert "没有名为“无此人”的发展对象" in _failure(tmp_path, {"candidate": "无此人"})
    first = roster().candidates[0].name
    message = _failure(tmp_path, {"candidate": first, "scope": "某阶段"})
    assert "范围“某阶段”无效：请写 本阶段 或 全程" in message

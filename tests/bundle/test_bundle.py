"""Bundle.load(...).build(...): the example 整改 recipe end to end, folder, zip and merged."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest

from docgen import stamp
from docgen.bundle import BuildResult, Bundle
from tests.bundle.conftest import RecipeWriter
from tests.core_dates import clock_window, dates, title, within

EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "bundles" / "zhenggai.yaml"
BRANCH = "中共星河大学信息工程学院教工第一党支部"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The example recipe built once for this module."""
    return Bundle.load(EXAMPLE).build(tmp_path_factory.mktemp("zhenggai"))


def test_example_builds_every_output(built: BuildResult) -> None:
    """方案, 台账, six category ledgers, the merged document and the zip, all on disk."""
    assert built.ok, [f.message for f in built.failures]
    kinds = [o.kind for o in built.outputs]
    assert kinds.count("document") == 8
    assert kinds[-2:] == ["merged", "zip"]
    for output in built.outputs:
        assert output.path.parent.name == BRANCH
        assert output.path.stat().st_size == output.size
        assert zipfile.is_zipfile(output.path)
    assert built.outputs[0].path.name == f"{BRANCH}整改方案.docx"
    assert built.outputs[2].path.name == f"{BRANCH}整改台账-1-政治建设.docx"


def test_zip_holds_documents_and_merged(built: BuildResult) -> None:
    """The zip holds every document and the merged one, by their Chinese names."""
    archive = next(o for o in built.outputs if o.kind == "zip")
    with zipfile.ZipFile(archive.path) as zf:
        names = zf.namelist()
    assert len(names) == 9
    assert names[-1] == f"{BRANCH}整改材料合订本.docx"


def test_variables_choose_another_data_file(tmp_path: Path) -> None:
    """A variable can point the recipe at the same findings kept in Excel."""
    xlsx = EXAMPLE.parents[1] / "school" / "rectification.xlsx"
    result = Bundle.load(EXAMPLE).build(tmp_path, {"data": str(xlsx)})
    assert result.ok, [f.message for f in result.failures]
    assert sum(o.kind == "document" for o in result.outputs) >= 3


def test_failure_is_reported_not_raised(write_recipe: RecipeWriter, tmp_path: Path) -> None:
    """A missing input file becomes a failure of the build, with its reason."""
    path = write_recipe("name: r\ninputs: {d: nope.yaml}\nsteps: [{id: a, template: tiny.docx}]\n")
    result = Bundle.load(path).build(tmp_path / "out")
    assert not result.ok
    assert result.outputs == []
    assert result.failures[0].code == "data_error"
    assert "nope.yaml" in result.failures[0].message


@pytest.mark.real
def test_merged_converts_and_keeps_part_order(built: BuildResult, tmp_path: Path) -> None:
    """LibreOffice converts the merged .docx; the text shows cover, 方案, then 台账."""
    merged = next(o for o in built.outputs if o.kind == "merged")
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(merged.path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / merged.path.with_suffix(".pdf").name
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.replace(" ", "")
    cover = text.index("整改材料")
    plan = text.index("整改方案")
    ledger = text.index("整改台账")
    assert cover < plan < ledger
    assert "政治建设" in text


def test_a_build_stamps_every_document_and_the_volume_with_one_moment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Documents, the merged volume (titled the volume) and its zip agree on when they were
    made: the build's start; with deterministic=True the documented moment (issue 9 §6)."""
    monkeypatch.delenv(stamp.ENV, raising=False)
    with clock_window() as window:
        result = Bundle.load(EXAMPLE).build(None)
    docs = {name: blob for name, blob in result.contents.items() if name.endswith(".docx")}
    assert len(docs) == 9  # eight documents and the merged volume
    moments = {dates(blob) for blob in docs.values()}
    assert len(moments) == 1
    assert all(within(blob, window) for blob in docs.values())
    merged = next(o for o in result.outputs if o.kind == "merged")
    assert merged.data is not None
    assert title(merged.data) == "整改材料"
    packed = next(o for o in result.outputs if o.kind == "zip")
    assert packed.data is not None
    with zipfile.ZipFile(io.BytesIO(packed.data)) as archive:
        zipped = {archive.read(n) for n in archive.namelist() if n.endswith(".docx")}
    assert zipped == set(docs.values())
    fixed = Bundle.load(EXAMPLE).build(None, deterministic=True)
    assert {dates(b) for n, b in fixed.contents.items() if n.endswith(".docx")} == {
        (stamp.FIXED, stamp.FIXED)
    }

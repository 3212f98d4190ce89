"""``batch --pdf`` bookkeeping, with a stand-in converter: manifest, reruns, failures, exit code."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from docgen.batching import run
from docgen.bundle.pdf import PdfJob, PdfResult, pdf_relpath
from docgen.exceptions import ExitCode
from docgen.results import Failure, Output
from tests.batching.conftest import RosterWriter


class FakeConverter:
    """Writes a small stand-in PDF beside each document; fails the names in ``fail``."""

    def __init__(self, fail: Sequence[str] = ()) -> None:
        self.fail = set(fail)
        self.calls: list[list[str]] = []

    def __call__(self, jobs: Sequence[PdfJob], *, workers: int | None = None) -> PdfResult:
        self.calls.append([j.relpath for j in jobs])
        result = PdfResult()
        for job in jobs:
            if job.path.name in self.fail:
                result.failures.append(
                    Failure(
                        "conversion_failed", 7, "坏了", "broken", job.step, job.relpath, job.row
                    )
                )
                continue
            target = job.path.with_suffix(".pdf")
            blob = b"%PDF-1.4 " + job.path.name.encode()
            target.write_bytes(blob)
            sha = hashlib.sha256(blob).hexdigest()
            result.outputs.append(
                Output(
                    pdf_relpath(job.relpath),
                    "pdf",
                    sha,
                    len(blob),
                    path=target,
                    step=job.step,
                    row=job.row,
                    source=job.path,
                )
            )
        return result


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeConverter:
    """Replace LibreOffice in ``docgen.batching.pdfs``."""
    converter = FakeConverter()
    monkeypatch.setattr("docgen.batching.pdfs.convert_documents", converter)
    return converter


def test_pdfs_are_listed_in_the_manifest(
    recipe: Path, roster: RosterWriter, tmp_path: Path, fake: FakeConverter
) -> None:
    """Each row's PDF is an output of that row, hashed from its source document."""
    out = tmp_path / "out"
    result = run(recipe, roster(3), out, workers=1, pdf=True)
    assert result.ok
    assert result.exit_code == 0
    assert sorted(result.pdfs) == ["0000-党员0.pdf", "0001-党员1.pdf", "0002-党员2.pdf"]
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    entry = manifest["outputs"]["0001-党员1.pdf"]
    assert entry["kind"] == "pdf"
    assert entry["row"] == 3
    assert entry["data_hash"] == manifest["outputs"]["0001-党员1.docx"]["sha256"]
    assert entry["key"] == "0001"  # rows are keyed by their 编号, not their number
    assert "0001-党员1.pdf" in manifest["rows"]["0001"]["outputs"]


def test_rerun_converts_only_what_is_missing(
    recipe: Path, roster: RosterWriter, tmp_path: Path, fake: FakeConverter
) -> None:
    """Up-to-date PDFs are kept; a deleted one is made again, and only it."""
    out = tmp_path / "out"
    path = roster(3)
    run(recipe, path, out, workers=1, pdf=True)
    (out / "0002-党员2.pdf").unlink()
    again = run(recipe, path, out, workers=1, pdf=True)
    assert fake.calls[-1] == ["0002-党员2.docx"]
    assert "0000-党员0.pdf" in again.unchanged
    assert again.ok


def test_a_failed_conversion_gives_exit_code_7(
    recipe: Path, roster: RosterWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The row still succeeds; the failure names its file and the batch exits 7."""
    monkeypatch.setattr(
        "docgen.batching.pdfs.convert_documents", FakeConverter(fail=["0001-党员1.docx"])
    )
    result = run(recipe, roster(2), tmp_path / "out", workers=1, pdf=True)
    assert result.failed_rows == []
    assert [f.output for f in result.conversion_failures] == ["0001-党员1.docx"]
    assert result.exit_code == ExitCode.CONVERSION
    assert "转换失败 1 个" in result.summary()
    assert result.to_json()["pdfs"] == ["0000-党员0.pdf"]

"""``batch --pdf`` bookkeeping, with a stand-in converter: manifest, reruns, failures, exit code."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path

import pytest

from docgen.batching import Manifest, run
from docgen.batching.manifest import JOURNAL_NAME
from docgen.convert.pdf import Conversion
from docgen.exceptions import ExitCode, ToolNotFound
from docgen.results import Failure, Output
from tests.batching.conftest import RosterWriter
from tests.processes import docgen_child, processes_mentioning, wait_for


class FakeConverter:
    """Writes a small stand-in PDF beside each document; fails the names in ``fail``.

    Each batch opens one pool; ``calls`` lists, per pool, the documents submitted to it.
    """

    def __init__(self, fail: Sequence[str] = ()) -> None:
        self.fail = set(fail)
        self.calls: list[list[str]] = []
        self.closed = 0

    def __call__(self, workers: int | None = None) -> FakeConverter:
        self.calls.append([])
        return self

    def submit(self, source: str | os.PathLike[str]) -> Future[Conversion]:
        path = Path(source)
        self.calls[-1].append(path.name)
        future: Future[Conversion] = Future()
        if path.name in self.fail:
            item: Output | Failure = Failure.conversion(path, "坏了", "broken")
        else:
            target = path.with_suffix(".pdf")
            blob = b"%PDF-1.4 " + path.name.encode()
            target.write_bytes(blob)
            item = Output.written(target, source=path)
        future.set_result(Conversion(item, []))
        return future

    def close(self) -> None:
        self.closed += 1


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeConverter:
    """Replace LibreOffice in ``docgen.batching.pdfs``."""
    converter = FakeConverter()
    monkeypatch.setattr("docgen.batching.pdfs.open_pool", converter)
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
    monkeypatch.setattr("docgen.batching.pdfs.open_pool", FakeConverter(fail=["0001-党员1.docx"]))
    result = run(recipe, roster(2), tmp_path / "out", workers=1, pdf=True)
    assert result.failed_rows == []
    assert [f.output for f in result.conversion_failures] == ["0001-党员1.docx"]
    assert result.exit_code == ExitCode.CONVERSION
    assert "转换失败 1 个" in result.summary()
    assert result.to_json()["pdfs"] == ["0000-党员0.pdf"]


def test_documents_are_converted_while_rows_still_run(
    recipe: Path, roster: RosterWriter, tmp_path: Path, fake: FakeConverter
) -> None:
    """The first document goes to the pool before the last row is done: not a second phase."""
    accepted: list[int] = []
    at_submit: list[int] = []
    submit = fake.submit

    def counting_submit(source: str | os.PathLike[str]) -> Future[Conversion]:
        at_submit.append(len(accepted))
        return submit(source)

    fake.submit = counting_submit  # type: ignore[method-assign]
    result = run(
        recipe, roster(40), tmp_path / "out", workers=1, pdf=True, progress=accepted.append
    )
    assert result.ok
    assert len(result.pdfs) == 40
    assert at_submit[0] < 40
    assert fake.closed == 1


def test_real_office_converts_each_row(recipe: Path, roster: RosterWriter, tmp_path: Path) -> None:
    """Through LibreOffice: every row's PDF beside its document, holding that row's text."""
    out = tmp_path / "out"
    result = run(recipe, roster(3), out, workers=2, pdf=True, pdf_workers=2)
    assert result.ok, [f.message for f in result.failures]
    assert sorted(result.pdfs) == ["0000-党员0.pdf", "0001-党员1.pdf", "0002-党员2.pdf"]
    for n in range(3):
        text = subprocess.run(
            ["pdftotext", str(out / f"000{n}-党员{n}.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.replace(" ", "")  # LibreOffice spaces Latin digits from Chinese text
        assert f"党员{n}" in text
        assert f"编号000{n}" in text
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["outputs"]["0002-党员2.pdf"]["kind"] == "pdf"


def test_missing_libreoffice_stops_the_batch_before_any_row(
    recipe: Path, roster: RosterWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without soffice, --pdf fails at once with the install hint: no row rendered for nothing."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("DOCGEN_SOFFICE", raising=False)
    out = tmp_path / "out"
    with pytest.raises(ToolNotFound) as caught:
        run(recipe, roster(3), out, workers=1, pdf=True)
    assert "libreoffice-writer-nogui" in caught.value.message_zh
    assert list(out.glob("*.docx")) == []


@pytest.mark.real
@pytest.mark.slow
def test_kill_9_mid_conversion_keeps_the_pdfs_made_and_the_rerun_makes_the_rest(
    recipe: Path, roster: RosterWriter, tmp_path: Path
) -> None:
    """PDFs recorded in the journal before ``kill -9`` are whole and skipped next time; the
    rerun converts only the documents whose PDF was not recorded."""
    (tmp_path / "tmp").mkdir()
    out = tmp_path / "out"
    path = roster(30)
    args = ["batch", str(recipe), "--roster", str(path), "-o", str(out), "--workers", "2"]
    child = docgen_child([*args, "--pdf", "--quiet"], tmp_path / "tmp")
    journal = out / JOURNAL_NAME

    def pdfs_journaled() -> bool:
        assert child.poll() is None, child.communicate()[1]  # still converting
        return journal.exists() and journal.read_bytes().count(b'"kind":"pdf"') >= 2

    try:
        wait_for(pdfs_journaled, 120, "two PDFs in the journal")
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=5)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
    # The reaper stops the offices the killed batch left (they run under its $TMPDIR).
    wait_for(lambda: not processes_mentioning(str(tmp_path / "tmp")), 20, "the offices to end")
    killed = Manifest.load(out)
    made = {r for r, e in killed.outputs.items() if e.kind == "pdf"}
    assert len(made) >= 2
    assert set(killed.verified()) == set(killed.outputs)  # every recorded file is whole
    submitted: list[str] = []
    converter = FakeConverter()
    real_submit = converter.submit

    def recording(source: str | os.PathLike[str]) -> Future[Conversion]:
        submitted.append(Path(source).with_suffix(".pdf").name)
        return real_submit(source)

    converter.submit = recording  # type: ignore[method-assign]
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr("docgen.batching.pdfs.open_pool", converter)
        again = run(recipe, path, out, workers=1, pdf=True)
    assert again.ok
    assert len(again.pdfs) == 30
    assert made.isdisjoint(submitted)
    assert len(submitted) == 30 - len(made)

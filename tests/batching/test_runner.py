"""docgen.batching.run: 200 rows in parallel, a bad row reported, resume and --force."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from docgen import stamp
from docgen.batching import MANIFEST_NAME, Manifest, Progress, run
from docgen.batching.manifest import JOURNAL_NAME
from docgen.exceptions import DataError, ExitCode
from tests.batching.conftest import RosterWriter, expected_names
from tests.core_dates import clock_window, dates, title, within
from tests.docx_builder import make_docx, p, paragraph_texts


def _docx(out: Path) -> set[str]:
    return {p.name for p in out.glob("*.docx")}


def test_two_hundred_rows_one_bad(recipe: Path, roster: RosterWriter, tmp_path: Path) -> None:
    """199 rows produce their card; row 59 (index 57) fails with its row and reason."""
    out = tmp_path / "out"
    seen: list[Progress] = []
    result = run(recipe, roster(200, bad=57), out, workers=2, progress=seen.append)
    assert _docx(out) == expected_names(200, bad=57)
    assert result.succeeded == 199
    assert result.failed_rows == [59]
    assert result.exit_code == ExitCode.ROWS_FAILED
    failure = result.failures[0]
    assert failure.row == 59
    assert "roster.xlsx[名单]!B59（“姓名”列）为空" in failure.message_zh
    assert "第 59 行" in result.summary()
    assert len(seen) == 200
    assert seen[-1].done == 200
    assert paragraph_texts((out / "0042-党员42.docx").read_bytes()) == ["党员42", "编号 0042"]
    assert not list(out.glob(".*.part"))


def test_manifest_lists_every_output(recipe: Path, roster: RosterWriter, tmp_path: Path) -> None:
    """manifest.json names each output's template, data hash and sha256, and the failed row."""
    out = tmp_path / "out"
    run(recipe, roster(20, bad=3), out, workers=1)
    manifest = Manifest.load(out)
    assert set(manifest.outputs) == expected_names(20, bad=3)
    entry = manifest.outputs["0000-党员0.docx"]
    assert entry.template == "tiny.docx"
    assert entry.row == 2
    assert len(entry.data_hash) == len(entry.sha256) == 64
    failed = [r for r in manifest.rows.values() if r.status == "failed"]
    assert [r.row for r in failed] == [5]
    assert (out / MANIFEST_NAME).read_text(encoding="utf-8").startswith("{")


def test_a_finished_batch_writes_the_manifest_once(
    recipe: Path, roster: RosterWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole manifest is written once, after the last row (the journal holds the rows
    until then): a second write after the last row was start-up-like serial time."""
    saves: list[int] = []
    real = Manifest.save

    def counted(self: Manifest) -> None:
        saves.append(len(self.rows))
        real(self)

    monkeypatch.setattr(Manifest, "save", counted)
    out = tmp_path / "out"
    run(recipe, roster(20), out, workers=2)
    assert saves == [20]
    assert set(Manifest.load(out).outputs) == expected_names(20)
    assert not (out / JOURNAL_NAME).exists()


def test_rerun_redoes_only_what_is_missing_or_damaged(
    recipe: Path, roster: RosterWriter, tmp_path: Path
) -> None:
    """Deleted and damaged outputs are redone; the rest is skipped; --force redoes all."""
    out = tmp_path / "out"
    path = roster(30)
    first = run(recipe, path, out, workers=2)
    assert len(first.written) == 30
    (out / "0003-党员3.docx").unlink()
    (out / "0007-党员7.docx").write_bytes(b"not a docx")
    second = run(recipe, path, out, workers=2)
    assert sorted(second.written) == ["0003-党员3.docx", "0007-党员7.docx"]
    assert second.skipped == 28
    assert zipfile.is_zipfile(out / "0007-党员7.docx")
    forced = run(recipe, path, out, workers=1, force=True)
    assert len(forced.written) == 30
    assert forced.skipped == 0


def test_changed_row_and_changed_template_are_redone(
    recipe: Path, roster: RosterWriter, tmp_path: Path
) -> None:
    """Editing a row redoes that row; editing the template redoes every row."""
    out = tmp_path / "out"
    path = roster(5)
    run(recipe, path, out, workers=1)
    book = openpyxl.load_workbook(path)
    book.active["B3"] = "改名"
    book.save(path)
    second = run(recipe, path, out, workers=1)
    assert second.written == ["0001-改名.docx"]
    template = tmp_path / "tiny.docx"
    template.write_bytes(make_docx(p("姓名：{{ name }}") + p("{{ code }}")))
    third = run(recipe, path, out, workers=1)
    assert len(third.written) == 5


def test_repeated_row_fails_the_later_row(tmp_path: Path, recipe: Path) -> None:
    """Two rows with the same key (编号) would write one file: the second fails."""
    csv_path = tmp_path / "r.csv"
    csv_path.write_text("编号,姓名\n1,甲\n1,甲\n2,乙\n", encoding="utf-8")
    result = run(recipe, csv_path, tmp_path / "out", workers=1)
    assert result.failed_rows == [3]
    assert result.failures[0].code == "duplicate_row"
    assert "第 2 行" in result.failures[0].message_zh


def test_roster_without_required_column(recipe: Path, tmp_path: Path) -> None:
    """A roster lacking the 姓名 column is refused before any row runs."""
    csv_path = tmp_path / "r.csv"
    csv_path.write_text("编号\n1\n", encoding="utf-8")
    with pytest.raises(DataError, match="花名册与配方不匹配") as info:
        run(recipe, csv_path, tmp_path / "out")
    assert "姓名" in str(info.value)
    assert not (tmp_path / "out" / MANIFEST_NAME).exists()


def test_clashing_names_fail_the_later_row_and_leave_no_temporary(tmp_path: Path) -> None:
    """Two rows (keys 1 and 2) naming one file: the first row's file stays, the second fails.

    The workers write the files; the parent decides which name is whose, so the losing
    row's synced temporary file is removed, not renamed over the winner's.
    """
    (tmp_path / "tiny.docx").write_bytes(make_docx(p("{{ name }} {{ code }}")))
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(
        "name: 同名\nvars:\n  name: {column: 姓名}\n  code: {column: 编号}\n"
        'steps:\n  - id: card\n    template: tiny.docx\n    output: "{{ name }}"\n',
        encoding="utf-8",
    )
    csv_path = tmp_path / "r.csv"
    csv_path.write_text("编号,姓名\n1,甲\n2,甲\n3,乙\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(recipe, csv_path, out, workers=2)
    assert result.failed_rows == [3]
    assert result.failures[0].code == "output_collision"
    assert paragraph_texts((out / "甲.docx").read_bytes()) == ["甲 1"]
    assert _docx(out) == {"甲.docx", "乙.docx"}
    assert not list(out.glob(".*.part"))


def _killed_after(out: Path, rows: int, moment: dt.datetime | None = None) -> None:
    """Make ``out`` what a run killed after ``rows`` rows leaves: their journal (opened by
    the run's ``moment`` when given), and no manifest.json."""
    manifest = Manifest.load(out)
    (out / MANIFEST_NAME).unlink()
    if moment is not None:
        manifest.note_moment(moment)
    for key in list(manifest.rows)[:rows]:
        record = manifest.rows[key]
        entries = [manifest.outputs[r] for r in record.outputs]
        manifest.record(record.row, record.fingerprint, [], [], key)
        for entry in entries:
            manifest.add_output(entry)
    manifest.flush()


def test_a_resumed_batch_reads_the_journal_of_a_killed_one(
    recipe: Path, roster: RosterWriter, tmp_path: Path
) -> None:
    """Rows recorded only in the journal (no manifest.json yet) are skipped on the next run."""
    out = tmp_path / "out"
    path = roster(12)
    run(recipe, path, out, workers=2)
    _killed_after(out, 5)
    resumed = run(recipe, path, out, workers=2)
    assert resumed.skipped == 5
    assert len(resumed.written) == 0  # the other seven files are on disk with the same bytes
    assert len(resumed.unchanged) == 12
    assert not (out / JOURNAL_NAME).exists()
    assert len(Manifest.load(out).outputs) == 12


def test_a_resumed_batch_stamps_with_the_killed_runs_moment(
    recipe: Path, roster: RosterWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without SOURCE_DATE_EPOCH a batch stamps every row with the moment it started; a run
    killed before its end leaves that moment in its journal, so the rows rendered again
    after it match the files on disk and are kept, not rewritten (issue 9 §6)."""
    monkeypatch.delenv(stamp.ENV, raising=False)
    (tmp_path / "tiny.docx").write_bytes(make_docx(p("{{ name }}"), title="{{ name }}的卡片"))
    out = tmp_path / "out"
    path = roster(6)
    with clock_window() as window:
        run(recipe, path, out, workers=2)
    files = sorted(out.glob("*.docx"))
    moments = {dates(f.read_bytes()) for f in files}
    assert len(moments) == 1
    assert all(within(f.read_bytes(), window) for f in files)
    ((moment, _),) = moments
    assert title((out / "0003-党员3.docx").read_bytes()) == "党员3的卡片"

    _killed_after(out, 2, moment)
    resumed = run(recipe, path, out, workers=2)
    assert resumed.skipped == 2
    assert len(resumed.written) == 0  # four rows rendered again, byte for byte the same
    assert {dates(f.read_bytes()) for f in files} == moments
    # The contrast: a journal naming another moment makes the rows rendered again differ.
    other = dt.datetime(2025, 6, 1, 8, 0, tzinfo=dt.UTC)
    _killed_after(out, 2, other)
    again = run(recipe, path, out, workers=2)
    assert len(again.written) == 4
    assert sorted(dates(f.read_bytes())[0] for f in files) == [other] * 4 + [moment] * 2
    assert not (out / JOURNAL_NAME).exists()


def test_a_deterministic_batch_is_byte_identical_across_forced_runs(
    recipe: Path, roster: RosterWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(stamp.ENV, raising=False)
    (tmp_path / "tiny.docx").write_bytes(make_docx(p("{{ name }}"), title="卡片"))
    out = tmp_path / "out"
    run(recipe, roster(3), out, workers=1, deterministic=True)
    first = {f.name: f.read_bytes() for f in out.glob("*.docx")}
    run(recipe, roster(3), out, workers=1, deterministic=True, force=True)
    assert {f.name: f.read_bytes() for f in out.glob("*.docx")} == first
    assert {dates(b) for b in first.values()} == {(stamp.FIXED, stamp.FIXED)}

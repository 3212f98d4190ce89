"""manifest.json: round trip, verification against the files, tolerance of a damaged manifest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docgen.batching.manifest import JOURNAL_NAME, MANIFEST_NAME, Manifest
from docgen.bundle.hashing import bytes_hash
from docgen.bundle.production import Artifact


def _artifact(relpath: str, blob: bytes) -> Artifact:
    return Artifact(
        relpath, "document", "a", "t.docx", "t" * 64, "d" * 64, bytes_hash(blob), len(blob), blob
    )


def test_round_trip_and_verification(tmp_path: Path) -> None:
    """Saved entries load back; only files with the recorded sha256 count as verified."""
    manifest = Manifest(tmp_path, "包", "r" * 64)
    for name, blob in (("甲.docx", b"one"), ("子/乙.docx", b"two")):
        path = tmp_path.joinpath(*name.split("/"))
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(blob)
    manifest.record(2, "fp", [_artifact("甲.docx", b"one"), _artifact("子/乙.docx", b"two")], [])
    manifest.save()
    loaded = Manifest.load(tmp_path)
    assert loaded.bundle == "包"
    assert loaded.outputs["子/乙.docx"].row == 2
    assert loaded.rows["2"].outputs == ["甲.docx", "子/乙.docx"]
    (tmp_path / "甲.docx").write_bytes(b"changed")
    assert set(loaded.verified()) == {"子/乙.docx"}


def test_rerecording_a_row_replaces_its_outputs(tmp_path: Path) -> None:
    """A row recorded again forgets outputs it no longer makes."""
    manifest = Manifest(tmp_path)
    manifest.record(3, "a", [_artifact("旧.docx", b"x")], [])
    manifest.record(3, "b", [_artifact("新.docx", b"y")], [])
    assert set(manifest.outputs) == {"新.docx"}
    assert manifest.rows["3"].fingerprint == "b"


def test_damaged_manifest_means_start_over(tmp_path: Path) -> None:
    """A manifest that is not valid JSON (or another format) loads as empty."""
    (tmp_path / MANIFEST_NAME).write_text("{broken", encoding="utf-8")
    assert Manifest.load(tmp_path).outputs == {}
    (tmp_path / MANIFEST_NAME).write_text('{"format": "other"}', encoding="utf-8")
    assert Manifest.load(tmp_path).rows == {}


def test_journal_is_read_after_a_crash_and_a_torn_line_ignored(tmp_path: Path) -> None:
    """Rows flushed to the journal load without manifest.json; a half-written line is dropped."""
    manifest = Manifest(tmp_path, "包", "r" * 64)
    manifest.record(2, "fp2", [_artifact("甲.docx", b"one")], [], "甲")
    manifest.record(3, "fp3", [_artifact("乙.docx", b"two")], [], "乙")
    manifest.flush()
    assert not (tmp_path / MANIFEST_NAME).exists()
    with (tmp_path / JOURNAL_NAME).open("ab") as journal:
        journal.write('{"format": "docgen-batch-manifest/2", "key": "丙", "dro'.encode())
    loaded = Manifest.load(tmp_path)
    assert set(loaded.rows) == {"甲", "乙"}
    assert loaded.outputs["乙.docx"].row == 3
    assert loaded.rows["甲"].fingerprint == "fp2"


def test_journal_replays_in_order_over_the_manifest(tmp_path: Path) -> None:
    """A row re-recorded after the last save replaces its outputs; save folds the journal in."""
    manifest = Manifest(tmp_path)
    manifest.record(3, "a", [_artifact("旧.docx", b"x")], [])
    manifest.save()
    manifest.record(3, "b", [_artifact("新.docx", b"y")], [])
    manifest.flush()
    loaded = Manifest.load(tmp_path)
    assert set(loaded.outputs) == {"新.docx"}
    assert loaded.rows["3"].fingerprint == "b"
    loaded.save()
    assert not (tmp_path / JOURNAL_NAME).exists()
    assert set(Manifest.load(tmp_path).outputs) == {"新.docx"}


def test_the_journal_keeps_the_batchs_moment_until_the_manifest_is_saved(tmp_path: Path) -> None:
    """A killed batch's moment is read back from its journal (a resumed run stamps alike);
    once manifest.json is written the journal, and the moment with it, is gone."""
    moment = dt.datetime(2026, 12, 4, 20, 31, 7, tzinfo=dt.UTC)
    manifest = Manifest(tmp_path, "包", "r" * 64)
    manifest.note_moment(moment)
    manifest.record(1, "fp", [_artifact("甲.docx", b"one")], [])
    manifest.flush()
    first = (tmp_path / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()[0]
    assert '"moment":"2026-12-04T20:31:07Z"' in first
    loaded = Manifest.load(tmp_path)
    assert loaded.moment == moment
    assert list(loaded.outputs) == ["甲.docx"]  # the rows after the moment line replay too
    loaded.save()
    assert Manifest.load(tmp_path).moment is None

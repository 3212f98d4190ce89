"""Atomic output files: complete or absent, never half written, no temp files left."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from docgen import fileio
from docgen.fileio import write_atomic


def test_writes_new_file_and_leaves_no_temp_files(tmp_path: Path) -> None:
    """A fresh write creates the file (and missing folders) and nothing else."""
    target = tmp_path / "a" / "b" / "输出.docx"
    assert write_atomic(target, b"data") == target
    assert target.read_bytes() == b"data"
    assert sorted(p.name for p in target.parent.iterdir()) == ["输出.docx"]


def test_replaces_existing_file(tmp_path: Path) -> None:
    """An existing file is replaced by the new content (a new inode, not an in-place rewrite)."""
    target = tmp_path / "out.docx"
    target.write_bytes(b"old" * 1000)
    before = target.stat().st_ino
    write_atomic(str(target), b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_ino != before
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_reader_never_sees_partial_content(tmp_path: Path) -> None:
    """While writes go on, every read sees one complete version."""
    target = tmp_path / "out.bin"
    versions = [bytes([i]) * 200_000 for i in range(1, 6)]
    write_atomic(target, versions[0])
    seen: set[bytes] = set()
    done = threading.Event()

    def reader() -> None:
        while not done.is_set():
            seen.add(target.read_bytes())

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for _ in range(4):
            for data in versions:
                write_atomic(target, data)
    finally:
        done.set()
        thread.join()
    assert seen <= set(versions)


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_failed_write_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """A failure while writing or renaming leaves the old file intact and no temp file."""
    target = tmp_path / "out.docx"
    target.write_bytes(b"old content")

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(fileio.os, failing, fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"new content")
    monkeypatch.undo()
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_interrupted_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A KeyboardInterrupt mid-write also cleans up and keeps the old file."""
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")

    def interrupt(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_temp_file_is_in_target_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The temporary file lives next to the target (so the rename stays on one filesystem)."""
    target = tmp_path / "sub" / "out.docx"
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: object) -> None:
        seen.append(src)
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(fileio.os, "replace", spy)
    write_atomic(target, b"x")
    assert len(seen) == 1
    assert Path(seen[0]).parent == target.parent


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_honour_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    """A written file has 0666 less the umask, like any file the user makes (not always 0600)."""
    old = os.umask(umask)
    try:
        assert fileio.current_umask() == umask
        target = write_atomic(tmp_path / "o.docx", b"x")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == mode


def _modes(folder: Path) -> dict[str, int]:
    """Every file under ``folder`` (relative name) with its permission bits."""
    return {
        str(p.relative_to(folder)): p.stat().st_mode & 0o777
        for p in folder.rglob("*")
        if p.is_file()
    }


def _cli_under_umask(umask: int, *args: str | Path) -> None:
    """Run the docgen CLI in-process with the process umask set to ``umask``."""
    from click.testing import CliRunner

    from docgen.cli import main

    old = os.umask(umask)
    try:
        result = CliRunner().invoke(main, [str(a) for a in args])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_render_and_batch_outputs_honour_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    """docgen render and docgen batch (its worker processes too) write 0666 less the umask.

    Before the writer set the mode, every output was mkstemp's 0600 whatever the umask.
    """
    from tests.batching.conftest import RECIPE, write_roster
    from tests.docx_builder import make_docx, p

    (tmp_path / "tiny.docx").write_bytes(make_docx(p("{{ name }}") + p("编号 {{ code }}")))
    (tmp_path / "recipe.yaml").write_text(RECIPE, encoding="utf-8")
    (tmp_path / "data.yaml").write_text("name: 孟庆岚\ncode: '0001'\n", encoding="utf-8")
    _cli_under_umask(
        umask, "render", tmp_path / "tiny.docx", tmp_path / "data.yaml", "-o", tmp_path / "one.docx"
    )
    assert _modes(tmp_path)["one.docx"] == mode

    roster = write_roster(tmp_path / "roster.xlsx", 3)
    _cli_under_umask(
        umask,
        "batch",
        tmp_path / "recipe.yaml",
        "--roster",
        roster,
        "-o",
        tmp_path / "out",
        "--quiet",
    )
    written = _modes(tmp_path / "out")
    docs = {name: m for name, m in written.items() if name.endswith(".docx")}
    assert len(docs) == 3, written
    assert set(written.values()) == {mode}, written


@pytest.mark.real
def test_convert_outputs_honour_the_umask(tmp_path: Path) -> None:
    """docgen convert's PDFs (copied out of LibreOffice's private folder) follow the umask too."""
    from tests.convert.chinese_docs import house_document

    house_document(tmp_path / "文书.docx")
    for umask, mode in ((0o022, 0o644), (0o077, 0o600)):
        out = tmp_path / f"pdf{umask:o}"
        _cli_under_umask(umask, "convert", "--to", "pdf", tmp_path / "文书.docx", "-o", out)
        assert _modes(out) == {"文书.pdf": mode}

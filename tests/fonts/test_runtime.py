"""The generated fontconfig file and where the fonts are looked for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.fonts import SHIPPED_CONF, find_font_dir, fontconfig_env, fontconfig_file
from docgen.fonts.runtime import FANDOL_FILES, fontconfig_paths


@pytest.fixture
def fake_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A font folder with (empty) Fandol files, named by DOCGEN_FONT_DIR; a private cache."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    for name in FANDOL_FILES:
        (folder / name).write_bytes(b"x")
    monkeypatch.setenv("DOCGEN_FONT_DIR", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def test_font_dir_from_the_environment_comes_first(fake_fonts: Path) -> None:
    """DOCGEN_FONT_DIR wins when it holds every Fandol file."""
    assert find_font_dir() == fake_fonts


def test_incomplete_folder_is_skipped(fake_fonts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder missing one file is not used."""
    (fake_fonts / "FandolKai-Regular.otf").unlink()
    monkeypatch.setenv("XDG_DATA_HOME", str(fake_fonts.parent / "nothing"))
    assert find_font_dir() != fake_fonts


def test_generated_file_orders_aliases_before_the_system(fake_fonts: Path, tmp_path: Path) -> None:
    """Shipped aliases first, then the rejection of TeX Live's Fandol, cache, folder, system."""
    path = fontconfig_file()
    assert path.parent == tmp_path / "cache" / "docgen" / "fontconfig"
    assert re.fullmatch(r"fonts-[0-9a-f]{12}\.conf", path.name)
    text = path.read_text(encoding="utf-8")
    order = [
        text.index(str(SHIPPED_CONF)),
        text.index("texmf-dist"),
        text.index("<cachedir>"),
        text.index(f"<dir>{fake_fonts}</dir>"),
        text.index("/etc/fonts/fonts.conf"),
    ]
    assert order == sorted(order)


def test_unchanged_file_is_not_rewritten(fake_fonts: Path) -> None:
    """A second call leaves the file alone (parallel conversions read it)."""
    path = fontconfig_file()
    before = path.stat().st_mtime_ns
    assert fontconfig_file() == path
    assert path.stat().st_mtime_ns == before


def test_two_installations_keep_their_own_files(
    fake_fonts: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Another installation's aliases (another SHIPPED_CONF) get another file: neither
    rewrites the file the other's offices are reading."""
    ours = fontconfig_file()
    before = ours.read_text(encoding="utf-8")
    other = tmp_path / "other" / "fonts.conf"
    monkeypatch.setattr("docgen.fonts.runtime.SHIPPED_CONF", other)
    theirs = fontconfig_file()
    assert theirs != ours
    assert str(other) in theirs.read_text(encoding="utf-8")
    assert ours.read_text(encoding="utf-8") == before


def test_environment_points_fontconfig_at_it(fake_fonts: Path) -> None:
    """FONTCONFIG_FILE is set; the rest of the environment is kept."""
    env = fontconfig_env({"HOME": "/root"})
    assert env == {"HOME": "/root", "FONTCONFIG_FILE": str(fontconfig_file())}


def test_unwritable_cache_falls_back_to_temp(
    fake_fonts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the cache home cannot be written, the file goes to a per-user temp folder."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    path = fontconfig_file()
    assert path.is_relative_to(tmp_path / "tmp")
    assert "<fontconfig>" in path.read_text(encoding="utf-8")


def test_paths_a_walled_office_needs_are_the_ones_the_file_names(
    fake_fonts: Path, tmp_path: Path
) -> None:
    """Read: the shipped aliases and the font folder (not /etc); write: the cache folder."""
    read, write = fontconfig_paths(fontconfig_file())
    assert read == [SHIPPED_CONF, fake_fonts]
    assert write == [tmp_path / "cache" / "docgen" / "fontconfig" / "cache"]
    assert fontconfig_paths(tmp_path / "missing.conf") == ([], [])

"""Font character maps cached on disk: the same code points as fontTools, read again when the
font changes, and a cache that cannot be written costs nothing but the time."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from docgen.fonts import cmaps
from docgen.fonts.runtime import find_font_dir


@pytest.fixture
def font(tmp_path: Path) -> Path:
    """A copy of one Fandol face (its modification time is the test's to change)."""
    folder = find_font_dir()
    if folder is None:
        pytest.skip("Fandol fonts not installed (scripts/install-fonts.sh)")
    source = sorted(folder.glob("*.otf"))[0]
    return Path(shutil.copy(source, tmp_path / source.name))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "docgen" / "cmaps"


def _from_fonttools(path: Path) -> frozenset[int]:
    font = TTFont(str(path), lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def test_cached_code_points_are_fonttools_own_and_read_back_without_it(
    font: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _from_fonttools(font)
    assert len(expected) > 5000  # a CJK face
    assert cmaps.codepoints(str(font), 0) == expected
    assert len(list(cache.glob("*.bin"))) == 1

    def no_fonttools(file: str, index: int) -> frozenset[int]:
        raise AssertionError("read the font again instead of the cache")

    monkeypatch.setattr(cmaps, "_read", no_fonttools)
    assert cmaps.codepoints(str(font), 0) == expected


def test_a_changed_font_is_read_again(
    font: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cmaps.codepoints(str(font), 0)
    stat = font.stat()
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    reads: list[str] = []
    real = cmaps._read

    def counting(file: str, index: int) -> frozenset[int]:
        reads.append(file)
        return real(file, index)

    monkeypatch.setattr(cmaps, "_read", counting)
    assert cmaps.codepoints(str(font), 0) == _from_fonttools(font)
    assert reads == [str(font)]
    assert len(list(cache.glob("*.bin"))) == 2


def test_unwritable_cache_still_answers(
    font: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setattr(cmaps.tempfile, "gettempdir", lambda: str(blocked))
    assert cmaps.codepoints(str(font), 0) == _from_fonttools(font)

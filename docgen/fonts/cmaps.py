"""The characters a font file has glyphs for, read once per machine, not once per process.

Decoding the character map of a CJK font with fontTools takes 50-100 ms per face, so the
glyph check of a single ``docgen convert`` or ``docgen render --pdf`` spent ~0.3 s on four
faces before LibreOffice had done anything. The code points are kept as a small binary
file under ``$XDG_CACHE_HOME/docgen/cmaps`` named after the font file's path, size and
modification time (a changed font is read again); an unreadable or unwritable cache only
costs the read it would have saved.
"""

from __future__ import annotations

import array
import hashlib
import os
import tempfile
from pathlib import Path

from fontTools.ttLib import TTFont

from docgen.fileio import write_atomic

__all__ = ["codepoints"]

#: Bumped when the file's layout changes.
_VERSION = b"docgen-cmap/1\n"


def codepoints(file: str, index: int) -> frozenset[int]:
    """The code points face ``index`` of the font ``file`` maps to glyphs."""
    stat = os.stat(file)
    key = f"{os.path.realpath(file)}\0{index}\0{stat.st_size}\0{stat.st_mtime_ns}"
    name = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".bin"
    for folder in _folders():
        try:
            data = (folder / name).read_bytes()
        except OSError:
            continue
        if data.startswith(_VERSION):
            found = array.array("I")
            found.frombytes(data[len(_VERSION) :])
            return frozenset(found)
    points = _read(file, index)
    blob = _VERSION + array.array("I", sorted(points)).tobytes()
    for folder in _folders():
        try:
            write_atomic(folder / name, blob)
            break
        except OSError:
            continue
    return points


def _read(file: str, index: int) -> frozenset[int]:
    font = TTFont(file, fontNumber=index, lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()


def _folders() -> list[Path]:
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    own = Path(tempfile.gettempdir()) / f"docgen-{os.getuid()}" / "cmaps"
    return [Path(cache_home) / "docgen" / "cmaps", own]

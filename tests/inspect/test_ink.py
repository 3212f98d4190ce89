"""Finding the dash line in rendered pixels."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.exceptions import InspectError
from docgen.inspect import ink
from docgen.inspect.ink import SCALE, Box, read_pgm


def pgm(width: int, height: int, dark_rows: range, dark_cols: range) -> bytes:
    """A white P5 image with a dark bar."""
    pixels = bytearray(b"\xff" * (width * height))
    for y in dark_rows:
        for x in dark_cols:
            pixels[y * width + x] = 0
    return f"P5\n{width} {height}\n255\n".encode() + bytes(pixels)


def test_read_pgm() -> None:
    """Header and pixels of a binary grey map."""
    width, height, pixels = read_pgm(pgm(4, 3, range(1, 2), range(4)))
    assert (width, height) == (4, 3)
    assert pixels[4:8] == b"\x00" * 4
    assert pixels[:4] == b"\xff" * 4


def test_read_pgm_refuses_other_formats() -> None:
    """A colour image is an error, not garbage numbers."""
    with pytest.raises(InspectError):
        read_pgm(b"P6\n1 1\n255\n\x00\x00\x00")


def test_dark_centre_inside_the_box(tmp_path: Path) -> None:
    """The centre of the bar rows, in points from the page top, ignoring ink outside the box."""
    image = tmp_path / "strip-1.pgm"
    # bar at rows 30–32 (pt 10–11 of the band) under x 10–20 pt; a digit further right
    data = bytearray(pgm(120, 60, range(30, 33), range(30, 60)))
    image.write_bytes(bytes(data))
    centre = ink._dark_centre(image, Box(10, 700, 20, 715), Box(0, 690, 40, 710), across=False)
    assert centre == pytest.approx(690 + 31.5 / SCALE)


def test_dark_columns_of_a_turned_dash(tmp_path: Path) -> None:
    """A dash turned a quarter is a bar of columns: their centre, in points from the left."""
    image = tmp_path / "strip-1.pgm"
    # bar at columns 30–32 (pt 10–11 of the band) along rows 30–60; another glyph further down
    data = bytearray(pgm(60, 120, range(30, 60), range(30, 33)))
    for y in range(90, 110):
        for x in range(0, 60):
            data[len(data) - 60 * 120 + y * 60 + x] = 0
    image.write_bytes(bytes(data))
    box = Box(70, 10, 90, 20)  # x 70–90, y 10–20 pt on the page; the band starts at x 60
    centre = ink._dark_centre(image, box, Box(60, 0, 80, 40), across=True)
    assert centre == pytest.approx(60 + 31.5 / SCALE)


def test_no_pdftoppm_gives_none(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without pdftoppm the caller falls back to the glyph box."""
    monkeypatch.setattr(ink.shutil, "which", lambda _: None)
    assert ink.dash_lines(tmp_path / "x.pdf", 595, {1: Box(0, 0, 1, 1)}) is None

"""Find where the page-number dashes are actually printed, from the rendered pixels.

GB/T 9704 7.5 puts the dash line ("一字线") 7 mm below the text block. Where a font draws its em
dash inside the em box differs from face to face (a CJK 宋体 centres it, a Latin serif sets it
lower), so the box alone would move the answer by up to a millimetre. Instead the strip of the
pages that holds the page numbers is rendered once with ``pdftoppm`` in grey and the dark rows
under each dash are averaged. Without ``pdftoppm`` the middle of the dash's em box stands in and
the result says it is an estimate.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from docgen.exceptions import InspectError

#: Pixels per point of the rendering (216 dpi): a pixel is 0.12 mm.
SCALE = 3
_DARK = 160
_TIMEOUT_S = 60


@dataclass(frozen=True)
class Box:
    """Where to look for a dash on one page, in points from the page's top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float


def dash_lines(pdf: Path, page_width: float, boxes: Mapping[int, Box]) -> dict[int, float] | None:
    """The vertical centre (pt from the top) of the ink inside each page's box, by page number.

    One ``pdftoppm`` call renders, for every page concerned, the band that holds all the boxes.
    Pages where nothing dark is found are left out. ``None`` when ``pdftoppm`` is not installed.
    """
    if not boxes:
        return None
    top = max(0.0, min(b.top for b in boxes.values()) - 1)
    band = Box(0.0, top, page_width, max(b.bottom for b in boxes.values()) + 1)
    return _centres(pdf, band, boxes, across=False)


def dash_columns(
    pdf: Path, page_height: float, boxes: Mapping[int, Box]
) -> dict[int, float] | None:
    """The horizontal centre (pt from the left) of the ink inside each page's box: the dash of
    a page number turned a quarter on a landscape page, a line along the page."""
    if not boxes:
        return None
    left = max(0.0, min(b.x0 for b in boxes.values()) - 1)
    band = Box(left, 0.0, max(b.x1 for b in boxes.values()) + 1, page_height)
    return _centres(pdf, band, boxes, across=True)


def _centres(
    pdf: Path, band: Box, boxes: Mapping[int, Box], *, across: bool
) -> dict[int, float] | None:
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    with tempfile.TemporaryDirectory(prefix="docgen-inspect-") as tmp:
        _render(tool, pdf, band, (min(boxes), max(boxes)), Path(tmp))
        images = {int(p.stem.rsplit("-", 1)[1]): p for p in Path(tmp).glob("strip-*.pgm")}
        found: dict[int, float] = {}
        for page, box in boxes.items():
            centre = _dark_centre(images[page], box, band, across) if page in images else None
            if centre is not None:
                found[page] = centre
    return found


def _render(tool: str, pdf: Path, band: Box, pages: tuple[int, int], out: Path) -> None:
    x, y = round(band.x0 * SCALE), round(band.top * SCALE)
    width, height = round((band.x1 - band.x0) * SCALE), round((band.bottom - band.top) * SCALE)
    args = [
        tool, "-gray", "-r", str(72 * SCALE), "-f", str(pages[0]), "-l", str(pages[1]),
        "-x", str(x), "-y", str(y), "-W", str(width), "-H", str(height),
        str(pdf), str(out / "strip"),
    ]  # fmt: skip
    try:
        subprocess.run(args, check=True, capture_output=True, timeout=_TIMEOUT_S)  # noqa: S603
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as err:
        raise InspectError(
            f"{pdf}：pdftoppm 渲染页码区域失败（{err}）",
            f"{pdf}: pdftoppm failed to render the page-number band ({err})",
        ) from err


def _dark_centre(image: Path, box: Box, band: Box, across: bool) -> float | None:
    """Mean of the dark rows (``across``: columns) inside ``box``, in points of the page."""
    width, height, pixels = read_pgm(image.read_bytes())
    # Keep inside the glyph's advance so the neighbouring digit does not count.
    if across:
        inset = (box.bottom - box.top) * 0.15
        y0 = max(0, round((box.top + inset - band.top) * SCALE))
        y1 = min(height, round((box.bottom - inset - band.top) * SCALE))
        x0 = max(0, round((box.x0 - band.x0) * SCALE))
        x1 = min(width, round((box.x1 - band.x0) * SCALE))
        dark = [x for x in range(x0, x1) if y1 > y0
                and min(pixels[y * width + x] for y in range(y0, y1)) < _DARK]  # fmt: skip
        origin = band.x0
    else:
        inset = (box.x1 - box.x0) * 0.15
        x0 = max(0, round((box.x0 + inset - band.x0) * SCALE))
        x1 = min(width, round((box.x1 - inset - band.x0) * SCALE))
        y0 = max(0, round((box.top - band.top) * SCALE))
        y1 = min(height, round((box.bottom - band.top) * SCALE))
        dark = [y for y in range(y0, y1)
                if x1 > x0 and min(pixels[y * width + x0 : y * width + x1]) < _DARK]  # fmt: skip
        origin = band.top
    if not dark:
        return None
    return origin + (sum(dark) / len(dark) + 0.5) / SCALE


def read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and 8-bit pixels of a binary PGM (``P5``) as pdftoppm writes it."""
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while data[pos : pos + 1].isspace():
            pos += 1
        end = pos
        while end < len(data) and not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P5" or fields[3] != b"255":
        raise InspectError(
            f"pdftoppm 的输出不是 8 位灰度 PGM（{fields[0]!r}）",
            f"pdftoppm did not write an 8-bit grey PGM ({fields[0]!r})",
        )
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1 : pos + 1 + width * height]

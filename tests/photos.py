"""Small JPEG photos with a camera date (EXIF DateTimeOriginal), for tests and fixtures.

``python -m tests.photos`` writes the sample school's photos of its 2026年11月 主题党日
(``fixtures/school/xxgc-jg1/2026/minutes/photos/2026-11-zhuti-dangri/``), a few KB each.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from PIL import Image, ImageDraw

_EXIF_IFD = 0x8769
_DATE_TIME_ORIGINAL = 36867

#: Fill colours of the sample photos (a wall, a banner, a lawn …).
COLOURS = (
    (176, 42, 48),
    (62, 104, 160),
    (92, 140, 76),
    (200, 160, 60),
    (120, 90, 140),
    (70, 70, 70),
)


def jpeg(
    taken: dt.datetime | None,
    size: tuple[int, int] = (480, 360),
    colour: tuple[int, int, int] = COLOURS[0],
) -> bytes:
    """A JPEG of ``size`` pixels in ``colour`` with a pale frame and a disc, dated ``taken``."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.rectangle((w // 10, h // 10, w - w // 10, h - h // 10), outline=(240, 240, 240), width=6)
    draw.ellipse(
        (w // 3, h // 3, w // 3 + min(w, h) // 3, h // 3 + min(w, h) // 3), fill=(250, 230, 200)
    )
    exif = Image.Exif()
    if taken is not None:
        exif.get_ifd(_EXIF_IFD)[_DATE_TIME_ORIGINAL] = taken.strftime("%Y:%m:%d %H:%M:%S")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=60, exif=exif.tobytes())
    return out.getvalue()


def write_sample(root: Path) -> list[Path]:
    """The six photos of the sample school's 11月 主题党日 (one of them upright)."""
    folder = root / "fixtures/school/xxgc-jg1/2026/minutes/photos/2026-11-zhuti-dangri"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, colour in enumerate(COLOURS, 1):
        taken = dt.datetime(2026, 11, 18, 14, 30 + 10 * (n - 1) // 2, 5 * n)
        size = (360, 480) if n == 3 else (480, 360)
        path = folder / f"{n:02d}.jpg"
        path.write_bytes(jpeg(taken, size, colour))
        written.append(path)
    return written


if __name__ == "__main__":
    for written in write_sample(Path(__file__).resolve().parents[1]):
        print(written, written.stat().st_size)

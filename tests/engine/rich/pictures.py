"""Pictures the rich tests place: a red seal with transparency, a signature strip, a logo."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw

RED = (214, 0, 0, 235)


def seal_png(px: int = 400) -> bytes:
    """A round red seal (ring and star) on a transparent ground, as a scanned seal is kept."""
    image = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, px - 8, px - 8), outline=RED, width=px // 28)
    centre, arm = px / 2, px * 0.16
    points = [
        (centre + arm * math.cos(math.radians(-90 + 144 * k)),
         centre + arm * math.sin(math.radians(-90 + 144 * k)))
        for k in range(5)
    ]  # fmt: skip
    draw.polygon(points, fill=RED)
    return _png(image)


def signature_png(width: int = 600, height: int = 150) -> bytes:
    """A dark-blue pen stroke on white, four times as wide as high."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    steps = [(x, height / 2 + height / 3 * math.sin(x / 37)) for x in range(20, width - 20, 6)]
    draw.line(steps, fill=(20, 30, 120), width=6)
    return _png(image)


def block_png(colour: tuple[int, int, int] = (0, 90, 160), side: int = 120) -> bytes:
    """A plain square of ``colour``: easy to find on a rendered page."""
    return _png(Image.new("RGB", (side, side), colour))


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()

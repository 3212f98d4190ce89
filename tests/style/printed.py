"""Reading printed pages for the style tests: one LibreOffice batch, lines of glyphs per page.

Measurements are taken on the PDF with pdfplumber, never assumed from the .docx. Glyphs on
one baseline form a line; a CJK ideograph is any character in the unified ideograph block.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import pdfplumber

from docgen.convert import to_pdf


def convert(docx: dict[str, bytes], folder: Path) -> dict[str, Path]:
    """Write each ``name → .docx bytes`` into ``folder`` and convert all in one batch.

    Fails (never skips) when LibreOffice is missing: the point is the printed page.
    """
    assert shutil.which("soffice"), "LibreOffice (soffice) is needed; see scripts/apt-packages.txt"
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for name, blob in docx.items():
        path = folder / f"{name}.docx"
        path.write_bytes(blob)
        sources.append(path)
    result = to_pdf(sources, folder / "pdf").raise_for_failures()
    return {p.stem: p for p in result.paths}


def is_ideograph(ch: str) -> bool:
    """A CJK unified ideograph (not punctuation, not a digit)."""
    return "\u4e00" <= ch <= "\u9fff"


@dataclass(frozen=True)
class Glyph:
    """One drawn character: its text, left and right edge, size and font."""

    text: str
    x0: float
    x1: float
    size: float
    font: str


@dataclass(frozen=True)
class PrintedLine:
    """The glyphs on one baseline of one page, left to right."""

    page: int
    top: float
    glyphs: tuple[Glyph, ...]

    @property
    def text(self) -> str:
        """The line's characters."""
        return "".join(g.text for g in self.glyphs)

    @property
    def x0(self) -> float:
        """Left edge of the first glyph."""
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        """Right edge of the last glyph."""
        return self.glyphs[-1].x1

    @property
    def size(self) -> float:
        """The size of most glyphs."""
        return median(g.size for g in self.glyphs)

    def pitch(self) -> float | None:
        """The distance from one ideograph to the next (advance plus spacing and
        justification), the median over neighbouring ideographs; ``None`` with fewer than two."""
        steps = [
            b.x0 - a.x0
            for a, b in zip(self.glyphs, self.glyphs[1:], strict=False)
            if is_ideograph(a.text) and is_ideograph(b.text)
        ]
        return median(steps) if steps else None

    def cells(self, left: float) -> float | None:
        """How many character cells the line fills from ``left`` (the text block's edge) to
        its last glyph: a first-line indent counts its cells, a squeezed mark counts less."""
        pitch = self.pitch()
        if pitch is None:
            return None
        return (self.x1 - left - self.size) / pitch + 1


def printed_lines(pdf: Path) -> Iterator[PrintedLine]:
    """Every line of every page, top to bottom; spaces dropped."""
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages, start=1):
            rows: dict[int, list[Glyph]] = defaultdict(list)
            for c in page.chars:
                if c["text"].strip() and c.get("upright", True):
                    glyph = Glyph(c["text"], c["x0"], c["x1"], c["size"], c["fontname"])
                    rows[round(c["bottom"])].append(glyph)
            for top in sorted(rows):
                yield PrintedLine(number, top, tuple(sorted(rows[top], key=lambda g: g.x0)))


def pages_text(lines: Iterable[PrintedLine]) -> dict[int, str]:
    """Page number → the page's characters in reading order."""
    out: dict[int, str] = defaultdict(str)
    for line in lines:
        out[line.page] += line.text
    return dict(out)


__all__ = [
    "Glyph",
    "PrintedLine",
    "convert",
    "is_ideograph",
    "pages_text",
    "printed_lines",
]

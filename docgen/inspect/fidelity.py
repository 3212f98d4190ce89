"""Text fidelity: every printed character of a .docx is in its PDF, in the same order.

The .docx side is :func:`docgen.inspect.docx_text.visible_text`; the PDF side is
``pdftotext -raw``, which gives the text in the order it is drawn. LibreOffice draws a page in
document order (table cells row by row included), so both sides read alike and the PDF only
adds what the layout makes: page numbers, list numbers, a repeated table header.

Both sides are compared after NFKC normalisation (a full-width "，" and "," are one character
to the comparison, a ligature is its letters) with white space removed. The alignment walks
both texts together and, where they part, finds the next common stretch of at least
:data:`ANCHOR` characters with :mod:`difflib` on a small window (widened when that finds
none), so a long document costs about as much as reading it. A .docx character with no
partner in the PDF is lost; each run of lost characters is reported with the PDF page where
it should be and a few characters either side. A run that the PDF does hold, but elsewhere,
is still reported (the check is "in order"), marked as out of order.
"""

from __future__ import annotations

import difflib
import math
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from docgen.exceptions import InspectError
from docgen.i18n import current_language
from docgen.inspect.docx_text import visible_text

__all__ = ["ANCHOR", "Lost", "TextFidelity", "align", "check_text", "pdf_pages_text"]

#: The length of a common stretch that re-synchronises the two texts after a difference.
ANCHOR = 8
_WINDOWS = (64, 512, 4096)
_CONTEXT = 6
#: Characters the comparison ignores besides white space: invisible by design.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


@dataclass(frozen=True)
class Lost:
    """A run of .docx characters missing from the PDF."""

    page: int
    text: str
    before: str
    after: str
    #: The PDF holds this run, but not where it belongs.
    out_of_order: bool = False

    def describe(self, english: bool = False) -> str:
        """``第 3 页：…的程序进行〔，〕参加评议…`` (or in English)."""
        if english:
            moved = " (out of order)" if self.out_of_order else ""
            return f"page {self.page}: …{self.before}〔{self.text}〕{self.after}…{moved}"
        moved = "（顺序错乱）" if self.out_of_order else ""
        return f"第 {self.page} 页：…{self.before}〔{self.text}〕{self.after}…{moved}"


@dataclass(frozen=True)
class TextFidelity:
    """The outcome of comparing one .docx with its PDF."""

    docx: str
    pdf: str
    #: Printed (non-space) characters of the .docx.
    expected: int
    lost: tuple[Lost, ...]

    @property
    def lost_chars(self) -> int:
        """How many characters are lost in all."""
        return sum(len(item.text) for item in self.lost)

    @property
    def passed(self) -> bool:
        """Whether every character is in the PDF, in order."""
        return not self.lost

    @property
    def pages(self) -> list[int]:
        """The pages with a loss, in order."""
        return sorted({item.page for item in self.lost})

    def describe(self, limit: int = 10, english: bool | None = None) -> str:
        """The lost runs, at most ``limit`` of them, one a line (current language by default)."""
        if english is None:
            english = current_language() == "en"
        lines = [item.describe(english) for item in self.lost[:limit]]
        if len(self.lost) > limit:
            more = len(self.lost) - limit
            lines.append(f"... and {more} more" if english else f"……另有 {more} 处")
        return "\n".join(lines)


def normalised(text: str) -> tuple[str, str]:
    """``text`` as the comparison sees it (NFKC, no white space, no invisible characters), and
    beside it, character for character, the original each one came from (for the report)."""
    seen: list[str] = []
    shown: list[str] = []
    for char in text:
        for part in unicodedata.normalize("NFKC", char):
            if not part.isspace() and part not in _INVISIBLE:
                seen.append(part)
                shown.append(char)
    return "".join(seen), "".join(shown)


def pdf_pages_text(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``, in drawing order (``pdftotext -raw``)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise InspectError(
            "找不到 pdftotext（poppler-utils），无法核对 PDF 的文字；请安装 poppler-utils",
            "pdftotext (poppler-utils) not found, so the PDF's text cannot be checked; "
            "install poppler-utils",
        )
    done = subprocess.run(  # noqa: S603 - fixed argument list, no shell
        [tool, "-raw", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        check=False,
        timeout=120,
    )
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise InspectError(
            f"{pdf}：无法读取 PDF 的文字（{message}）",
            f"{pdf}: cannot read the PDF's text ({message})",
        )
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends the last page with a form feed too
    return pages


def align(expected: str, printed: str) -> list[int | None]:
    """For each character of ``expected``, the index of its partner in ``printed`` (or None)."""
    partner: list[int | None] = [None] * len(expected)
    i = j = 0
    n, m = len(expected), len(printed)
    while i < n and j < m:
        if expected[i] == printed[j]:
            partner[i] = j
            i, j = i + 1, j + 1
            continue
        blocks = _resync(expected, printed, i, j)
        if not blocks:
            break  # nothing further of ``expected`` is in what is left of ``printed``
        for a, b, size in blocks:
            for k in range(size):
                partner[i + a + k] = j + b + k
        a, b, size = blocks[-1]
        i, j = i + a + size, j + b + size
    return partner


def _resync(expected: str, printed: str, i: int, j: int) -> list[tuple[int, int, int]]:
    """Matching blocks (offsets from ``i``/``j``) up to and including the next anchor."""
    for window in (*_WINDOWS, max(len(expected) - i, len(printed) - j)):
        a, b = expected[i : i + window], printed[j : j + window]
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        blocks = [blk for blk in matcher.get_matching_blocks() if blk.size]
        taken: list[tuple[int, int, int]] = []
        for blk in blocks:
            taken.append((blk.a, blk.b, blk.size))
            # A long common stretch, or one that ends ``expected``: safe to go on from here.
            if blk.size >= ANCHOR or i + blk.a + blk.size == len(expected):
                return taken
        if window >= len(expected) - i and window >= len(printed) - j:
            return taken  # the whole rest compared: take what matches
    return []


def check_text(docx: str | Path, pdf: str | Path) -> TextFidelity:
    """Compare the printed text of ``docx`` with the text of ``pdf`` (see the module notes)."""
    docx, pdf = Path(docx), Path(pdf)
    expected, shown = normalised(visible_text(docx))
    printed_chars: list[str] = []
    page_of: list[int] = []
    for number, page in enumerate(pdf_pages_text(pdf), start=1):
        text = normalised(page)[0]
        printed_chars.append(text)
        page_of.extend([number] * len(text))
    printed = "".join(printed_chars)
    partner = align(expected, printed)
    unmatched = "".join(
        printed[k] for k in sorted(set(range(len(printed))) - {p for p in partner if p is not None})
    )
    lost: list[Lost] = []
    i = 0
    while i < len(expected):
        if partner[i] is not None:
            i += 1
            continue
        start = i
        while i < len(expected) and partner[i] is None:
            i += 1
        run = expected[start:i]
        lost.append(
            Lost(
                page=_page_near(partner, page_of, start, i),
                text=shown[start:i],
                before=shown[max(0, start - _CONTEXT) : start],
                after=shown[i : i + _CONTEXT],
                out_of_order=_found_elsewhere(run, unmatched),
            )
        )
    return TextFidelity(str(docx), str(pdf), len(expected), tuple(lost))


def _found_elsewhere(run: str, unmatched: str) -> bool:
    """Whether the PDF's unmatched text holds (nearly all of) ``run``: printed, but elsewhere.

    Nearly: where the texts part, the walk may pair a character of the run with an equal one
    in the PDF by chance (the first "第" of "第二页…" with that of "第一页…").
    """
    if len(run) < 2 or not unmatched:
        return False
    matcher = difflib.SequenceMatcher(None, run, unmatched, autojunk=False)
    longest = matcher.find_longest_match(0, len(run), 0, len(unmatched)).size
    return longest >= max(2, math.ceil(0.8 * len(run)))


def _page_near(partner: list[int | None], page_of: list[int], start: int, end: int) -> int:
    """The page of the last matched character before ``start``, else of the first after ``end``."""
    for k in range(start - 1, -1, -1):
        found = partner[k]
        if found is not None:
            return page_of[found]
    for k in range(end, len(partner)):
        found = partner[k]
        if found is not None:
            return page_of[found]
    return 1

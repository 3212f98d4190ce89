"""What to merge: a rendered document and how it joins the one before it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from docgen.exceptions import BundleError

Start = Literal["section", "page", "none"]
_STARTS = ("section", "page", "none")


@dataclass(frozen=True)
class Part:
    """One rendered .docx to merge, with how it starts.

    ``start``: ``"section"`` begins a next-page section that keeps the part's own
    page setup (size, orientation, margins); ``"page"`` begins a new page inside
    the section before it; ``"none"`` runs straight on. ``restart_page_numbers``
    and ``keep_headers`` act on the part's own section, so they need
    ``start="section"``. ``right_hand`` makes that section begin on a right-hand
    (odd) page, leaving the back of the sheet before it blank when needed, for a
    volume printed on both sides. ``title`` names the part in errors and, when the
    part has no heading of its own, in the table of contents. ``entry`` is the line a
    table of contents by parts lists it with (default: its ``dc:title``, else its first
    line): a bound book of records lists each by date, type and topic, not by title.
    """

    docx: bytes
    start: Start = "section"
    restart_page_numbers: bool = False
    keep_headers: bool = True
    title: str | None = None
    right_hand: bool = False
    entry: str | None = None

    def __post_init__(self) -> None:
        label = self.title or "?"
        if self.start not in _STARTS:
            raise BundleError(
                f"合并部分「{label}」：start 只能是 section、page 或 none，不能是 {self.start!r}",
                f"merge part '{label}': start must be section, page or none, not {self.start!r}",
            )
        needs_section = (
            (self.restart_page_numbers, "页码重新编号", "restart_page_numbers"),
            (self.right_hand, "从右手页（奇数页）起排", "right_hand"),
        )
        for wanted, what_zh, what_en in needs_section:
            if wanted and self.start != "section":
                raise BundleError(
                    f"合并部分「{label}」：{what_zh}需要 start='section'（分节符），"
                    f"当前为 {self.start!r}",
                    f"merge part '{label}': {what_en} needs start='section' "
                    f"(a section break), got {self.start!r}",
                )


@dataclass(frozen=True)
class CoverPage:
    """A generated title page: the title in the upper third, lines such as unit and date
    in the lower third (placed by paragraph spacing, which Word and LibreOffice lay out
    alike, not by the section's vertical alignment, which LibreOffice 7.4 ignores)."""

    title: str
    lines: tuple[str, ...] = field(default_factory=tuple)

"""A merged volume's PDF split into its parts, so that each document is judged on its own pages.

A bound volume (a bundle's ``package.merged``) prints a cover and a 目录 without page numbers,
leaves the back of a sheet blank before a document that starts on a right-hand page, and
restarts the page numbers for each document: GB/T 9704 §7.5 numbers each 公文 on its own, with
its attachments running on. Judged as one document, the restarts read as broken numbering, the
cover as the only title and the parts' titles as body text. So the PDF is split first, from
what is printed alone (no .docx is needed):

- a part starts on the first numbered page, on every page whose number restarts at 1, and on
  every page a link of the front matter (the 目录's entries) leads to;
- a blank page (nothing printed: no text, rule or image) belongs to no part;
- the front matter is every page before the first part.

Each part is measured and checked like a document of its own (:mod:`docgen.inspect.inspection`);
the volume as a whole gets three checks of its own: blank pages only as the back of a sheet
before a part (or after the cover), right-hand starts when the volume is laid out for duplex
printing, and each part's first number either 1 or running on from the part before it.
A PDF with one part is a single document and is judged as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docgen.inspect.classify import number_line, page_number_value
from docgen.inspect.findings import Finding, Text, pages_text, same, verdict
from docgen.inspect.lines import Page
from docgen.inspect.links import Link


@dataclass(frozen=True)
class VolumeLayout:
    """PDF page numbers (1-based) of the front matter, the blank pages and each part."""

    front: tuple[int, ...]
    blank: tuple[int, ...]
    parts: tuple[tuple[int, ...], ...]
    #: The number printed on each page that has one.
    printed: dict[int, int]

    @property
    def is_volume(self) -> bool:
        """Whether the PDF holds more than one document."""
        return len(self.parts) > 1


def printed_number(page: Page) -> int | None:
    """The page number printed on ``page`` (:func:`~docgen.inspect.classify.number_line`)."""
    line = number_line(page)
    return page_number_value(line.text) if line is not None else None


def split_volume(pages: Sequence[Page], links: Sequence[Link] = ()) -> VolumeLayout:
    """Front matter, blank pages and parts of ``pages`` (see the module docstring)."""
    printed = {p.number: v for p in pages if (v := printed_number(p)) is not None}
    blank = tuple(p.number for p in pages if p.blank)
    numbered = sorted(printed)
    if not numbered:
        return VolumeLayout((), blank, (tuple(p.number for p in pages if not p.blank),), printed)
    first = numbered[0]
    starts = {first} | {n for n in numbered if printed[n] == 1}
    front = tuple(p.number for p in pages if p.number < first and not p.blank)
    starts |= {link.target for link in links if link.page in front and link.target >= first}
    parts: list[list[int]] = []
    for page in pages:
        if page.number < first or page.blank:
            continue
        if page.number in starts or not parts:
            parts.append([])
        parts[-1].append(page.number)
    return VolumeLayout(front, blank, tuple(tuple(p) for p in parts), printed)


def volume_findings(layout: VolumeLayout) -> list[Finding]:
    """The checks of the volume as a whole (each part is checked on its own elsewhere)."""
    return [_blank_pages(layout), _right_hand(layout), _numbers_run(layout)]


def describe_layout(layout: VolumeLayout) -> Text:
    """``封面、目录 第 1 页；3 个部分：第 3–16、17–23 页；空白页 第 2 页``."""
    spans = "、".join(span(p) for p in layout.parts)
    spans_en = ", ".join(span(p) for p in layout.parts)
    zh = f"{len(layout.parts)} 个部分：第 {spans} 页"
    en = f"{len(layout.parts)} parts: pages {spans_en}"
    if layout.front:
        where = pages_text(list(layout.front))
        zh, en = f"封面、目录 {where.zh}；{zh}", f"cover and contents {where.en}; {en}"
    if layout.blank:
        where = pages_text(list(layout.blank))
        zh, en = f"{zh}；空白页 {where.zh}", f"{en}; blank {where.en}"
    return Text(zh, en)


def span(pages: Sequence[int]) -> str:
    """``3–16`` (or ``3`` for one page)."""
    return f"{pages[0]}–{pages[-1]}" if len(pages) > 1 else str(pages[0])


def _blank_pages(layout: VolumeLayout) -> Finding:
    """A blank page is the back (an even page) of a sheet, before a part or after the cover."""
    label = Text("空白页", "blank pages")
    expected = Text(
        "只在某一部分前留出的背面（偶数页）", "only the back (even page) before a part starts"
    )
    if not layout.blank:
        return Finding("volume_blank_pages", "skip", label, same("—"), expected,
                       Text("没有空白页", "no blank pages"))  # fmt: skip
    before = {part[0] - 1 for part in layout.parts} | {n - 1 for n in layout.front}
    wrong = [n for n in layout.blank if n % 2 or n not in before]
    detail = pages_text(wrong) if wrong else pages_text(list(layout.blank))
    measured = Text(f"{len(layout.blank)} 页", f"{len(layout.blank)} page(s)")
    return Finding("volume_blank_pages", verdict(not wrong), label, measured, expected, detail)


def _right_hand(layout: VolumeLayout) -> Finding:
    """Parts that restart their numbers begin on an odd (right-hand) page of a duplex volume."""
    label = Text("各部分从单页起排", "parts start on right-hand pages")
    expected = Text("双面装订时每份文件从单页（奇数页）开始", "on odd pages when bound duplex")
    restarting = [p[0] for p in layout.parts if layout.printed.get(p[0]) == 1]
    even = [n for n in restarting if n % 2 == 0]
    measured = Text(
        f"{len(restarting) - len(even)}/{len(restarting)} 份从单页开始",
        f"{len(restarting) - len(even)}/{len(restarting)} on odd pages",
    )
    if even and not layout.blank:
        # Nothing was left blank anywhere: a volume for one-sided printing.
        note = Text("没有空白背面，不是按双面装订排的", "no blank backs: not laid out for duplex")
        return Finding("volume_right_hand", "skip", label, measured, expected, note)
    detail = pages_text(even) if even else Text("", "")
    return Finding("volume_right_hand", verdict(not even), label, measured, expected, detail)


def _numbers_run(layout: VolumeLayout) -> Finding:
    """Each part's first number is 1, or runs on from the last number of the part before it."""
    label = Text("各部分页码", "page numbers of the parts")
    expected = Text(
        "每份文件从 1 起编，或接续前一部分（中间的空白页也计数）",
        "each part from 1, or running on from the part before (blank pages counted)",
    )
    wrong: list[int] = []
    last: tuple[int, int] | None = None  # (page, number) of the previous part's last number
    for part in layout.parts:
        numbered = [n for n in part if n in layout.printed]
        if not numbered:
            continue
        page = numbered[0]
        value = layout.printed[page]
        if value != 1 and (last is None or value != last[1] + page - last[0]):
            wrong.append(page)
        last = (numbered[-1], layout.printed[numbered[-1]])
    firsts = " / ".join(str(layout.printed.get(p[0], "—")) for p in layout.parts)
    measured = Text(f"各部分首页页码 {firsts}", f"first numbers {firsts}")
    detail = pages_text(wrong) if wrong else Text("", "")
    return Finding("volume_page_numbers", verdict(not wrong), label, measured, expected, detail)

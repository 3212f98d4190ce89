"""A bundle's merged .docx as a bound volume: cover, 目录, right-hand starts, its own title.

What the recipe's ``package.merged`` asks for becomes :func:`docgen.merge.merge` options:

- **目录**: a list of the parts by title (``toc``; by default when there are more than
  three parts), on its own right-hand page after the cover;
- **right-hand starts** (``duplex``, on by default): every document that starts its own
  page numbers (``restart_page_numbers``) — or, in a volume numbered through, every step
  that would — begins on an odd page, LibreOffice and Word leaving the back of the sheet
  before it blank and unnumbered (GB/T 9704 §7.5); an attachment that continues the
  numbers of the document before it (台账 after its 方案) follows on the next page, since
  its odd numbers then fall on right-hand pages anyway;
- **page numbers** (``page_numbers``): ``parts`` keeps each step's own restart, so the
  目录 lists where each part starts in its own numbering; ``volume`` numbers the volume
  through from its first document, so the 目录 leads to a page by its printed number.

The 目录's page numbers need a layout. With ``paginate`` the volume is merged once with
two-digit placeholders, converted by LibreOffice, and each part's first page read from
the PDF (the 目录's links lead to it); the numbers printed there go into the .docx as the
``PAGEREF`` fields' results, so LibreOffice, WPS and an un-updated Word show them. The
placeholders are as wide as the final numbers (the pass is repeated once if a number has
more digits), so the 目录 takes the same lines and every later page stays where it was.
Without ``paginate`` the entries carry ``PAGEREF`` fields that Word fills in on opening.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.engine.rich.watermark import Watermark, add_watermark
from docgen.exceptions import BundleError

#: This many parts or more get a 目录 unless the recipe says ``toc: false``.
TOC_FROM_PARTS = 4

# A warm office pool the layout pass may use (``Bundle.build(pdf=True)`` shares its own).
_OFFICE: ContextVar[Any] = ContextVar("docgen_volume_office", default=None)


@contextmanager
def shared_office(pool: Any) -> Iterator[None]:
    """Within the block, volumes are laid out by ``pool`` (an ``OfficePool``), not a new one."""
    token = _OFFICE.set(pool)
    try:
        yield
    finally:
        _OFFICE.reset(token)


@dataclass(frozen=True)
class VolumePart:
    """A rendered document of the volume and how its step joins it."""

    docx: bytes
    title: str
    start: str = "section"
    restart_page_numbers: bool = False
    keep_headers: bool = True
    #: The 目录's line for it (default: its ``dc:title``, else its first line).
    entry: str | None = None


@dataclass(frozen=True)
class Layout:
    """The volume's options as the recipe gives them (:class:`~docgen.bundle.recipe.MergedSpec`)."""

    toc: bool | None = None
    duplex: bool = True
    page_numbers: str = "parts"
    title: str | None = None
    #: In every section's header that has no watermark of its own (cover, 目录, parts).
    watermark: Watermark | None = None
    #: The volume's created/modified moment (the bundle's; ``None``: the merge's time).
    moment: dt.datetime | None = None


def build_volume(
    engine: Any,
    parts: Sequence[VolumePart],
    layout: Layout,
    cover: Any = None,
    *,
    paginate: bool = False,
) -> bytes:
    """The merged .docx of ``parts`` (``engine`` is :mod:`docgen.merge`), laid out as a volume."""
    if not parts:
        raise BundleError(
            "合并文档没有任何部分（所有步骤都设置了 merge.include: false，或都被跳过）",
            "the merged document has no parts (every step has merge.include: false or was skipped)",
        )
    through = layout.page_numbers == "volume"
    items = [
        engine.Part(
            p.docx,
            start=p.start,
            restart_page_numbers=p.restart_page_numbers and not through,
            keep_headers=p.keep_headers,
            title=p.title,
            right_hand=layout.duplex and p.start == "section" and p.restart_page_numbers,
            entry=p.entry,
        )
        for p in parts
    ]
    toc = layout.toc if layout.toc is not None else len(parts) >= TOC_FROM_PARTS

    def merge(pages: Sequence[int] | None) -> bytes:
        blob = engine.merge(items, cover=cover, toc=toc, toc_entries="parts", toc_pages=pages,
                            duplex=layout.duplex, title=layout.title,
                            turned_numbers=True, moment=layout.moment)  # fmt: skip
        if not isinstance(blob, bytes):
            raise BundleError(
                "合并引擎没有返回 .docx 字节", "the merge engine did not return .docx bytes"
            )
        if layout.watermark is not None:
            # Before the layout pass reads the pages: a new header could move them.
            blob = add_watermark(blob, layout.watermark, "volume.docx", keep_marked=True)
        return blob

    if not (toc and paginate):
        return merge(None)
    digits = 2
    for _attempt in range(3):
        draft = merge([int("8" * digits)] * len(parts))
        starts = part_starts(draft, len(parts))
        numbers = printed_numbers(starts, [i.restart_page_numbers for i in items])
        wanted = max(2, len(str(max(numbers))))
        if wanted == digits:
            return merge(numbers)
        digits = wanted
    raise BundleError(  # pragma: no cover -- the width settles on the second pass
        "目录页码的位数无法确定", "the width of the contents' page numbers did not settle"
    )


def printed_numbers(starts: Sequence[int], restarts: Sequence[bool]) -> list[int]:
    """The number printed on each part's first page, from the PDF pages the parts start on.

    The first part starts at 1 (behind a 目录 the merge restarts it); a later part restarts
    at 1 or runs on, counting every page between, blank ones too (LibreOffice and Word
    both give an inserted blank page a number they do not print).
    """
    numbers: list[int] = []
    for index, (start, restart) in enumerate(zip(starts, restarts, strict=True)):
        if index == 0 or restart:
            numbers.append(1)
        else:
            numbers.append(numbers[-1] + start - starts[index - 1])
    return numbers


def part_starts(docx: bytes, count: int) -> list[int]:
    """The PDF page (1-based, blank pages included) each of the ``count`` parts starts on.

    The volume is converted by LibreOffice; the 目录's first ``count`` links each lead to
    a part's first line (an entry that wraps has a link per line, to the same place).
    """
    from docgen.convert import to_pdf
    from docgen.inspect.links import internal_links

    with tempfile.TemporaryDirectory(prefix="docgen-volume-") as tmp:
        source = Path(tmp) / "volume.docx"
        source.write_bytes(docx)
        pool = _OFFICE.get()
        out = Path(tmp) / "pdf"
        result = (
            pool.convert([source], out, check_fonts=False)
            if pool is not None
            else to_pdf([source], out, workers=1, check_fonts=False)
        )
        result.raise_for_failures()
        pages = [link.target for link in internal_links(result.paths[0])]
    starts: list[int] = []
    for page in pages:
        if not starts or starts[-1] != page:
            starts.append(page)
    if len(starts) < count:
        raise BundleError(
            f"排版后目录只找到 {len(starts)} 个部分的起始页（应有 {count} 个）",
            f"after layout the contents lead to {len(starts)} part start(s), not {count}",
        )
    return starts[:count]


__all__ = ["TOC_FROM_PARTS", "Layout", "VolumePart", "build_volume", "part_starts",
           "printed_numbers", "shared_office"]  # fmt: skip

"""The internal links of a PDF (a 目录's entries), each with the page it is on and leads to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Link:
    """An internal link: on PDF page ``page`` (1-based), leading to page ``target``."""

    page: int
    target: int


def internal_links(pdf: Path) -> list[Link]:
    """Every link of ``pdf`` that leads to one of its own pages, page by page in reading order.

    A 目录 entry that wraps has a link per line, each to the same place.
    """
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    found: list[Link] = []
    with pdfplumber.open(pdf) as doc:
        ids = {page.page_obj.pageid: number for number, page in enumerate(doc.pages, 1)}
        for number, page in enumerate(doc.pages, 1):
            for annot in sorted(page.annots, key=lambda a: (round(a["top"]), a["x0"])):
                data = annot.get("data") or {}
                action = resolve1(data.get("A")) or {}
                dest = resolve1(action.get("D") if isinstance(action, dict) else None)
                dest = dest if dest is not None else resolve1(data.get("Dest"))
                if isinstance(dest, list) and dest and hasattr(dest[0], "objid"):
                    target = ids.get(dest[0].objid)
                    if target is not None:
                        found.append(Link(number, target))
    return found

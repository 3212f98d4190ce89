"""Document properties of the merged package: a part's own title, and the volume's.

A rendered document's ``dc:title`` is its printed title (without the line breaks
of the title block), which is what a table of contents lists for it. The merged
package starts from the master's ``docProps/core.xml``; its ``dc:title`` is set
to the volume's title, so a file manager, Word's properties and the PDF's Title
name the volume, not its first document.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from docgen.engine.core_props import set_dates
from docgen.merge.source import Source
from docgen.merge.xml import serialize

CORE = "docProps/core.xml"
_DC = "http://purl.org/dc/elements/1.1/"
_TITLE = f"{{{_DC}}}title"


def own_title(src: Source) -> str:
    """``src``'s ``dc:title``, stripped; ``""`` when it has none."""
    if not src.package.has(CORE):
        return ""
    node = src.parse(CORE).find(_TITLE)
    return " ".join((node.text or "").split()) if node is not None else ""


def core_with_title(
    master: Source, title: str | None, moment: dt.datetime | None = None
) -> bytes | None:
    """The master's ``docProps/core.xml`` with ``dc:title`` set to ``title`` (when given)
    and its created/modified dates to ``moment`` (when given).

    ``None`` when the master has no core properties part, or nothing is to change.
    """
    if not master.package.has(CORE) or (not title and moment is None):
        return None
    root = master.parse(CORE)
    if title:
        node = root.find(_TITLE)
        if node is None:
            node = etree.Element(_TITLE, nsmap={"dc": _DC})
            root.insert(0, node)
        node.text = title
    if moment is not None:
        set_dates(root, moment)
    return serialize(root)


__all__ = ["CORE", "core_with_title", "own_title"]

"""The dates in a package's ``docProps/core.xml``: set to the moment a document was made.

The template's own ``dcterms:created``/``dcterms:modified`` say when the *template* was
built; a rendered document carries the moment :mod:`docgen.stamp` decides. The merge
sets a volume's dates with the same function.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.compiler import XML_DECL
from docgen.stamp import w3cdtf

CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_TYPE = f"{{{XSI}}}type"


def set_dates(root: etree._Element, moment: dt.datetime) -> None:
    """Give the ``cp:coreProperties`` tree ``root`` created = modified = ``moment``."""
    stamp = w3cdtf(moment)
    for name in ("created", "modified"):
        node = root.find(f"{{{DCTERMS}}}{name}")
        if node is None:
            # Declared on the element itself: xsi:type's value names the dcterms prefix.
            node = etree.SubElement(
                root, f"{{{DCTERMS}}}{name}", nsmap={"dcterms": DCTERMS, "xsi": XSI}
            )
        node.set(_TYPE, "dcterms:W3CDTF")
        node.text = stamp


def dated_core(xml: bytes, moment: dt.datetime) -> bytes:
    """The core properties part ``xml`` with its dates set to ``moment``."""
    root = ooxml.parse(xml)
    set_dates(root, moment)
    return (XML_DECL + ooxml.to_string(root)).encode("utf-8")


__all__ = ["CORE_TYPE", "dated_core", "set_dates"]

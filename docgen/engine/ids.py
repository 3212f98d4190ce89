"""Ids that a loop would copy get a fresh value in every copy.

Word needs ``wp:docPr/@id`` and bookmark ids unique; a ``{%tr for %}`` over a
row with a picture or a bookmark would otherwise repeat them. Paragraph ids
(``w14:paraId``/``w14:textId``) are optional, so they are dropped instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from lxml import etree

from docgen.engine.ooxml import W14, qn

_DOCPR = qn("wp:docPr")
_BM_START = qn("w:bookmarkStart")
_BM_END = qn("w:bookmarkEnd")
_W_ID = qn("w:id")
_W_NAME = qn("w:name")
_PARA_IDS = (f"{{{W14}}}paraId", f"{{{W14}}}textId")

AttrMarker = Callable[[str, etree._Element], str]


def mark_ids(root: etree._Element, attr_marker: AttrMarker) -> None:
    """Replace id attributes in ``root`` with markers that draw fresh ids."""
    for el in root.iter(_DOCPR):
        el.set("id", attr_marker(_call("_dg_newid"), el))
    for el in root.iter(_BM_START):
        original = el.get(_W_ID, "")
        el.set(_W_ID, attr_marker(_call("_dg_bm_start", original), el))
        name = el.get(_W_NAME)
        if name is not None and not name.startswith("_GoBack"):
            el.set(_W_NAME, attr_marker(_call("_dg_bm_name", name), el))
    for el in root.iter(_BM_END):
        original = el.get(_W_ID, "")
        el.set(_W_ID, attr_marker(_call("_dg_bm_end", original), el))
    for el in root.iter(etree.Element):
        for attr in _PARA_IDS:
            if attr in el.attrib:
                del el.attrib[attr]


def _call(filter_name: str, arg: str | None = None) -> str:
    args = f"({json.dumps(arg)})" if arg is not None else ""
    return "\x02{\nnone|" + filter_name + args + " }\x03"

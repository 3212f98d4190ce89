"""docxtpl's ``Subdoc``: a sub-document from a file, or built in code with python-docx.

``tpl.new_subdoc()`` gives an empty python-docx document that shares the
template's styles, so ``add_paragraph``, ``add_heading``, ``add_table`` and
``add_picture`` work as in docxtpl. Each render places what it holds at that
moment through docgen's include engine (fresh ids, pictures, styles, lists).
"""

from __future__ import annotations

import io
from os import PathLike
from typing import IO, Any

from docgen.engine import include
from docgen.engine.ooxml import qn


class Subdoc(include.Subdoc):
    """The body of ``docpath``, or (without it) a document to build in code.

    Attributes not defined here are python-docx's ``Document`` API
    (``add_paragraph``, ``add_table``, ``sections``…), as in docxtpl.
    """

    def __init__(
        self, tpl: Any, docpath: str | PathLike[str] | bytes | IO[bytes] | None = None
    ) -> None:
        self.tpl = tpl
        self.docpath = docpath
        self.subdocx: Any = None
        if docpath is not None:
            super().__init__(docpath)
            return
        import docx  # python-docx: imported only by code that builds documents

        self.subdocx = docx.Document(io.BytesIO(tpl.template_bytes()))
        body = self.subdocx.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)

    def __getattr__(self, name: str) -> Any:
        subdocx = self.__dict__.get("subdocx")
        if subdocx is None or name.startswith("_"):
            raise AttributeError(name)
        return getattr(subdocx, name)

    def render_into(self, state: include._State, part: str) -> str:
        """Place the document as it is now (code may change it between renders)."""
        if self.subdocx is not None:
            buffer = io.BytesIO()
            self.subdocx.save(buffer)
            include.Subdoc.__init__(self, buffer.getvalue())
        return super().render_into(state, part)

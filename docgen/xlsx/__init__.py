"""Excel workbooks as an output format: .xlsx templates rendered like .docx ones.

An ``.xlsx`` template is a workbook whose cells hold the same Jinja tags as a
.docx template, with ``{%tr for … %}`` / ``{%tr endfor %}`` rows around the rows
to repeat (:mod:`docgen.xlsx.template`). The library finds ``template.xlsx`` as it
finds ``template.docx``; ``docgen render`` and bundles write the workbook the same
way they write a document. Shipped workbook templates are described in code
(:mod:`docgen.xlsx.spec`) and built by ``scripts/build_templates.py``.

    book = docgen.load("plans/zhenggai-taizhang-xlsx")     # a WorkbookTemplate
    blob = book.render(context)                            # .xlsx bytes
"""

from __future__ import annotations

import os
from typing import Any

from docgen.xlsx.template import WorkbookTemplate, is_workbook_template


def load_workbook_template(
    path: str | os.PathLike[str], *, filters: dict[str, Any] | None = None
) -> WorkbookTemplate:
    """The compiled workbook template at ``path``, cached while its bytes are unchanged."""
    from docgen.engine.template import cached_compile

    return cached_compile(path, WorkbookTemplate, filters)


__all__ = ["WorkbookTemplate", "is_workbook_template", "load_workbook_template"]

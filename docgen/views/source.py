"""Choose between typed data and a plain context for ``docgen render NAME DATA``.

A docgen data file (it says ``kind:``/``文种:``, or is a spreadsheet) is loaded
with :func:`docgen.load_data`, validated, and turned into a context by its
kind's view. Any other YAML/JSON/TOML mapping is used as the context as it is,
so templates written for plain data keep working.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from docgen.context import load_context

#: Keys that mark a mapping as typed docgen data.
KIND_KEYS = ("kind", "文种")
_TABLE_SUFFIXES = {".xlsx", ".xlsm", ".csv"}


def render_context(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The context for rendering with the data file ``path``.

    Raises :class:`~docgen.exceptions.DataError` (every problem, with places)
    when typed data is invalid, or when the file cannot be read.
    """
    from docgen.data import load_data
    from docgen.views import context_for

    file = Path(path)
    if file.suffix.lower() in _TABLE_SUFFIXES:
        return context_for(load_data(file))
    plain = load_context(file)
    if any(key in plain for key in KIND_KEYS):
        return context_for(load_data(file))
    return plain


__all__ = ["KIND_KEYS", "render_context"]

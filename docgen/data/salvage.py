"""Validating what can be validated, so domain rules still run beside type errors.

When a document has type errors there is no model to run domain rules on. This
module drops the offending parts — the nearest optional field, or the nearest
list element — and validates again. Rules then run on the rest, and
:func:`original_path` maps their paths back to the indices of the file.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from docgen.data.errors import clean_loc
from docgen.data.positions import Path
from docgen.data.shapes import field_at


@dataclass
class Outcome:
    """The model (``None`` when nothing could be saved), the errors of the first
    try, and for each list that lost elements the original index of each survivor."""

    model: BaseModel | None
    errors: list[ErrorDetails]
    kept: dict[Path, list[int]] = field(default_factory=dict)


def validate_salvaging(model: type[BaseModel], data: object, context: dict[str, Any]) -> Outcome:
    """Validate ``data`` as ``model``; on errors, validate again without the bad parts."""
    try:
        return Outcome(model.model_validate(data, context=context), [])
    except ValidationError as err:
        errors = err.errors(include_url=False)
    cuts = [_cut_point(model, clean_loc(e["loc"], data)[0]) for e in errors]
    if any(c is None for c in cuts):
        return Outcome(None, errors)
    pruned = copy.deepcopy(data)
    kept = _apply(pruned, [c for c in cuts if c is not None])
    try:
        return Outcome(model.model_validate(pruned, context=context), errors, kept)
    except ValidationError:
        return Outcome(None, errors)


def original_path(path: Path, kept: dict[Path, list[int]]) -> Path:
    """``path`` in the pruned data → the same place in the data as loaded."""
    out: list[str | int] = []
    for part in path:
        if isinstance(part, int):
            survivors = kept.get(tuple(out))
            if survivors is not None and part < len(survivors):
                part = survivors[part]
        out.append(part)
    return tuple(out)


def _cut_point(model: type[BaseModel], path: Path) -> Path | None:
    """The longest prefix of ``path`` that may be removed: a list element or an optional field."""
    for end in range(len(path), 0, -1):
        prefix = path[:end]
        if isinstance(prefix[-1], int):
            return prefix
        info = field_at(model, prefix)
        if info is not None and not info.is_required():
            return prefix
    return None


def _apply(data: object, cuts: Iterable[Path]) -> dict[Path, list[int]]:
    """Remove every cut from ``data`` (deepest first) and report the survivors of each list."""
    kept: dict[Path, list[int]] = {}
    for cut in sorted(
        set(cuts), key=lambda p: (len(p), p[-1] if isinstance(p[-1], int) else 0), reverse=True
    ):
        parent = _get(data, cut[:-1])
        last = cut[-1]
        if isinstance(parent, dict) and isinstance(last, str):
            parent.pop(last, None)
        elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
            survivors = kept.setdefault(cut[:-1], list(range(len(parent))))
            del parent[last]
            del survivors[last]
    return kept


def _get(data: object, path: Path) -> object:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


__all__ = ["Outcome", "original_path", "validate_salvaging"]

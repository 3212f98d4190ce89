"""Where data comes from: a path, bytes with a format, a mapping or a model — read one way.

:func:`read_raw` turns any of them into a :class:`RawDocument`; :func:`typed_kind`
is the one rule that decides whether data is typed docgen data (validated as a
kind) or a plain template context; :func:`kind_mismatch` is the one check that
the data is of the kind a template or a caller asked for.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from docgen.data.kinds import KINDS, detect_kind, resolve_kind
from docgen.data.loaders import SUFFIXES, RawDocument, parse_source, read_source
from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits
from docgen.data.positions import PositionMap
from docgen.exceptions import DataError, Location, Problem

if TYPE_CHECKING:
    from pydantic import BaseModel

#: Everything docgen accepts as data: a file path, bytes (with ``fmt``), a mapping, a model.
#: (A string at run time: plain data is read without importing pydantic.)
DataSource: TypeAlias = "str | os.PathLike[str] | bytes | Mapping[str, Any] | BaseModel"

#: The ``kind`` that asks for plain data, validated as nothing.
PLAIN = "plain"

_KIND_KEYS = ("kind", "文种")
_TABLE_FORMATS = frozenset({"xlsx", "csv"})


def source_name(source: DataSource, name: str | None = None) -> str:
    """How messages name ``source``: ``name``, else its path, else a generic label."""
    if name is not None:
        return name
    if isinstance(source, str | os.PathLike):
        return str(source)
    return "<上传的数据>" if isinstance(source, bytes) else "<数据>"  # else a mapping or a model


def read_raw(
    source: DataSource,
    *,
    fmt: str | None = None,
    name: str | None = None,
    kind: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> RawDocument:
    """The plain data of ``source`` with the positions of its values.

    A path is read by its suffix (or ``fmt``); bytes need ``fmt`` (``yaml``,
    ``json``, ``toml``, ``xlsx``, ``csv`` or a suffix); a mapping is copied; a
    model is dumped to its fields with its ``kind``. Raises ``DataError`` when
    the source cannot be read (its problem says why and where).
    """
    display = source_name(source, name)
    if isinstance(source, bytes):
        if fmt is None:
            raise _no_format(display)
        return parse_source(source, fmt, display, kind=kind, limits=limits)
    if isinstance(source, str | os.PathLike):
        return read_source(Path(source), display=display, kind=kind, fmt=fmt, limits=limits)
    if isinstance(source, Mapping):
        return RawDocument(copy.deepcopy(dict(source)), PositionMap(display), "mapping")
    # A model: tested last, so reading a file or a mapping never imports pydantic.
    return RawDocument(_model_data(source), PositionMap(display), "model")


def typed_kind(raw: RawDocument, wanted: str | None = None) -> bool:
    """Whether ``raw`` is typed docgen data — the one rule every door applies.

    Typed: a kind was asked for (other than ``plain``; a library template asks
    for its manifest's kind), the data came from a spreadsheet or a model, or
    the mapping names its kind (``kind:``/``文种:``). Anything else is a plain
    template context, used as it is — keys alone (``problems``…) do not make
    data typed, since plain contexts for one's own templates use them too.
    """
    if wanted is not None:
        return wanted != PLAIN
    if raw.fmt in _TABLE_FORMATS or raw.fmt == "model":
        return True
    if not isinstance(raw.data, dict):
        return True  # not a mapping: the typed path reports it with its place
    return any(key in raw.data for key in _KIND_KEYS)


def kind_mismatch(raw: RawDocument, wanted: str, wanted_by: str | None = None) -> Problem | None:
    """The problem when ``raw`` says (or shows) it is another kind than ``wanted``.

    ``wanted_by`` names who asked (a template such as ``plans/zhenggai-taizhang``);
    without it the kind was given by the caller (``--kind``).
    """
    want = resolve_kind(wanted)
    if want is None or not isinstance(raw.data, dict):
        return None
    declared = next((raw.data[k] for k in _KIND_KEYS if k in raw.data), None)
    if declared is not None:
        found = resolve_kind(str(declared))
        place = raw.positions.at((next(k for k in _KIND_KEYS if k in raw.data),))
    else:
        keys = {str(k).strip() for k in raw.data}
        if keys & set(KINDS[want[0]].telltales):
            return None
        guessed = detect_kind(raw.data)
        found = (guessed, None) if guessed else None
        place = raw.positions.at(())
    if found is None or found[0] == want[0]:
        return None
    return mismatch_problem(want[0], found[0], wanted_by, place)


def mismatch_problem(want: str, found: str, wanted_by: str | None, place: Location) -> Problem:
    """The one message for data of kind ``found`` where kind ``want`` is read."""
    need, have = KINDS[want], KINDS[found]
    who_zh = f"模板 {wanted_by} 需要" if wanted_by else "指定的是"
    who_en = f"template {wanted_by} needs" if wanted_by else "the kind asked for is"
    return Problem(
        "kind_mismatch",
        f"{who_zh}{need.noun_zh}（{need.name}）数据，这个文件是{have.noun_zh}（{have.name}）",
        f"{who_en} {need.label_en} ({need.name}) data; this file is {have.label_en} ({have.name})",
        place,
    )


def _model_data(model: BaseModel) -> dict[str, Any]:
    """A model's fields as input data again, so it is validated like any other input."""
    data = model.model_dump(mode="python", exclude_none=True)
    kind = next((n for n, i in KINDS.items() if isinstance(model, i.model)), None)
    if kind is not None:
        data["kind"] = kind
    return data


def _no_format(display: str) -> DataError:
    known = "、".join(sorted(set(SUFFIXES.values())))
    problem = Problem(
        "unknown_format",
        f"给出的是字节数据，请同时说明格式（fmt=，可用：{known}）",
        f"bytes were given without their format (fmt=, one of {known})",
        Location(file=display),
    )
    return DataError(f"无法读取数据 {display}", f"cannot read data {display}", [problem])


__all__ = [
    "PLAIN",
    "DataSource",
    "kind_mismatch",
    "mismatch_problem",
    "read_raw",
    "source_name",
    "typed_kind",
]

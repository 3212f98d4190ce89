"""Loading a recipe's input files through the one data door, :func:`docgen.context.read_data`.

Typed or plain is decided there, by the same rule every command uses; an input
given an explicit ``kind`` (``plain`` included) is read as that kind.
Loaded inputs are cached per process by path, size and mtime: in a batch, many
rows usually share a data file. The recipe sandbox is read-only, so sharing is safe.

An input may also be given in memory (``inputs={"plan": {...}}``): a mapping, a model
or :class:`~docgen.context.DataBytes` go through the same door, without a file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from docgen.bundle.compiled import Input, Step
from docgen.bundle.expressions import Expr
from docgen.context import DataBytes, Loaded, read_data
from docgen.data.source import PLAIN, mismatch_problem
from docgen.exceptions import BundleError, DataError, Location, Problem
from docgen.library import manifest_beside

#: What a caller may give for an input: a file, or data in memory.
InputData = str | os.PathLike[str] | DataBytes | Mapping[str, Any] | BaseModel
#: An input as a plan holds it: a resolved file, or data in memory.
Given = Path | DataBytes | Mapping[str, Any] | BaseModel
#: The kind a step's template reads an input as, and that template's name.
Wanted = tuple[str, str]


def given_input(value: InputData) -> Given:
    """``value`` as a plan holds it: a path resolved against the current folder, data as it is."""
    if isinstance(value, str | os.PathLike):
        return Path(value).resolve()
    if isinstance(value, bytes):
        raise TypeError("bytes need their format: DataBytes(content, 'yaml')")
    return value


def load_input(
    item: Input,
    scope: Mapping[str, Any],
    base: Path,
    given: Given | None = None,
    wanted: Wanted | None = None,
) -> Any:
    """The value of input ``item``, whose path is evaluated in ``scope`` relative to ``base``.

    ``given`` (``--input NAME=FILE``, or data in memory) replaces the recipe's path.
    ``wanted`` is the kind a step's template reads the whole input as (see
    :func:`wanted_kind`): data of another kind is refused with the one kind message.
    Raises :class:`DataError` (missing or invalid file or data) naming the input.
    """
    if isinstance(given, Path):
        loaded, shown = _load_file(item, given), str(given)
    elif given is not None:
        shown = _memory_name(item, given)
        loaded = read_data(given, item.kind, name=shown)
    else:
        raw = item.path.evaluate(scope)
        if not isinstance(raw, str | Path) or not str(raw).strip():
            raise BundleError(
                f"{item.path.where.describe()}: 输入“{item.name}”的路径为空或不是文本：{raw!r}",
                f"{item.path.where.describe()}: the path of input {item.name!r} is empty or "
                f"not text: {raw!r}",
            )
        path = Path(raw) if Path(raw).is_absolute() else base / raw
        loaded, shown = _load_file(item, path), str(path)
    if wanted is not None and loaded.kind is not None and loaded.kind != wanted[0]:
        problem = mismatch_problem(wanted[0], loaded.kind, wanted[1], Location(file=shown))
        raise DataError(
            f"输入“{item.name}”的数据与模板不符",
            f"the data of input {item.name!r} does not fit its template",
            [problem],
        )
    return loaded.value


def wanted_kind(steps: Iterable[Step], item: Input) -> Wanted | None:
    """(kind, template) of the first step whose data is input ``item`` itself.

    Only for an input declared without a kind: it is read as whatever kind it says it
    is, and data of another kind than the template reads would otherwise fail late and
    obscurely (a missing field in each document, an expression on the cover).
    """
    if item.kind is not None:
        return None
    for step in steps:
        if isinstance(step.data, Expr) and step.data.source.strip() == item.name:
            kind = _template_kind(step.template_path)
            if kind is not None:
                return kind, step.template
    return None


@lru_cache(maxsize=128)
def _template_kind(template: Path) -> str | None:
    manifest = manifest_beside(template)
    kind = manifest.kind if manifest is not None else None
    return kind if kind and kind != PLAIN else None


def _load_file(item: Input, path: Path) -> Loaded:
    try:
        stat = path.stat()
    except OSError as err:
        raise _missing(item, path, err) from err
    return _load_cached(str(path.resolve()), item.kind, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=64)
def _load_cached(path: str, kind: str | None, size: int, mtime_ns: int) -> Loaded:
    del size, mtime_ns  # part of the cache key only: a changed file is read again
    return read_data(path, kind)


def _memory_name(item: Input, given: Given) -> str:
    """How messages name data given in memory: its own name, else the input's."""
    own = given.name if isinstance(given, DataBytes) else None
    return own or f"<输入 {item.name}>"


def _missing(item: Input, path: Path, err: OSError) -> DataError:
    problem = Problem(
        "file_not_found",
        f"输入“{item.name}”的数据文件不存在或无法读取：{err.strerror}"
        f"（可用 --input {item.name}=文件 另行指定）",
        f"the data file of input {item.name!r} is missing or unreadable: {err.strerror} "
        f"(give another with --input {item.name}=FILE)",
        Location(file=str(path)),
    )
    return DataError(f"找不到数据文件 {path}", f"data file not found: {path}", [problem])


__all__ = ["Given", "InputData", "Wanted", "given_input", "load_input", "wanted_kind"]

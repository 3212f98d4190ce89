"""One file's outcome (:class:`LoadResult`), and the first steps of the door that need no model.

Reading a source and deciding whether it is typed (:func:`read_result`,
:func:`~docgen.data.source.typed_kind`) and the outcome of plain data
(:func:`plain_result`) live here, apart from :mod:`docgen.data.pipeline`, so a
plain context for one's own template is read without importing a model, a rule or
the config (``docgen render my.docx data.yaml`` builds no pydantic model).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen.data.kinds import KINDS, detect_kind
from docgen.data.loaders import RawDocument
from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits
from docgen.data.source import PLAIN, DataSource, read_raw, source_name
from docgen.exceptions import DataError, Problem

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass
class LoadResult:
    """The outcome for one file: the model and every problem.

    ``model`` is ``None`` when the data does not fit the model (type errors);
    when only domain rules fail it is set, and :attr:`errors` says what is wrong.
    ``plain`` holds the mapping of data that is not typed (no kind), used as a
    template context as it is; then ``kind`` and ``model`` are ``None``.
    """

    path: Path
    kind: str | None = None
    model: BaseModel | None = None
    problems: list[Problem] = field(default_factory=list)
    plain: dict[str, Any] | None = None

    @property
    def errors(self) -> list[Problem]:
        """The problems of severity ``error``."""
        return [p for p in self.problems if p.severity == "error"]


def read_result(
    source: DataSource,
    kind: str | None = None,
    *,
    fmt: str | None = None,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> RawDocument | LoadResult:
    """The raw contents of ``source``, or a result holding the reason it cannot be read."""
    try:
        table_kind = kind if kind != PLAIN else None
        return read_raw(source, fmt=fmt, name=name, kind=table_kind, limits=limits)
    except DataError as err:
        return LoadResult(Path(source_name(source, name)), kind, None, list(err.problems))


def plain_result(raw: RawDocument, path: Path) -> LoadResult:
    """Data that is not typed: its mapping is the context; a warning says nothing was checked."""
    assert isinstance(raw.data, dict)  # noqa: S101 -- typed_kind sends non-mappings on
    guess = detect_kind(raw.data)
    hint_zh = f"；若是{KINDS[guess].label_zh}，请加上 kind: {guess}" if guess else ""
    hint_en = f"; if it is {KINDS[guess].label_en}, add kind: {guess}" if guess else ""
    note = Problem(
        "plain_data",
        f"没有文种（kind:/文种:），按普通数据使用，只检查了格式{hint_zh}",
        f"no kind (kind:/文种:): used as plain data, only its syntax was checked{hint_en}",
        raw.positions.at(()),
        severity="warning",
    )
    return LoadResult(path, None, None, [*raw.problems, note], plain=raw.data)


def failure(results: list[LoadResult]) -> DataError:
    """The ``DataError`` for failed results (every problem listed, warnings included)."""
    problems = [p for r in results for p in r.problems]
    count = sum(1 for p in problems if p.severity == "error")
    names = "、".join(str(r.path) for r in results)
    return DataError(f"{names} 有 {count} 处错误", f"{names}: {count} error(s)", problems)


__all__ = ["LoadResult", "failure", "plain_result", "read_result"]

"""The one data door: any data source plus an optional kind → validated model and context.

Every command (``validate``, ``render``, ``bundle``, ``batch``) and the Python API
read data through :func:`read_data`, so they agree on every input by
construction. A source is a path, bytes with their format, a mapping or a
model; whether it is typed docgen data or a plain template context is decided
by one rule (:func:`docgen.data.source.typed_kind`), and typed data is turned
into its template context by its kind's view.

::

    loaded = read_data("minutes.yaml", "minutes")       # or bytes + fmt="yaml", a dict…
    loaded = read_data(DataBytes(blob, "xlsx"))          # bytes that carry their format
    loaded.model, loaded.context, loaded.warnings

Where data is handed over in a mapping (a bundle's or a batch's ``inputs``), bytes
travel as :class:`DataBytes`, which knows its format and, optionally, its name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen.data.result import LoadResult, failure, plain_result, read_result
from docgen.data.source import PLAIN, DataSource, source_name, typed_kind
from docgen.exceptions import Problem

if TYPE_CHECKING:
    from pydantic import BaseModel

    from docgen.data.config import DataConfig

StrPath = str | os.PathLike[str]

__all__ = ["PLAIN", "DataBytes", "DataSource", "Loaded", "loaded_from", "read_data"]


@dataclass(frozen=True)
class DataBytes:
    """Data in memory with its format (``yaml``, ``json``, ``toml``, ``xlsx``, ``csv``).

    ``name`` names it in messages (an upload's file name, say) and, like a path,
    gives the folder that relative references such as ``branch_file`` start from.
    """

    content: bytes
    fmt: str
    name: str | None = None


@dataclass(frozen=True)
class Loaded:
    """Data read through the one door.

    ``context`` is what a template receives (the view of a typed model, or the
    plain mapping as it is); ``model`` the validated model (``None`` for plain
    data); ``kind`` its kind; ``warnings`` the problems that did not stop it.
    """

    context: dict[str, Any]
    model: BaseModel | None
    kind: str | None
    warnings: tuple[Problem, ...] = ()

    @property
    def value(self) -> Any:
        """The model of typed data, else the plain mapping (what a bundle step receives)."""
        return self.model if self.model is not None else self.context


def read_data(
    source: DataSource | DataBytes,
    kind: str | None = None,
    *,
    fmt: str | None = None,
    name: str | None = None,
    config: DataConfig | None = None,
    branches: Iterable[StrPath] = (),
    wanted_by: str | None = None,
) -> Loaded:
    """Read, validate and check ``source``; return its model and template context.

    ``kind`` is the kind asked for (a template's manifest kind, ``--kind``, or
    ``plain`` for a context used as it is); ``wanted_by`` names the template
    asking, for the one message given when the data is another kind. ``fmt``
    is the format of bytes (``yaml``, ``json``, ``toml``, ``xlsx``, ``csv``);
    ``name`` names the source in messages (and, for bytes or a mapping, gives the
    folder that relative references such as ``branch_file`` are read from).

    Raises :class:`~docgen.exceptions.DataError` listing every problem at once
    (with file, line or sheet!cell, and field), and ``InputTooLargeError``.
    """
    if isinstance(source, DataBytes):
        fmt, name, source = fmt or source.fmt, name or source.name, source.content
    if branches:  # branch files are read before the data, as they always were
        from docgen.data.api import load_result

        return loaded_from(
            load_result(
                source,
                kind,
                fmt=fmt,
                name=name,
                config=config,
                branches=branches,
                wanted_by=wanted_by,
            )
        )
    raw = read_result(source, kind, fmt=fmt, name=name)
    path = Path(source_name(source, name))
    if isinstance(raw, LoadResult):
        return loaded_from(raw)
    if not typed_kind(raw, kind):
        return loaded_from(plain_result(raw, path))
    # Imported here: only typed data needs the models, the rules and the config.
    from docgen.data.config import DEFAULT_CONFIG
    from docgen.data.pipeline import Session

    session = Session(config or DEFAULT_CONFIG)
    return loaded_from(session.load(path, kind, raw, wanted_by=wanted_by))


def loaded_from(result: LoadResult) -> Loaded:
    """The :class:`Loaded` data of a pipeline result, or its ``DataError`` (every problem).

    For doors that run the pipeline themselves (the web service refuses some
    fields between reading and validating) and must still end the same way.
    """
    if result.errors or (result.model is None and result.plain is None):
        raise failure([result])
    warnings = tuple(result.problems)
    if result.model is None:
        assert result.plain is not None  # noqa: S101 -- checked just above
        return Loaded(result.plain, None, None, warnings)
    # Imported here: plain data (a context for one's own .docx) needs no kind's view.
    from docgen.views import context_for

    return Loaded(context_for(result.model), result.model, result.kind, warnings)

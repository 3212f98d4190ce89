"""The public entry points: load one source, validate many files, read a config file."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ValidationError

from docgen.data.config import DEFAULT_CONFIG, DataConfig
from docgen.data.kinds import detect_kind, resolve_kind
from docgen.data.loaders import RawDocument, read_source
from docgen.data.models import Branch
from docgen.data.pipeline import LoadResult, Session, university_config, unknown_kind
from docgen.data.result import failure
from docgen.data.source import DataSource
from docgen.exceptions import DataError, Location, Problem

StrPath = str | os.PathLike[str]


def load_data(
    source: DataSource,
    kind: str | None = None,
    *,
    fmt: str | None = None,
    name: str | None = None,
    config: DataConfig | None = None,
    branches: Iterable[StrPath] = (),
) -> BaseModel:
    """Load, validate and check ``source``; return its typed model.

    ``source`` is a path, bytes (with ``fmt``: ``yaml``, ``json``, ``toml``,
    ``xlsx``, ``csv``), a mapping or a model (validated again, domain rules
    included). ``kind`` (``minutes``, ``rectification``… or a Chinese name) is
    detected from the data when omitted: its ``kind:`` key, its sheet names or
    its headers. ``name`` names the source in messages; ``config`` overrides
    the default vocabularies and rules; ``branches`` are branch files the
    document may refer to by id (``branch: xxgc-jg1``).

    Raises ``DataError`` listing every error found (warnings do not raise), and
    ``InputTooLargeError`` for files beyond the size bounds.
    """
    result = load_result(source, kind, fmt=fmt, name=name, config=config, branches=branches)
    if result.plain is not None:
        result.problems.append(unknown_kind(None, Location(file=str(result.path))))
    if result.errors or result.model is None:
        raise failure([result])
    return result.model


def load_result(
    source: DataSource,
    kind: str | None = None,
    *,
    fmt: str | None = None,
    name: str | None = None,
    config: DataConfig | None = None,
    branches: Iterable[StrPath] = (),
    wanted_by: str | None = None,
) -> LoadResult:
    """Like :func:`load_data`, but return the result with every problem (warnings too).

    Nothing is raised for bad data. Data without a kind is not an error here:
    its mapping comes back as ``plain`` (see :func:`~docgen.data.source.typed_kind`).
    ``wanted_by`` names the template asking for ``kind`` in a mismatch message.
    """
    session = Session(config or DEFAULT_CONFIG)
    for branch_path in branches:
        session.branches.load_file(Path(branch_path))
    return session.load_source(source, kind, fmt=fmt, name=name, wanted_by=wanted_by)


def validate_files(
    paths: Iterable[StrPath], *, kind: str | None = None, config: DataConfig | None = None
) -> list[Problem]:
    """Every problem (errors and warnings) of every file in ``paths``, in one run.

    University files among ``paths`` apply their ``settings`` to the others, and
    branch files are known to the others by id. Files that cannot be read at
    all contribute the reason as a problem; nothing is raised for bad data. A file
    that another file among ``paths`` reads as its input (a record's 签到文件, an
    appraisal's 统计表文件) is checked through that file, its cells' problems reported
    there, not as data of its own.
    """
    results = load_files(paths, kind=kind, config=config)
    return [p for result in results.values() for p in result.problems]


def load_files(
    paths: Iterable[StrPath], *, kind: str | None = None, config: DataConfig | None = None
) -> dict[Path, LoadResult]:
    """Each file of ``paths`` loaded in one run, as :func:`validate_files` reads them: the
    result of every file (in the order given) that is not another's input.

    University files are loaded first and their ``settings`` apply to the rest, then
    branch files, known to the others by id; nothing is raised for bad data.
    """
    session = Session(config or DEFAULT_CONFIG)
    files = [Path(p) for p in paths]
    sources = {p: session.read(p, kind) for p in files}
    results: dict[Path, LoadResult] = {}
    for wanted in ("university", "branch", None):
        for path, source in sources.items():
            if path in results or (wanted is not None and _peek(source, kind) != wanted):
                continue
            results[path] = session.load(
                path, kind, source if isinstance(source, RawDocument) else None
            )
            if wanted == "university":
                session.config = university_config(results[path], session.config)
            elif isinstance(results[path].model, Branch):
                session.branches.add(results[path].model)  # type: ignore[arg-type]
    inputs = {i for path, result in results.items() for i in _inputs(result.model, path)}
    return {path: results[path] for path in files if path.resolve() not in inputs}


#: Fields naming a file that the data reads as part of itself, relative to the data file.
INPUT_FIELDS = ("sign_in_file", "tally_file")


def _inputs(model: BaseModel | None, path: Path) -> set[Path]:
    """The files the data at ``path`` reads as its input (:data:`INPUT_FIELDS`), resolved."""
    names = [getattr(model, field, None) for field in INPUT_FIELDS]
    return {(path.parent / n).resolve() for n in names if isinstance(n, str) and n.strip()}


def load_config(path: StrPath) -> DataConfig:
    """A :class:`DataConfig` from a file: a university file's ``settings``, or a bare mapping.

    Raises ``DataError`` when the file cannot be read or holds invalid settings.
    """
    raw = read_source(Path(path))
    data = raw.data if isinstance(raw.data, dict) else {}
    settings = data.get("settings", data.get("配置", data))
    if not isinstance(settings, dict) or (data.get("kind") is not None and "settings" not in data):
        settings = {}
    try:
        return DEFAULT_CONFIG.merged({k: v for k, v in settings.items() if k != "kind"})
    except ValidationError as err:
        problem = Problem(
            "bad_config",
            f"配置文件有误：{err.errors()[0]['msg']}",
            f"invalid config file: {err.errors()[0]['msg']}",
            Location(file=str(path)),
        )
        raise DataError(
            f"无法读取配置文件 {path}", f"cannot read config file {path}", [problem]
        ) from None


def _peek(source: RawDocument | LoadResult, kind: str | None) -> str | None:
    if kind is not None:
        found = resolve_kind(kind)
        return found[0] if found else None
    if isinstance(source, RawDocument) and isinstance(source.data, dict):
        return detect_kind(source.data)
    return None


__all__ = ["StrPath", "failure", "load_config", "load_data", "load_files", "load_result",
           "validate_files"]  # fmt: skip

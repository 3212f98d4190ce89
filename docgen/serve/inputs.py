"""Request data through docgen's one data door: JSON bodies and uploaded files alike.

Both become a file in the request's scratch folder and are read and validated
by a :class:`~docgen.data.pipeline.Session` and ended by
:func:`docgen.context.loaded_from`, exactly as ``docgen validate`` and
``docgen render`` read a file (one rule for typed or plain data), so the page,
the API and the CLI give the same problems for the same data. Fields that name other
files (``branch_file``…) are refused: a request
must not make the server read files of its choosing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docgen.context import loaded_from
from docgen.data.kinds import KINDS, resolve_kind
from docgen.data.pipeline import LoadResult, Session
from docgen.exceptions import DataError, Location, Problem

#: The name a JSON body is called by in messages (``request.json:3:5``).
BODY_NAME = "request.json"
#: Keys (English and Chinese) whose value docgen opens as a file relative to the data file.
FILE_KEYS = frozenset({"branch_file", "支部文件", "roster_file", "名册文件"})


def known_kind(kind: str | None) -> str | None:
    """The canonical kind for any accepted spelling; a 422 ``DataError`` for an unknown one."""
    if kind is None:
        return None
    found = resolve_kind(kind)
    if found is None or found[0] not in KINDS:
        raise DataError(
            f"未知的数据类型“{kind}”",
            f"unknown data kind {kind!r}",
            [
                Problem(
                    "unknown_kind",
                    f"未知的数据类型“{kind}”，可用：{'、'.join(KINDS)}",
                    f"unknown data kind {kind!r}; use one of {', '.join(KINDS)}",
                )
            ],
        )
    return found[0]


def body_file(data: Mapping[str, Any], folder: Path) -> Path:
    """Write a JSON body into ``folder`` so it can go through the data door."""
    path = folder / BODY_NAME
    path.write_text(json.dumps(data, ensure_ascii=False, default=str, indent=1), "utf-8")
    return path


def load(path: Path, display: str, kind: str | None) -> LoadResult:
    """Read and validate one request file (every problem, warnings too)."""
    session = Session(find_branch_files=False)
    raw = session.read(path, kind, name=display)
    if isinstance(raw, LoadResult):
        return raw
    refused = _file_fields(raw.data, display)
    if refused:
        return LoadResult(path, kind, None, refused)
    return session.load(path, kind, raw)


def render_context(path: Path, display: str, kind: str | None) -> dict[str, Any]:
    """The template context of a request file: typed data through its view, or plain data.

    ``kind`` (from the template's manifest) makes the data typed; without it the
    file decides (as ``docgen render`` does). Raises ``DataError`` with every problem.
    """
    return loaded_from(load(path, display, kind)).context


def _file_fields(data: object, display: str) -> list[Problem]:
    found: list[Problem] = []
    for key, path in _file_keys(data, ""):
        found.append(
            Problem(
                "file_reference_refused",
                f"服务器不读取数据中指定的文件（字段 {key}），请删去该字段或直接填写内容",
                f"the server reads no file named in the data (field {key}); remove it or "
                "give the content itself",
                Location(file=display),
                path,
            )
        )
    return found


def _file_keys(data: object, base: str) -> list[tuple[str, str]]:
    if isinstance(data, list):
        return [hit for i, item in enumerate(data) for hit in _file_keys(item, f"{base}[{i}]")]
    if not isinstance(data, dict):
        return []
    hits: list[tuple[str, str]] = []
    for key, value in data.items():
        path = f"{base}.{key}" if base else str(key)
        if key in FILE_KEYS:
            hits.append((str(key), path))
        hits.extend(_file_keys(value, path))
    return hits

"""Read a render context (plain data) from a YAML, JSON or TOML file.

This is the untyped path ``docgen render`` uses; the typed models with their
validation live in :mod:`docgen.data`.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import yaml

from docgen.exceptions import DataError, InputTooLargeError, Location, Problem

MAX_BYTES = 50 * 1024 * 1024


def load_context(path: str | Path) -> dict[str, Any]:
    """The mapping stored in ``path`` (``.yaml``/``.yml``, ``.json`` or ``.toml``).

    Raises :class:`DataError` naming the file, line and column of a syntax
    error, or when the file does not hold a mapping at its top level.
    """
    file = Path(path)
    try:
        size = file.stat().st_size
    except OSError as err:
        raise _error(
            file,
            "file_not_found",
            f"找不到数据文件：{err.strerror}",
            f"cannot read data file: {err.strerror}",
        ) from err
    if size > MAX_BYTES:
        raise InputTooLargeError(
            f"数据文件过大（{size} 字节，上限 {MAX_BYTES}）：{file}",
            f"data file too large ({size} bytes, limit {MAX_BYTES}): {file}",
        )
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise _error(file, "bad_encoding", f"数据文件不是 UTF-8 编码（第 {err.start + 1} 个字节）",
                     f"data file is not UTF-8 (byte {err.start + 1})") from err
    data = _parse(file, text)
    if not isinstance(data, dict):
        raise _error(
            file,
            "not_a_mapping",
            "数据文件的顶层必须是键值对（映射）",
            "the top level of a data file must be a mapping",
        )
    return data


def _parse(file: Path, text: str) -> Any:
    suffix = file.suffix.lower()
    try:
        if suffix == ".json":
            return json.loads(text)
        if suffix == ".toml":
            return tomllib.loads(text)
        return yaml.safe_load(text)
    except json.JSONDecodeError as err:
        raise _error(
            file,
            "bad_json",
            f"JSON 语法错误：{err.msg}",
            f"JSON syntax error: {err.msg}",
            err.lineno,
            err.colno,
        ) from err
    except tomllib.TOMLDecodeError as err:
        raise _error(
            file, "bad_toml", f"TOML 语法错误：{err}", f"TOML syntax error: {err}"
        ) from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = getattr(err, "problem", None) or str(err)
        raise _error(
            file,
            "bad_yaml",
            f"YAML 语法错误：{problem}",
            f"YAML syntax error: {problem}",
            line,
            column,
        ) from err


def _error(
    file: Path, code: str, zh: str, en: str, line: int | None = None, column: int | None = None
) -> DataError:
    where = Location(file=str(file), line=line, column=column)
    return DataError(
        f"数据文件有误：{file}", f"invalid data file: {file}", [Problem(code, zh, en, where)]
    )

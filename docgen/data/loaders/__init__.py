"""Reading data files of every supported format into plain data with positions.

:func:`read_source` checks the size bounds first, then dispatches on the file
suffix: ``.yaml``/``.yml``, ``.json``, ``.toml``, ``.xlsx``/``.xlsm``, ``.csv``.
:func:`parse_source` does the same for bytes already in memory, given their format.
Each format's reader is imported when a file of that format is read: a YAML
context does not load the spreadsheet readers (nor, through their table
headers, the models).
"""

from __future__ import annotations

import io
from pathlib import Path

from docgen.data.loaders.base import RawDocument, TableInfo, unreadable
from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits, check_byte_size, check_file_size
from docgen.data.loaders.text import decode_text
from docgen.exceptions import Location, Problem

#: File suffixes docgen reads, by format.
SUFFIXES = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".toml": "toml",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".csv": "csv",
}


def read_source(
    path: Path,
    *,
    display: str | None = None,
    kind: str | None = None,
    fmt: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> RawDocument:
    """Read the data file ``path`` (named ``display`` in messages) without validating it.

    ``kind`` helps CSV files whose headers do not tell their table; ``fmt``
    overrides the format the suffix implies. Raises
    ``InputTooLargeError`` for files beyond ``limits`` and ``DataError`` for files
    that cannot be read, are not in a known format, or have a syntax error.
    """
    name = display if display is not None else str(path)
    fmt = _format(fmt if fmt is not None else path.suffix)
    if fmt is None:
        raise unreadable(name, _unknown_format(name, path.suffix))
    try:
        check_file_size(path, name, limits)
        if fmt == "xlsx":
            from docgen.data.loaders.xlsx_source import load_xlsx

            return load_xlsx(path, name, limits)
        raw = path.read_bytes()
    except OSError as err:
        raise unreadable(name, _os_problem(name, err)) from None
    return parse_source(raw, fmt, name, kind=kind, limits=limits)


def parse_source(
    raw: bytes,
    fmt: str,
    display: str,
    *,
    kind: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> RawDocument:
    """Parse the bytes ``raw`` of format ``fmt`` (a :data:`SUFFIXES` value or suffix).

    The same bounds, decoding and errors as :func:`read_source`, without a file.
    """
    known = _format(fmt)
    if known is None:
        raise unreadable(display, _unknown_format(display, fmt))
    fmt = known
    check_byte_size(len(raw), display, limits)
    if fmt == "xlsx":
        from docgen.data.loaders.xlsx_source import load_xlsx

        return load_xlsx(io.BytesIO(raw), display, limits)
    text = decode_text(raw, display, allow_gb=fmt in ("yaml", "csv"))
    if fmt == "yaml":
        from docgen.data.loaders.yaml_source import load_yaml

        return load_yaml(text, display, limits)
    if fmt == "json":
        from docgen.data.loaders.json_source import load_json

        return load_json(text, display, limits)
    if fmt == "toml":
        from docgen.data.loaders.toml_source import load_toml

        return load_toml(text, display)
    from docgen.data.loaders.csv_source import load_csv

    return load_csv(text, display, kind)


def _format(text: str) -> str | None:
    """The format of a suffix (``.yml``) or a format name (``yaml``, ``XLSX``)."""
    key = text.strip().lower()
    if key in SUFFIXES.values():
        return key
    return SUFFIXES.get(key if key.startswith(".") else f".{key}")


def _unknown_format(name: str, suffix: str) -> Problem:
    known = "、".join(SUFFIXES)
    return Problem(
        "unknown_format",
        f"不支持的文件类型“{suffix or '（无扩展名）'}”，可用：{known}",
        f"unsupported file type {suffix or '(no suffix)'!r}; use one of {', '.join(SUFFIXES)}",
        Location(file=name),
    )


def _os_problem(name: str, err: OSError) -> Problem:
    return Problem(
        "cannot_open",
        f"无法打开文件：{err.strerror or err}",
        f"cannot open the file: {err.strerror or err}",
        Location(file=name),
    )


__all__ = ["SUFFIXES", "Limits", "RawDocument", "TableInfo", "parse_source", "read_source"]

"""Stable hashes of render data and of files, for manifests and resume decisions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docgen.results import file_sha256


def data_hash(value: Any, *extra: str) -> str:
    """A sha256 of ``value`` as canonical JSON (keys sorted), with ``extra`` strings mixed in.

    Typed models hash as their JSON dump, dates as ISO text, so the same data
    loaded from YAML or Excel gives the same hash.
    """
    text = json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain
    )
    digest = hashlib.sha256(text.encode("utf-8"))
    for item in extra:
        digest.update(b"\0" + item.encode("utf-8"))
    return digest.hexdigest()


def bytes_hash(blob: bytes) -> str:
    """The sha256 of ``blob`` in hex."""
    return hashlib.sha256(blob).hexdigest()


def file_hash(path: Path) -> str | None:
    """The sha256 of the file at ``path``, or ``None`` when it cannot be read."""
    try:
        return file_sha256(path)
    except OSError:
        return None


def _plain(value: Any) -> Any:
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return dump(mode="json")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    if isinstance(value, bytes):
        return "sha256:" + bytes_hash(value)
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Mapping):
        return dict(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"__type__": type(value).__name__, **dataclasses.asdict(value)}
    state = getattr(value, "__dict__", None)
    if isinstance(state, dict):
        # Rich values (RichText, InlineImage…): their attributes say what renders.
        return {"__type__": type(value).__name__, **state}
    return f"{type(value).__name__}:{value!r}"


__all__ = ["bytes_hash", "data_hash", "file_hash"]

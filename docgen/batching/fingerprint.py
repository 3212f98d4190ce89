"""A row's fingerprint: a hash of everything its outputs are made from.

Recipe, row values, the input files the row names, the templates, the render
options and the docgen version. When the fingerprint matches the manifest and
every recorded output is on disk intact, the row is skipped without being sent
to a worker at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from docgen.bundle.compiled import Recipe
from docgen.bundle.hashing import data_hash, file_hash
from docgen.bundle.inputs import Given
from docgen.bundle.plan import input_paths, resolve_vars
from docgen.bundle.production import RenderOptions
from docgen.bundle.rows import RowSource
from docgen.exceptions import DocgenError


def row_fingerprint(
    recipe: Recipe,
    values: Mapping[str, Any],
    options: RenderOptions,
    source: RowSource | None = None,
    given: Mapping[str, Given] | None = None,
) -> str | None:
    """The fingerprint of a run for roster row ``values``; ``None`` when it cannot be known.

    ``given`` are the ``--input`` files (or data in memory) shared by every row.
    ``None`` (a required value missing, an input path that fails) means the row is
    always run, and the worker reports what is wrong.
    """
    from docgen import __version__

    try:
        origins: dict[str, str] = {}
        variables = resolve_vars(recipe, None, values, source=source, origins=origins)
        files = input_paths(recipe, variables, values, given, source=source, origins=origins)
    except DocgenError:
        return None
    hashes = [_cached_file_hash(p) if isinstance(p, Path) else data_hash(p) for p in files]
    templates = sorted(recipe.template_digests.values())
    return data_hash(
        dict(values), recipe.digest, *templates, *map(str, hashes), options.tag, __version__
    )


def _cached_file_hash(path: Path) -> str | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return _hash_at(str(path.resolve()), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=1024)
def _hash_at(path: str, size: int, mtime_ns: int) -> str | None:
    del size, mtime_ns  # cache key only
    return file_hash(Path(path))


__all__ = ["row_fingerprint"]

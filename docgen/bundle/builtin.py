"""Bundles in the library: recipes found by name (``docgen bundle zuzhi-shenghuohui``).

A library bundle is ``bundles/<name>.yaml`` in a template library folder: the
folders given with ``--templates``, those in ``DOCGEN_TEMPLATES``, then the
library shipped with docgen (``templates/bundles/`` in a source checkout,
``docgen/_templates/bundles/`` in an installed wheel). An earlier folder hides
a later one's bundle of the same name, as with templates.

The shipped bundles read only what they are given: each input with ``--input
NAME=FILE`` (relative to the current folder), or a roster column in a batch.
Their ``sample`` values point at the sample school under ``fixtures/`` and are
used only with ``--sample`` (a source checkout; an installed wheel has none).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from docgen.exceptions import RecipeError
from docgen.library import search_roots

BUNDLES_FOLDER = "bundles"
_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class BundleInfo:
    """A library bundle: its ``name`` (file stem), file, title and description."""

    name: str
    path: Path
    title: str
    description: str


def find_bundle(name: str | os.PathLike[str], extra: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """The recipe file for ``name``: an existing file, or a library bundle's name.

    Raises :class:`RecipeError` naming the folders searched and the bundles there.
    """
    direct = Path(name)
    if direct.is_file():
        return direct
    roots = search_roots(extra)
    key = str(name).strip("/").removesuffix(".yaml").removesuffix(".yml")
    for root in roots:
        for suffix in _SUFFIXES:
            candidate = root / BUNDLES_FOLDER / f"{key}{suffix}"
            if candidate.is_file():
                return candidate
    known = "、".join(b.name for b in list_bundles(extra)) or "无"
    searched = "、".join(str(r / BUNDLES_FOLDER) for r in roots)
    raise RecipeError(
        f"找不到配方 {name}（既不是文件，也不是库中的套件；库中有：{known}；已查找：{searched}）",
        f"recipe {name} not found (not a file, not a library bundle; the library has: "
        f"{known.replace('、', ', ')}; searched: {searched})",
    )


def list_bundles(extra: Iterable[str | os.PathLike[str]] = ()) -> list[BundleInfo]:
    """Every library bundle, by name; a recipe that cannot be read is listed untitled."""
    found: dict[str, BundleInfo] = {}
    for root in search_roots(extra):
        folder = root / BUNDLES_FOLDER
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix in _SUFFIXES and path.stem not in found and path.is_file():
                found[path.stem] = _describe(path)
    return [found[k] for k in sorted(found)]


def _describe(path: Path) -> BundleInfo:
    try:
        head = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        head = None
    head = head if isinstance(head, dict) else {}
    return BundleInfo(
        path.stem, path, str(head.get("name") or ""), str(head.get("description") or "")
    )


__all__ = ["BUNDLES_FOLDER", "BundleInfo", "find_bundle", "list_bundles"]

"""Find templates by path or by library name (``plans/zhenggai-cuoshi``).

Search order: folders given by the caller (``--templates``), then the folders
in ``DOCGEN_TEMPLATES`` (separated by ``os.pathsep``), then the library shipped
with docgen. A library template is a folder ``<genre>/<name>/`` holding
``template.docx`` and ``manifest.toml``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from docgen.exceptions import TemplateNotFound

TEMPLATE_FILE = "template.docx"


def shipped_root() -> Path:
    """The shipped library: inside the package when installed from a wheel, else the repo's."""
    packaged = Path(__file__).parent / "_templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


def search_roots(extra: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """Template folders in the order they are searched."""
    roots = [Path(p) for p in extra]
    env = os.environ.get("DOCGEN_TEMPLATES", "")
    roots.extend(Path(p) for p in env.split(os.pathsep) if p)
    roots.append(shipped_root())
    return roots


def find_template(
    name: str | os.PathLike[str], extra: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """The .docx file for ``name``: an existing path, or a library name.

    Raises :class:`TemplateNotFound` listing the folders searched.
    """
    direct = Path(name)
    if direct.is_file():
        return direct
    if direct.is_dir() and (direct / TEMPLATE_FILE).is_file():
        return direct / TEMPLATE_FILE
    roots = search_roots(extra)
    key = str(name).strip("/")
    for root in roots:
        for candidate in (root / key / TEMPLATE_FILE, *root.glob(f"*/{key}/{TEMPLATE_FILE}")):
            if candidate.is_file():
                return candidate
    searched = "、".join(str(r) for r in roots)
    raise TemplateNotFound(
        f"找不到模板 {name}（既不是文件，也不在模板库中；已查找：{searched}）",
        f"template {name} not found (not a file, not in the library; searched: {searched})",
    )

"""What the server offers: the library's templates and bundles, and uploaded templates.

A request names a template as a library name (``reports/zhiweihui-jilu``) or as
``upload:<sha256>``. Names are looked up in the listed library only (never taken
as a path), so a request cannot make the server open a file of its choosing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from docgen.bundle import BundleInfo, list_bundles
from docgen.exceptions import TemplateNotFound
from docgen.library import Manifest, list_templates
from docgen.serve.store import WorkStore

UPLOAD_PREFIX = "upload:"


@dataclass(frozen=True)
class TemplateRef:
    """A resolved template: its file, and its manifest when it is a library template."""

    name: str
    path: Path
    manifest: Manifest | None

    @property
    def kind(self) -> str | None:
        """The data kind the template reads (library templates only)."""
        return self.manifest.kind if self.manifest is not None else None


@functools.cache
def library() -> dict[str, Manifest]:
    """The library's templates by name (read once per process)."""
    return {m.name: m for m in list_templates()}


@functools.cache
def bundles() -> dict[str, BundleInfo]:
    """The library's bundles by name."""
    return {b.name: b for b in list_bundles()}


def resolve(name: str, store: WorkStore) -> TemplateRef:
    """The template a request names; ``TemplateNotFound`` (404) for anything else."""
    if name.startswith(UPLOAD_PREFIX):
        digest = name[len(UPLOAD_PREFIX) :]
        return TemplateRef(name, store.template(digest), None)
    manifest = library_template(name)
    return TemplateRef(manifest.name, manifest.template, manifest)


def library_template(name: str) -> Manifest:
    """The manifest of library template ``name``; ``TemplateNotFound`` (404) otherwise."""
    manifest = library().get(name.strip("/"))
    if manifest is None:
        raise TemplateNotFound(
            f"模板库中没有模板“{name[:80]}”（GET /api/templates 列出全部）",
            f"no template {name[:80]!r} in the library (GET /api/templates lists them)",
        )
    return manifest


def bundle(name: str) -> BundleInfo:
    """The library bundle ``name``; ``TemplateNotFound`` (404) when there is none."""
    found = bundles().get(name)
    if found is None:
        raise TemplateNotFound(
            f"没有名为“{name[:80]}”的套件（GET /api/bundles 列出全部）",
            f"no bundle {name[:80]!r} (GET /api/bundles lists them)",
        )
    return found

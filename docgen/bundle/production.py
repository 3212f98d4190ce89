"""Rendering a plan: documents (skipping the ones already up to date), then the packages.

A document that fails does not stop the others; its failure is recorded with
the step, the file name and the reason. Outputs come back as bytes: the caller
writes them (atomically), which lets batch workers run on other machines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from docgen.api import load, render_compiled
from docgen.bundle.hashing import bytes_hash, data_hash
from docgen.bundle.marks import mark_tag
from docgen.bundle.packaging import make_merged, make_zip
from docgen.bundle.plan import Document, Plan
from docgen.exceptions import BundleError, DocgenError, ExitCode
from docgen.results import Failure, exit_code_of
from docgen.stamp import render_time


@dataclass(frozen=True)
class Known:
    """What the manifest says about an output that is on disk with the recorded sha256."""

    template_digest: str
    data_hash: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Artifact:
    """One output: a document, the zip or the merged .docx.

    ``blob`` is ``None`` when the output was already up to date and not rendered.
    """

    relpath: str
    kind: str
    step: str | None
    template: str | None
    template_digest: str
    data_hash: str
    sha256: str
    size: int
    blob: bytes | None = None


@dataclass
class Production:
    """What one run of a plan produced."""

    artifacts: list[Artifact] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def exit_code(self) -> ExitCode:
        """0 when everything was produced, else the exit code of the first failure."""
        return exit_code_of(self.failures)


@dataclass(frozen=True)
class RenderOptions:
    """Options that change the rendered bytes (and so take part in the data hash)."""

    strip_invalid: bool = False
    check: bool = True
    keep_web_links: bool = False
    #: Lay a merged volume out with LibreOffice so its 目录 prints page numbers
    #: (:mod:`docgen.bundle.volume`); asked for with ``--pdf``, which needs LibreOffice anyway.
    paginate: bool = False
    #: The created/modified moment of every document (:mod:`docgen.stamp`); ``None``: the
    #: time :func:`produce` starts. Not part of :attr:`tag`: a document whose template and
    #: data are unchanged stays up to date whenever it was made.
    moment: dt.datetime | None = None

    @property
    def tag(self) -> str:
        """The options as a short string mixed into data hashes."""
        tag = f"strip={int(self.strip_invalid)};check={int(self.check)}"
        tag += f";weblinks={int(self.keep_web_links)}"
        return tag + ";paginate=1" if self.paginate else tag


def produce(
    plan: Plan, known: Mapping[str, Known] | None = None, options: RenderOptions | None = None
) -> Production:
    """Render ``plan``'s documents and packages; skip outputs that ``known`` shows up to date."""
    known = known or {}
    options = options or RenderOptions()
    if options.moment is None:
        # One moment for the whole plan: its documents and the volume made of them agree.
        options = replace(options, moment=render_time())
    out = Production()
    fresh = {d.name: _up_to_date(plan, d, known, options) for d in plan.documents}
    packages = _package_keys(plan, known, options)
    needs_blobs = any(entry is None for _key, entry in packages.values())
    blobs: dict[str, bytes] = {}
    for doc in plan.documents:
        if fresh[doc.name] is not None and not needs_blobs:
            continue
        try:
            blobs[doc.name] = render_compiled(
                load(doc.step.template_path),
                doc.context,
                strip_invalid=options.strip_invalid,
                check=options.check,
                keep_web_links=options.keep_web_links or plan.recipe.keep_web_links,
                watermark=doc.watermark,
                moment=options.moment,
            )
        except DocgenError as err:
            out.failures.append(
                Failure.from_error(err, step=doc.step.id, output=plan.relpath(doc.name))
            )
    if plan.recipe.write_documents:
        for doc in plan.documents:
            artifact = _document(plan, doc, blobs.get(doc.name), fresh[doc.name], options)
            if artifact is not None:
                out.artifacts.append(artifact)
    if packages:
        _package(plan, blobs, packages, out, options)
    return out


def _up_to_date(
    plan: Plan, doc: Document, known: Mapping[str, Known], options: RenderOptions
) -> Known | None:
    entry = known.get(plan.relpath(doc.name))
    wanted = data_hash(None, doc.data_hash, options.tag)
    if entry and entry.template_digest == doc.template_digest and entry.data_hash == wanted:
        return entry
    return None


def _document(
    plan: Plan, doc: Document, blob: bytes | None, fresh: Known | None, options: RenderOptions
) -> Artifact | None:
    if blob is None and fresh is None:
        return None  # it failed; the failure is recorded
    if fresh is not None:
        sha, size = fresh.sha256, fresh.size
    else:
        assert blob is not None  # noqa: S101 -- narrowed by the check above
        sha, size = bytes_hash(blob), len(blob)
    return Artifact(
        relpath=plan.relpath(doc.name),
        kind="document",
        step=doc.step.id,
        template=doc.step.template,
        template_digest=doc.template_digest,
        data_hash=data_hash(None, doc.data_hash, options.tag),
        sha256=sha,
        size=size,
        blob=blob if fresh is None else None,
    )


def _package_keys(
    plan: Plan, known: Mapping[str, Known], options: RenderOptions
) -> dict[str, tuple[str, Known | None]]:
    """Each package's name → (its data hash, its manifest entry when up to date).

    Rendering is deterministic, so a package is up to date when the documents'
    templates and data and the packaging options are what they were.
    """
    merged = plan.recipe.merged
    pieces = [
        (d.name, d.template_digest, d.data_hash, d.step.merge.model_dump()) for d in plan.documents
    ]
    merged_key = data_hash(pieces, "merged", str(merged), options.tag) if merged else ""
    if merged and plan.watermark is not None:
        merged_key = data_hash(merged_key, mark_tag(plan.watermark))
    keys: dict[str, str] = {}
    if plan.merged_name is not None:
        keys[plan.merged_name] = merged_key
    if plan.zip_name is not None:
        keys[plan.zip_name] = data_hash(
            pieces, "zip", merged_key, str(plan.merged_name), options.tag
        )
    out: dict[str, tuple[str, Known | None]] = {}
    for name, key in keys.items():
        entry = known.get(plan.relpath(name))
        out[name] = (key, entry if entry is not None and entry.data_hash == key else None)
    return out


def _package(
    plan: Plan,
    blobs: Mapping[str, bytes],
    packages: Mapping[str, tuple[str, Known | None]],
    out: Production,
    options: RenderOptions,
) -> None:
    needed = [name for name, (_key, fresh) in packages.items() if fresh is None]
    if not needed:
        for name, (key, fresh) in packages.items():
            kind = "zip" if name == plan.zip_name else "merged"
            out.artifacts.append(_package_artifact(plan, name, kind, key, fresh, None))
        return
    missing = [d.name for d in plan.documents if d.name not in blobs]
    if missing:
        out.failures.append(_incomplete(missing, needed))
        return
    entries = [(d.name, blobs[d.name]) for d in plan.documents]
    if plan.merged_name is not None:
        merged_blob = _merge(plan, blobs, out, options)
        if merged_blob is None:
            return
        key, fresh = packages[plan.merged_name]
        out.artifacts.append(
            _package_artifact(plan, plan.merged_name, "merged", key, fresh, merged_blob)
        )
        entries.append((plan.merged_name, merged_blob))
    if plan.zip_name is not None:
        key, fresh = packages[plan.zip_name]
        blob = make_zip(entries) if fresh is None else None
        out.artifacts.append(_package_artifact(plan, plan.zip_name, "zip", key, fresh, blob))


def _incomplete(missing: list[str], needed: list[str]) -> Failure:
    return Failure(
        "package_incomplete",
        BundleError.exit_code,
        f"有 {len(missing)} 份文档生成失败（{'、'.join(missing)}），未能打包 {'、'.join(needed)}",
        f"{len(missing)} document(s) failed ({', '.join(missing)}); "
        f"{', '.join(needed)} not packaged",
    )


def _merge(
    plan: Plan, blobs: Mapping[str, bytes], out: Production, options: RenderOptions
) -> bytes | None:
    merged = plan.recipe.merged
    assert merged is not None  # noqa: S101 -- only called when the recipe merges
    cover: bytes | tuple[str, tuple[str, ...]] | None = plan.cover_page
    if merged.cover is not None:
        cover = next((blobs[d.name] for d in plan.documents if d.step.id == merged.cover), None)
    parts = [
        (blobs[d.name], d.step.merge, d.name.removesuffix(".docx"))
        for d in plan.documents
        # A workbook cannot be bound into the volume; it stays a file of its own.
        if d.step.merge.include and d.step.id != merged.cover and d.name.endswith(".docx")
    ]
    try:
        title = plan.cover_page[0] if plan.cover_page is not None else plan.recipe.name
        return make_merged(
            parts,
            merged,
            cover,
            title=title,
            paginate=options.paginate,
            watermark=plan.watermark,
            moment=options.moment,
        )
    except DocgenError as err:
        out.failures.append(Failure.from_error(err, output=plan.relpath(str(plan.merged_name))))
        return None


def _package_artifact(
    plan: Plan, name: str, kind: str, key: str, fresh: Known | None, blob: bytes | None
) -> Artifact:
    if fresh is not None:
        return Artifact(plan.relpath(name), kind, None, None, "", key, fresh.sha256, fresh.size)
    assert blob is not None  # noqa: S101 -- a package that is not fresh was just built
    return Artifact(
        plan.relpath(name), kind, None, None, "", key, bytes_hash(blob), len(blob), blob
    )


__all__ = ["Artifact", "Known", "Production", "RenderOptions", "produce"]

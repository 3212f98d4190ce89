"""``/api/templates``, ``/api/kinds``, ``/api/bundles``: what can be made, and from what data."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse

from docgen.api import check_template
from docgen.bundle import Bundle
from docgen.context import read_data
from docgen.data.kinds import KINDS
from docgen.data.pipeline import LoadResult, Session
from docgen.data.schema import schema_for
from docgen.library import Manifest
from docgen.serve import inputs
from docgen.serve.catalog import (
    UPLOAD_PREFIX,
    TemplateRef,
    bundle,
    bundles,
    library,
    library_template,
)
from docgen.serve.errors import error_body, problems_json, request_language
from docgen.serve.formschema import form_data, form_schema
from docgen.serve.guard import read_upload
from docgen.serve.inputs import known_kind
from docgen.serve.models import (
    BundleOut,
    ErrorOut,
    KindOut,
    TemplateDetailOut,
    TemplateOut,
    UploadOut,
)
from docgen.serve.production import render_docx
from docgen.serve.services import Services, Svc

router = APIRouter(prefix="/api", responses={404: {"model": ErrorOut}, 422: {"model": ErrorOut}})


def _summary(m: Manifest) -> dict[str, Any]:
    return {
        "name": m.name,
        "genre": m.genre,
        "title": m.title,
        "description": m.description,
        "kind": m.kind,
        "thumbnail": f"/api/templates/{m.name}/thumbnail.png",
    }


@router.get("/templates", response_model=list[TemplateOut], tags=["templates"])
def list_library() -> list[dict[str, Any]]:
    """Every library template: genre, title, one-line purpose, data kind, thumbnail."""
    return [_summary(m) for m in library().values()]


@router.get("/templates/{genre}/{name}", response_model=TemplateDetailOut, tags=["templates"])
def show_template(genre: str, name: str) -> dict[str, Any]:
    """A template's fields, its example data and the links to its schemas."""
    manifest = _manifest(genre, name)
    example = manifest.example_path
    return {
        **_summary(manifest),
        "fields": [vars(f) for f in manifest.fields],
        "example": _example(example) if example is not None else None,
        "schema_url": f"/api/kinds/{manifest.kind}/schema",
        "form_schema_url": f"/api/templates/{manifest.name}/form-schema",
    }


@router.get("/templates/{genre}/{name}/form-schema", tags=["templates"])
def template_form_schema(genre: str, name: str, request: Request) -> dict[str, Any]:
    """The form schema of the fields this template reads (English keys, titles in the language)."""
    manifest = _manifest(genre, name)
    only = [f.name for f in manifest.fields]
    return form_schema(manifest.kind, request_language(request), only=only)


@router.get("/templates/{genre}/{name}/thumbnail.png", tags=["templates"])
def thumbnail(svc: Svc, genre: str, name: str) -> FileResponse:
    """The first page of the template filled with its example data, as a small PNG."""
    manifest = _manifest(genre, name)
    return FileResponse(_thumbnail(svc, manifest), media_type="image/png")


@router.post(
    "/templates",
    response_model=UploadOut,
    status_code=201,
    tags=["templates"],
    responses={413: {"model": ErrorOut}},
)
async def upload_template(
    svc: Svc, request: Request, file: Annotated[UploadFile, File()]
) -> JSONResponse:
    """Upload your own .docx template. It is checked first (``docgen check``): with errors the
    answer is 422 listing every problem at once; otherwise it is stored by its sha256."""
    limit = svc.settings.limits.template_bytes
    content = await read_upload(file, limit, "模板文件", "template file")
    problems = await run_in_threadpool(check_template, content)
    lang = request_language(request)
    listed = problems_json(problems, lang)
    digest = hashlib.sha256(content).hexdigest()
    if any(p.severity == "error" for p in problems):
        message = "模板有错误，未保存" if lang == "zh" else "the template has errors; not stored"
        return JSONResponse(error_body("template_syntax", message, listed), status_code=422)
    svc.store.save_template(content)
    stored = {"sha256": digest, "template": UPLOAD_PREFIX + digest, "problems": listed}
    return JSONResponse(stored, status_code=201)


@router.get("/kinds", response_model=list[KindOut], tags=["data"])
def list_kinds(request: Request) -> list[dict[str, str]]:
    """The data kinds and their names."""
    zh = request_language(request) == "zh"
    return [{"name": k, "label": v.label_zh if zh else v.label_en} for k, v in KINDS.items()]


@router.get("/kinds/{kind}/schema", tags=["data"])
def kind_schema(kind: str) -> dict[str, Any]:
    """The full JSON Schema of a kind (every accepted spelling of every key)."""
    return schema_for(known_kind(kind) or kind)


@router.get("/kinds/{kind}/form-schema", tags=["data"])
def kind_form_schema(kind: str, request: Request) -> dict[str, Any]:
    """The form-friendly schema of a kind: English keys, titles, references inlined."""
    return form_schema(known_kind(kind) or kind, request_language(request))


@router.get("/bundles", response_model=list[BundleOut], tags=["bundles"])
def list_library_bundles() -> list[dict[str, Any]]:
    """The built-in bundles: several documents from one set of data."""
    return [_bundle_summary(name) for name in bundles()]


def _bundle_summary(name: str) -> dict[str, Any]:
    info = bundle(name)
    recipe = Bundle.load(info.path).recipe
    first = recipe.steps[0].template if recipe.steps else None
    thumb = f"/api/templates/{first}/thumbnail.png" if first in library() else None
    return {
        "name": info.name,
        "title": info.title,
        "description": info.description,
        "thumbnail": thumb,
        "inputs": [i.name for i in recipe.inputs],
    }


def _manifest(genre: str, name: str) -> Manifest:
    return library_template(f"{genre}/{name}")


def _example(path: Path) -> dict[str, Any]:
    """The example as form data (through the data door), or as it is when it is plain."""
    result = inputs.load(path, path.name, None)
    if result.model is not None:
        return form_data(result.model)
    if result.plain is not None:
        return result.plain
    # Invalid typed data: shown as written, for the form to fix.
    raw = Session(find_branch_files=False).read(path)
    return raw.data if not isinstance(raw, LoadResult) and isinstance(raw.data, dict) else {}


def _thumbnail(svc: Services, manifest: Manifest) -> Path:
    example = manifest.example_path
    digest = hashlib.sha256(manifest.template.read_bytes())
    if example is not None:
        digest.update(example.read_bytes())
    target = svc.store.thumb(digest.hexdigest()[:32])
    if target.is_file():
        return target
    context = read_data(example, manifest.kind, wanted_by=manifest.name).context if example else {}
    ref = TemplateRef(manifest.name, manifest.template, manifest)
    with svc.gate.slot(), svc.store.scratch() as folder:
        source = folder / f"thumb{manifest.template.suffix}"
        source.write_bytes(render_docx(ref, context))
        pages = svc.pdf.pages(source, folder / "pages", dpi=30, first_only=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(pages[0].read_bytes())
        partial.replace(target)
    return target

"""``/api/render``, ``/api/validate``, ``/api/preview``, ``/api/data/*``, ``/api/bundles/{name}``.

Every route takes data either as JSON (``data``) or as an uploaded file (the
``/file`` variants: YAML, JSON, TOML, XLSX or CSV), and reads it through the
one data door (:mod:`docgen.serve.inputs`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from docgen.bundle import Bundle
from docgen.bundle.packaging import make_zip
from docgen.context import loaded_from
from docgen.data.kinds import KINDS
from docgen.data.pipeline import LoadResult
from docgen.data.writer import dump_yaml
from docgen.data.xlsx_writer import write_xlsx
from docgen.exceptions import BundleError, DataError, Problem
from docgen.results import Output
from docgen.serve import inputs
from docgen.serve.catalog import bundle, resolve
from docgen.serve.errors import failures_response, problems_json, request_language
from docgen.serve.formschema import form_data
from docgen.serve.guard import read_upload
from docgen.serve.models import (
    KEEP_WEB_LINKS,
    ErrorOut,
    ExportIn,
    OutputFormat,
    ParsedOut,
    PreviewOut,
    RenderIn,
    ValidateIn,
    ValidateOut,
)
from docgen.serve.production import MEDIA_TYPES, Document, format_from, page_images, produce
from docgen.serve.services import Services, Svc
from docgen.serve.store import data_suffix, display_name

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 404, 413, 415, 422, 502, 503)
}
router = APIRouter(prefix="/api", responses=_ERRORS)
_BINARY: dict[int | str, dict[str, Any]] = {200: {"content": {t: {} for t in MEDIA_TYPES.values()}}}


@router.post("/render", response_class=Response, responses=_BINARY, tags=["render"])
def render_json(svc: Svc, body: RenderIn, request: Request) -> Response:
    """Render a library or uploaded template with JSON data; .docx, .pdf, .html or .md by
    ``format`` or ``Accept``. Invalid data gives 422 with every problem."""
    fmt = format_from(body.format, request.headers.get("accept"))
    with svc.gate.slot(), svc.store.scratch() as folder:
        ref = resolve(body.template, svc.store)
        path = inputs.body_file(body.data, folder)
        context = inputs.render_context(path, inputs.BODY_NAME, ref.kind)
        links = body.keep_web_links
        return _send(produce(ref, context, fmt, folder, svc.pdf, keep_web_links=links))


@router.post("/render/file", response_class=Response, responses=_BINARY, tags=["render"])
async def render_file(
    svc: Svc,
    request: Request,
    template: Annotated[str, Form()],
    file: Annotated[UploadFile, File()],
    format: Annotated[OutputFormat | None, Form()] = None,
    keep_web_links: Annotated[bool, Form(description=KEEP_WEB_LINKS)] = False,
) -> Response:
    """Render with an uploaded data file (YAML, JSON, TOML, XLSX or CSV)."""
    content, suffix, shown = await _data_upload(file, svc)
    fmt = format_from(format, request.headers.get("accept"))

    def work() -> Response:
        with svc.gate.slot(), svc.store.scratch() as folder:
            ref = resolve(template, svc.store)
            path = folder / f"data{suffix}"
            path.write_bytes(content)
            context = inputs.render_context(path, shown, ref.kind)
            document = produce(ref, context, fmt, folder, svc.pdf, keep_web_links=keep_web_links)
            return _send(document)

    return await run_in_threadpool(work)


@router.post("/validate", response_model=ValidateOut, tags=["data"])
def validate_json(svc: Svc, body: ValidateIn, request: Request) -> dict[str, Any]:
    """Check data for a kind (or for a template's kind): every error and domain-rule warning,
    with the CLI's codes and field paths. Always 200; ``ok`` says whether it can be rendered."""
    kind = _kind(body.kind, body.template, svc)
    with svc.store.scratch() as folder:
        result = inputs.load(inputs.body_file(body.data, folder), inputs.BODY_NAME, kind)
    return _validated(result.kind or kind, result.problems, request)


@router.post("/validate/file", response_model=ValidateOut, tags=["data"])
async def validate_file(
    svc: Svc,
    request: Request,
    file: Annotated[UploadFile, File()],
    kind: Annotated[str | None, Form()] = None,
) -> dict[str, Any]:
    """Check an uploaded data file (as ``docgen validate`` does)."""
    content, suffix, shown = await _data_upload(file, svc)
    wanted = inputs.known_kind(kind)

    def work() -> dict[str, Any]:
        result = _load_upload(svc, content, suffix, shown, wanted)
        return _validated(result.kind or wanted, result.problems, request)

    return await run_in_threadpool(work)


@router.post("/preview", response_model=PreviewOut, tags=["render"])
def preview(svc: Svc, body: RenderIn, request: Request) -> dict[str, Any]:
    """Page images of the document as it would print (small PNGs as ``data:`` URLs)."""
    with svc.gate.slot(), svc.store.scratch() as folder:
        ref = resolve(body.template, svc.store)
        path = inputs.body_file(body.data, folder)
        # Read once: the same result gives the context and the warnings shown beside it.
        loaded = loaded_from(inputs.load(path, inputs.BODY_NAME, ref.kind))
        warnings: list[Problem] = []
        if ref.kind is not None:
            warnings = [p for p in loaded.warnings if p.severity == "warning"]
        pages = page_images(
            ref, loaded.context, folder, svc.pdf, keep_web_links=body.keep_web_links
        )
    return {"pages": pages, "problems": problems_json(warnings, request_language(request))}


@router.post("/data/parse", response_model=ParsedOut, tags=["data"])
async def parse_data(
    svc: Svc,
    request: Request,
    file: Annotated[UploadFile, File()],
    kind: Annotated[str | None, Form()] = None,
) -> dict[str, Any]:
    """Read an uploaded data file (a filled starter spreadsheet, YAML, JSON…) into form data."""
    content, suffix, shown = await _data_upload(file, svc)
    wanted = inputs.known_kind(kind)

    def work() -> dict[str, Any]:
        result = _load_upload(svc, content, suffix, shown, wanted)
        data = form_data(result.model) if result.model is not None else None
        problems = problems_json(result.problems, request_language(request))
        return {"kind": result.kind, "data": data, "problems": problems}

    return await run_in_threadpool(work)


@router.post("/data/export", response_class=Response, tags=["data"])
def export_data(svc: Svc, body: ExportIn) -> Response:
    """The form's data as a YAML file or an .xlsx workbook, to start from next time."""
    kind = inputs.known_kind(body.kind) or body.kind
    with svc.store.scratch() as folder:
        result = inputs.load(
            inputs.body_file({**body.data, "kind": kind}, folder), inputs.BODY_NAME, kind
        )
        if result.model is None:
            raise DataError(
                "数据有误，无法导出", "the data is invalid; cannot export", result.problems
            )
        label = KINDS[kind].label_zh
        if body.format == "yaml":
            content = dump_yaml(result.model).encode()
        else:
            target = folder / "data.xlsx"
            write_xlsx(result.model, target)
            content = target.read_bytes()
    return _send(Document(content, MEDIA_TYPES[body.format], f"{label}.{body.format}"))


@router.post("/bundles/{name}", response_class=Response, responses=_BINARY, tags=["bundles"])
async def build_bundle(
    svc: Svc,
    request: Request,
    name: str,
    file: Annotated[UploadFile, File(description="the data file for the bundle's input")],
    package: Annotated[str, Form(description="zip (all documents) or merged (one volume)")] = "zip",
    keep_web_links: Annotated[bool, Form(description=KEEP_WEB_LINKS)] = False,
) -> Response:
    """Build a bundle from one data file: every document as a zip, or the merged volume."""
    content, suffix, shown = await _data_upload(file, svc)
    info = bundle(name)
    if package not in ("zip", "merged"):
        raise BundleError(
            f"package 应为 zip 或 merged，而不是 {package[:20]}",
            f"package must be zip or merged, not {package[:20]!r}",
        )

    def work() -> Response:
        with svc.gate.slot(), svc.store.scratch() as folder:
            loaded = Bundle.load(info.path)
            if len(loaded.recipe.inputs) != 1:
                raise BundleError(
                    f"套件 {name} 需要多份数据，请用批量任务",
                    f"bundle {name} needs several data files; use a batch job",
                )
            path = folder / display_name(f"data{suffix}", "data")
            path.write_bytes(content)
            checked = inputs.load(path, shown, None)
            if checked.errors:
                raise DataError(f"{shown} 有误", f"{shown} is invalid", checked.problems)
            # Built in memory: the documents are sent, never written to the scratch folder.
            result = loaded.build(
                None,
                inputs={loaded.recipe.inputs[0].name: path},
                keep_web_links=keep_web_links,
            )
            if not result.ok:
                # Every failure, each with its step, output and own code, not just the first.
                return failures_response(name, result.failures, request_language(request))
            return _send(_package(info.title, result.contents, result.outputs, package))

    return await run_in_threadpool(work)


def _package(
    title: str, contents: dict[str, bytes], outputs: list[Output], package: str
) -> Document:
    if package == "merged":
        merged = [o for o in outputs if o.kind == "merged"]
        if merged:
            return Document(contents[merged[0].relpath], MEDIA_TYPES["docx"], merged[0].name)
    docs = [(o.relpath, contents[o.relpath]) for o in outputs if o.kind == "document"]
    return Document(make_zip(docs), MEDIA_TYPES["zip"], f"{title}.zip")


async def _data_upload(file: UploadFile, svc: Services) -> tuple[bytes, str, str]:
    suffix = data_suffix(file.filename)
    content = await read_upload(file, svc.settings.limits.data_bytes, "数据文件", "data file")
    return content, suffix, display_name(file.filename, f"data{suffix}")


def _kind(kind: str | None, template: str | None, svc: Services) -> str | None:
    if kind is None and template is not None:
        return resolve(template, svc.store).kind
    return inputs.known_kind(kind)


def _validated(kind: str | None, problems: list[Problem], request: Request) -> dict[str, Any]:
    ok = not any(p.severity == "error" for p in problems)
    return {"ok": ok, "kind": kind, "problems": problems_json(problems, request_language(request))}


def _send(document: Document) -> Response:
    return Response(document.content, media_type=document.media_type, headers=document.headers())


__all__ = ["router"]


def _load_upload(
    svc: Services, content: bytes, suffix: str, shown: str, kind: str | None
) -> LoadResult:
    """An uploaded data file read through the data door in a scratch folder."""
    with svc.store.scratch() as folder:
        path = folder / f"data{suffix}"
        path.write_bytes(content)
        return inputs.load(path, shown, kind)

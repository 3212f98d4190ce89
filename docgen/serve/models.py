"""Request and answer shapes of the HTTP API (they make the OpenAPI description).

The data itself is not re-modelled here: a render or validate request carries
the kind's own data (described by the kind's form schema, built from docgen's
pydantic models), and it is validated by docgen's data door, not by FastAPI,
so the messages and codes are the CLI's.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

OutputFormat = Literal["docx", "pdf", "html", "md"]


class ProblemOut(BaseModel):
    """One problem: stable ``code``, message in the asked language, field path and place."""

    code: str
    message: str
    field: str | None = None
    location: str | None = None
    severity: Literal["error", "warning"] = "error"


class ErrorBody(BaseModel):
    code: str
    message: str
    problems: list[ProblemOut] = Field(default_factory=list)


class ErrorOut(BaseModel):
    """Every error answer."""

    error: ErrorBody


class FieldOut(BaseModel):
    name: str
    label: str
    type: str
    required: bool
    help: str


class TemplateOut(BaseModel):
    """A library template."""

    name: str
    genre: str
    title: str
    description: str
    kind: str
    thumbnail: str


class TemplateDetailOut(TemplateOut):
    fields: list[FieldOut]
    example: dict[str, Any] | None
    schema_url: str
    form_schema_url: str


class BundleOut(BaseModel):
    """A library bundle (several documents from one set of data)."""

    name: str
    title: str
    description: str
    thumbnail: str | None
    inputs: list[str]


class KindOut(BaseModel):
    name: str
    label: str


class UploadOut(BaseModel):
    """An uploaded template: use ``template`` as the template name when rendering."""

    sha256: str
    template: str
    problems: list[ProblemOut]


KEEP_WEB_LINKS = (
    "keep the template's web hyperlinks (http, https, mailto); by default each loses its "
    "link and keeps its text"
)


class RenderIn(BaseModel):
    """Render ``template`` (library name or ``upload:<sha256>``) with ``data``."""

    template: str = Field(examples=["reports/zhiweihui-jilu"])
    data: dict[str, Any]
    format: OutputFormat | None = Field(
        default=None, description="docx, pdf, html or md; otherwise from the Accept header"
    )
    keep_web_links: bool = Field(default=False, description=KEEP_WEB_LINKS)


class ValidateIn(BaseModel):
    """Check ``data`` of ``kind`` (or of the kind of ``template``)."""

    data: dict[str, Any]
    kind: str | None = None
    template: str | None = None


class ValidateOut(BaseModel):
    ok: bool
    kind: str | None
    problems: list[ProblemOut]


class PreviewOut(BaseModel):
    """Page images as ``data:`` URLs, and the data's problems (warnings)."""

    pages: list[str]
    problems: list[ProblemOut]


class ParsedOut(BaseModel):
    """An uploaded data file read into form data (English keys)."""

    kind: str | None
    data: dict[str, Any] | None
    problems: list[ProblemOut]


class ExportIn(BaseModel):
    kind: str
    data: dict[str, Any]
    format: Literal["yaml", "xlsx"] = "yaml"


class JobOut(BaseModel):
    """A batch job and its progress."""

    id: str
    bundle: str
    status: Literal["queued", "running", "done", "failed", "cancelled"]
    done: int
    total: int
    failed_rows: list[int]
    message: str | None = None
    result_url: str
    report_url: str
    events_url: str

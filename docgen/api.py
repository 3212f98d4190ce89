"""The library's front door: short functions over the engine and the data door, used by the CLI.

Every function that takes data takes it in any form — a path, bytes with their
format, a mapping or a model — and reads it through :func:`docgen.context.read_data`,
exactly as the commands do. Every function takes ``lang`` (``"zh"``/``"en"``)
for the messages of that call only.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen.context import DataBytes, DataSource, Loaded, read_data
from docgen.engine.template import Template, read_template
from docgen.engine.template import load as _compile
from docgen.engine.verify import Check, verify_package
from docgen.exceptions import Problem, TemplateError
from docgen.i18n import language
from docgen.library import find_template, is_workbook_template, manifest_beside

__all__ = [
    "check_template",
    "image_folder",
    "load",
    "prepare",
    "render",
    "render_compiled",
    "render_to_file",
    "validate",
    "verify_package",
]

StrPath = str | os.PathLike[str]
if TYPE_CHECKING:
    from typing import TypeAlias

    from docgen.data.config import DataConfig
    from docgen.xlsx import WorkbookTemplate

    #: A compiled template of either format: a .docx document or an .xlsx workbook.
    AnyTemplate: TypeAlias = Template | WorkbookTemplate
    TemplateLike: TypeAlias = StrPath | AnyTemplate


def load(
    template: StrPath,
    *,
    templates: Iterable[StrPath] = (),
    filters: dict[str, Any] | None = None,
    lang: str | None = None,
) -> AnyTemplate:
    """The compiled template ``template``: a .docx or .xlsx path or a library name.

    A library name such as ``reports/zhiweihui-jilu`` is looked up in
    ``templates`` (extra folders), ``DOCGEN_TEMPLATES`` and the shipped library,
    as ``docgen render`` does. The compile is cached per file and mtime.
    Raises :class:`~docgen.exceptions.TemplateNotFound`.
    """
    with language(lang):
        return compile_template(find_template(template, templates), filters=filters)


def compile_template(path: Path, *, filters: dict[str, Any] | None = None) -> AnyTemplate:
    """The cached compile of a template file: a workbook for ``.xlsx``, else a .docx."""
    if is_workbook_template(path.name):
        # Imported here: a .docx render does not load the workbook engine.
        from docgen.xlsx import load_workbook_template

        return load_workbook_template(path, filters=filters)
    return _compile(path, filters=filters)


def validate(
    data: DataSource | DataBytes,
    kind: str | None = None,
    *,
    fmt: str | None = None,
    name: str | None = None,
    config: DataConfig | None = None,
    lang: str | None = None,
) -> Loaded:
    """Read and validate ``data`` (path, bytes with ``fmt``, mapping or model).

    Returns the :class:`~docgen.context.Loaded` data (model, template context,
    warnings). Raises :class:`~docgen.exceptions.DataError` listing every
    problem at once — domain rules (quorum, 实到 ≤ 应到, deadlines…) included,
    for a model as for a file.
    """
    with language(lang):
        return read_data(data, kind, fmt=fmt, name=name, config=config)


def render(
    template: TemplateLike,
    data: DataSource | DataBytes,
    *,
    kind: str | None = None,
    fmt: str | None = None,
    name: str | None = None,
    templates: Iterable[StrPath] = (),
    strip_invalid: bool = False,
    check: Check = False,
    keep_web_links: bool = False,
    images: StrPath | None = None,
    watermark: Any = None,
    deterministic: bool = False,
    lang: str | None = None,
) -> bytes:
    """Render ``template`` (a path, a library name or a compiled :class:`Template`) with ``data``.

    ``data`` is read through the data door: a library template's data is
    validated as the template's kind (a mismatch is one clear ``DataError``)
    and passed through its view; ``kind="plain"`` uses a mapping as it is.
    The template's web hyperlinks lose their link and keep their text unless
    ``keep_web_links``. Pictures the data names (``|floating``, ``|seal``, ``|signature``)
    are read from ``images``, by default the data file's folder (:func:`image_folder`).
    ``watermark`` (``"草稿"`` or a :class:`~docgen.engine.rich.watermark.Watermark`) goes on
    every page of a .docx.
    The output's created/modified dates are the render time; ``deterministic`` fixes them
    (``SOURCE_DATE_EPOCH`` when set, else 2026-01-01T00:00:00Z: :mod:`docgen.stamp`), so the
    same template and data give the same bytes.
    Returns the .docx bytes (.xlsx for a workbook template). See
    :meth:`Template.render` for the options and errors.
    """
    with language(lang):
        compiled, loaded = prepare(
            template, data, kind=kind, fmt=fmt, name=name, templates=templates
        )
        return render_compiled(
            compiled,
            loaded.context,
            strip_invalid=strip_invalid,
            check=check,
            keep_web_links=keep_web_links,
            images=image_folder(data, images),
            watermark=watermark,
            deterministic=deterministic,
        )


def render_compiled(
    compiled: AnyTemplate,
    context: Any,
    *,
    strip_invalid: bool = False,
    check: Check = False,
    keep_web_links: bool = False,
    images: Path | None = None,
    watermark: Any = None,
    deterministic: bool = False,
    moment: dt.datetime | None = None,
) -> bytes:
    """``compiled.render(context, …)`` for a document or a workbook template; only a
    document places pictures and watermarks, so only it is given them. Both are dated
    ``moment`` when given (:mod:`docgen.stamp`)."""
    if isinstance(compiled, Template):
        return compiled.render(
            context,
            strip_invalid=strip_invalid,
            check=check,
            keep_web_links=keep_web_links,
            images=images,
            watermark=watermark,
            deterministic=deterministic,
            moment=moment,
        )
    if watermark is not None:
        raise TemplateError(
            f"Excel 模板 {compiled.name} 不能加水印",
            f"workbook template {compiled.name} takes no watermark",
        )
    return compiled.render(
        context,
        strip_invalid=strip_invalid,
        check=bool(check),
        keep_web_links=keep_web_links,
        deterministic=deterministic,
        moment=moment,
    )


def image_folder(data: object, images: StrPath | None = None) -> Path | None:
    """The folder pictures named in ``data`` may come from: ``images`` when given, else the
    folder of a data *file*; data passed as bytes or objects allows no folder."""
    if images is not None:
        return Path(images)
    if isinstance(data, str | os.PathLike):
        return Path(data).parent
    return None


def render_to_file(
    template: TemplateLike,
    data: DataSource | DataBytes,
    output: StrPath,
    *,
    kind: str | None = None,
    fmt: str | None = None,
    templates: Iterable[StrPath] = (),
    strip_invalid: bool = False,
    check: Check = False,
    keep_web_links: bool = False,
    images: StrPath | None = None,
    watermark: Any = None,
    deterministic: bool = False,
    lang: str | None = None,
) -> Path:
    """Render and write the result atomically to ``output`` (permissions follow the umask)."""
    from docgen.fileio import write_atomic

    blob = render(
        template,
        data,
        kind=kind,
        fmt=fmt,
        templates=templates,
        strip_invalid=strip_invalid,
        check=check,
        keep_web_links=keep_web_links,
        images=images,
        watermark=watermark,
        deterministic=deterministic,
        lang=lang,
    )
    return write_atomic(output, blob)


def check_template(template: StrPath | bytes, *, lang: str | None = None) -> list[Problem]:
    """Every problem in a template, found in one pass (errors and warnings).

    Unlike :func:`load`, a broken template does not raise: its problems are
    returned. A file that is not a .docx at all still raises
    :class:`~docgen.exceptions.TemplateError`.
    """
    with language(lang):
        if isinstance(template, bytes):
            return list(Template(template).problems)
        path = find_template(template)
        if is_workbook_template(path.name):
            from docgen.xlsx import WorkbookTemplate

            return list(WorkbookTemplate(read_template(path), str(path)).problems)
        return list(Template(read_template(path), str(path)).problems)


def prepare(
    template: TemplateLike,
    data: DataSource | DataBytes,
    *,
    kind: str | None = None,
    fmt: str | None = None,
    name: str | None = None,
    templates: Iterable[StrPath] = (),
) -> tuple[AnyTemplate, Loaded]:
    """The compiled template and its data read as its manifest asks (the step before a render).

    A library template asks for its manifest's kind, and names itself in the
    message when the data is another kind; ``kind`` overrides (``plain``: as it is).
    """
    compiled: AnyTemplate
    if isinstance(template, str | os.PathLike):
        path = find_template(template, templates)
        compiled = compile_template(path)
    else:
        compiled, path = template, Path(template.name)
    manifest = manifest_beside(path) if kind is None else None
    wanted = manifest.kind if manifest is not None else kind
    loaded = read_data(
        data,
        wanted,
        fmt=fmt,
        name=name,
        wanted_by=manifest.name if manifest is not None else None,
    )
    return compiled, loaded

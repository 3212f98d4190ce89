"""Find templates by path or by library name (``plans/zhenggai-fangan``).

Search order: folders given by the caller (``--templates``), then the folders
in ``DOCGEN_TEMPLATES`` (separated by ``os.pathsep``), then the library shipped
with docgen. A library template is a folder ``<genre>/<name>/`` holding
``template.docx`` (or ``template.xlsx``, a workbook template, :mod:`docgen.xlsx`)
and ``manifest.toml`` (:class:`Manifest`: the data kind, title,
description, fields, default output name and sample data);
:func:`list_templates` lists them all.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.exceptions import ManifestError, TemplateNotFound
from docgen.suggest import closest

TEMPLATE_FILE = "template.docx"
#: The file names a library template folder may hold, a document or a workbook.
TEMPLATE_FILES = (TEMPLATE_FILE, "template.xlsx")


def is_workbook_template(name: str) -> bool:
    """Whether a template file name is a workbook (``.xlsx``) rather than a .docx.

    Here, not in :mod:`docgen.xlsx`, so telling the two apart does not load the
    workbook engine for a .docx render.
    """
    return name.lower().endswith(".xlsx")


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
    """The .docx file for ``name``: an existing path, a library name, or a template's
    title (``支委会记录``); a near miss is answered with the closest name.

    Raises :class:`TemplateNotFound` listing the folders searched.
    """
    direct = Path(name)
    if direct.is_file():
        return direct
    if direct.is_dir() and (inside := template_in(direct)) is not None:
        return inside
    roots = search_roots(extra)
    key = str(name).strip("/")
    for root in roots:
        for folder in (root / key, *sorted(root.glob(f"*/{key}"))):
            if (found := template_in(folder)) is not None:
                return found
    by_title = _by_title(key, extra)
    if by_title is not None:
        return by_title
    searched = "、".join(str(r) for r in roots)
    guess = _guess(key, extra)
    raise TemplateNotFound(
        f"找不到模板 {name}（既不是文件，也不在模板库中；已查找：{searched}）"
        + (f"；是否应为 {guess}？" if guess else "；docgen templates 列出全部模板"),
        f"template {name} not found (not a file, not in the library; searched: {searched})"
        + (f"; did you mean {guess}?" if guess else "; docgen templates lists them all"),
    )


def template_in(folder: Path) -> Path | None:
    """The template file of a library folder (``template.docx`` or ``template.xlsx``)."""
    for file_name in TEMPLATE_FILES:
        if (folder / file_name).is_file():
            return folder / file_name
    return None


def _by_title(key: str, extra: Iterable[str | os.PathLike[str]]) -> Path | None:
    """The template whose title is ``key`` (``支委会记录`` → reports/zhiweihui-jilu).

    Only an unambiguous title counts: two templates of the same title raise
    :class:`TemplateNotFound` naming both.
    """
    if not key or "/" in key or key.endswith((".docx", ".xlsx")):
        return None
    try:
        matches = [m for m in list_templates(extra) if m.title == key]
    except ManifestError:
        return None
    if len(matches) > 1:
        names = "、".join(m.name for m in matches)
        raise TemplateNotFound(
            f"标题为“{key}”的模板不止一个：{names}；请写出模板名",
            f"more than one template is titled {key!r}: {names}; give the template's name",
        )
    return matches[0].template if matches else None


def _guess(key: str, extra: Iterable[str | os.PathLike[str]]) -> str | None:
    """The library name or title closest to a mistyped ``key``, shown as ``name（title）``."""
    try:
        manifests = list_templates(extra)
    except ManifestError:
        return None
    shown = {m.name: f"{m.name}（{m.title}）" for m in manifests}
    shown.update({m.title: f"{m.name}（{m.title}）" for m in manifests})
    shown.update({m.name.split("/")[-1]: f"{m.name}（{m.title}）" for m in manifests})
    found = closest(key, shown, cutoff=0.6)
    return shown[found] if found else None


MANIFEST_FILE = "manifest.toml"


@dataclass(frozen=True)
class FieldSpec:
    """A field a template needs: ``name``, Chinese ``label``, ``type``, ``required``, ``help``."""

    name: str
    label: str = ""
    type: str = "str"
    required: bool = False
    help: str = ""


@dataclass(frozen=True)
class Manifest:
    """A template's ``manifest.toml``.

    ``kind`` is the data kind the template reads (``docgen.data.KINDS``);
    ``output`` a file-name pattern such as ``{branch}整改方案.docx``; ``example``
    a data file beside the manifest; ``fixture`` and ``minimal`` repository
    paths of the full and the minimal sample data.
    """

    name: str
    folder: Path
    kind: str
    title: str
    description: str = ""
    output: str = ""
    example: str = ""
    fixture: str = ""
    minimal: str = ""
    fields: tuple[FieldSpec, ...] = ()

    @property
    def genre(self) -> str:
        """``plans``, ``reports`` or ``speeches`` (the first part of the name)."""
        return self.name.split("/", 1)[0] if "/" in self.name else ""

    @property
    def template(self) -> Path:
        """The template's file: ``template.docx``, or ``template.xlsx`` for a workbook."""
        return template_in(self.folder) or self.folder / TEMPLATE_FILE

    @property
    def example_path(self) -> Path | None:
        """The example data file, when the manifest names one that exists."""
        if not self.example:
            return None
        path = self.folder / self.example
        return path if path.is_file() else None

    def output_name(self, values: Mapping[str, Any]) -> str:
        """The default output file name, its ``{placeholders}`` filled from ``values``; a
        dotted one (``{signin.title}``) walks into the nested mappings."""
        pattern = self.output or f"{self.title}{self.template.suffix}"
        return PLACEHOLDER.sub(lambda m: str(lookup(values, m.group(1)) or ""), pattern)


def lookup(values: Mapping[str, Any], dotted: str) -> Any:
    """The value at ``dotted`` (``signin.title``) in nested mappings; ``None`` if absent."""
    found: Any = values
    for key in dotted.split("."):
        found = found.get(key) if isinstance(found, Mapping) else None
    return found


#: A ``{name}`` or ``{part.name}`` placeholder of a manifest's output pattern.
PLACEHOLDER = re.compile(r"\{(\w+(?:\.\w+)*)\}")
_STR_KEYS = ("kind", "title", "description", "output", "example", "fixture", "minimal")


def read_manifest(folder: str | os.PathLike[str], name: str | None = None) -> Manifest:
    """Parse ``folder/manifest.toml``; ``name`` is the library name (default: the folder's).

    Raises :class:`ManifestError` naming the file and what is wrong.
    """
    root = Path(folder)
    path = root / MANIFEST_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ManifestError(
            f"无法读取模板清单 {path}：{err.strerror}",
            f"cannot read manifest {path}: {err.strerror}",
        ) from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ManifestError(
            f"模板清单 {path} 格式错误：{err}", f"manifest {path} is not valid TOML: {err}"
        ) from err
    for key in ("kind", "title"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise ManifestError(
                f"模板清单 {path} 缺少“{key}”（应为非空文字）",
                f"manifest {path}: '{key}' is missing or not a non-empty string",
            )
    _check_kind(path, data["kind"])
    values = {k: str(data.get(k, "")) for k in _STR_KEYS}
    return Manifest(
        name=name or f"{root.parent.name}/{root.name}",
        folder=root,
        fields=_fields(path, data.get("fields", {})),
        **values,
    )


def _check_kind(path: Path, kind: str) -> None:
    from docgen.data.kinds import KINDS

    if kind not in KINDS:
        known = "、".join(sorted(KINDS))
        raise ManifestError(
            f"模板清单 {path} 的 kind “{kind}”不是已知的数据类型（可用：{known}）",
            f"manifest {path}: kind '{kind}' is not a known data kind (known: {known})",
        )


def _fields(path: Path, table: Any) -> tuple[FieldSpec, ...]:
    if not isinstance(table, dict):
        raise ManifestError(
            f"模板清单 {path} 的 [fields] 应为表", f"manifest {path}: [fields] must be a table"
        )
    specs = []
    for key, spec in table.items():
        if not isinstance(spec, dict):
            raise ManifestError(
                f'模板清单 {path} 的字段“{key}”应为表，如 {{ type = "str" }}',
                f"manifest {path}: field '{key}' must be a table such as {{ type = \"str\" }}",
            )
        specs.append(
            FieldSpec(
                name=key,
                label=str(spec.get("label", "")),
                type=str(spec.get("type", "str")),
                required=bool(spec.get("required", False)),
                help=str(spec.get("help", "")),
            )
        )
    return tuple(specs)


def manifest_beside(template: str | os.PathLike[str]) -> Manifest | None:
    """The manifest of the library template whose .docx is ``template``, if it has one.

    This is how a render learns which data kind the template reads.
    """
    folder = Path(template).parent
    if Path(template).name not in TEMPLATE_FILES or not (folder / MANIFEST_FILE).is_file():
        return None
    return read_manifest(folder, f"{folder.parent.name}/{folder.name}")


def list_templates(extra: Iterable[str | os.PathLike[str]] = ()) -> list[Manifest]:
    """Every template in the search roots, by name; an earlier root hides a later one's
    template of the same name (so a user's folder can override a shipped template).

    Folders holding ``template.docx`` (or ``.xlsx``) without a manifest are skipped; a broken
    manifest raises :class:`ManifestError`.
    """
    found: dict[str, Manifest] = {}
    for root in search_roots(extra):
        if not root.is_dir():
            continue
        files = (f for name in TEMPLATE_FILES for f in root.glob(f"*/*/{name}"))
        for folder in sorted({f.parent for f in files}):
            key = f"{folder.parent.name}/{folder.name}"
            if key in found or not (folder / MANIFEST_FILE).is_file():
                continue
            found[key] = read_manifest(folder, key)
    return [found[k] for k in sorted(found)]


def find_manifest(name: str, extra: Iterable[str | os.PathLike[str]] = ()) -> Manifest:
    """The manifest of the template ``name`` (a library name or a template folder/file)."""
    path = find_template(name, extra)
    folder = path.parent
    if not (folder / MANIFEST_FILE).is_file():
        raise ManifestError(
            f"模板 {name} 没有清单文件 {folder / MANIFEST_FILE}",
            f"template {name} has no manifest {folder / MANIFEST_FILE}",
        )
    return read_manifest(folder, f"{folder.parent.name}/{folder.name}")

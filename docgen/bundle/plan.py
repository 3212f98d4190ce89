"""Evaluating a recipe for one set of variables: which documents, with what data, named how.

Nothing is rendered here. The plan is cheap to make, and it gives every
document's data hash, so a batch can tell an up-to-date output without rendering.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from docgen.bundle.attachments import link
from docgen.bundle.compiled import RESERVED, Input, Recipe, Step
from docgen.bundle.expressions import Text, to_dict
from docgen.bundle.hashing import data_hash
from docgen.bundle.inputs import Given, load_input, wanted_kind
from docgen.bundle.marks import mark_tag
from docgen.bundle.names import safe_folder, safe_name
from docgen.bundle.rows import RowSource, apply_row, empty_cell
from docgen.engine.rich.watermark import Watermark
from docgen.exceptions import BundleError
from docgen.library import PLACEHOLDER, lookup

_IDENTIFIER = re.compile(r"^[^\W\d]\w*$")


@dataclass(frozen=True)
class Document:
    """One document to render: its step, file name (inside the plan's folder) and data."""

    step: Step
    name: str
    context: Any
    data_hash: str
    index: int | None
    template_digest: str
    #: On every page of this document (the step's, else the recipe's; never a workbook's).
    watermark: Watermark | None = None

    def with_context(self, context: Any) -> Document:
        """The same document with other data, its data hash made anew."""
        return replace(self, context=context, data_hash=_hash(context, self.watermark))


@dataclass(frozen=True)
class Plan:
    """Everything one run of a recipe will produce."""

    recipe: Recipe
    folder: str
    documents: tuple[Document, ...]
    zip_name: str | None
    merged_name: str | None
    cover_page: tuple[str, tuple[str, ...]] | None = None
    #: The recipe's watermark, on every section of the merged volume.
    watermark: Watermark | None = None

    def relpath(self, name: str) -> str:
        """``name`` inside the plan's folder, as a ``/``-separated relative path."""
        return f"{self.folder}/{name}" if self.folder else name


def resolve_vars(
    recipe: Recipe,
    given: Mapping[str, Any] | None = None,
    row: Mapping[str, Any] | None = None,
    *,
    sample: bool = False,
    source: RowSource | None = None,
    origins: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The recipe's variables: ``given`` first, then ``row`` columns, then defaults.

    A variable's ``sample`` value is used only with ``sample`` (``--sample``). An empty
    cell of a column the roster has fails the row (naming the cell) unless the variable
    has a default or says ``empty: keep``. ``origins``, when given, receives where each
    value came from: ``given``, ``row:<column>``, ``default`` or ``sample``. Raises
    :class:`BundleError` naming a required variable without a value and how to give it.
    """
    given = given or {}
    row = row or {}
    where = source or RowSource()
    values: dict[str, Any] = {}
    for var in recipe.vars:
        value, origin = given.get(var.name), "given"
        if _blank(value):
            present = [c for c in var.columns if where.has(c, row)]
            filled = next((c for c in present if not _blank(row.get(c))), None)
            if filled is not None:
                value, origin = row[filled], f"row:{filled}"
            elif present and not var.keep_empty and var.default is None:
                raise empty_cell(where, present[0], var.name)
        if _blank(value):
            value, origin = var.default, "default"
        if _blank(value) and sample and not _blank(var.sample):
            value, origin = var.sample, "sample"
        if var.required and _blank(value):
            raise _no_value(recipe, var.name)
        values[var.name] = value
        if origins is not None:
            origins[var.name] = origin
    return values


def _no_value(recipe: Recipe, name: str) -> BundleError:
    var = next(v for v in recipe.vars if v.name == name)
    columns = "、".join(var.columns)
    sample_zh = "；或加 --sample 使用示例数据" if var.sample is not None else ""
    sample_en = "; or add --sample for the sample data" if var.sample is not None else ""
    return BundleError(
        f"变量“{name}”没有取值：请用 --set {name}=值 给出，或在花名册中填写列“{columns}”"
        + sample_zh,
        f"variable {name!r} has no value: give it with --set {name}=VALUE, or fill in roster "
        f"column {', '.join(var.columns)}" + sample_en,
    )


def make_plan(
    recipe: Recipe,
    variables: Mapping[str, Any],
    row: Mapping[str, Any] | None = None,
    files: Mapping[str, Given] | None = None,
    *,
    source: RowSource | None = None,
    origins: Mapping[str, str] | None = None,
) -> Plan:
    """Evaluate ``recipe`` with ``variables`` (see :func:`resolve_vars`) and roster ``row``.

    ``files`` replaces named inputs (``--input NAME=FILE``, or data in memory). ``source``
    says where the row is (cell names, the roster's folder: paths from the row are
    relative to it) and ``origins`` where each variable came from.
    Raises :class:`BundleError` (a failing expression, clashing output names, an
    unknown input name) and :class:`~docgen.exceptions.DataError` (an input file
    missing or invalid).
    """
    files = files or {}
    row = row or {}
    origins = origins or {}
    source = source or RowSource()
    check_input_names(recipe, files)
    scope = _base_scope(recipe, variables, row)
    user = [*variables, *(i.name for i in recipe.inputs), *(n for n, _ in recipe.lets)]
    column_of = {n: o.removeprefix("row:") for n, o in origins.items() if o.startswith("row:")}
    for item in recipe.inputs:
        given = files.get(item.name)
        path = given if given is not None else _input_path(recipe, item, scope, origins, source)
        loaded = load_input(item, scope, recipe.base, path, wanted_kind(recipe.steps, item))
        scope[item.name] = apply_row(loaded, item, scope, row, source, column_of, recipe.columns)
    for name, expr in recipe.lets:
        scope[name] = expr.evaluate(scope)
    documents: list[Document] = []
    for step in recipe.steps:
        digest = recipe.template_digests[str(step.template_path)]
        made = _run_step(step, scope, user, digest, recipe)
        documents.extend(made)
    documents = link(documents)  # attachments labelled, parents' 附件说明 filled in
    folder = safe_folder(_text(recipe.folder, scope))
    zip_name = safe_name(_text(recipe.zip, scope), suffix=".zip") if recipe.zip else None
    merged = recipe.merged
    merged_name = safe_name(_text(merged.output, scope), suffix=".docx") if merged else None
    cover = None
    if merged is not None and merged.cover_page is not None:
        title, lines = merged.cover_page
        cover = (_text(title, scope), tuple(_text(t, scope) for t in lines))
    mark = recipe.watermark.evaluate(scope) if recipe.watermark is not None else None
    plan = Plan(recipe, folder, tuple(documents), zip_name, merged_name, cover, mark)
    _check_unique(plan)
    return plan


def check_input_names(recipe: Recipe, names: Iterable[str]) -> None:
    """Raise :class:`BundleError` when a given input name is not one of the recipe's."""
    known = [i.name for i in recipe.inputs]
    unknown = [n for n in names if n not in known]
    if unknown:
        listed = "、".join(known) or "无"
        raise BundleError(
            f"配方“{recipe.name}”没有名为“{'、'.join(unknown)}”的输入（可用：{listed}）",
            f"recipe {recipe.name!r} has no input named {', '.join(unknown)} "
            f"(its inputs: {', '.join(known) or 'none'})",
        )


def input_paths(
    recipe: Recipe,
    variables: Mapping[str, Any],
    row: Mapping[str, Any] | None = None,
    files: Mapping[str, Given] | None = None,
    *,
    source: RowSource | None = None,
    origins: Mapping[str, str] | None = None,
) -> list[Given]:
    """The files (or the data given in memory) a run with ``variables`` would read,
    without reading them.

    Input paths may only use variables and row columns (not other inputs), so
    they can be found before anything is loaded.
    """
    files = files or {}
    scope = _base_scope(recipe, variables, row or {})
    where = source or RowSource()
    found: list[Given] = []
    for item in recipe.inputs:
        given = files.get(item.name)
        found.append(
            given if given is not None else _input_path(recipe, item, scope, origins or {}, where)
        )
    return found


def _input_path(
    recipe: Recipe,
    item: Input,
    scope: Mapping[str, Any],
    origins: Mapping[str, str],
    source: RowSource,
) -> Path:
    """Where input ``item`` is: relative to the roster's folder when a row named it,
    to the current folder when ``--set`` did, else to the recipe's folder."""
    raw = item.path.evaluate(scope)
    if not isinstance(raw, str | Path) or not str(raw).strip():
        raise _no_input(recipe, item, origins)
    path = Path(str(raw))
    if path.is_absolute():
        return path
    used = set(re.findall(r"[^\W\d]\w*", item.path.source))
    from_row = any(origins.get(n, "").startswith("row:") for n in used)
    from_row = from_row or any(c in used for c in scope.get("row", {}))
    if from_row and source.base is not None:
        found = source.base / path
        if not found.exists():
            raise _row_file_missing(item, found, used, origins, source)
        return found
    if any(origins.get(n) == "given" for n in used):
        return Path.cwd() / path
    return recipe.base / path


def _row_file_missing(
    item: Input, path: Path, used: set[str], origins: Mapping[str, str], source: RowSource
) -> BundleError:
    column = next(
        (o.removeprefix("row:") for n, o in origins.items() if n in used and o.startswith("row:")),
        item.name,
    )
    zh, en = source.cell(column)
    return BundleError(
        f"{zh}：输入“{item.name}”的文件 {path} 不存在（相对花名册所在的文件夹）",
        f"{en}: the file of input {item.name!r}, {path}, does not exist "
        "(relative to the roster's folder)",
    )


def _no_input(recipe: Recipe, item: Input, origins: Mapping[str, str]) -> BundleError:
    used = set(re.findall(r"[^\W\d]\w*", item.path.source))
    vars_ = [v for v in recipe.vars if v.name in used]
    columns = "、".join(c for v in vars_ for c in v.columns)
    has_sample = any(v.sample is not None for v in vars_)
    zh = f"输入“{item.name}”没有数据文件：请用 --input {item.name}=文件 给出"
    en = f"input {item.name!r} has no data file: give it with --input {item.name}=FILE"
    if columns:
        zh += f"，或（批量时）在花名册的“{columns}”列中填写"
        en += f", or (in a batch) fill in roster column {columns.replace('、', ', ')}"
    if has_sample:
        zh += "；只想看示例，请加 --sample"
        en += "; for the sample data, add --sample"
    del origins
    return BundleError(zh, en)


def _base_scope(
    recipe: Recipe, variables: Mapping[str, Any], row: Mapping[str, Any]
) -> dict[str, Any]:
    scope: dict[str, Any] = {
        "bundle": {"name": recipe.name},
        "row": dict(row),
        "vars": dict(variables),
        "steps": {},
        "outputs": {},
    }
    # Roster columns are names too (``{{ 简称 }}``), unless a variable takes the name.
    for column, value in row.items():
        if _IDENTIFIER.match(str(column)) and column not in RESERVED:
            scope[str(column)] = value
    scope.update(variables)
    return scope


def _run_step(
    step: Step, scope: dict[str, Any], user: list[str], digest: str, recipe: Recipe
) -> list[Document]:
    steps: dict[str, Any] = scope["steps"]
    outputs: dict[str, list[str]] = scope["outputs"]
    if step.when is not None and not step.when.evaluate(scope):
        steps[step.id] = [] if step.foreach is not None else None
        outputs[step.id] = []
        return []
    if step.foreach is None:
        context = _context(step, scope, user)
        name = _name(step, scope, context)
        steps[step.id] = context
        outputs[step.id] = [name]
        mark = _mark(step, recipe, scope)
        return [Document(step, name, context, _hash(context, mark), None, digest, mark)]
    made: list[Document] = []
    items = _items(step, step.foreach.evaluate(scope))
    for index, item in enumerate(items):
        loop = {
            "index": index + 1,
            "index0": index,
            "first": index == 0,
            "last": index == len(items) - 1,
            "length": len(items),
        }
        inner = {**scope, step.as_: item, "loop": loop}
        context = _context(step, inner, [*user, step.as_])
        name = _name(step, inner, context)
        mark = _mark(step, recipe, inner)
        made.append(Document(step, name, context, _hash(context, mark), index, digest, mark))
    steps[step.id] = [d.context for d in made]
    outputs[step.id] = [d.name for d in made]
    return made


def _mark(step: Step, recipe: Recipe, scope: Mapping[str, Any]) -> Watermark | None:
    """The document's watermark: the step's own, else the recipe's (none on a workbook)."""
    if step.unmarked or step.workbook:
        return None
    mark = step.watermark or recipe.watermark
    return mark.evaluate(scope) if mark is not None else None


def _hash(context: Any, mark: Watermark | None) -> str:
    # Without a watermark the hash is the data's alone, as manifests written before had it.
    return data_hash(context) if mark is None else data_hash(context, mark_tag(mark))


def _items(step: Step, value: Any) -> list[Any]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        assert step.foreach is not None  # noqa: S101 -- only called for foreach steps
        where = step.foreach.where.describe()
        raise BundleError(
            f"{where}: 步骤“{step.id}”的 foreach 应给出列表，得到的是 {type(value).__name__}",
            f"{where}: foreach of step {step.id!r} should give a list, got {type(value).__name__}",
        )
    return list(value)


def _context(step: Step, scope: Mapping[str, Any], user: list[str]) -> Any:
    if step.data is None:
        base: Any = {name: scope[name] for name in user if name in scope}
    else:
        base = step.data.evaluate(scope)
    if isinstance(base, BaseModel):
        base = to_dict(base)  # the model's view: the context library templates expect
    if step.with_ is None:
        return base if base is not None else {}
    overlay = step.with_.evaluate(scope)
    return {**to_dict(base if base is not None else {}), **overlay}


def _name(step: Step, scope: Mapping[str, Any], context: Any) -> str:
    suffix = step.template_path.suffix.lower() or ".docx"  # .xlsx for a workbook template
    if step.output is not None:
        return safe_name(_text(step.output, scope), suffix=suffix)
    pattern = _manifest_output(step.template_path)
    if pattern and isinstance(context, Mapping):
        fields = set(PLACEHOLDER.findall(pattern))
        if all(isinstance(lookup(context, f), str | int) for f in fields):
            filled = PLACEHOLDER.sub(lambda m: str(lookup(context, m.group(1))), pattern)
            return safe_name(filled, suffix=suffix)
    return safe_name(step.id, suffix=suffix)


@lru_cache(maxsize=128)
def _manifest_output(template: Path) -> str | None:
    """The ``output`` name pattern of a library template's ``manifest.toml``, if any."""
    manifest = template.parent / "manifest.toml"
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    output = data.get("output")
    return output if isinstance(output, str) else None


def _check_unique(plan: Plan) -> None:
    seen: dict[str, str] = {}
    named = [(d.name, d.step.id) for d in plan.documents]  # zip members must differ too
    named += [(n, "package") for n in (plan.zip_name, plan.merged_name) if n is not None]
    for name, owner in named:
        key = name.casefold()
        if key in seen:
            raise BundleError(
                f"两个输出文件同名：{plan.relpath(name)}（步骤“{seen[key]}”与“{owner}”）；"
                "请在 output 中加入能区分的内容，如 {{ loop.index }}",
                f"two outputs have the same name: {plan.relpath(name)} (steps {seen[key]!r} and "
                f"{owner!r}); make the output pattern tell them apart, e.g. {{{{ loop.index }}}}",
            )
        seen[key] = owner


def _text(text: Text, scope: Mapping[str, Any]) -> str:
    """A name pattern's text; a part that has no value fails instead of printing "None"."""
    value = text.evaluate(scope)
    if value is None or "None" in str(value):
        raise BundleError(
            f"{text.where.describe()}: {text.field} 的值含有空值（None）：{text.source}；"
            "请检查它用到的数据是否填写",
            f"{text.where.describe()}: {text.field} has an empty (None) part: {text.source}; "
            "check that the data it uses is filled in",
        )
    return str(value)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


__all__ = ["Document", "Plan", "check_input_names", "input_paths", "make_plan", "resolve_vars"]

"""A validated recipe turned into compiled expressions, with every field's place kept.

Compiling happens once per recipe file; a batch then evaluates the same
compiled recipe for every roster row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.bundle.attachments import check_attachments
from docgen.bundle.expressions import Expr, Text, compile_expr, compile_text
from docgen.bundle.marks import Mark, MarkProblem, check_spec
from docgen.bundle.recipe import (
    CoverSpec,
    InputSpec,
    MergedSpec,
    MergeSpec,
    RecipeSpec,
    StepSpec,
    VarSpec,
    WatermarkSpec,
)
from docgen.bundle.stands_for import check_stands_for
from docgen.data.positions import Path as DataPath
from docgen.data.positions import PositionMap, format_path
from docgen.exceptions import BundleError, Location, Problem, RecipeError
from docgen.views.common import attachment_names

#: Names the recipe scope defines itself; variables, inputs and ``let`` may not take them.
RESERVED = frozenset(
    {"steps", "outputs", "row", "loop", "vars", "bundle", "todict", "minutes_form"}
)


class Value:
    """A ``with``/``data`` mapping value: text fields compiled, nested lists and maps walked."""

    def __init__(self, raw: Any, compile_at: _Compiler, path: DataPath) -> None:
        self.kind: str
        self.item: Any
        if isinstance(raw, str):
            self.kind, self.item = "text", compile_at.text(raw, path)
        elif isinstance(raw, Mapping):
            self.kind = "map"
            self.item = {k: Value(v, compile_at, (*path, k)) for k, v in raw.items()}
        elif isinstance(raw, list):
            self.kind = "list"
            self.item = [Value(v, compile_at, (*path, i)) for i, v in enumerate(raw)]
        else:
            self.kind, self.item = "literal", raw

    def evaluate(self, scope: Mapping[str, Any]) -> Any:
        """The value with every text field evaluated in ``scope``."""
        if self.kind == "text":
            return self.item.evaluate(scope)
        if self.kind == "map":
            return {k: v.evaluate(scope) for k, v in self.item.items()}
        if self.kind == "list":
            return [v.evaluate(scope) for v in self.item]
        return self.item


@dataclass(frozen=True)
class Var:
    """A recipe variable and the roster columns that can set it."""

    name: str
    default: Any
    columns: tuple[str, ...]
    required: bool
    sample: Any = None
    keep_empty: bool = False
    description: str | None = None


@dataclass(frozen=True)
class Input:
    """A data file of the recipe; ``path`` may use variables."""

    name: str
    path: Text
    kind: str | None
    sets: tuple[tuple[str, Text], ...] = ()
    follow: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Step:
    """One compiled step."""

    id: str
    template: str
    template_path: Path
    data: Expr | Value | None
    with_: Value | None
    when: Expr | None
    foreach: Expr | None
    as_: str
    output: Text | None
    merge: MergeSpec
    where: Location
    #: The step's own watermark (over the recipe's); ``unmarked``: none on this step.
    watermark: Mark | None = None
    unmarked: bool = False
    #: The step whose document this one is an attachment of (:mod:`docgen.bundle.attachments`).
    attachment_of: str | None = None
    #: The entries of that document's own 附件 this one is (:mod:`docgen.bundle.stands_for`).
    stands_for: tuple[str, ...] = ()

    @property
    def workbook(self) -> bool:
        """True for an .xlsx template, which takes no watermark."""
        return self.template_path.suffix.lower() == ".xlsx"


@dataclass(frozen=True)
class Merged:
    """The merged-document packaging: ``cover`` is a step id, ``cover_page`` a generated page."""

    output: Text
    toc: bool | None
    cover: str | None
    cover_page: tuple[Text, tuple[Text, ...]] | None
    duplex: bool = True
    page_numbers: str = "parts"


@dataclass(frozen=True)
class Recipe:
    """A loaded recipe, ready to run for any set of variables."""

    path: Path
    name: str
    digest: str
    vars: tuple[Var, ...]
    inputs: tuple[Input, ...]
    lets: tuple[tuple[str, Expr | Value], ...]
    folder: Text
    steps: tuple[Step, ...]
    write_documents: bool
    zip: Text | None
    merged: Merged | None
    template_digests: dict[str, str] = field(default_factory=dict)
    key: tuple[str, ...] = ()
    description: str | None = None
    keep_web_links: bool = False
    #: On every document (not workbooks) and on every section of the merged volume.
    watermark: Mark | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        """Every roster column the recipe reads, in recipe order."""
        seen: dict[str, None] = {}
        for var in self.vars:
            seen.update(dict.fromkeys(var.columns))
        return tuple(seen)

    @property
    def base(self) -> Path:
        """The folder relative paths in the recipe start from."""
        return self.path.parent


class _Compiler:
    """Compiles fields, collecting problems instead of stopping at the first."""

    def __init__(self, positions: PositionMap) -> None:
        self.positions = positions
        self.problems: list[Problem] = []

    def mark(self, raw: str | WatermarkSpec, path: DataPath, base: Path) -> Mark | None:
        """A watermark field: text (may use variables) or a mapping with text or image."""
        spec = WatermarkSpec(text=raw) if isinstance(raw, str) else raw
        try:
            image = check_spec(spec, base)
        except MarkProblem as err:
            at = path if isinstance(raw, str) else (*path, err.key)
            self.problem(at, "bad_watermark", err.zh, err.en, at_key=False)
            return None
        text_at = path if isinstance(raw, str) else (*path, "text")
        text = None if image is not None else self.text(spec.text, text_at)
        return Mark(text, image, spec.diagonal, spec.colour, spec.size_pt, spec.washout)

    def where(self, path: DataPath) -> Location:
        return self.positions.at(path)

    def text(self, source: str, path: DataPath) -> Text:
        try:
            return compile_text(source, self.where(path), format_path(path))
        except BundleError as err:
            self._add(err, path)
            return compile_text("", self.where(path), format_path(path))

    def expr(self, source: str, path: DataPath) -> Expr:
        try:
            return compile_expr(source, self.where(path), format_path(path))
        except BundleError as err:
            self._add(err, path)
            return compile_expr("none", self.where(path), format_path(path))

    def problem(self, path: DataPath, code: str, zh: str, en: str, *, at_key: bool = True) -> None:
        where = self.positions.at(path, prefer_key=at_key)
        self.problems.append(Problem(code, zh, en, where, format_path(path)))

    def _add(self, err: BundleError, path: DataPath) -> None:
        place = self.where(path).describe()
        zh = err.message_zh.removeprefix(f"{place}: {format_path(path)}: ")
        en = err.message_en.removeprefix(f"{place}: {format_path(path)}: ")
        self.problem(path, "bad_expression", zh, en, at_key=False)


def compile_recipe(
    spec: RecipeSpec, positions: PositionMap, path: Path, digest: str, templates: list[Path]
) -> Recipe:
    """Compile ``spec``; ``templates`` are the resolved template files, one per step.

    Raises :class:`RecipeError` listing every bad expression and name clash.
    """
    c = _Compiler(positions)
    _check_names(spec, c)
    steps = tuple(_step(s, i, c, templates[i], path.parent) for i, s in enumerate(spec.steps))
    _check_steps(spec, c, templates)
    package = spec.package
    zip_text = None
    if package.zip is not False:
        zip_source = f"{spec.name}.zip" if package.zip is True else str(package.zip)
        zip_text = c.text(zip_source, ("package", "zip"))
    merged = None
    if package.merged is not None:
        merged = _merged(package.merged, c)
    recipe = Recipe(
        path=path,
        name=spec.name,
        digest=digest,
        vars=tuple(_var(n, v) for n, v in spec.vars.items()),
        inputs=tuple(_input(n, v, c) for n, v in spec.inputs.items()),
        lets=tuple((n, _let(n, e, c)) for n, e in spec.let.items()),
        folder=c.text(spec.folder, ("folder",)),
        steps=steps,
        write_documents=package.folder,
        zip=zip_text,
        merged=merged,
        key=(spec.key,) if isinstance(spec.key, str) else tuple(spec.key or ()),
        description=spec.description,
        keep_web_links=spec.keep_web_links,
        watermark=c.mark(spec.watermark, ("watermark",), path.parent) if spec.watermark else None,
    )
    if c.problems:
        raise _invalid(path, c.problems)
    return recipe


def _merged(spec: MergedSpec, c: _Compiler) -> Merged:
    at: DataPath = ("package", "merged")
    out = c.text(spec.output, (*at, "output"))
    if not isinstance(spec.cover, CoverSpec):
        return Merged(out, spec.toc, spec.cover, None, spec.duplex, spec.page_numbers)
    title = c.text(spec.cover.title, (*at, "cover", "title"))
    lines = tuple(c.text(t, (*at, "cover", "lines", i)) for i, t in enumerate(spec.cover.lines))
    return Merged(out, spec.toc, None, (title, lines), spec.duplex, spec.page_numbers)


def _invalid(path: Path, problems: list[Problem]) -> RecipeError:
    problems = sorted(problems, key=lambda p: (p.location.line or 0, p.location.column or 0))
    return RecipeError(
        f"配方文件有 {len(problems)} 处错误：{path}",
        f"the recipe has {len(problems)} problem(s): {path}",
        problems,
    )


def _var(name: str, raw: VarSpec | str | int | float | bool | None) -> Var:
    spec = raw if isinstance(raw, VarSpec) else VarSpec(default=raw)
    column = spec.column if spec.column is not None else name
    columns = (column,) if isinstance(column, str) else tuple(column)
    return Var(
        name,
        spec.default,
        columns,
        spec.required,
        spec.sample,
        spec.empty == "keep",
        spec.description,
    )


def _let(name: str, raw: Any, c: _Compiler) -> Expr | Value:
    """A ``let`` value: text is an expression; numbers, lists and maps are taken as they are."""
    if isinstance(raw, str):
        return c.expr(raw, ("let", name))
    return Value(raw, c, ("let", name))


def _input(name: str, raw: str | InputSpec, c: _Compiler) -> Input:
    if isinstance(raw, str):
        return Input(name, c.text(raw, ("inputs", name)), None)
    sets = tuple((f, c.text(t, ("inputs", name, "set", f))) for f, t in raw.set.items())
    follow = tuple((f, tuple(d)) for f, d in raw.follow.items())
    return Input(name, c.text(raw.path, ("inputs", name, "path")), raw.kind, sets, follow)


def _step(spec: StepSpec, index: int, c: _Compiler, template: Path, base: Path) -> Step:
    at: DataPath = ("steps", index)
    mark = None
    if spec.watermark and template.suffix.lower() == ".xlsx":
        c.problem(
            (*at, "watermark"),
            "bad_watermark",
            f"步骤“{spec.id}”的模板是 Excel 工作簿，不能加水印；请删去这一步的 watermark",
            f"step {spec.id!r} renders a workbook, which takes no watermark; remove its watermark",
        )
    elif spec.watermark:
        mark = c.mark(spec.watermark, (*at, "watermark"), base)
    data: Expr | Value | None = None
    if isinstance(spec.data, str):
        data = c.expr(spec.data, (*at, "data"))
    elif spec.data is not None:
        data = Value(spec.data, c, (*at, "data"))
    return Step(
        id=spec.id,
        template=spec.template,
        template_path=template,
        data=data,
        with_=Value(spec.with_, c, (*at, "with")) if spec.with_ else None,
        when=c.expr(spec.when, (*at, "when")) if spec.when is not None else None,
        foreach=c.expr(spec.foreach, (*at, "foreach")) if spec.foreach is not None else None,
        as_=spec.as_,
        output=c.text(spec.output, (*at, "output")) if spec.output is not None else None,
        merge=spec.merge,
        where=c.where(at),
        watermark=mark,
        unmarked=spec.watermark is False,
        attachment_of=spec.attachment_of,
        stands_for=tuple(attachment_names(spec.stands_for)),
    )


def _check_names(spec: RecipeSpec, c: _Compiler) -> None:
    seen: dict[str, str] = {}
    for section, keys in (("vars", spec.vars), ("inputs", spec.inputs), ("let", spec.let)):
        for name in keys:
            if name in RESERVED:
                c.problem(
                    (section, name),
                    "reserved_name",
                    f"名称“{name}”是配方保留的名称，请换一个",
                    f"the name {name!r} is reserved by recipes; choose another",
                )
            elif name in seen:
                c.problem(
                    (section, name),
                    "duplicate_name",
                    f"名称“{name}”已在 {seen[name]} 中定义",
                    f"the name {name!r} is already defined in {seen[name]}",
                )
            seen.setdefault(name, section)


def _check_steps(spec: RecipeSpec, c: _Compiler, templates: list[Path]) -> None:
    ids: set[str] = set()
    for index, step in enumerate(spec.steps):
        if step.id in ids:
            c.problem(
                ("steps", index, "id"),
                "duplicate_step",
                f"步骤 id “{step.id}”重复",
                f"step id {step.id!r} is used twice",
            )
        ids.add(step.id)
        if step.foreach is not None and step.output is None:
            c.problem(
                ("steps", index, "output"),
                "foreach_needs_output",
                "带 foreach 的步骤必须写 output 文件名模式（每个文件名要不同）",
                "a step with foreach needs an output name pattern (one name per item)",
            )
    check_attachments(spec, templates, c.problem)
    check_stands_for(spec, c.problem)
    merged = spec.package.merged
    if merged is not None and isinstance(merged.cover, str) and merged.cover not in ids:
        c.problem(
            ("package", "merged", "cover"),
            "unknown_step",
            f"封面步骤“{merged.cover}”不存在",
            f"the cover step {merged.cover!r} does not exist",
        )


__all__ = ["RESERVED", "Input", "Merged", "Recipe", "Step", "Value", "Var", "compile_recipe"]

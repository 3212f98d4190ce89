"""Reading a recipe file: YAML with positions, validated, templates found, expressions compiled.

Every problem of a recipe is reported at once, each with ``file:line:column``
and its field path (``steps[1].foreach``), in Chinese unless English is asked for.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from docgen.bundle.compiled import Recipe, compile_recipe
from docgen.bundle.recipe import RecipeSpec
from docgen.data.loaders.base import RawDocument
from docgen.data.loaders.text import decode_text
from docgen.data.loaders.yaml_source import load_yaml
from docgen.data.positions import Path as DataPath
from docgen.data.positions import PositionMap, format_path
from docgen.exceptions import DataError, Location, Problem, RecipeError, TemplateNotFound
from docgen.library import find_template, template_in

#: A recipe is a short text; anything larger is a mistake (or an attack).
MAX_RECIPE_BYTES = 1024 * 1024

_MESSAGES = {
    "missing": ("缺少必填项", "this field is required"),
    "extra_forbidden": ("配方不认识这个键（拼写错误？）", "unknown key (a typo?)"),
    "string_type": ("应为文本", "should be text"),
    "bool_type": ("应为 true 或 false", "should be true or false"),
    "dict_type": ("应为键值对（映射）", "should be a mapping"),
    "list_type": ("应为列表", "should be a list"),
    "too_short": ("不能为空", "must not be empty"),
    "string_too_short": ("不能为空", "must not be empty"),
    "string_pattern_mismatch": (
        "只能由字母、数字、下划线和汉字组成，且不能以数字开头",
        "may hold only letters, digits, underscores and Chinese characters, not starting "
        "with a digit",
    ),
    "model_type": ("应为键值对（映射）", "should be a mapping"),
}


def load_recipe(
    path: str | os.PathLike[str], templates: Iterable[str | os.PathLike[str]] = ()
) -> Recipe:
    """Load and compile the recipe at ``path``.

    ``templates`` are extra template library folders, searched before the
    shipped library. A step's template may also be a path relative to the recipe.
    Raises :class:`RecipeError` with every problem found.
    """
    file = Path(path)
    raw_bytes = _read(file)
    text = _decode(raw_bytes, file)
    try:
        raw = load_yaml(text, str(file))
    except DataError as err:
        raise RecipeError(
            f"配方文件无法解析：{file}", f"cannot parse the recipe: {file}", err.problems
        ) from None
    spec = _validate(raw, file)
    found = _find_templates(spec, raw.positions, file, list(templates))
    digest = hashlib.sha256(raw_bytes).hexdigest()
    recipe = compile_recipe(spec, raw.positions, file, digest, found)
    for step in recipe.steps:
        recipe.template_digests.setdefault(
            str(step.template_path), _file_digest(step.template_path)
        )
    return recipe


def _read(file: Path) -> bytes:
    try:
        size = file.stat().st_size
        if size > MAX_RECIPE_BYTES:
            raise RecipeError(
                f"配方文件过大（{size} 字节，上限 {MAX_RECIPE_BYTES}）：{file}",
                f"the recipe is too large ({size} bytes, limit {MAX_RECIPE_BYTES}): {file}",
            )
        return file.read_bytes()
    except OSError as err:
        raise RecipeError(
            f"无法读取配方文件 {file}：{err.strerror}",
            f"cannot read the recipe {file}: {err.strerror}",
        ) from err


def _decode(raw: bytes, file: Path) -> str:
    try:
        return decode_text(raw, str(file), allow_gb=True)
    except DataError as err:
        raise RecipeError(
            f"配方文件编码有误：{file}", f"the recipe's encoding is wrong: {file}", err.problems
        ) from None


def _validate(raw: RawDocument, file: Path) -> RecipeSpec:
    problems = list(raw.problems)
    if not isinstance(raw.data, dict):
        problems.append(
            Problem(
                "not_a_mapping",
                "配方的顶层必须是键值对（name、steps……）",
                "the top level of a recipe must be a mapping (name, steps…)",
                Location(file=str(file), line=1),
            )
        )
        raise _invalid(file, problems)
    try:
        spec = RecipeSpec.model_validate(raw.data)
    except ValidationError as err:
        problems.extend(_problems(err.errors(), raw.data, raw.positions))
        raise _invalid(file, problems) from None
    if problems:
        raise _invalid(file, problems)
    return spec


def _invalid(file: Path, problems: list[Problem]) -> RecipeError:
    return RecipeError(
        f"配方文件有 {len(problems)} 处错误：{file}",
        f"the recipe has {len(problems)} problem(s): {file}",
        problems,
    )


def _problems(errors: list[ErrorDetails], data: Any, positions: PositionMap) -> list[Problem]:
    """One problem per place; a union's many complaints about one value become the deepest one."""
    paths = [_real_path(e["loc"], data, e["type"] == "missing") for e in errors]
    seen: set[DataPath] = set()
    out: list[Problem] = []
    for error, path in zip(errors, paths, strict=True):
        deeper = any(len(p) > len(path) and p[: len(path)] == path for p in paths)
        if path in seen or deeper:
            continue
        seen.add(path)
        zh, en = _MESSAGES.get(error["type"], (None, None))
        if zh is None or en is None:
            zh, en = f"取值无效：{error['msg']}", f"invalid value: {error['msg']}"
        if error["type"] == "literal_error":
            expected = error.get("ctx", {}).get("expected", "")
            zh, en = f"只能取 {expected.replace(' or ', '、')}", f"must be one of {expected}"
        key_first = error["type"] in ("extra_forbidden", "missing")
        where = positions.at(path, prefer_key=key_first)
        out.append(Problem(error["type"], zh, en, where, format_path(path)))
    return out


def _real_path(loc: tuple[int | str, ...], data: Any, missing: bool) -> DataPath:
    """``loc`` without the union-member tags pydantic inserts (``VarSpec``, ``str``…)."""
    path: list[str | int] = []
    node = data
    for index, part in enumerate(loc):
        inside_map = isinstance(node, dict) and part in node
        inside_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if inside_map or inside_list:
            node = node[part]
            path.append(part)
        elif missing and index == len(loc) - 1:
            path.append(part)  # a missing key: named, though it has no place of its own
    return tuple(path)


def _find_templates(
    spec: RecipeSpec, positions: PositionMap, file: Path, extra: list[str | os.PathLike[str]]
) -> list[Path]:
    found: list[Path] = []
    problems: list[Problem] = []
    for index, step in enumerate(spec.steps):
        local = file.parent / step.template
        try:
            if local.is_file() or template_in(local) is not None:
                found.append(find_template(local))
            else:
                found.append(find_template(step.template, extra))
        except TemplateNotFound as err:
            at: DataPath = ("steps", index, "template")
            problems.append(
                Problem(
                    "template_not_found",
                    err.message_zh,
                    err.message_en,
                    positions.at(at),
                    format_path(at),
                )
            )
            found.append(local)
    if problems:
        raise _invalid(file, problems)
    return found


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as err:
        raise TemplateNotFound(
            f"无法读取模板文件 {path}：{err.strerror}",
            f"cannot read template file {path}: {err.strerror}",
        ) from err


__all__ = ["MAX_RECIPE_BYTES", "load_recipe"]

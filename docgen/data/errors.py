"""Pydantic validation errors as docgen problems: a place, a field path, both languages."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from docgen.data.positions import Path, PositionMap, format_path
from docgen.data.shapes import field_at
from docgen.exceptions import Problem

#: Wording by pydantic error type: (Chinese, English); ``{…}`` from the error context.
_WORDING: dict[str, tuple[str, str]] = {
    "missing": ("缺少必填字段", "required field is missing"),
    "extra_forbidden": ("未知字段", "unknown field"),
    "string_type": ("应为文本，实际为{got}", "should be text, got {got}"),
    "int_type": ("应为整数，实际为{got}", "should be a whole number, got {got}"),
    "int_parsing": ("应为整数，实际为{got}", "should be a whole number, got {got}"),
    "int_from_float": ("应为整数，实际为{got}", "should be a whole number, got {got}"),
    "float_type": ("应为数字，实际为{got}", "should be a number, got {got}"),
    "float_parsing": ("应为数字，实际为{got}", "should be a number, got {got}"),
    "bool_type": (
        "应为“是”或“否”（true/false），实际为{got}",
        "should be true or false, got {got}",
    ),
    "bool_parsing": (
        "应为“是”或“否”（true/false），实际为{got}",
        "should be true or false, got {got}",
    ),
    "list_type": ("应为列表（一项或多项），实际为{got}", "should be a list, got {got}"),
    "dict_type": ("应为包含子字段的映射，实际为{got}", "should be a mapping of fields, got {got}"),
    "model_type": ("应为包含子字段的映射，实际为{got}", "should be a mapping of fields, got {got}"),
    "model_attributes_type": (
        "应为包含子字段的映射，实际为{got}",
        "should be a mapping of fields, got {got}",
    ),
    "greater_than_equal": ("不能小于 {ge}，实际为{got}", "must be at least {ge}, got {got}"),
    "less_than_equal": ("不能大于 {le}，实际为{got}", "must be at most {le}, got {got}"),
    "greater_than": ("应大于 {gt}，实际为{got}", "must be greater than {gt}, got {got}"),
    "less_than": ("应小于 {lt}，实际为{got}", "must be less than {lt}, got {got}"),
    "literal_error": (
        "应为以下之一：{expected}，实际为{got}",
        "should be one of {expected}, got {got}",
    ),
    "string_too_short": ("不能为空", "must not be empty"),
}


def problems_from_errors(
    errors: Iterable[ErrorDetails],
    data: object,
    positions: PositionMap,
    model: type[BaseModel],
    skip: Collection[tuple[Path, str]] = (),
) -> list[Problem]:
    """One :class:`Problem` per pydantic error in ``errors`` (raised validating ``data``).

    ``skip`` names ``(list path, field)`` pairs whose "missing" errors were
    already reported once per table column. Errors that pydantic reports once per
    member of a union land on the same path; only the first is kept.
    """
    out: list[Problem] = []
    seen: set[Path] = set()
    for error in errors:
        path, trimmed = clean_loc(error["loc"], data)
        if error["type"] == "missing" and len(path) >= 3 and (path[:-2], str(path[-1])) in skip:
            continue
        if trimmed and path in seen:
            continue
        seen.add(path)
        zh, en = wording(error)
        label = _label(model, path)
        out.append(
            Problem(
                error["type"],
                f"{label}：{zh}" if label else zh,
                en,
                positions.at(path, prefer_key=error["type"] == "extra_forbidden"),
                format_path(path),
            )
        )
    return out


def clean_loc(loc: tuple[int | str, ...], data: object) -> tuple[Path, bool]:
    """The data path of an error location, without union tags or ``[key]`` markers.

    Returns the path and whether anything was dropped from ``loc``.
    """
    path: list[str | int] = []
    current: object = data
    for part in loc:
        if _has(current, part):
            current = current[part]  # type: ignore[index]
        elif isinstance(current, Mapping) and isinstance(part, str) and part.isidentifier():
            current = None  # a missing field: keep its name, nothing below it exists
        else:
            continue
        path.append(part)
    return tuple(path), len(path) != len(loc)


def _has(container: object, part: int | str) -> bool:
    if isinstance(container, Mapping):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)


def wording(error: ErrorDetails) -> tuple[str, str]:
    """The Chinese and English message of one pydantic error."""
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if "zh" in ctx and "en" in ctx:
        return str(ctx["zh"]), str(ctx["en"])
    got = _shown(error.get("input"))
    pair = _WORDING.get(error["type"])
    if pair is None:
        return f"取值无效：{error['msg']}", error["msg"]
    fill = {**{k: str(v) for k, v in ctx.items()}, "got": got}
    return pair[0].format_map(fill), pair[1].format_map(fill)


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "映射"
    if isinstance(value, list):
        return "列表"
    text = repr(value) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 40 else text[:37] + "…"


def _label(model: type[BaseModel], path: Path) -> str | None:
    field = field_at(model, path)
    return field.alias if field is not None else None


__all__ = ["clean_loc", "problems_from_errors", "wording"]

"""What a model field holds, read from its annotation: a sub-model, a list or map of them."""

from __future__ import annotations

import functools
import types
from dataclasses import dataclass
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from docgen.data.kinds import KINDS, accepted_keys, field_keys
from docgen.data.positions import Path

Container = Literal["one", "list", "dict", "none"]


@dataclass(frozen=True)
class Shape:
    """``model`` is the sub-model a field holds (or ``None`` for plain values);
    ``container`` says whether it holds one, a list, or a mapping of them."""

    model: type[BaseModel] | None
    container: Container


def shape_of(annotation: object) -> Shape:
    """The :class:`Shape` of a field annotation such as ``list[Problem] | None``."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return shape_of(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            found = shape_of(arg)
            if found.model is not None:
                return found
        return Shape(None, "none")
    if origin is list:
        inner = shape_of(get_args(annotation)[0])
        return Shape(inner.model, "list" if inner.model else "none")
    if origin is dict:
        inner = shape_of(get_args(annotation)[1])
        return Shape(inner.model, "dict" if inner.model else "none")
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape(annotation, "one")
    return Shape(None, "none")


@functools.cache
def field_shape(model: type[BaseModel], name: str) -> Shape:
    """The :class:`Shape` of field ``name`` of ``model`` (cached: it never changes)."""
    return shape_of(model.model_fields[name].annotation)


@functools.cache
def key_map(model: type[BaseModel]) -> dict[str, str]:
    """Accepted input key → attribute name, for every field of ``model``."""
    out: dict[str, str] = {}
    for name, field in model.model_fields.items():
        for key in field_keys(name, field.validation_alias):
            out.setdefault(key, name)
            out.setdefault(key.lower(), name)
    return out


@functools.cache
def known_keys() -> frozenset[str]:
    """Every key any kind accepts, at any depth (names, Chinese aliases, synonyms)."""
    keys: set[str] = set()
    seen: set[type[BaseModel]] = set()
    stack = [info.model for info in KINDS.values()]
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        keys |= accepted_keys(model)
        stack.extend(
            sub for f in model.model_fields.values() if (sub := shape_of(f.annotation).model)
        )
    return frozenset(keys | {"kind", "文种", "config", "配置"})


def field_at(model: type[BaseModel], path: Path) -> FieldInfo | None:
    """The field a path of attribute names and indices ends at, if the path is valid."""
    current: type[BaseModel] | None = model
    found: FieldInfo | None = None
    for part in path:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return None
        found = current.model_fields[part]
        current = shape_of(found.annotation).model
    return found


__all__ = ["Shape", "field_at", "field_shape", "key_map", "known_keys", "shape_of"]

"""Writing a model back out: YAML with Chinese comments (``docgen init``), and JSON.

The YAML is emitted by hand so each field can carry its Chinese name and help
as a comment; scalars are rendered by PyYAML itself, so whatever text a field
holds reads back unchanged (:func:`dump_yaml` then loading gives an equal model).
"""

from __future__ import annotations

import functools
import json
from decimal import Decimal
from typing import Any

import yaml
from pydantic import BaseModel

from docgen.data.positions import english_key
from docgen.data.shapes import Shape, shape_of


def dump_yaml(model: BaseModel, *, comments: bool = True, header: str | None = None) -> str:
    """``model`` as YAML; with ``comments``, each field's first appearance is explained."""
    data = model.model_dump(mode="python", exclude_none=True)
    lines = [f"# {line}" for line in (header or "").splitlines()]
    _Emitter(lines, comments).mapping(data, type(model), 0)
    return "\n".join(lines) + "\n"


def dump_json(model: BaseModel) -> str:
    """``model`` as indented JSON with Chinese kept readable."""
    data = model.model_dump(mode="json", exclude_none=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


def scalar(value: object) -> str:
    """One scalar as YAML text on a single line (quoted and escaped when needed)."""
    text = _safe(value, None)
    edged = isinstance(value, str) and value != value.strip()
    if edged or any(brk in text for brk in _BREAKS):
        # Inside single quotes YAML folds a line break (NEL and LS/PS included) into a
        # space; double quotes let PyYAML escape it, so the text reads back unchanged.
        # A text starting or ending with a space YAML does not count as one (U+3000)
        # is quoted too: plain, the loader's IME repair would read "key:\u3000" as a
        # mistyped separator and drop the trailing full-width space.
        text = _safe(value, '"')
    return text


def _safe(value: object, style: str | None) -> str:
    if isinstance(value, Decimal):
        return f"{value:f}"  # an amount as typed (138.00), which PyYAML cannot represent
    out = yaml.safe_dump(value, allow_unicode=True, width=float("inf"), default_style=style)
    return out.removesuffix("\n").removesuffix("\n...").removesuffix("\n")


@functools.cache
def field_order(model: type[BaseModel]) -> list[str]:
    """``kind`` first, then the fields of the class itself, then inherited ones."""
    order = ["kind"] if "kind" in model.model_fields else []
    for cls in model.__mro__:
        for name in getattr(cls, "__annotations__", {}):
            if name in model.model_fields and name not in order:
                order.append(name)
    return order + [n for n in model.model_fields if n not in order]


class _Emitter:
    def __init__(self, lines: list[str], comments: bool) -> None:
        self.lines = lines
        self.comments = comments
        self.explained: set[tuple[type[BaseModel], str]] = set()

    def note(self, model: type[BaseModel] | None, name: str) -> str:
        if not self.comments or model is None or name not in model.model_fields:
            return ""
        if (model, name) in self.explained:
            return ""
        self.explained.add((model, name))
        info = model.model_fields[name]
        label, help_text = info.alias or name, info.description or ""
        return f"  # {label}：{help_text}" if help_text and help_text != label else f"  # {label}"

    def mapping(
        self, data: dict[str, Any], model: type[BaseModel] | None, indent: int, first: str = ""
    ) -> None:
        names = field_order(model) if model is not None else list(data)
        keys = [english_key(n) for n in names if english_key(n) in data] + [
            k for k in data if k not in {english_key(n) for n in names}
        ]
        pad = " " * indent
        for number, key in enumerate(keys):
            lead = first if number == 0 and first else pad
            attr = {"for": "for_", "from": "from_"}.get(key, key)
            self.value(lead, key, data[key], model, attr, indent)

    def value(
        self,
        lead: str,
        key: str,
        value: object,
        model: type[BaseModel] | None,
        attr: str,
        indent: int,
    ) -> None:
        note = self.note(model, attr)
        shape = Shape(None, "none")
        if model is not None and attr in model.model_fields:
            shape = shape_of(model.model_fields[attr].annotation)
        sub = shape.model
        if isinstance(value, dict) and value:
            self.lines.append(f"{lead}{scalar(key)}:{note}")
            self.mapping(value, sub if shape.container == "one" else None, indent + 2)
        elif isinstance(value, list) and value:
            self.lines.append(f"{lead}{scalar(key)}:{note}")
            for item in value:
                self.item(item, sub, indent + 2)
        else:
            self.lines.append(f"{lead}{scalar(key)}: {self.flow(value)}{note}")

    def item(self, item: object, model: type[BaseModel] | None, indent: int) -> None:
        pad = " " * indent
        if isinstance(item, dict) and item:
            self.mapping(item, model, indent + 2, first=f"{pad}- ")
        else:
            self.lines.append(f"{pad}- {self.flow(item)}")

    @staticmethod
    def flow(value: object) -> str:
        if isinstance(value, dict | list):
            return json.dumps(value, ensure_ascii=False, default=str) if not value else _flow(value)
        return scalar(value)


def _flow(value: object) -> str:
    out = yaml.safe_dump(value, allow_unicode=True, width=float("inf"), default_flow_style=True)
    return " ".join(out.split("\n")).strip()


__all__ = ["dump_json", "dump_yaml", "field_order", "scalar"]

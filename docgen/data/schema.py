"""JSON Schema of each kind, for editor completion in YAML files.

Pydantic's schema names properties by attribute; this adds each field's Chinese
alias as an equally valid property (a required field may be given under either
name), writes ``for``/``from`` for the keyword attributes, and keeps the
enumeration defaults as ``examples`` since the lists are configurable.
"""

from __future__ import annotations

import copy
from typing import Any

from docgen.data.kinds import KINDS, resolve_kind
from docgen.data.positions import english_key

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of ``kind`` (any accepted spelling); ``KeyError`` if unknown."""
    found = resolve_kind(kind)
    if found is None:
        raise KeyError(kind)
    model = KINDS[found[0]].model
    schema = model.model_json_schema(by_alias=False, mode="validation")
    _visit(schema)
    return {"$schema": _DRAFT, **schema}


def _visit(node: object) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            _add_aliases(node)
        for child in list(node.values()):
            _visit(child)
    elif isinstance(node, list):
        for child in node:
            _visit(child)


def _add_aliases(node: dict[str, Any]) -> None:
    props: dict[str, Any] = node["properties"]
    required: list[str] = list(node.get("required", []))
    renamed: dict[str, Any] = {}
    alternatives: list[dict[str, Any]] = []
    for name, prop in props.items():
        key = english_key(name)
        renamed[key] = prop
        zh_name = prop.get("x-zh") if isinstance(prop, dict) else None
        if zh_name and zh_name not in props:
            renamed[zh_name] = copy.deepcopy(prop)
        if name in required:
            required.remove(name)
            choice = [{"required": [key]}] + ([{"required": [zh_name]}] if zh_name else [])
            alternatives.append({"anyOf": choice})
    node["properties"] = renamed
    node.pop("required", None)
    if alternatives:
        node["allOf"] = [*node.get("allOf", []), *alternatives]


__all__ = ["schema_for"]

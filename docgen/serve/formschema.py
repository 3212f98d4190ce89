"""The form-friendly JSON Schema of a kind, published beside the full one.

The full schema (:func:`docgen.data.schema.schema_for`) accepts every spelling
of every key, for editors checking YAML files. A form needs one spelling and
a plain tree: English keys, titles in the page's language (the Chinese alias),
help text, ``$ref`` inlined, ``X | None`` reduced to ``X``, drop-downs for the
configurable lists (meeting types, categories, statuses…), date pickers, and
no field that names a file on the server (``branch_file``: a form has no files).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from docgen.data.config import DEFAULT_CONFIG, DataConfig
from docgen.data.fields import vocab_of
from docgen.data.kinds import KINDS
from docgen.data.positions import english_key
from docgen.data.shapes import shape_of
from docgen.data.writer import field_order
from docgen.i18n import Lang

#: Fields that name files beside a data file; a form (and the server) has none.
FILE_FIELDS = frozenset({"branch_file", "roster_file"})
_UNSET = {"zh": "（请选择）", "en": "(choose)"}
_BOOL_TITLES = {"zh": ["（未填）", "是", "否"], "en": ["(not given)", "yes", "no"]}
_DROP = ("$defs", "default", "examples", "x-zh", "additionalProperties")


def form_schema(
    kind: str,
    lang: Lang = "zh",
    *,
    only: Sequence[str] = (),
    config: DataConfig = DEFAULT_CONFIG,
) -> dict[str, Any]:
    """The form schema of ``kind`` (a :data:`~docgen.data.kinds.KINDS` name; ``KeyError`` if not).

    ``only`` keeps just those top-level fields, in that order (a template's
    manifest lists the fields it reads); otherwise every field, in the order a
    data file lists them.
    """
    model = KINDS[kind].model
    full = model.model_json_schema(by_alias=False, mode="validation")
    defs: dict[str, Any] = full.get("$defs", {})
    tree = _Builder(defs, lang, config).node(full, model)
    props: dict[str, Any] = tree["properties"]
    order = [english_key(n) for n in (only or field_order(model))]
    tree["properties"] = {k: props[k] for k in order if k in props and k != "kind"}
    if "required" in tree:
        tree["required"] = [k for k in tree["required"] if k in tree["properties"]]
    tree["title"] = KINDS[kind].label_zh if lang == "zh" else KINDS[kind].label_en
    return tree


class _Builder:
    def __init__(self, defs: dict[str, Any], lang: Lang, config: DataConfig) -> None:
        self.defs = defs
        self.lang = lang
        self.config = config

    def node(self, raw: dict[str, Any], model: type[BaseModel] | None) -> dict[str, Any]:
        node = self._resolve(raw)
        out = {k: copy.deepcopy(v) for k, v in node.items() if k not in _DROP}
        out.pop("properties", None)
        out.pop("items", None)
        out.pop("required", None)
        # A model's docstring is written for developers; the field's own description is the help.
        out.pop("description", None)
        examples = node.get("examples") or []
        if out.get("type") == "string" and examples:
            # Shown as the field's placeholder: "2026-11-21T14:30" says how to write a time.
            out["options"] = {"inputAttributes": {"placeholder": str(examples[0])}}
        if out.get("type") in ("integer", "number"):
            # A number box whose empty value is "" (left out of the data), not a made-up 0;
            # the data door reads "5" as 5 as it does from a spreadsheet.
            out.update(type="string", format="number")
        if out.get("type") == "boolean":
            # Yes, no, or not said: a checkbox cannot leave a boolean unsaid (a vote's
            # 是否通过 left empty is worked out from the counts).
            out.update(type="string", enum=["", "true", "false"])
            out["options"] = {"enum_titles": _BOOL_TITLES[self.lang]}
        if "properties" in node:
            out["type"] = "object"
            out["properties"] = self._properties(node, model)
            required = [english_key(r) for r in node.get("required", []) if r not in FILE_FIELDS]
            if required:
                out["required"] = required
        if "items" in node:
            out["items"] = self.node(node["items"], model)
            out["format"] = "table" if _is_flat(out["items"]) else out.get("format", "tabs-top")
            if out["format"] == "tabs-top":
                del out["format"]
        return out

    def _properties(self, node: dict[str, Any], model: type[BaseModel] | None) -> dict[str, Any]:
        props: dict[str, Any] = {}
        fields = model.model_fields if model is not None else {}
        for attr, raw in node["properties"].items():
            if attr in FILE_FIELDS:
                continue
            info = fields.get(attr)
            sub = shape_of(info.annotation).model if info is not None else None
            prop = self.node(raw, sub)
            zh_title = raw.get("x-zh") or self._resolve(raw).get("x-zh")
            en_title = raw.get("title") or attr.replace("_", " ").strip().capitalize()
            prop["title"] = (zh_title or en_title) if self.lang == "zh" else en_title
            if raw.get("description"):
                prop["description"] = raw["description"]
            if isinstance(prop.get("items"), dict):
                # Rows are called after their list: 参会人员 1, 添加参会人员.
                prop["items"]["title"] = prop["title"]
            vocab = vocab_of(info) if info is not None else None
            if vocab is not None:
                choices = list(getattr(self.config, vocab.list_name))
                target = prop["items"] if prop.get("type") == "array" else prop
                # A blank first choice, so that a field left alone stays unsaid.
                target["enum"] = ["", *choices]
                target["options"] = {"enum_titles": [_UNSET[self.lang], *choices]}
            props[english_key(attr)] = prop
        return props

    def _resolve(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Follow ``$ref`` and pick the one real choice of ``X | None``, keeping outer notes."""
        node = dict(raw)
        while True:
            if "$ref" in node:
                target = self.defs[node.pop("$ref").rsplit("/", 1)[-1]]
                node = {**target, **{k: v for k, v in node.items() if k != "title"}}
                continue
            options = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
            if "anyOf" in node and options:
                chosen = _preferred(options)
                rest = {k: v for k, v in node.items() if k != "anyOf"}
                node = {**chosen, **rest}
                continue
            return node


def _preferred(options: list[dict[str, Any]]) -> dict[str, Any]:
    """Among the non-null choices, the one a form can edit best: a structure, else text."""
    for option in options:
        if "$ref" in option or option.get("type") in ("object", "array"):
            return option
    for option in options:
        if option.get("type") == "string":
            return option
    return options[0]


def _is_flat(items: dict[str, Any]) -> bool:
    """A list of small records of plain values shows best as a table."""
    props = items.get("properties")
    if not isinstance(props, dict) or len(props) > 4:
        return False
    return all(p.get("type") in ("string", "integer", "number", "boolean") for p in props.values())


def form_data(model: BaseModel) -> dict[str, Any]:
    """A validated model as the form's value: English keys, JSON types, no ``kind``."""
    data = _english(model.model_dump(mode="json", exclude_none=True, by_alias=False))
    if not isinstance(data, dict):  # pragma: no cover -- a model always dumps to a mapping
        raise TypeError(type(data))
    return {k: v for k, v in data.items() if k != "kind" and k not in FILE_FIELDS}


def _english(value: object) -> object:
    if isinstance(value, dict):
        return {english_key(str(k)): _english(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_english(v) for v in value]
    return value

"""No "None" anywhere: every library template with every optional field absent.

For each shipped template, its full fixture is cut down to the fields its kind requires
(recursively: a required list keeps its items, each cut down to its own required fields).
The data goes through a one-step bundle, as a batch row would, with the template's own
output-name pattern, so both the document's text (body, headers, footers, notes) and the
file name are checked. A template that cannot be rendered without some optional field must
say so clearly (a DocgenError naming it), never print "None".
"""

from __future__ import annotations

import re
import types
import typing
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from pydantic import BaseModel

from docgen.bundle import Bundle
from docgen.data.kinds import KINDS
from docgen.library import Manifest, list_templates

ROOT = Path(__file__).resolve().parents[2]
_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")


def _templates() -> list[Manifest]:
    return [m for m in list_templates() if m.fixture]


def _model_type(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``annotation`` (``Model``, ``Model | None``, ``list[Model]``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_type(arg)
            if found is not None:
                return found
    return None


def _field(model: type[BaseModel], key: str) -> str | None:
    for name, info in model.model_fields.items():
        aliases = {name, info.alias}
        choices = getattr(info.validation_alias, "choices", None) or [info.validation_alias]
        aliases.update(str(c) for c in choices if c is not None)
        if key in aliases:
            return name
    return None


def required_only(data: Any, model: type[BaseModel]) -> Any:
    """``data`` with every optional field of ``model`` (and of nested models) removed."""
    if not isinstance(data, dict):
        return data
    kept: dict[str, Any] = {}
    for key, value in data.items():
        name = _field(model, str(key))
        if key in ("kind", "文种"):
            kept[key] = value
            continue
        if name is None or not model.model_fields[name].is_required():
            continue
        inner = _model_type(model.model_fields[name].annotation)
        if inner is not None and isinstance(value, list):
            value = [required_only(v, inner) for v in value]
        elif inner is not None:
            value = required_only(value, inner)
        kept[key] = value
    return kept


def _texts(blob: bytes) -> str:
    with zipfile.ZipFile(BytesIO(blob)) as package:
        if "xl/workbook.xml" in package.namelist():  # a workbook template's output
            book = openpyxl.load_workbook(BytesIO(blob))
            cells = (
                c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
            )
            return "\n".join(str(c) for c in cells if c is not None)
        parts = [n for n in package.namelist() if n.startswith("word/") and n.endswith(".xml")]
        return "\n".join("".join(_TEXT.findall(package.read(n).decode("utf-8"))) for n in parts)


@pytest.mark.parametrize("manifest", _templates(), ids=lambda m: m.name)
def test_no_none_with_every_optional_field_absent(manifest: Manifest, tmp_path: Path) -> None:
    full = yaml.safe_load((ROOT / str(manifest.fixture)).read_text("utf-8"))
    model = KINDS[manifest.kind].model
    data = tmp_path / "data.yaml"
    data.write_text(yaml.safe_dump(required_only(full, model), allow_unicode=True), "utf-8")
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(
        f"name: 检查\ninputs:\n  d: {{path: data.yaml, kind: {manifest.kind}}}\n"
        f"steps:\n  - {{id: doc, template: {manifest.name}, data: d}}\n",
        "utf-8",
    )
    production = Bundle.load(recipe).produce()
    assert not production.failures, [f.message_zh for f in production.failures]
    (artifact,) = production.artifacts
    assert artifact.blob is not None
    assert "None" not in artifact.relpath
    text = _texts(artifact.blob)
    assert text.strip()
    assert "None" not in text, re.findall(r".{0,20}None.{0,20}", text)

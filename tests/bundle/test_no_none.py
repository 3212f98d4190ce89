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

import docgen
from docgen.bundle import Bundle
from docgen.data.kinds import KINDS
from docgen.library import Manifest, list_templates

ROOT = Path(__file__).resolve().parents[2]
_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_TAG = re.compile(r"<[^>]+>")


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


#: Fields optional in a kind's model that its rules still need one of: a 民主评议 rates
#: the listed members or, without a list, the roster (``appraisal_no_members``).
NEEDED = {"appraisal": ("branch_file",)}


def required_only(data: Any, model: type[BaseModel], needed: tuple[str, ...] = ()) -> Any:
    """``data`` with every optional field of ``model`` (and of nested models) removed, but
    the top-level ``needed`` ones."""
    if not isinstance(data, dict):
        return data
    kept: dict[str, Any] = {}
    for key, value in data.items():
        name = _field(model, str(key))
        if key in ("kind", "文种") or name in needed:
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
    """The text of every part: runs of the body, headers, footers and notes, and the
    document properties (title, subject) whole, tags taken out."""
    with zipfile.ZipFile(BytesIO(blob)) as package:
        texts = []
        if "xl/workbook.xml" in package.namelist():  # a workbook template's output
            book = openpyxl.load_workbook(BytesIO(blob))
            cells = (
                c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
            )
            texts.append("\n".join(str(c) for c in cells if c is not None))
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                texts.append("".join(_TEXT.findall(package.read(name).decode("utf-8"))))
            elif name.startswith("docProps/"):
                texts.append(_TAG.sub(" ", package.read(name).decode("utf-8")))
        return "\n".join(texts)


@pytest.mark.parametrize("manifest", _templates(), ids=lambda m: m.name)
def test_no_none_with_every_optional_field_absent(manifest: Manifest, tmp_path: Path) -> None:
    full = yaml.safe_load((ROOT / str(manifest.fixture)).read_text("utf-8"))
    model = KINDS[manifest.kind].model
    data = tmp_path / "data.yaml"
    cut = required_only(full, model, NEEDED.get(manifest.kind, ()))
    if "branch_file" in cut:  # relative to the fixture, which this copy is not beside
        cut["branch_file"] = str((ROOT / str(manifest.fixture)).parent / cut["branch_file"])
    data.write_text(yaml.safe_dump(cut, allow_unicode=True), "utf-8")
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


def optional_paths(data: Any, model: type[BaseModel], prefix: tuple[str, ...] = ()) -> Any:
    """The path of every optional field ``data`` gives (``*`` for each item of a list)."""
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        name = _field(model, str(key))
        if name is None or key in ("kind", "文种"):
            continue
        if not model.model_fields[name].is_required():
            yield (*prefix, str(key))
        inner = _model_type(model.model_fields[name].annotation)
        if inner is not None and isinstance(value, list) and value:
            yield from optional_paths(value[0], inner, (*prefix, str(key), "*"))
        elif inner is not None:
            yield from optional_paths(value, inner, (*prefix, str(key)))


def without(data: Any, path: tuple[str, ...]) -> Any:
    """A copy of ``data`` without the field at ``path`` (in every list item for ``*``)."""
    head, rest = path[0], path[1:]
    if head == "*":
        return [without(item, rest) for item in data]
    if not isinstance(data, dict):
        return data
    if not rest:
        return {k: v for k, v in data.items() if k != head}
    return {k: without(v, rest) if k == head else v for k, v in data.items()}


@pytest.mark.parametrize("manifest", _templates(), ids=lambda m: m.name)
def test_no_none_with_each_optional_field_absent_alone(manifest: Manifest) -> None:
    """Each optional field left out on its own, the others kept (what a half-filled form
    gives): the document either renders without "None" or is refused with a message."""
    fixture = ROOT / str(manifest.fixture)
    full = yaml.safe_load(fixture.read_text("utf-8"))
    template = docgen.load(manifest.name)
    paths = list(optional_paths(full, KINDS[manifest.kind].model))
    assert paths, "the fixture gives optional fields"
    refusals, rendered = [], 0
    for path in paths:
        try:
            blob = docgen.render(template, without(full, path), name=str(fixture))
        except docgen.DocgenError as err:
            refusals.append(err.text("zh"))
            continue
        rendered += 1
        text = _texts(blob)
        assert "None" not in text, (path, re.findall(r".{0,20}None.{0,20}", text))
    assert not [r for r in refusals if "None" in r]
    assert rendered > len(paths) // 2  # most fields are truly optional: most cases render

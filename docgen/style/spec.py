"""A template's full description: where it lives, what data it needs, and its blocks.

:meth:`TemplateSpec.build` turns the blocks into .docx bytes with the house
style; :meth:`TemplateSpec.manifest` writes the ``manifest.toml`` that
:mod:`docgen.library` reads. The field list is taken from the data model of
``kind``, so labels and help texts never drift from the data layer.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, get_args

from pydantic import BaseModel

from docgen.style.emit import Block, Emitter
from docgen.style.house import DEFAULT_STYLE, HouseStyle
from docgen.style.package import Properties, package_parts, zip_parts


@dataclass(frozen=True)
class FieldInfo:
    """A data field a template reads: name, Chinese label, type, whether required, help."""

    name: str
    label: str
    type: str
    required: bool
    help: str


@dataclass(frozen=True)
class TemplateSpec:
    """Everything about one shipped template.

    ``fields`` names the top-level data fields the template reads (from the
    model of ``kind``); ``required`` those it cannot do without. ``fixture`` and
    ``minimal`` are repository-relative data files used by tests and docs.
    """

    genre: str
    name: str
    kind: str
    title: str
    description: str
    output: str
    blocks: Sequence[Block]
    fields: Sequence[str]
    required: Sequence[str] = ()
    fixture: str = ""
    minimal: str = ""
    landscape: bool = False
    style: HouseStyle = field(default_factory=lambda: DEFAULT_STYLE)
    #: The file :meth:`build` makes, in the template's folder.
    template_file: ClassVar[str] = "template.docx"

    @property
    def key(self) -> str:
        """The library name, ``genre/name``."""
        return f"{self.genre}/{self.name}"

    def build(self) -> bytes:
        """The template .docx, byte-for-byte the same on every call."""
        out = Emitter(self.style, landscape=self.landscape)
        blocks = list(self.blocks)
        if not self.style.internal:
            from docgen.style.masthead import Colophon, Masthead

            blocks = [Masthead(), *blocks, Colophon()]
        for block in blocks:
            block.emit(out)
        props = Properties(title=self.document_title(), subject=self.description)
        return zip_parts(package_parts(self.style, out.body(), props))

    def document_title(self) -> str:
        """What ``dc:title`` holds: the title line's own text (its fields render into the
        properties too, so Word's 文件 → 属性 shows the document's title, issue 9 §6), or the
        template's title when the title line is more than plain text and fields."""
        from docgen.style.blocks import Title

        for block in self.blocks:
            if isinstance(block, Title):
                plain = "{%" not in block.text and "{#" not in block.text
                return block.text if plain and block.text.strip() else self.title
        return self.title

    def field_infos(self) -> list[FieldInfo]:
        """The fields, described from the data model."""
        from docgen.data.kinds import KINDS

        model = KINDS[self.kind].model
        return [_describe(model, name, name in self.required) for name in self.fields]

    def manifest(self) -> str:
        """The ``manifest.toml`` text."""
        lines = [
            f"# {self.title}：由 scripts/build_templates.py 生成，请勿手工修改。",
            f"kind = {_toml(self.kind)}",
            f"title = {_toml(self.title)}",
            f"description = {_toml(self.description)}",
            f"output = {_toml(self.output)}",
            'example = "example.yaml"',
            f"fixture = {_toml(self.fixture)}",
            f"minimal = {_toml(self.minimal)}",
            "",
            "[fields]",
        ]
        for f in self.field_infos():
            lines.append(
                f"{f.name} = {{ label = {_toml(f.label)}, type = {_toml(f.type)}, "
                f"required = {'true' if f.required else 'false'}, help = {_toml(f.help)} }}"
            )
        return "\n".join(lines) + "\n"


def _toml(text: str) -> str:
    # JSON string syntax is valid TOML basic-string syntax; keep Chinese as is.
    return json.dumps(text, ensure_ascii=False)


def _describe(model: type[BaseModel], name: str, required: bool) -> FieldInfo:
    info = model.model_fields[name]
    return FieldInfo(
        name=name,
        label=info.alias or name,
        type=_type_name(info.annotation),
        required=required,
        help=info.description or "",
    )


def _type_name(annotation: Any) -> str:
    """A short type word for people: str, int, date, list, dict."""
    text = str(annotation)
    if text.startswith("list") or "list[" in text:
        return "list"
    candidates = [annotation, *get_args(annotation)]
    for c in candidates:
        if isinstance(c, type) and issubclass(c, BaseModel):
            return "dict"
        if c is int:
            return "int"
        if c is dt.date or "date" in str(c).lower():
            return "date"
    return "str"


__all__ = ["FieldInfo", "TemplateSpec"]

"""The shape of a bundle recipe (YAML), as pydantic models that validate it.

::

    name: 整改材料                       # required
    vars:                               # recipe variables; a roster row sets them by column
      branch: 示例支部                   #   a default value, or
      data: {column: 数据文件, required: true}
    inputs:                             # data files, relative to the recipe (text fields)
      plan: "{{ data }}"                #   or {path: ..., kind: rectification | plain}
    let:                                # derived values: text is an expression, in order
      open_items: plan.problems | rejectattr('done') | list
    folder: "{{ branch }}"              # optional sub-folder for this bundle's outputs
    steps:
      - id: plan                        # names what this step produced, for later steps
        template: plans/zhenggai-fangan # library name, or a path relative to the recipe
        data: plan                      # an expression, or a mapping of text values
        with: {title: 整改措施}          # values laid over ``data``
        when: plan.problems             # skip the step when false
        foreach: plan.problems          # one document per item, named ``as`` (default item)
        as: problem
        output: "{{ branch }}-{{ loop.index }}.docx"
        merge: {start: section, restart_page_numbers: true, keep_headers: true}
    package:
      folder: true                      # write each document (default)
      zip: "{{ branch }}.zip"           # and/or one zip of them (true: <name>.zip)
      merged: {output: 合订本.docx, toc: true, cover: {title: 整改材料, lines: [某支部]}}

The model only checks shapes; expressions are compiled by :mod:`docgen.bundle.compiled`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

#: Step ids and variable names: usable as names inside expressions.
IDENTIFIER = r"^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*$"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class VarSpec(_Spec):
    """A variable: its default, the roster column(s) that set it, and whether it is required."""

    default: Any = None
    column: str | list[str] | None = None
    required: bool = False


class InputSpec(_Spec):
    """A data file: ``kind`` validates it as that kind; ``plain`` reads it untyped."""

    path: str
    kind: str | None = None


class MergeSpec(_Spec):
    """How a step's documents join the merged .docx."""

    include: bool = True
    start: Literal["section", "page", "none"] = "section"
    restart_page_numbers: bool = False
    keep_headers: bool = True


class StepSpec(_Spec):
    """One template to render (once, or once per ``foreach`` item)."""

    id: str = Field(pattern=IDENTIFIER)
    template: str = Field(min_length=1)
    data: str | dict[str, Any] | None = None
    with_: dict[str, Any] = Field(default_factory=dict, alias="with")
    when: str | None = None
    foreach: str | None = None
    as_: str = Field(default="item", alias="as", pattern=IDENTIFIER)
    output: str | None = None
    merge: MergeSpec = Field(default_factory=MergeSpec)


class CoverSpec(_Spec):
    """A generated title page: a title and lines under it (text fields)."""

    title: str = Field(min_length=1)
    lines: list[str] = Field(default_factory=list)


class MergedSpec(_Spec):
    """One merged .docx of the bundle's documents, optionally with a cover and a contents page.

    ``cover`` is the id of a step whose document becomes the cover, or a
    generated title page ``{title: …, lines: […]}``.
    """

    output: str = Field(min_length=1)
    toc: bool = False
    cover: str | CoverSpec | None = None


class PackageSpec(_Spec):
    """What the bundle leaves behind: the documents, a zip, a merged .docx."""

    folder: bool = True
    zip: str | bool = False
    merged: MergedSpec | None = None


class RecipeSpec(_Spec):
    """A whole recipe."""

    name: str = Field(min_length=1)
    description: str | None = None
    vars: dict[str, VarSpec | str | int | float | bool | None] = Field(default_factory=dict)
    inputs: dict[str, str | InputSpec] = Field(default_factory=dict)
    let: dict[str, Any] = Field(default_factory=dict)
    folder: str = ""
    steps: list[StepSpec] = Field(min_length=1)
    package: PackageSpec = Field(default_factory=PackageSpec)


__all__ = [
    "IDENTIFIER",
    "CoverSpec",
    "InputSpec",
    "MergeSpec",
    "MergedSpec",
    "PackageSpec",
    "RecipeSpec",
    "StepSpec",
    "VarSpec",
]

"""The shape of a bundle recipe (YAML), as pydantic models that validate it.

::

    name: 整改材料                       # required
    key: 支部                            # roster column(s) that name a row (default: 支部/编号…)
    vars:                               # recipe variables; a roster row sets them by column
      branch: 示例支部                   #   a default value, or
      data: {column: 数据文件, required: true, sample: ../fixtures/x.yaml}
      date: {column: 落款日期, empty: keep} # an empty cell keeps the input's own value
    inputs:                             # data files, relative to the recipe (text fields)
      plan: "{{ data }}"                #   or {path: ..., kind: rectification | plain,
                                        #       set: {signoff.date: "{{ date }}"},  row values
                                        #       follow: {branch: [title]}}  re-derived with it
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
      - id: ledger
        template: plans/zhenggai-taizhang
        attachment_of: plan             # an attachment of step plan: listed in its 附件说明,
                                        # labelled 附件 (附件2 … when it has several)
        stands_for: [整改台账]           # the entry of plan's own 附件 it is (takes its number)
        watermark: 征求意见稿            # this step's own (false: none on this step)
    watermark: 草稿                     # every page of every part and of the merged volume;
                                        #   or {text: 征求意见稿, diagonal: true, colour: C0C0C0,
                                        #   size_pt: 60}, or {image: 水印.png} (beside the recipe)
    package:
      folder: true                      # write each document (default)
      zip: "{{ branch }}.zip"           # and/or one zip of them (true: <name>.zip)
      merged: {output: 合订本.docx, toc: true, cover: {title: 整改材料, lines: [某支部]},
               duplex: true, page_numbers: parts}   # 目录, right-hand starts, numbering

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
    """A variable: its default, the roster column(s) that set it, and whether it is required.

    ``sample`` is used only when the run asks for the sample data (``--sample``): a recipe
    never falls back to invented data behind the user's back. ``empty``: what an empty
    cell of a column the roster has means — ``fail`` (default: the row fails, naming the
    cell) or ``keep`` (the default, or the input's own value, stays).
    """

    default: Any = None
    column: str | list[str] | None = None
    required: bool = False
    sample: Any = None
    empty: Literal["fail", "keep"] = "fail"
    description: str | None = None


class InputSpec(_Spec):
    """A data file: ``kind`` validates it as that kind; ``plain`` reads it untyped.

    ``set`` lays values over the loaded data, per roster row (``field.path: "{{ var }}"``;
    a blank value leaves the field); ``follow`` names fields derived from a set field
    (``branch: [title, signoff.org]``): when the row changes ``branch`` and does not set
    them, they are cleared so that they follow the row instead of keeping the file's text.
    Every text of the data may also hold ``{列名}`` placeholders, filled from the row.
    """

    path: str
    kind: str | None = None
    set: dict[str, str] = Field(default_factory=dict)
    follow: dict[str, list[str]] = Field(default_factory=dict)


class MergeSpec(_Spec):
    """How a step's documents join the merged .docx."""

    include: bool = True
    start: Literal["section", "page", "none"] = "section"
    restart_page_numbers: bool = False
    keep_headers: bool = True


class WatermarkSpec(_Spec):
    """A watermark: ``text`` (may use variables) or ``image`` (a PNG/JPEG/GIF beside the
    recipe), as :class:`~docgen.engine.rich.watermark.Watermark` draws it."""

    text: str = ""
    image: str | None = None
    diagonal: bool = False
    colour: str = "C0C0C0"
    size_pt: float | None = Field(default=None, gt=0, le=200)
    washout: bool = True


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
    #: The id of the step whose document this one is an attachment of (GB/T 9704 §7.3.4,
    #: §7.3.7): that document lists it in its 附件说明 and it carries the “附件” label.
    attachment_of: str | None = Field(default=None, pattern=IDENTIFIER)
    #: Names in that document's own 附件 (a record's ``attachments``) that this step's
    #: document is: it takes the entry's place and number there instead of being listed
    #: again (:mod:`docgen.bundle.stands_for`).
    stands_for: list[str] = Field(default_factory=list)
    #: This step's watermark over the recipe's; ``false``: none on this step's documents.
    watermark: str | WatermarkSpec | Literal[False] | None = None


class CoverSpec(_Spec):
    """A generated title page: a title and lines under it (text fields)."""

    title: str = Field(min_length=1)
    lines: list[str] = Field(default_factory=list)


class MergedSpec(_Spec):
    """One merged .docx of the bundle's documents, laid out as a bound volume.

    ``cover`` is the id of a step whose document becomes the cover, or a
    generated title page ``{title: …, lines: […]}``. ``toc``: a 目录 listing the
    parts (default: when there are more than three). ``duplex`` (default on):
    every document that starts its own page numbers begins on a right-hand page.
    ``page_numbers``: ``parts`` (each step's ``restart_page_numbers``) or
    ``volume`` (numbered through from the first document). See
    :mod:`docgen.bundle.volume`.
    """

    output: str = Field(min_length=1)
    toc: bool | None = None
    cover: str | CoverSpec | None = None
    duplex: bool = True
    page_numbers: Literal["parts", "volume"] = "parts"


class PackageSpec(_Spec):
    """What the bundle leaves behind: the documents, a zip, a merged .docx."""

    folder: bool = True
    zip: str | bool = False
    merged: MergedSpec | None = None


class RecipeSpec(_Spec):
    """A whole recipe."""

    name: str = Field(min_length=1)
    description: str | None = None
    key: str | list[str] | None = None
    vars: dict[str, VarSpec | str | int | float | bool | None] = Field(default_factory=dict)
    inputs: dict[str, str | InputSpec] = Field(default_factory=dict)
    let: dict[str, Any] = Field(default_factory=dict)
    folder: str = ""
    steps: list[StepSpec] = Field(min_length=1)
    package: PackageSpec = Field(default_factory=PackageSpec)
    #: On every page of every document (not workbooks) and of the merged volume.
    watermark: str | WatermarkSpec | None = None
    #: Keep the templates' web hyperlinks (by default the link goes and its text stays).
    keep_web_links: bool = False


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
    "WatermarkSpec",
]

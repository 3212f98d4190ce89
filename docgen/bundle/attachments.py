"""Attachments in a bundle (GB/T 9704 §7.3.4, §7.3.7): ``attachment_of: <step>`` on a step.

A step marked ``attachment_of: fangan`` makes documents that are attachments of the
document step ``fangan`` makes. When the plan is made (nothing rendered yet):

- the attachments are numbered in the order the plan makes them, after the attachments
  the parent's own data lists (a record's ``附件``) — but one that *is* an entry of that
  list (the step's ``stands_for`` names it) takes that entry's place and number
  (:mod:`docgen.bundle.stands_for`); each gets ``attachment_label``:
  “附件” when the parent has only one, else “附件1”, “附件2” … — the label the library
  templates print above the title (:class:`docgen.style.blocks.AttachmentLabel`);
- the parent gets ``attachment_note`` (:class:`docgen.style.attachments.AttachmentNote`)
  and ``attachment_lines`` listing them all, which its 落款 block prints as the 附件说明.

An attachment's name is its title as the document prints it: the template's own
``dc:title`` (the title line's text, ``{{ ledger_title }}``) rendered with the
attachment's data in the engine's sandbox, so the 附件说明, the label's document and the
volume's 目录 name it alike. A parent that makes no document (its ``when`` is false) leaves
its attachments as documents of their own, unlabelled.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from docgen.bundle.recipe import RecipeSpec
from docgen.bundle.stands_for import place
from docgen.data.positions import Path as DataPath
from docgen.exceptions import BundleError
from docgen.style.attachments import AttachmentNote
from docgen.views.common import attachment_lines, attachment_note

if TYPE_CHECKING:
    from docgen.bundle.plan import Document

#: Reports a recipe problem: (field path, code, Chinese, English).
Report = Callable[[DataPath, str, str, str], None]


def check_attachments(spec: RecipeSpec, templates: Sequence[Path], report: Report) -> None:
    """Report every ``attachment_of`` that cannot work: an unknown step, the step itself,
    a step that comes later, one that makes several documents (``foreach``), an attachment
    of an attachment, and workbooks on either side."""
    index = {s.id: i for i, s in enumerate(spec.steps)}
    for i, step in enumerate(spec.steps):
        target = step.attachment_of
        if target is None:
            continue
        at: DataPath = ("steps", i, "attachment_of")
        found = index.get(target)
        problem = _problem(spec, i, target, found, templates)
        if problem is not None:
            zh, en = problem
            report(at, "bad_attachment", zh, en)


def _problem(
    spec: RecipeSpec, i: int, target: str, found: int | None, templates: Sequence[Path]
) -> tuple[str, str] | None:
    step = spec.steps[i]
    if found is None:
        known = "、".join(s.id for s in spec.steps if s.id != step.id) or "无"
        return (
            f"附件所属的步骤“{target}”不存在（可用的步骤：{known}）；attachment_of 应写本配方中"
            "另一个步骤的 id",
            f"attachment_of names step {target!r}, which does not exist (steps: "
            f"{known.replace('、', ', ')}); give the id of another step of this recipe",
        )
    parent = spec.steps[found]
    if found == i:
        return (
            f"步骤“{step.id}”不能是它自己的附件；attachment_of 应写它所附属的文档的步骤 id",
            f"step {step.id!r} cannot be an attachment of itself; give the id of the document "
            "it is attached to",
        )
    if found > i:
        return (
            f"附件应排在它所属的文档之后：步骤“{target}”在“{step.id}”之后，请把附件步骤移到它下面",
            f"an attachment follows its document: step {target!r} comes after {step.id!r}; "
            "move the attachment below it",
        )
    if parent.foreach is not None:
        return (
            f"步骤“{target}”带 foreach，每项生成一份文档，附件不知属于哪一份；"
            "attachment_of 只能写生成一份文档的步骤",
            f"step {target!r} has foreach and makes one document per item, so an attachment "
            "cannot tell which it belongs to; name a step that makes one document",
        )
    if parent.attachment_of is not None:
        return (
            f"步骤“{target}”本身是附件，附件不能再带附件；请让“{step.id}”附属于"
            f"“{parent.attachment_of}”",
            f"step {target!r} is an attachment itself, and attachments have none of their "
            f"own; attach {step.id!r} to {parent.attachment_of!r} instead",
        )
    for who, n in ((step.id, i), (target, found)):
        if templates[n].suffix.lower() == ".xlsx":
            return (
                f"步骤“{who}”的模板是 Excel 工作簿，不能作附件或列附件说明；请改用 Word 模板",
                f"step {who!r} renders a workbook, which can neither be an attachment nor "
                "list one; use a Word template",
            )
    return None


def link(documents: Sequence[Document]) -> list[Document]:
    """``documents`` with the attachments labelled and numbered and each parent's
    附件说明 filled in (contexts and data hashes new; the others as they were)."""
    out = list(documents)
    position = {d.step.id: n for n, d in enumerate(out) if d.index is None}
    groups: dict[int, list[int]] = {}
    for n, doc in enumerate(out):
        owner = doc.step.attachment_of
        if owner is not None and owner in position:
            groups.setdefault(position[owner], []).append(n)
    for parent_at, members in groups.items():
        parent = out[parent_at]
        bound = [(out[n].step, attachment_name(out[n])) for n in members]
        placed = place(_own_names(parent), bound)
        names = placed.names
        for number, n in zip(placed.numbers, members, strict=True):
            label = "附件" if len(names) == 1 else f"附件{number}"
            out[n] = _with(out[n], {"attachment_label": label})
        extra = {
            "attachment_note": attachment_note(names),
            "attachment_lines": attachment_lines(names),
        }
        out[parent_at] = _with(parent, extra)
    return out


def _own_names(doc: Document) -> list[str]:
    """The attachments the parent's own data lists (a record's 附件), as its view cleaned
    them; none for a kind that has no such list."""
    context = _mapping(doc)
    note = context.get("attachment_note")
    return list(note.names) if isinstance(note, AttachmentNote) else []


def attachment_name(doc: Document) -> str:
    """The attachment's printed title: its template's ``dc:title`` rendered with its data."""
    source = title_source(doc.step.template_path, doc.template_digest)
    text = ""
    if source:
        try:
            text = _environment().from_string(source).render(_mapping(doc))
        except jinja2.TemplateError as err:
            raise BundleError(
                f"{doc.step.where.describe()}: 附件“{doc.name}”的标题（{source}）无法生成：{err}",
                f"{doc.step.where.describe()}: the title of attachment {doc.name!r} "
                f"({source}) cannot be made: {err}",
            ) from err
    text = " ".join(text.split())
    if not text:
        raise BundleError(
            f"{doc.step.where.describe()}: 附件“{doc.name}”没有标题，附件说明无从列出；"
            "请在模板的标题行（文档属性“标题”）写出标题",
            f"{doc.step.where.describe()}: attachment {doc.name!r} has no title for the "
            "附件说明 to list; give the template a title (its document property Title)",
        )
    return text


@lru_cache(maxsize=128)
def title_source(template: Path, digest: str = "") -> str:
    """The template's ``dc:title`` as written (fields and all), ``""`` when it has none;
    ``digest`` (the template file's) keeps an edited template from reading its old title."""
    del digest
    from docgen.merge.props import own_title
    from docgen.merge.source import Source

    return own_title(Source(template.read_bytes(), template.name))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    from docgen.engine.environment import make_environment

    return make_environment(markup=False)


def _mapping(doc: Document) -> Mapping[str, Any]:
    if isinstance(doc.context, Mapping):
        return doc.context
    raise BundleError(
        f"{doc.step.where.describe()}: 步骤“{doc.step.id}”的数据不是字典，不能作附件或列附件说明",
        f"{doc.step.where.describe()}: the data of step {doc.step.id!r} is not a mapping, "
        "so it can neither be an attachment nor list one",
    )


def _with(doc: Document, extra: Mapping[str, Any]) -> Document:
    return doc.with_context({**_mapping(doc), **extra})


__all__ = ["attachment_name", "check_attachments", "link", "title_source"]

"""An attachment that is one of its parent's own: ``stands_for: [签到表, 签到册]`` on a step.

A record lists its own 附件 (``attachments: [签到表, 走访记录表, 活动照片]``), and a bundle may
bind in a document that *is* one of them (the 签到表 it renders from the same record). The
step says so, by name: ``stands_for`` lists the entries of the parent's own 附件 its
document is. The one rule, applied when the plan is made:

- an own entry whose name (as the 附件说明 prints it: no typed ordinal, no closing
  punctuation) is one the bound document stands for is that document: the document takes
  the entry's place and number, and the note prints the document's own title there;
- should the record list the same document twice under two of those names, the first
  keeps its place and the later one goes (it would name the same pages again);
- bound documents that stand for no entry follow the own entries, in plan order;
- an own entry two bound documents stand for is an error: the record names one document.

Matching is by the names written, never by likeness: “签到表” and “会议签到表” are two
entries unless a step lists both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.bundle.recipe import RecipeSpec
from docgen.data.positions import Path as DataPath
from docgen.exceptions import BundleError
from docgen.views.common import attachment_names

if TYPE_CHECKING:
    from docgen.bundle.attachments import Report
    from docgen.bundle.compiled import Step


@dataclass(frozen=True)
class Placed:
    """The 附件说明's names in order, and the 1-based number of each bound document."""

    names: tuple[str, ...]
    numbers: tuple[int, ...]


def check_stands_for(spec: RecipeSpec, report: Report) -> None:
    """Report every ``stands_for`` that cannot work: on a step that is no attachment, on a
    step of several documents (``foreach``), or with a name that is blank."""
    for i, step in enumerate(spec.steps):
        if not step.stands_for:
            continue
        at: DataPath = ("steps", i, "stands_for")
        if step.attachment_of is None:
            report(
                at,
                "bad_stands_for",
                f"步骤“{step.id}”不是附件（没有 attachment_of），stands_for 无从对应；"
                "请写上它所属文档的步骤 attachment_of，或删去 stands_for",
                f"step {step.id!r} is no attachment (it has no attachment_of), so stands_for "
                "has nothing to stand in; add attachment_of or remove stands_for",
            )
        elif step.foreach is not None:
            report(
                at,
                "bad_stands_for",
                f"步骤“{step.id}”带 foreach，每项生成一份文档，不能都代表所属文档附件中的同一项；"
                "请删去 stands_for",
                f"step {step.id!r} has foreach and makes one document per item, which cannot "
                "all be the same entry of its document's 附件; remove stands_for",
            )
        elif len(attachment_names(step.stands_for)) < len(step.stands_for):
            report(
                at,
                "bad_stands_for",
                "stands_for 中有空白的名称；请写出所属文档附件中的名称，如“签到表”",
                "stands_for holds a blank name; give names from the document's own 附件, "
                "such as 签到表",
            )


def place(own: Sequence[str], bound: Sequence[tuple[Step, str]]) -> Placed:
    """The note for a parent whose own 附件 are ``own`` and whose bound attachments are
    ``bound`` (each its step and printed title, in plan order), by the rule above."""
    claims = [_claimant(name, bound) for name in own]
    names: list[str] = []
    numbers: dict[int, int] = {}
    for name, who in zip(own, claims, strict=True):
        if who is None:
            names.append(name)
        elif who not in numbers:
            names.append(bound[who][1])
            numbers[who] = len(names)
    for who, (_, title) in enumerate(bound):
        if who not in numbers:
            names.append(title)
            numbers[who] = len(names)
    return Placed(tuple(names), tuple(numbers[who] for who in range(len(bound))))


def _claimant(name: str, bound: Sequence[tuple[Step, str]]) -> int | None:
    """Which bound document the own entry ``name`` is, if any."""
    found = [n for n, (step, _) in enumerate(bound) if name in step.stands_for]
    if len(found) > 1:
        first, second = (bound[n][0] for n in found[:2])
        raise BundleError(
            f"{second.where.describe()}: 步骤“{first.id}”和“{second.id}”都代表所属文档附件中的"
            f"“{name}”；一项附件只能是一份文档，请从其中一个步骤的 stands_for 中删去“{name}”",
            f"{second.where.describe()}: steps {first.id!r} and {second.id!r} both stand for "
            f"{name!r} of their document's 附件, which is one document; remove {name!r} from "
            "the stands_for of one of them",
        )
    return found[0] if found else None


__all__ = ["Placed", "check_stands_for", "place"]

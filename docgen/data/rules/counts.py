"""Counts typed into a plan's own text agree with the lists the data holds.

A secretary writes “查摆出5个方面12个问题” into the 制定依据 by hand while the
problem list has six categories: the plan would then say 5 where the 对照检查材料
and the 整改情况报告, generated from the list, say 6. The rule compares the typed
“N个方面” and “N个问题” with the list and warns on a difference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docgen.data.models import Rectification
from docgen.data.rules.base import Finding, RuleContext, rule
from docgen.zh import to_chinese

#: Chinese numerals as counts are typed (一 … 九十九, and 两).
_WORDS = {to_chinese(n): n for n in range(1, 100)} | {"两": 2}
_TYPED = re.compile(r"(\d+|[一二两三四五六七八九十]+)个(方面|问题)")


def typed_counts(text: str) -> list[tuple[int, str]]:
    """The counts written in ``text`` as ``(n, 方面|问题)``, in order."""
    found = []
    for number, what in _TYPED.findall(text):
        n = int(number) if number.isdigit() else _WORDS.get(number)
        if n is not None:
            found.append((n, what))
    return found


@rule(Rectification)
def plan_counts(doc: Rectification, ctx: RuleContext) -> Iterator[Finding]:
    """“N个方面” and “N个问题” in 制定依据 and 指导思想 match the categories and problems."""
    categories = len({p.category for p in doc.problems if p.category})
    actual = {"方面": categories, "问题": len(doc.problems)}
    for field in ("basis", "guiding_thought"):
        text = getattr(doc, field) or ""
        for n, what in typed_counts(text):
            if not doc.problems or (what == "方面" and not categories) or n == actual[what]:
                continue
            yield Finding(
                "typed_count_differs",
                f"文中写“{n}个{what}”，问题清单有{actual[what]}个{what}；请改正文字，"
                "或补全问题清单（其他文书的数字按清单生成）",
                f"the text says {n} {'areas' if what == '方面' else 'problems'}, the problem "
                f"list has {actual[what]}; correct the text or the list (the other documents "
                "count from the list)",
                (field,),
                "warning",
            )


__all__ = ["plan_counts", "typed_counts"]

"""The 政治审查 papers of a 发展对象: the 政治审查综合报告 and the 函调信 asking a unit about
the candidate or a relative.

What a 政审 covers is fixed by the rules (the candidate's attitude to the Party's theory and
line, political history and conduct, keeping the law and public morals, and the politics of
close relatives and social ties); what it found the data holds only as its conclusion and
date, so the findings are cells left to write in and the conclusion is printed when given.
The 函调信's addressee and the relative it asks about are blanks: one letter goes to each
unit, and the data names none.
"""

from __future__ import annotations

from typing import Any

from docgen.data.models.development import Candidate, Development
from docgen.views.common import date_text, sealed, sentence, signoff
from docgen.views.development_notice import BLANK_DATE, identity_text

#: Empty lines kept in a finding's cell for writing in.
FINDING_LINES = 5

#: A blank in running text, for a name or a relation.
GAP = "＿＿＿＿＿"


def _cell(text: str, lines: int) -> str:
    return text or "\n" * (lines - 1)


def review_view(p: Candidate, model: Development, branch: str) -> dict[str, Any]:
    """One candidate's 政治审查综合报告: identity, dates, the findings' cells, the conclusion,
    the branch's 落款 dated the 政审 (blank for the pen before it is done)."""
    return {
        "signoff": signoff(
            _org(model, branch),
            p.review_date or BLANK_DATE,
            _show(model),
            sealed=sealed(model.signoff),
        ),
        "prospect": date_text(p.prospect),
        "review_date": date_text(p.review_date),
        "scope": (
            f"党支部对{p.name}同志进行了政治审查，内容包括本人对党的理论和路线方针政策的态度、"
            "政治历史和在重大政治斗争中的表现、遵纪守法和遵守社会公德的情况，以及直系亲属和"
            "主要社会关系的政治情况；审查采取同本人谈话、查阅材料、听取意见和必要时函调的方式进行。"
        ),
        "self_cell": _cell("", FINDING_LINES),
        "relatives_cell": _cell("", FINDING_LINES),
        "conclusion_cell": _cell(sentence(p.review_conclusion or ""), 3),
    }


def inquiry_view(p: Candidate, model: Development, branch: str) -> dict[str, Any]:
    """One candidate's 函调信: the request with blanks for the unit and the person asked
    about, the contact, the branch's 落款 with room for the seal (undated: it is dated when
    sent)."""
    who = identity_text(p).removeprefix(p.name).lstrip("，")
    about = f"（{who}）" if who else ""
    prospect = (
        f"已于{date_text(p.prospect)}被确定为发展对象" if p.prospect else "已被确定为发展对象"
    )
    return {
        "addressee": f"{GAP}{GAP}：",
        "body": [
            f"我支部{p.name}同志{about}{prospect}，现正对其进行政治审查。"
            f"据了解，{p.name}同志的{GAP}（关系）{GAP}（姓名）在贵单位工作（学习、居住）。"
            "为全面、准确地了解有关情况，请贵单位协助提供以下情况：其政治立场和现实表现，"
            "有无违法违纪和受到处分的情况，以及需要向党组织说明的其他问题。",
            "请将证明材料由经办人签名、加盖单位公章后寄回我支部，或者交来人带回。"
            "我们将对所提供的情况严格保密。谢谢支持和配合！",
        ],
        "contact": f"联系人及电话：{model.contact}。" if model.contact else "",
        # Dated by hand when sent: one letter per unit, and the data dates none.
        "signoff": signoff(_org(model, branch), BLANK_DATE, _show(model), sealed=True),
    }


def _org(model: Development, branch: str) -> str:
    sign = model.signoff
    return (sign.org if sign and sign.org else None) or branch


def _show(model: Development) -> bool | None:
    return model.signoff.show if model.signoff else None


__all__ = ["FINDING_LINES", "GAP", "inquiry_view", "review_view"]

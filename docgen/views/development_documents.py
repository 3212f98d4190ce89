"""Which 发展党员 documents a candidate's stage calls for, so a bundle or a batch over a
roster makes each person only the papers of the stage they are at.

The papers of earlier stages were made when those stages were reached; the 全程纪实表
goes with every stage, since it is kept up to date throughout.
"""

from __future__ import annotations

from docgen.data.models.development import STAGES, Candidate

#: The record every stage keeps up to date.
RECORD = "reports/fazhan-jishi-biao"
#: The 公示 of the stage (:mod:`docgen.views.development_notice` picks which one).
NOTICE = "reports/fazhan-gongshi"
#: The 支委会 record of the decision that opens stages 2 and 3.
COMMITTEE = "reports/fazhan-zhiweihui-jilu"
#: The 推荐票 and its 统计表, for the recommendation that opens stage 2.
BALLOT = "reports/fazhan-tuijian-piao"
TALLY = "reports/fazhan-tuijian-tongji"
#: The 入党谈话记录 (stage 1).
TALK = "reports/fazhan-tanhua-jilu"
#: The 档案材料目录, made when the file is closed on 转正 (stage 5).
ARCHIVE = "reports/fazhan-guidang-mulu"
#: The 备案报告 of the 支委会's decision (stages 2 and 3).
FILING = "reports/fazhan-beian-baogao"
#: The 政审's 函调信 and its 综合报告 (stage 3).
INQUIRY = "reports/fazhan-hantiao-xin"
REVIEW = "reports/fazhan-zhengshen-baogao"
#: The 支部党员大会 表决票 for the meeting that ends stages 3 (接收) and 4 (转正).
VOTE = "reports/fazhan-biaojue-piao"
COUNT = "reports/fazhan-jipiao-dan"
SCRIPT = "reports/fazhan-dahui-zhuchici"
#: The 预审请示 for the 发展对象 (stage 3).
PREREVIEW = "reports/fazhan-yushen-qingshi"
#: The 报批请示 after the 接收 meeting (stage 4).
APPROVAL = "reports/fazhan-baopi-qingshi"
#: The 支部党员大会 决议 (接收 at stage 4, 转正 at stage 5).
RESOLUTION = "reports/fazhan-dahui-jueyi"

#: The documents each stage (1–5) calls for, in the order they are made, by library name.
STAGE_DOCUMENTS: dict[int, tuple[str, ...]] = {
    1: (TALK, RECORD),
    2: (BALLOT, TALLY, COMMITTEE, NOTICE, FILING, RECORD),
    3: (COMMITTEE, NOTICE, FILING, INQUIRY, REVIEW, PREREVIEW, SCRIPT, VOTE, COUNT, RECORD),
    4: (NOTICE, SCRIPT, VOTE, COUNT, RESOLUTION, APPROVAL, RECORD),
    5: (NOTICE, RESOLUTION, RECORD, ARCHIVE),
}
assert STAGE_DOCUMENTS.keys() == STAGES.keys()  # noqa: S101 -- every stage has its list


def documents_for_stage(stage: int) -> tuple[str, ...]:
    """The library names of the documents stage ``stage`` (1–5) calls for."""
    return STAGE_DOCUMENTS[stage]


def documents_for(person: Candidate) -> tuple[str, ...]:
    """The documents ``person``'s stage calls for."""
    return documents_for_stage(person.stage)


__all__ = [
    "APPROVAL",
    "ARCHIVE",
    "BALLOT",
    "COMMITTEE",
    "COUNT",
    "FILING",
    "INQUIRY",
    "NOTICE",
    "PREREVIEW",
    "RECORD",
    "RESOLUTION",
    "REVIEW",
    "SCRIPT",
    "STAGE_DOCUMENTS",
    "TALK",
    "TALLY",
    "VOTE",
    "documents_for",
    "documents_for_stage",
]

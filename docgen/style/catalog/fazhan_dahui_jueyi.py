"""reports/fazhan-dahui-jueyi: 支部党员大会决议 on one candidate — 接收为中共预备党员, or 按期转正
/ 延长预备期 / 取消预备党员资格 — with the meeting's counts (有表决权的正式党员, 到会, 赞成, 反对,
弃权, 书面意见) and the decision phrased from them; the branch's 落款 dated the meeting
(``kind: development``)."""

from __future__ import annotations

from docgen.style.blocks import If, Para, Signoff, Title
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-dahui-jueyi",
    kind="development",
    title="支部党员大会决议",
    description="支部党员大会关于接收预备党员或预备党员转正（按期转正、延长预备期、取消预备党员资格）"
    "的决议：会议时间、有表决权的正式党员和到会人数、讨论经过、表决方式和赞成反对弃权票数、"
    "按票数得出的决定和报批，落款为党支部和会议日期。",
    output="{resolution.title}.docx",
    fields=("branch", "superior", "candidates", "signoff"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-dahui-jueyi.min.yaml",
    blocks=(
        Title("{{ resolution.title }}"),
        If(
            "resolution.show",
            [
                Para("{{ x }}", each="x in resolution.paras"),
                Signoff("resolution.signoff", when="resolution.signoff.show"),
            ],
            [Para("名单中的同志尚未召开讨论接收或转正的支部党员大会。")],
        ),
    ),
)

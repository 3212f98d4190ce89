"""reports/fazhan-beian-baogao: 发展党员备案报告 — the 支委会's decision on 积极分子 or
发展对象 reported to the 上级党委, on the shared letter blocks (``kind: development``,
the view's ``filing``)."""

from __future__ import annotations

from docgen.style.catalog.letters import letter
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-beian-baogao",
    kind="development",
    title="发展党员备案报告",
    description="支部委员会确定入党积极分子或发展对象后报上级党委备案的报告：主送上级党委，写明确定日期、每人的基本情况、推荐或考察情况、培养联系人或入党介绍人和公示时间，落款日期取公示结束之日。",
    output="{filing.title}.docx",
    fields=("branch", "superior", "candidates", "signoff"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-beian-baogao.min.yaml",
    blocks=tuple(
        letter("filing", "名单中的同志尚未经支部委员会研究确定为入党积极分子或发展对象。")
    ),
)

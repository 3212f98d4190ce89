"""reports/jingyan-jiaoliu: 经验交流材料 — a main title with a “——” subtitle, the branch's
profile, one section per practice under parallel headings, and a closing line
(``kind: report``, subkind ``experience_exchange``)."""

from __future__ import annotations

from docgen.style.catalog.niandu_zongjie import NARRATIVE_FIELDS, narrative_blocks
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="jingyan-jiaoliu",
    kind="report",
    title="经验交流材料",
    description="党建工作经验交流材料：主标题加“——”副标题，开头介绍支部基本情况，"
    "每部分一条做法（对仗小标题，下设小节），结尾一段；落款按需输出。",
    output="{title}.docx",
    fields=NARRATIVE_FIELDS,
    required=("title", "sections"),
    fixture="fixtures/school/xxgc-jg1/2026/experience_exchange.yaml",
    minimal="fixtures/library/reports/jingyan-jiaoliu.min.yaml",
    blocks=narrative_blocks(),
)

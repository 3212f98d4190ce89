"""reports/fazhan-gongshi: 发展党员公示 — the 公示 a candidate's stage calls for (确定入党积极
分子, 确定发展对象, 拟接收预备党员, 拟转为正式党员), chosen by the data: who, each one's
particulars (who they are and the steps that 公示 rests on), the period by the locality's
working-day rule, how to raise a concern, the contact and the sign-off
(``kind: development``)."""

from __future__ import annotations

from docgen.style.blocks import If, Para, Signoff, Title
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-gongshi",
    kind="development",
    title="发展党员公示",
    description="发展党员各环节的公示：按名单中同志所处阶段选出确定入党积极分子、确定发展对象、"
    "拟接收预备党员或拟转为正式党员的公示，逐人写明基本情况和有关环节，公示时间按本地规定的工作日推算，"
    "写明反映问题的途径、联系人和落款。",
    output="{branch}{notice.title}.docx",
    fields=("branch", "superior", "candidates", "contact", "signoff"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-gongshi.min.yaml",
    blocks=(
        Title("{{ notice.title }}"),
        If(
            "notice.show",
            [
                Para("{{ notice.intro }}为听取党员和群众的意见，现将有关情况公示如下。"),
                Para("{{ row.text }}", each="row in notice.rows"),
                Para("公示时间：{{ notice.period_text }}。"),
                Para(
                    "公示期间，党员和群众对公示对象有意见或者了解需要说明的情况，可以通过来信、"
                    "来电或者当面反映的方式向党支部提出"
                    "{% if notice.superior %}，也可以直接向{{ notice.superior }}反映{% endif %}。"
                    "反映情况应当实事求是，提倡署真实姓名、留下联系方式，以便核实和回复；"
                    "党组织对反映人和反映的内容予以保密。"
                ),
                Para("联系人及电话：{{ notice.contact }}。", when="notice.contact"),
                Para(
                    "联系人：______________　联系电话：______________",
                    when="not notice.contact",
                ),
                Signoff("notice.signoff", when="notice.signoff.show"),
            ],
            [Para("名单中的同志尚未到需要公示的环节。")],
        ),
    ),
)

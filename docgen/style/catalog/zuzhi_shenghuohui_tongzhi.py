"""reports/zuzhi-shenghuohui-tongzhi: 组织生活会通知 — the branch's notice convening the
meeting: time and place, participants, agenda, the preparations asked of members
(study, talks, opinions, written self-review), attendance rules, contact and the
sign-off (``kind: org_life_meeting``).

The wording comes from :mod:`docgen.views.org_life_docs` under ``notice``; the date
of the sign-off is left blank for the secretary, who sends the notice before the
meeting the data describes.
"""

from __future__ import annotations

from docgen.style.blocks import Para, Run, Salutation, Section, Signoff, Title
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="zuzhi-shenghuohui-tongzhi",
    kind="org_life_meeting",
    title="组织生活会通知",
    description="党支部召开组织生活会的通知：时间地点、参加人员、会议议程、会前准备"
    "（学习、谈心谈话、征求意见、撰写对照检查材料）、有关要求、联系人和落款。",
    output="{branch}组织生活会通知.docx",
    fields=(
        "branch",
        "theme",
        "superior_notice",
        "time",
        "location",
        "recorder",
        "attendance",
        "agenda",
        "preparation",
        "democratic_appraisal",
        "signoff",
    ),
    required=("time",),
    fixture="fixtures/school/xxgc-jg1/2026/org_life_meeting.yaml",
    minimal="fixtures/library/reports/zuzhi-shenghuohui-tongzhi.min.yaml",
    blocks=(
        Title("{{ notice.title }}"),
        Salutation("{{ notice.addressee }}"),
        Para("{{ notice.opening }}"),
        Section(
            "时间和地点",
            [
                Para("时间：{{ notice.time_text }}"),
                Para("地点：{{ notice.location }}", when="notice.location"),
            ],
        ),
        Section("参加人员", [Para("{{ notice.participants }}")]),
        Section(
            "会议议程",
            [Para("{{ a }}", each="a in notice.agenda", number=3)],
            when="notice.agenda",
        ),
        Section(
            "会前准备",
            [
                Para(
                    [Run("{{ p.lead }}", lead=2), Run("{{ p.rest }}")],
                    each="p in notice.preparations",
                    number=2,
                )
            ],
        ),
        Section(
            "有关要求",
            [
                Para(
                    "请全体党员提前安排好工作，准时参会。确因特殊情况不能参会的，须在会前向"
                    "支部书记请假，并提交书面对照检查材料，会后由支委会向本人通报会议情况。"
                ),
                Para(
                    "个人对照检查材料请于会前交组织委员汇总。会上发言要联系实际、直奔问题，"
                    "批评和自我批评要坦诚相见、触及思想。"
                ),
            ],
        ),
        Signoff(
            "notice.signoff",
            when="notice.signoff.show",
            note="{{ notice.contact }}",
        ),
        # No sign-off to hang it under: the 附注 still prints, in its brackets.
        Para("（{{ notice.contact }}）", when="notice.contact and not notice.signoff.show"),
    ),
)

"""speeches/zuzhi-shenghuohui-zhuchici: 组织生活会主持词 — the secretary's script for the
meeting: opening, the agenda steps in order with transitions between them, the
summary and the close (``kind: org_life_meeting``).

The steps and their ordinals come from :mod:`docgen.views.org_life`: 通报会前准备情况,
支委会对照检查 and 批评和自我批评 always; 民主评议 and 上级点评 when the data has
them. The 总结 follows the numbered steps, as the host's own closing word.
"""

from __future__ import annotations

from docgen.style.blocks import Blank, If, Para, Run, Salutation, Subtitle, Title
from docgen.style.spec import TemplateSpec


def _stage(key: str) -> Para:
    """A stage note in brackets, in 楷体: what happens before the host speaks again."""
    return Para([Run(f"（{{{{ stage.{key} }}}}）", lead=2)], when=f"stage.{key}")


_OPENING = (
    Para(
        "今天，我们召开{{ meeting_full }}。"
        "{% if superior_notice %}这次会议是按照{{ superior_notice }}的部署召开的，{% endif %}"
        "主要任务是对照党章党规和上级要求，查摆问题、剖析根源，认真开展批评和自我批评"
        "{% if has_appraisal %}，对党员进行民主评议{% endif %}，明确今后的努力方向。"
    ),
    Para(
        "本次会议应到党员{{ due_text }}名，实到{{ present_text }}名"
        "{% if has_absent %}，{{ absent_text }}请假{% endif %}"
        "{% if quorum %}，到会人数符合规定，会议可以开始{% endif %}。",
        when="due_text and present_text",
    ),
    Para(
        "列席今天会议的有{{ observers_text }}。{% if commenter %}欢迎各位领导到会指导！{% endif %}",
        when="observers_text",
    ),
    Para("今天的会议共有{{ procedure_count }}项议程：{{ procedure_text }}"),
)

_PREP = (
    Para("下面进行第{{ step.prep }}项议程：通报会前准备情况。"),
    If(
        "prep_count",
        [Para("会前，支部主要做了{{ prep_count }}项准备工作：{{ prep_text }}")],
        [
            If(
                "prep_text",
                [Para("会前，支部{{ prep_text }}")],
                [Para("会前，支部围绕这次会议开展了学习研讨、谈心谈话和征求意见等准备工作。")],
            )
        ],
    ),
)

_REVIEW = (
    Para(
        "下面进行第{{ step.review }}项议程，"
        "{% if review_by_host %}由我代表支委会作对照检查"
        "{% else %}请{{ review_actor }}代表支委会作对照检查{% endif %}。"
    ),
    _stage("review"),
    Para(
        "刚才，{{ review_actor }}代表支委会作了对照检查，查摆了{{ review_scope }}，"
        "剖析了思想根源{% if review_measures %}，提出了{{ review_measures }}条整改措施"
        "{% endif %}。请同志们在发言中对支委会的工作多提意见，帮助支委会把问题找准、"
        "把措施定实。",
        when="review_scope",
    ),
)

_CRITICISM = (
    Para("下面进行第{{ step.criticism }}项议程：支委委员和党员逐一发言，开展批评和自我批评。"),
    Para(
        "发言时，请每位同志先对照检查自己，再对其他同志提出批评意见。自我批评要联系思想"
        "和工作实际，不避重就轻；相互批评要实事求是、出于公心，帮助同志找准差距。"
    ),
    If(
        "host_first",
        [
            Para(
                "我先带头发言，请同志们对我提出批评意见"
                "{% if other_speakers %}。之后，请{{ other_speakers }}同志依次发言"
                "{% endif %}。"
            )
        ],
        [Para("请{{ other_speakers }}同志依次发言。", when="other_speakers")],
    ),
    _stage("criticism"),
    Para(
        "刚才，{% if speaker_count %}{{ speaker_count }}位同志{% else %}同志们{% endif %}"
        "逐一作了发言，"
        "大家查摆问题联系实际，提出批评意见直截了当，达到了互相帮助、共同提高的目的。"
        "对大家提出的意见建议，支委会将逐条梳理，纳入整改清单。"
    ),
)

_APPRAISAL = If(
    "step.appraisal",
    [
        Para(
            "下面进行第{{ step.appraisal }}项议程：民主评议党员。"
            "{% if appraisal_method %}评议采取{{ appraisal_method }}的方式进行"
            "{% if participants_text %}，参加评议的党员{{ participants_text }}名{% endif %}。"
            "{% endif %}请同志们对照党员标准，实事求是、客观公正地作出评价。"
        ),
        _stage("appraisal"),
        Para(
            "经统计，民主测评结果为：{{ results_text }}。"
            "{% if excellent_text %}评为优秀的是{{ excellent_text }}同志。{% endif %}"
            "{{ appraisal_note }}",
            when="results_text",
        ),
    ],
)

_COMMENT = If(
    "step.comment",
    [
        Para("下面进行第{{ step.comment }}项议程，请{{ commenter }}作点评讲话。"),
        _stage("comment"),
        Para(
            "刚才，{{ commenter_name }}作了点评讲话，既肯定了我们支部的工作，"
            "又指出了存在的不足，我们要认真学习领会，在整改中抓好落实。"
        ),
    ],
)

_SUMMARY = (
    Para("同志们，会议各项议程已经完成。下面，我代表支委会作简要总结。"),
    Para(
        "这次组织生活会准备比较充分，程序规范，同志们坦诚相见，查摆问题比较深入，"
        "批评和自我批评开展得比较认真，达到了预期目的。会开得好，关键还要改得实。"
    ),
    If(
        "resolutions",
        [
            If(
                "resolutions|length > 1",
                [
                    Para(
                        "根据会议讨论的情况，会后要抓好{{ resolutions_count }}项工作："
                        "{{ resolutions_text }}"
                    )
                ],
                [Para("根据会议讨论的情况，{{ resolutions[0] }}")],
            )
        ],
        [
            Para(
                "会后，支委会将对查摆的问题和大家提出的意见建议逐条梳理，形成整改清单，"
                "明确责任人和完成时限，逐项整改落实。"
            )
        ],
    ),
    Para(
        "希望大家以这次会议为新的起点，把查摆出的问题改到位，把党员标准落实到学习和工作的方方面面。"
    ),
    Para("今天的会议到此结束。散会！"),
)

SPEC = TemplateSpec(
    genre="speeches",
    name="zuzhi-shenghuohui-zhuchici",
    kind="org_life_meeting",
    title="组织生活会主持词",
    description="支部书记主持组织生活会的主持词：开场与到会情况，议程预告，通报会前准备情况、"
    "代表支委会作对照检查、逐一发言开展批评和自我批评、民主评议、上级点评各项议程及其间"
    "的过渡，会议总结和散会。",
    output="{meeting_full}主持词.docx",
    fields=(
        "branch",
        "year",
        "theme",
        "superior_notice",
        "time",
        "host",
        "attendance",
        "preparation",
        "branch_review",
        "member_reviews",
        "democratic_appraisal",
        "resolutions",
    ),
    required=(),
    fixture="fixtures/school/xxgc-jg1/2026/org_life_meeting.yaml",
    minimal="fixtures/library/speeches/zuzhi-shenghuohui-zhuchici.min.yaml",
    blocks=(
        Title("{{ meeting_name }}主持词", blank_after=False),
        Subtitle("{{ host_line }}", when="host_line"),
        Subtitle("{{ date_paren }}", when="date_paren"),
        Blank(),
        Salutation("{% if commenter %}各位领导、{% endif %}同志们："),
        *_OPENING,
        *_PREP,
        *_REVIEW,
        *_CRITICISM,
        _APPRAISAL,
        _COMMENT,
        *_SUMMARY,
    ),
)

"""reports/dangfei-jianmian-shenqing: 少交/免交党费申请 — for each listed reduction, on a page
of its own: a member's request to the 上级党委, the standard by the rule against the amount
asked for over the period (the difference also in 大写), the applicant's 落款, and the
支委会 and 上级党委 opinions (``kind: dues``, the view's ``requests``)."""

from __future__ import annotations

from dataclasses import dataclass

from docgen.style import styles as st
from docgen.style.blocks import For, If, Para, Signoff, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Field, LabelRow, LabelTable

_FIGURES = LabelTable(
    rows=(
        LabelRow((Field("姓名", "{{ r.name }}"), Field("人员类别", "{{ r.category }}"))),
        LabelRow((Field("月收入基数", "{{ r.base_cell }}"), Field("申请方式", "{{ r.mode }}"))),
        LabelRow((Field("起止时间", "{{ r.period }}，共{{ r.months }}个月", 3),)),
        LabelRow(
            (
                Field("标准月交纳额", "{{ r.monthly_cell }}"),
                Field("申请月交纳额", "{{ r.asked_cell }}"),
            )
        ),
        LabelRow(
            (
                Field("期间标准应交", "{{ r.standard_total_cell }}"),
                Field("期间申请交纳", "{{ r.asked_total_cell }}"),
            )
        ),
        LabelRow(
            (
                Field(
                    "期间减免金额",
                    "{{ r.less_cell }}{% if r.less_upper %}（大写：{{ r.less_upper }}）{% endif %}",
                    3,
                ),
            )
        ),
    ),
    widths=(3.5, 3.5, 3.5, 3.5),
)

_OPINIONS = LabelTable(
    rows=(
        LabelRow((Field("支部委员会意见", "{{ r.committee_cell }}", 3),)),
        LabelRow((Field("上级党委意见", "{{ r.approval_cell }}", 3),)),
    ),
    widths=(3.5, 3.5, 3.5, 3.5),
)


@dataclass(frozen=True)
class _RequestSpec(TemplateSpec):
    def document_title(self) -> str:
        """The first 申请's title (each is printed inside the loop over them)."""
        return "{{ request_title }}"


SPEC = _RequestSpec(
    genre="reports",
    name="dangfei-jianmian-shenqing",
    kind="dues",
    title="少交免交党费申请",
    description="党员向上级党委提出的少交或免交党费申请：每项一页，主送上级党委，写明本人情况、"
    "按标准的月交纳额和申请的金额、起止时间、期间少交的金额及其大写和申请理由，"
    "申请人落款，下附支部委员会意见和上级党委审批意见栏（待批准的申请留空待填）。",
    output="{branch}少交免交党费申请.docx",
    fields=("branch", "year", "superior", "members", "reductions"),
    required=("year", "members", "reductions"),
    fixture="fixtures/school/xxgc-jg1/2026/dues.yaml",
    minimal="fixtures/library/reports/dangfei-jianmian-shenqing.min.yaml",
    blocks=(
        If(
            "requests",
            [
                For(
                    "r in requests",
                    [
                        Title("{{ r.title }}", new_page=True),
                        Para("{{ r.addressee }}", style=st.SALUTATION),
                        Para(
                            "本人{{ r.name }}，{{ r.branch }}{{ r.status }}党员，人员类别为"
                            "{{ r.category }}。按照党费交纳标准，{{ r.rule }}，本人每月应交纳党费"
                            "{{ r.monthly_text }}元。"
                        ),
                        Para(
                            "{{ r.reason }}按标准交纳党费确有困难，特申请{{ r.period }}"
                            "{{ r.asked_words }}。困难消除后即向支部报告，恢复按标准交纳。"
                        ),
                        _FIGURES,
                        Signoff("r.signoff", when="r.signoff.show"),
                        _OPINIONS,
                    ],
                )
            ],
            [Title("少交免交党费申请"), Para("数据中没有少交或免交党费的申请。")],
        ),
    ),
)

"""reports/qiandao-biao: 会议签到表 — the names the meeting is due for printed from the
branch roster, 正式/预备 and the vote marked, a cell to sign in (``kind: minutes``)."""

from __future__ import annotations

from docgen.style.blocks import Para, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Field, LabelRow, LabelTable, Table

_HEAD = LabelTable(
    rows=(
        LabelRow((Field("会议时间", "{{ time_text }}", 3),)),
        LabelRow((Field("会议地点", "{{ location }}", 3),)),
        LabelRow((Field("主持人", "{{ host_text }}"), Field("记录人", "{{ recorder_text }}"))),
    ),
    widths=(2.4, 4.6, 2.4, 4.6),
)

SPEC = TemplateSpec(
    genre="reports",
    name="qiandao-biao",
    kind="minutes",
    title="会议签到表",
    description="三会一课签到表：按支部名册预先印好应到人员姓名，标明正式党员或预备党员"
    "（预备党员无表决权），留出本人签名栏；没有名册时印出空白行。",
    output="{signin.title}.docx",
    fields=("meeting_type", "branch", "title", "time", "location", "host", "recorder"),
    required=("meeting_type", "time"),
    fixture="fixtures/school/xxgc-jg1/2026/minutes/2026-11-dangyuan-dahui.yaml",
    minimal="fixtures/library/reports/qiandao-biao.min.yaml",
    blocks=(
        Title("{{ signin.title }}"),
        _HEAD,
        Table(
            columns=(
                Column("序号", "{{ row.seq }}", 2, centred=True),
                Column("姓名", "{{ row.name }}", 4, centred=True, min_chars=4),
                Column("党员类别", "{{ row.status }}", 3, centred=True),
                Column("表决权", "{{ row.vote }}", 3, centred=True),
                Column("本人签名", "", 6),
                Column("备注", "{{ row.note }}", 6),
            ),
            each="row in signin.rows",
        ),
        Para("{{ signin.counts_text }}实到　　　人。", when="signin.counts_text"),
        Para("实到　　　人。", when="not signin.counts_text"),
        Para("请本人签名，不得代签；请假的党员由记录人在备注栏注明原因。"),
    ),
)

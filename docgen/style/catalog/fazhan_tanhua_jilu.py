"""reports/fazhan-tanhua-jilu: 入党谈话记录 — for each candidate, on a page of its own, the
talk after the application: who, when, by whom, what was said (space to write when the
data holds no notes), and both signatures (``kind: development``)."""

from __future__ import annotations

from docgen.style.blocks import For, SignLine, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Field, LabelRow, LabelTable

_HEAD = LabelTable(
    rows=(
        LabelRow(
            (Field("谈话对象", "{{ p.name }}"), Field("申请入党时间", "{{ p.talk.applied }}"))
        ),
        LabelRow((Field("单位及职务", "{{ p.unit }}", 3),)),
        LabelRow(
            (Field("谈话人", "{{ p.talk.talker }}"), Field("谈话时间", "{{ p.talk.talked }}"))
        ),
        LabelRow((Field("谈话地点", "", 3),)),
        # Cells, not headed paragraphs: the space to write in is the cell's empty lines.
        LabelRow((Field("谈话内容", "{{ p.talk.notes_cell }}", 3),)),
        LabelRow((Field("本人意见", "{{ p.talk.opinion_cell }}", 3),)),
    ),
    widths=(3.2, 3.8, 3.2, 3.8),
)

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-tanhua-jilu",
    kind="development",
    title="入党谈话记录",
    description="党组织收到入党申请书后派人谈话的记录：每名同志一页，写明谈话对象、申请入党时间、"
    "谈话人、谈话时间和谈话内容（没有记录内容时留出书写空间），谈话人和谈话对象签字。",
    output="{branch}入党谈话记录.docx",
    fields=("branch", "candidates"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-tanhua-jilu.min.yaml",
    blocks=(
        For(
            "p in people",
            [
                Title("入党谈话记录", new_page=True),
                _HEAD,
                SignLine("谈话人（签字）：　　　　　　　　谈话对象（签字）："),
            ],
        ),
    ),
)

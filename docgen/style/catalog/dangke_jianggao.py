"""speeches/dangke-jianggao: 党课讲稿 — the lecture's title, lecturer and date, an opening
that names the topic, parts 一、二、三 with their points as （一） run-in leads, and a
closing (``kind: speech``).

A lecture script is prose to be read aloud, so it reads ``kind: speech`` data; a
党课 record (``kind: minutes``) keeps only the outline, which would give headings
with nothing under them.
"""

from __future__ import annotations

from docgen.style.blocks import If, Para, Run
from docgen.style.catalog.peixunban_kaiban import (
    SPEECH_FIELDS,
    SPEECH_HEAD,
    SPEECH_OPENING,
    point_blocks,
    speech_closing,
)
from docgen.style.spec import TemplateSpec

#: A point's items as “（一）政治上过硬。” in 楷体, the rest of the item after it.
_LEAD_SUB = Para([Run("{{ s.lead }}", lead=2), Run("{{ s.rest }}")], each="s in pt.sub")

SPEC = TemplateSpec(
    genre="speeches",
    name="dangke-jianggao",
    kind="speech",
    title="党课讲稿",
    description="党课讲稿：党课题目、主讲人和日期，称呼，开场点题，分部分讲授"
    "（一、二、三，部分内的要点用（一）（二）领起），结语。",
    output="{title}.docx",
    fields=SPEECH_FIELDS,
    required=("title", "points"),
    fixture="fixtures/school/xxgc-jg1/2026/dangke-jianggao.yaml",
    minimal="fixtures/library/speeches/dangke-jianggao.min.yaml",
    blocks=(
        *SPEECH_HEAD,
        If(
            "opening_paras",
            list(SPEECH_OPENING),
            # Without an opening, the lecture opens by naming its topic.
            [Para("今天，我和大家交流的题目是“{{ title_inline }}”。"), *SPEECH_OPENING[1:]],
        ),
        point_blocks(_LEAD_SUB),
        *speech_closing("今天的党课就讲到这里，不妥之处请同志们批评指正。", "谢谢大家！"),
    ),
)

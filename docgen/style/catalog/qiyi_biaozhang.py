"""speeches/qiyi-biaozhang: 七一表彰讲话 — a speech at the meeting marking the party's
founding day and commending its best members (``kind: speech``)."""

from __future__ import annotations

from docgen.style.blocks import If, Para
from docgen.style.catalog.peixunban_kaiban import (
    ENUMERATED_SUB,
    SPEECH_FIELDS,
    SPEECH_HEAD,
    SPEECH_OPENING,
    point_blocks,
    speech_closing,
)
from docgen.style.spec import TemplateSpec

# Without an opening of its own the speech still says why the meeting is held; the
# anniversary is counted from the speech's date.
_DEFAULT_OPENING = If(
    "party_years",
    [
        Para(
            "今天，我们在这里集会，纪念中国共产党成立{{ party_years }}周年，"
            "表彰一年来涌现出的先进集体和优秀个人。"
        )
    ],
    [Para("今天，我们在这里集会，庆祝党的生日，表彰一年来涌现出的先进集体和优秀个人。")],
)

SPEC = TemplateSpec(
    genre="speeches",
    name="qiyi-biaozhang",
    kind="speech",
    title="七一表彰讲话",
    description="七一纪念暨表彰大会上的讲话：标题、副标题“——在……上的讲话”、讲话人和日期，"
    "称呼，开场与祝贺，回顾与要求分点展开，结语；不写落款。",
    output="{title}.docx",
    fields=SPEECH_FIELDS,
    required=("title", "points"),
    fixture="fixtures/school/xxgc-jg1/2026/speech.yaml",
    minimal="fixtures/library/speeches/qiyi-biaozhang.min.yaml",
    blocks=(
        *SPEECH_HEAD,
        If("opening_paras", list(SPEECH_OPENING), [_DEFAULT_OPENING, *SPEECH_OPENING[1:]]),
        point_blocks(ENUMERATED_SUB),
        *speech_closing("让我们以受表彰的同志为榜样，立足岗位、担当作为。", "谢谢大家！"),
    ),
)

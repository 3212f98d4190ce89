"""speeches/peixunban-kaiban: 党支部书记培训班开班讲话 — title, speaker and date lines,
salutation, opening, purpose, points with 一是/二是, and a closing (``kind: speech``).

The head of a speech (title, subtitle, speaker, date, salutation) and the way its
points are set are the same in every 讲话稿 template, so they are defined here
once and imported by the others.
"""

from __future__ import annotations

from docgen.style.blocks import (
    Blank,
    For,
    Heading,
    If,
    KeepPrevious,
    Para,
    Run,
    Salutation,
    Subtitle,
    Title,
)
from docgen.style.emit import Block
from docgen.style.spec import TemplateSpec
from docgen.style.wml import ParaProps

#: Title, optional “——在……上的讲话”, the speaker in 楷体, the date in parentheses,
#: an empty line and the salutation (domain.md §1.9).
SPEECH_HEAD: tuple[Block, ...] = (
    Title("{{ title }}", blank_after=False),
    Subtitle("{{ subtitle }}", when="subtitle"),
    Subtitle("{{ speaker_text }}", when="speaker_text"),
    Subtitle("{{ date_text }}", when="date_text"),
    Blank(),
    Salutation("{{ salutation_text }}"),
)

#: Opening, purpose and the transition sentence, each only when given.
SPEECH_OPENING: tuple[Block, ...] = (
    Para("{{ p }}", each="p in opening_paras"),
    Para("{{ purpose }}", when="purpose"),
    Para("{{ transition }}", when="transition"),
)


def point_blocks(sub: Block) -> Block:
    """The main points: numbered 一、 headings when there are several; a lone point
    keeps its heading as a 黑体 lead line (a lone 一、 would promise a 二、)."""
    body: list[Block] = [Para("{{ p }}", each="p in pt.paras"), sub]
    return If(
        "points|length > 1",
        [For("pt in points", [Heading("{{ pt.heading }}", level=1), *body])],
        [For("pt in points", [Para([Run("{{ pt.heading }}", lead=1)]), *body])],
    )


_KEEP = ParaProps(keep_next=True)


def speech_closing(*default: str) -> tuple[Block, ...]:
    """The closing words (the data's, else ``default``), kept together and with the last
    body line before them: a page never opens with “谢谢大家！” alone (GB/T 9704 §7.3.5)."""
    return (
        KeepPrevious(),
        If(
            "closing_paras",
            [Para("{{ p }}", each="p in closing_paras", props=_KEEP)],
            [Para(text, props=_KEEP) for text in default],
        ),
    )


#: Sub-items as “一是……；二是……。” in one paragraph when short, else one paragraph each.
ENUMERATED_SUB = If(
    "pt.sub_inline",
    [Para("{{ pt.sub_text }}")],
    [Para("{{ s.text }}", each="s in pt.sub")],
)

SPEECH_FIELDS = (
    "title",
    "subtitle",
    "speaker",
    "date",
    "salutation",
    "opening",
    "purpose",
    "transition",
    "points",
    "closing",
)

SPEC = TemplateSpec(
    genre="speeches",
    name="peixunban-kaiban",
    kind="speech",
    title="培训班开班讲话",
    description="党支部书记培训班开班式上的讲话：标题、讲话人和日期，称呼，开场欢迎与致谢，"
    "办班目的，分点提出要求（一是、二是），结语；不写落款。",
    output="{title}.docx",
    fields=SPEECH_FIELDS,
    required=("title", "points"),
    fixture="fixtures/school/xxgc-jg1/2026/speech-kaiban.yaml",
    minimal="fixtures/library/speeches/peixunban-kaiban.min.yaml",
    blocks=(
        *SPEECH_HEAD,
        *SPEECH_OPENING,
        point_blocks(ENUMERATED_SUB),
        # A training class's opening speech ends by wishing the class well.
        *speech_closing("预祝本期培训班顺利举办、取得实效！", "谢谢大家！"),
    ),
)

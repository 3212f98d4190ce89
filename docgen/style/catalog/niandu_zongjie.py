"""reports/niandu-zongjie: 年度工作总结 — 主要工作及成效, 存在的问题和不足, 下一步工作打算,
each a headed section of paragraphs, numbered items and subsections (``kind: report``,
subkind ``work_summary``).

The section layout here (:func:`narrative_sections`) is shared by the other
reports built from headed sections (问题与对策, 经验交流材料).
"""

from __future__ import annotations

from docgen.style import styles as st
from docgen.style.blocks import Blank, For, Heading, If, Para, Signoff, Subtitle, Title
from docgen.style.emit import Block
from docgen.style.spec import TemplateSpec

#: The report fields every narrative template reads.
NARRATIVE_FIELDS = (
    "branch",
    "title",
    "subtitle",
    "intro",
    "sections",
    "outro",
    "addressee",
    "signoff",
)


def _items(var: str, level: int) -> Block:
    """A section's items: heading lines with their bodies when any item has a body,
    else numbered sentences (one list is laid out one way, so its numbers run on)."""
    return If(
        f"{var}.items_headed",
        [
            For(
                f"it in {var}.items",
                [Heading("{{ it.title }}", level=level), Para("{{ it.body }}", when="it.body")],
            )
        ],
        [Para("{{ it.sentence }}", each=f"it in {var}.items", number=level)],
    )


def _body(var: str, depth: int) -> list[Block]:
    """Paragraphs, items, then subsections one level down (to the third level)."""
    blocks: list[Block] = [
        Para("{{ p }}", each=f"p in {var}.paras"),
        _items(var, 3 if depth < 3 else 4),
    ]
    if depth < 3:
        child = f"s{depth + 1}"
        blocks.append(
            For(
                f"{child} in {var}.subsections",
                [
                    Heading(f"{{{{ {child}.heading }}}}", level=depth + 1, when=f"{child}.heading"),
                    *_body(child, depth + 1),
                ],
            )
        )
    return blocks


def narrative_sections() -> Block:
    """Every section of ``sections`` under its 一、 heading (left out when blank)."""
    return For(
        "s1 in sections",
        [Heading("{{ s1.heading }}", level=1, when="s1.heading"), *_body("s1", 1)],
    )


def narrative_blocks() -> tuple[Block, ...]:
    """Title, optional “——” subtitle, opening, sections, closing and sign-off."""
    return (
        Title("{{ title }}", blank_after=False),
        Subtitle("{{ subtitle }}", when="subtitle"),
        Blank(),
        # 主送机关 (GB/T 9704 §7.3.2): one blank line under the title, flush left, its
        # full-width colon from the view; only an upward report names one.
        Para("{{ addressee }}", when="addressee", style=st.SALUTATION),
        Para("{{ intro }}", when="intro"),
        narrative_sections(),
        Para("{{ outro }}", when="outro"),
        Signoff("signoff", when="signoff.show"),
    )


SPEC = TemplateSpec(
    genre="reports",
    name="niandu-zongjie",
    kind="report",
    title="年度工作总结",
    description="党支部年度工作总结：开头概述，一、主要工作及成效，二、存在的问题和不足，"
    "三、下一步工作打算，各部分可有小标题、段落和编号条目，文末落款。",
    output="{title}.docx",
    fields=NARRATIVE_FIELDS,
    required=("title", "sections"),
    fixture="fixtures/school/xxgc-jg1/2026/work_summary.yaml",
    minimal="fixtures/library/reports/niandu-zongjie.min.yaml",
    blocks=narrative_blocks(),
)

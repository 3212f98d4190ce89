"""Blocks shared by the 会议记录 templates (党员大会, 党小组会, 党课, 主题党日, 组织生活会).

A package rather than a module so that :func:`docgen.style.catalog.catalog`,
which loads every plain module of the catalogue as a template, passes it by.
Every block reads the context of :mod:`docgen.views.minutes`.
"""

from __future__ import annotations

from collections.abc import Sequence

from docgen.style.blocks import For, Heading, If, Para, Run, Section, SignLine
from docgen.style.emit import Block
from docgen.style.tables import Field, LabelRow, LabelTable

#: The top-level fields every meeting record reads; templates add their own.
COMMON_FIELDS = (
    "meeting_type",
    "branch",
    "title",
    "seq_in_year",
    "time",
    "location",
    "host",
    "recorder",
    "attendance",
    "agenda",
    "proceedings",
    "resolutions",
    "host_summary",
    "follow_up",
    "signatures",
    "attachments",
    "note",
)


def head_table(
    top: Sequence[LabelRow] = (),
    middle: Sequence[LabelRow] = (),
    bottom: Sequence[LabelRow] = (),
    what: str = "会议",
) -> LabelTable:
    """The label/value grid at the head of a record: time, place, host and recorder,
    attendance; ``top`` rows come first, ``middle`` after the counts, ``bottom`` last."""
    return LabelTable(
        rows=(
            *top,
            LabelRow((Field(f"{what}时间", "{{ time_text }}", 3),)),
            LabelRow((Field(f"{what}地点", "{{ location }}", 3),)),
            LabelRow((Field("主持人", "{{ host_text }}"), Field("记录人", "{{ recorder_text }}"))),
            LabelRow(
                (Field("应到人数", "{{ due_text }}"), Field("实到人数", "{{ present_text }}"))
            ),
            *middle,
            LabelRow((Field("出席人员", "{{ attendees_text }}", 3),), when="attendees_text"),
            LabelRow((Field("缺席人员及原因", "{{ absent_text }}", 3),)),
            LabelRow((Field("列席人员", "{{ observers_text }}", 3),)),
            *bottom,
        ),
        widths=(3.5, 4, 2.5, 4),
    )


def numbered(items: str, item: str) -> If:
    """A list as ``1.`` paragraphs, or one plain paragraph when it has a single item."""
    return If(
        f"{items}|length > 1",
        [Para(f"{{{{ {item} }}}}", each=f"{item} in {items}", number=3)],
        [Para(f"{{{{ {items}[0] }}}}")],
    )


def agenda(heading: str = "会议议题") -> Section:
    """The agenda as numbered lines, left out when none was recorded."""
    return Section(heading, [Para("{{ a }}", each="a in agenda", number=3)], when="agenda")


#: Each agenda item's record: its topic as a （一） heading, summary and speeches.
PROCEEDINGS = For(
    "pr in proceedings",
    [
        Heading("{{ pr.topic }}", level=2, when="pr.topic"),
        Para("{{ pr.summary }}", when="pr.summary"),
        Para([Run("{{ s.speaker }}", lead=2), Run("{{ s.content }}")], each="s in pr.speeches"),
    ],
)


def proceedings(heading: str = "会议内容", lead: Sequence[Block] = ()) -> Section:
    """The proceedings; ``lead`` blocks open the section (left out with it when there are
    no proceedings)."""
    return Section(heading, [*lead, PROCEEDINGS], when="proceedings")


def closing(resolutions: str = "会议决议") -> list[Block]:
    """Resolutions, the host's summary, follow-up, other matters, attachments, signatures."""
    return [
        Section(resolutions, [numbered("resolutions", "r")], when="resolutions"),
        Section("主持人总结", [Para("{{ host_summary }}")], when="host_summary"),
        Section("会后落实", [Para("{{ f }}", each="f in follow_up", number=3)], when="follow_up"),
        Para("其他：{{ note }}", when="note"),
        Para("附件：{{ attachments_text }}", when="attachments_text"),
        SignLine("{{ sign_line }}"),
    ]


__all__ = [
    "COMMON_FIELDS",
    "PROCEEDINGS",
    "agenda",
    "closing",
    "head_table",
    "numbered",
    "proceedings",
]

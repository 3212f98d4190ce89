"""Blocks shared by the 会议记录 templates (党员大会, 党小组会, 党课, 主题党日, 组织生活会).

A package rather than a module so that :func:`docgen.style.catalog.catalog`,
which loads every plain module of the catalogue as a template, passes it by.
Every block reads the context of :mod:`docgen.views.minutes`.
"""

from __future__ import annotations

from collections.abc import Sequence

from docgen.style.blocks import AttachmentNote, For, Heading, If, Para, Run, Section, SignLine
from docgen.style.emit import Block
from docgen.style.tables import Field, LabelRow, LabelTable

#: Widths of a record's head table (label, value, label, value), sized to their content:
#: “缺席人员及原因” on one line in the first label column, “记录人”/“实到人数” in the second,
#: and a name with its role (“孟庆岚（支部书记）”, nine characters of 4号) in each value
#: column; 3.35 of 14 is 105.8 pt, 4.3 is 135.8 pt, 2.05 is 64.7 pt of the 442.2 pt line.
HEAD_WIDTHS = (3.35, 4.3, 2.05, 4.3)

#: Host and recorder, each on a row of its own: a name with a longer role
#: (“程一帆（支部副书记）”) would break inside a half-width value cell.
PEOPLE_ROWS = (
    LabelRow((Field("主持人", "{{ host_text }}", 3),)),
    LabelRow((Field("记录人", "{{ recorder_text }}", 3),)),
)

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
            *PEOPLE_ROWS,
            LabelRow(
                (Field("应到人数", "{{ due_text }}"), Field("实到人数", "{{ present_text }}"))
            ),
            *middle,
            LabelRow((Field("出席人员", "{{ attendees_text }}", 3),), when="attendees_text"),
            LabelRow((Field("缺席人员及原因", "{{ absent_text }}", 3),)),
            # Left out when the data does not say who sat in; “无” when it says nobody did.
            # A form printed before the meeting keeps the row blank, to be filled in.
            LabelRow(
                (Field("列席人员", "{{ observers_text }}", 3),), when="observers_text or form.show"
            ),
            *bottom,
        ),
        widths=HEAD_WIDTHS,
    )


# Only 正式党员 vote, so a 党员大会 record keeps their counts beside the head counts: one field
# saying which count is which (two cells both labelled 有表决权 left the reader guessing).
VOTING_ROW = LabelRow(
    (Field("有表决权", "应到{{ due_voting_text }}，实到{{ present_voting_text }}", span=3),),
    when="due_voting_text and present_voting_text",
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


#: Each agenda item's record: its topic as a （一） heading, summary and speeches, then
#: what the view attaches to it (``pr.after``: the 民主评议 results under its own item).
PROCEEDINGS = For(
    "pr in proceedings",
    [
        Heading("{{ pr.topic }}", level=2, when="pr.topic"),
        Para("{{ pr.summary }}", when="pr.summary"),
        Para([Run("{{ s.speaker }}", lead=2), Run("{{ s.content }}")], each="s in pr.speeches"),
        Para("{{ x }}", each="x in pr.after"),
    ],
)


#: The vote record of a 党员大会: the quorum, then each matter voted on; two or more are
#: discussed and voted on one by one, each under its own heading.
VOTES = Section(
    "表决情况",
    [
        Para("{{ quorum_text }}", when="quorum_text"),
        Para("{{ votes_intro }}", when="votes_intro"),
        If(
            "votes|length > 1",
            [Section("{{ v.subject }}", [Para("{{ v.record }}")], level=2, each="v in votes")],
            [Para("{{ votes[0].subject_text }}{{ votes[0].record }}")],
        ),
    ],
    when="votes",
)


def proceedings(heading: str = "会议内容", lead: Sequence[Block] = ()) -> Section:
    """The proceedings; ``lead`` blocks open the section (left out with it when there are
    no proceedings)."""
    return Section(heading, [*lead, PROCEEDINGS], when="proceedings")


#: 附件说明 (GB/T 9704 §7.3.4): the shared block, as every document prints it; the record's
#: last line goes with the note, so a page never holds only the note and the signature line.
ATTACHMENTS: list[Block] = [AttachmentNote()]


def closing(resolutions: str = "会议决议") -> list[Block]:
    """Resolutions, the host's summary, follow-up, other matters, attachments, signatures."""
    return [
        Section(resolutions, [numbered("resolutions", "r")], when="resolutions"),
        Section("主持人总结", [Para("{{ host_summary }}")], when="host_summary"),
        Section("会后落实", [Para("{{ f }}", each="f in follow_up", number=3)], when="follow_up"),
        Para("其他：{{ note }}", when="note"),
        *ATTACHMENTS,
        SignLine("{{ sign_line }}"),
    ]


__all__ = [
    "COMMON_FIELDS",
    "HEAD_WIDTHS",
    "PEOPLE_ROWS",
    "PROCEEDINGS",
    "VOTES",
    "VOTING_ROW",
    "agenda",
    "closing",
    "head_table",
    "numbered",
    "proceedings",
]

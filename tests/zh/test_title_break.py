"""Titles broken by sense (GB/T 9704 §7.3.3): whole words, trapezoid or diamond, within the line."""

from __future__ import annotations

import itertools
import re

import pytest

from docgen.zh.title_break import TERMS, break_title, line_width, title_break_filter
from tests.zh.titles import branch_names, titles

#: The 2号 title's line: 156 mm at 22 pt less the 0.25 pt spacing.
CAPACITY = 20.33
#: Runs the check itself keeps whole, independently of the module: numbers with their unit.
_NUMBER = re.compile(r"[0-9]+(?:周年|年度|年|月|日|个|名|次)?")


def _cut_terms(lines: list[str], terms: tuple[str, ...] = TERMS) -> list[str]:
    """Every term (or number with its unit) that straddles a break between two lines."""
    text = "".join(lines)
    breaks = set(itertools.accumulate(len(line) for line in lines[:-1]))
    cut = []
    spans = [(m.start(), m.group()) for m in _NUMBER.finditer(text)]
    for term in terms:
        spans += [(m.start(), term) for m in re.finditer(re.escape(term), text)]
    for start, word in spans:
        if any(start < b < start + len(word) for b in breaks):
            cut.append(word)
    return cut


def _shape(widths: list[float]) -> bool:
    """Rising, falling, or rising then falling."""
    peak = widths.index(max(widths))
    up = all(a <= b for a, b in itertools.pairwise(widths[: peak + 1]))
    down = all(a >= b for a, b in itertools.pairwise(widths[peak:]))
    return up and down


def test_generated_titles_cover_the_ranges() -> None:
    """At least 50 titles; branch names of 6 to 30 characters."""
    names = branch_names()
    assert len(titles()) >= 50
    assert min(map(len, names)) <= 8
    assert max(map(len, names)) >= 24


@pytest.mark.parametrize("title", titles())
def test_generated_title_breaks_by_sense(title: str) -> None:
    """Same text, every line fits, no term cut, trapezoid or diamond, 关于 never ends a line."""
    lines = break_title(title, CAPACITY)
    assert "".join(lines) == title
    widths = [line_width(line) for line in lines]
    assert max(widths) <= CAPACITY
    assert _cut_terms(lines) == [], lines
    assert _shape(widths), lines
    assert not any(line.endswith("关于") for line in lines[:-1]), lines


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "中共星河大学信息工程学院教工第一党支部关于2026年度组织生活会检视问题的整改方案",
            [
                "中共星河大学信息工程学院教工第一党支部",
                "关于2026年度组织生活会",
                "检视问题的整改方案",
            ],
        ),
        (
            "中共星河大学信息工程学院教工第一党支部委员会2026年度组织生活会对照检查材料",
            ["中共星河大学信息工程学院教工第一党支部委员会", "2026年度组织生活会对照检查材料"],
        ),
        (
            "中共星河大学信息工程学院教工第一党支部第一党小组2026年11月党小组会记录",
            ["中共星河大学信息工程学院教工第一党支部", "第一党小组2026年11月党小组会记录"],
        ),
    ],
)
def test_break_after_the_issuing_body(title: str, expected: list[str]) -> None:
    """The first line ends with the issuing body; 关于 and the year start the next."""
    lines = break_title(title, 22 if "委员会2026" in title else CAPACITY)
    assert lines == expected


def test_the_issues_bad_breaks_do_not_happen() -> None:
    """“关 / 于”, “组织生 / 活会”, “支 / 部委员会”, “成立105 / 周年”: none of them."""
    speech = "——在信息工程学院教工第一党支部庆祝中国共产党成立105周年主题党日活动上的讲话"
    lines = break_title(speech, 28)
    assert lines == [
        "——在信息工程学院教工第一党支部",
        "庆祝中国共产党成立105周年主题党日活动上的讲话",
    ]
    for title in titles():
        joined = "/".join(break_title(title, CAPACITY))
        for bad in ("关/于", "组织生/活会", "支/部", "105/周年", "2026/年"):
            assert bad not in joined


def test_short_titles_and_given_breaks_are_kept() -> None:
    """A title that fits stays one line; a typed break is kept and each part broken alone."""
    assert break_title("2026年度工作总结", CAPACITY) == ["2026年度工作总结"]
    assert break_title("第一行\n第二行", CAPACITY) == ["第一行", "第二行"]


def test_terms_are_extendable() -> None:
    """A term added by the caller is kept whole as well."""
    text = "中共星河大学信息工程学院教工第一党支部“强基领航”计划实施方案说明书"
    plain = break_title(text, 14)
    extended = break_title(text, 14, terms=(*TERMS, "实施方案说明书"))
    assert _cut_terms(extended, ("实施方案说明书",)) == []
    assert plain != extended or _cut_terms(plain, ("实施方案说明书",)) == []


def test_filter_joins_lines_with_newlines_and_never_prints_none() -> None:
    """The Jinja filter returns the lines joined by ``\\n``; ``None`` prints nothing."""
    title = "中共星河大学信息工程学院教工第一党支部2026年度工作总结"
    assert (
        title_break_filter(title, CAPACITY)
        == "中共星河大学信息工程学院教工第一党支部\n2026年度工作总结"
    )
    assert title_break_filter(None) == ""

"""Random Chinese paragraphs through one template: no character lost on the way to PDF.

Hypothesis draws documents of 170-200 paragraphs (random lengths, words, digits and marks), so
three examples put more than 500 paragraphs through LibreOffice in three conversions; a fixed
document puts each full-width mark at every position of a first (indented) and a second line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docgen
from docgen.context import read_data
from docgen.convert import OfficePool
from docgen.inspect.fidelity import TextFidelity, check_text
from docgen.library import find_template

pytestmark = [pytest.mark.real, pytest.mark.slow]

TEMPLATE = "reports/jingyan-jiaoliu"
MARKS = "，、。；：？！）》”"
WORDS = [
    "党支部",
    "组织生活会",
    "理论学习",
    "整改",
    "台账",
    "批评和自我批评",
    "党员",
    "委员会",
    "2026年",
    "23名",
    "第一",
    "落实",
    "（一）",
    "“三会一课”",
    "《条例》",
    "AI",
    "教学",
    "科研",
    "一",
    "实",
]
TOKEN = st.one_of(st.sampled_from(WORDS), st.sampled_from(list(MARKS)))
PARAGRAPH = st.lists(TOKEN, min_size=1, max_size=90).map("".join)
DOCUMENT = st.lists(PARAGRAPH, min_size=170, max_size=200)


@pytest.fixture(scope="module")
def office() -> Iterator[OfficePool]:
    """One warm LibreOffice for every document of this module."""
    with OfficePool(1) as pool:
        yield pool


def _print(pool: OfficePool, folder: Path, name: str, paras: list[str]) -> TextFidelity:
    data = folder / f"{name}.json"
    payload = {
        "kind": "report",
        "subkind": "experience_exchange",
        "title": "随机段落的排印核对",
        "sections": [{"heading": "随机段落", "paras": paras}],
    }
    data.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    source = folder / f"{name}.docx"
    template = docgen.load(find_template(TEMPLATE))
    source.write_bytes(template.render(read_data(data).context))
    pool.convert([source], folder).raise_for_failures()
    return check_text(source, source.with_suffix(".pdf"))


def test_each_mark_at_every_position_of_a_line(office: OfficePool, tmp_path: Path) -> None:
    """Each mark after 1-56 characters (through the indented first line and the next): none lost."""
    paras = [
        "支部" * (k // 2) + "学" * (k % 2) + mark + "其后还有一些文字用来把这一行排满为止"
        for mark in MARKS
        for k in range(1, 57)
    ]
    result = _print(office, tmp_path, "positions", paras)
    assert result.passed, result.describe()
    assert result.expected >= sum(len(p) for p in paras)


@settings(
    max_examples=3,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(paras=DOCUMENT)
def test_random_paragraphs_lose_no_character(
    office: OfficePool, tmp_path_factory: pytest.TempPathFactory, paras: list[str]
) -> None:
    """Any mix of words, digits and marks, at any length: every character is printed."""
    result = _print(office, tmp_path_factory.mktemp("random"), "random", paras)
    assert result.passed, result.describe()
    assert result.expected >= sum(len(p) for p in paras)

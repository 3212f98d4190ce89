"""Rendered documents keep exactly the paragraph printed last before a sign-off, a
signature line or a speech's closing words with them (:mod:`docgen.style.keep`)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

import pytest

import docgen
from docgen.style import For, If, Para, Section, SignLine, Signoff
from docgen.style.blocks import KeepPrevious
from docgen.style.emit import Block, Emitter
from docgen.style.house import DEFAULT_STYLE
from docgen.style.keep import keep_last_with_next
from tests.style.specs import bare_spec


def _kept(blocks: Sequence[Block], context: dict[str, Any]) -> list[str]:
    """The texts of the rendered paragraphs that carry ``w:keepNext`` (empty ones as "")."""
    spec = bare_spec(blocks)
    blob = docgen.Template(spec.build()).render(context, check=True)
    xml = zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml").decode()
    paragraphs = re.findall(r"<w:p>.*?</w:p>", xml)
    return [
        "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in paragraphs if "keepNext" in p
    ]


_SIGNOFF = Signoff(org="{{ o }}", date="{{ d }}")


def test_the_last_paragraph_of_nested_loops_is_kept_alone() -> None:
    """Inside two loops only the very last repetition is kept: ``loop.last`` names the
    inner loop, so the outer one records its own."""
    blocks = [For("x in xs", [Para("{{ x.h }}"), Para("{{ y }}", each="y in x.ys")]), _SIGNOFF]
    xs = [{"h": "甲", "ys": ["一", "二"]}, {"h": "乙", "ys": ["三", "四"]}]
    kept = _kept(blocks, {"xs": xs, "o": "某支部", "d": "2026年1月1日"})
    assert [k for k in kept if k and k in "甲乙一二三四"] == ["四"]


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ({"a": "附注甲", "b": "附注乙"}, "附注乙"),
        ({"a": "附注甲", "b": ""}, "附注甲"),
        ({"a": "", "b": "附注乙"}, "附注乙"),
        ({"a": "", "b": ""}, "正文最后一段。"),
    ],
)
def test_optional_paragraphs_pass_the_keep_back(context: dict[str, str], expected: str) -> None:
    """Whichever optional paragraphs the data leaves out, the one printed last before the
    sign-off is kept with it, and no other body paragraph."""
    blocks = [
        Para("正文第一段。"),
        Para("正文最后一段。"),
        Section("其他", [Para("{{ a }}")], when="a"),
        Para("{{ b }}", when="b"),
        _SIGNOFF,
    ]
    kept = _kept(blocks, {**context, "o": "某支部", "d": "2026年1月1日"})
    body = [k for k in kept if k and k != "某支部" and not k.endswith("其他")]
    assert body == [expected]


def test_both_branches_of_an_if_else_are_followed() -> None:
    """The last paragraph of whichever branch prints is kept."""
    blocks = [
        Para("前文。"),
        If("c", [Para("甲支。")], [Para("乙支一。"), Para("乙支二。")]),
        SignLine("主持人（签字）："),
    ]
    assert "甲支。" in _kept(blocks, {"c": True})
    kept = _kept(blocks, {"c": False})
    assert "乙支二。" in kept
    assert "乙支一。" not in kept
    assert "前文。" not in kept


def test_keep_previous_marks_the_paragraph_before_a_closing() -> None:
    """A speech's closing words take the last body line along."""
    blocks = [Para("{{ p }}", each="p in ps"), KeepPrevious(), Para("谢谢大家！")]
    kept = _kept(blocks, {"ps": ["第一段。", "第二段。"]})
    assert kept == ["第二段。"]


def test_a_second_walk_leaves_an_earlier_keep_as_it_is() -> None:
    """Walking back over a kept/plain pair written before does not keep its plain twin."""
    out = Emitter(DEFAULT_STYLE)
    Para("{{ p }}", each="p in ps").emit(out)
    keep_last_with_next(out.parts)
    once = list(out.parts)
    keep_last_with_next(out.parts)
    assert out.parts == once
    assert sum("keepNext" in part for part in once) == 1

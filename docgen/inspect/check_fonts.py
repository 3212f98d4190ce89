"""Checks of the embedded faces: title 小标宋, body 仿宋, headings 黑体 / 楷体 / 仿宋 / 仿宋.

A role passes when the font that printed most of its CJK glyphs belongs to the expected family
(:mod:`docgen.inspect.fonts`). The other fonts that printed glyphs of that role are listed, so a
character that fell back to another face shows up in the detail.
"""

from __future__ import annotations

from collections import Counter

from docgen.inspect.classify import Role
from docgen.inspect.findings import Finding, Text, same, verdict
from docgen.inspect.fonts import FAMILIES
from docgen.inspect.measurements import Measurements
from docgen.inspect.spec import LayoutSpec

_ROLES: tuple[tuple[Role, Text], ...] = (
    ("title", Text("标题字体", "title font")),
    ("body", Text("正文字体", "body font")),
    ("h1", Text("一级标题“一、”字体", "level-1 heading '一、' font")),
    ("h2", Text("二级标题“（一）”字体", "level-2 heading '（一）' font")),
    ("h3", Text("三级标题“1.”字体", "level-3 heading '1.' font")),
    ("h4", Text("四级标题“（1）”字体", "level-4 heading '（1）' font")),
)


def font_findings(m: Measurements, spec: LayoutSpec) -> list[Finding]:
    """One finding per role; a role the document does not have is skipped."""
    return [
        _role(m.fonts.get(role), getattr(spec.fonts, role), role, label) for role, label in _ROLES
    ]


def _role(fonts: Counter[str] | None, family_key: str, role: Role, label: Text) -> Finding:
    family = FAMILIES[family_key]
    expected = Text(family.label(english=False), family.label(english=True))
    code = f"font_{role}"
    if not fonts:
        absent = Text("文中没有这一类文字", "the document has no text of this kind")
        return Finding(code, "skip", label, same("—"), expected, absent)
    main, count = fonts.most_common(1)[0]
    share = count / sum(fonts.values())
    others = [f"{name} ×{n}" for name, n in fonts.most_common()[1:]]
    detail = (
        Text(f"另有 {'，'.join(others)}", f"also {', '.join(others)}")
        if others
        else Text(f"共 {count} 字", f"{count} glyphs")
    )
    measured = same(f"{main} ({share:.0%})")
    return Finding(code, verdict(family.matches(main)), label, measured, expected, detail)

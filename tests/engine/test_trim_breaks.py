"""`{%-` / `-%}` swallow the soft line breaks beside them, as docxtpl's merge does."""

from __future__ import annotations

import docgen
from tests.docx_builder import make_docx, p, paragraph_texts

BR = "<w:r><w:br/></w:r>"


def _soft_lines(*pieces: str) -> str:
    """One paragraph whose pieces are separated by Shift+Enter breaks (w:br)."""
    runs = []
    for i, piece in enumerate(pieces):
        if i:
            runs.append(BR)
        runs.append(f'<w:r><w:t xml:space="preserve">{piece}</w:t></w:r>')
    return p(*runs)


def test_trim_tags_merge_soft_broken_lines() -> None:
    """Each tag on its own soft line still renders as one line."""
    pieces = ("会议在", "{%- if inside -%}", " 会议室", "{%- else -%}", " 校外", "{%- endif -%}")
    body = _soft_lines(*pieces, " 举行。")
    tpl = docgen.Template(make_docx(body))
    assert paragraph_texts(tpl.render({"inside": True})) == ["会议在 会议室 举行。"]
    assert paragraph_texts(tpl.render({"inside": False})) == ["会议在 校外 举行。"]


def test_breaks_away_from_trim_tags_are_kept() -> None:
    """Breaks not next to a trimming tag (or next to a plain tag) stay."""
    body = _soft_lines("第一行", "第二行{% if x %}", "有{% endif %}", "末行")
    out = docgen.Template(make_docx(body)).render({"x": True})
    assert paragraph_texts(out) == ["第一行\n第二行\n有\n末行"]

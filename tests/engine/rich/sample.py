"""One house-style template holding every rich value, its data, and its PDF (converted once).

Each feature's real test reads the same PDF, so the suite pays for one
LibreOffice conversion however many rich values there are.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docgen.style import Column, Para, Table, TemplateSpec, Title

LINK = "https://example.org/档案/2026/支部-017"

BLOCKS = (
    Title("富内容示例"),
    Para("档案二维码：{{ link|qrcode(30) }}"),
    Para(
        "学习已完成{{ done|checkbox }}，材料未交{{ handed|checkbox }}，"
        "同意公示{{ agree|checkbox(form=true, name='同意公示') }}。"
    ),
    Table(
        columns=(
            Column("问题类别", "{{ row.cat|vmerge }}", 2, centred=True),
            Column("存在问题", "{{ row.title }}", 5),
        ),
        each="row in rows",
    ),
)

ROWS = [
    {"cat": "政治建设", "title": "理论学习不够深入"},
    {"cat": "政治建设", "title": "专题研讨次数偏少"},
    {"cat": "组织建设", "title": "发展党员工作滞后"},
]

DATA: dict[str, object] = {
    "link": LINK,
    "done": True,
    "handed": "否",
    "agree": "是",
    "rows": ROWS,
}


def template() -> bytes:
    """The sample template, built with the house style."""
    spec = TemplateSpec(
        genre="tests",
        name="rich",
        kind="plain",
        title="富内容示例",
        description="测试用模板",
        output="rich.docx",
        fields=tuple(DATA),
        blocks=BLOCKS,
    )
    return spec.build()


@dataclass(frozen=True)
class Sample:
    """The rendered sample and its PDF."""

    docx: bytes
    pdf: Path

    def part(self, name: str) -> str:
        """One member of the rendered package, as text."""
        with zipfile.ZipFile(io.BytesIO(self.docx)) as archive:
            return archive.read(name).decode("utf-8")

"""One house-style template holding every rich value, its data, and its PDF (converted once).

Page 1 holds the QR code, checkboxes and merged cells; page 2 the floating pictures,
a signature fitted into a cell and the seal over the sign-off.

Each feature's real test reads the same PDF, so the suite pays for one
LibreOffice conversion however many rich values there are.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docgen.style import Column, PageBreak, Para, Signoff, Table, TemplateSpec, Title
from docgen.views.common import signoff
from tests.engine.rich.pictures import block_png, seal_png, signature_png

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
    # Page 2: pictures that float, fit or press (page 1 keeps only the QR code's picture).
    PageBreak(),
    Para("版心右上角有一个浮动图片。{{ logo|floating(30, x=126, y=0, relative='margin') }}"),
    Para(
        "页面左上角有一个衬于文字下方的图片。"
        "{{ corner|floating(15, x=10, y=10, relative='page', behind=true) }}"
    ),
    Table(
        columns=(
            Column("姓名", "{{ m.name }}", 2),
            Column("签名", "{{ m.sign|signature }}", 2),
            Column("备注", "{{ m.note }}", 4),
        ),
        each="m in members",
    ),
    Para("以上材料经支部委员会审核无误，特此报告。"),
    Signoff(org="{{ sign.org_text|seal(stamp) }}", date="{{ sign.date_text }}"),
)

ORG = "中共示范学院计算机系党支部"
#: The pictures the data names, written into the render's image folder.
PICTURES = {
    "logo.png": block_png(),
    "corner.png": block_png((200, 160, 0)),
    "sign.png": signature_png(),
    "seal.png": seal_png(),
}

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
    "logo": "logo.png",
    "corner": "corner.png",
    "members": [
        {"name": "林晓", "sign": "sign.png", "note": "本人签名"},
        {"name": "周宁", "sign": "", "note": "未签，留待手签"},
    ],
    "stamp": "seal.png",
    "sign": signoff(ORG, dt.date(2026, 11, 21), sealed=True),
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
    images: Path

    def part(self, name: str) -> str:
        """One member of the rendered package, as text."""
        with zipfile.ZipFile(io.BytesIO(self.docx)) as archive:
            return archive.read(name).decode("utf-8")

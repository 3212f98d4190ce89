"""reports/yingxiang-ziliao: 影像资料页 — a meeting's photos, 2, 4 or 6 a page in a grid,
each captioned with its time, place and content (``kind: minutes``)."""

from __future__ import annotations

from docgen.style.blocks import Para, Title
from docgen.style.photos import PhotoGrid
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="yingxiang-ziliao",
    kind="minutes",
    title="会议影像资料",
    description="三会一课影像资料页：会议照片每页2张、4张或6张排成表格，每张注明时间、地点和内容；"
    "照片的拍摄日期与会议日期不同时给出提醒。",
    output="{album.title}.docx",
    fields=(
        "meeting_type",
        "branch",
        "title",
        "time",
        "location",
        "photos",
        "photos_per_page",
    ),
    required=("meeting_type", "time"),
    fixture="fixtures/school/xxgc-jg1/2026/minutes/2026-11-zhuti-dangri.yaml",
    minimal="fixtures/library/reports/yingxiang-ziliao.min.yaml",
    blocks=(
        Title("{{ album.title }}"),
        Para("{{ album.intro }}"),
        PhotoGrid(),
    ),
)

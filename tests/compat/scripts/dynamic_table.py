"""Rows from {%tr for %} and columns from {%tc for %}."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/dynamic_table_tpl.docx")
context = {
    "columns": ["学习", "会议", "活动"],
    "rows": [
        {"month": "一月", "counts": [2, 1, 0]},
        {"month": "二月", "counts": [3, 1, 1]},
        {"month": "三月", "counts": [2, 2, 1]},
    ],
}
tpl.render(context)
tpl.save("output/dynamic_table.docx")

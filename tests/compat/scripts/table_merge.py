"""A row loop with a vertical merge, a horizontal merge in a column loop, cell shading."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/table_merge_tpl.docx")
context = {
    "stages": [
        {"name": "学习", "task": "集中学习", "owner": "张明"},
        {"name": "学习", "task": "个人自学", "owner": "李华"},
        {"name": "整改", "task": "制定清单", "owner": "王芳"},
    ],
    "note": "跨列说明文字",
    "cols": [1, 2, 3],
    "color": "FFC000",
    "label": "进度",
}
tpl.render(context)
tpl.save("output/table_merge.docx")

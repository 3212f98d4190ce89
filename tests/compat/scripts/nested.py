"""Nested paragraph loops, loop.index, |default and {% set %}."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/nested_tpl.docx")
groups = [
    {"name": "第一党小组", "members": [{"name": "张明", "role": "组长"}, {"name": "李华"}]},
    {"name": "第二党小组", "members": [{"name": "王芳", "role": "组长"}]},
]
tpl.render({"groups": groups})
tpl.save("output/nested.docx")

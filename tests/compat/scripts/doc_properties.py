"""Tags in the document properties (title, subject, author, comments)."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/doc_properties_tpl.docx")
tpl.render({"title": "整改方案", "branch": "学生第一", "author": "组织委员", "version": 3})
tpl.save("output/doc_properties.docx")

"""{%- and -%} merge paragraphs, and lines split with soft breaks, into one line."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/merge_paragraph_tpl.docx")
tpl.render({"in_school": True})
tpl.save("output/merge_paragraph.docx")

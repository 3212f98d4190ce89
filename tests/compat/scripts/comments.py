"""Comments survive a render."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/comments_tpl.docx")
tpl.render({"topic": "民主评议"})
tpl.save("output/comments.docx")

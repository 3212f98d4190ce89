"""replace_pic by the picture's name, in the body and in the header."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/replace_pic_tpl.docx")
tpl.replace_pic("dummy.png", "templates/red.png")
with open("templates/green.png", "rb") as fh:
    tpl.replace_pic("header_dummy.png", fh)
tpl.render({"date": "2026年5月4日"})
tpl.save("output/replace_pic.docx")

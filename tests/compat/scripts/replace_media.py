"""replace_media finds the picture by the bytes of the file it was made from."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/replace_pic_tpl.docx")
tpl.replace_media("templates/dummy.png", "templates/blue.png")
tpl.replace_media("templates/header_dummy.png", "templates/red.png")
tpl.render({"date": "2026年6月1日"})
tpl.save("output/replace_media.docx")

"""Tags in the header and the footer (with |default)."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/header_footer_tpl.docx")
tpl.render({"unit": "信息工程学院党委", "year": 2026, "page_label": "一"})
tpl.save("output/header_footer.docx")

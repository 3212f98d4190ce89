"""A tag inside a footnote is rendered too."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/footnotes_tpl.docx")
tpl.render({"reading": "《中国共产党章程》", "speaker": "支部书记"})
tpl.save("output/footnotes.docx")

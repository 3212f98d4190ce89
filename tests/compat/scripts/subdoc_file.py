"""A whole .docx merged into the master at {{p part }} (docxtpl's merge_docx)."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/merge_master_tpl.docx")
part = tpl.new_subdoc("templates/subdoc_part_tpl.docx")
tpl.render({"title": "年度材料", "part": part})
tpl.save("output/subdoc_file.docx")

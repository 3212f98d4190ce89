"""docxtpl's idioms for optional fields: {% if note %}, {{ x or '默认' }}, missing names."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/undefined_tpl.docx")
tpl.render({"recorder": "李华"})
tpl.save("output/undefined.docx")

"""render(..., autoescape=True): every string is escaped, loops over a dict's items."""

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/escape_auto_tpl.docx")
context = {
    "marks": {"小于": "<", "大于": ">", "和号": "&", "引号": '"', "撇号": "'"},
    "company": "A&B 科技（集团）<有限>",
    "compare": "3 < 5 & 5 > 3",
}
tpl.render(context, autoescape=True)
tpl.save("output/escape_auto.docx")

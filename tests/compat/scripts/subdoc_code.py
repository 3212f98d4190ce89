"""A sub-document built in code with python-docx's API, placed with {{p sd }}."""

from docx.shared import Inches
from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/subdoc_tpl.docx")
sd = tpl.new_subdoc()
sd.add_paragraph("本节由程序生成。")
p = sd.add_paragraph("其中 ")
p.add_run("重点内容").style = "Dynamic"
p.add_run(" 用了模板中的字符样式，")
p.add_run("斜体").italic = True
p.add_run(" 也可以。")
sd.add_heading("一、学习情况", level=1)
sd.add_paragraph("引用一段原文。", style="Intense Quote")
sd.add_picture("templates/red.png", width=Inches(0.8))
table = sd.add_table(rows=1, cols=3)
for cell, text in zip(table.rows[0].cells, ("序号", "姓名", "学时"), strict=True):
    cell.text = text
for row in ((1, "张明", 12), (2, "李华", 10), (3, "王芳", 14)):
    cells = table.add_row().cells
    for cell, value in zip(cells, row, strict=True):
        cell.text = str(value)
tpl.render({"sd": sd})
tpl.save("output/subdoc_code.docx")

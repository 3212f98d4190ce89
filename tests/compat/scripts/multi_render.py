"""One DocxTemplate rendered and saved three times, with a picture swap per document."""

import io

from docxtpl import DocxTemplate

tpl = DocxTemplate("templates/multi_render_tpl.docx")
pictures = ["templates/red.png", "templates/green.png", "templates/blue.png"]
for n, picture in enumerate(pictures, start=1):
    tpl.reset_replacements()
    tpl.replace_pic("dummy.png", picture)
    tpl.render({"title": f"第{n}号通知", "body": f"这是第 {n} 份文档。"})
    tpl.save(f"output/multi_render{n}.docx")
stream = io.BytesIO()
tpl.save(stream)
with open("output/multi_render_stream.docx", "wb") as fh:
    fh.write(stream.getvalue())

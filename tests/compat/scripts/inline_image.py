"""Pictures in the body, in a table loop, in the header and in a footer loop."""

from docx.shared import Cm, Inches, Mm, Pt
from docxtpl import DocxTemplate, InlineImage

tpl = DocxTemplate("templates/inline_image_tpl.docx")
fh = open("templates/green.png", "rb")  # noqa: SIM115 -- docxtpl reads it at render time
green = InlineImage(tpl, fh, width=Mm(12))
context = {
    "cover": InlineImage(tpl, "templates/blue.png", width=Mm(40)),
    "tall": InlineImage(tpl, image_descriptor="templates/yellow.jpg", height=Cm(2)),
    "header_logo": InlineImage(tpl, "templates/red.png", Pt(20), Pt(20)),
    "footer_imgs": [InlineImage(tpl, "templates/green.png", height=Mm(6)) for _ in range(2)],
    "items": [
        {"pic": InlineImage(tpl, "templates/red.png", width=Inches(0.5)), "desc": "红色"},
        {"pic": green, "desc": "绿色"},
    ],
}
tpl.render(context)
fh.close()
tpl.save("output/inline_image.docx")

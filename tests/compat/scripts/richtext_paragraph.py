"""RichTextParagraph with paragraph styles, and a RichText inside it."""

from docxtpl import DocxTemplate, RichText, RichTextParagraph

tpl = DocxTemplate("templates/richtext_paragraph_tpl.docx")
rtp = RichTextParagraph()
rtp.add("第一段，用引用样式", parastyle="Quote")
rtp.add("第二段，用列表样式", parastyle="ListBullet")
rtp.add("第三段没有样式")
rtp.add("第四段\a又拆成两段", parastyle="IntenseQuote")
rt = RichText("富文本")
rt.add("加粗", bold=True)
rt.add("与斜体", italic=True)
rtp.add(rt, parastyle="ListBullet")
tpl.render({"rtp": rtp})
tpl.save("output/richtext_paragraph.docx")

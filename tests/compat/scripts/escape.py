"""Escaping as docxtpl documents it: R(), |e, Listing, and \\n \\a \\f in strings."""

from docxtpl import DocxTemplate, Listing, R

tpl = DocxTemplate("templates/escape_tpl.docx")
context = {
    "rich": R('小于号 < 与 "引号" & 和号'),
    "plain": "用 |e 过滤器转义：<党支部> & 委员会",
    "listing": Listing("第一行\n第二行 <含尖括号> & 和号\n第三行"),
    "multiline": "甲\n乙\t丙\a新段落",
    "page_break": R("\f"),
}
tpl.render(context)
tpl.save("output/escape.docx")

"""RichText and R: styles, colours, sizes, underlines, fonts, a hyperlink, breaks."""

from docxtpl import DocxTemplate, R, RichText

tpl = DocxTemplate("templates/richtext_tpl.docx")
rt = RichText()
rt.add("字符样式", style="KeyPoint")
rt.add("、")
rt.add("加粗", bold=True)
rt.add("、")
rt.add("斜体", italic=True)
rt.add("、")
rt.add("红字", color="#C00000")
rt.add("、")
rt.add("删除线", strike=True)
rt.add("、")
rt.add("高亮", highlight="#FFFF00")
rt.add("、")
rt.add("小字", size=16)
rt.add("、")
rt.add("大字", size=44)
rt.add("\n链接：")
rt.add("学习强国", url_id=tpl.build_url_id("https://www.xuexi.cn/"))
rt.add("，又一次：")
rt.add("同一网址", url_id=tpl.build_url_id("https://www.xuexi.cn/"))
for kind in ("single", "double", "wave"):
    rt.add(f"\n下划线 {kind}", underline=kind)
rt.add("\n宋体", font="宋体")
rt.add("，黑体", font="eastAsia:黑体")
rt.add("\n上标", superscript=True)
rt.add("与下标", subscript=True)
rt.add("\a新的一段\a")
rt.add("分页之前\f分页之后")
outer = RichText("前缀：")
outer.add(rt)
context = {
    "rt": outer,
    "inline_rt": R("行内富文本", bold=True),
    "short": R("单独一段", color="0000FF"),
}
tpl.render(context)
tpl.save("output/richtext.docx")

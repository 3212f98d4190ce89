"""HTML in the shapes real web editors produce, with our own wording.

Each snippet copies the *markup habits* of one editor or paste source (UEditor's
``firstRow`` tables, Word's ``MsoListParagraph`` and ``<o:p>``, Google Docs'
``<b style="font-weight:normal">`` wrapper, Quill's flat lists…); the text is
ours. Tests render every one and compare the document's text with the text a
browser shows, read by Python's own ``html.parser`` (a second, independent parser).
"""

from __future__ import annotations

import struct
import zlib
from html.parser import HTMLParser

#: Elements whose content a browser does not show as text.
HIDDEN = frozenset(
    {"script", "style", "head", "title", "iframe", "object", "embed", "noscript", "template",
     "svg", "math", "select", "textarea", "xml", "noframes", "canvas", "audio", "video"}
)  # fmt: skip

CORPUS: dict[str, str] = {
    "ueditor_paragraphs": (
        '<p style="text-indent: 2em;">为落实年度工作安排，支部定于本月下旬召开组织生活会。</p>'
        '<p><br/></p><p style="text-align: center;"><strong>会前准备事项</strong></p>'
        '<p style="text-indent: 2em;">各位党员请提前撰写发言提纲，'
        '<span style="color: rgb(255, 0, 0);">务必于周五前提交</span>。</p>'
    ),
    "ueditor_table": (
        '<table width="100%" border="1" cellpadding="0" cellspacing="0"><tbody>'
        '<tr class="firstRow"><td width="120" valign="top" style="word-break: break-all;">序号</td>'
        '<td width="300" valign="top" colspan="2">整改事项</td></tr>'
        '<tr><td valign="top">1</td><td valign="top">学习记录不完整</td>'
        '<td valign="top">补齐记录</td></tr></tbody></table><p><br/></p>'
    ),
    "kindeditor": (
        '<p>\n\t<span style="font-size:16px;font-family:SimSun;">第一段正文，编辑器换行\n'
        "缩进写在源码里。</span>\n</p>\n<p>\n\t<em>强调</em>与<u>下划线</u>并存。\n</p>"
    ),
    "wangeditor5": (
        '<p>本次评议共 <span style="color: rgb(225, 60, 57);">23</span> 人参加。</p>'
        "<ol><li>宣读评议办法</li><li>个人述职</li><li>填写测评表</li></ol>"
    ),
    "tinymce_nested": (
        "<h2>学习安排</h2><p>本季度重点如下：</p><ul><li>理论学习<ul><li>原文研读</li>"
        "<li>专题研讨</li></ul></li><li>实践活动</li></ul>"
    ),
    "ckeditor4": (
        "<p>&nbsp;</p><p><u>下划线文字</u> 与 <s>删除线文字</s></p>"
        "<blockquote><p>引用的一段话，保持原样。</p></blockquote>"
    ),
    "ckeditor5_figure_table": (
        '<figure class="table"><table><thead><tr><th>类别</th><th>数量</th></tr></thead>'
        "<tbody><tr><td>正式党员</td><td>20</td></tr><tr><td>预备党员</td><td>3</td></tr>"
        "</tbody></table><figcaption>党员构成</figcaption></figure>"
    ),
    "quill1_flat_lists": (
        '<p>议程：</p><ol><li>开场说明</li><li class="ql-indent-1">介绍到会情况</li>'
        '<li class="ql-indent-1">说明议程</li><li>集中讨论</li></ol><ul><li>散会</li></ul>'
    ),
    "quill2_data_list": (
        '<ol><li data-list="bullet"><span class="ql-ui" contenteditable="false"></span>'
        '要点甲</li><li data-list="bullet"><span class="ql-ui" contenteditable="false"></span>'
        '要点乙</li><li data-list="ordered"><span class="ql-ui" contenteditable="false">'
        "</span>步骤一</li></ol>"
    ),
    "word_paste_list": (
        "<p class=MsoListParagraph style='margin-left:21.0pt;text-indent:-21.0pt;"
        "mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>"
        "<span style='mso-list:Ignore'>1.<span style='font:7.0pt \"Times New Roman\"'>"
        "&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:"
        "仿宋_GB2312'>对照检查材料已经印发<o:p></o:p></span></p>"
        "<p class=MsoListParagraph style='margin-left:21.0pt;text-indent:-21.0pt;"
        "mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>"
        "<span style='mso-list:Ignore'>2.<span style='font:7.0pt \"Times New Roman\"'>"
        "&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:"
        "仿宋_GB2312'>谈心谈话已经开展<o:p></o:p></span></p>"
    ),
    "word_paste_document": (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8">'
        "<title>通知草稿</title><style><!-- p.MsoNormal {margin:0cm; font-size:16.0pt;} --></style>"
        "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument>"
        "</xml><![endif]--></head><body lang=ZH-CN style='tab-interval:21.0pt'>"
        "<div class=WordSection1><p class=MsoNormal><span style='font-family:仿宋_GB2312'>"
        "会议定于<st1:chsdate Year=\"2026\" Month=\"12\" Day=\"16\" IsLunarDate=\"False\" "
        'IsROCDate="False" w:st="on">2026年12月16日</st1:chsdate>下午召开。<o:p></o:p>'
        "</span></p><p class=MsoNormal><o:p>&nbsp;</o:p></p></div></body></html>"
    ),
    "word_paste_table": (
        "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 "
        "style='border-collapse:collapse;border:none'><tr style='mso-yfti-irow:0'>"
        "<td width=142 valign=top style='width:106.5pt;border:solid windowtext 1.0pt'>"
        "<p class=MsoNormal><span style='font-family:黑体'>类别<o:p></o:p></span></p></td>"
        "<td width=284 valign=top style='width:213pt'><p class=MsoNormal>问题<o:p></o:p></p></td>"
        "</tr><tr><td rowspan=2 style='background:#D9D9D9'><p class=MsoNormal>思想建设</p></td>"
        "<td><p class=MsoNormal>学习不够系统</p></td></tr><tr><td><p class=MsoNormal>"
        "研讨不够深入</p></td></tr></table>"
    ),
    "wps_paste": (
        '<p class="p0" style="margin-bottom:0pt; margin-top:0pt; "><span style="mso-spacerun:'
        "'yes'; font-family:仿宋_GB2312; font-size:16.0000pt; \">WPS 复制来的正文，"
        '包含全角标点。</span></p><p class="p0"><span style="font-weight:bold;">加粗的一句。'
        "</span></p>"
    ),
    "google_docs": (
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c">'
        '<p dir="ltr" style="line-height:1.38;margin-top:0pt"><span style="font-size:11pt;'
        'font-weight:700;">要点</span><span style="font-weight:400">：按期完成。</span></p><br>'
        '<ul><li dir="ltr"><p dir="ltr"><span>第一条</span></p></li>'
        '<li dir="ltr"><p dir="ltr"><span>第二条</span></p></li></ul></b>'
    ),
    "summernote": '<p><font color="#ff0000">红色提示</font> <b>加粗</b><br></p><p>下一段。</p>',
    "tiptap_paragraph_items": (
        "<ul><li><p>段落式列表一</p></li><li><p>段落式列表二</p><ul><li><p>嵌套的一项</p>"
        "</li></ul></li></ul><ol start=\"3\"><li><p>从三开始</p></li></ol>"
    ),
    "markdown_rendered": (
        "<h3>附注</h3>\n<pre><code>第一行\n  第二行缩进\n</code></pre>\n"
        "<p>行内 <code>代码</code> 与 <a href=\"https://example.org/\">链接文字</a>。</p>"
    ),
    "nested_table": (
        "<table><tr><td>外层</td><td><table><tr><td>内一</td><td>内二</td></tr></table></td>"
        "</tr></table>"
    ),
    "spans_grid": (
        "<table><tr><th rowspan=2>阶段</th><th colspan=2>时间</th></tr>"
        "<tr><th>开始</th><th>结束</th></tr><tr><td>自查</td><td>十一月</td><td>十二月</td></tr>"
        "<tr><td colspan=3>全部完成后报支委会。</td></tr></table>"
    ),
    "inline_nesting": (
        "<p><b>粗<i>粗斜<u>三重</u></i></b>尾，H<sub>2</sub>O 与 100 m<sup>2</sup>。</p>"
    ),
    "contenteditable_divs": "第一行<div>第二行</div><div><br></div><div>第四行</div>",
    "all_headings": (
        "<h1>一级</h1><h2>二级</h2><h3>三级</h3><h4>四级</h4><h5>五级</h5><h6>六级</h6>"
        "<p>正文。</p>"
    ),
    "definition_list": (
        "<dl><dt>支部书记</dt><dd>主持全面工作</dd><dt>组织委员</dt><dd>负责组织发展</dd></dl>"
        "<hr><address>联系人：支部办公室</address>"
    ),
    "unknown_tags": (
        "<custom-card><x-title>自定义标签</x-title>里的文字</custom-card>"
        "<marquee>滚动字幕</marquee><blink>闪烁</blink>"
    ),
}


def visible_text(html: str) -> str:
    """The text a browser shows for ``html``, in order (Python's html.parser, not libxml2)."""

    class _Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.hidden = 0
            self.parts: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in HIDDEN:
                self.hidden += 1

        def handle_endtag(self, tag: str) -> None:
            if tag in HIDDEN and self.hidden:
                self.hidden -= 1

        def handle_data(self, data: str) -> None:
            if not self.hidden:
                self.parts.append(data)

    collect = _Collect()
    collect.feed(html)
    collect.close()
    return "".join(collect.parts)


def png(width: int, height: int) -> bytes:
    """A real, minimal grey PNG of the given pixel size."""
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )

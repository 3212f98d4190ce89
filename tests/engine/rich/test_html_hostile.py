"""Hostile HTML renders only text: nothing runs, nothing is fetched, nothing becomes XML."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

import docgen
from tests.docx_builder import make_docx, p

BODY = make_docx(p("{{p body|html }}"))

#: name → (HTML, the only text the document may hold)
HOSTILE: dict[str, tuple[str, str]] = {
    "script": ("<p>前<script>alert('x')</script>后</p>", "前后"),
    "script_in_attribute": ('<p onclick="alert(1)" onmouseover="x()">点击</p>', "点击"),
    "javascript_link": ('<a href="javascript:alert(1)">链接</a>', "链接"),
    "web_link": ('<a href="https://evil.example/track">外链</a>', "外链"),
    "iframe": ('<iframe src="https://evil.example/">框架内容</iframe>正文', "正文"),
    "object_embed": (
        '<object data="https://evil.example/x.swf">对象</object>'
        '<embed src="https://evil.example/x.swf">文字',
        "文字",
    ),
    "external_image": ('<img src="https://evil.example/pixel.png">图后', "图后"),
    "external_image_alt": ('<img src="https://evil.example/p.png" alt="替代文字">', "替代文字"),
    "file_image": ('<img src="file:///etc/passwd">本地', "本地"),
    "unc_image": ('<img src="\\\\server\\share\\x.png">共享', "共享"),
    "svg_script": ("<svg><script>alert(1)</script><text>画</text></svg>字", "字"),
    "style_import": (
        "<style>@import url(https://evil.example/a.css); body{background:url(x)}</style>样式",
        "样式",
    ),
    "css_expression": (
        '<span style="color: expression(alert(1)); background:url(x)">色</span>',
        "色",
    ),
    "meta_refresh_base_link": (
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
        '<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/">头',
        "头",
    ),
    "form_controls": ('<form action="https://evil.example/"><input value="秘">表单</form>', "表单"),
    "noscript_template": ("<noscript>无脚本</noscript><template>模板</template>可见", "可见"),
    "wordml_as_text": (
        "&lt;w:p&gt;&lt;w:r&gt;&lt;w:t&gt;注入&lt;/w:t&gt;",
        "<w:p><w:r><w:t>注入</w:t>",
    ),
    "double_escaped": ("&amp;lt;script&amp;gt;", "&lt;script&gt;"),
    "numeric_entities": ("&#x3C;w:br/&#x3E;&#60;b&#62;", "<w:br/><b>"),
    "raw_wordml": ('<w:p xmlns:w="x"><w:r><w:t>原样</w:t></w:r></w:p>', "原样"),
    # A browser reads "<![CDATA[<w:p/>" as a bogus comment and shows "]]>尾".
    "cdata_and_comment": ("<!-- 注释 --><![CDATA[<w:p/>]]>尾", "]]>尾"),
    "xxe_doctype": (
        '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x;</p>',
        "]>&x;",
    ),
    "entity_expansion": (
        '<!DOCTYPE d [<!ENTITY a "哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;">]><p>&b;</p>',
        "]>&b;",
    ),
    "huge_colspan": ('<table><tr><td colspan="100000">宽</td></tr></table>', "宽"),
    "processing_instruction": ('<?xml-stylesheet href="https://evil.example/"?>指令', "指令"),
}


def _render(html: str, **options: object) -> bytes:
    out = docgen.Template(BODY).render({"body": html}, check=True, **options)
    assert docgen.verify_package(out) == []
    return out


def _members(blob: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {n: archive.read(n).decode("utf-8", "replace") for n in archive.namelist()}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_html_renders_only_its_text(name: str) -> None:
    """Every case: the visible text only; no link, frame, object, field or external target."""
    html, expected = HOSTILE[name]
    members = _members(_render(html))
    document = members["word/document.xml"]
    texts = re.findall(r"<w:t[^>]*>([^<]*)</w:t>", document)
    unescaped = "".join(texts).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert unescaped == expected
    everything = "".join(members.values())
    assert "evil.example" not in everything
    assert 'TargetMode="External"' not in everything
    for tag in ("w:hyperlink", "w:fldSimple", "w:instrText", "w:altChunk", "w:object", "v:"):
        assert f"<{tag}" not in document
    assert "root:" not in everything


def test_characters_xml_cannot_hold_follow_the_render_rule() -> None:
    """``&#1;`` or a raw control character is an error naming the field, or dropped when
    the caller asks for ``strip_invalid``: the same rule as plain values."""
    with pytest.raises(docgen.InvalidCharacterError) as caught:
        _render("<p>甲&#1;乙</p>")
    assert caught.value.field_path == "body|html"
    assert "U+0001" in str(caught.value)
    out = _render("<p>甲&#1;乙\x02丙</p>", strip_invalid=True)
    assert "甲乙丙" in _members(out)["word/document.xml"]


def test_deep_nesting_keeps_its_text() -> None:
    """Two hundred nested tags render with the text inside, in order."""
    html = "<div>" * 100 + "<b>" * 100 + "深处" + "</b>" * 100 + "</div>" * 100 + "之后"
    document = _members(_render(html))["word/document.xml"]
    assert re.sub(r"<[^>]+>", "", document.split("<w:body>")[1]) == "深处之后"


def test_nesting_the_parser_cannot_read_whole_is_refused() -> None:
    """Deeper than libxml2 reads (256), the text would be cut off: a clear error instead."""
    html = "<div>" * 3000 + "深处" + "</div>" * 3000
    with pytest.raises(docgen.RenderError, match="嵌套超过 256 层"):
        _render(html)

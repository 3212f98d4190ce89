"""Lenient mode for missing names, and missing-field messages that suggest the fix."""

from __future__ import annotations

import pytest

import docgen
from docgen.i18n import set_language
from tests.docx_builder import make_docx, p, paragraph_texts

BODY = (
    p("{% if note %}备注：{{ note }}{% endif %}结束")
    + p("主持：{{ host or '待定' }}")
    + p("记录：{{ recorder }}。")
    + p("{% for x in items %}{{ x }}{% endfor %}空")
)


def test_lenient_render_prints_missing_names_empty() -> None:
    """Per render: missing names are empty and false, as in plain Jinja (docxtpl)."""
    tpl = docgen.Template(make_docx(BODY))
    out = tpl.render({}, lenient=True)
    assert paragraph_texts(out) == ["结束", "主持：待定", "记录：。", "空"]


def test_lenient_template_is_lenient_by_default_and_strict_on_request() -> None:
    """Per template: Template(..., lenient=True); a render may still ask for strict."""
    tpl = docgen.Template(make_docx(BODY), lenient=True)
    assert paragraph_texts(tpl.render({"note": "请假", "items": ["甲"]}))[0] == "备注：请假结束"
    with pytest.raises(docgen.MissingFieldError):
        tpl.render({}, lenient=False)


def test_strict_is_still_the_default() -> None:
    """Without the option a missing name is an error, and a shared compile stays strict."""
    tpl = docgen.Template(make_docx(BODY))
    tpl.render({}, lenient=True)
    with pytest.raises(docgen.MissingFieldError):
        tpl.render({})


@pytest.mark.parametrize("tag", ["{{ ''.__class__ }}", "{% if ''.__class__ %}x{% endif %}"])
def test_lenient_never_hides_a_sandbox_violation(tag: str) -> None:
    """A forbidden attribute is an error in lenient mode too, printed or tested."""
    tpl = docgen.Template(make_docx(p(tag)))
    with pytest.raises(docgen.SandboxError):
        tpl.render({}, lenient=True)


def test_missing_printed_name_suggests_default() -> None:
    """A printed missing name suggests |default('')."""
    set_language("en")
    try:
        with pytest.raises(docgen.MissingFieldError) as info:
            docgen.Template(make_docx(p("记录：{{ recorder }}"))).render({})
    finally:
        set_language(None)
    assert info.value.field_path == "recorder"
    assert "{{ recorder|default('') }}" in str(info.value)


def test_missing_name_in_a_test_suggests_is_defined() -> None:
    """`{% if note %}` and `x or '默认'` suggest `is defined` (Chinese by default)."""
    for body in (p("{% if note %}有{% endif %}"), p("{{ note or '默认' }}")):
        with pytest.raises(docgen.MissingFieldError) as info:
            docgen.Template(make_docx(body)).render({})
        message = str(info.value)
        assert "缺少字段 note" in message
        assert "{% if note is defined %}" in message
        assert "|default('')" not in message

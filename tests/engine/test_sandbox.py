"""Template-injection payloads are stopped by the sandbox and never execute."""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.exceptions import SandboxError
from tests.docx_builder import make_docx, p, table

# A fixed path on purpose: the payloads name it literally, so it cannot come from tmp_path.
CANARY = Path("/tmp/docgen-sandbox-canary")  # noqa: S108

PAYLOADS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__ }}",
    "{{ self.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('touch /tmp/docgen-sandbox-canary').read() }}",
    "{{ lipsum.__globals__['os'].system('touch /tmp/docgen-sandbox-canary') }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ config.__class__.__init__.__globals__['os'] }}",
    "{{ x.__class__.__base__.__subclasses__() }}",
    "{{ x|attr('__class__') }}",
    "{{ namespace.__init__.__globals__.os.system('touch /tmp/docgen-sandbox-canary') }}",
    "{{ ().__class__.__bases__[0].__subclasses__() }}",
    "{{ request.application.__globals__ }}",
    "{{ x.__dict__ }}",
    "{{ x.__getattribute__('__class__') }}",
]

STATEMENTS = [
    "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{{ c }}{% endfor %}",
    "{% set g = lipsum.__globals__ %}{{ g }}",
]


@pytest.mark.parametrize("payload", PAYLOADS + STATEMENTS)
@pytest.mark.parametrize("where", ["paragraph", "cell"])
def test_payload_raises_sandbox_error(payload: str, where: str) -> None:
    """Each classic SSTI payload raises SandboxError, in a paragraph and in a table cell."""
    CANARY.unlink(missing_ok=True)
    body = p(payload) if where == "paragraph" else table([payload])
    template = docgen.Template(make_docx(body))
    with pytest.raises(SandboxError) as caught:
        template.render({"x": "数据", "request": {"application": "x"}})
    assert caught.value.location.part == "word/document.xml"
    assert not CANARY.exists()


def test_sandbox_error_has_exit_code_of_render_errors() -> None:
    """A sandbox violation maps to the render-error exit code (5)."""
    assert SandboxError.exit_code == 5


def test_ordinary_attributes_still_work() -> None:
    """The sandbox leaves normal data access alone: keys, attributes, safe methods."""
    template = docgen.Template(
        make_docx(p("{{ d.name }}-{{ d['k'] }}-{{ xs|join('、') }}-{{ s.upper() }}"))
    )
    out = template.render({"d": {"name": "张三", "k": 1}, "xs": ["甲", "乙"], "s": "ab"})
    assert b"word/document.xml" in out
    from tests.docx_builder import paragraph_texts

    assert paragraph_texts(out) == ["张三-1-甲、乙-AB"]

"""Templates that would exhaust CPU or memory stop with a RenderLimitError naming the tag."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

import docgen
from docgen.engine import limits
from docgen.exceptions import RenderLimitError, SandboxError, TemplateSyntaxError
from tests.docx_builder import make_docx, p, paragraph_texts, table

#: (template text, the tag the error must name)
HOSTILE = [
    ("{{ 'a' * 10**9 }}", "{{ 'a' * 10**9 }}"),
    ("{{ [0] * 10**9 }}", "{{ [0] * 10**9 }}"),
    ("{{ 'a'|center(10**9) }}", "{{ 'a'|center(10**9) }}"),
    ("{{ 'a'.ljust(10**9) }}", "{{ 'a'.ljust(10**9) }}"),
    ("{{ 'a'|indent(10**9) }}", "{{ 'a'|indent(10**9) }}"),
    ("{{ lipsum(10**6) }}", "{{ lipsum(10**6) }}"),
    ("{{ 10**100000 }}", "{{ 10**100000 }}"),
    ("{{ (10**3000) * (10**3000) }}", "{{ (10**3000) * (10**3000) }}"),
    ("{{ ('a'*1000)|replace('a', 'a'*10000) }}", "replace"),
    ("{{ ('ab'*1000).replace('', 'x'*5000) }}", "replace"),
    ("{{ '%*d' % (10**9, 1) }}", "{{ '%*d' % (10**9, 1) }}"),
    ("{{ '{:>1000000000}'.format(1) }}", "format"),
    ("{{ '%1000000000s'|format(1) }}", "format"),
    ("{{ [1]|batch(10**9, 0)|list }}", "batch"),
    ("{{ [1]|slice(10**9)|list }}", "slice"),
    (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "range(100000)",
    ),
    (
        "{% set ns = namespace(s='ab') %}{% for i in range(60) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "ns.s ~ ns.s",
    ),
    ("{% set xs = [1] %}{% for i in range(40) %}{{ xs.extend(xs) }}{% endfor %}", "xs.extend"),
    ("{% set s = 'x' * 4000000 %}{{ [s, s]|join }}", "join"),
]


@pytest.mark.parametrize(("text", "tag"), HOSTILE, ids=[t for t, _ in HOSTILE])
def test_hostile_expression_is_a_render_limit_error(text: str, tag: str) -> None:
    """Each expression is refused with RenderLimitError (exit 5), the message naming its tag."""
    template = docgen.Template(make_docx(p(text)), "攻击.docx")
    with pytest.raises(RenderLimitError) as info:
        template.render({})
    err = info.value
    assert err.exit_code == 5
    assert isinstance(err, SandboxError)
    assert tag in str(err)
    assert err.location.part == "word/document.xml"


def test_limit_in_a_table_cell_names_the_cell() -> None:
    """The place of the limit error is the cell the tag is in."""
    template = docgen.Template(make_docx(table(["甲", "{{ 'a' * 10**9 }}"])))
    with pytest.raises(RenderLimitError) as info:
        template.render({})
    assert info.value.location.table == 1


def test_output_limit_stops_a_loop_of_literal_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A loop that writes only template text is stopped by the output limit."""
    monkeypatch.setattr(limits, "MAX_OUTPUT", 1_000_000)
    template = docgen.Template(
        make_docx(p("{% for i in range(10000) %}" + "字" * 200 + "{% endfor %}"))
    )
    with pytest.raises(RenderLimitError, match="1,000,000"):
        template.render({})


def test_macro_recursing_twice_per_level_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A macro with no output that doubles its calls per level ends on the step budget."""
    monkeypatch.setattr(limits, "MAX_STEPS", 20_000)
    source = (
        "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(60) }}"
    )
    template = docgen.Template(make_docx(p(source)))
    with pytest.raises(RenderLimitError, match="20,000"):
        template.render({})


def test_step_budget_is_per_render(monkeypatch: pytest.MonkeyPatch) -> None:
    """Renders that each stay under the budget never add up to a failure."""
    monkeypatch.setattr(limits, "MAX_STEPS", 500)
    template = docgen.Template(make_docx(p("{% for i in range(300) %}{{ i }}{% endfor %}")))
    for _ in range(5):
        template.render({})


def test_deep_parentheses_are_a_template_problem() -> None:
    """500 nested parentheses in a tag are a clear template problem, not a crash."""
    source = "{{ " + "(" * 500 + "1" + ")" * 500 + " }}"
    template = docgen.Template(make_docx(p(source)))
    assert [e.code for e in template.errors] == ["too_deeply_nested"]
    with pytest.raises(TemplateSyntaxError):
        template.render({})


@pytest.mark.parametrize("depth", [120, 500])
def test_deep_blocks_are_a_template_problem(depth: int) -> None:
    """Blocks nested deeper than Python's parser allows are reported the same way."""
    source = "{% if true %}" * depth + "x" + "{% endif %}" * depth
    template = docgen.Template(make_docx(p(source)))
    assert [e.code for e in template.errors] == ["too_deeply_nested"]


@pytest.mark.parametrize(
    ("text", "data", "expected"),
    [
        ("{{ 'ab' * 3 }}", {}, "ababab"),
        ("{{ 2 ** 10 }}", {}, "1024"),
        ("{{ 'x'|center(5) }}|", {}, "  x  |"),
        ("{{ rows|join('、') }}", {"rows": ["一", "二"]}, "一、二"),
        ("{{ '%05d' % 42 }}", {}, "00042"),
        ("{{ '{:>4}'.format(7) }}", {}, "   7"),
        (
            "{% for r in rows %}{{ loop.index }}{{ r }}"
            "{% if not loop.last %},{% endif %}{% endfor %}",
            {"rows": ["甲", "乙"]},
            "1甲,2乙",
        ),
        ("{{ (rows|length) ~ '项' }}", {"rows": [1, 2, 3]}, "3项"),
    ],
)
def test_ordinary_templates_are_untouched(
    text: str, data: dict[str, object], expected: str
) -> None:
    """The limits leave every everyday operator, filter and loop working as before."""
    assert paragraph_texts(docgen.Template(make_docx(p(text))).render(data)) == [expected]


_CAPPED = textwrap.dedent(
    """
    import json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
    import docgen
    from tests.docx_builder import make_docx, p
    out = []
    for text in json.loads(sys.argv[1]):
        start = time.monotonic()
        try:
            docgen.Template(make_docx(p(text))).render({})
            out.append(["rendered", 0, 0.0])
        except docgen.DocgenError as err:
            out.append([err.code, err.exit_code, time.monotonic() - start])
    print(json.dumps(out))
    """
)


def test_every_hostile_expression_ends_fast_under_a_2_gib_cap() -> None:
    """Under a 2 GiB address-space cap each case ends in a documented error within 20 s."""
    texts = [t for t, _ in HOSTILE]
    done = subprocess.run(
        [sys.executable, "-c", _CAPPED, json.dumps(texts)],
        capture_output=True,
        text=True,
        timeout=20 * len(texts),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    for text, (code, exit_code, seconds) in zip(texts, results, strict=True):
        assert (code, exit_code) == ("render_limit", 5), text
        assert seconds < 20, text

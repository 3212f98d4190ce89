"""``check=True`` on a proven template parses only what the proof does not cover.

Every case renders the same hostile data with ``check=True`` and with ``check="full"`` (which
parses every part, as ``check=True`` did before) and asserts the two outcomes are the same:
the same error, or the same bytes — and that the outcome is the expected one, so the
comparison cannot pass on two equally wrong answers.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup

import docgen
import docgen.engine.verify as verify_module
from docgen.engine.verify import PROOF_SIZE_LIMIT, verify_package
from docgen.exceptions import DocgenError, InvalidCharacterError, PackageCheckError
from tests.docx_builder import make_docx, p, paragraph_texts

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.data import make_context  # noqa: E402

BENCH_TEMPLATE = ROOT / "bench" / "rectification.docx"

# Characters XML 1.0 cannot hold, each alone and inside text; lone surrogates cannot even be
# encoded as UTF-8.
INVALID = [
    "\x00", "前\x01后", "\x08", "\x0b", "\x0e", "\x1f", "\ufffe", "\uffff", "\ud800", "甲\udfff",
    "\x02{ b }\x03",  # the compiler's own tag delimiters
]  # fmt: skip
# Text that looks like markup or breaks: escaped or turned into elements, never markup.
MARKUP_LIKE = [
    "</w:t></w:r></w:p><w:p><w:r><w:t>",
    "<![CDATA[x]]>",
    "&amp; &#0; & &lt",
    "\"'<>",
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]>&e;',
    "\u2028\u2029\x85\x7f\x9f",
    "第一行\n第二行\t制表\x07新段\x0c新页\r\n回车\r末",
    "\U00020000\U0001f600\U0010fffd\U0010ffff",
    "{{ a }}{% if x %}{%p endif %}",
]


def _outcome(render: Any, **options: Any) -> tuple[str, ...] | bytes:
    try:
        return render(deterministic=True, **options)  # type: ignore[no-any-return]
    except DocgenError as err:
        codes = tuple(sorted(pr.code for pr in getattr(err, "problems", []) or []))
        return (type(err).__name__, *codes)


def _both(tpl: docgen.Template, ctx: dict[str, Any], **options: Any) -> Any:
    cheap = _outcome(lambda **o: tpl.render(ctx, **o), check=True, **options)
    full = _outcome(lambda **o: tpl.render(ctx, **o), check="full", **options)
    assert cheap == full
    return cheap


@pytest.fixture(scope="module")
def bench_tpl() -> docgen.Template:
    tpl = docgen.load(str(BENCH_TEMPLATE))
    assert all(part.proven for part in tpl.parts.values())
    return tpl


def _hostile(value: str) -> dict[str, Any]:
    """The benchmark's 30-row context with ``value`` in a paragraph, a table cell and a
    section body (each a different kind of site)."""
    ctx = make_context(30, seed=1)
    ctx["branch"] = value
    ctx["problems"][0]["problem"] = value
    ctx["sections"][0]["body"] = "正文" + value
    return ctx


@pytest.mark.parametrize("value", INVALID, ids=repr)
def test_invalid_characters_refused_or_stripped_as_before(
    bench_tpl: docgen.Template, value: str
) -> None:
    ctx = _hostile(value)
    assert _both(bench_tpl, ctx) == ("InvalidCharacterError",)
    stripped = _both(bench_tpl, ctx, strip_invalid=True)
    assert isinstance(stripped, bytes)
    assert verify_package(stripped) == []
    text = "".join(paragraph_texts(stripped))
    assert not any(ch in text for ch in value if _invalid(ch))


def _invalid(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 and ch not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code >= 0xFFFE


@pytest.mark.parametrize("value", MARKUP_LIKE, ids=repr)
def test_markup_like_text_stays_text(bench_tpl: docgen.Template, value: str) -> None:
    out = _both(bench_tpl, _hostile(value))
    assert isinstance(out, bytes)
    assert verify_package(out) == []
    text = "".join(paragraph_texts(out))
    # What stays text stays itself (breaks become elements, so compare a piece without them).
    assert value.split("\n")[0].split("\x07")[0] in text


def test_a_text_node_too_long_for_the_parser_is_still_refused(bench_tpl: docgen.Template) -> None:
    """The proof bounds structure, not size: a part big enough to hold a text node the
    hardened parser refuses (over 10,000,000 bytes) is parsed whatever the proof."""
    ctx = make_context(30, seed=1)
    ctx["branch"] = "长" * 3_400_000  # 10.2 MB of UTF-8 in one text node
    assert len(ctx["branch"].encode()) > 10_000_000 > PROOF_SIZE_LIMIT
    assert _both(bench_tpl, ctx) == ("PackageCheckError", "part_not_well_formed")
    ctx["branch"] = "长" * 2_000_000  # large, but within the parser's limit: rendered
    assert isinstance(_both(bench_tpl, ctx), bytes)


class _Foreign:
    """An object of someone else's library that prints itself as XML (docxtpl-style)."""

    def __init__(self, xml: str) -> None:
        self.xml = xml

    def __html__(self) -> str:
        return self.xml


@pytest.mark.parametrize(
    "value",
    [Markup("<w:r><w:t>断开</w:r>"), _Foreign("<w:p><w:r><w:t>x</w:t></w:p>"), Markup("<w:t>")],
    ids=["markup", "foreign-object", "open-tag"],
)
def test_foreign_xml_that_does_not_parse_is_refused(bench_tpl: docgen.Template, value: Any) -> None:
    ctx = make_context(30, seed=1)
    ctx["branch"] = value
    assert _both(bench_tpl, ctx) == ("PackageCheckError", "part_not_well_formed")
    # Foreign XML is verified even without check, as before.
    with pytest.raises(PackageCheckError):
        bench_tpl.render(ctx, check=False)


def test_raw_xml_that_does_not_parse_is_refused(bench_tpl: docgen.Template) -> None:
    ctx = make_context(30, seed=1)
    ctx["branch"] = "<w:r><w:t>开</w:t></w:r><w:r><w:t>断"
    out = _both(bench_tpl, ctx)
    assert isinstance(out, bytes)  # not WordprocessingML on its own: escaped text
    opts = {"raw_xml": True}
    assert _outcome(lambda **o: bench_tpl.render(ctx, **o), check=True, **opts) == _outcome(
        lambda **o: bench_tpl.render(ctx, **o), check="full", **opts
    )


# -- what is parsed -------------------------------------------------------------------------


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The XML parts each check parses, in order."""
    seen: list[str] = []
    real = verify_module.check_parts

    def spy(parts: dict[str, bytes]) -> list[Any]:
        seen.extend(n for n in sorted(parts) if n.endswith((".xml", ".rels")))
        return real(parts)

    monkeypatch.setattr(verify_module, "check_parts", spy)
    return seen


def test_a_plain_render_parses_only_what_it_rewrote(
    bench_tpl: docgen.Template, parsed: list[str]
) -> None:
    bench_tpl.render(make_context(30, seed=1), check=True)
    assert "word/document.xml" not in parsed
    assert parsed == ["docProps/core.xml"]  # stamped with the render time after the render


def test_full_parses_every_part(parsed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.engine.template as template_module

    monkeypatch.setattr(template_module, "check_parts", verify_module.check_parts)
    tpl = docgen.load(str(BENCH_TEMPLATE))
    tpl.render(make_context(30, seed=1), check="full")
    # Every part the render wrote, proven or not (members copied as they are were parsed
    # when the template was compiled).
    assert parsed == ["docProps/core.xml", "word/document.xml"]


def test_a_rich_value_is_checked_on_its_own(parsed: list[str]) -> None:
    """RichText places a fragment: the fragment is parsed on its own, not its whole part."""
    tpl = docgen.Template(make_docx(p("{{ a }}") + p("{{r b }}"), header=p("{{ a }}")))
    assert all(part.proven for part in tpl.parts.values())
    rich = docgen.RichText("加粗<&>\a第二段", bold=True)
    out = tpl.render({"a": "甲", "b": rich}, check=True)
    assert parsed == []
    assert verify_package(out) == []
    assert paragraph_texts(out) == ["甲", "加粗<&>", "第二段"]


class _Run:
    """A value that says it is docgen's own run XML (so it is not verified as foreign)."""

    docgen_kind = "run"
    url_ids = ()

    def __init__(self, xml: str) -> None:
        self.xml = xml

    def __html__(self) -> str:
        return self.xml


class _Para(_Run):
    docgen_kind = "para"


BROKEN_FRAGMENTS = [
    _Run("<w:r><w:t>x</w:r>"),  # does not parse
    _Run('<w:r><w:t xml:space="preserve">前\x07后</w:t></w:r>'),  # a break inside a text
    _Run("<w:hyperlink><w:r><w:t>a</w:t></w:r>\x07<w:r><w:t>b</w:t></w:r></w:hyperlink>"),
    _Para("<w:p><w:r><w:t>a</w:t></w:r></w:p>\x07"),  # a paragraph value keeps \x07 as it is
    _Run("<undeclared:r/>"),  # a prefix the part does not declare
    _Run("</w:t></w:r><w:r><w:t>"),  # closes what it did not open
    _Para("<w:p/><!DOCTYPE x>"),
]


@pytest.mark.parametrize("value", BROKEN_FRAGMENTS, ids=lambda v: repr(v.xml))
def test_a_rich_fragment_that_breaks_its_part_is_refused(
    bench_tpl: docgen.Template, value: _Run, parsed: list[str]
) -> None:
    tpl = docgen.Template(make_docx(p("前 {{r b }} 后") + p("{{p c }}") + p("{{ a }}")))
    for ctx in ({"a": "甲", "b": value, "c": ""}, {"a": "甲", "b": "", "c": value}):
        if isinstance(value, _Para) and ctx["b"] is value:
            continue
        assert _both(tpl, ctx) == ("PackageCheckError", "part_not_well_formed")
        assert "word/document.xml" in parsed  # the fragment failed: its part parsed whole


SOUND_FRAGMENTS = [
    _Run("<w:r><w:t>a</w:t></w:r>\x07<w:r><w:t>b</w:t></w:r>"),
    _Run('<v:r xmlns:v="urn:example:own"/>'),  # declares its own prefix
    _Para("<w:p><w:r><w:t>段</w:t></w:r></w:p><w:p/>"),
]


@pytest.mark.parametrize("value", SOUND_FRAGMENTS, ids=lambda v: repr(v.xml))
def test_a_sound_fragment_leaves_its_part_unparsed(value: _Run, parsed: list[str]) -> None:
    tpl = docgen.Template(make_docx(p("前 {{r b }} 后") + p("{{p c }}")))
    ctx = {"b": value if not isinstance(value, _Para) else "", "c": value}
    out = _both(tpl, ctx)
    assert isinstance(out, bytes)
    assert verify_package(out) == []
    # check=True parsed only the fragment; check="full" parsed the part.
    parsed.clear()
    tpl.render(ctx, check=True)
    assert parsed == []


class _Custom:
    """A rich value of docgen's kind that places itself (as docgen.engine.rich values do)."""

    docgen_kind = "custom"

    def __init__(self, own: str | None) -> None:
        self.own = own

    def docgen_render(self, state: Any, index: int) -> Any:
        if self.own is not None:
            return Markup(self.own)  # noqa: S704 -- its own markup: nothing vouches for it
        return state.fragment(index, "<w:r><w:t>自</w:t></w:r>", "run")


def test_a_rich_value_with_markup_of_its_own_has_its_part_parsed(parsed: list[str]) -> None:
    tpl = docgen.Template(make_docx(p("前{{ b }}后")))
    tpl.render({"b": _Custom(None)}, check=True)
    assert parsed == []  # placed through state.fragment: the fragment was checked
    tpl.render({"b": _Custom("</w:t><w:t>")}, check=True)
    assert parsed == ["word/document.xml"]
    with pytest.raises(PackageCheckError):
        tpl.render({"b": _Custom("</w:t>")}, check=True)


def test_a_watermark_rewrite_is_parsed(parsed: list[str]) -> None:
    tpl = docgen.Template(make_docx(p("{{ a }}")))
    out = tpl.render({"a": "甲"}, check=True, watermark="草稿<&>")
    assert any(name.startswith("word/header") for name in parsed)
    assert verify_package(out) == []


def test_check_takes_only_false_true_or_full() -> None:
    tpl = docgen.Template(make_docx(p("{{ a }}")))
    with pytest.raises(ValueError, match="full"):
        tpl.render({"a": "甲"}, check="yes")  # type: ignore[arg-type]


def test_invalid_character_error_names_the_field(bench_tpl: docgen.Template) -> None:
    with pytest.raises(InvalidCharacterError) as info:
        bench_tpl.render(_hostile("坏\x01"), check=True)
    assert "U+0001" in str(info.value)


def _merge_table() -> bytes:
    from tests.engine.rich.test_merge import _table

    return make_docx(_table(["类别", "问题"], ["{{ row.cat|vmerge }}", "{{ row.title }}"]))


@pytest.mark.parametrize("cat", ["甲", "甲\x01", "</w:tc>&<"], ids=repr)
def test_merged_cells_keep_the_proof_and_hostile_text_fails_alike(
    cat: str, parsed: list[str]
) -> None:
    """Merging cells by value parses the part and writes it back with lxml: that part needs no
    second parse; hostile text in the merged column ends as with the full check."""
    tpl = docgen.Template(_merge_table())
    assert all(part.proven for part in tpl.parts.values())
    ctx = {"rows": [{"cat": cat, "title": "一"}, {"cat": cat, "title": "二"}]}
    out = _both(tpl, ctx)
    if "\x01" in cat:
        assert out == ("InvalidCharacterError",)
        return
    assert isinstance(out, bytes)
    assert verify_package(out) == []
    parsed.clear()
    tpl.render(ctx, check=True)
    assert parsed == []

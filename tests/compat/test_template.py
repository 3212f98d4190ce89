"""DocxTemplate's own behaviour: replacements, escaping modes, the user's environment."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docxtpl
import jinja2
import pytest

import docgen
from docgen import stamp
from docgen.compat.docxtpl import DocxTemplate, R, RichText
from docgen.compat.docxtpl.errors import DocxtplTemplateError
from docgen.exceptions import ReplacementError
from tests.compat import corpus
from tests.compat.visible import visible
from tests.core_dates import dates, title
from tests.docx_builder import make_docx, p


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return corpus.build(tmp_path_factory.mktemp("compat-units"))


def _save(tpl: DocxTemplate | docxtpl.DocxTemplate) -> bytes:
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def _media(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.startswith("word/media/")}


def test_replace_pic_puts_the_new_bytes(templates: dict[str, Path]) -> None:
    """The picture named dummy.png now holds red.png's bytes; the header keeps its own."""
    folder = templates["replace_pic"].parent
    tpl = DocxTemplate(templates["replace_pic"])
    tpl.replace_pic("dummy.png", folder / "red.png")
    tpl.render({"date": "今天"})
    media = _media(_save(tpl))
    red = (folder / "red.png").read_bytes()
    assert sum(blob == red for blob in media.values()) == 1
    assert (folder / "header_dummy.png").read_bytes() in media.values()


def test_replace_pic_of_a_missing_picture_is_a_value_error(templates: dict[str, Path]) -> None:
    """As docxtpl: ValueError (here a ReplacementError) unless allow_missing_pics is set."""
    folder = templates["replace_pic"].parent
    tpl = DocxTemplate(templates["replace_pic"])
    tpl.replace_pic("nope.png", folder / "red.png")
    tpl.render({"date": "今天"})
    with pytest.raises(ValueError, match=r"nope\.png") as info:
        _save(tpl)
    assert isinstance(info.value, ReplacementError)
    tpl.allow_missing_pics = True
    assert visible(_save(tpl)).pictures == 2


def test_replace_zipname_and_reset(templates: dict[str, Path]) -> None:
    """replace_zipname swaps a member by name; reset_replacements forgets it."""
    folder = templates["replace_pic"].parent
    tpl = DocxTemplate(templates["replace_pic"])
    name = next(iter(_media(templates["replace_pic"].read_bytes())))
    tpl.replace_zipname(name, folder / "green.png")
    tpl.render({"date": "今天"})
    assert _media(_save(tpl))[name] == (folder / "green.png").read_bytes()
    tpl.reset_replacements()
    assert _media(_save(tpl))[name] != (folder / "green.png").read_bytes()


def test_autoescape_false_places_wordml_and_keeps_ampersands() -> None:
    """docxtpl's autoescape=False: WordprocessingML strings are XML; other text is kept.

    docxtpl itself loses the "A&B" paragraph's text here (its XML recovery drops it);
    docgen shows it as typed.
    """
    blob = make_docx(p("{{ xml }}") + p("公司：{{ name }}"))
    xml = '<w:r><w:t xml:space="preserve">加</w:t></w:r><w:r><w:br/></w:r>'
    context = {"xml": xml, "name": "A&B"}
    ours = DocxTemplate(io.BytesIO(blob))
    ours.render(context)
    texts = visible(_save(ours)).texts["document1"]
    assert texts == ["加\n", "公司：A&B"]
    theirs = docxtpl.DocxTemplate(io.BytesIO(blob))
    theirs.render(context)
    assert "公司：A&B" not in visible(_save(theirs)).texts["document1"]


def test_autoescape_true_shows_markup_as_text() -> None:
    """autoescape=True (docgen's own default): every string is text, markup included."""
    blob = make_docx(p("{{ xml }}"))
    tpl = DocxTemplate(io.BytesIO(blob))
    tpl.render({"xml": "<w:br/>"}, autoescape=True)
    assert visible(_save(tpl)).texts["document1"] == ["<w:br/>"]


def test_strict_undefined_env_is_honoured() -> None:
    """A jinja_env with StrictUndefined makes a missing name an error (with the fix)."""
    tpl = DocxTemplate(io.BytesIO(make_docx(p("{{ who }}"))))
    with pytest.raises(docgen.MissingFieldError, match="default"):
        tpl.render({}, jinja2.Environment(undefined=jinja2.StrictUndefined))  # noqa: S701


def test_user_environment_stays_in_the_sandbox() -> None:
    """The user's filters run; template code still cannot reach Python internals."""
    env = jinja2.Environment()  # noqa: S701 -- what docxtpl users pass
    env.filters["shout"] = lambda s: s + "！"
    tpl = DocxTemplate(io.BytesIO(make_docx(p("{{ word|shout }}"))))
    tpl.render({"word": "好"}, env)
    assert visible(_save(tpl)).texts["document1"] == ["好！"]
    evil = DocxTemplate(io.BytesIO(make_docx(p("{{ word.__class__.__mro__ }}"))))
    with pytest.raises(docgen.SandboxError):
        evil.render({"word": "好"}, env)


def test_template_errors_are_jinja_template_errors() -> None:
    """docxtpl code catches jinja2.TemplateError; docgen's error lists every problem."""
    tpl = DocxTemplate(io.BytesIO(make_docx(p("{% if a %}") + p("{% endfor %}"))))
    with pytest.raises(jinja2.TemplateError) as info:
        tpl.render({})
    assert isinstance(info.value, DocxtplTemplateError)
    assert isinstance(info.value, docgen.TemplateSyntaxError)
    assert info.value.docx_context


def test_build_url_id_reuses_one_relationship_per_url() -> None:
    """The same URL twice gives one id; the rendered link passes the package checks."""
    tpl = DocxTemplate(io.BytesIO(make_docx(p("{{r link }}"))))
    first = tpl.build_url_id("https://example.org/")
    assert tpl.build_url_id("https://example.org/") == first
    assert tpl.build_url_id("https://example.org/b") != first
    tpl.render({"link": RichText("例", url_id=first)})
    assert docgen.verify_package(_save(tpl)) == []


def _filters_env() -> jinja2.Environment:
    env = jinja2.Environment()  # noqa: S701 -- what docxtpl users pass
    env.filters.update(with_suffix=lambda v, s: v + s, plus=lambda v, n: v + n)
    env.tests["even_number"] = lambda n: n % 2 == 0
    env.globals["unit_name"] = lambda: "机关党委"
    return env


def test_get_undeclared_matches_docxtpl_on_the_corpus(templates: dict[str, Path]) -> None:
    """Same set as docxtpl on every corpus template (at least ten), with and without context."""
    compared = 0
    for name, path in templates.items():
        env = _filters_env() if name == "custom_filters" else None
        theirs = docxtpl.DocxTemplate(path).get_undeclared_template_variables(env)
        assert DocxTemplate(path).get_undeclared_template_variables(env) == theirs, name
        if theirs:
            partial = {sorted(theirs)[0]: 1}
            mine = DocxTemplate(path).get_undeclared_template_variables(env, partial)
            assert mine == docxtpl.DocxTemplate(path).get_undeclared_template_variables(
                env, partial
            )
            assert mine == theirs - set(partial)
            compared += 1
    assert compared >= 10


def test_get_undeclared_fails_like_docxtpl_on_unknown_filters(templates: dict[str, Path]) -> None:
    """Without the filters' environment both raise Jinja's assertion error."""
    path = templates["custom_filters"]
    with pytest.raises(jinja2.TemplateAssertionError):
        docxtpl.DocxTemplate(path).get_undeclared_template_variables()
    with pytest.raises(jinja2.TemplateAssertionError):
        DocxTemplate(path).get_undeclared_template_variables()


def test_saving_without_render_writes_the_template(templates: dict[str, Path]) -> None:
    """docxtpl saves the template itself (with replacements) when nothing was rendered."""
    tpl = DocxTemplate(templates["header_footer"])
    out = _save(tpl)
    assert visible(out).texts == visible(templates["header_footer"].read_bytes()).texts


def test_r_is_richtext() -> None:
    """R is RichText, as in docxtpl."""
    assert R is RichText


def test_edits_through_tpl_docx_are_rendered() -> None:
    """As in docxtpl, code may add to ``tpl.docx`` (python-docx) before rendering."""
    tpl = DocxTemplate(io.BytesIO(make_docx(p("{{ a }}"))))
    tpl.docx.add_paragraph("追加：{{ b }}")
    assert len(tpl.paragraphs) == 2  # unknown attributes are the python-docx document's
    tpl.render({"a": "甲", "b": "乙"})
    assert visible(_save(tpl)).texts["document1"] == ["甲", "追加：乙"]


def test_a_code_built_subdoc_follows_changes_between_renders() -> None:
    """Each render places the sub-document as the code has built it so far."""
    tpl = DocxTemplate(io.BytesIO(make_docx(p("{{p sd }}"))))
    sd = tpl.new_subdoc()
    sd.add_paragraph("第一段")
    tpl.render({"sd": sd})
    assert visible(_save(tpl)).texts["document1"] == ["第一段"]
    sd.add_paragraph("第二段")
    tpl.render({"sd": sd})
    assert visible(_save(tpl)).texts["document1"] == ["第一段", "第二段"]


def test_core_property_dates_stay_the_templates_like_docxtpl(
    templates: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """docxtpl leaves the template's created/modified alone; the compat layer does too, even
    where docgen's own render would stamp the render time (issue 9 §6)."""
    monkeypatch.delenv(stamp.ENV, raising=False)
    path = templates["doc_properties"]
    context = {"title": "标题", "branch": "第一党支部", "author": "王芳", "version": "2"}
    ours = DocxTemplate(str(path))
    ours.render(context)
    theirs = docxtpl.DocxTemplate(str(path))
    theirs.render(context)
    template_dates = dates(path.read_bytes())
    assert dates(_save(ours)) == dates(_save(theirs)) == template_dates
    assert title(_save(ours)) == "标题"
    # docgen's own render of the same template stamps it (the contrast the test relies on).
    assert dates(docgen.Template(path.read_bytes()).render(context)) != template_dates

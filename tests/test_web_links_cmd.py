"""Web hyperlinks through every door: API, ``docgen render``, recipes, ``docgen bundle``/``batch``.

By default each output keeps the link's text and loses the link; ``--keep-web-links``,
``keep_web_links=True`` or a recipe's ``keep_web_links: true`` keeps it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from docgen.cli import main
from docgen.engine.external import find_references
from docgen.engine.package import Package
from tests.batching.conftest import RECIPE, write_roster
from tests.docx_builder import p, paragraph_texts
from tests.hostile_docx import hyperlink, with_references

URL = "https://example.org/news"


def web_links(blob: bytes) -> list[str]:
    """The web addresses a .docx links to."""
    return [r.target for r in find_references(Package("out.docx", blob)) if r.web_link]


@pytest.fixture
def linking(tmp_path: Path) -> Path:
    """``tiny.docx`` of the batch recipe, with a web link after its fields."""
    body = p("{{ name }}") + p("编号 {{ code }}") + hyperlink("rIdW", "支部网站")
    path = tmp_path / "tiny.docx"
    path.write_bytes(with_references(body, ("rIdW", "hyperlink", URL)))
    return path


def _invoke(*args: str | Path) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_api_render_takes_links_out_unless_kept(linking: Path) -> None:
    data = {"name": "甲", "code": "01"}
    plain = docgen.render(linking, data, kind="plain")
    kept = docgen.render(linking, data, kind="plain", keep_web_links=True)
    assert web_links(plain) == []
    assert "支部网站" in paragraph_texts(plain)
    assert web_links(kept) == [URL]


def test_render_command(linking: Path, tmp_path: Path) -> None:
    data = tmp_path / "d.yaml"
    data.write_text("name: 甲\ncode: '01'\n", encoding="utf-8")
    _invoke("render", linking, data, "-o", tmp_path / "plain.docx")
    _invoke("render", linking, data, "-o", tmp_path / "kept.docx", "--keep-web-links")
    assert web_links((tmp_path / "plain.docx").read_bytes()) == []
    assert web_links((tmp_path / "kept.docx").read_bytes()) == [URL]
    assert "--keep-web-links" in _invoke("render", "--help")


def test_recipe_key_and_bundle_command(linking: Path, tmp_path: Path) -> None:
    """The recipe may keep links for all its documents; so may ``--keep-web-links``."""
    card = "name: 卡片\nvars: {name: {default: 甲}, code: {default: '01'}}\n"
    card += "steps: [{id: card, template: tiny.docx, output: card}]\n"
    plain = tmp_path / "plain.yaml"
    plain.write_text(card, encoding="utf-8")
    keeping = tmp_path / "keeping.yaml"
    keeping.write_text(card + "keep_web_links: true\n", encoding="utf-8")
    built = {
        "default": docgen.Bundle.load(plain).build(tmp_path / "a"),
        "recipe": docgen.Bundle.load(keeping).build(tmp_path / "b"),
        "option": docgen.Bundle.load(plain).build(tmp_path / "c", keep_web_links=True),
    }
    found = {k: web_links(r.outputs[0].path.read_bytes()) for k, r in built.items()}
    assert found == {"default": [], "recipe": [URL], "option": [URL]}
    _invoke("bundle", plain, "-o", tmp_path / "d", "--keep-web-links")
    assert web_links((tmp_path / "d" / "card.docx").read_bytes()) == [URL]


def test_batch_command(linking: Path, tmp_path: Path) -> None:
    """A rerun with --keep-web-links is not "up to date": the option changes the bytes."""
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(RECIPE, encoding="utf-8")
    roster = write_roster(tmp_path / "名单.xlsx", 2)
    out = tmp_path / "out"
    _invoke("batch", recipe, "--roster", roster, "-o", out, "--quiet")
    assert web_links((out / "0000-党员0.docx").read_bytes()) == []
    _invoke("batch", recipe, "--roster", roster, "-o", out, "--quiet", "--keep-web-links")
    assert web_links((out / "0000-党员0.docx").read_bytes()) == [URL]
    assert web_links((out / "0001-党员1.docx").read_bytes()) == [URL]

"""HTML and Markdown through pandoc keep all text, the heading levels, lists, tables, the title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.convert import ToolNotFound, to_html, to_markdown
from docgen.convert.pandoc import to_text
from tests.convert.chinese_docs import HEADINGS, LIST_ITEMS, TITLE, all_texts, house_document
from tests.docx_builder import p
from tests.hostile_docx import (
    GOOD,
    MB,
    field,
    hyperlink,
    lying_member,
    with_entries,
    with_references,
)

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The house sample converted to HTML and Markdown once."""
    folder = tmp_path_factory.mktemp("pandoc")
    source = house_document(folder / "意见.docx")
    html = to_html([source], folder / "out").raise_for_failures()
    markdown = to_markdown([source], folder / "out").raise_for_failures()
    return {
        "html": html.outputs[0].path.read_text(encoding="utf-8"),
        "md": markdown.outputs[0].path.read_text(encoding="utf-8"),
    }


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_every_text_survives(outputs: dict[str, str], fmt: str) -> None:
    """Title, headings, body, list items and table cells are all in the output."""
    missing = [text for text in all_texts() if text not in outputs[fmt]]
    assert missing == []


def test_markdown_heading_levels(outputs: dict[str, str]) -> None:
    """标题 1 and the outline-level house style become # and ##, in order; the title is not one."""
    found = [
        (len(m.group(1)), m.group(2))
        for m in re.finditer(r"^(#+) (.+)$", outputs["md"], re.MULTILINE)
    ]
    assert found == HEADINGS


def test_html_heading_levels(outputs: dict[str, str]) -> None:
    """The same levels as <h1>/<h2>; the title sits in a div of class title and in <title>."""
    found = [
        (int(m.group(1)), m.group(2))
        for m in re.finditer(r"<h([1-6])[^>]*>(.*?)</h\1>", outputs["html"])
    ]
    assert found == HEADINGS
    assert f"<title>{TITLE}</title>" in outputs["html"]
    assert re.search(r'<div class="title">\s*<p>' + TITLE, outputs["html"])
    assert 'lang="zh-CN"' in outputs["html"]


def test_lists_and_tables_are_kept(outputs: dict[str, str]) -> None:
    """List items stay list items; the table stays a table."""
    for item in LIST_ITEMS:
        assert f"-   {item}" in outputs["md"]
        assert f"<li>{item}</li>" in outputs["html"] or f"<li><p>{item}</p></li>" in outputs["html"]
    assert "<table>" in outputs["html"]
    assert "<th>责任人</th>" in outputs["html"]


def test_missing_pandoc_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no pandoc on PATH the error names the package to install."""
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolNotFound, match="apt-get install pandoc"):
        to_markdown([tmp_path / "a.docx"], tmp_path)


def test_broken_file_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    """A file that is not a .docx is listed as failed with the reason."""
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    result = to_html([bad], tmp_path)
    assert not result.ok
    assert "不是有效的 .docx" in result.failures[0].message_zh


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_references_outside_are_removed_before_pandoc(tmp_path: Path, fmt: str) -> None:
    """A file: link and an INCLUDETEXT are gone from the page, each with a warning; the web
    link and the text stay."""
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    body = (
        p("外链正文")
        + hyperlink("rIdL", "本机文件")
        + hyperlink("rIdW", "网页")
        + field(f'INCLUDETEXT "{secret}"')
    )
    source = tmp_path / "外链.docx"
    source.write_bytes(
        with_references(
            body,
            ("rIdL", "hyperlink", secret.as_uri()),
            ("rIdW", "hyperlink", "https://example.org/"),
        )
    )
    result = to_text([source], fmt, tmp_path / "out")  # type: ignore[arg-type]
    assert result.ok, [f.message for f in result.failures]
    page = result.outputs[0].path.read_text(encoding="utf-8")
    assert "file:" not in page
    assert str(secret) not in page
    assert "https://example.org/" in page
    for text in ("外链正文", "本机文件", "网页"):
        assert text in page
    removed = [w for w in result.warnings if w.code == "external_reference_removed"]
    assert sorted(w.message_en.split("(")[1].split(":")[0] for w in removed) == [
        "INCLUDETEXT 域",
        "hyperlink",
    ]
    assert {w.location.file for w in removed} == {str(source)}


def test_lying_package_is_refused_before_pandoc(tmp_path: Path) -> None:
    """A member that inflates past its declared size: refused, the member named, bounded."""
    source = tmp_path / "撒谎.docx"
    source.write_bytes(with_entries(GOOD, lying_member("word/media/big.bin", MB, 1024 * MB)))
    result = to_markdown([source], tmp_path / "out")
    (failure,) = result.failures
    assert failure.source == source
    assert "word/media/big.bin" in failure.message_zh
    assert not (tmp_path / "out" / "撒谎.md").exists()

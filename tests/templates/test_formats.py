"""HTML and Markdown of every shipped template keep all of its text and its heading levels."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from docgen.convert import to_html, to_markdown
from docgen.convert.headings import heading_levels
from tests.templates.conftest import case_id
from tests.templates.reading import Docx

_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub("", html.unescape(text))


@pytest.fixture(scope="module")
def converted(
    rendered: dict[tuple[str, str], Docx], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, Path, Path]]:
    """Every full render as .docx, .html and .md (one pandoc run per file and format)."""
    folder = tmp_path_factory.mktemp("formats")
    out = {}
    for (name, variant), doc in rendered.items():
        if variant != "full":
            continue
        docx = folder / f"{case_id((name, variant)).replace('/', '__')}.docx"
        docx.write_bytes(doc.blob)
        html_file = to_html([docx], folder).outputs[0].path
        md_file = to_markdown([docx], folder).outputs[0].path
        out[name] = (docx, Path(html_file), Path(md_file))
    return out


def _paragraph_texts(docx: Path) -> list[str]:
    from docx import Document

    document = Document(str(docx))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return [t for t in (_squash(t) for t in texts) if t]


@pytest.mark.real
def test_every_template_converts(converted: dict[str, tuple[Path, Path, Path]]) -> None:
    """The fixture set covers the shipped templates (none silently left out)."""
    assert len(converted) >= 3


@pytest.mark.real
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_formats_keep_all_text(converted: dict[str, tuple[Path, Path, Path]], fmt: str) -> None:
    """Every paragraph and cell of each rendered template appears in its HTML and Markdown."""
    for name, (docx, html_file, md_file) in converted.items():
        if fmt == "html":
            text = lxml_html.fromstring(html_file.read_text("utf-8")).text_content()
        else:
            # Read the Markdown back with pandoc: its tables are grids whose columns a plain
            # text dump would interleave, so compare what a Markdown reader sees.
            text = lxml_html.fromstring(subprocess.run(
                ["pandoc", "-f", "markdown", "-t", "html", str(md_file)],
                capture_output=True, text=True, check=True,
            ).stdout).text_content()  # fmt: skip
        flat = _squash(text)
        missing = [t for t in _paragraph_texts(docx) if t not in flat]
        assert missing == [], f"{name}: {missing[:3]}"


@pytest.mark.real
def test_formats_keep_heading_levels(converted: dict[str, tuple[Path, Path, Path]]) -> None:
    """Each heading of the document is a heading of the same level in HTML and Markdown."""
    for name, (docx, html_file, md_file) in converted.items():
        expected = [(level, _squash(text)) for level, text in heading_levels(docx.read_bytes())]
        tree = lxml_html.fromstring(html_file.read_text("utf-8"))
        found = [
            (int(el.tag[1]), _squash(el.text_content()))
            for el in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")
        ]
        assert found == expected, name
        md_levels = [
            (len(m.group(1)), _squash(m.group(2)))
            for m in re.finditer(r"^(#{1,6}) (.+?)(?: \{.*\})?$", md_file.read_text("utf-8"), re.M)
        ]
        assert [(lvl, t.replace("\\", "")) for lvl, t in md_levels] == expected, name

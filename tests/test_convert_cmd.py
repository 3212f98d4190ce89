"""``docgen convert`` and ``docgen preview`` on the command line: outputs, warnings, exit codes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from docgen.cli import main
from docgen.i18n import set_language
from tests.convert.chinese_docs import house_document, pages_document

pytestmark = pytest.mark.real


@pytest.fixture(autouse=True)
def chinese(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Chinese messages, whatever the environment says."""
    monkeypatch.delenv("DOCGEN_LANG", raising=False)
    set_language(None)
    yield
    set_language(None)


def invoke(*args: str | Path) -> Result:
    """Run the CLI in-process."""
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def pdf_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """One PDF conversion of two files, one with a character no mapped font has."""
    folder = tmp_path_factory.mktemp("cli")
    house_document(folder / "普通.docx")
    house_document(folder / "生僻.docx", extra_body="𠀀")
    result = invoke(
        "convert", "--to", "pdf", folder / "普通.docx", folder / "生僻.docx", "-o", folder / "pdf"
    )
    return folder, result


def test_pdf_outputs_are_printed(pdf_run: tuple[Path, Result]) -> None:
    """Exit 0, one line per written PDF on stdout."""
    folder, result = pdf_run
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [
        str(folder / "pdf" / "普通.pdf"),
        str(folder / "pdf" / "生僻.pdf"),
    ]


def test_fallback_characters_are_warned_on_stderr(pdf_run: tuple[Path, Result]) -> None:
    """The warning names the file and the character; the clean file has none."""
    _, result = pdf_run
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("- 警告 ")
    assert "生僻.docx" in lines[0]
    assert "𠀀" in lines[0]


def test_markdown_and_a_missing_file(tmp_path: Path) -> None:
    """--to md converts what it can and exits 7 naming the missing file."""
    source = house_document(tmp_path / "意见.docx")
    result = invoke("convert", "--to", "md", source, tmp_path / "没有.docx")
    assert result.exit_code == 7
    assert (tmp_path / "意见.md").is_file()
    assert "没有.docx" in result.stderr
    assert "1 个文件转换失败" in result.stderr


def test_missing_libreoffice_exit_code_and_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No soffice on PATH: exit 7 and the apt-get line, no traceback."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("DOCGEN_SOFFICE", raising=False)
    result = invoke("--lang", "en", "convert", "--to", "pdf", tmp_path / "a.docx")
    assert result.exit_code == 7
    assert "apt-get install libreoffice-writer-nogui" in result.stderr
    assert "Traceback" not in result.output


def test_preview_one_page_of_a_pdf(pdf_run: tuple[Path, Result], tmp_path: Path) -> None:
    """preview --page 1 of a PDF writes NAME-1.png and prints it; page 9 is exit 7."""
    folder, _ = pdf_run
    pdf = folder / "pdf" / "普通.pdf"
    result = invoke("preview", pdf, "--page", "1", "--dpi", "30", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [str(tmp_path / "普通-1.png")]
    bad = invoke("preview", pdf, "--page", "9", "-o", tmp_path)
    assert bad.exit_code == 7
    assert "没有第 9 页" in bad.stderr


def test_usage_errors(tmp_path: Path) -> None:
    """A missing --to or an unknown format is a usage error (2)."""
    source = pages_document(tmp_path / "a.docx", 1)
    assert invoke("convert", source).exit_code == 2
    assert invoke("convert", "--to", "odt", source).exit_code == 2

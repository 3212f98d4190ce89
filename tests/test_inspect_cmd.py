"""``docgen inspect``: the report, JSON, languages and exit codes, on PDFs LibreOffice rendered."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import inspect_cmd, main
from docgen.i18n import set_language
from docgen.inspect import FontRoles, LayoutSpec, inspect_pdf
from tests.inspect.house_docx import shared_pdfs

# Until the lead lists the module in _COMMAND_MODULES; adding the same command again is harmless.
main.add_command(inspect_cmd.inspect)


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    """Messages in Chinese (the default) whatever DOCGEN_LANG says."""
    set_language("zh")
    yield
    set_language(None)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shared house-style PDFs (converted once per session)."""
    return shared_pdfs(tmp_path_factory)


def run(*args: str) -> tuple[int, str, str]:
    """Run ``docgen ARGS``; exit code, stdout and stderr."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.real
def test_wrong_document_exits_3_with_a_chinese_report(pdfs: dict[str, Path]) -> None:
    """Failing checks are marked ✗ in Chinese, and the exit code is 3."""
    code, out, err = run("inspect", str(pdfs["bad"]))
    assert code == 3
    assert "✗ 上白边（天头）" in out
    assert "✗ 正文字号：12 pt" in out
    assert "不符合版式要求" in err


@pytest.mark.real
def test_english_report_with_lang_option(pdfs: dict[str, Path]) -> None:
    """``--lang en`` on the command or on the group gives the English report."""
    for args in (("inspect", "--lang", "en"), ("--lang", "en", "inspect")):
        code, out, _ = run(*args, str(pdfs["bad"]))
        assert code == 3
        assert "✗ body font size: 12 pt" in out


@pytest.mark.real
def test_json_report(pdfs: dict[str, Path], tmp_path: Path) -> None:
    """``--json`` prints (and ``-o`` writes) findings and measurements for every file."""
    target = tmp_path / "report.json"
    code, out, _ = run("inspect", "--json", "-o", str(target), str(pdfs["good"]), str(pdfs["bad"]))
    assert code == 3
    payload = json.loads(out)
    assert json.loads(target.read_text(encoding="utf-8")) == payload
    assert payload["passed"] is False
    good, bad = payload["reports"]
    assert good["measurements"]["body"]["lines_per_page"] == 22
    top = next(f for f in bad["findings"] if f["code"] == "margin_top")
    assert top["status"] == "fail"
    assert top["check"] == "上白边（天头）"


@pytest.mark.real
def test_passing_document_exits_0(pdfs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """When every check passes the exit code is 0 (fonts expected as LibreOffice fell back)."""
    as_printed = inspect_pdf(pdfs["good"]).measurements.fonts
    assert "body" in as_printed
    sans = FontRoles(title="heiti", body="heiti", h2="heiti", h3="heiti", h4="heiti")
    monkeypatch.setattr(inspect_cmd, "GBT_9704", LayoutSpec(fonts=sans))
    code, out, _ = run("inspect", str(pdfs["good"]))
    assert code == 0, out
    assert "全部符合版式要求" in out


def test_unreadable_pdf_exits_4(tmp_path: Path) -> None:
    """A file that is not a PDF is an input error (exit 4) naming the file."""
    junk = tmp_path / "junk.pdf"
    junk.write_text("hello", encoding="utf-8")
    code, _, err = run("inspect", str(junk))
    assert code == 4
    assert "junk.pdf" in err


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    """A path that does not exist is a usage error (exit 2)."""
    code, _, _ = run("inspect", str(tmp_path / "nothing.pdf"))
    assert code == 2


@pytest.mark.real
def test_lost_characters_fail_with_their_page(pdfs: dict[str, Path], tmp_path: Path) -> None:
    """Against a .docx holding text the PDF lacks, the report names it and its page (exit 3)."""
    from tests.docx_builder import make_docx, p

    richer = tmp_path / "richer.docx"
    richer.write_bytes(make_docx(p("甲乙丙丁戊己庚辛壬癸")))  # none of these is in that PDF
    code, out, err = run("inspect", str(pdfs["good"]), "--docx", str(richer))
    assert code == 3
    assert "✗ 文字完整（.docx → PDF）：丢失" in out
    assert "第 1 页：…〔甲乙丙丁戊己庚辛壬癸〕…" in out
    assert "不符合版式要求" in err
    code, out, _ = run("inspect", "--json", str(pdfs["good"]), "--docx", str(richer))
    text = json.loads(out)["reports"][0]["text"]
    assert text["lost_characters"] == 10
    assert text["lost"][0]["page"] == 1


@pytest.mark.real
def test_the_docx_beside_the_pdf_is_compared(pdfs: dict[str, Path]) -> None:
    """Without --docx, the .docx of the same name next to the PDF is used."""
    assert pdfs["good"].with_suffix(".docx").is_file()
    _, out, _ = run("inspect", str(pdfs["good"]))
    assert "✓ 文字完整（.docx → PDF）" in out


@pytest.mark.real
def test_without_a_docx_the_text_check_is_skipped(pdfs: dict[str, Path], tmp_path: Path) -> None:
    """A PDF alone: the text check says it was not done and how to do it."""
    lone = tmp_path / "lone.pdf"
    lone.write_bytes(pdfs["good"].read_bytes())
    _, out, _ = run("inspect", str(lone))
    assert "– 文字完整（.docx → PDF）：未核对" in out
    assert "--docx" in out


def test_docx_count_must_match_the_pdfs(tmp_path: Path) -> None:
    """One --docx per PDF: another count is a usage error (exit 2)."""
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    code, _, err = run("inspect", str(pdf), str(pdf), "--docx", str(docx))
    assert code == 2
    assert "--docx" in err


@pytest.mark.real
def test_form_judges_the_small_type(pdfs: dict[str, Path]) -> None:
    """--form holds the text to the form's 小四 (12 pt): a 公文 body in 3号 fails it there."""
    code, out, _ = run("inspect", "--form", "--json", str(pdfs["good"]))
    assert code == 3
    size = next(f for f in json.loads(out)["reports"][0]["findings"] if f["code"] == "body_size")
    assert size["status"] == "fail"
    assert "12" in size["expected"]
    assert "16" in size["measured"]

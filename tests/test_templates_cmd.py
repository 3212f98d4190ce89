"""``docgen templates`` and ``docgen templates show NAME``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main


@pytest.fixture(autouse=True)
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No DOCGEN_TEMPLATES unless a test sets it."""
    monkeypatch.delenv("DOCGEN_TEMPLATES", raising=False)


def invoke(*args: str) -> tuple[int, str]:
    """Run the CLI; exit code and combined output."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_list() -> None:
    """The listing shows genre, name, title and kind of each template, one per line."""
    code, out = invoke("templates")
    assert code == 0
    lines = out.splitlines()
    assert "genre" in lines[0]
    assert "kind" in lines[0]
    row = next(line for line in lines if "zhenggai-taizhang" in line)
    assert row.split() == ["plans", "zhenggai-taizhang", "整改台账", "rectification"]


def test_list_with_extra_folder(tmp_path: Path) -> None:
    """--templates adds a user's folder to the listing."""
    folder = tmp_path / "speeches" / "mine"
    folder.mkdir(parents=True)
    (folder / "template.docx").write_bytes(b"")
    (folder / "manifest.toml").write_text('kind = "speech"\ntitle = "讲话"\n', encoding="utf-8")
    code, out = invoke("templates", "--templates", str(tmp_path))
    assert code == 0
    assert any(line.split()[:2] == ["speeches", "mine"] for line in out.splitlines())


def test_show() -> None:
    """show prints kind, fields with required marks and the example data."""
    code, out = invoke("templates", "show", "plans/zhenggai-fangan")
    assert code == 0
    assert "数据类型 kind: rectification" in out
    assert " * problems（问题清单） [list]" in out
    assert "   signoff（落款） [dict]" in out
    assert "示例 example:" in out
    assert "kind: rectification" in out.split("示例 example:")[1]


def test_show_unknown_template() -> None:
    """An unknown name exits 6 with the folders searched."""
    code, out = invoke("templates", "show", "plans/nope")
    assert code == 6
    assert "plans/nope" in out


def test_help() -> None:
    """Both commands have help."""
    assert invoke("templates", "--help")[0] == 0
    assert "NAME" in invoke("templates", "show", "--help")[1]


def test_list_shows_the_photo_page() -> None:
    """The 影像资料页 is listed with its kind (issue 14 §1)."""
    code, out = invoke("templates")
    assert code == 0
    row = next(line for line in out.splitlines() if "yingxiang-ziliao" in line)
    assert row.split() == ["reports", "yingxiang-ziliao", "会议影像资料", "minutes"]

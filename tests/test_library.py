"""Finding templates by path, by library name, through DOCGEN_TEMPLATES and --templates."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docgen.exceptions import TemplateNotFound
from docgen.library import TEMPLATE_FILE, find_template, search_roots, shipped_root
from tests.docx_builder import make_docx, p


@pytest.fixture(autouse=True)
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No DOCGEN_TEMPLATES unless a test sets it."""
    monkeypatch.delenv("DOCGEN_TEMPLATES", raising=False)


def library(root: Path, *names: str) -> Path:
    """A template library under ``root`` holding ``genre/name`` folders."""
    for name in names:
        folder = root / name
        folder.mkdir(parents=True)
        (folder / TEMPLATE_FILE).write_bytes(make_docx(p(name)))
        (folder / "manifest.toml").write_text('title = "t"\n', encoding="utf-8")
    return root


def test_shipped_library_holds_zhenggai_cuoshi() -> None:
    """The shipped library has plans/zhenggai-cuoshi."""
    found = find_template("plans/zhenggai-cuoshi")
    assert found == shipped_root() / "plans" / "zhenggai-cuoshi" / TEMPLATE_FILE
    assert found.is_file()


@pytest.mark.parametrize("name", ["zhenggai-cuoshi", "/plans/zhenggai-cuoshi/"])
def test_library_name_variants(name: str) -> None:
    """A bare name finds the template in any genre; surrounding slashes are ignored."""
    assert find_template(name).parts[-3:] == ("plans", "zhenggai-cuoshi", TEMPLATE_FILE)


def test_find_by_file_path(tmp_path: Path) -> None:
    """An existing file path is returned as is (str or Path)."""
    path = tmp_path / "我的模板.docx"
    path.write_bytes(make_docx(p("x")))
    assert find_template(path) == path
    assert find_template(str(path)) == path


def test_find_by_folder_path(tmp_path: Path) -> None:
    """A folder holding template.docx stands for that template."""
    root = library(tmp_path, "genre/mine")
    assert find_template(root / "genre" / "mine") == root / "genre" / "mine" / TEMPLATE_FILE


def test_find_through_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders in DOCGEN_TEMPLATES (os.pathsep-separated) are searched."""
    first = library(tmp_path / "a", "reports/one")
    second = library(tmp_path / "b", "speeches/two")
    monkeypatch.setenv("DOCGEN_TEMPLATES", f"{first}{os.pathsep}{second}")
    assert find_template("reports/one") == first / "reports" / "one" / TEMPLATE_FILE
    assert find_template("speeches/two") == second / "speeches" / "two" / TEMPLATE_FILE
    assert find_template("two") == second / "speeches" / "two" / TEMPLATE_FILE


def test_extra_folders_come_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--templates folders win over DOCGEN_TEMPLATES, which wins over the shipped library."""
    extra = library(tmp_path / "extra", "plans/zhenggai-cuoshi")
    env = library(tmp_path / "env", "plans/zhenggai-cuoshi")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(env))
    expected = extra / "plans" / "zhenggai-cuoshi" / TEMPLATE_FILE
    assert find_template("plans/zhenggai-cuoshi", [extra]) == expected
    assert (
        find_template("plans/zhenggai-cuoshi") == env / "plans" / "zhenggai-cuoshi" / TEMPLATE_FILE
    )


def test_search_roots_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """search_roots: extra folders, then the environment's, then the shipped library."""
    monkeypatch.setenv(
        "DOCGEN_TEMPLATES", f"{tmp_path / 'e1'}{os.pathsep}{os.pathsep}{tmp_path / 'e2'}"
    )
    assert search_roots([tmp_path / "x"]) == [
        tmp_path / "x",
        tmp_path / "e1",
        tmp_path / "e2",
        shipped_root(),
    ]


def test_not_found_lists_searched_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TemplateNotFound names the template and every folder searched, in both languages."""
    env = tmp_path / "env"
    env.mkdir()
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(env))
    with pytest.raises(TemplateNotFound) as info:
        find_template("plans/不存在", [tmp_path / "extra"])
    err = info.value
    assert err.exit_code == 6
    for message in (err.message_zh, err.message_en):
        assert "plans/不存在" in message
        for root in (tmp_path / "extra", env, shipped_root()):
            assert str(root) in message


def test_folder_without_template_is_not_found(tmp_path: Path) -> None:
    """A folder that holds no template.docx is not a template."""
    (tmp_path / "empty").mkdir()
    with pytest.raises(TemplateNotFound):
        find_template(tmp_path / "empty")

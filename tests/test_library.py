"""Finding templates by path, by library name, through DOCGEN_TEMPLATES and --templates."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docgen.exceptions import ManifestError, TemplateNotFound
from docgen.library import (
    MANIFEST_FILE,
    TEMPLATE_FILE,
    FieldSpec,
    find_manifest,
    find_template,
    list_templates,
    read_manifest,
    search_roots,
    shipped_root,
)
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
        (folder / "manifest.toml").write_text('kind = "minutes"\ntitle = "t"\n', encoding="utf-8")
    return root


def test_shipped_library_holds_zhenggai_cuoshi() -> None:
    """The shipped library has plans/zhenggai-fangan."""
    found = find_template("plans/zhenggai-fangan")
    assert found == shipped_root() / "plans" / "zhenggai-fangan" / TEMPLATE_FILE
    assert found.is_file()


@pytest.mark.parametrize("name", ["zhenggai-fangan", "/plans/zhenggai-fangan/"])
def test_library_name_variants(name: str) -> None:
    """A bare name finds the template in any genre; surrounding slashes are ignored."""
    assert find_template(name).parts[-3:] == ("plans", "zhenggai-fangan", TEMPLATE_FILE)


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
    extra = library(tmp_path / "extra", "plans/zhenggai-fangan")
    env = library(tmp_path / "env", "plans/zhenggai-fangan")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(env))
    expected = extra / "plans" / "zhenggai-fangan" / TEMPLATE_FILE
    assert find_template("plans/zhenggai-fangan", [extra]) == expected
    assert (
        find_template("plans/zhenggai-fangan") == env / "plans" / "zhenggai-fangan" / TEMPLATE_FILE
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


def write_manifest(folder: Path, text: str) -> Path:
    """A template folder holding a template and ``text`` as its manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / TEMPLATE_FILE).write_bytes(make_docx(p("x")))
    (folder / MANIFEST_FILE).write_text(text, encoding="utf-8")
    return folder


GOOD = (
    'kind = "minutes"\ntitle = "记录"\noutput = "{title}-{branch}.docx"\nexample = "e.yaml"\n'
    '[fields]\ntime = { label = "时间", type = "dict", required = true, help = "开始与结束" }\n'
)


def test_read_manifest(tmp_path: Path) -> None:
    """A manifest reads into kind, title, fields and the output-name pattern."""
    folder = write_manifest(tmp_path / "reports" / "mine", GOOD)
    (folder / "e.yaml").write_text("kind: minutes\n", encoding="utf-8")
    manifest = read_manifest(folder)
    assert (manifest.name, manifest.genre, manifest.kind) == ("reports/mine", "reports", "minutes")
    assert manifest.fields == (FieldSpec("time", "时间", "dict", True, "开始与结束"),)
    assert manifest.example_path == folder / "e.yaml"
    assert manifest.output_name({"title": "三月", "branch": None}) == "三月-.docx"


def test_output_pattern_reaches_into_nested_values() -> None:
    """``{signin.title}`` (签到表, 影像资料) names the file from the view's nested part, in
    the web service's and the bundles' default names alike; a missing part is empty."""
    manifest = read_manifest(shipped_root() / "reports" / "qiandao-biao")
    assert manifest.output_name({"signin": {"title": "三月签到表"}}) == "三月签到表.docx"
    assert manifest.output_name({"signin": "三月"}) == ".docx"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('title = "t"\n', "kind"),
        ('kind = "nonsense"\ntitle = "t"\n', "nonsense"),
        ('kind = "minutes"\ntitle = "t"\nfields = 3\n', "fields"),
        ('kind = "minutes"\ntitle = "t"\n[fields]\na = 1\n', "a"),
        ("kind = \n", "TOML"),
    ],
)
def test_bad_manifest(tmp_path: Path, text: str, needle: str) -> None:
    """A broken manifest raises ManifestError naming the file and the problem, in both languages."""
    folder = write_manifest(tmp_path / "g" / "t", text)
    with pytest.raises(ManifestError) as info:
        read_manifest(folder)
    assert str(folder / MANIFEST_FILE) in info.value.message_zh
    assert needle in info.value.message_en
    assert info.value.exit_code == 3


def test_list_templates_shipped_and_overridden(tmp_path: Path) -> None:
    """The shipped library is listed by name; a --templates folder overrides a shipped name
    and adds its own; folders without a manifest are skipped."""
    shipped = {m.name for m in list_templates()}
    assert {"plans/zhenggai-fangan", "plans/zhenggai-taizhang", "reports/zhiweihui-jilu"} <= shipped
    write_manifest(tmp_path / "plans" / "zhenggai-fangan", GOOD)
    write_manifest(tmp_path / "speeches" / "mine", GOOD)
    bare = library(tmp_path / "other", "reports/no-manifest") / "reports" / "no-manifest"
    (bare / MANIFEST_FILE).unlink()
    found = {m.name: m for m in list_templates([tmp_path, tmp_path / "other"])}
    assert found["plans/zhenggai-fangan"].kind == "minutes"
    assert "speeches/mine" in found
    assert "reports/no-manifest" not in found
    assert list(found) == sorted(found)


def test_find_manifest(tmp_path: Path) -> None:
    """find_manifest resolves a library name; a template without manifest is an error."""
    assert find_manifest("zhenggai-taizhang").title == "整改台账"
    root = library(tmp_path, "genre/bare")
    (root / "genre" / "bare" / MANIFEST_FILE).unlink()
    with pytest.raises(ManifestError):
        find_manifest(str(root / "genre" / "bare"))


def test_find_by_title() -> None:
    """A template's Chinese title finds it: 支委会记录 is reports/zhiweihui-jilu."""
    found = find_template("支委会记录")
    assert found.parent.name == "zhiweihui-jilu"
    assert found.parent.parent.name == "reports"


@pytest.mark.parametrize("typo", ["reports/zhiweihui-jlu", "支委会纪录"])
def test_near_miss_suggests_the_template(typo: str) -> None:
    """A mistyped name or title is answered with the closest template and its title."""
    with pytest.raises(TemplateNotFound) as caught:
        find_template(typo)
    assert "是否应为 reports/zhiweihui-jilu（支委会记录）？" in caught.value.message_zh

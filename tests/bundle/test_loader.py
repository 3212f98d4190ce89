"""Loading recipes: every problem at once, each with file:line:column and the field path."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.bundle.loader import load_recipe
from docgen.exceptions import RecipeError
from docgen.i18n import set_language
from tests.bundle.conftest import RecipeWriter


def _problems(path: Path) -> list[str]:
    with pytest.raises(RecipeError) as info:
        load_recipe(path)
    return [p.describe() for p in info.value.problems]


def test_shape_errors_point_at_their_lines(write_recipe: RecipeWriter) -> None:
    """Unknown keys, bad ids and bad choices are all reported with line and column."""
    path = write_recipe(
        """\
        name: 坏配方
        vars:
          branch: {colum: 支部}
        steps:
          - id: 1bad
            template: tiny.docx
          - id: ok
            template: tiny.docx
            merge: {start: column}
        """
    )
    found = _problems(path)
    assert len(found) == 3
    assert found[0].startswith(f"{path}:3:12: vars.branch.colum: 配方不认识这个键")
    assert found[1].startswith(f"{path}:5:9: steps[0].id:")
    assert found[2].startswith(f"{path}:9:20: steps[1].merge.start: 只能取")


def test_missing_fields_are_named(write_recipe: RecipeWriter) -> None:
    """A step without a template and a recipe without a name: both reported, by path."""
    path = write_recipe("steps:\n  - id: a\n")
    found = "\n".join(_problems(path))
    assert "name: 缺少必填项" in found
    assert "steps[0].template: 缺少必填项" in found


def test_expression_and_reference_errors(write_recipe: RecipeWriter) -> None:
    """Bad expressions, duplicate ids, a foreach without output, an unknown cover step."""
    path = write_recipe(
        """\
        name: 表达式
        let:
          steps: "1"
        steps:
          - id: a
            template: tiny.docx
            foreach: "items["
          - id: a
            template: tiny.docx
        package:
          merged: {output: m.docx, cover: nope}
        """
    )
    found = "\n".join(_problems(path))
    assert f"{path}:3:3: let.steps: 名称“steps”是配方保留的名称" in found
    assert f"{path}:7:14: steps[0].foreach: 表达式有语法错误" in found
    assert "steps[0].output: 带 foreach 的步骤必须写 output" in found
    assert f"{path}:8:5: steps[1].id: 步骤 id “a”重复" in found
    assert "package.merged.cover: 封面步骤“nope”不存在" in found


def test_template_not_found_points_at_the_step(write_recipe: RecipeWriter) -> None:
    """A template that is neither a file nor a library name is reported at its line."""
    path = write_recipe("name: x\nsteps:\n  - id: a\n    template: plans/no-such-thing\n")
    found = _problems(path)
    assert found[0].startswith(f"{path}:4:15: steps[0].template: 找不到模板 plans/no-such-thing")


def test_yaml_syntax_and_duplicate_keys(write_recipe: RecipeWriter) -> None:
    """YAML syntax errors and duplicate keys carry their line."""
    broken = write_recipe("name: [unclosed\n")
    assert ":2:1:" in _problems(broken)[0] or ":1:" in _problems(broken)[0]
    duplicate = write_recipe("name: a\nname: b\nsteps:\n  - {id: a, template: tiny.docx}\n")
    assert any(f"{duplicate}:2:1" in p and "重复" in p for p in _problems(duplicate))


def test_messages_in_english_on_request(write_recipe: RecipeWriter) -> None:
    """The same problems read in English when asked."""
    path = write_recipe("name: x\nsteps:\n  - id: a\n    template: tiny.docx\n    whn: 1\n")
    set_language("en")
    try:
        found = _problems(path)
    finally:
        set_language(None)
    assert found == [f"{path}:5:5: steps[0].whn: unknown key (a typo?) [extra_forbidden]"]


def test_missing_recipe_file(tmp_path: Path) -> None:
    """A recipe that does not exist is a RecipeError naming the file."""
    with pytest.raises(RecipeError, match="无法读取配方文件"):
        load_recipe(tmp_path / "nope.yaml")


def test_valid_recipe_compiles(write_recipe: RecipeWriter, tiny: Path) -> None:
    """A valid recipe resolves templates relative to itself and hashes them."""
    path = write_recipe("name: 好\nvars: {name: 甲}\nsteps:\n  - {id: a, template: tiny.docx}\n")
    recipe = load_recipe(path)
    assert recipe.name == "好"
    assert recipe.steps[0].template_path == tiny
    assert len(recipe.template_digests[str(tiny)]) == 64
    assert recipe.vars[0].columns == ("name",)

"""Planning a run: variables, inputs, let, foreach fan-out, names, step-to-step data."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.bundle.loader import load_recipe
from docgen.bundle.plan import input_paths, make_plan, resolve_vars
from docgen.exceptions import BundleError, DataError
from tests.bundle.conftest import RecipeWriter

FANOUT = """\
name: 分发
vars:
  branch: 一支部
  code: {column: 编号, default: "000"}
inputs:
  members: members.yaml
let:
  active: members.people | selectattr('active') | list
steps:
  - id: roll
    template: tiny.docx
    data:
      name: "{{ branch }}"
      code: "{{ active | length }}"
    output: "{{ branch }}/名单"
  - id: card
    template: tiny.docx
    foreach: active
    as: person
    data: {name: "{{ person.name }}", code: "{{ code }}-{{ loop.index }}"}
    output: "{{ loop.index }}-{{ person.name }}"
  - id: tail
    template: tiny.docx
    when: steps.card | length > 1
    data: {name: "{{ outputs.card | join('、') }}", code: "{{ steps.roll.code }}"}
"""

MEMBERS = """\
people:
  - {name: 甲, active: true}
  - {name: 乙, active: false}
  - {name: 丙, active: true}
"""


@pytest.fixture
def fanout(write_recipe: RecipeWriter, tmp_path: Path) -> Path:
    """The fan-out recipe with its members file."""
    (tmp_path / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    return write_recipe(FANOUT)


def test_foreach_names_and_step_chaining(fanout: Path) -> None:
    """foreach makes one document per item; later steps see earlier data and names."""
    recipe = load_recipe(fanout)
    plan = make_plan(recipe, resolve_vars(recipe))
    names = [d.name for d in plan.documents]
    assert names == ["一支部_名单.docx", "1-甲.docx", "2-丙.docx", "tail.docx"]
    assert plan.documents[0].context == {"name": "一支部", "code": 2}
    assert [d.context["code"] for d in plan.documents[1:3]] == ["000-1", "000-2"]
    assert plan.documents[3].context == {"name": "1-甲.docx、2-丙.docx", "code": 2}


def test_when_false_skips_the_step(fanout: Path, tmp_path: Path) -> None:
    """A step whose ``when`` is false produces nothing."""
    (tmp_path / "members.yaml").write_text("people: [{name: 甲, active: true}]", encoding="utf-8")
    recipe = load_recipe(fanout)
    plan = make_plan(recipe, resolve_vars(recipe))
    assert [d.step.id for d in plan.documents] == ["roll", "card"]


def test_variables_given_then_row_then_default(fanout: Path) -> None:
    """Explicit values win over roster columns, which win over defaults."""
    recipe = load_recipe(fanout)
    assert resolve_vars(recipe, {"branch": "二支部"}, {"编号": "7"}) == {
        "branch": "二支部",
        "code": "7",
    }
    assert resolve_vars(recipe, None, {"编号": " "})["code"] == "000"


def test_required_variable_without_value(write_recipe: RecipeWriter) -> None:
    """A required variable whose cell is empty fails naming the cell; without a row, its column."""
    recipe = load_recipe(
        write_recipe(
            "name: r\nvars:\n  name: {column: 姓名, required: true}\n"
            "steps: [{id: a, template: tiny.docx}]\n"
        )
    )
    with pytest.raises(BundleError, match="“姓名”列为空：配方变量 name 需要它"):
        resolve_vars(recipe, None, {"姓名": ""})
    with pytest.raises(BundleError, match=r"变量“name”没有取值.*列“姓名”"):
        resolve_vars(recipe, None, {})


def test_roster_columns_are_names_and_default_data(write_recipe: RecipeWriter) -> None:
    """Columns with Chinese headers are usable as names; no ``data`` means all user names."""
    recipe = load_recipe(
        write_recipe(
            "name: r\nvars: {name: 甲}\n"
            "steps: [{id: a, template: tiny.docx, output: '{{ 简称 }}-{{ name }}'}]\n"
        )
    )
    row = {"简称": "一支部", "code": 5}
    plan = make_plan(recipe, resolve_vars(recipe, None, row), row)
    assert plan.documents[0].name == "一支部-甲.docx"
    assert plan.documents[0].context == {"name": "甲"}


def test_clashing_output_names(write_recipe: RecipeWriter) -> None:
    """Two documents with one name is an error suggesting loop.index."""
    recipe = load_recipe(
        write_recipe(
            "name: r\nsteps:\n  - {id: a, template: tiny.docx, foreach: '[1, 2]', output: same}\n"
        )
    )
    with pytest.raises(BundleError, match=r"两个输出文件同名：same\.docx"):
        make_plan(recipe, {})


def test_foreach_must_give_a_list(write_recipe: RecipeWriter) -> None:
    """foreach over text is refused with the recipe place."""
    path = write_recipe(
        "name: r\nsteps:\n  - {id: a, template: tiny.docx, foreach: \"'abc'\", output: x}\n"
    )
    with pytest.raises(BundleError, match=r"recipe\.yaml:3:.*foreach 应给出列表"):
        make_plan(load_recipe(path), {})


def test_missing_input_file_is_a_data_error(fanout: Path, tmp_path: Path) -> None:
    """An input file that is not there is a DataError naming the input."""
    (tmp_path / "members.yaml").unlink()
    recipe = load_recipe(fanout)
    with pytest.raises(DataError, match="找不到数据文件") as info:
        make_plan(recipe, resolve_vars(recipe))
    assert "members" in info.value.problems[0].message
    assert input_paths(recipe, resolve_vars(recipe)) == [tmp_path / "members.yaml"]


def test_library_manifest_names_the_output(tmp_path: Path) -> None:
    """Without ``output``, the template manifest's pattern names the document."""
    recipe_path = tmp_path / "r.yaml"
    example = Path("templates/plans/zhenggai-fangan/example.yaml").resolve()
    recipe_path.write_text(
        f"name: r\ninputs: {{plan: '{example}'}}\n"
        "steps: [{id: a, template: plans/zhenggai-fangan, data: plan, "
        "with: {branch: 数学与统计学院教工第一党支部}}]\n",
        encoding="utf-8",
    )
    plan = make_plan(load_recipe(recipe_path), {})
    assert plan.documents[0].name == "数学与统计学院教工第一党支部整改方案.docx"

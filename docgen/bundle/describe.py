"""``docgen bundle show NAME``: what a bundle reads — inputs, variables, roster columns.

Everything shown comes from the compiled recipe, so it cannot drift from what a run does.
"""

from __future__ import annotations

import json
from typing import Any

from docgen.bundle.compiled import Recipe, Var
from docgen.i18n import tr


def recipe_facts(recipe: Recipe) -> dict[str, Any]:
    """The recipe's inputs, variables and roster columns as plain data."""
    return {
        "name": recipe.name,
        "description": recipe.description or "",
        "path": str(recipe.path),
        "inputs": [
            {
                "name": i.name,
                "kind": i.kind,
                "path": i.path.source,
                "set": {f: t.source for f, t in i.sets},
                "follow": {f: list(d) for f, d in i.follow},
            }
            for i in recipe.inputs
        ],
        "vars": [
            {
                "name": v.name,
                "columns": list(v.columns),
                "required": v.required,
                "empty": "keep" if v.keep_empty else "fail",
                "default": v.default,
                "has_sample": v.sample is not None,
                "description": v.description or "",
            }
            for v in recipe.vars
        ],
        "roster_columns": list(recipe.columns),
        "key": list(recipe.key),
    }


def describe_recipe(recipe: Recipe, as_json: bool = False) -> str:
    """A few readable lines (or JSON) about ``recipe``."""
    facts = recipe_facts(recipe)
    if as_json:
        return json.dumps(facts, ensure_ascii=False, indent=2)
    lines = [f"{recipe.name}：{facts['description']}".rstrip("："), str(recipe.path), ""]
    lines.append(tr("输入（--input 名称=文件）：", "inputs (--input NAME=FILE):"))
    for item in facts["inputs"]:
        kind = f"（{item['kind']}）" if item["kind"] else ""
        lines.append(f"  {item['name']}{kind}  {tr('路径', 'path')} {item['path']}")
        for field, text in item["set"].items():
            lines.append(f"    {tr('按行覆盖', 'set per row')} {field} ← {text}")
        for field, derived in item["follow"].items():
            joined = "、".join(derived)
            lines.append(
                f"    {tr(f'{field} 改变时重新生成', f'when {field} changes, re-derive')} {joined}"
            )
    lines.append("")
    lines.append(
        tr(
            "变量（--set 名称=值，或花名册的列）：",
            "variables (--set NAME=VALUE, or a roster column):",
        )
    )
    for var in recipe.vars:
        lines.append("  " + _var_line(var))
    lines.append("")
    lines.append(tr("花名册的列：", "roster columns: ") + "、".join(recipe.columns))
    if recipe.key:
        lines.append(tr("行的键：", "row key: ") + "、".join(recipe.key))
    lines.append(
        tr(
            f"花名册样表：docgen init roster --bundle {recipe.path.stem} -o 花名册.xlsx",
            f"starter roster: docgen init roster --bundle {recipe.path.stem} -o roster.xlsx",
        )
    )
    return "\n".join(lines)


def _var_line(var: Var) -> str:
    notes = []
    if var.required:
        notes.append(tr("必填", "required"))
    notes.append(
        tr("空格保留原值", "empty keeps") if var.keep_empty else tr("空格算错", "empty fails")
    )
    if var.default is not None:
        notes.append(_default_note(var.default))
    if var.sample is not None:
        notes.append(tr("有示例（--sample）", "has a sample (--sample)"))
    columns = "、".join(f"“{c}”" for c in var.columns)
    text = f"{var.name} ← {tr('列', 'column')} {columns}（{'，'.join(notes)}）"
    return f"{text} {var.description}" if var.description else text


def _default_note(value: Any) -> str:
    """“默认：本阶段”; an empty default says so (“默认：空”), never a bare “默认 ”."""
    if isinstance(value, bool):
        zh_text, en_text = ("是", "yes") if value else ("否", "no")
    elif isinstance(value, str) and not value.strip():
        zh_text, en_text = "空", "empty"
    elif isinstance(value, (list, dict)):
        zh_text = en_text = json.dumps(value, ensure_ascii=False)
    else:
        zh_text = en_text = str(value)
    return tr(f"默认：{zh_text}", f"default: {en_text}")


__all__ = ["describe_recipe", "recipe_facts"]

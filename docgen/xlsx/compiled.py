"""Compiling a workbook template's sheet: cells to Jinja, marker rows to row loops.

See :mod:`docgen.xlsx.template` for the language. Each problem found (a syntax
error, a loop never closed, a tag inside a formula) is collected with its
sheet and cell, so a template's every problem is reported in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import jinja2

from docgen.exceptions import Location, Problem

_FOR = re.compile(r"\{%-?\s*tr\s+for\s+([A-Za-z_]\w*)\s+in\s+(.+?)\s*-?%\}")
_IF = re.compile(r"\{%-?\s*tr\s+if\s+(.+?)\s*-?%\}")
_END = re.compile(r"\{%-?\s*tr\s+(endfor|endif)\s*-?%\}")
_SOLE = re.compile(r"\{\{-?(.+?)-?\}\}", re.S)
_TAG = ("{{", "{%", "{#")


@dataclass
class Cell:
    """One template cell: its text compiled, or a formula, or a plain value."""

    column: int
    coordinate: str
    source: Any
    expression: Any = None  # a compiled ``{{ x }}`` alone in the cell
    text: jinja2.Template | None = None  # text with tags
    formula: bool = False


@dataclass
class Loop:
    """Rows ``first``–``last`` repeated per item of ``iterable`` (``kind`` for) or kept
    when ``iterable`` is true (``kind`` if); ``start`` and ``end`` are the marker rows."""

    kind: str
    target: str
    iterable: Any
    source: str
    start: int
    end: int

    @property
    def first(self) -> int:
        return self.start + 1

    @property
    def last(self) -> int:
        return self.end - 1


@dataclass
class CompiledSheet:
    title: str
    max_row: int
    rows: dict[int, list[Cell]] = field(default_factory=dict)
    loops: list[Loop] = field(default_factory=list)


class SheetCompiler:
    """Compiles sheets of the template ``name`` with ``env``, adding to ``problems``."""

    def __init__(self, name: str, env: Any, problems: list[Problem]) -> None:
        self.name = name
        self.env = env
        self.problems = problems

    def where(self, sheet: str, coordinate: str, snippet: str | None = None) -> Location:
        return Location(file=self.name, sheet=sheet, cell=coordinate, snippet=snippet)

    def _problem(self, code: str, zh: str, en: str, where: Location) -> None:
        self.problems.append(Problem(code, zh, en, where))

    def sheet(self, ws: Any) -> CompiledSheet:
        sheet = CompiledSheet(ws.title, ws.max_row)
        open_loop: tuple[str, str, str, int, str] | None = None
        for row in ws.iter_rows():
            cells = [c for c in row if c.value is not None]
            if not cells:
                continue
            number = cells[0].row
            marker = self._marker(ws.title, cells)
            if marker is None:
                sheet.rows[number] = [self._compile_cell(ws.title, c) for c in cells]
                continue
            word, target, expression, coordinate = marker
            if word in ("for", "if"):
                if open_loop is not None:
                    self._problem(
                        "nested_row_loop",
                        "行循环不能嵌套：上一个 {%tr " + open_loop[0] + " %} 还没有结束",
                        f"row loops cannot nest: the {{%tr {open_loop[0]} %}} above is still open",
                        self.where(ws.title, coordinate, str(cells[0].value)),
                    )
                    continue
                open_loop = (word, target, expression, number, str(cells[0].value))
                continue
            if open_loop is None or {"endfor": "for", "endif": "if"}[word] != open_loop[0]:
                self._problem(
                    "unmatched_row_end",
                    f"{{%tr {word} %}} 前面没有与之对应的开始标记",
                    f"{{%tr {word} %}} has no matching start above it",
                    self.where(ws.title, coordinate, str(cells[0].value)),
                )
                continue
            kind, target, expression, start, source = open_loop
            open_loop = None
            compiled = self._compile_expression(ws.title, f"A{start}", expression, source)
            if compiled is not None:
                sheet.loops.append(Loop(kind, target, compiled, source, start, number))
        if open_loop is not None:
            self._problem(
                "unclosed_row_loop",
                f"{{%tr {open_loop[0]} %}} 没有对应的 {{%tr end{open_loop[0]} %}}",
                f"{{%tr {open_loop[0]} %}} has no {{%tr end{open_loop[0]} %}}",
                self.where(ws.title, f"A{open_loop[3]}", open_loop[4]),
            )
        return sheet

    def _marker(self, title: str, cells: list[Any]) -> tuple[str, str, str, str] | None:
        """``(word, loop variable, expression, cell)`` when the row is a marker row."""
        first = cells[0]
        text = str(first.value).strip() if isinstance(first.value, str) else ""
        found: tuple[str, str, str] | None = None
        if (m := _FOR.fullmatch(text)) is not None:
            found = ("for", m.group(1), m.group(2))
        elif (m := _IF.fullmatch(text)) is not None:
            found = ("if", "", m.group(1))
        elif (m := _END.fullmatch(text)) is not None:
            found = (m.group(1), "", "")
        if found is None:
            if "{%tr" in text.replace(" ", "") or text.startswith("{%-tr"):
                self._problem(
                    "bad_row_marker",
                    "无法识别的行标记；应为 {%tr for 变量 in 列表 %}、{%tr endfor %}、"
                    "{%tr if 条件 %} 或 {%tr endif %}",
                    "unknown row marker; use {%tr for x in items %}, {%tr endfor %}, "
                    "{%tr if condition %} or {%tr endif %}",
                    self.where(title, first.coordinate, text),
                )
            return None
        if len(cells) > 1 or first.column != 1:
            self._problem(
                "row_marker_not_alone",
                "行标记须单独写在该行的第一个单元格（A 列），该行其他单元格应为空",
                "a row marker must stand alone in the first cell (column A) of its row",
                self.where(title, first.coordinate, text),
            )
        return (*found, first.coordinate)

    def _compile_expression(self, title: str, coordinate: str, source: str, shown: str) -> Any:
        try:
            return self.env.compile_expression(source, undefined_to_none=False)
        except jinja2.TemplateSyntaxError as err:
            self._problem(
                "bad_syntax",
                f"模板语法错误：{err.message}",
                f"template syntax error: {err.message}",
                self.where(title, coordinate, shown),
            )
            return None

    def _compile_cell(self, title: str, cell: Any) -> Cell:
        out = Cell(cell.column, cell.coordinate, cell.value)
        value = cell.value
        if not isinstance(value, str):
            return out
        if value.startswith("="):
            out.formula = True
            if any(tag in value for tag in _TAG):
                self._problem(
                    "tag_in_formula",
                    "公式中不能含模板标记（数据不得进入公式）；请把数据放在单元格里，公式引用该单元格",
                    "a formula cannot hold template tags (data never becomes a formula); "
                    "put the value in a cell and refer to it",
                    self.where(title, cell.coordinate, value),
                )
            return out
        if not any(tag in value for tag in _TAG):
            return out
        sole = _SOLE.fullmatch(value.strip())
        if sole is not None and "{{" not in sole.group(1) and "}}" not in sole.group(1):
            out.expression = self._compile_expression(title, cell.coordinate, sole.group(1), value)
            return out
        try:
            out.text = self.env.from_string(value)
        except jinja2.TemplateSyntaxError as err:
            self._problem(
                "bad_syntax",
                f"模板语法错误：{err.message}",
                f"template syntax error: {err.message}",
                self.where(title, cell.coordinate, value),
            )
        return out


__all__ = ["Cell", "CompiledSheet", "Loop", "SheetCompiler"]

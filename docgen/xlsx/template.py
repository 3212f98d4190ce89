"""A compiled .xlsx template: cells with Jinja tags, rows repeated by a marker.

The template language is the one the .docx templates speak, cell by cell:

- a cell holding only ``{{ expression }}`` takes the expression's value as it is,
  so a number stays a number a formula can sum and a date stays a date;
  other text with tags (``{{ branch }}党费收缴台账``) renders to text;
- a row whose first cell is ``{%tr for row in members %}`` starts a row loop and
  a row whose first cell is ``{%tr endfor %}`` ends it (docxtpl's ``{%tr %}``, one
  row up and one row down): the rows between repeat once per item and the two
  marker rows vanish; ``{%tr if condition %}`` … ``{%tr endif %}`` keeps its rows
  or drops them;
- a cell starting with ``=`` is a formula; it holds no tags (data never becomes a
  formula) and its references follow the rows (:mod:`docgen.xlsx.refs`).

Styles, merged cells, frozen panes, print set-up, print titles, validations and
column widths of the template are kept; columns are widened to their content
(:mod:`docgen.xlsx.widths`). Rendering runs in docgen's sandbox with its limits; a
missing field is an error naming the template's sheet and cell. Output is
deterministic: the same template and data give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from docgen.engine import limits
from docgen.engine.environment import make_environment
from docgen.engine.template import as_mapping, undefined_error
from docgen.exceptions import (
    DocgenError,
    Location,
    Problem,
    RenderError,
    RenderLimitError,
    SandboxError,
    TemplateSyntaxError,
)
from docgen.library import is_workbook_template as is_workbook_template
from docgen.stamp import render_time
from docgen.xlsx.compiled import CompiledSheet, SheetCompiler
from docgen.xlsx.package import open_workbook, workbook_bytes
from docgen.xlsx.refs import Block, RowMap
from docgen.xlsx.writer import SheetWriter

#: Where a workbook's title property lives, for messages about it.
CORE_PART = "docProps/core.xml"


class WorkbookTemplate:
    """A template compiled from .xlsx bytes; render it as often as needed."""

    suffix = ".xlsx"

    def __init__(
        self, blob: bytes, name: str = "<template>", filters: dict[str, Any] | None = None
    ) -> None:
        self.name = name
        self.blob = blob
        self.env = make_environment(filters, markup=False)
        self.problems: list[Problem] = []
        book = open_workbook(blob, name)
        self.compiler = SheetCompiler(name, self.env, self.problems)
        self.sheets = [self.compiler.sheet(ws) for ws in book.worksheets]
        self._title = self._compile_title(book.properties.title)

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop the template from rendering."""
        return [p for p in self.problems if p.severity == "error"]

    def where(self, sheet: str, coordinate: str, snippet: str | None = None) -> Location:
        """The place of a template cell, for a message."""
        return self.compiler.where(sheet, coordinate, snippet)

    def render(
        self,
        context: Mapping[str, Any] | Any,
        *,
        strip_invalid: bool = False,
        check: bool = False,
        keep_web_links: bool = False,
        deterministic: bool = False,
        moment: dt.datetime | None = None,
    ) -> bytes:
        """Render with ``context`` and return the .xlsx bytes.

        As in a .docx, the template's web hyperlinks lose their link (the cell keeps its
        text) unless ``keep_web_links``; links to a place in the workbook stay.

        ``strip_invalid`` drops control characters instead of raising
        :class:`~docgen.exceptions.InvalidCharacterError`; ``check`` opens the
        result again to prove it reads. The workbook's title property is rendered with the
        data like a cell; its created/modified dates are the render time, or fixed with
        ``deterministic``, or ``moment`` (as for a .docx: :mod:`docgen.stamp`).
        Raises :class:`TemplateSyntaxError`,
        :class:`~docgen.exceptions.MissingFieldError`, :class:`SandboxError`,
        :class:`RenderError`.
        """
        if self.errors:
            raise TemplateSyntaxError(
                f"模板 {self.name} 有 {len(self.errors)} 处错误",
                f"template {self.name} has {len(self.errors)} problem(s)",
                self.errors,
            )
        data = as_mapping(context)
        book = open_workbook(self.blob, self.name)
        spending = limits.start()
        try:
            plans = {s.title: self._plan(s, data) for s in self.sheets}
            maps = {title: plan[0] for title, plan in plans.items()}
            for sheet in self.sheets:
                SheetWriter(
                    self, book[sheet.title], sheet, maps, strip_invalid, keep_web_links
                ).write(data, plans[sheet.title][1])
            if self._title is not None:
                where = Location(file=self.name, part=CORE_PART, snippet=book.properties.title)
                title = self.render_text(self._title, data, where)
                book.properties.title = " ".join(title.split())
        finally:
            limits.finish(spending)
        blob = workbook_bytes(book, moment or render_time(deterministic))
        if check:
            open_workbook(blob, self.name)
        return blob

    def _plan(
        self, sheet: CompiledSheet, data: Mapping[str, Any]
    ) -> tuple[RowMap, list[list[Any]]]:
        """The row map of ``sheet`` and each loop's items (``[data]`` or ``[]`` for an if)."""
        row_map = RowMap()
        items: list[list[Any]] = []
        for loop in sheet.loops:
            where = self.where(sheet.title, f"A{loop.start}", loop.source)
            value = self.evaluate(loop.iterable, data, where)
            if loop.kind == "if":
                found = [None] if value else []
            else:
                if value is None or isinstance(value, str | bytes | Mapping):
                    raise RenderError(
                        f"行循环的对象不是列表：{loop.source}",
                        f"the row loop does not run over a list: {loop.source}",
                        location=where,
                    )
                found = list(limits.counted(value))
            items.append(found)
            row_map.dropped += [loop.start, loop.end]
            if loop.kind == "for":
                row_map.blocks.append(Block(loop.first, loop.last, max(1, len(found))))
            elif not found:
                row_map.dropped += list(range(loop.first, loop.last + 1))
        return row_map, items

    def evaluate(self, compiled: Any, data: Mapping[str, Any], where: Location) -> Any:
        """Run a compiled expression, its failures turned into docgen's errors at ``where``."""
        try:
            value = compiled(**data)
            if isinstance(value, jinja2.Undefined):
                str(value)  # raises: a strict render refuses a missing name
            return value
        except DocgenError:
            raise
        except jinja2.UndefinedError as err:
            raise undefined_error(err, where) from err
        except SecurityError as err:
            raise SandboxError(
                f"模板试图访问不安全的内容：{err}",
                f"the template tried to reach something unsafe: {err}",
                location=where,
            ) from err
        except (RecursionError, MemoryError) as err:
            raise RenderLimitError(
                "模板嵌套或递归过深", "the template nests or recurses too deep", location=where
            ) from err
        except Exception as err:
            raise RenderError(
                f"渲染失败：{type(err).__name__}: {err}",
                f"render failed: {type(err).__name__}: {err}",
                location=where,
            ) from err

    def _compile_title(self, title: object) -> jinja2.Template | None:
        """The title property compiled when it holds tags (``{{ ledger_title }}``)."""
        if not isinstance(title, str) or not any(tag in title for tag in ("{{", "{%", "{#")):
            return None
        try:
            return self.env.from_string(title)
        except jinja2.TemplateSyntaxError as err:
            self.problems.append(
                Problem(
                    "bad_syntax",
                    f"模板语法错误：{err.message}",
                    f"template syntax error: {err.message}",
                    Location(file=self.name, part=CORE_PART, snippet=title),
                )
            )
            return None

    def render_text(
        self, compiled: jinja2.Template, data: Mapping[str, Any], where: Location
    ) -> str:
        """Render a cell's text template, with the same errors as :meth:`evaluate`."""
        return str(self.evaluate(lambda **d: limits.render_bounded(compiled, d), data, where))


__all__ = ["WorkbookTemplate", "is_workbook_template"]

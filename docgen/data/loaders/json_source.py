"""JSON loading with the line and column of every key and value.

The standard ``json`` module does not report positions, so this is a small
recursive-descent reader built on ``json.decoder.scanstring`` (the standard
module's own string scanner) for strings and a regular expression for numbers.
It accepts exactly JSON (RFC 8259), reports duplicate keys, and bounds nesting.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from json import decoder as _decoder

from docgen.data.loaders.base import RawDocument, syntax_problem
from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits, too_large
from docgen.data.positions import Path, PositionMap, format_path
from docgen.exceptions import DataError, Location, Problem

_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")
_SPACE = re.compile(r"[ \t\n\r]*")
#: The standard library's JSON string scanner (untyped in typeshed, stable since 2.6).
_SCAN: Callable[[str, int, bool], tuple[str, int]] = _decoder.scanstring  # type: ignore[attr-defined]
_LITERALS: dict[str, object] = {"true": True, "false": False, "null": None}


def load_json(text: str, display: str, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Parse JSON ``text`` (from file ``display``) into a :class:`RawDocument`.

    Raises ``DataError`` on a syntax error, with its line and column.
    """
    reader = _Reader(text, display, limits)
    data = reader.value(())
    reader.skip()
    if reader.pos != len(text):
        raise reader.fail("多余的内容", "extra data after the JSON value")
    return RawDocument(data, reader.positions, "json", problems=reader.problems)


class _Reader:
    def __init__(self, text: str, display: str, limits: Limits) -> None:
        self.text = text
        self.pos = 0
        self.limits = limits
        self.positions = PositionMap(display)
        self.problems: list[Problem] = []
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(self, pos: int) -> Location:
        line = bisect.bisect_right(self.line_starts, pos)
        column = pos - self.line_starts[line - 1] + 1
        return Location(file=self.positions.file, line=line, column=column)

    def fail(self, zh: str, en: str) -> DataError:
        spot = self.where(self.pos)
        return syntax_problem(self.positions.file, spot.line, spot.column, zh, en)

    def skip(self) -> None:
        match = _SPACE.match(self.text, self.pos)
        self.pos = match.end() if match else self.pos

    def value(self, path: Path) -> object:
        self.skip()
        if len(path) > self.limits.max_depth:
            raise too_large(self.positions.file, "JSON 嵌套过深", "JSON nests too deep")
        self.positions.values[path] = self.where(self.pos)
        char = self.text[self.pos : self.pos + 1]
        if char == "{":
            return self.mapping(path)
        if char == "[":
            return self.array(path)
        if char == '"':
            return self.string()
        return self.scalar()

    def string(self) -> str:
        try:
            text, self.pos = _SCAN(self.text, self.pos + 1, True)
        except ValueError as err:
            raise self.fail(f"字符串有误（{err}）", f"bad string ({err})") from None
        return text

    def scalar(self) -> object:
        for word, value in _LITERALS.items():
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return value
        match = _NUMBER.match(self.text, self.pos)
        if match is None or match.end() == self.pos:
            raise self.fail("此处应为一个值", "expected a value here")
        self.pos = match.end()
        is_float = match.group(1) or match.group(2)
        return float(match.group()) if is_float else int(match.group())

    def expect(self, char: str) -> None:
        self.skip()
        if self.text[self.pos : self.pos + 1] != char:
            raise self.fail(f"此处应为“{char}”", f"expected {char!r} here")
        self.pos += 1

    def mapping(self, path: Path) -> dict[str, object]:
        self.pos += 1
        out: dict[str, object] = {}
        self.skip()
        if self.text.startswith("}", self.pos):
            self.pos += 1
            return out
        while True:
            self.skip()
            if not self.text.startswith('"', self.pos):
                raise self.fail("此处应为带引号的键", "expected a quoted key here")
            key_at = self.where(self.pos)
            key = self.string()
            child = (*path, key)
            if key in out:
                self.problems.append(_duplicate(key, key_at, child))
            self.positions.keys[child] = key_at
            self.expect(":")
            out[key] = self.value(child)
            if not self.more("}"):
                return out

    def array(self, path: Path) -> list[object]:
        self.pos += 1
        items: list[object] = []
        self.skip()
        if self.text.startswith("]", self.pos):
            self.pos += 1
            return items
        while True:
            items.append(self.value((*path, len(items))))
            if not self.more("]"):
                return items

    def more(self, closer: str) -> bool:
        """After an element: ``True`` on a comma, ``False`` on ``closer``."""
        self.skip()
        char = self.text[self.pos : self.pos + 1]
        self.pos += 1
        if char == ",":
            return True
        if char == closer:
            return False
        self.pos -= 1
        raise self.fail(f"此处应为“,”或“{closer}”", f"expected ',' or {closer!r} here")


def _duplicate(key: str, where: Location, path: Path) -> Problem:
    return Problem(
        "duplicate_key",
        f"键“{key}”重复出现，后一个会覆盖前一个",
        f"key {key!r} appears twice; the later one would replace the earlier",
        where,
        format_path(path),
    )


__all__ = ["load_json"]

"""TOML loading: values from ``tomllib``, positions from a line scan.

``tomllib`` reports no positions, so after it has parsed the text (and so
vouched for its syntax) a line scanner follows table headers, arrays of tables
and ``key = value`` lines to record where each key's value starts. Values inside
inline tables and multi-line arrays point at the line of their key.
"""

from __future__ import annotations

import re
import tomllib

from docgen.data.loaders.base import RawDocument, syntax_problem
from docgen.data.loaders.guard import too_large
from docgen.data.positions import Path, PositionMap
from docgen.exceptions import Location

_KEY_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_ARRAY_TABLE = re.compile(rf"\s*\[\[\s*({_DOTTED})\s*\]\]")
_TABLE = re.compile(rf"\s*\[\s*({_DOTTED})\s*\]")
_KEY_VALUE = re.compile(rf"(\s*)({_DOTTED})\s*=\s*")
_PART = re.compile(_KEY_PART)
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def load_toml(text: str, display: str) -> RawDocument:
    """Parse TOML ``text`` (from file ``display``) into a :class:`RawDocument`.

    Raises ``DataError`` on a syntax error, with its line and column.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        found = _AT.search(str(err))
        line, col = (int(found.group(1)), int(found.group(2))) if found else (None, None)
        raise syntax_problem(display, line, col, _AT.sub("", str(err)).strip()) from None
    except RecursionError:
        # tomllib recurses once per nesting level: thousands of levels are refused, not a crash.
        raise too_large(display, "TOML 嵌套过深", "TOML nests too deep") from None
    return RawDocument(data, _scan(text, display), "toml")


def _parts(dotted: str) -> list[str]:
    out = []
    for match in _PART.finditer(dotted):
        token = match.group()
        if token[:1] in "\"'":
            token = tomllib.loads(f"k = {token}")["k"]
        out.append(token)
    return out


class _Tables:
    """The table path the scanner is in, with the current index of each array of tables."""

    def __init__(self) -> None:
        self.current: Path = ()
        self.counts: dict[Path, int] = {}

    def concrete(self, parts: list[str]) -> Path:
        path: Path = ()
        for part in parts:
            path = (*path, part)
            if path in self.counts:
                path = (*path, self.counts[path])
        return path

    def enter_array(self, parts: list[str]) -> Path:
        parent = self.concrete(parts[:-1])
        key = (*parent, parts[-1])
        self.counts[key] = self.counts.get(key, -1) + 1
        self.current = (*key, self.counts[key])
        return self.current


def _scan(text: str, display: str) -> PositionMap:
    positions = PositionMap(display)
    tables = _Tables()
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if in_string is not None:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        here = Location(file=display, line=number, column=1)
        if match := _ARRAY_TABLE.match(line):
            positions.values[tables.enter_array(_parts(match.group(1)))] = here
        elif match := _TABLE.match(line):
            tables.current = tables.concrete(_parts(match.group(1)))
            positions.values[tables.current] = here
        elif match := _KEY_VALUE.match(line):
            path = (*tables.current, *_parts(match.group(2)))
            positions.keys[path] = Location(
                file=display, line=number, column=len(match.group(1)) + 1
            )
            positions.values[path] = Location(file=display, line=number, column=match.end() + 1)
            rest = line[match.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_string = quote
    return positions


__all__ = ["load_toml"]

"""YAML as typed with a Chinese input method: repairs that cannot change the meaning.

A secretary typing with a Chinese IME slips in characters YAML does not read:
a full-width colon ``标题：示例`` as the key separator, no space after ``:``,
a tab or a full-width space ``\\u3000`` for indentation or after the colon,
full-width spaces at the end of a line. :func:`repair` rewrites those lines
before parsing, line for line (no line is added or removed, so every later
message keeps its line number), and returns one warning per kind of repair.

A repair is made only where the reading is not in doubt:

- a colon is taken as a separator only after a word that is a field name of
  some kind, or after a word on a line that sits among other ``key: value``
  lines (where a plain text line would be a syntax error anyway); a list item
  such as ``- 议题一：学习文件`` among plain texts stays a text;
- indentation with tabs or full-width spaces is read with every plausible width
  (tab = 2, 4 or 8 spaces; full-width space = 1 or 2); the repair is kept only if
  every width that parses gives the same document, else the file is refused with
  the first such line named;
- block scalars (``|``, ``>``), comments and quoted texts are left as written.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml

from docgen.data.loaders.base import syntax_problem
from docgen.exceptions import Location, Problem

_FULL_SPACE = "\u3000"
_INDENT = re.compile(r"[ \t\u3000]*")
_DASH = re.compile(r"-[ \t\u3000]+|-$")
# A word that may be a key: letters, digits, underscores (CJK counts as letters).
_KEY = re.compile(r"(?P<key>\w{1,20})[ \u3000]*(?P<sep>[:：])(?P<after>[ \t\u3000]*)(?P<rest>.*)")
_BLOCK = re.compile(r"[|>][0-9+-]*[ \t]*(#.*)?")
_PLAIN_KEY = re.compile(r"[^\s'\"#\[{&*!|>%@`][^#]*?:( |$)")

#: What each repair is called in the warning, by code.
_REPAIRS = {
    "full_colon": ("全角冒号“：”已按英文冒号“: ”读取", "full-width colon read as ': '"),
    "colon_space": ("冒号后缺少空格，已补上", "missing space after ':' added"),
    "odd_space": (
        "冒号后的 Tab 或全角空格已按一个空格读取",
        "tab or full-width space after ':' read as one space",
    ),
    "tab_indent": ("Tab 缩进已按空格缩进读取", "tab indentation read as spaces"),
    "full_indent": ("全角空格缩进已按半角空格读取", "full-width space indentation read as spaces"),
    "full_trail": ("行尾的全角空格已去掉", "full-width spaces at line end removed"),
}


@dataclass
class Repaired:
    """The repaired ``text`` and a warning for each kind of repair made."""

    text: str
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class _Line:
    indent: str
    dashes: str
    body: str
    end: str
    verbatim: bool = False

    @property
    def width(self) -> int:
        return _width(self.indent, 4, 2)

    @property
    def body_width(self) -> int:
        return self.width + len(self.dashes)

    def text(self) -> str:
        return self.indent + self.dashes + self.body + self.end


def repair(text: str, display: str) -> Repaired:
    """``text`` with IME slips repaired (see the module docstring).

    Raises ``DataError`` naming the line when tab or full-width indentation can
    be read in more than one way.
    """
    lines = [_split(raw) for raw in text.splitlines(keepends=True)]
    _mark_verbatim(lines)
    found: dict[str, list[int]] = {}
    keyish = [_is_key_line(line) for line in lines]
    for number, line in enumerate(lines):
        if not line.verbatim and line.body:
            for code in _fix_line(lines, number, keyish):
                found.setdefault(code, []).append(number + 1)
    text = _indentation(lines, display, found)
    return Repaired(text, [_warning(display, code, rows) for code, rows in found.items()])


def _split(raw: str) -> _Line:
    content = raw.rstrip("\r\n")
    end = raw[len(content) :]
    indent = _INDENT.match(content)
    assert indent is not None  # noqa: S101 -- the pattern matches the empty string
    rest = content[indent.end() :]
    dashes = ""
    while match := _DASH.match(rest):
        dashes += "-" + " " * (len(match.group()) - 1 if match.group() != "-" else 0)
        rest = rest[match.end() :]
    return _Line(indent.group(), dashes, rest, end)


def _mark_verbatim(lines: list[_Line]) -> None:
    """Mark comments and the insides of block scalars and multi-line quotes."""
    block_at: int | None = None
    quote: str | None = None
    for line in lines:
        if quote is not None:
            line.verbatim = True
            if _count_quotes(line.text(), quote) % 2 == 1:
                quote = None
            continue
        if block_at is not None:
            if (not line.body and not line.dashes) or line.width > block_at:
                line.verbatim = True
                continue
            block_at = None
        if line.body.startswith("#") or not line.body.strip():
            line.verbatim = bool(line.body)
            continue
        value = _value_part(line.body)
        if value is not None and _BLOCK.fullmatch(value.strip()):
            block_at = line.width
        elif value and value[0] in "\"'" and _count_quotes(value, value[0]) % 2 == 1:
            quote = value[0]


def _count_quotes(text: str, quote: str) -> int:
    if quote == "'":
        return text.count("'") - 2 * text.count("''")
    return len(re.findall(r'(?<!\\)"', text))


def _value_part(body: str) -> str | None:
    """What follows the key separator of ``body`` (ASCII or full-width), if any."""
    if body[:1] in "|>\"'":
        return body
    match = _KEY.match(body)
    if match:
        return match["rest"]
    plain = _PLAIN_KEY.match(body)
    return body[plain.end() :] if plain else None


def _is_key_line(line: _Line) -> bool:
    """A line that is surely ``key: value`` (a proper ASCII key or a known key)."""
    if line.verbatim or not line.body:
        return False
    if _PLAIN_KEY.match(line.body):
        return True
    # Only a key the plain pattern misses asks the models' keys (imported on first use).
    match = _KEY.match(line.body)
    return bool(match and match["key"] in _known_keys())


def _known_keys() -> frozenset[str]:
    """Every key any kind accepts (:func:`docgen.data.shapes.known_keys`).

    Imported here, on first use: well-formed YAML never asks, so reading it loads no model.
    """
    from docgen.data.shapes import known_keys

    return known_keys()


def _fix_line(lines: list[_Line], number: int, keyish: list[bool]) -> Iterator[str]:
    line = lines[number]
    if line.body.endswith(_FULL_SPACE) and line.body.strip(_FULL_SPACE + " "):
        line.body = line.body.rstrip(_FULL_SPACE + " ")
        yield "full_trail"
    match = _KEY.match(line.body)
    if match is None:
        return
    after, rest = match["after"], match["rest"]
    if match["sep"] == "：":
        code = "full_colon"
    elif not after and rest:
        code = "colon_space"
    elif after.strip(" "):
        code = "odd_space"
    else:
        return
    if not _separator_meant(lines, number, match["key"], keyish):
        return
    line.body = f"{match['key']}:{' ' + rest if rest else ''}"
    keyish[number] = True
    yield code


def _separator_meant(lines: list[_Line], number: int, key: str, keyish: list[bool]) -> bool:
    """Whether the colon after ``key`` on line ``number`` is meant as the key separator."""
    if key.isdigit():
        return False
    if not lines[number].dashes:
        return key in _known_keys() or _among_keys(lines, number, keyish)
    # A list item: a mapping only if the key is known and the list holds mappings
    # (a key line under this item, or another item that is one), never among texts.
    return key in _known_keys() and any(_item_neighbours(lines, number, keyish))


def _significant(lines: list[_Line], number: int, step: int) -> Iterator[int]:
    index = number + step
    while 0 <= index < len(lines):
        if not lines[index].verbatim and lines[index].body:
            yield index
        index += step


def _among_keys(lines: list[_Line], number: int, keyish: list[bool]) -> bool:
    """Whether a sibling of line ``number`` (same indentation) is a ``key: value`` line."""
    width = lines[number].width
    for step in (-1, 1):
        for index in _significant(lines, number, step):
            other = lines[index]
            if other.body_width == width and keyish[index]:
                return True
            if other.width < width or (other.width == width and other.dashes):
                break
    return False


def _item_neighbours(lines: list[_Line], number: int, keyish: list[bool]) -> Iterator[bool]:
    """For the key lines of this list item and its sibling items: is each a key line?"""
    start = lines[number]
    for step in (1, -1):
        own_item = step == 1
        for index in _significant(lines, number, step):
            other = lines[index]
            if other.width < start.width or (other.width == start.width and not other.dashes):
                break
            if other.width == start.width:
                own_item = False
                yield keyish[index]
            elif own_item and other.width == start.body_width and not other.dashes:
                yield keyish[index]


def _indentation(lines: list[_Line], display: str, found: dict[str, list[int]]) -> str:
    """The text with tab and full-width indentation replaced by spaces.

    Every plausible width is tried; all that parse must give the same events.
    """
    odd = [
        n
        for n, line in enumerate(lines)
        if not line.verbatim and line.body and line.indent.strip(" ")
    ]
    plain = "".join(line.text() for line in lines)
    if not odd:
        return plain
    tabs = any("\t" in lines[n].indent for n in odd)
    fulls = any(_FULL_SPACE in lines[n].indent for n in odd)
    variants: dict[tuple[int, int], str] = {}
    for tab, full in itertools.product((2, 4, 8) if tabs else (4,), (2, 1) if fulls else (2,)):
        variants[(tab, full)] = "".join(
            " " * _width(line.indent, tab, full) + line.dashes + line.body + line.end
            if n in odd
            else line.text()
            for n, line in enumerate(lines)
        )
    readings = {key: _events(text) for key, text in variants.items()}
    good = {key: events for key, events in readings.items() if events is not None}
    if len(set(map(tuple, good.values()))) > 1:
        first = odd[0]
        raise syntax_problem(
            display,
            first + 1,
            1,
            "这一行用 Tab 或全角空格缩进，与其他行的空格缩进对不齐，层级无法确定；"
            "请改用半角空格缩进（每层两个空格）",
            "this line is indented with tabs or full-width spaces that do not line up with "
            "the space-indented lines; indent with spaces (two per level)",
        )
    if tabs:
        found["tab_indent"] = [n + 1 for n in odd if "\t" in lines[n].indent]
    if fulls:
        found["full_indent"] = [n + 1 for n in odd if _FULL_SPACE in lines[n].indent]
    chosen = next(iter(good), (2 if tabs else 4, 2))
    return variants[chosen]


def _width(indent: str, tab: int, full: int) -> int:
    column = 0
    for char in indent:
        if char == "\t":
            column += tab - column % tab
        else:
            column += full if char == _FULL_SPACE else 1
    return column


def _events(text: str) -> list[tuple[object, ...]] | None:
    """The parse events of ``text`` (aliases unexpanded), or ``None`` if it does not parse."""
    try:
        return [
            (type(e).__name__, getattr(e, "value", None), getattr(e, "anchor", None))
            for e in yaml.parse(text, Loader=yaml.SafeLoader)
        ]
    except yaml.YAMLError:
        return None


def _warning(display: str, code: str, rows: list[int]) -> Problem:
    zh, en = _REPAIRS[code]
    shown = "、".join(map(str, rows[:10])) + ("等" if len(rows) > 10 else "")
    shown_en = ", ".join(map(str, rows[:10])) + (" …" if len(rows) > 10 else "")
    return Problem(
        "ime_repaired",
        f"第 {shown} 行：{zh}",
        f"line(s) {shown_en}: {en}",
        Location(file=display, line=rows[0]),
        severity="warning",
    )


__all__ = ["Repaired", "repair"]
